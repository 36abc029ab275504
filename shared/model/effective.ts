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
  return timelineAsItCounts(events).flatMap(({ entry, takenBack }) => (takenBack ? [] : [entry]));
}

/**
 * `effectiveTimeline` with what a later reopening took back still in its place, marked `takenBack`: a resolution so
 * taken back no longer settles the case, but it was still the reply the customer got, which the rules' own targets
 * count (shared/rules/facts.ts `caseFacts`; shared/rules/README.md, "Voided entries and reopening").
 */
export function timelineAsItCounts<T extends Entry>(events: readonly T[]): { entry: T; takenBack: boolean }[] {
  const voids = voidsByEntry(events);
  const kept = inTimelineOrder(events).filter(
    (e) => e.id === undefined || UNVOIDABLE_TYPES.has(e.type) || !voids.has(e.id),
  );
  // Each reopening takes back every closure and resolution before it.
  const lastReopening = kept.findLastIndex((e) => e.type === 'reopened');
  return kept.map((entry, i) => ({ entry, takenBack: i < lastReopening && UNDONE_BY_REOPENING.has(entry.type) }));
}

/**
 * The last entry that `is` one of those sought and still stands: since the case was last reopened or escalated (a new
 * stage asks again), voids aside. Null when there is none.
 */
export function standingSinceLastReopening<T extends Entry>(events: readonly T[], is: (e: T) => boolean): T | null {
  const counting = effectiveTimeline(events);
  const since = counting.slice(counting.findLastIndex((e) => e.type === 'reopened' || e.type === 'escalated') + 1);
  return since.findLast(is) ?? null;
}

/**
 * Our final position recorded as such (a deadlock) that stands, if any: the last one since the case was last reopened
 * or escalated, voids aside. A second deadlock after it is refused (casework/availability.ts) or, from another desk,
 * listed (casework/step-fit.ts). Whether our final position stands on the case at all, given by a deadlock or by the ADR
 * letter that carried it, is casework's `standingFinalPosition`.
 */
export function standingDeadlock<T extends Entry>(events: readonly T[]): T | null {
  return standingSinceLastReopening(events, (e) => e.type === 'deadlock');
}
