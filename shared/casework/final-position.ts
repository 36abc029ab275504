// Our final position on a case (explore39-letters #1): the one home of "our final position stands", asked wherever a
// final response could give the customer a second final answer: the letter dialog's question and the case page
// header's next letter (renderer/src/features/letters/build.ts), and the steps that do not fit (./step-fit.ts).
import type { TimelineEvent } from '#shared/model/case';
import { standingDeadlock, standingSinceLastReopening } from '#shared/model/effective';
import { SUMMARIES_EN } from './summaries';

type Entry = Pick<TimelineEvent, 'type' | 'on' | 'summary'> & Partial<Pick<TimelineEvent, 'at' | 'id' | 'data' | 'by'>>;

/**
 * Whether `e` is the entry that issuing "ADR letter: our final position" records beside the letter: an ADR letter sent
 * with our final position. It keeps no data and says so in its stored summary, the record's words (the summary's
 * reading, summaries.ts, knows it by them too). An ADR letter recorded as sent by hand (with its channel) says nothing of
 * a final position: the desk is asked to record the deadlock first.
 */
export function isAdrLetterWithFinalPosition(e: Entry): boolean {
  return (
    e.type === 'adr-letter-sent' && e.data === undefined && e.summary === SUMMARIES_EN['adr-letter-final-position']
  );
}

/**
 * Our final position that stands on the case, if any: a deadlock, or else the ADR letter that carried our final
 * position (issued without a deadlock recorded), since the case was last reopened or escalated, voids aside. A final
 * response after it gives the customer two final answers. Issuing that ADR letter records no deadlock: the rules read a
 * deadlock as the day the ADR letter fell due and the stage it moves the case to, and the letter, once sent, met that
 * clock already; the reports' figures stay as they were.
 */
export function standingFinalPosition<T extends Entry>(events: readonly T[]): T | null {
  return standingDeadlock(events) ?? standingSinceLastReopening(events, isAdrLetterWithFinalPosition);
}
