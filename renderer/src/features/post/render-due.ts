// One letter of "Letters to post today", built from its case and rendered: the same steps in a worker
// (./render-worker.ts) and on the page's thread when workers cannot run (./render-pool.ts).
import { renderLetterPdf } from '#letters/letter-pdf';
import { buildDueLetter, type BuildContext, type PostLetterKind } from './due-letter';
import type { RenderedLetter } from './render-protocol';

export async function buildAndRenderDueLetter(kind: PostLetterKind, context: BuildContext): Promise<RenderedLetter> {
  const built = buildDueLetter(kind, context);
  // With the customer's copy after it when the letter goes to their representative.
  const { bytes, customerCopy, parts } = await renderLetterPdf(built.doc, context.record);
  const copyMissing = typeof customerCopy === 'object' ? customerCopy.said : undefined;
  return {
    bytes,
    fileName: built.fileName,
    kind: built.kind,
    name: built.name,
    also: built.also,
    ...(copyMissing ? { copyMissing } : {}),
    ...(parts ? { parts } : {}),
  };
}
