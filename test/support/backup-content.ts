// Backup content for tests of the backup format, wherever they run (Node or a browser-like environment).
import { BACKUP_TABLE_NAMES, type BackupContent } from '#shared/backup/format';

/** A backup with no rows in any of its tables. */
export const emptyBackupContent = (): BackupContent =>
  Object.fromEntries(BACKUP_TABLE_NAMES.map((table) => [table, []])) as unknown as BackupContent;

/** SHA-256 in lower-case hex, by Web Crypto, which Node 20 and the browser both have. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
