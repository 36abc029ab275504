// The browser's storage for this app: ask that it is kept (not evicted when the disk runs low) and how much is used.
// IndexedDB is "best effort" storage unless the browser grants persistence; the desktop app's Chromium grants it.
// Persistence is asked of the place the desk's database is in (a storage bucket after a compaction or a replace-restore:
// deskPersistence); the usage is the whole origin's.
import { deskPersistence } from '#db/storage';

export interface StorageFacts {
  /** null: the browser cannot tell (no StorageManager). */
  persisted: boolean | null;
  usageBytes: number | null;
  quotaBytes: number | null;
}

function manager(): StorageManager | null {
  return typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : null;
}

/** The desk's place's persistence, or null where it cannot be had. */
const persistence = () => deskPersistence().catch(() => null);

export async function storageFacts(): Promise<StorageFacts> {
  const m = manager();
  if (!m) return { persisted: null, usageBytes: null, quotaBytes: null };
  const [persisted, estimate] = await Promise.all([
    persistence().then((p) => (p ? p.persisted().catch(() => null) : null)),
    m.estimate ? m.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return { persisted, usageBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null };
}

/** Ask the browser to keep this app's data; true when it is (now) kept. */
export async function askToKeepData(): Promise<boolean | null> {
  const p = await persistence();
  if (!p) return null;
  try {
    if (await p.persisted()) return true;
    return await p.persist();
  } catch {
    return null;
  }
}

/** One rule for sizes, the attachments' (shared/model/attachment.ts). */
export { formatFileSize as formatBytes } from '#shared/model/attachment';
