// A few letter-rendering workers (./render-worker.ts), started on first use and kept while letters are being made.
// pdfmake lays a letter out synchronously (about 25 ms a letter in Chromium), so on the page's own thread a batch of
// 200 letters would freeze the page for seconds; in workers it runs beside the page, on as many cores as are free.
//
// Where workers cannot run (no Worker, or the worker's script fails to load) letters are made on the page's thread
// instead, the same way the single-letter dialog makes them: slower, never wrong.
import type { BuildContext, PostLetterKind } from './due-letter';
import { buildAndRenderDueLetter } from './render-due';
import type { RenderedLetter, RenderReply, RenderRequest } from './render-protocol';
import { failureError } from '#letters/posted-failure';
import { LetterProblemError } from './letter-problem';

/** A worker's refusal as the page's own error again (p8e): what the letter's builders threw, said the same way. */
export function failureOf(reply: Extract<RenderReply, { type: 'failed' }>): Error {
  return reply.said ? new LetterProblemError(reply.said.code, reply.said.values) : failureError(reply);
}

/** Workers to run: one per core, at most 4 (each holds pdfmake and its fonts, some tens of MB). */
function poolSize(): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(4, cores));
}

/**
 * Jobs handed to a worker ahead of the one it is on, so it never waits for the page between letters. A letter takes a
 * worker about 6 ms; the page hands out the next job only when it next runs, which a garbage collection or a turn of
 * drawing can delay by 10–100 ms, so 2 ahead left the workers idle now and then: 8 keep them busy (200 letters:
 * 1.49–1.64 s against 1.58–2.08 s, same runs, docs/performance.md), and at the end of a batch one worker has at most
 * 8 letters (about 50 ms) more than the other.
 */
const AHEAD = 8;
/** Workers are let go after this long with nothing to do (a warm pool makes the next letter fast). */
const IDLE_MS = 5 * 60_000;
/**
 * …and after this long once the desk has left the screen that makes letters to post (`letLetterRendererGo`): the
 * workers hold pdfmake and its fonts, about 45 MB each, that nothing else uses. Not at once: a batch still running
 * goes on, and a gap between its letters is not the end of it.
 */
const LEFT_MS = 10_000;

interface Job {
  request: RenderRequest;
  resolve: (letter: RenderedLetter | null) => void;
  reject: (error: Error) => void;
  /** For the page-thread fallback. */
  fallback: () => Promise<RenderedLetter | null>;
}

interface Slot {
  worker: Worker;
  jobs: Map<number, Job>;
}

let hereQueue: Promise<unknown> = Promise.resolve();

/** Render on the page's own thread (the fallback), one letter after another, never two hundred at once. */
function renderHere(kind: PostLetterKind, context: BuildContext): Promise<RenderedLetter> {
  const next = hereQueue.then(async () => {
    return buildAndRenderDueLetter(kind, context);
  });
  hereQueue = next.catch(() => undefined);
  return next;
}

class RenderPool {
  private slots: Slot[] = [];
  private waiting: Job[] = [];
  private nextId = 1;
  private broken = typeof Worker === 'undefined';
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** The screen that makes letters was left: let the workers go soon after they are idle. */
  private left = false;

  render(kind: PostLetterKind, context: BuildContext): Promise<RenderedLetter> {
    this.left = false;
    if (this.broken) return renderHere(kind, context);
    return new Promise<RenderedLetter | null>((resolve, reject) => {
      this.enqueue({
        request: { type: 'render', id: this.nextId++, kind, context },
        resolve,
        reject,
        fallback: () => renderHere(kind, context),
      });
    }).then((letter) => letter!);
  }

  /** Start the workers and have each load pdfmake and parse its fonts. Resolves when they are ready. */
  async warm(): Promise<void> {
    this.left = false;
    if (this.broken) return;
    this.start();
    const slots = [...this.slots];
    await Promise.all(
      slots.map(
        (slot) =>
          new Promise<void>((resolve) => {
            const id = this.nextId++;
            const job: Job = {
              request: { type: 'warm', id },
              resolve: () => resolve(),
              reject: () => resolve(),
              fallback: async () => null,
            };
            slot.jobs.set(id, job);
            slot.worker.postMessage(job.request);
          }),
      ),
    );
    this.touch();
  }

  private start(): void {
    if (this.slots.length > 0 || this.broken) return;
    try {
      for (let i = 0; i < poolSize(); i += 1) {
        const worker = new Worker(new URL('./render-worker.ts', import.meta.url), {
          type: 'module',
          name: `redress-letters-${i + 1}`,
        });
        const slot: Slot = { worker, jobs: new Map() };
        worker.onmessage = (event: MessageEvent<RenderReply>) => this.reply(slot, event.data);
        worker.onerror = (event) => {
          event.preventDefault();
          this.fail(slot);
        };
        this.slots.push(slot);
      }
    } catch {
      this.stop();
      this.broken = true;
    }
  }

  private enqueue(job: Job): void {
    this.start();
    if (this.broken) {
      job.fallback().then(job.resolve, job.reject);
      return;
    }
    this.waiting.push(job);
    this.dispatch();
  }

  /** Hand waiting jobs to the least busy workers. */
  private dispatch(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    while (this.waiting.length > 0) {
      const slot = this.slots.reduce<Slot | undefined>(
        (best, s) => (s.jobs.size < AHEAD && (!best || s.jobs.size < best.jobs.size) ? s : best),
        undefined,
      );
      if (!slot) return;
      const job = this.waiting.shift()!;
      slot.jobs.set(job.request.id, job);
      slot.worker.postMessage(job.request);
    }
    this.touch();
  }

  private reply(slot: Slot, message: RenderReply): void {
    const job = slot.jobs.get(message.id);
    if (!job) return;
    slot.jobs.delete(message.id);
    if (message.type === 'rendered') {
      const { type: _type, id: _id, ...letter } = message;
      job.resolve(letter);
    } else if (message.type === 'failed') {
      if (job.request.type === 'warm') job.resolve(null);
      else job.reject(failureOf(message));
    } else job.resolve(null);
    this.dispatch();
  }

  /** A worker that failed to load or crashed: its jobs, and all later ones, are made on the page's thread. */
  private fail(slot: Slot): void {
    const orphans = [...slot.jobs.values(), ...this.waiting];
    this.waiting = [];
    slot.jobs.clear();
    this.slots = this.slots.filter((s) => s !== slot);
    slot.worker.terminate();
    if (this.slots.length === 0) this.broken = true;
    for (const job of orphans) {
      if (this.broken) job.fallback().then(job.resolve, job.reject);
      else this.enqueue(job);
    }
  }

  /** Let the workers go once nothing has been asked of them for a while. */
  private touch(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const busy = this.waiting.length > 0 || this.slots.some((s) => s.jobs.size > 0);
    this.idleTimer = busy ? undefined : setTimeout(() => this.stop(), this.left ? LEFT_MS : IDLE_MS);
  }

  /** The desk has left the screen: the workers go once idle for `LEFT_MS`, unless asked for letters again. */
  letGo(): void {
    this.left = true;
    if (this.slots.length > 0) this.touch();
  }

  private stop(): void {
    for (const slot of this.slots) slot.worker.terminate();
    this.slots = [];
  }
}

let pool: RenderPool | undefined;
const thePool = () => (pool ??= new RenderPool());

/** Make one due letter (in a worker when possible). Rejects with the reason when the letter cannot be made. */
export function renderDueLetter(kind: PostLetterKind, context: BuildContext): Promise<RenderedLetter> {
  return thePool().render(kind, context);
}

/** The desk has left the screen that makes letters to post: let the workers go soon (a batch under way goes on). */
export function letLetterRendererGo(): void {
  pool?.letGo();
}

/** Get the workers ready (pdfmake loaded, fonts parsed) before the desk asks for letters. */
export function warmLetterRenderer(): Promise<void> {
  return thePool().warm();
}
