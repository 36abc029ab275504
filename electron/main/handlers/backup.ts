// The automatic daily backup (desktop). The USER picks the folder in main's own dialog; the choice lives in main's
// config file in userData (never in the renderer). The renderer, which holds the database, makes the backup's bytes
// once a day and hands them over; main checks they are a sound backup, names the file itself, writes it atomically
// into the chosen folder, and keeps the newest `keep` files of ITS OWN naming pattern there, deleting nothing else.
// With a passphrase set (kept in the OS keychain through Electron's safeStorage, never in plain text, never logged,
// never sent back to the renderer), main encrypts the checked bytes (shared/backup/encryption.ts) before writing;
// without a usable keychain it refuses to keep one, and never writes a backup that was to be encrypted in plain.
import { createHash, webcrypto } from 'node:crypto';
import * as fs from 'node:fs/promises';
import path from 'node:path';
import type { OpenDialogOptions } from 'electron';
import { z } from 'zod';
import { encryptBytes, type WebCryptoLike } from '#shared/backup/encryption';
import { bytesSource, verifyBackupSource } from '#shared/backup/archive';
import { BackupFileError, BACKUP_FILE_EXTENSION } from '#shared/backup/format';
import { MAIN_MESSAGE_CODES, MAIN_MESSAGES_EN, type MainMessageCode, mainFailure } from '#shared/ipc/messages';
import {
  AUTO_BACKUP_KEEP_DEFAULT,
  AUTO_BACKUP_KEEP_MAX,
  type AutoBackupPassphraseRequest,
  type AutoBackupSettingsRequest,
  type AutoBackupStatus,
  type AutoBackupStatusResult,
  type AutoBackupWriteRequest,
  type AutoBackupWriteResult,
  MAX_SAVE_BYTES,
} from '#shared/ipc/contract';
import { type AtomicWriteFs, nodeFs, writeFileAtomic } from './atomic-write';

/** Why the bytes could not be encrypted, by its message's code. */
class ProtectError extends Error {
  constructor(readonly code: MainMessageCode) {
    super(code);
  }
}

const mainMessageSchema = z.object({
  code: z.enum(MAIN_MESSAGE_CODES as [MainMessageCode, ...MainMessageCode[]]),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.object({ bytes: z.number() })])).optional(),
});

/** The files this feature writes, and the only files it ever deletes. */
export const AUTO_BACKUP_FILE_PATTERN = /^redress-auto-backup-(\d{4}-\d{2}-\d{2})\.redress-backup$/;
export const CONFIG_FILE_NAME = 'auto-backup.json';
/** The passphrase for the daily backups as safeStorage encrypted it (only the OS keychain's key opens it). */
export const PASSPHRASE_FILE_NAME = 'auto-backup-passphrase.bin';
const DAY_MS = 24 * 60 * 60 * 1000;

const configSchema = z.object({
  enabled: z.boolean(),
  folder: z.string().min(1).nullable(),
  keep: z.number().int().min(1).max(AUTO_BACKUP_KEEP_MAX),
  lastWrittenAt: z.string().nullable(),
  lastFileName: z.string().nullable(),
  lastError: z.string().nullable(),
  /** The last error as a code and values (m17b); absent in a config written before it was kept. */
  lastMessage: mainMessageSchema.nullable().optional(),
});
export type AutoBackupConfig = z.infer<typeof configSchema>;

export const DEFAULT_CONFIG: AutoBackupConfig = {
  enabled: false,
  folder: null,
  keep: AUTO_BACKUP_KEEP_DEFAULT,
  lastWrittenAt: null,
  lastFileName: null,
  lastError: null,
  lastMessage: null,
};

export interface FolderDialogOutcome {
  canceled: boolean;
  filePaths: string[];
}

/** The part of Electron's safeStorage used here (a fake in tests). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no keychain, only a key written into Chromium itself. */
  getSelectedStorageBackend?(): string;
}

export const NO_KEYCHAIN = MAIN_MESSAGES_EN['no-keychain'];

export interface AutoBackupDeps {
  /** dialog.showOpenDialog (folders), bound to the main window by index.ts. */
  showOpenDialog: (options: OpenDialogOptions) => Promise<FolderDialogOutcome>;
  /** app.getPath('userData'): where the config file lives. */
  configFolder: () => string;
  /** Where the folder dialog opens first (app.getPath('documents')). */
  defaultFolder: () => string;
  now?: () => Date;
  fs?: AtomicWriteFs;
  /** Electron's safeStorage: keeps the passphrase for encrypted daily backups. Absent: no passphrase can be kept. */
  safeStorage?: SafeStorageLike;
  /** WebCrypto for the encryption (node:crypto's by default). */
  crypto?: WebCryptoLike;
}

export interface AutoBackupHandlers {
  status: () => Promise<AutoBackupStatusResult>;
  chooseFolder: () => Promise<AutoBackupStatusResult>;
  configure: (request: AutoBackupSettingsRequest) => Promise<AutoBackupStatusResult>;
  write: (request: AutoBackupWriteRequest) => Promise<AutoBackupWriteResult>;
  setPassphrase: (request: AutoBackupPassphraseRequest) => Promise<AutoBackupStatusResult>;
}

/** The local calendar date, as in the file name. */
function localDate(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}`;
}

export function autoBackupFileName(at: Date): string {
  return `redress-auto-backup-${localDate(at)}${BACKUP_FILE_EXTENSION}`;
}

function sha256(bytes: Uint8Array): Promise<string> {
  return Promise.resolve(createHash('sha256').update(bytes).digest('hex'));
}

/** True when `target` is directly inside `folder` (no traversal, no other folder). */
export function isDirectlyInside(folder: string, target: string): boolean {
  return path.dirname(path.resolve(target)) === path.resolve(folder);
}

export function createAutoBackupHandlers(deps: AutoBackupDeps): AutoBackupHandlers {
  const now = deps.now ?? (() => new Date());
  const configPath = () => path.join(deps.configFolder(), CONFIG_FILE_NAME);
  let dialogOpen = false;
  /** One write at a time, so two windows or a double click cannot race on the rotation. */
  let writing: Promise<unknown> = Promise.resolve();

  async function readConfig(): Promise<AutoBackupConfig> {
    try {
      const parsed = configSchema.safeParse(JSON.parse(await fs.readFile(configPath(), 'utf8')));
      return parsed.success ? parsed.data : { ...DEFAULT_CONFIG };
    } catch {
      // Missing or unreadable: start from the defaults (off until the user chooses a folder).
      return { ...DEFAULT_CONFIG };
    }
  }

  async function saveConfig(config: AutoBackupConfig): Promise<void> {
    await fs.mkdir(deps.configFolder(), { recursive: true });
    await writeFileAtomic(
      configPath(),
      new TextEncoder().encode(`${JSON.stringify(config, null, 2)}\n`),
      deps.fs ?? nodeFs,
    );
  }

  const passphrasePath = () => path.join(deps.configFolder(), PASSPHRASE_FILE_NAME);
  const crypto = deps.crypto ?? (webcrypto as unknown as WebCryptoLike);

  /** Why no passphrase can be kept or used here, or null. */
  function keychainProblem(): string | null {
    const storage = deps.safeStorage;
    try {
      if (!storage || !storage.isEncryptionAvailable()) return NO_KEYCHAIN;
      if (storage.getSelectedStorageBackend?.() === 'basic_text') return NO_KEYCHAIN;
    } catch {
      return NO_KEYCHAIN;
    }
    return null;
  }

  /** The kept passphrase as safeStorage encrypted it, or null when none is set. */
  async function sealedPassphrase(): Promise<Buffer | null> {
    try {
      return await fs.readFile(passphrasePath());
    } catch {
      return null;
    }
  }

  async function statusOf(config: AutoBackupConfig): Promise<{ ok: true } & AutoBackupStatus> {
    const last = config.lastWrittenAt ? Date.parse(config.lastWrittenAt) : NaN;
    const due =
      config.enabled && config.folder !== null && (!Number.isFinite(last) || now().getTime() - last >= DAY_MS);
    return {
      ok: true,
      available: true,
      enabled: config.enabled,
      folder: config.folder,
      keep: config.keep,
      lastWrittenAt: config.lastWrittenAt,
      lastFileName: config.lastFileName,
      lastError: config.lastError,
      lastMessage: config.lastMessage ?? null,
      due,
      encrypted: (await sealedPassphrase()) !== null,
      keychainProblem: keychainProblem(),
      keychainMessage: keychainProblem() ? { code: 'no-keychain' } : null,
    };
  }

  async function setPassphrase(request: AutoBackupPassphraseRequest): Promise<AutoBackupStatusResult> {
    if (request.passphrase === null) {
      await fs.rm(passphrasePath(), { force: true });
      return statusOf(await readConfig());
    }
    const problem = keychainProblem();
    if (problem) return mainFailure('passphrase-no-keychain');
    let sealed: Buffer;
    try {
      sealed = deps.safeStorage!.encryptString(request.passphrase);
    } catch (error) {
      // The keychain's own message only: the passphrase is never in a message or a log.
      return mainFailure('passphrase-refused', { reason: error instanceof Error ? error.message : 'no reason given' });
    }
    await fs.mkdir(deps.configFolder(), { recursive: true });
    await writeFileAtomic(passphrasePath(), new Uint8Array(sealed), deps.fs ?? nodeFs);
    return statusOf(await readConfig());
  }

  /** The bytes to write: encrypted with the kept passphrase when one is set. Throws with the reason. */
  async function protect(data: Uint8Array): Promise<Uint8Array> {
    const sealed = await sealedPassphrase();
    if (!sealed) return data;
    if (keychainProblem()) throw new ProtectError('auto-backup-no-keychain');
    let passphrase: string;
    try {
      passphrase = deps.safeStorage!.decryptString(sealed);
    } catch {
      throw new ProtectError('auto-backup-passphrase-unreadable');
    }
    return encryptBytes(data, { passphrase, crypto });
  }

  /** Delete the oldest of OUR files beyond `keep`. Only regular files matching the pattern, only in the folder. */
  async function rotate(folder: string, keep: number): Promise<string[]> {
    const entries = await fs.readdir(folder, { withFileTypes: true });
    const ours = entries
      .filter((e) => e.isFile() && AUTO_BACKUP_FILE_PATTERN.test(e.name))
      .map((e) => e.name)
      .sort()
      .reverse();
    const removed: string[] = [];
    for (const name of ours.slice(keep)) {
      const target = path.join(folder, name);
      if (!isDirectlyInside(folder, target)) continue;
      await fs.rm(target, { force: true });
      removed.push(name);
    }
    return removed;
  }

  async function write(request: AutoBackupWriteRequest): Promise<AutoBackupWriteResult> {
    const config = await readConfig();
    if (!config.enabled || !config.folder)
      return { ok: true, written: false, reason: 'Automatic backup is off, or no folder is chosen.' };
    /** A failure kept as the automatic backup's last error (Your data shows it), and returned. */
    const failed = async (code: MainMessageCode, values?: Record<string, string | number | { bytes: number }>) => {
      const failure = mainFailure(code, values);
      // Kept as the stored config's own shape (plain values: an automatic backup's failure names no server).
      const lastMessage = values ? { code, values } : { code };
      await saveConfig({ ...config, lastError: failure.error, lastMessage }).catch(() => undefined);
      return failure;
    };
    if ('tooLarge' in request)
      return failed('auto-backup-too-large', {
        size: { bytes: request.tooLarge },
        maxMb: MAX_SAVE_BYTES / 1024 / 1024,
      });
    const folder = config.folder;
    // Never put a damaged or foreign file in place of a good backup: check its compression and its seal. (Not every
    // row: at 100,000 cases that would stall the main process for seconds; the renderer made it from the database.)
    try {
      await verifyBackupSource(bytesSource(request.data), sha256);
    } catch (error) {
      return mainFailure('auto-backup-not-sound', {
        reason: error instanceof BackupFileError ? error.message : String(error),
      });
    }
    let data: Uint8Array;
    try {
      data = await protect(request.data);
    } catch (error) {
      if (error instanceof ProtectError) return failed(error.code);
      return failed('auto-backup-not-encrypted', { reason: error instanceof Error ? error.message : String(error) });
    }
    const at = now();
    const fileName = autoBackupFileName(at);
    const target = path.join(folder, fileName);
    if (!isDirectlyInside(folder, target)) return mainFailure('auto-backup-outside-folder');
    try {
      const stat = await fs.stat(folder);
      if (!stat.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
      await writeFileAtomic(target, data, deps.fs ?? nodeFs);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return failed('auto-backup-folder-gone', { folder });
      if (code === 'ENOSPC') return failed('auto-backup-disk-full');
      if (code === 'EACCES' || code === 'EPERM') return failed('auto-backup-not-allowed');
      return failed('auto-backup-failed', { reason: error instanceof Error ? error.message : String(error) });
    }
    let removed: string[] = [];
    try {
      removed = await rotate(folder, config.keep);
    } catch {
      // The new backup is safely written; old ones stay until the next run can remove them.
    }
    await saveConfig({
      ...config,
      lastWrittenAt: at.toISOString(),
      lastFileName: fileName,
      lastError: null,
      lastMessage: null,
    });
    return { ok: true, written: true, fileName, removed };
  }

  return {
    status: async () => statusOf(await readConfig()),

    chooseFolder: async () => {
      if (dialogOpen) return { ok: false, error: 'A folder dialog is already open.' };
      const config = await readConfig();
      dialogOpen = true;
      let outcome: FolderDialogOutcome;
      try {
        outcome = await deps.showOpenDialog({
          title: 'Folder for the daily backups',
          buttonLabel: 'Use this folder',
          defaultPath: config.folder ?? deps.defaultFolder(),
          properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
        });
      } finally {
        dialogOpen = false;
      }
      const chosen = outcome.filePaths[0];
      if (outcome.canceled || !chosen) return await statusOf(config);
      if (!path.isAbsolute(chosen)) return { ok: false, error: 'The folder dialog returned an unusable location.' };
      const folder = path.resolve(chosen);
      await fs.mkdir(folder, { recursive: true });
      if (!(await fs.stat(folder)).isDirectory()) return { ok: false, error: `${folder} is not a folder.` };
      const next = { ...config, folder, enabled: true, lastError: null, lastMessage: null };
      await saveConfig(next);
      return await statusOf(next);
    },

    configure: async (request) => {
      const config = await readConfig();
      const next = { ...config, enabled: request.enabled && config.folder !== null, keep: request.keep };
      await saveConfig(next);
      if (next.enabled && next.folder) await rotate(next.folder, next.keep).catch(() => undefined);
      return await statusOf(next);
    },

    setPassphrase,

    write: (request) => {
      const run = writing.then(() => write(request));
      writing = run.catch(() => undefined);
      return run;
    },
  };
}
