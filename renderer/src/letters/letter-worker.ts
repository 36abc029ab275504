// A module worker that makes single letters (the letter dialog's) off the page's thread: pdfmake lays a letter out
// synchronously, and its first letter (loading pdfmake, parsing the fonts) held the page's thread for 200–280 ms at a
// time. The page posts the letter as data (./off-thread.ts); ./letter-job.ts makes its page furniture again, renders
// it with the customer's copy when there is one (./letter-pdf.ts, the same steps as on the page), and the bytes go
// back transferred, not copied.
import '#lib/zod-config';
import { answerLetterRequest } from './letter-job';
import type { LetterReply, LetterRequest } from './off-thread';
import { postedFailure } from './posted-failure';

interface WorkerScope {
  onmessage: ((event: MessageEvent<LetterRequest>) => void) | null;
  postMessage(message: LetterReply, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

// One letter after another: pdfmake's layout is synchronous, so two at once in one worker gain nothing.
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event) => {
  queue = queue
    .then(() => answerLetterRequest(event.data))
    .then(([reply, transfer]) => scope.postMessage(reply, transfer))
    // A reply that could not be posted still answers, and the queue goes on (a rejected queue would answer no more).
    .catch((error: unknown) => scope.postMessage({ type: 'failed', id: event.data.id, ...postedFailure(error) }));
};
