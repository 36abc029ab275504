// Messages between the page (./backup-client.ts) and the backup worker (./backup-worker.ts).
import type { BackupHeader, BackupProblemKind } from '#shared/backup/format';
import type { BackupSaying } from '#shared/backup/problems';
import type {
  AnonymisationPreview,
  MadeBackup,
  RestoreMode,
  RestorePlan,
  RestoreProgress,
  RestoreReport,
} from './backup';
import type { StorageLocation } from '../storage';

export type BackupRequest =
  /** passphrase: encrypt the file with it (never stored); fileStem: the file name's start (backup.ts backupFileName). */
  | { type: 'make'; id: number; app?: string; passphrase?: string; fileStem?: string }
  /** The file chosen (a Blob crosses by reference, its bytes not read); passphrase: for an encrypted file. */
  | { type: 'check'; id: number; file: Blob; passphrase?: string }
  /** Restore the file checked last (named by its seal, so a stale screen cannot restore another file). */
  /** into: a replace written into this new place (../storage.ts beginMove), not over the desk's database. */
  | { type: 'restore'; id: number; sha256: string; mode: RestoreMode; by: string; into?: StorageLocation }
  | { type: 'forget'; id: number };

/** A request as posted: with where the page's database is (db/storage.ts), so the worker opens the same one. */
export type PlacedBackupRequest = BackupRequest & { location: StorageLocation };

export type BackupFailure =
  | {
      name: 'BackupFileError';
      kind: BackupProblemKind;
      message: string;
      problems: string[];
      /** The refusal as data, for the page to say in its language (m17a). */
      said?: BackupSaying;
      problemsSaid?: BackupSaying[];
    }
  | {
      name: 'RestoreError' | 'BackupCheckError' | 'QuotaExceededError' | 'Error';
      message: string;
      problems: string[];
      said?: BackupSaying;
    };

export type BackupReply =
  | ({ id: number; ok: true } & (
      | { type: 'made'; made: MadeBackup }
      | {
          type: 'checked';
          header: BackupHeader;
          sha256: string;
          handlerName?: string;
          overLimits: string[];
          overLimitsSaid: BackupSaying[];
          anonymise: AnonymisationPreview;
          plan: RestorePlan;
        }
      | { type: 'restored'; report: RestoreReport }
      | { type: 'forgotten' }
    ))
  | { id: number; ok: false; error: BackupFailure };

/** Sent by the worker while a restore runs (any number of times before its reply); not an answer to the request. */
export interface BackupProgressMessage {
  id: number;
  type: 'progress';
  progress: RestoreProgress;
}

/** Everything the worker posts to the page. */
export type BackupMessage = BackupReply | BackupProgressMessage;

export const isProgressMessage = (message: BackupMessage): message is BackupProgressMessage =>
  'type' in message && message.type === 'progress';
