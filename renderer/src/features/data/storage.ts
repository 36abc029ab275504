// The browser's storage for this app: ask that it is kept (not evicted when the disk runs low) and how much is used.
// IndexedDB is "best effort" storage unless the browser grants persistence; the desktop app's Chromium grants it.

export interface StorageFacts {
  /** null: the browser cannot tell (no StorageManager). */
  persisted: boolean | null;
  usageBytes: number | null;
  quotaBytes: number | null;
}

function manager(): StorageManager | null {
  return typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : null;
}

export async function storageFacts(): Promise<StorageFacts> {
  const m = manager();
  if (!m) return { persisted: null, usageBytes: null, quotaBytes: null };
  const [persisted, estimate] = await Promise.all([
    m.persisted ? m.persisted().catch(() => null) : Promise.resolve(null),
    m.estimate ? m.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return { persisted, usageBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null };
}

/** Ask the browser to keep this app's data; true when it is (now) kept. */
export async function askToKeepData(): Promise<boolean | null> {
  const m = manager();
  if (!m?.persist) return null;
  try {
    if (m.persisted && (await m.persisted())) return true;
    return await m.persist();
  } catch {
    return null;
  }
}

/** One rule for sizes, the attachments' (shared/model/attachment.ts). */
export { formatFileSize as formatBytes } from '#shared/model/attachment';
