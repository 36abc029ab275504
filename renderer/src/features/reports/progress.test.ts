// The Reports page's load progress lives outside React state (./load.ts `ProgressStore`): only the progress bar
// subscribes, so reading a chunk re-renders the bar, not the page with its filters.
import { describe, expect, it } from 'vitest';
import { ProgressStore } from './load';

describe('the reports load progress', () => {
  it('tells its subscribers every step, and no one after they leave', () => {
    const store = new ProgressStore();
    expect(store.get()).toEqual({ stage: 'all', done: 0, total: 0 });
    const seen: number[] = [];
    const leave = store.subscribe(() => seen.push(store.get().done));
    store.set({ stage: 'all', done: 5000, total: 20000 });
    store.set({ stage: 'all', done: 10000, total: 20000 });
    leave();
    store.set({ stage: 'all', done: 15000, total: 20000 });
    expect(seen).toEqual([5000, 10000]);
    expect(store.get()).toEqual({ stage: 'all', done: 15000, total: 20000 });
  });
});
