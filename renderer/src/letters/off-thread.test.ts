// Single letters made in a worker: here a stand-in for the Worker that does what postMessage does (structured clone
// both ways, the bytes transferred) and answers with the worker's own code (./letter-job.ts), so the letter that comes
// back is checked against the same letter made on the page.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acknowledgementLetter, postableLetter, UnprintableError, type LetterDocument } from '#shared/letters/index';
import { sampleAcknowledgement, sampleCase } from '#shared/letters/fixtures';
import type { CaseRecord } from '#shared/model/case';
import { answerLetterRequest } from './letter-job';
import { renderLetterPdf } from './letter-pdf';
import { LetterWorker, type LetterRequest } from './off-thread';

class StandInWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: { preventDefault(): void }) => void) | null = null;
  readonly asked: LetterRequest[] = [];
  terminated = false;
  constructor(private readonly loads = true) {}
  postMessage(message: LetterRequest): void {
    const request = structuredClone(message); // refuses functions, as the browser does
    this.asked.push(request);
    setTimeout(() => {
      if (!this.loads) return this.onerror?.({ preventDefault() {} });
      void answerLetterRequest(request).then(([reply, transfer]) =>
        this.onmessage?.({ data: structuredClone(reply, { transfer }) } as MessageEvent),
      );
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const started: StandInWorker[] = [];
const standIn =
  (loads = true) =>
  () => {
    const worker = new StandInWorker(loads);
    started.push(worker);
    return worker as unknown as Worker;
  };

/** A PDF's text without what differs from one rendering to the next (its creation date and file ID). */
const comparable = (bytes: Uint8Array) =>
  new TextDecoder('latin1')
    .decode(bytes)
    .replace(/\(D:[^)]*\)/g, '(D:)')
    .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/, '/ID');

const withRepresentative = (): CaseRecord =>
  sampleCase({
    representative: {
      name: "Daniel O'Neill",
      relationship: 'son',
      address: { lines: ['Flat 3', '9 Harbour Way', 'Dover'], postcode: 'CT16 1AA' },
    },
  });

afterEach(() => {
  started.length = 0;
  vi.useRealTimers();
});

describe('LetterWorker', () => {
  it('makes in the worker the letter the page would make, its customer’s copy after it', async () => {
    const record = withRepresentative();
    const doc = acknowledgementLetter(sampleAcknowledgement({ caseRecord: record }));
    const letters = new LetterWorker(standIn());
    const made = await letters.render(doc, record);
    const onPage = await renderLetterPdf(acknowledgementLetter(sampleAcknowledgement({ caseRecord: record })), record);
    expect(started).toHaveLength(1);
    expect(started[0].asked.map((r) => r.type)).toEqual(['letter']);
    expect(made.customerCopy).toBe('included');
    expect(comparable(made.bytes)).toBe(comparable(onPage.bytes));
    // The fold marks and footer came back: without them the letter is another file.
    const bare = await renderLetterPdf(postableLetter(doc)!, record);
    expect(comparable(bare.bytes)).not.toBe(comparable(onPage.bytes));
    letters.stop();
  });

  it('refuses in the worker what the page would refuse, with the same error', async () => {
    const record = sampleCase({ customer: { ...sampleCase().customer, name: 'Margaret 王' } });
    const doc = acknowledgementLetter(sampleAcknowledgement({ caseRecord: record }));
    const letters = new LetterWorker(standIn());
    const refused = await letters.render(doc, record).catch((error: unknown) => error);
    const onPage = await renderLetterPdf(doc, record).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UnprintableError);
    expect((refused as UnprintableError).found).toEqual((onPage as UnprintableError).found);
    letters.stop();
  });

  it('makes the letter on the page when the worker does not load, and every later one', async () => {
    const record = sampleCase();
    const letters = new LetterWorker(standIn(false));
    const made = await letters.render(acknowledgementLetter(sampleAcknowledgement()), record);
    expect(new TextDecoder('latin1').decode(made.bytes.subarray(0, 5))).toBe('%PDF-');
    expect(started).toHaveLength(1);
    expect(started[0].terminated).toBe(true);
    await letters.render(acknowledgementLetter(sampleAcknowledgement()), record);
    expect(started).toHaveLength(1); // not tried again
  });

  it('a warm-up whose worker does not load is let go quietly, and the next letter is made on the page', async () => {
    const letters = new LetterWorker(standIn(false));
    letters.warm();
    await vi.waitFor(() => expect(started[0].terminated).toBe(true));
    const made = await letters.render(acknowledgementLetter(sampleAcknowledgement()), sampleCase());
    expect(made.bytes.length).toBeGreaterThan(0);
    expect(started).toHaveLength(1);
  });

  it('makes on the page a document it could not post (page furniture it cannot make again)', async () => {
    const doc: LetterDocument = { pageSize: 'A4', pageMargins: 40, footer: () => 'Page', content: ['Hello'] };
    const letters = new LetterWorker(standIn());
    const made = await letters.render(doc, sampleCase());
    expect(made.bytes.length).toBeGreaterThan(0);
    expect(started).toHaveLength(0);
  });

  it('warms up without waiting, and lets the worker go after a while with nothing to do', async () => {
    vi.useFakeTimers();
    const letters = new LetterWorker(standIn(), 60_000);
    letters.warm();
    letters.warm(); // a second case opened: the running worker is not warmed again
    expect(started).toHaveLength(1);
    expect(started[0].asked.map((r) => r.type)).toEqual(['warm']);
    await vi.advanceTimersByTimeAsync(0);
    await vi.waitFor(() => expect(vi.getTimerCount()).toBe(1)); // warmed: only the idle timer is left
    await vi.advanceTimersByTimeAsync(60_000);
    expect(started[0].terminated).toBe(true);
    vi.useRealTimers();
    await letters.render(acknowledgementLetter(sampleAcknowledgement()), sampleCase());
    expect(started).toHaveLength(2); // a new one for the next letter
    letters.stop();
  });
});
