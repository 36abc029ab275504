// Issuing a letter: content from shared/letters (pure), bytes from pdfmake (lazy), then the shell saves it where the
// user chooses and the exact bytes are locked onto the case's timeline.
import type { CaseRecord, DeskSettings, TimelineEvent } from '#shared/model/case';
import { evaluateRecord } from '#lib/rules';
import { recordLetterIssued } from '#db/repositories/cases';
import { db, type LetterRow } from '#db/schema';
import { renderLetterPdf } from '#letters/letter-pdf';
import { platform } from '#platform';
import { acknowledgementDocument } from './build';

export { acknowledgementDocument };

export interface IssueOutcome {
  saved: boolean;
  fileName?: string;
  error?: string;
}

export async function issueAcknowledgementLetter(input: {
  record: CaseRecord;
  events: readonly TimelineEvent[];
  settings: DeskSettings;
  today: string;
  /** Who is issuing it (recorded on the timeline). */
  by: string;
}): Promise<IssueOutcome> {
  const { record, events, settings, today, by } = input;
  const evaluated = evaluateRecord(record, events, today);
  if (!evaluated.evaluation) return { saved: false, error: evaluated.error };
  const doc = acknowledgementDocument({ record, evaluation: evaluated.evaluation, settings, today, by });
  const { bytes } = await renderLetterPdf(doc, record);
  const fileName = `${record.reference}-acknowledgement.pdf`;
  const result = await platform().saveFile({ suggestedName: fileName, mimeType: 'application/pdf', data: bytes });
  if (!result.ok) return { saved: false, error: result.error };
  if (!result.saved) return { saved: false };
  const alreadyAcknowledged = events.some((e) => e.type === 'acknowledged');
  await recordLetterIssued(db(), record.id, {
    kind: 'acknowledgement',
    fileName: result.fileName,
    issuedOn: today,
    bytes,
    by,
    summary: `Acknowledgement letter issued (${result.fileName})`,
    alsoRecord: alreadyAcknowledged ? undefined : { type: 'acknowledged', summary: 'Complaint acknowledged by letter' },
  });
  return { saved: true, fileName: result.fileName };
}

/** Save the locked copy of an issued letter again: the very bytes that were issued, never regenerated. */
export async function downloadIssuedLetter(letter: LetterRow): Promise<void> {
  await platform().saveFile({ suggestedName: letter.fileName, mimeType: 'application/pdf', data: letter.bytes });
}
