// A letter's PDF as it is issued: the letter, and after it the customer's copy when the letter is written to someone
// acting for them (shared/letters/copy.ts), joined into one file so one print run fills both envelopes and the
// timeline locks both together. Each part keeps its own page numbers ("Page 1 of 2" in each).
import {
  caseTextSources,
  type CopyMissing,
  customerCopy,
  documentUnprintable,
  type LetterDocument,
  type TextSource,
  UnprintableError,
} from '#shared/letters/index';
import type { CaseRecord } from '#shared/model/case';
import { joinPdfs } from './join-pdf';
import { renderPdf } from './render';

export interface LetterPdf {
  bytes: Uint8Array;
  /** Whether the customer's copy is in the file; or why it could not be (no postal address for the customer). */
  customerCopy: 'none' | 'included' | { missing: string; said: CopyMissing };
  /**
   * With the customer's copy: the letter's and the copy's own files, the two pieces of post `bytes` joins. A print file
   * for double-sided printing pads each piece to an even number of pages, so the copy never lands on the back of the
   * letter to the representative.
   */
  parts?: [Uint8Array, Uint8Array];
}

/**
 * Render a letter built for `record`, with the customer's copy after it when there is one. Refuses (throws an
 * `UnprintableError`, with the characters and their places) a letter holding characters the letter font cannot print,
 * rather than print empty boxes. `typed`: what the desk typed for it in the letter dialog, by box
 * (`typedTextSources`), so the refusal names the box the characters are in (explore39-letters #8).
 */
export async function renderLetterPdf(
  doc: LetterDocument,
  record: CaseRecord,
  render: (d: LetterDocument) => Promise<Uint8Array> = renderPdf,
  typed: readonly TextSource[] = [],
): Promise<LetterPdf> {
  const copy = customerCopy(doc, record);
  const sources = [...caseTextSources(record), ...typed];
  const found =
    documentUnprintable(doc, sources, 'letter') ??
    (copy.kind === 'copy' ? documentUnprintable(copy.doc, sources, 'letter') : null);
  if (found) throw new UnprintableError(found, 'letter');
  const letter = await render(doc);
  if (copy.kind === 'none') return { bytes: letter, customerCopy: 'none' };
  if (copy.kind === 'no-address') return { bytes: letter, customerCopy: { missing: copy.message, said: copy.said } };
  const copyBytes = await render(copy.doc);
  const bytes = await joinPdfs([letter, copyBytes], doc.info?.title);
  return { bytes, customerCopy: 'included', parts: [letter, copyBytes] };
}
