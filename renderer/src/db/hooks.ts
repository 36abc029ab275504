// Reads: live queries, so every screen redraws when the data changes (in this window or another).
import { useLiveQuery } from 'dexie-react-hooks';
import { useCaseIndexSnapshot, type CaseIndexSnapshot } from './case-index/store';
import { handledBy } from './case-index/queries';
import { listAttachments } from './repositories/attachments';
import { installRows, procedureRows, readDesk } from './desk';
import { db, type PersonRow, type RedressDatabase } from './schema';
import { readEarly, useEarlyLiveQuery } from './early';
import { timelineOf } from './timeline';

const readSettings = async () => (await readDesk(db())) ?? null;
/** The desk's settings (null before the first run's form is saved). Live. */
export const useSettings = () => useEarlyLiveQuery('settings', readSettings);
/** Read the settings before the app is drawn (main.tsx), so its first draw has them. */
export const readSettingsEarly = () => readEarly('settings', readSettings);

/** Every stored version of the desk's own procedures (issue #16); installs them as the rules' when they change. */
export const useProcedureRows = () =>
  useLiveQuery(async () => {
    const rows = await procedureRows(db());
    installRows(rows);
    return rows;
  }, []);

/**
 * Every case record, newest first. Reads all of them: fine for a handful, slow at 100,000. Lists and counts should
 * use the case index (`useCaseIndex`, ./case-index/queries.ts) instead.
 */
export const useCases = () => useLiveQuery(() => db().cases.orderBy('receivedOn').reverse().toArray(), []);

export const useCase = (id: string) => useLiveQuery(async () => (await db().cases.get(id)) ?? null, [id]);

export const useTimeline = (caseId: string) => useLiveQuery(() => timelineOf(db(), caseId).toArray(), [caseId]);

export const useLetters = (caseId: string) =>
  useLiveQuery(() => db().letters.where('caseId').equals(caseId).toArray(), [caseId]);

// --- The case index (schema.ts `CaseIndexRow`): derived rows with each case's next due date, for lists. ---------
// The hooks below return undefined while loading, then their rows; all are live. Overdue and "due" are decided
// by the caller's `today` (pass `todayIso()`), the stored dates never depend on it. "Active" means open or resolved
// (a closed case has nothing left to do).

/**
 * All case index rows, held in memory once per window and kept fresh row by row (./case-index/store.ts): for search
 * and the case list. `complete` is false while the rows are still being read (the newest come first).
 * Dashboards use ./case-index/queries.ts instead: it reads only what they show.
 */
export const useCaseIndex = (): CaseIndexSnapshot => useCaseIndexSnapshot();

/** One case's index row (its next due date, stage name, status), or null when there is none. */
export const useCaseIndexRow = (caseId: string) =>
  useLiveQuery(async () => (await db().caseIndex.get(caseId)) ?? null, [caseId]);

/** Active cases handled by `assignee` ("my cases"), most urgent first. */
export const useHandledBy = (assignee: string) => useLiveQuery(() => handledBy(db(), assignee), [assignee]);

/** The desk's people, by name (active and not). */
export function people(database: RedressDatabase): Promise<PersonRow[]> {
  return database.people.orderBy('name').toArray();
}

export function sortPeople(list: readonly PersonRow[]): PersonRow[] {
  return [...list].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name));
}

/** Everyone at the desk, active first, then by name. */
export const sortedPeople = async (database: RedressDatabase) => sortPeople(await people(database));

/** Read the people before the app is drawn (main.tsx): the header and the interface language need them. */
export const readPeopleEarly = () => readEarly('people', () => sortedPeople(db()));

/** A case's attachments (removed ones too, marked), oldest first. */
export const useAttachments = (caseId: string) => useLiveQuery(() => listAttachments(db(), caseId), [caseId]);
