// Single letters made in a worker (./letter-worker.ts), so that the letter dialog's page never stops answering while
// pdfmake loads, parses its fonts and lays a letter out. One worker, started on first use (or warmed up when a case is
// opened, so the first letter is quick) and let go after five minutes with nothing to do.
//
// Where a worker cannot run (no Worker, its script does not load, it crashes) or a letter cannot be posted (a document
// whose page furniture could not be made again), the letter is made on the page's thread instead: slower, the same
// bytes.
import { postableLetter, type LetterDocument, type TextSource } from '#shared/letters/index';
import type { CaseRecord } from '#shared/model/case';
import { renderLetterPdf, type LetterPdf } from './letter-pdf';
import { failureError, type PostedFailure } from './posted-failure';

export type LetterRequest =
  | {
      type: 'letter';
      id: number;
      doc: LetterDocument;
      record: CaseRecord;
      /** What the desk typed for the letter, by box: the refusal of an unprintable character names it. */
      typed?: readonly TextSource[];
    }
  | { type: 'warm'; id: number };

export type LetterReply =
  | { type: 'made'; id: number; pdf: LetterPdf }
  | ({ type: 'failed'; id: number } & PostedFailure)
  | { type: 'warmed'; id: number };

/** The worker is let go after this long with nothing to do. */
const IDLE_MS = 5 * 60_000;

interface Job {
  resolve: (pdf: LetterPdf) => void;
  reject: (error: Error) => void;
  /** The same letter made on the page's thread, if the worker fails (none for a warm-up). */
  here?: () => Promise<LetterPdf>;
}

/** What starts the worker; tests give their own. */
export type StartWorker = () => Worker;

const startLetterWorker: StartWorker = () =>
  new Worker(new URL('./letter-worker.ts', import.meta.url), { type: 'module', name: 'redress-letter' });

export class LetterWorker {
  private worker: Worker | null = null;
  private broken: boolean;
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly start: StartWorker = startLetterWorker,
    private readonly idleMs = IDLE_MS,
  ) {
    this.broken = typeof Worker === 'undefined' && start === startLetterWorker;
  }

  /** The letter's PDF, with the customer's copy after it when there is one (./letter-pdf.ts `renderLetterPdf`). */
  render(doc: LetterDocument, record: CaseRecord, typed: readonly TextSource[] = []): Promise<LetterPdf> {
    const here = () => renderLetterPdf(doc, record, undefined, typed);
    const posted = postableLetter(doc);
    const worker = posted ? this.started() : null;
    if (!posted || !worker) return here();
    return new Promise<LetterPdf>((resolve, reject) => {
      const id = this.nextId++;
      this.jobs.set(id, { resolve, reject, here });
      this.touch();
      worker.postMessage({ type: 'letter', id, doc: posted, record, typed } satisfies LetterRequest);
    });
  }

  /**
   * Start the worker and have it load pdfmake and parse the fonts, without waiting for it. A worker already running is
   * warm, or warming (every case opened asks): it is only kept a while longer.
   */
  warm(): void {
    if (this.worker) return this.touch();
    const worker = this.started();
    if (!worker) return;
    const id = this.nextId++;
    this.jobs.set(id, { resolve: () => {}, reject: () => {} });
    this.touch();
    worker.postMessage({ type: 'warm', id } satisfies LetterRequest);
  }

  /** Let the worker go now (the next letter starts another). */
  stop(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    this.worker?.terminate();
    this.worker = null;
  }

  private started(): Worker | null {
    if (this.broken) return null;
    if (this.worker) return this.worker;
    try {
      const worker = this.start();
      worker.onmessage = (event: MessageEvent<LetterReply>) => this.reply(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        this.fail();
      };
      this.worker = worker;
      return worker;
    } catch {
      this.broken = true;
      return null;
    }
  }

  private reply(message: LetterReply): void {
    const job = this.jobs.get(message.id);
    if (!job) return;
    this.jobs.delete(message.id);
    if (message.type === 'made') job.resolve(message.pdf);
    else if (message.type === 'failed') job.reject(failureError(message));
    this.touch();
  }

  /** The worker did not load or crashed: its letters, and every later one, are made on the page's thread. */
  private fail(): void {
    this.stop();
    this.broken = true;
    const orphans = [...this.jobs.values()];
    this.jobs.clear();
    for (const job of orphans) job.here?.().then(job.resolve, job.reject);
  }

  private touch(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = this.jobs.size > 0 ? undefined : setTimeout(() => this.stop(), this.idleMs);
  }
}

let shared: LetterWorker | undefined;
const letterWorker = () => (shared ??= new LetterWorker());

/** A letter's PDF made off the page's thread when it can be (see above), with the customer's copy when there is one. */
export function renderLetterPdfOffThread(
  doc: LetterDocument,
  record: CaseRecord,
  typed: readonly TextSource[] = [],
): Promise<LetterPdf> {
  return letterWorker().render(doc, record, typed);
}

/** Get the letter worker ready (pdfmake loaded, fonts parsed) before the desk asks for a letter. */
export function warmLetterWorker(): void {
  letterWorker().warm();
}
