// Issuing a letter after the acknowledgement: the document from ./build (pure), the bytes from pdfmake (lazy), then
// save where the user chooses and lock the exact bytes and their SHA-256 on the timeline, with the event the letter
// stands for.
import type { MainMessage } from '#shared/ipc/messages';
import { addressedTo, letterParagraphs, type LetterDocument, type ParagraphEdits } from '#shared/letters/index';
import { standingLetterIdsOfKind } from '#shared/model/letters-issued';
import { summaryInEnglish } from '#shared/casework/summaries';
import { recordLetterIssued } from '#db/repositories/cases';
import { db } from '#db/schema';
import type { LetterPdf } from '#letters/letter-pdf';
import { renderLetterPdfOffThread } from '#letters/off-thread';
import { platform } from '#platform';
import {
  anotherCopyToday,
  buildLetter,
  letterFileName,
  recordedAs,
  typedSources,
  type LetterChoice,
  type LetterContext,
  type LetterInputs,
  type LetterOptions,
} from './build';

export * from './build';

/** Whether the desk changed the catalogue's words: a paragraph edited, or one left out. */
function wordingEdited(doc: LetterDocument, unedited: () => LetterDocument): boolean {
  const now = letterParagraphs(doc);
  if (now.some((p) => p.edited)) return true;
  const kept = new Set(now.map((p) => p.id));
  return letterParagraphs(unedited()).some((p) => !kept.has(p.id));
}

export interface IssueLetterOutcome {
  saved: boolean;
  fileName?: string;
  error?: string;
  /** The failure as a code and values, for the interface to say in its language. */
  message?: MainMessage;
}

/**
 * The facts of the case a letter was made from that its entry keeps, so that a later change shows the letter may be
 * wrong: the date received (its dates count from it) and who and where it was addressed to. Taken from the case as it
 * was rendered, not as it is when issued: the case may change while the dialog is open (explore36-team #3).
 */
export interface LetterMadeFrom {
  receivedOn: string;
  address: string | undefined;
}

/** Render a letter once: these bytes are previewed, and the very same bytes are issued (`issueLetter`). */
export async function renderLetter(
  choice: LetterChoice,
  inputs: LetterInputs,
  options: LetterOptions,
  context: LetterContext,
  edits?: ParagraphEdits,
): Promise<LetterPdf & { doc: LetterDocument; madeFrom: LetterMadeFrom }> {
  const doc = buildLetter(choice, inputs, options, context, edits);
  const madeFrom = { receivedOn: context.record.receivedOn, address: addressedTo(context.record) };
  // With the customer's copy after it when the letter goes to their representative; made in a worker, so the dialog
  // answers while pdfmake loads and lays the letter out.
  return {
    ...(await renderLetterPdfOffThread(doc, context.record, typedSources(choice, inputs, edits))),
    doc,
    madeFrom,
  };
}

/**
 * Save the rendered letter where the user chooses and lock THOSE bytes (the ones previewed) on the timeline. Nothing
 * is recorded on failure or when the user cancels the save.
 */
export async function issueLetter(
  choice: LetterChoice,
  inputs: LetterInputs,
  options: LetterOptions,
  context: LetterContext,
  /** The desk's words for paragraphs of the draft, by paragraph id (see shared/letters/edits.ts). */
  edits: ParagraphEdits | undefined,
  /** The bytes `renderLetter` made from these same inputs and shown in the preview, and what it made them from. */
  bytes: Uint8Array,
  madeFrom: LetterMadeFrom,
): Promise<IssueLetterOutcome> {
  const doc = buildLetter(choice, inputs, options, context, edits);
  const edited = wordingEdited(doc, () => buildLetter(choice, inputs, options, context));
  const recorded = recordedAs(choice, context);
  const result = await platform().saveFile({
    suggestedName: letterFileName(choice, options, context),
    mimeType: 'application/pdf',
    data: bytes,
  });
  if (!result.ok) return { saved: false, error: result.error, message: result.message };
  if (!result.saved) return { saved: false };
  await recordLetterIssued(db(), context.record.id, {
    kind: recorded.kind,
    fileName: result.fileName,
    issuedOn: context.today,
    bytes,
    madeWithReceivedOn: madeFrom.receivedOn,
    madeForAddress: madeFrom.address,
    // What the desk knew of when it was asked (or not) about issuing another of this kind (explore40-team #6).
    issuedAfter: standingLetterIdsOfKind(context.events, recorded.kind),
    by: context.by || context.settings.handlerName,
    summary: summaryInEnglish({
      kind: edited ? 'letter-issued-edited' : 'letter-issued',
      values: { letter: { letterKind: recorded.kind }, file: result.fileName },
    }),
    alsoRecord: recorded.also && !anotherCopyToday(recorded.also.type, context) ? recorded.also : undefined,
  });
  return { saved: true, fileName: result.fileName };
}
