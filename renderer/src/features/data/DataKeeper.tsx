// Mounted once in the app shell: asks the browser to keep the data on start, and (desktop) makes the automatic daily
// backup on start and every few hours while the app runs, whenever the last one is older than a day. Main decides
// whether one is due and where it goes; this only makes the bytes.
import { useEffect } from 'react';
import { MAX_SAVE_BYTES } from '#shared/ipc/contract';
import { recordBackupMade } from '#db/backup/backup';
import { makeBackupFile } from '#db/backup/client';
import { db } from '#db/schema';
import { platform } from '#platform';
import { askToKeepData } from './storage';

export const AUTO_BACKUP_CHECK_MS = 3 * 60 * 60 * 1000;

/** Make and hand over the daily backup if main says one is due. Returns the file name written, or null. */
export async function runAutoBackupIfDue(): Promise<string | null> {
  const api = platform().autoBackup;
  const status = await api.status();
  if (!status.ok || !status.available || !status.due) return null;
  const made = await makeBackupFile();
  // Too large for one message: main records why (Your data shows it) rather than the page reading it all in.
  const result = await api.write(
    made.file.size > MAX_SAVE_BYTES
      ? { tooLarge: made.file.size }
      : { data: new Uint8Array(await made.file.arrayBuffer()) },
  );
  if (result.ok && result.written) {
    await recordBackupMade(db(), { at: made.madeAt, fileName: result.fileName, how: 'automatic' });
    return result.fileName;
  }
  if (!result.ok) console.warn('Redress: the automatic backup failed:', result.error);
  return null;
}

export function DataKeeper() {
  useEffect(() => {
    void askToKeepData();
    if (platform().kind !== 'desktop') return;
    let running = false;
    const check = () => {
      if (running) return;
      running = true;
      runAutoBackupIfDue()
        .catch((error: unknown) => console.warn('Redress: the automatic backup failed:', error))
        .finally(() => {
          running = false;
        });
    };
    // A little after start, so the first screen draws first.
    const first = setTimeout(check, 15_000);
    const timer = setInterval(check, AUTO_BACKUP_CHECK_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, []);
  return null;
}
