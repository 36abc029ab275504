// The letters a case has issued, read from its timeline (the `letter-issued` entries and the `letter-withdrawn`
// entries that name them), and the entry that withdraws one. A letter is never deleted: it was issued. Withdrawing
// records that it was wrong, with who, when and why; its bytes and checksum stay as they were.
import type { TimelineEvent } from '#shared/model/case';
import type { NewTimelineEvent } from '#shared/casework/index';
import { summaryInEnglish } from '#shared/casework/summaries';
import { recordRefusalInEnglish, type RecordRefusalSaying } from '#shared/model/refusals';
import { languagePack, type LetterFileKind, type LetterLanguage } from './catalogue';
import { lettersOnTimeline } from '#shared/model/letters-issued';

// Where the letters a timeline issued are read: shared/model, so the casework's rules can see them too.
export {
  lettersOnTimeline,
  receiptSinceCorrected,
  addressSinceChanged,
  recordedWithLetter,
  type LetterOnTimeline,
  type LetterWithdrawal,
  standingLetterOfKind,
} from '#shared/model/letters-issued';

/** The words a withdrawal must carry, shown where the desk withdraws a letter. */
export const WITHDRAW_WORDING =
  'Withdrawing records that this letter was wrong; it does not recall a letter already posted or sent.';

/**
 * The name a letter's file is given, before `.pdf` (`unusedLetterFileName` adds it, and a number when it is taken):
 * the case reference, then the letter's kind in the letter's language (the customer may receive the file), then
 * "large print" for a letter in large print. "RSL-2026-000001-final-response", "RSL-2026-000001-reponse-finale",
 * "RDR-2026-000004-adr-letter-large-print".
 */
export function letterFileBase(
  reference: string,
  kind: LetterFileKind,
  options: { language: LetterLanguage; largePrint?: boolean },
): string {
  const words = languagePack(options.language).fileNames;
  return [reference, words[kind], ...(options.largePrint ? [words['large-print']] : [])].join('-');
}

/**
 * A file name no letter on this timeline has: `{base}.pdf`, else `{base}-2.pdf`, `{base}-3.pdf`… A corrected letter
 * and the one it replaces, or two letters of one kind, are told apart by their names in the list, on the timeline and
 * in a downloads folder.
 */
export function unusedLetterFileName(events: readonly TimelineEvent[], base: string): string {
  const taken = new Set(lettersOnTimeline(events).map((l) => l.fileName.toLowerCase()));
  let name = `${base}.pdf`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}.pdf`;
  return name;
}

/**
 * The entry that withdraws an issued letter, or why it cannot: the letter must be on this timeline and not withdrawn
 * already, and the reason is required. The entry names the letter by id and keeps its kind, file name and checksum.
 */
export function letterWithdrawnEntry(
  events: readonly TimelineEvent[],
  letterId: string,
  input: { on: string; by: string; reason: string },
): { ok: true; event: NewTimelineEvent } | { ok: false; error: string; said: RecordRefusalSaying } {
  // say9: the refusal as data (`said`, shared/model/refusals.ts) beside its English.
  const refused = (said: RecordRefusalSaying) => ({ ok: false as const, error: recordRefusalInEnglish(said), said });
  const letter = lettersOnTimeline(events).find((l) => l.letterId === letterId);
  if (!letter) return refused({ code: 'letter-not-on-timeline' });
  if (letter.withdrawn) return refused({ code: 'letter-withdrawn', values: { on: { date: letter.withdrawn.on } } });
  const reason = input.reason.trim();
  if (!reason) return refused({ code: 'no-withdrawal-reason' });
  if (input.on < letter.issuedOn)
    return refused({ code: 'withdrawn-before-issued', values: { issuedOn: { date: letter.issuedOn } } });
  return {
    ok: true,
    event: {
      type: 'letter-withdrawn',
      on: input.on,
      by: input.by,
      summary: summaryInEnglish({ kind: 'letter-withdrawn', values: { file: letter.fileName, reason } }),
      data: { letterId, kind: letter.kind, fileName: letter.fileName, sha256: letter.sha256, reason },
    },
  };
}
