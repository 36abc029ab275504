import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { isStorageFull, storageFullError } from './storage-full';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('isStorageFull', () => {
  it('knows the browser refusing to store more, however Dexie hands it on', () => {
    expect(isStorageFull(quota())).toBe(true);
    // Dexie's own error of that name, the cause of a transaction's abort, and one failure of a bulk write.
    expect(isStorageFull(new Dexie.QuotaExceededError('Write failed', quota()))).toBe(true);
    expect(isStorageFull(new Dexie.AbortError('Transaction aborted', quota()))).toBe(true);
    expect(isStorageFull(new Dexie.BulkError('1 of 2 failed', { 1: quota() }))).toBe(true);
    expect(isStorageFull(new Error('Could not write', { cause: quota() }))).toBe(true);
    // As it comes back from the backup worker: words and a name.
    expect(isStorageFull(storageFullError('QuotaExceededError'))).toBe(true);
  });

  it('says nothing about any other error', () => {
    expect(isStorageFull(new Dexie.AbortError('Transaction aborted', new DOMException('x', 'UnknownError')))).toBe(
      false,
    );
    expect(isStorageFull(new Dexie.BulkError('1 failed', { 0: new Dexie.ConstraintError('Key already exists') }))).toBe(
      false,
    );
    expect(isStorageFull(new Error('QuotaExceededError in the words only'))).toBe(false);
    expect(isStorageFull('QuotaExceededError')).toBe(false);
    expect(isStorageFull(null)).toBe(false);
    // A loop of causes ends.
    const a = new Error('a') as Error & { inner?: unknown };
    a.inner = a;
    expect(isStorageFull(a)).toBe(false);
  });
});
