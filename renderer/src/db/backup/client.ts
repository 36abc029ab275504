// The page's side of making, checking and restoring backups: the work runs in a module worker (./backup-worker.ts),
// so the page keeps drawing while 100,000 cases are written or read. Where a worker cannot run (no Worker, or its
// script fails to load) the same functions run on the page's thread instead: slower to the eye, never different.
import { type BackupSaying, sayBackup } from '#shared/backup/problems';
import { BackupFileError, type BackupHeader } from '#shared/backup/format';
import { storageFullError } from '#lib/storage-full';
import {
  type AnonymisationPreview,
  casesToPreview,
  type Checked,
  checkBackupStreamed,
  handlerNameOf,
  type MadeBackup,
  makeBackup,
  type OnRestoreProgress,
  planRestore,
  previewAnonymisation,
  type RestoreMode,
  type RestorePlan,
  type RestoreReport,
  restoreBackup,
  RestoreError,
  BackupCheckError,
} from './backup';
import {
  type BackupFailure,
  type BackupMessage,
  type BackupReply,
  type BackupRequest,
  isProgressMessage,
  type PlacedBackupRequest,
} from './protocol';
import { db } from '../schema';
import {
  browserStorageHost,
  currentLocation,
  localStoragePointer,
  moveDesk,
  type PointerStore,
  type StorageHost,
  type StorageLocation,
  switchStorage,
  tellOtherWindows,
  withDatabaseAt,
} from '../storage';

/**
 * A file that was read and checked completely; it is held (in the worker: its small tables and the file) until it is
 * restored.
 */
export interface CheckedBackup {
  header: BackupHeader;
  sha256: string;
  /** The handler named in the file's desk settings (to record a first-run restore under). */
  handlerName?: string;
  /** Rows over a limit of this version: restored as they are, listed for the desk to shorten. */
  overLimits: string[];
  /** The same as sayings, for the screen to say in its language (h17). */
  overLimitsSaid: BackupSaying[];
  /** What the restore will anonymise again right after it (cases this desk had anonymised), by how it is restored. */
  anonymise: AnonymisationPreview;
  /** What restoring it would do to this desk's cases, and whether it is of another desk (planRestore). */
  plan: RestorePlan;
}

type Pending = {
  resolve: (reply: BackupReply & { ok: true }) => void;
  reject: (error: Error) => void;
  fallback: () => Promise<unknown>;
  onProgress?: OnRestoreProgress;
};

let worker: Worker | null = null;
let broken = typeof Worker === 'undefined';
let nextId = 1;
const pending = new Map<number, Pending>();
/** The file checked last when running on the page's thread. */
let checkedHere: Checked | null = null;

function rebuild(failure: BackupFailure): Error {
  if (failure.name === 'BackupFileError')
    return new BackupFileError(failure.kind, failure.message, failure.problems, failure.said, failure.problemsSaid);
  if (failure.name === 'RestoreError') return new RestoreError(failure.message, failure.problems, failure.said);
  if (failure.name === 'BackupCheckError') return new BackupCheckError(failure.message, failure.problems, failure.said);
  if (failure.name === 'QuotaExceededError') return storageFullError(failure.message);
  return new Error(failure.message);
}

function start(): Worker | null {
  if (broken) return null;
  if (worker) return worker;
  try {
    worker = new Worker(new URL('./backup-worker.ts', import.meta.url), { type: 'module', name: 'redress-backup' });
  } catch {
    broken = true;
    return null;
  }
  worker.onmessage = (event: MessageEvent<BackupMessage>) => {
    const reply = event.data;
    const job = pending.get(reply.id);
    if (!job) return;
    if (isProgressMessage(reply)) {
      job.onProgress?.(reply.progress);
      return;
    }
    pending.delete(reply.id);
    if (reply.ok) job.resolve(reply);
    else job.reject(rebuild(reply.error));
    // A worker that holds nothing (a backup made, a file restored or let go) is ended, so the memory its last job
    // used goes back to the system at once rather than when its heap is next collected: at 100,000 cases the check
    // after making a backup started with the making's garbage still held (the renderer at 573 MB instead of ~400).
    // A checked file is held in the worker for its restore, so a worker is never ended after a check.
    if (reply.ok && reply.type !== 'checked' && pending.size === 0) idle();
  };
  worker.onerror = (event) => {
    // The script did not load, or the worker died (e.g. out of memory): the jobs under way run here instead.
    event.preventDefault();
    console.warn('Redress: the backup worker stopped; working on the page instead.', event.message);
    broken = true;
    worker?.terminate();
    worker = null;
    const jobs = [...pending.values()];
    pending.clear();
    for (const job of jobs) job.fallback().then(job.resolve as (v: unknown) => void, job.reject);
  };
  return worker;
}

/** End the backup worker between jobs (the next job starts another). */
function idle(): void {
  worker?.terminate();
  worker = null;
}

function ask<T extends BackupReply & { ok: true }>(
  request: BackupRequest,
  fallback: () => Promise<T>,
  transfer: Transferable[] = [],
  onProgress?: OnRestoreProgress,
): Promise<T> {
  const w = start();
  if (!w) return fallback();
  return new Promise<T>((resolve, reject) => {
    pending.set(request.id, {
      resolve: resolve as Pending['resolve'],
      reject,
      fallback,
      ...(onProgress ? { onProgress } : {}),
    });
    const placed: PlacedBackupRequest = { ...request, location: currentLocation() };
    w.postMessage(placed, transfer);
  });
}

/**
 * The backup file of the whole database (see makeBackup), made off the page's thread; encrypted with `passphrase`;
 * named starting with `fileStem` (the interface language's, catalogue `data.backup.fileName`) when given.
 */
export async function makeBackupFile(passphrase?: string, fileStem?: string): Promise<MadeBackup> {
  const id = nextId++;
  const options = { ...(passphrase ? { passphrase } : {}), ...(fileStem ? { fileStem } : {}) };
  const reply = await ask({ type: 'make', id, ...options }, async () => ({
    id,
    ok: true as const,
    type: 'made' as const,
    made: await makeBackup(db(), options),
  }));
  return (reply as { made: MadeBackup }).made;
}

/**
 * Read and check a file completely (throws BackupFileError saying what is wrong and where). The file is read a piece
 * at a time where it lies (a File chosen is never read whole into memory).
 * An encrypted file needs its passphrase (BackupFileError 'needs-passphrase' / 'wrong-passphrase' otherwise).
 */
export async function checkBackupFile(file: Blob, passphrase?: string): Promise<CheckedBackup> {
  const id = nextId++;
  checkedHere = null;
  const here = async () => {
    const decoded = await checkBackupStreamed(db(), file, passphrase);
    const anonymise = await previewAnonymisation(db(), casesToPreview(decoded));
    const plan = await planRestore(db(), decoded);
    checkedHere = decoded;
    return {
      id,
      ok: true as const,
      type: 'checked' as const,
      header: decoded.header,
      sha256: decoded.sha256,
      handlerName: handlerNameOf(decoded),
      overLimits: decoded.overLimits,
      overLimitsSaid: decoded.overLimitsSaid,
      anonymise,
      plan,
    };
  };
  const reply = await ask({ type: 'check', id, file, ...(passphrase ? { passphrase } : {}) }, here, []);
  const { header, sha256, handlerName, overLimits, overLimitsSaid, anonymise, plan } = reply as {
    header: BackupHeader;
    sha256: string;
    handlerName?: string;
    overLimits?: string[];
    overLimitsSaid?: BackupSaying[];
    anonymise: AnonymisationPreview;
    plan: RestorePlan;
  };
  return {
    header,
    sha256,
    overLimits: overLimits ?? [],
    overLimitsSaid: overLimitsSaid ?? [],
    anonymise,
    plan,
    ...(handlerName ? { handlerName } : {}),
  };
}

/**
 * Restore the file checked last (see restoreBackup): all or nothing. `onProgress` hears how far it is (from the
 * worker, a few thousand rows apart; see RestoreProgress). A replace is written into a new copy of the database and
 * the desk switched to it (replaceIntoNewCopy): the app must then reload, in every window (`report.intoNewCopy`).
 */
export async function restoreCheckedBackup(
  checked: CheckedBackup,
  options: {
    mode: RestoreMode;
    by: string;
    onProgress?: OnRestoreProgress;
    /** Where the desk's database is kept and noted (tests; the browser's storage and localStorage otherwise). */
    storage?: { host: StorageHost; store: PointerStore };
  },
): Promise<RestoreReport> {
  const { onProgress, mode, by, storage } = options;
  const run = async (into?: StorageLocation) => {
    const id = nextId++;
    const here = async () => {
      if (!checkedHere || checkedHere.sha256 !== checked.sha256)
        throw new RestoreError(
          'Choose the backup file again: it is no longer held for restoring.',
          [],
          sayBackup('restore-held-no-longer'),
        );
      const held = checkedHere;
      const report = await withDatabaseAt(
        into,
        (target) =>
          restoreBackup(db(), held, {
            mode,
            by,
            ...(onProgress ? { onProgress } : {}),
            ...(target ? { into: target } : {}),
          }),
        storage?.host,
      );
      checkedHere = null;
      return { id, ok: true as const, type: 'restored' as const, report };
    };
    const request = { type: 'restore' as const, id, sha256: checked.sha256, mode, by, ...(into ? { into } : {}) };
    const reply = await ask(request, here, [], onProgress);
    return (reply as { report: RestoreReport }).report;
  };
  return mode === 'replace' ? replaceIntoNewCopy(run, storage?.host, storage?.store) : run();
}

/**
 * A replace written into a new copy of the database, with the protocol of "Compact storage now" (../storage.ts): the
 * new place noted, the restore written there while the desk's database is only read, then one write of the pointer
 * switches the desk to it; the old copy is deleted when the app starts again. Killed before the switch, the next start
 * deletes the half-made copy and the desk is as it was. Meanwhile no window writes to the old copy (a change made
 * there would be left behind): this one and every other window of the app hold their database (writes refused, saying
 * why), and a window that starts waits on the storage lock until the move has ended.
 */
export function replaceIntoNewCopy(
  run: (into: StorageLocation) => Promise<RestoreReport>,
  host: StorageHost = browserStorageHost(),
  store: PointerStore = localStoragePointer(),
): Promise<RestoreReport> {
  return moveDesk(db(), host, store, async (next) => {
    const report = await run(next);
    switchStorage(store, next);
    tellOtherWindows('moved');
    return { ...report, intoNewCopy: true };
  });
}

/** Let go of a checked file's content (another file chosen, or the page left). */
export function forgetCheckedBackup(): void {
  checkedHere = null;
  if (worker && !broken) {
    const id = nextId++;
    void ask({ type: 'forget', id }, async () => ({ id, ok: true as const, type: 'forgotten' as const })).catch(
      () => undefined,
    );
  }
}
