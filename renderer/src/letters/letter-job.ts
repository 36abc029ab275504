// What the letter worker (./letter-worker.ts) does with a request, apart from the worker itself (so that it is tested
// in Node): a posted letter made whole again and rendered, or pdfmake warmed up; the reply, and what it transfers.
import { withPageFurniture } from '#shared/letters/index';
import { renderLetterPdf } from './letter-pdf';
import type { LetterReply, LetterRequest } from './off-thread';
import { postedFailure } from './posted-failure';
import { warmPdfMake } from './render';

export async function answerLetterRequest(request: LetterRequest): Promise<[LetterReply, Transferable[]]> {
  if (request.type === 'warm') {
    await warmPdfMake().catch(() => undefined); // a failure shows, with its reason, on the first letter
    return [{ type: 'warmed', id: request.id }, []];
  }
  try {
    const pdf = await renderLetterPdf(withPageFurniture(request.doc), request.record, undefined, request.typed);
    return [{ type: 'made', id: request.id, pdf }, [pdf.bytes.buffer]];
  } catch (error) {
    return [{ type: 'failed', id: request.id, ...postedFailure(error) }, []];
  }
}
