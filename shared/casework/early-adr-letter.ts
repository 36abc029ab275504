// An ADR letter recorded as sent before it was due (REGULATION.md §1): the time-based letter tells the customer that
// the weeks are over and that the scheme will take the complaint now, which is not true before the day the case page
// gives it, unless the provider had given its final position (the letter is then due at once). The letter dialog
// refuses such a letter (shared/letters/adr-letter.ts); "ADR letter sent…" records what was done, so it is not refused
// but asked about, with the day, before it is saved.
import type { IsoDate } from '#shared/rules/types';
import type { ActionContext } from './entry';
import { readState } from './state';

export interface EarlyAdrLetter {
  /** The first day the ADR letter is due with no final position (the engine's `timeBasedAdrLetterFrom`). */
  dueFrom: IsoDate;
  /** The day the complaint was received, which the weeks count from. */
  receivedOn: IsoDate;
}

/**
 * Whether an ADR letter sent on `sentOn` went before its day: with no final position recorded on or before it, and
 * earlier than the first day the time-based letter is due. Null when it did not, or when the case has no ADR letter.
 */
export function earlyAdrLetter(
  sentOn: string,
  context: Pick<ActionContext, 'record' | 'events' | 'evaluation' | 'procedure'>,
): EarlyAdrLetter | null {
  const { record, events, evaluation, procedure } = context;
  const dueFrom = evaluation?.timeBasedAdrLetterFrom;
  if (!dueFrom || !sentOn || sentOn >= dueFrom) return null;
  const { deadlockOn } = readState(record, events, evaluation, procedure);
  if (deadlockOn !== null && deadlockOn <= sentOn) return null;
  return { dueFrom, receivedOn: record.receivedOn };
}
