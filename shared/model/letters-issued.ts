// The letters a case has issued, read from its timeline: the `letter-issued` entries and the `letter-withdrawn`
// entries that name them. Here, below the casework and the letters, so the rules for voiding an entry can see which
// letters stand (shared/casework/corrections.ts) as the letters do (shared/letters/issued.ts).
import { inTimelineOrder, type TimelineEvent } from './case';
import { effectiveTimeline } from './effective';

export interface LetterWithdrawal {
  on: string;
  at: string;
  by: string;
  reason: string;
}

export interface LetterOnTimeline {
  letterId: string;
  kind: string;
  fileName: string;
  sha256: string;
  issuedOn: string;
  /** When the letter was recorded as issued (its entry's `at`). */
  issuedAt: string;
  issuedBy: string;
  /**
   * The complaint's date received when the letter was made (every date a letter gives is counted from it); absent for a
   * letter recorded before this was kept.
   */
  madeWithReceivedOn?: string;
  /**
   * Who and where the letter was addressed to when it was made (`addressedTo` in shared/letters/addressee.ts: the
   * addressee's name and address, and the customer's for their copy); absent for a letter recorded before this was
   * kept. Personal data: anonymising removes it with the rest of the entry's details.
   */
  madeForAddress?: string;
  /**
   * The letters of its kind that stood on the case when it was issued, as the desk that issued it saw them (their ids):
   * a second final response issued knowingly names the first; one from a desk that worked apart does not
   * (explore40-team #6). Kept by the letter dialog; absent for a letter of a print run, or one recorded before this was
   * kept.
   */
  issuedAfter?: readonly string[];
  /** Set once the letter was withdrawn (the first withdrawal counts; there is never a second). */
  withdrawn?: LetterWithdrawal;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Every letter issued on this timeline, in the order issued, each with its withdrawal when it has one. */
export function lettersOnTimeline(events: readonly TimelineEvent[]): LetterOnTimeline[] {
  const out: LetterOnTimeline[] = [];
  const byId = new Map<string, LetterOnTimeline>();
  for (const e of inTimelineOrder(events)) {
    const letterId = str(e.data?.letterId);
    if (!letterId) continue;
    if (e.type === 'letter-issued' && !byId.has(letterId)) {
      const letter: LetterOnTimeline = {
        letterId,
        kind: str(e.data?.kind),
        fileName: str(e.data?.fileName),
        sha256: str(e.data?.sha256),
        issuedOn: e.on,
        issuedAt: e.at,
        issuedBy: e.by,
        ...(str(e.data?.receivedOn) ? { madeWithReceivedOn: str(e.data?.receivedOn) } : {}),
        ...(str(e.data?.addressedTo) ? { madeForAddress: str(e.data?.addressedTo) } : {}),
        ...(Array.isArray(e.data?.issuedAfter) ? { issuedAfter: e.data.issuedAfter.map(str).filter(Boolean) } : {}),
      };
      byId.set(letterId, letter);
      out.push(letter);
    } else if (e.type === 'letter-withdrawn') {
      const letter = byId.get(letterId);
      if (letter && !letter.withdrawn) letter.withdrawn = { on: e.on, at: e.at, by: e.by, reason: str(e.data?.reason) };
    }
  }
  return out;
}

/**
 * The date received a standing letter was made with, when the case's has changed since (a correction made after it, or
 * at another desk while this one issued it offline): the letter's dates may now be wrong. Null for a withdrawn letter,
 * one made with today's date received, or one recorded before letters kept theirs.
 */
export function receiptSinceCorrected(letter: LetterOnTimeline, receivedOn: string): string | null {
  if (letter.withdrawn || !letter.madeWithReceivedOn) return null;
  return letter.madeWithReceivedOn === receivedOn ? null : letter.madeWithReceivedOn;
}

/** The entries that may change who or where a letter is addressed to: the customer's details, a correction. */
const ADDRESSEE_CHANGES: ReadonlySet<string> = new Set(['customer-edited', 'corrected']);

/**
 * Who and where a standing letter was addressed to, when it was not the case's addressee as recorded by the time the
 * letter was issued: a change of address, name, title or representative recorded before it, at another desk while
 * this one made the letter offline, or here while the letter was being written (explore34-team #4, explore36-team #3).
 * The letter may have gone to the wrong place. A change recorded after the letter (the customer moved since) leaves
 * it as it was: right when it was sent (explore36-team #7). Null then, and for a withdrawn letter, one addressed as the
 * case is now, one recorded before letters kept their address, or when the case can no longer be addressed (`now`
 * absent: nothing to compare with, and no letter can be made until it can).
 */
export function addressSinceChanged(
  letter: LetterOnTimeline,
  now: string | undefined,
  events: readonly TimelineEvent[],
): string | null {
  if (letter.withdrawn || !letter.madeForAddress || now === undefined || letter.madeForAddress === now) return null;
  const changedLater = effectiveTimeline(events).some((e) => ADDRESSEE_CHANGES.has(e.type) && e.at > letter.issuedAt);
  return changedLater ? null : letter.madeForAddress;
}

/** The ids of the letters of this kind that were issued and stand (not withdrawn), in the order issued. */
export function standingLetterIdsOfKind(events: readonly TimelineEvent[], kind: string): string[] {
  return lettersOnTimeline(events).flatMap((l) => (l.kind === kind && !l.withdrawn ? [l.letterId] : []));
}

/** The last letter of this kind that was issued and stands (not withdrawn), or null. */
export function standingLetterOfKind(events: readonly TimelineEvent[], kind: string): LetterOnTimeline | null {
  const standing = lettersOnTimeline(events).filter((l) => l.kind === kind && !l.withdrawn);
  return standing.at(-1) ?? null;
}

/**
 * The entry a letter recorded beside itself when it was issued (the event it stands for: the complaint acknowledged by
 * letter, the ADR letter sent…), if it still counts: recorded in the same moment as the letter's `letter-issued` entry
 * and not voided. Withdrawing the letter leaves it standing; the desk voids it too if the letter never reached the
 * customer.
 */
export function recordedWithLetter(events: readonly TimelineEvent[], letterId: string): TimelineEvent | null {
  const issued = events.find((e) => e.type === 'letter-issued' && e.data?.letterId === letterId);
  if (!issued) return null;
  return effectiveTimeline(events).find((e) => recordedBeside(issued, e)) ?? null;
}

/**
 * Whether `entry` was recorded beside the letter whose `letter-issued` entry is `issued`: in the same moment, and not a
 * letter's own entry. The one rule that ties a letter to the event it stands for, read either way round.
 */
export const recordedBeside = (issued: TimelineEvent, entry: TimelineEvent): boolean =>
  entry.at === issued.at && entry.id !== issued.id && entry.type !== 'letter-issued' && !entry.data?.letterId;
