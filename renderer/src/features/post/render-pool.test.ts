// The letter-rendering workers are let go five minutes after their last letter, or ten seconds after the desk leaves
// the screen that makes letters to post. Here a stand-in for the Worker answers a warm-up as the worker does.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RenderReply, RenderRequest } from './render-protocol';

class StandInWorker {
  static started: StandInWorker[] = [];
  onmessage: ((event: MessageEvent<RenderReply>) => void) | null = null;
  onerror: ((event: { preventDefault(): void }) => void) | null = null;
  terminated = false;
  constructor() {
    StandInWorker.started.push(this);
  }
  postMessage(request: RenderRequest): void {
    setTimeout(() => this.onmessage?.({ data: { type: 'warmed', id: request.id } } as MessageEvent<RenderReply>), 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

/** A fresh pool (the module keeps one) with stand-in workers. */
async function freshPool() {
  vi.resetModules();
  return import('./render-pool');
}

const alive = () => StandInWorker.started.filter((w) => !w.terminated).length;

describe('the letter-rendering workers', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('Worker', StandInWorker);
    vi.stubGlobal('navigator', { hardwareConcurrency: 2 });
    StandInWorker.started = [];
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('are kept five minutes after their last work while the desk stays on the screen', async () => {
    const { warmLetterRenderer } = await freshPool();
    const warmed = warmLetterRenderer();
    await vi.advanceTimersByTimeAsync(1);
    await warmed;
    expect(alive()).toBe(2);
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    expect(alive()).toBe(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(alive()).toBe(0);
  });

  it('go ten seconds after the desk leaves the screen, unless it comes back for letters first', async () => {
    const { letLetterRendererGo, warmLetterRenderer } = await freshPool();
    letLetterRendererGo(); // nothing started yet: nothing to do
    const warmed = warmLetterRenderer();
    await vi.advanceTimersByTimeAsync(1);
    await warmed;
    letLetterRendererGo();
    await vi.advanceTimersByTimeAsync(9_000);
    expect(alive()).toBe(2);
    // Back on the screen: the five minutes again.
    const again = warmLetterRenderer();
    await vi.advanceTimersByTimeAsync(1);
    await again;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(alive()).toBe(2);
    letLetterRendererGo();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(alive()).toBe(0);
    expect(StandInWorker.started).toHaveLength(2);
  });
});
