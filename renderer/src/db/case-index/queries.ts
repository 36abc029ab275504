// The dashboard's reads: index range queries on the derived case index, so the home screen costs the same at
// 100 cases and at 100,000. Each list is a count plus its first rows in order; nothing reads the whole table.
// Plain reads of a database given: the screens' live hooks over them (`useDashboard`, `useHandledBy`) are in ../hooks.ts.
import type { Collection, InsertType } from 'dexie';
import { deskReferenceStart, isDeskReference } from '#shared/model/reference';
import type { CaseIndexRow, RedressDatabase } from '../schema';
import { dashboardWindows } from './due';

/** Cases still being worked: a resolved case can still owe the customer something (an ADR letter); a closed one has
 * nothing left to do. */
export const ACTIVE_STATUSES = ['open', 'resolved'] as const;

/** The first `limit` rows of a range, or all of them when no limit is given (the letters to post want every case). */
interface Range {
  toArray(): Promise<CaseIndexRow[]>;
  limit(n: number): { toArray(): Promise<CaseIndexRow[]> };
}
const firstRows = (range: Range, limit: number | undefined) =>
  (limit === undefined ? range : range.limit(limit)).toArray();

/** Earliest next due date first, then oldest complaint, then reference. */
export function byNextDue(a: CaseIndexRow, b: CaseIndexRow): number {
  const ad = a.nextDueOn ?? '\uffff';
  const bd = b.nextDueOn ?? '\uffff';
  if (ad !== bd) return ad < bd ? -1 : 1;
  if (a.receivedOn !== b.receivedOn) return a.receivedOn < b.receivedOn ? -1 : 1;
  return a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0;
}

export interface DueList {
  /** How many cases are in the list. */
  count: number;
  /** The first of them, most urgent first (at most the limit asked for; all of them when none is). */
  rows: CaseIndexRow[];
}

export interface Dashboard {
  today: string;
  overdue: DueList;
  dueToday: DueList;
  dueThisWeek: DueList;
  unacknowledged: DueList;
  adrLettersDue: DueList;
  referralWindowsClosing: DueList;
  openNothingDue: DueList;
}

/**
 * Which cases the dashboard counts: every case, or only those of the desk with this reference prefix ("this desk's
 * cases" in a team, issue #14) and/or of one provider (issue #16).
 */
export interface CaseScope {
  desk?: string;
  providerId?: string;
}

/**
 * Only the cases in `scope`; every case when it names nothing. The index's ranges stay as they are; the scope's
 * cases are picked from each range as it is read.
 */
type IndexRange = Collection<CaseIndexRow, string, InsertType<CaseIndexRow, 'caseId'>>;

function within<C extends IndexRange>(range: C, { desk, providerId }: CaseScope): C {
  if (desk === undefined && providerId === undefined) return range;
  return range.filter(
    (r) =>
      (desk === undefined || isDeskReference(r.reference, desk)) &&
      (providerId === undefined || r.providerId === providerId),
  ) as C;
}

/** The ids of the cases logged at the desk with this prefix (its references start with it). */
export async function deskCaseIds(database: RedressDatabase, desk: string): Promise<Set<string>> {
  return new Set(await database.caseIndex.where('reference').startsWith(deskReferenceStart(desk)).primaryKeys());
}

/**
 * The ids of the cases whose index row has one of these statuses. By the `[status+acknowledged]` index (from schema
 * version 14 `status` has no index of its own): `acknowledged` is 0 or 1 on every row, so every row is in it, where
 * `[status+nextDueOn]` and `[status+adrLetterDueOn]` leave out the rows whose date is null.
 */
export async function caseIdsWithStatus(
  database: RedressDatabase,
  statuses: readonly CaseIndexRow['status'][],
): Promise<string[]> {
  const ranges = statuses.map((status): [[string, number], [string, number]] => [
    [status, 0],
    [status, 1],
  ]);
  if (ranges.length === 0) return [];
  return (await database.caseIndex
    .where('[status+acknowledged]')
    .inAnyRange(ranges, { includeLowers: true, includeUppers: true })
    .primaryKeys()) as string[];
}

const byDate = (key: (r: CaseIndexRow) => string | null) => (a: CaseIndexRow, b: CaseIndexRow) =>
  (key(a) ?? '').localeCompare(key(b) ?? '') || a.reference.localeCompare(b.reference);

/** A range's count and its first `limit` rows, read side by side (the range is made anew for each read). */
async function countAndFirstRows(range: () => IndexRange, limit: number | undefined): Promise<DueList> {
  const [count, rows] = await Promise.all([range().count(), firstRows(range(), limit)]);
  return { count, rows };
}

/**
 * The same date range of a `[status+date]` index for each working status, in `scope`: counted by the index, only the
 * first rows of each read, merged in `order`.
 */
async function acrossActiveStatuses(
  database: RedressDatabase,
  index: '[status+nextDueOn]' | '[status+adrLetterDueOn]',
  [from, to, toIncluded]: [from: string, to: string, toIncluded: boolean],
  order: (a: CaseIndexRow, b: CaseIndexRow) => number,
  limit: number | undefined,
  scope: CaseScope,
): Promise<DueList> {
  const parts = await Promise.all(
    ACTIVE_STATUSES.map((status) =>
      countAndFirstRows(
        () => within(database.caseIndex.where(index).between([status, from], [status, to], true, toIncluded), scope),
        limit,
      ),
    ),
  );
  return {
    count: parts.reduce((n, p) => n + p.count, 0),
    rows: parts
      .flatMap((p) => p.rows)
      .sort(order)
      .slice(0, limit),
  };
}

/** Working cases whose next deadline is in [from, to] (`to` included when `toIncluded`), soonest first. */
export function nextDueBetween(
  database: RedressDatabase,
  from: string,
  to: string,
  toIncluded: boolean,
  limit?: number,
  scope: CaseScope = {},
): Promise<DueList> {
  return acrossActiveStatuses(
    database,
    '[status+nextDueOn]',
    [from, to, toIncluded],
    byDate((r) => r.nextDueOn),
    limit,
    scope,
  );
}

/** Open cases not yet acknowledged, the longest waiting first. */
export async function unacknowledged(
  database: RedressDatabase,
  limit?: number,
  scope: CaseScope = {},
): Promise<DueList> {
  const rows = await within(database.caseIndex.where('[status+acknowledged]').equals(['open', 0]), scope).toArray();
  rows.sort(byDate((r) => r.receivedOn));
  return { count: rows.length, rows: rows.slice(0, limit) };
}

/** The `[status+adrLetterDueOn]` index's own order: due date, then case id. */
function byAdrLetterDue(a: CaseIndexRow, b: CaseIndexRow): number {
  if (a.adrLetterDueOn !== b.adrLetterDueOn) return a.adrLetterDueOn! < b.adrLetterDueOn! ? -1 : 1;
  return a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0;
}

/**
 * Cases whose ADR letter is due on or before `horizon` (overdue ones included) and not yet sent, soonest first. Read
 * from the [status+adrLetterDueOn] ranges of the working statuses: counted by the index, only the first rows read.
 */
export function adrLettersDue(
  database: RedressDatabase,
  horizon: string,
  limit?: number,
  scope: CaseScope = {},
): Promise<DueList> {
  return acrossActiveStatuses(database, '[status+adrLetterDueOn]', ['', horizon, true], byAdrLetterDue, limit, scope);
}

/** Cases whose customer's ADR referral window ends between today and `horizon`, soonest first. */
export function referralWindowsClosing(
  database: RedressDatabase,
  today: string,
  horizon: string,
  limit?: number,
  scope: CaseScope = {},
): Promise<DueList> {
  return countAndFirstRows(
    () => within(database.caseIndex.where('adrReferralEndsOn').between(today, horizon, true, true), scope),
    limit,
  );
}

/**
 * Open cases with nothing due (../case-index/due.ts `isOpenWithNothingDue`: a reopened complaint whose clocks are met),
 * the most recently changed first. Read from the index of their mark alone (`openNothingDue`), which holds no other
 * case: counted by the index, only the first rows read.
 */
export function openNothingDue(database: RedressDatabase, limit?: number, scope: CaseScope = {}): Promise<DueList> {
  return countAndFirstRows(() => within(database.caseIndex.orderBy('openNothingDue').reverse(), scope), limit);
}

/**
 * The cases with these references, in the order asked (references not found are left out): an email quoting a case
 * of the desk is offered as a new complaint only with that case named (explore39-letters #7).
 */
export async function casesWithReferences(
  database: RedressDatabase,
  references: readonly string[],
): Promise<CaseIndexRow[]> {
  if (references.length === 0) return [];
  const rows = await database.caseIndex
    .where('reference')
    .anyOf([...references])
    .toArray();
  return references.flatMap((r) => rows.filter((row) => row.reference === r));
}

/** Active cases handled by `assignee` ("my cases"), most urgent first. */
export async function handledBy(database: RedressDatabase, assignee: string): Promise<CaseIndexRow[]> {
  const parts = await Promise.all(
    ACTIVE_STATUSES.map((status) => database.caseIndex.where('[assignee+status]').equals([assignee, status]).toArray()),
  );
  return parts.flat().sort(byNextDue);
}

/**
 * Everything the dashboard shows on `today`. A case's next deadline (its most urgent pending clock) puts it in one
 * of overdue, due today or due this week; an open case with nothing due is in "open, nothing due"; the other three
 * lists answer their own questions. `scope`: only the cases of a desk (its reference prefix, in a team) and/or of a
 * provider; every case when it names neither.
 */
export async function loadDashboard(
  database: RedressDatabase,
  today: string,
  limit = 50,
  scope: CaseScope = {},
): Promise<Dashboard> {
  const w = dashboardWindows(today);
  const [overdue, dueToday, dueThisWeek, unack, adr, referral, nothingDue] = await Promise.all([
    nextDueBetween(database, '', today, false, limit, scope),
    nextDueBetween(database, today, today, true, limit, scope),
    nextDueBetween(database, w.tomorrow, w.weekEndsOn, true, limit, scope),
    unacknowledged(database, limit, scope),
    adrLettersDue(database, w.adrLetterHorizon, limit, scope),
    referralWindowsClosing(database, today, w.referralHorizon, limit, scope),
    openNothingDue(database, limit, scope),
  ]);
  return {
    today,
    overdue,
    dueToday,
    dueThisWeek,
    unacknowledged: unack,
    adrLettersDue: adr,
    referralWindowsClosing: referral,
    openNothingDue: nothingDue,
  };
}
