// Reads: live queries, so every screen redraws when the data changes (in this window or another).
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useCaseIndexSnapshot, type CaseIndexSnapshot } from './case-index/store';
import { type CaseScope, type Dashboard, handledBy, loadDashboard } from './case-index/queries';
import { listAttachments } from './repositories/attachments';
import { procedureUses } from './repositories/procedures';
import { installRows, procedureRows, readDesk } from './desk';
import { db, type PersonRow, type RedressDatabase } from './schema';
import { SHARING_META_KEYS } from './outbox';
import { sharedRead, useSharedRead } from './shared-reads';
import { readTimeline } from './timeline';

const readSettings = async () => (await readDesk(db())) ?? null;
/** The desk's settings (null before the first run's form is saved). Live, one read for the window (./shared-reads.ts). */
export const useSettings = () => useSharedRead('settings', readSettings);

const readPeople = () => sortedPeople(db());
/** Everyone at the desk, active first, then by name. Live, one read for the window. */
export const usePeople = (): PersonRow[] | undefined => useSharedRead('people', readPeople);

const metaKey = (key: string) => `meta:${key}`;
const readMeta = (key: string) => async () => (await db().meta.get(key))?.value ?? null;
/** A row of the desk's meta table (its value; null when there is none). Live, one read for the window per key. */
export const useMetaValue = <T>(key: string) => useSharedRead(metaKey(key), readMeta(key)) as T | null | undefined;

import { CASES_SCOPE_KEY } from './cases-scope';
export { CASES_SCOPE_KEY };

/**
 * Start the reads the first screens need as the database is declared (main.tsx): the settings, the people, the desk's
 * team and whose cases it counts. Asked ahead of the dashboard's reads, they answer first, and every part of the window
 * drawn after that has them at once.
 */
export function startSharedReads(): void {
  sharedRead('settings', readSettings);
  sharedRead('people', readPeople);
  sharedRead(metaKey(SHARING_META_KEYS.membership), readMeta(SHARING_META_KEYS.membership));
  sharedRead(metaKey(CASES_SCOPE_KEY), readMeta(CASES_SCOPE_KEY));
}

/** Every stored version of the desk's own procedures (issue #16); installs them as the rules' when they change. */
export const useProcedureRows = () =>
  useLiveQuery(async () => {
    const rows = await procedureRows(db());
    installRows(rows);
    return rows;
  }, []);

/** What keeps each of these procedures (its providers, the desk's default, its cases), by id; re-read as they change. */
export const useProcedureUses = (ids: readonly string[]) =>
  useLiveQuery(() => procedureUses(db(), ids), [ids.join('\n')]);

/**
 * Every case record, newest first. Reads all of them: fine for a handful, slow at 100,000. Lists and counts should
 * use the case index (`useCaseIndex`, ./case-index/queries.ts) instead.
 */
export const useCases = () => useLiveQuery(() => db().cases.orderBy('receivedOn').reverse().toArray(), []);

export const useCase = (id: string) => useLiveQuery(async () => (await db().cases.get(id)) ?? null, [id]);

export const useTimeline = (caseId: string) => useLiveQuery(() => readTimeline(db(), caseId), [caseId]);

/** A case's letters in the order they were issued (the table's key order is their ids': explore33-desk #10). */
export const useLetters = (caseId: string) =>
  useLiveQuery(() => db().letters.where('caseId').equals(caseId).sortBy('issuedAt'), [caseId]);

// --- The case index (schema.ts `CaseIndexRow`): derived rows with each case's next due date, for lists. ---------
// The hooks below return undefined while loading, then their rows; all are live. Overdue and "due" are decided
// by the caller's `today` (pass `todayIso()`), the stored dates never depend on it. "Active" means open or resolved
// (a closed case has nothing left to do).

/**
 * All case index rows, held in memory once per window and kept fresh row by row (./case-index/store.ts): for search
 * and the case list. `complete` is false while the rows are still being read (the newest come first).
 * Dashboards use ./case-index/queries.ts instead (`useDashboard` below): it reads only what they show.
 */
export const useCaseIndex = (): CaseIndexSnapshot => useCaseIndexSnapshot();

/** One case's index row (its next due date, stage name, status), or null when there is none. */
export const useCaseIndexRow = (caseId: string) =>
  useLiveQuery(async () => (await db().caseIndex.get(caseId)) ?? null, [caseId]);

/** Active cases handled by `assignee` ("my cases"), most urgent first. */
export const useHandledBy = (assignee: string) => useLiveQuery(() => handledBy(db(), assignee), [assignee]);

/**
 * The dashboard's figures read early, as soon as the database is open (main.tsx), while the app shell and the desk's
 * settings are still being read and drawn: the screen's own live query starts only once the screen is mounted, after
 * them. Until that live query answers, the screen shows this early answer (the same reads, moments older); then the
 * live one, which follows every change. Kept only for the next `useDashboard` with the same day, limit and scope.
 */
let earlyDashboard: { key: string; promise: Promise<Dashboard>; value?: Dashboard } | null = null;

const dashboardKey = (today: string, limit: number, { desk, providerId }: CaseScope) =>
  JSON.stringify([today, limit, desk ?? null, providerId ?? null]);

/** Start reading the dashboard for `today` (every case, no provider chosen: how the screen opens on a lone desk). */
export function prefetchDashboard(database: RedressDatabase, today: string, limit = 50): void {
  const started = performance.now();
  const promise = loadDashboard(database, today, limit);
  const entry: NonNullable<typeof earlyDashboard> = { key: dashboardKey(today, limit, {}), promise };
  earlyDashboard = entry;
  promise.then(
    (value) => {
      entry.value = value;
      // For the benchmark (and DevTools): how long the dashboard's reads took from the database's opening.
      performance.measure('redress:dashboard-prefetch', { start: started, end: performance.now() });
    },
    () => {
      if (earlyDashboard === entry) earlyDashboard = null;
    },
  );
}

/** The dashboard, live: redrawn when any case changes, in this window or another. */
export function useDashboard(today: string, limit = 50, scope: CaseScope = {}): Dashboard | undefined {
  const { desk, providerId } = scope;
  const live = useLiveQuery(
    () => loadDashboard(db(), today, limit, { desk, providerId }),
    [today, limit, desk, providerId],
  );
  const key = dashboardKey(today, limit, { desk, providerId });
  const [read, setRead] = useState<{ key: string; value: Dashboard } | undefined>(() =>
    earlyDashboard?.key === key && earlyDashboard.value ? { key, value: earlyDashboard.value } : undefined,
  );
  useEffect(() => {
    if (live !== undefined) {
      earlyDashboard = null; // the live query answers from now on
      return;
    }
    const entry = earlyDashboard;
    if (!entry || entry.key !== key || read?.key === key) return;
    let current = true;
    entry.promise.then(
      (value) => current && setRead({ key, value }),
      () => {},
    );
    return () => {
      current = false;
    };
  }, [live, key, read]);
  return live ?? (read?.key === key ? read.value : undefined);
}

/** The desk's people, by name (active and not). */
export function people(database: RedressDatabase): Promise<PersonRow[]> {
  return database.people.orderBy('name').toArray();
}

export function sortPeople(list: readonly PersonRow[]): PersonRow[] {
  return [...list].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name));
}

/** Everyone at the desk, active first, then by name. */
export const sortedPeople = async (database: RedressDatabase) => sortPeople(await people(database));

/** A case's attachments (removed ones too, marked), oldest first. */
export const useAttachments = (caseId: string) => useLiveQuery(() => listAttachments(db(), caseId), [caseId]);
