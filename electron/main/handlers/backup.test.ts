import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeArchive } from '#shared/backup/archive';
import { type BackupContent, encodeBackup } from '#shared/backup/format';
import { IPC_CHANNELS } from '#shared/ipc/contract';
import { registerIpcHandlers } from '../ipc';
import { trustedOrigins } from '../origin';
import { decryptBytes, isEncryptedBackup, readEncryptionHeader, type WebCryptoLike } from '#shared/backup/encryption';
import {
  AUTO_BACKUP_FILE_PATTERN,
  autoBackupFileName,
  CONFIG_FILE_NAME,
  createAutoBackupHandlers,
  type FolderDialogOutcome,
  PASSPHRASE_FILE_NAME,
  type SafeStorageLike,
} from './backup';

let base: string;
let userData: string;
let chosen: string;
let outside: string;
let clock: Date;

beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'redress-auto-backup-'));
  userData = path.join(base, 'userData');
  chosen = path.join(base, 'backups');
  outside = path.join(base, 'outside');
  await mkdir(userData);
  await mkdir(chosen);
  await mkdir(outside);
  clock = new Date('2026-11-22T09:00:00');
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

const sha256 = async (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const EMPTY: BackupContent = {
  cases: [],
  events: [],
  counters: [],
  settings: [],
  letters: [],
  people: [],
  notified: [],
  audit: [],
  meta: [],
  attachments: [],
  providers: [],
  procedures: [],
};
const backupBytes = (madeAt = '2026-11-22T09:00:00.000Z'): Promise<Uint8Array> =>
  encodeBackup({ ...EMPTY, counters: [{ key: 'RDR-2026', last: 3 }] }, { madeAt, schemaVersion: 3, sha256 });

/** Every file under `base`, relative to it. */
async function allFiles(): Promise<string[]> {
  const entries = await readdir(base, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() || e.isSymbolicLink())
    .map((e) => path.relative(base, path.join(e.parentPath, e.name)))
    .sort();
}

const appEvent = { senderFrame: { url: 'app://redress/index.html', parent: null } };

/** The four channels as the renderer reaches them: through registerIpcHandlers and the sender and payload checks. */
function setup(
  dialog: (options: unknown) => Promise<FolderDialogOutcome> = async () => ({ canceled: false, filePaths: [chosen] }),
  extra: { safeStorage?: SafeStorageLike; logs?: string[] } = {},
) {
  const showOpenDialog = vi.fn(dialog);
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const autoBackup = createAutoBackupHandlers({
    showOpenDialog,
    configFolder: () => userData,
    defaultFolder: () => base,
    now: () => clock,
    ...(extra.safeStorage ? { safeStorage: extra.safeStorage } : {}),
  });
  registerIpcHandlers({
    ipcMain: { handle: (channel, listener) => handlers.set(channel, listener as never) },
    trustedOrigins: trustedOrigins(undefined),
    saveFile: async () => ({ ok: true, saved: false }),
    notify: async () => ({ ok: true, shown: false }),
    printPdf: async () => ({ ok: true, printed: false }),
    autoBackup,
    log: (message) => extra.logs?.push(message),
  });
  const invoke = (channel: string, payload?: unknown, ...extra: unknown[]) =>
    handlers.get(channel)!(appEvent, payload, ...extra) as Promise<Record<string, unknown>>;
  return { invoke, showOpenDialog, handlers };
}

describe('automatic daily backup (main)', () => {
  it('registers its five channels', () => {
    const { handlers } = setup();
    for (const channel of [
      IPC_CHANNELS.autoBackupStatus,
      IPC_CHANNELS.autoBackupChooseFolder,
      IPC_CHANNELS.autoBackupConfigure,
      IPC_CHANNELS.autoBackupWrite,
      IPC_CHANNELS.autoBackupPassphrase,
    ]) {
      expect(handlers.has(channel), channel).toBe(true);
    }
  });

  it('is off until the user chooses a folder in main’s dialog; the choice is kept in userData', async () => {
    const { invoke, showOpenDialog } = setup();
    expect(await invoke(IPC_CHANNELS.autoBackupStatus, {})).toMatchObject({
      ok: true,
      available: true,
      enabled: false,
      folder: null,
      keep: 14,
      due: false,
    });
    expect(await invoke(IPC_CHANNELS.autoBackupWrite, { data: await backupBytes() })).toMatchObject({
      ok: true,
      written: false,
    });

    const status = await invoke(IPC_CHANNELS.autoBackupChooseFolder, {});
    expect(status).toMatchObject({ ok: true, enabled: true, folder: chosen, due: true });
    expect(showOpenDialog.mock.calls[0]![0]).toMatchObject({ properties: expect.arrayContaining(['openDirectory']) });
    const config = JSON.parse(await readFile(path.join(userData, CONFIG_FILE_NAME), 'utf8'));
    expect(config).toMatchObject({ enabled: true, folder: chosen, keep: 14 });
    // A new process (the app restarted) reads the same choice.
    const again = setup();
    expect(await again.invoke(IPC_CHANNELS.autoBackupStatus, {})).toMatchObject({ folder: chosen, enabled: true });
  });

  it('keeps the previous folder when the dialog is cancelled', async () => {
    const { invoke } = setup();
    await invoke(IPC_CHANNELS.autoBackupChooseFolder, {});
    const cancelled = setup(async () => ({ canceled: true, filePaths: [] }));
    expect(await cancelled.invoke(IPC_CHANNELS.autoBackupChooseFolder, {})).toMatchObject({ ok: true, folder: chosen });
  });

  it('writes the backup into the chosen folder under a dated name, and is not due again for a day', async () => {
    const { invoke } = setup();
    await invoke(IPC_CHANNELS.autoBackupChooseFolder, {});
    const data = await backupBytes();
    const result = await invoke(IPC_CHANNELS.autoBackupWrite, { data });
    expect(result).toEqual({
      ok: true,
      written: true,
      fileName: 'redress-auto-backup-2026-11-22.redress-backup',
      removed: [],
    });
    expect(
      Buffer.compare(
        await readFile(path.join(chosen, 'redress-auto-backup-2026-11-22.redress-backup')),
        Buffer.from(data),
      ),
    ).toBe(0);
    expect(await allFiles()).toEqual([
      path.join('backups', 'redress-auto-backup-2026-11-22.redress-backup'),
      path.join('userData', CONFIG_FILE_NAME),
    ]);
    expect(await invoke(IPC_CHANNELS.autoBackupStatus, {})).toMatchObject({
      due: false,
      lastFileName: 'redress-auto-backup-2026-11-22.redress-backup',
      lastWrittenAt: clock.toISOString(),
    });
    clock = new Date('2026-11-23T08:59:00');
    expect(await invoke(IPC_CHANNELS.autoBackupStatus, {})).toMatchObject({ due: false });
    clock = new Date('2026-11-23T09:00:00');
    expect(await invoke(IPC_CHANNELS.autoBackupStatus, {})).toMatchObject({ due: true });
  });

  it('records a backup too large to send in one message as its last error, for Your data to show', async () => {
    const { invoke } = setup();
    await invoke(IPC_CHANNELS.autoBackupChooseFolder, {});
    const bytes = 1.5 * 1024 ** 3;
    const result = await invoke(IPC_CHANNELS.autoBackupWrite, { tooLarge: bytes });
    expect(result).toMatchObject({
      ok: false,
      error: expect.stringMatching(/1\.50 GB.*larger than the 512 MB.*Make a backup now/),
    });
    // m17b: main says it as a code and values too, kept with the English, for Your data to say in any language.
    const message = { code: 'auto-backup-too-large', values: { size: { bytes }, maxMb: 512 } };
    expect(result).toMatchObject({ message });
    expect(await invoke(IPC_CHANNELS.autoBackupStatus, {})).toMatchObject({
      lastError: (result as { error: string }).error,
      lastMessage: message,
      due: true,
    });
    expect(await allFiles()).toEqual([path.join('userData', CONFIG_FILE_NAME)]);
    // Word of a size that would fit is refused by the contract (only the bytes themselves are written).
    expect(await invoke(IPC_CHANNELS.autoBackupWrite, { tooLarge: 1024 })).toMatchObject({ ok: false });
  });

  it('writes a backup of format 3 (a ZIP archive of the rows and the attachments), and refuses one that is damaged', async () => {
    const { invoke } = setup();
    await invoke(IPC_CHANNELS.autoBackupChooseFolder, {});
    const pieces: Uint8Array[] = [];
    for await (const piece of writeArchive(await backupBytes(), [], { madeAt: '2026-11-22T09:00:00.000Z' }))
      pieces.push(piece.slice());
    const data = new Uint8Array(Buffer.concat(pieces));
    expect(await invoke(IPC_CHANNELS.autoBackupWrite, { data })).toMatchObject({ ok: true, written: true });
    expect(
      Buffer.compare(await readFile(path.join(chosen, 'redress-auto-backup-2026-11-22.redress-backup')), data),
    ).toBe(0);
    // The rows member cut short: main's check of the archive refuses it.
    const cut = data.slice(0, data.length - 10);
    expect(await invoke(IPC_CHANNELS.autoBackupWrite, { data: cut })).toMatchObject({ ok: false });
  });

  it('keeps the newest N of its own files and deletes nothing else', async () => {
    const { invoke } = setup();
    await invoke(IPC_CHANNELS.autoBackupChooseFolder, {});
    await invoke(IPC_CHANNELS.autoBackupConfigure, { enabled: true, keep: 3 });
    for (const day of ['2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21']) {
      await writeFile(path.join(chosen, `redress-auto-backup-${day}.redress-backup`), `old ${day}`);
    }
    // Things that look a little like ours but are not, and must survive.
    const foreign = [
      'notes.txt',
      'redress-backup-RDR-2026-01-01.redress-backup',
      'redress-auto-backup-2020-01-01.redress-backup.bak',
      'Redress-auto-backup-2020-01-02.redress-backup',
      'redress-auto-backup-2020-1-3.redress-backup',
      ' redress-auto-backup-2020-01-04.redress-backup',
    ];
    for (const name of foreign) await writeFile(path.join(chosen, name), 'keep me');
    // A folder and a link with our name: not regular files, not touched (the link's target is outside).
    await mkdir(path.join(chosen, 'redress-auto-backup-2020-01-05.redress-backup'));
    await writeFile(path.join(outside, 'precious.txt'), 'precious');
    await symlink(
      path.join(outside, 'precious.txt'),
      path.join(chosen, 'redress-auto-backup-2020-01-06.redress-backup'),
    );

    const result = await invoke(IPC_CHANNELS.autoBackupWrite, { data: await backupBytes() });
    expect(result).toMatchObject({ ok: true, written: true });
    expect((result.removed as string[]).sort()).toEqual([
      'redress-auto-backup-2026-11-17.redress-backup',
      'redress-auto-backup-2026-11-18.redress-backup',
      'redress-auto-backup-2026-11-19.redress-backup',
    ]);
    const left = (await readdir(chosen)).sort();
    expect(left).toEqual(
      [
        ...foreign,
        'redress-auto-backup-2020-01-05.redress-backup',
        'redress-auto-backup-2020-01-06.redress-backup',
        'redress-auto-backup-2026-11-20.redress-backup',
        'redress-auto-backup-2026-11-21.redress-backup',
        'redress-auto-backup-2026-11-22.redress-backup',
      ].sort(),
    );
    expect(await readFile(path.join(outside, 'precious.txt'), 'utf8')).toBe('precious');
  });

  it('refuses data that is not a sound backup, leaving the folder as it was', async () => {
    const { invoke } = setup();
    await invoke(IPC_CHANNELS.autoBackupChooseFolder, {});
    await writeFile(
      path.join(chosen, 'redress-auto-backup-2026-11-22.redress-backup'),
      'the good backup of this morning',
    );
    const good = await backupBytes();
    const flipped = good.slice();
    flipped[30] ^= 4;
    for (const data of [
      good.subarray(0, good.length - 20),
      flipped,
      new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]),
    ]) {
      const result = await invoke(IPC_CHANNELS.autoBackupWrite, { data });
      expect(result).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^Refused: the data is not a sound backup/),
      });
    }
    expect(await readFile(path.join(chosen, 'redress-auto-backup-2026-11-22.redress-backup'), 'utf8')).toBe(
      'the good backup of this morning',
    );
    expect(await readdir(chosen)).toEqual(['redress-auto-backup-2026-11-22.redress-backup']);
  });

  it('says so, and remembers why, when the folder has gone (a USB drive unplugged)', async () => {
    const { invoke } = setup();
    await invoke(IPC_CHANNELS.autoBackupChooseFolder, {});
    await rm(chosen, { recursive: true });
    const result = await invoke(IPC_CHANNELS.autoBackupWrite, { data: await backupBytes() });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('is not there any more') });
    expect(await invoke(IPC_CHANNELS.autoBackupStatus, {})).toMatchObject({
      due: true,
      lastError: expect.stringContaining('is not there any more'),
      lastMessage: { code: 'auto-backup-folder-gone', values: { folder: chosen } },
    });
    expect(await allFiles()).toEqual([path.join('userData', CONFIG_FILE_NAME)]);
  });

  it('starts from the defaults when its config file is damaged', async () => {
    await writeFile(path.join(userData, CONFIG_FILE_NAME), '{"enabled": true, "folder": 42');
    const { invoke } = setup();
    expect(await invoke(IPC_CHANNELS.autoBackupStatus, {})).toMatchObject({ ok: true, enabled: false, folder: null });
  });

  describe('encrypted daily backups (a passphrase kept with safeStorage)', () => {
    const passphrase = 'kept in the keychain, not here';
    /** A stand-in for Electron's safeStorage: what it returns is not the passphrase's text. */
    const keychain = (available = true, backend = 'gnome_libsecret') => {
      const storage = {
        isEncryptionAvailable: vi.fn(() => available),
        getSelectedStorageBackend: () => backend,
        encryptString: vi.fn((plain: string) =>
          Buffer.concat([Buffer.from('SEALED'), Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)]),
        ),
        decryptString: vi.fn((sealed: Buffer) => Buffer.from(sealed.subarray(6).map((b) => b ^ 0x5a)).toString('utf8')),
      };
      return storage;
    };

    it('keeps the passphrase only as safeStorage sealed it, encrypts the daily backup with it, and never logs it', async () => {
      const logs: string[] = [];
      const safeStorage = keychain();
      const { invoke } = setup(undefined, { safeStorage, logs });
      await invoke(IPC_CHANNELS.autoBackupChooseFolder, {});
      expect(await invoke(IPC_CHANNELS.autoBackupStatus, {})).toMatchObject({
        encrypted: false,
        keychainProblem: null,
      });
      // A passphrase too short is refused by the contract's rule, with the reason, and not logged.
      const short = await invoke(IPC_CHANNELS.autoBackupPassphrase, { passphrase: 'too short' });
      expect(short).toMatchObject({ ok: false, error: expect.stringContaining('at least 12 characters') });

      expect(await invoke(IPC_CHANNELS.autoBackupPassphrase, { passphrase })).toMatchObject({
        ok: true,
        encrypted: true,
      });
      expect(safeStorage.encryptString).toHaveBeenCalledWith(passphrase);
      const kept = await readFile(path.join(userData, PASSPHRASE_FILE_NAME));
      expect(kept.toString('latin1')).not.toContain(passphrase);
      expect(kept.subarray(0, 6).toString()).toBe('SEALED');

      const data = await backupBytes();
      expect(await invoke(IPC_CHANNELS.autoBackupWrite, { data })).toMatchObject({ ok: true, written: true });
      const written = new Uint8Array(
        await readFile(path.join(chosen, 'redress-auto-backup-2026-11-22.redress-backup')),
      );
      expect(isEncryptedBackup(written)).toBe(true);
      expect(readEncryptionHeader(written).kdf.iterations).toBeGreaterThanOrEqual(600_000);
      expect(
        await decryptBytes(written, { passphrase, crypto: globalThis.crypto as unknown as WebCryptoLike }),
      ).toEqual(data);

      // Nothing the shell logged or saved in its config holds the passphrase, and no status sends it back.
      const status = await invoke(IPC_CHANNELS.autoBackupStatus, {});
      expect(JSON.stringify(status)).not.toContain(passphrase);
      expect(await readFile(path.join(userData, CONFIG_FILE_NAME), 'utf8')).not.toContain(passphrase);
      expect(logs.join('\n')).toContain('refused redress:auto-backup-passphrase');
      for (const line of logs) {
        expect(line).not.toContain('too short');
        expect(line).not.toContain(passphrase);
      }

      // Cleared: the next backup is plain again, and the sealed passphrase is gone.
      expect(await invoke(IPC_CHANNELS.autoBackupPassphrase, { passphrase: null })).toMatchObject({
        ok: true,
        encrypted: false,
      });
      expect(await allFiles()).not.toContain(path.join('userData', PASSPHRASE_FILE_NAME));
      clock = new Date('2026-11-23T09:00:00');
      await invoke(IPC_CHANNELS.autoBackupWrite, { data });
      expect(
        isEncryptedBackup(
          new Uint8Array(await readFile(path.join(chosen, 'redress-auto-backup-2026-11-23.redress-backup'))),
        ),
      ).toBe(false);
    });

    it.each([
      ['no safeStorage at all', undefined],
      ['safeStorage says encryption is not available', keychain(false)],
      ['Linux with no keychain (basic_text)', keychain(true, 'basic_text')],
    ])('refuses to keep a passphrase when %s, with the reason', async (_label, safeStorage) => {
      const { invoke } = setup(undefined, safeStorage ? { safeStorage } : {});
      expect(await invoke(IPC_CHANNELS.autoBackupStatus, {})).toMatchObject({
        ok: true,
        encrypted: false,
        keychainProblem: expect.stringContaining('keychain is not available'),
      });
      const result = await invoke(IPC_CHANNELS.autoBackupPassphrase, { passphrase });
      expect(result).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^The passphrase was not kept: this computer’s keychain is not available/),
      });
      // Nothing was sealed (with no safeStorage at all, there is nothing to seal with).
      expect(safeStorage?.encryptString.mock.calls ?? []).toEqual([]);
      expect(await allFiles()).not.toContain(path.join('userData', PASSPHRASE_FILE_NAME));
    });

    it('never writes a backup that was to be encrypted in plain when the keychain has gone', async () => {
      const { invoke } = setup(undefined, { safeStorage: keychain() });
      await invoke(IPC_CHANNELS.autoBackupChooseFolder, {});
      await invoke(IPC_CHANNELS.autoBackupPassphrase, { passphrase });
      const gone = setup(undefined, { safeStorage: keychain(false) });
      const result = await gone.invoke(IPC_CHANNELS.autoBackupWrite, { data: await backupBytes() });
      expect(result).toMatchObject({
        ok: false,
        error: expect.stringContaining('it is to be encrypted, but this computer’s keychain is not available'),
      });
      expect(await readdir(chosen)).toEqual([]);
      expect(await gone.invoke(IPC_CHANNELS.autoBackupStatus, {})).toMatchObject({
        encrypted: true,
        lastError: expect.stringContaining('not written'),
      });
    });
  });

  describe('hostile requests: refused, nothing written anywhere', () => {
    it.each<[string, string, () => Promise<unknown>]>([
      [
        'a folder in the write request',
        IPC_CHANNELS.autoBackupWrite,
        async () => ({ data: await backupBytes(), folder: outside }),
      ],
      [
        'a file name in the write request',
        IPC_CHANNELS.autoBackupWrite,
        async () => ({ data: await backupBytes(), fileName: '../outside/evil.redress-backup' }),
      ],
      ['a path instead of the bytes', IPC_CHANNELS.autoBackupWrite, async () => ({ data: '/etc/passwd' })],
      [
        'bytes that are not gzip',
        IPC_CHANNELS.autoBackupWrite,
        async () => ({ data: new TextEncoder().encode('{"format":"redress-backup"}') }),
      ],
      ['a plain array', IPC_CHANNELS.autoBackupWrite, async () => ({ data: [0x1f, 0x8b] })],
      ['a folder in the choose request', IPC_CHANNELS.autoBackupChooseFolder, async () => ({ folder: outside })],
      ['a path as the choose request', IPC_CHANNELS.autoBackupChooseFolder, async () => outside],
      ['nothing', IPC_CHANNELS.autoBackupStatus, async () => undefined],
      ['keep below 1', IPC_CHANNELS.autoBackupConfigure, async () => ({ enabled: true, keep: 0 })],
      ['keep huge', IPC_CHANNELS.autoBackupConfigure, async () => ({ enabled: true, keep: 1e9 })],
      ['keep fractional', IPC_CHANNELS.autoBackupConfigure, async () => ({ enabled: true, keep: 2.5 })],
      ['enabled as text', IPC_CHANNELS.autoBackupConfigure, async () => ({ enabled: 'yes', keep: 3 })],
      [
        'a folder in the settings',
        IPC_CHANNELS.autoBackupConfigure,
        async () => ({ enabled: true, keep: 3, folder: outside }),
      ],
      [
        'a passphrase that is not text',
        IPC_CHANNELS.autoBackupPassphrase,
        async () => ({ passphrase: 123456789012345 }),
      ],
      [
        'a passphrase with a line break',
        IPC_CHANNELS.autoBackupPassphrase,
        async () => ({ passphrase: 'twelve chars or more\n' }),
      ],
      [
        'a file name with the passphrase',
        IPC_CHANNELS.autoBackupPassphrase,
        async () => ({ passphrase: 'twelve chars or more', file: '../x' }),
      ],
    ])('%s', async (_label, channel, payload) => {
      const { invoke, showOpenDialog } = setup();
      await invoke(IPC_CHANNELS.autoBackupChooseFolder, {});
      showOpenDialog.mockClear();
      const before = await allFiles();
      const result = await invoke(channel, await payload());
      expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^Refused: invalid request/) });
      expect(showOpenDialog).not.toHaveBeenCalled();
      expect(await allFiles()).toEqual(before);
      expect(await readdir(outside)).toEqual([]);
    });

    it('refuses a message from another origin', async () => {
      const { handlers } = setup();
      const result = await handlers.get(IPC_CHANNELS.autoBackupWrite)!(
        { senderFrame: { url: 'https://evil.example/', parent: null } },
        { data: await backupBytes() },
      );
      expect(result).toMatchObject({ ok: false, error: expect.stringContaining('not the Redress app') });
      expect(await allFiles()).toEqual([]);
    });

    it('never writes outside the chosen folder, whatever the date or the folder’s name', async () => {
      // A folder whose name looks like traversal is still just a folder.
      const odd = path.join(base, '..odd folder.. ~$');
      await mkdir(odd);
      const { invoke } = setup(async () => ({ canceled: false, filePaths: [odd] }));
      await invoke(IPC_CHANNELS.autoBackupChooseFolder, {});
      for (const day of ['2026-01-01T00:00:00', '2099-12-31T23:59:59', '1999-06-15T12:00:00']) {
        clock = new Date(day);
        expect(await invoke(IPC_CHANNELS.autoBackupWrite, { data: await backupBytes() })).toMatchObject({
          ok: true,
          written: true,
        });
      }
      const files = await allFiles();
      for (const f of files.filter((f) => !f.startsWith('userData'))) {
        expect(path.dirname(path.join(base, f))).toBe(odd);
        expect(AUTO_BACKUP_FILE_PATTERN.test(path.basename(f))).toBe(true);
      }
      expect(files).toHaveLength(4);
      expect(autoBackupFileName(new Date('2026-03-05T10:00:00'))).toBe('redress-auto-backup-2026-03-05.redress-backup');
    });
  });
});
