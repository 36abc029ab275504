// Is an error the browser's storage being full? IndexedDB refuses a write (or opening a store, or a storage bucket)
// with a `QuotaExceededError` when the disk, or the share of it the browser allows the app, is used up. Dexie hands
// it on as its own error of that name, or as the cause (`inner`) of the transaction's AbortError; a bulk write as one
// of its `failures`; the backup worker sends it to the page by name (db/backup/client.ts). What the screens then say
// is lib/i18n/refusals.ts's: there is no room left, free some and try again.

const QUOTA = 'QuotaExceededError';

/** True when `error`, or what it wraps, is the browser refusing to store more (no room on the disk or in its quota). */
export function isStorageFull(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (e.name === QUOTA) return true;
  if (isStorageFull(e.inner, depth + 1) || isStorageFull(e.cause, depth + 1)) return true;
  return Array.isArray(e.failures) && e.failures.some((failure) => isStorageFull(failure, depth + 1));
}

/** An error standing for a storage-full one that crossed from a worker as words only (its name kept). */
export function storageFullError(message: string): Error {
  const error = new Error(message);
  error.name = QUOTA;
  return error;
}
