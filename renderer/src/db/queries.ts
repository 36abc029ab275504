// Targeted reads of the case index for the dashboard and reminders: IndexedDB range queries on indexed due dates,
// so each reads only the cases it returns (cheap at 100,000 cases). Plain async functions so tests and the hooks
// (./hooks.ts) share them. Dates are YYYY-MM-DD; "today" is always an argument.
import { addCalendarDays } from '#shared/rules/index';
import type { CaseIndexRow, PersonRow, RedressDatabase } from './schema';

/** Statuses that still need the desk's attention. A closed case has nothing left to do. */
export const ACTIVE_STATUSES = ['open', 'resolved'] as const;

/** Earliest next due date first, then oldest complaint, then reference. */
export function byNextDue(a: CaseIndexRow, b: CaseIndexRow): number {
  const ad = a.nextDueOn ?? '\uffff';
  const bd = b.nextDueOn ?? '\uffff';
  if (ad !== bd) return ad < bd ? -1 : 1;
  if (a.receivedOn !== b.receivedOn) return a.receivedOn < b.receivedOn ? -1 : 1;
  return a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0;
}

async function activeWithNextDue(database: RedressDatabase, lower: string, upper: string, includeLower: boolean, includeUpper: boolean) {
  const parts = await Promise.all(
    ACTIVE_STATUSES.map((status) =>
      database.caseIndex.where('[status+nextDueOn]').between([status, lower], [status, upper], includeLower, includeUpper).toArray(),
    ),
  );
  return parts.flat().sort(byNextDue);
}

/** Active cases whose most urgent pending clock falls due between `from` and `to` (both included). */
export function dueBetween(database: RedressDatabase, from: string, to: string): Promise<CaseIndexRow[]> {
  if (to < from) return Promise.resolve([]);
  return activeWithNextDue(database, from, to, true, true);
}

/** Active cases whose most urgent pending clock was due before `today` (overdue). */
export function overdue(database: RedressDatabase, today: string): Promise<CaseIndexRow[]> {
  return activeWithNextDue(database, '', today, true, false);
}

/** Open cases with no acknowledgement (nor a response, resolution, deadlock or closure) on the timeline, oldest first. */
export async function unacknowledged(database: RedressDatabase): Promise<CaseIndexRow[]> {
  const rows = await database.caseIndex.where('[status+acknowledged]').equals(['open', 0]).toArray();
  return rows.sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : byNextDue(a, b)));
}

/**
 * Active cases whose ADR letter is still to send and due on or before `today + horizonDays` (calendar days), overdue
 * ones included; earliest first.
 */
export async function adrLettersDue(database: RedressDatabase, today: string, horizonDays: number): Promise<CaseIndexRow[]> {
  const through = addCalendarDays(today, horizonDays);
  const parts = await Promise.all(
    ACTIVE_STATUSES.map((status) => database.caseIndex.where('[status+adrLetterDueOn]').between([status, ''], [status, through], true, true).toArray()),
  );
  return parts
    .flat()
    .sort((a, b) => (a.adrLetterDueOn! < b.adrLetterDueOn! ? -1 : a.adrLetterDueOn! > b.adrLetterDueOn! ? 1 : byNextDue(a, b)));
}

/**
 * Cases whose customer's ADR referral window (12 months from the ADR letter; 6 for the FCA) ends between `today` and
 * `today + horizonDays`, earliest first. Whatever the case's status: the window is the customer's and runs on after
 * the case is closed.
 */
export async function referralWindowsClosing(database: RedressDatabase, today: string, horizonDays: number): Promise<CaseIndexRow[]> {
  const through = addCalendarDays(today, horizonDays);
  const rows = await database.caseIndex.where('adrReferralEndsOn').between(today, through, true, true).toArray();
  return rows.sort((a, b) => (a.adrReferralEndsOn! < b.adrReferralEndsOn! ? -1 : a.adrReferralEndsOn! > b.adrReferralEndsOn! ? 1 : byNextDue(a, b)));
}

/** Active cases handled by `assignee` ("my cases"), most urgent first. */
export async function handledBy(database: RedressDatabase, assignee: string): Promise<CaseIndexRow[]> {
  const parts = await Promise.all(
    ACTIVE_STATUSES.map((status) => database.caseIndex.where('[assignee+status]').equals([assignee, status]).toArray()),
  );
  return parts.flat().sort(byNextDue);
}

/** The desk's people, by name (active and not). */
export function people(database: RedressDatabase): Promise<PersonRow[]> {
  return database.people.orderBy('name').toArray();
}
