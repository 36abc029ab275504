// Reads: live queries, so every screen redraws when the data changes (in this window or another).
import { useLiveQuery } from 'dexie-react-hooks';
import { useCaseIndexSnapshot, type CaseIndexSnapshot } from './case-index/store';
import { adrLettersDue, dueBetween, handledBy, overdue, people, referralWindowsClosing, unacknowledged } from './queries';
import { db } from './schema';

export const useSettings = () => useLiveQuery(async () => (await db().settings.get('desk'))?.value ?? null, []);

/**
 * Every case record, newest first. Reads all of them: fine for a handful, slow at 100,000. Lists and counts should
 * use the case index (`useCaseIndex` and the targeted hooks below) instead.
 */
export const useCases = () => useLiveQuery(() => db().cases.orderBy('receivedOn').reverse().toArray(), []);

export const useCase = (id: string) => useLiveQuery(async () => (await db().cases.get(id)) ?? null, [id]);

export const useTimeline = (caseId: string) =>
  useLiveQuery(() => db().events.where('[caseId+at]').between([caseId, ''], [caseId, '\uffff']).toArray(), [caseId]);

export const useLetters = (caseId: string) => useLiveQuery(() => db().letters.where('caseId').equals(caseId).toArray(), [caseId]);

// --- The case index (schema.ts `CaseIndexRow`): derived rows with each case's next due date, for lists. ---------
// Each hook below returns undefined while loading, then CaseIndexRow[]; all are live. Overdue and "due" are decided
// by the caller's `today` (pass `todayIso()`), the stored dates never depend on it. "Active" means open or resolved
// (a closed case has nothing left to do).

/**
 * All case index rows, held in memory once per window and kept fresh row by row (./case-index-store.ts): for search
 * and the case list. `complete` is false while the rows are still being read (the newest come first).
 * Prefer the targeted hooks below for dashboards: they read only what they show.
 */
export const useCaseIndex = (): CaseIndexSnapshot => useCaseIndexSnapshot();

/** One case's index row (its next due date, stage name, status), or null when there is none. */
export const useCaseIndexRow = (caseId: string) => useLiveQuery(async () => (await db().caseIndex.get(caseId)) ?? null, [caseId]);

/** Active cases whose most urgent pending clock falls due between `from` and `to`, both included (e.g. today, this week). */
export const useDueBetween = (from: string, to: string) => useLiveQuery(() => dueBetween(db(), from, to), [from, to]);

/** Active cases whose most urgent pending clock was due before `today`, most overdue first. */
export const useOverdue = (today: string) => useLiveQuery(() => overdue(db(), today), [today]);

/** Open cases not yet acknowledged (no acknowledgement, response, resolution, deadlock or closure), oldest first. */
export const useUnacknowledged = () => useLiveQuery(() => unacknowledged(db()), []);

/** Active cases with an ADR letter to send, due by `today + horizonDays` calendar days (overdue ones included). */
export const useAdrLettersDue = (today: string, horizonDays: number) =>
  useLiveQuery(() => adrLettersDue(db(), today, horizonDays), [today, horizonDays]);

/** Cases whose customer's ADR referral window ends between `today` and `today + horizonDays` calendar days. */
export const useReferralWindowsClosing = (today: string, horizonDays: number) =>
  useLiveQuery(() => referralWindowsClosing(db(), today, horizonDays), [today, horizonDays]);

/** Active cases handled by `assignee` ("my cases"), most urgent first. */
export const useHandledBy = (assignee: string) => useLiveQuery(() => handledBy(db(), assignee), [assignee]);

/** The desk's people (id, name, active), by name, for the "who is working" picker. */
export const usePeople = () => useLiveQuery(() => people(db()), []);
