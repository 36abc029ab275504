// A module worker that makes the letters of "Letters to post today" off the page's main thread: it builds each
// letter's document from its case (./due-letter.ts, pure) and renders it with pdfmake (renderer/src/letters/render.ts),
// then hands the bytes back (transferred, not copied). One letter at a time; the page runs a few of these at once
// (./render-pool.ts). The page stays free to draw the progress bar and store the letters as they come back.
import '#lib/zod-config';
import { warmPdfMake } from '#letters/render';
import { buildAndRenderDueLetter } from './render-due';
import type { RenderReply, RenderRequest } from './render-protocol';
import { postedFailure } from '#letters/posted-failure';
import { LetterProblemError } from './letter-problem';

interface WorkerScope {
  onmessage: ((event: MessageEvent<RenderRequest>) => void) | null;
  postMessage(message: RenderReply, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

// Jobs run one after another: pdfmake's layout is synchronous, so running two at once in one worker gains nothing.
let queue: Promise<void> = Promise.resolve();

async function handle(request: RenderRequest): Promise<void> {
  if (request.type === 'warm') {
    await warmPdfMake();
    scope.postMessage({ type: 'warmed', id: request.id });
    return;
  }
  try {
    const letter = await buildAndRenderDueLetter(request.kind, request.context);
    // Each buffer once (a list naming one twice cannot be transferred).
    const buffers = new Set<ArrayBufferLike>([letter.bytes.buffer, ...(letter.parts ?? []).map((p) => p.buffer)]);
    scope.postMessage({ type: 'rendered', id: request.id, ...letter }, [...buffers] as Transferable[]);
  } catch (error) {
    // p8e: a refusal goes back as data (an Error's class does not survive postMessage), for the page to say it.
    scope.postMessage({
      type: 'failed',
      id: request.id,
      ...postedFailure(error),
      ...(error instanceof LetterProblemError ? { said: error.said } : {}),
    });
  }
}

scope.onmessage = (event) => {
  queue = queue
    .then(() => handle(event.data))
    .catch((error: unknown) => {
      // Only warming up can get here (a render reports its own failure); the page then renders on its own thread.
      scope.postMessage({
        type: 'failed',
        id: event.data.id,
        message: error instanceof Error ? error.message : String(error),
      });
    });
};
