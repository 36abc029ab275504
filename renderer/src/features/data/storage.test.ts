// "Kept safe from clean-ups" asks the place the desk's database is in: after a compaction or a replace-restore that is
// a storage bucket, which the browser keeps or evicts apart from the page's default storage.
import 'fake-indexeddb/auto';
import { IDBFactory as FakeFactory } from 'fake-indexeddb';
import { afterEach, expect, it, vi } from 'vitest';
import { type PointerStore, type StorageHost, startStorage } from '#db/storage';
import { askToKeepData, storageFacts } from './storage';

/** A persistence that starts not granted and is granted when asked. */
function keeper() {
  const state = { kept: false, asked: 0 };
  return {
    state,
    persisted: async () => state.kept,
    persist: async () => {
      state.asked += 1;
      state.kept = true;
      return true;
    },
  };
}

afterEach(() => vi.unstubAllGlobals());

it('asks the page’s default storage while the desk lives there', async () => {
  const page = keeper();
  vi.stubGlobal('navigator', { storage: { ...page, estimate: async () => ({ usage: 1, quota: 2 }) } });
  expect(await storageFacts()).toEqual({ persisted: false, usageBytes: 1, quotaBytes: 2 });
  expect(await askToKeepData()).toBe(true);
  expect(page.state.asked).toBe(1);
});

it('asks the storage bucket the desk lives in, not the default storage, and reports its answer', async () => {
  const page = keeper();
  const bucket = keeper();
  vi.stubGlobal('navigator', {
    storage: { ...page, estimate: async () => ({ usage: 17_400_000, quota: 10_000_000_000 }) },
    storageBuckets: {
      open: async (name: string) => {
        expect(name).toBe('redress-abc');
        return { indexedDB: new FakeFactory(), ...bucket };
      },
      delete: async () => undefined,
      keys: async () => ['redress-abc'],
    },
  });
  // The desk's database is in the bucket (the note a replace-restore leaves).
  const host: StorageHost = {
    buckets: true,
    factory: async () => new FakeFactory(),
    deleteBucket: async () => undefined,
    bucketNames: async () => ['redress-abc'],
  };
  let note: string | null = JSON.stringify({ current: { bucket: 'redress-abc', name: 'redress' } });
  const store: PointerStore = { read: () => note, write: (value) => void (note = value) };
  await startStorage(host, store);

  expect(await storageFacts()).toEqual({ persisted: false, usageBytes: 17_400_000, quotaBytes: 10_000_000_000 });
  expect(await askToKeepData()).toBe(true);
  expect(bucket.state.asked).toBe(1);
  expect(page.state.asked).toBe(0);
  expect((await storageFacts()).persisted).toBe(true);
  // Already kept: not asked again.
  expect(await askToKeepData()).toBe(true);
  expect(bucket.state.asked).toBe(1);
});
