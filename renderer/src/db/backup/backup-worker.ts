// A module worker that makes, checks and restores backups off the page's main thread (./backup-client.ts starts it).
// At 100,000 cases a backup is some 300 MB of JSON to write or read, gzip and hash: seconds of work that would freeze
// the page. Here it runs beside the page; Dexie opens the same IndexedDB database (same origin) in the worker. A
// checked file stays here until it is restored or forgotten (its small tables and where its rows lie: the restore
// reads the cases, timelines and letters again; see checkBackupStreamed): only its header crosses to the page, and a
// restore's progress reports while it runs.
import '#lib/zod-config';
import { isStorageFull } from '#lib/storage-full';
import { sayBackup } from '#shared/backup/problems';
import { BackupFileError } from '#shared/backup/format';
import {
  BackupCheckError,
  casesToPreview,
  type Checked,
  checkBackupStreamed,
  handlerNameOf,
  makeBackup,
  planRestore,
  previewAnonymisation,
  restoreBackup,
  RestoreError,
} from './backup';
import type { BackupMessage, PlacedBackupRequest } from './protocol';
import { db } from '../schema';
import { switchToDatabaseAt, withDatabaseAt } from '../storage';

interface WorkerScope {
  onmessage: ((event: MessageEvent<PlacedBackupRequest>) => void) | null;
  postMessage(message: BackupMessage, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

let checked: Checked | null = null;
let queue: Promise<void> = Promise.resolve();

async function handle(request: PlacedBackupRequest): Promise<void> {
  try {
    // The page's database, wherever "Compact storage now" has put it.
    await switchToDatabaseAt(request.location);
    if (request.type === 'make') {
      const made = await makeBackup(db(), {
        ...(request.app ? { app: request.app } : {}),
        ...(request.passphrase ? { passphrase: request.passphrase } : {}),
        ...(request.fileStem ? { fileStem: request.fileStem } : {}),
      });
      // The Blob crosses by reference: its bytes stay where the browser keeps them.
      scope.postMessage({ id: request.id, ok: true, type: 'made', made });
    } else if (request.type === 'check') {
      checked = null;
      const decoded = await checkBackupStreamed(db(), request.file, request.passphrase);
      const anonymise = await previewAnonymisation(db(), casesToPreview(decoded));
      const plan = await planRestore(db(), decoded);
      checked = decoded;
      scope.postMessage({
        id: request.id,
        ok: true,
        type: 'checked',
        header: decoded.header,
        sha256: decoded.sha256,
        handlerName: handlerNameOf(decoded),
        overLimits: decoded.overLimits,
        overLimitsSaid: decoded.overLimitsSaid,
        anonymise,
        plan,
      });
    } else if (request.type === 'restore') {
      if (!checked || checked.sha256 !== request.sha256)
        throw new RestoreError(
          'Choose the backup file again: it is no longer held for restoring.',
          [],
          sayBackup('restore-held-no-longer'),
        );
      // Progress goes to the page as it comes (restoreBackup already spaces the reports a few thousand rows apart).
      const { id } = request;
      const held = checked;
      const report = await withDatabaseAt(request.into, (into) =>
        restoreBackup(db(), held, {
          mode: request.mode,
          by: request.by,
          onProgress: (progress) => scope.postMessage({ id, type: 'progress', progress }),
          ...(into ? { into } : {}),
        }),
      );
      checked = null;
      scope.postMessage({ id: request.id, ok: true, type: 'restored', report });
    } else {
      checked = null;
      scope.postMessage({ id: request.id, ok: true, type: 'forgotten' });
    }
  } catch (error) {
    const failure =
      error instanceof BackupFileError
        ? {
            name: 'BackupFileError' as const,
            kind: error.kind,
            message: error.message,
            problems: error.problems,
            said: error.said,
            problemsSaid: error.problemsSaid,
          }
        : error instanceof RestoreError
          ? { name: 'RestoreError' as const, message: error.message, problems: error.problems, said: error.said }
          : error instanceof BackupCheckError
            ? { name: 'BackupCheckError' as const, message: error.message, problems: error.problems, said: error.said }
            : {
                // The storage being full keeps its name, so the page says it in plain words (lib/storage-full.ts).
                name: isStorageFull(error) ? ('QuotaExceededError' as const) : ('Error' as const),
                message: error instanceof Error ? error.message : String(error),
                problems: [],
              };
    scope.postMessage({ id: request.id, ok: false, error: failure });
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  queue = queue.then(() => handle(request));
};
