// One due letter of "Letters to post today", as a pure function of its case: the document, its file name and how it
// is recorded on the timeline. No database, no pdfmake: this also runs inside the letter-rendering worker.
import { LETTER_NAMES, summaryInEnglish } from '#shared/casework/summaries';
import type { CaseRecord, DeskSettings, TimelineEvent } from '#shared/model/case';
import {
  adrTermsFromEvaluation,
  type LetterDocument,
  type LetterLanguage,
  message,
  unusedLetterFileName,
} from '#shared/letters/index';
import { evaluateRecord } from '#lib/rules';
import { LetterProblemError } from './letter-problem';
import { acknowledgementDocument, buildLetter, defaultInputs, defaultOptions } from '#features/letters';

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
    const alreadyAcknowledged = events.some((e) => e.type === 'acknowledged');
    return {
      doc,
      fileName: unusedLetterFileName(events, `${record.reference}-acknowledgement`),
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
  const options = defaultOptions(record, settings);
  const inputs = {
    ...defaultInputs({ evaluation, today }),
    progress: context.progress.trim() || defaultProgress(options.language),
  };
  const doc = buildLetter('adr-time', inputs, options, { record, events, evaluation, settings, today, by });
  const weeks = adrTermsFromEvaluation(evaluation, record.receivedOn).waitWeeks;
  const already = events.some((e) => e.type === 'adr-letter-sent' && e.on === today);
  return {
    doc,
    fileName: unusedLetterFileName(events, `${record.reference}-adr-letter${options.largePrint ? '-large-print' : ''}`),
    kind: 'adr-letter' as const,
    name: LETTER_NAMES['adr-letter'],
    also: already
      ? undefined
      : {
          type: 'adr-letter-sent' as const,
          summary: summaryInEnglish({ kind: 'adr-letter-after-weeks', values: { weeks: String(weeks) } }),
        },
  };
}
