// What of a timeline still counts (issue #15): entries are never edited or deleted, so a mistake is put right by a
// new entry. A `voided` entry names the entry it cancels (`data.entryId`); a `reopened` entry undoes the closure and
// the resolution recorded before it. Every reading of a case for its clocks, its state and its figures (the rules'
// caseFacts, casework's readState, the reports) goes through `effectiveTimeline`, so they all agree.
import { inTimelineOrder, type TimelineEvent } from './case';

type Entry = Pick<TimelineEvent, 'type' | 'on'> & Partial<Pick<TimelineEvent, 'at' | 'id' | 'data' | 'by'>>;

/** Entry types a void cannot cancel: the receipt (correct its date instead) and a void itself (final, see README). */
export const UNVOIDABLE_TYPES: ReadonlySet<string> = new Set(['received', 'voided']);

/** The entries that close or settle a case: a later reopening takes them back. */
const UNDONE_BY_REOPENING: ReadonlySet<string> = new Set(['closed', 'resolved']);

/** The void of each voided entry, by the voided entry's id. */
export function voidsByEntry<T extends Entry>(events: readonly T[]): Map<string, T> {
  const voids = new Map<string, T>();
  for (const e of events) {
    const target = e.type === 'voided' ? e.data?.entryId : undefined;
    if (typeof target === 'string' && !voids.has(target)) voids.set(target, e);
  }
  return voids;
}

/**
 * The timeline as it counts, in THE order (`inTimelineOrder`): without the voided entries (the voids themselves stay:
 * no reading counts them), and without a `closed` or `resolved` entry that a later reopening took back. A void can
 * never be voided (`UNVOIDABLE_TYPES`), so a void always counts.
 */
export function effectiveTimeline<T extends Entry>(events: readonly T[]): T[] {
  const voids = voidsByEntry(events);
  const kept = inTimelineOrder(events).filter(
    (e) => e.id === undefined || UNVOIDABLE_TYPES.has(e.type) || !voids.has(e.id),
  );
  let lastReopening = -1;
  kept.forEach((e, i) => {
    if (e.type === 'reopened') lastReopening = i;
  });
  if (lastReopening < 0) return kept;
  // Each reopening takes back every closure and resolution before it.
  const out: T[] = [];
  const reopenings = kept.map((e) => e.type === 'reopened');
  kept.forEach((e, i) => {
    if (UNDONE_BY_REOPENING.has(e.type) && reopenings.slice(i + 1).some(Boolean)) return;
    out.push(e);
  });
  return out;
}

/**
 * Our final position that stands (a deadlock), if any: the last one since the case was last reopened or escalated,
 * voids aside. A final response after it gives the customer two final answers (casework/step-fit.ts, the letter
 * dialog's question).
 */
export function standingDeadlock<T extends Entry>(events: readonly T[]): T | null {
  const counting = effectiveTimeline(events);
  const since = counting.slice(counting.findLastIndex((e) => e.type === 'reopened' || e.type === 'escalated') + 1);
  return since.findLast((e) => e.type === 'deadlock') ?? null;
}
