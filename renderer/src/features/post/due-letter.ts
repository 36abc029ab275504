// One due letter of "Letters to post today", as a pure function of its case: the document, its file name and how it
// is recorded on the timeline. No database, no pdfmake: this also runs inside the letter-rendering worker.
import { LETTER_NAMES, summaryInEnglish } from '#shared/casework/summaries';
import type { CaseRecord, DeskSettings, TimelineEvent } from '#shared/model/case';
import {
  type LetterDocument,
  type LetterLanguage,
  type LetterRefusal,
  LetterRefusalError,
  message,
} from '#shared/letters/index';
import { effectiveTimeline } from '#shared/model/effective';
import { saying } from '#shared/model/saying';
import { evaluateRecord } from '#lib/rules';
import { LetterProblemError } from './letter-problem';
import {
  acknowledgementDocument,
  buildLetter,
  defaultInputs,
  defaultOptions,
  letterFileName,
  recordedAs,
} from '#features/letters';

export type PostLetterKind = 'acknowledgement' | 'adr-letter';

export const POST_LETTER_LABELS: Record<PostLetterKind, string> = {
  acknowledgement: 'Acknowledgement',
  'adr-letter': 'ADR letter (still unresolved)',
};

/**
 * The progress sentence a time-based ADR letter in the batch carries when the desk wrote none: in the letter's own
 * language, so a French letter in an English batch stays French.
 */
export const defaultProgress = (language: LetterLanguage): string =>
  message(language, 'adrLetter.time.stillLooking', {});

export interface BuildContext {
  record: CaseRecord;
  events: readonly TimelineEvent[];
  settings: DeskSettings;
  today: string;
  by: string;
  /** The desk's words for every ADR letter in the batch, as written; '' for each letter's own (`defaultProgress`). */
  progress: string;
}

/**
 * Which ADR letter a case by post is due, from its timeline as it counts: with our final position once one was
 * recorded (REGULATION.md §1: at once, and it carries the final position), else the time-based one. A complaint
 * resolved since, with no final position, is refused: the time-based letter would tell the customer it is still
 * unresolved, so the desk writes it from the case.
 */
export function dueAdrLetter(
  events: readonly TimelineEvent[],
): { choice: 'adr-final' | 'adr-time' } | { refusal: LetterRefusal } {
  const counting = effectiveTimeline(events);
  if (counting.some((e) => e.type === 'deadlock')) return { choice: 'adr-final' };
  const resolved = counting.find((e) => e.type === 'resolved');
  if (resolved) return { refusal: saying('adr-after-resolution', { resolvedOn: { date: resolved.on } }) };
  return { choice: 'adr-time' };
}

/** The letter's document, its file name and how it is recorded on the timeline. Throws when it cannot be written. */
export function buildDueLetter(kind: PostLetterKind, context: BuildContext) {
  const { record, events, settings, today, by } = context;
  const evaluated = evaluateRecord(record, events, today);
  if (!evaluated.evaluation)
    throw new LetterProblemError('no-clocks', { reason: evaluated.detail ?? evaluated.error ?? '' });
  const evaluation = evaluated.evaluation;
  if (!record.representative?.address && !record.customer.address) throw new LetterProblemError('no-postal-address');
  if (kind === 'acknowledgement') {
    const doc: LetterDocument = acknowledgementDocument({ record, evaluation, settings, today, by });
    // A voided acknowledgement does not count: this letter records the acknowledgement again.
    const alreadyAcknowledged = effectiveTimeline(events).some((e) => e.type === 'acknowledged');
    return {
      doc,
      // Named as the letter dialog names it, in the letter's language (large print said as the dialog says it).
      fileName: letterFileName('acknowledgement', defaultOptions(record, settings), { record, events }),
      kind: 'acknowledgement' as const,
      name: LETTER_NAMES['acknowledgement'],
      also: alreadyAcknowledged
        ? undefined
        : {
            type: 'acknowledged' as const,
            summary: summaryInEnglish({ kind: 'acknowledged', values: { channel: { channel: 'letter' } } }),
          },
    };
  }
  const due = dueAdrLetter(events);
  if ('refusal' in due) throw new LetterRefusalError(due.refusal);
  const options = defaultOptions(record, settings);
  // The final position in the words recorded with it; the progress in the desk's words for the batch, else ours.
  const inputs = {
    ...defaultInputs({ evaluation, today, events }),
    progress: context.progress.trim() || defaultProgress(options.language),
  };
  const letterContext = { record, events, evaluation, settings, today, by };
  const doc = buildLetter(due.choice, inputs, options, letterContext);
  const recorded = recordedAs(due.choice, letterContext);
  const already = events.some((e) => e.type === 'adr-letter-sent' && e.on === today);
  return {
    doc,
    fileName: letterFileName(due.choice, options, { record, events }),
    kind: 'adr-letter' as const,
    name: recorded.name,
    also: already ? undefined : recorded.also,
  };
}
