// IPC fuzzing: thousands of random and hostile payloads sent through the real IPC registration (registerIpcHandlers,
// with the real save-file, notify and print handlers behind it, and fake Electron dialogs/windows/notifications) to
// every channel. Whatever arrives, each call answers with a result object (never throws, never rejects), nothing
// leaks onto Object.prototype, and no byte is written anywhere but the folder the (fake) save dialog picked: the real
// file tree of a temporary folder is checked afterwards.
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserWindowConstructorOptions, SaveDialogOptions } from 'electron';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '#shared/ipc/channels';
import { TEMP_FILE_PATTERN } from './handlers/atomic-write';
import { createAutoBackupHandlers } from './handlers/backup';
import { MAX_FILE_NAME_BYTES } from './handlers/file-name';
import { createNotifyHandler, type NotificationClass } from './handlers/notify';
import { createPrintPdfHandler, type PrintWindowLike } from './handlers/print';
import { createSaveFileHandler } from './handlers/save-file';
import { type IpcHandlerDeps, registerIpcHandlers } from './ipc';
import { trustedOrigins } from './origin';
import { isWindowsDeviceName } from './windows-names';

let base: string;
/** Where the fake save dialog always puts the file: the only folder anything may be written to. */
let chosen: string;
/** The dialog's starting folder (Documents); nothing may be written here. */
let documents: string;
let temp: string;
/** The folder the (fake) folder dialog picks for the automatic backups. */
let backups: string;
/** The app's own folder (userData): main keeps its settings here. */
let userData: string;
const dialogDefaults: string[] = [];
const savedNames: string[] = [];
const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
/** Channels registered with capabilities this test does not build (added later): they get a recording stand-in. */
const standInCalls: string[] = [];

class FakeNotification {
  static isSupported = () => true;
  on() {
    return this;
  }
  show() {}
}

class FakePrintWindow implements PrintWindowLike {
  private destroyed = false;
  constructor(_options: BrowserWindowConstructorOptions) {}
  async loadURL() {}
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
  }
  readonly webContents = {
    print: (_options: unknown, callback: (success: boolean, reason: string) => void) => callback(true, ''),
  };
}

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'redress-ipc-fuzz-'));
  chosen = path.join(base, 'chosen');
  documents = path.join(base, 'documents');
  temp = path.join(base, 'temp');
  backups = path.join(base, 'backups');
  userData = path.join(base, 'userData');
  await Promise.all([mkdir(chosen), mkdir(documents), mkdir(temp), mkdir(backups), mkdir(userData)]);

  const known: Record<string, unknown> = {
    ipcMain: { handle: (channel: string, listener: never) => handlers.set(channel, listener) },
    trustedOrigins: trustedOrigins(undefined),
    log: () => undefined,
    saveFile: createSaveFileHandler({
      // The user moves to the folder they picked and accepts the suggestion as it stands: whatever path the suggestion
      // carries relative to Documents is kept, as a dialog that honoured it would, so a name that smuggled in a
      // folder ("../x", "C:\\x") would land outside the chosen folder and fail the file-tree check below.
      showSaveDialog: async (options: SaveDialogOptions) => {
        dialogDefaults.push(options.defaultPath ?? '');
        const name = path.relative(documents, options.defaultPath ?? 'unnamed');
        savedNames.push(name);
        return { canceled: false, filePath: path.join(chosen, name) };
      },
      defaultFolder: () => documents,
    }),
    notify: createNotifyHandler({
      Notification: FakeNotification as unknown as NotificationClass,
      getWindow: () => null,
      failWithinMs: 0,
    }),
    printPdf: createPrintPdfHandler({ BrowserWindow: FakePrintWindow, tempFolder: () => temp, settleMs: 0 }),
    autoBackup: createAutoBackupHandlers({
      showOpenDialog: async () => ({ canceled: false, filePaths: [backups] }),
      configFolder: () => userData,
      defaultFolder: () => documents,
    }),
  };
  /** A capability this test does not know yet: a function whose properties are such functions too. */
  const standIn = (name: string): unknown =>
    new Proxy(
      async () => {
        standInCalls.push(name);
        return { ok: true };
      },
      { get: (_target, key) => (key === 'then' ? undefined : standIn(`${name}.${String(key)}`)) },
    );
  const deps = new Proxy(known, { get: (target, key: string) => (key in target ? target[key] : standIn(key)) });
  registerIpcHandlers(deps as unknown as IpcHandlerDeps);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const app = { senderFrame: { url: 'app://redress/index.html', parent: null } };

// ---- hostile ingredients ---------------------------------------------------------------------------------------

const RESERVED = [
  'CON',
  'prn.txt',
  'AUX',
  'NUL',
  'nul.pdf',
  'COM1',
  'com9.csv',
  'LPT1',
  'lpt¹.txt',
  'CONIN$',
  'clock$',
  // Windows device names with trailing spaces or dots, several extensions, superscript digits, any case.
  'con .pdf',
  'CON  .pdf',
  'conout$.txt',
  'CONOUT$',
  'conin$.csv',
  'Aux.',
  'nul...',
  'PRN . .',
  'aux.tar.gz',
  'COM0',
  'lpt0.txt',
  'COM¹',
  'com².pdf',
  'LPT³ .txt',
  'folder/con .pdf',
  'C:\\x\\conout$.txt',
];
const HOSTILE_NAMES = [
  '../../../../etc/passwd',
  '..\\..\\..\\Windows\\System32\\drivers\\etc\\hosts',
  '/etc/cron.d/evil',
  '/',
  'C:\\Windows\\win.ini',
  'C:evil.pdf',
  'D:/Users/Public/evil.pdf',
  '\\\\server\\share\\evil.pdf',
  '//server/share/evil.pdf',
  '\\\\?\\C:\\Windows\\evil.pdf',
  '\\\\.\\PhysicalDrive0',
  'file:///etc/passwd',
  '~/.ssh/authorized_keys',
  '%APPDATA%\\Microsoft\\Windows\\Start Menu\\Programs\\Startup\\run.bat',
  '$HOME/.bashrc',
  '.',
  '..',
  '...',
  ' ',
  '.bashrc',
  'letter.pdf\u0000.exe',
  'letter\u202Efdp.exe',
  'letter.pdf::$DATA',
  'a/b/../../../c.pdf',
  'name with trailing dots...',
  'name with trailing spaces   ',
  'ÿ'.repeat(300),
  '😀'.repeat(120),
  'x'.repeat(199),
  '__proto__',
  'constructor',
  ...RESERVED,
];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];

const hostileName = fc.oneof(
  fc.constantFrom(...HOSTILE_NAMES),
  fc.string({ maxLength: 220 }),
  fc.string({ unit: 'binary', maxLength: 220 }),
  fc
    .tuple(
      fc.array(fc.constantFrom('..', '.', '', 'a', 'C:', '\\\\srv', '%2e%2e', '\u0000'), { maxLength: 6 }),
      fc.constantFrom('/', '\\'),
      fc.string({ maxLength: 30 }),
    )
    .map(([segments, separator, leaf]) => [...segments, leaf].join(separator)),
  fc
    .constantFrom(...RESERVED)
    .chain((r) => fc.constantFrom(r, `${r}.pdf`, `${r.toLowerCase()}.csv`, ` ${r} `, `${r}.`)),
);
const mimeType = fc.oneof(
  fc.constantFrom(
    'application/pdf',
    'text/csv',
    'text/calendar',
    'application/json',
    'application/zip',
    'text/plain',
    'image/png',
    'application/x-msdownload',
  ),
  fc.string({ maxLength: 120 }),
);
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  fc.constant(new TextEncoder().encode('%PDF-1.7\n%%EOF')),
  fc.constantFrom<unknown>(
    'not bytes',
    [1, 2, 3],
    { 0: 37, length: 1 },
    new ArrayBuffer(4),
    new Uint16Array(2),
    null,
    Buffer.from('%PDF-'),
  ),
);
/** Anything structured clone could carry, and more: null-prototype objects, typed arrays, Maps, BigInts, Dates. */
const anything = fc.anything({
  maxDepth: 4,
  maxKeys: 6,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withNullPrototype: true,
  withObjectString: true,
  withBoxedValues: true,
  key: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom(...PROTO_KEYS)),
});
/** An object parsed from JSON, so "__proto__" is an own key, as a hand-made message would carry it. */
const pollutingJson = fc
  .record({ key: fc.constantFrom('__proto__', 'constructor'), name: hostileName })
  .map(
    ({ key, name }) =>
      JSON.parse(
        `{"suggestedName":${JSON.stringify(name)},"mimeType":"application/pdf","data":null,"${key}":{"polluted":"yes","prototype":{"polluted":"yes"}}}`,
      ) as unknown,
  );
const huge = fc.constantFrom(
  'a'.repeat(5_000_000),
  'é'.repeat(600_000),
  '\u0000'.repeat(100_000),
  '../'.repeat(200_000),
);
/** Deeply nested arrays and objects (deeper than any real message). */
const deep = fc.integer({ min: 100, max: 3_000 }).map((depth) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { suggestedName: value };
  return value;
});

const saveFilePayload = fc.oneof(
  // Shaped right, with hostile values: these reach the handler and the dialog.
  fc.record({ suggestedName: hostileName, mimeType, data: bytes }),
  fc.record(
    { suggestedName: hostileName, mimeType, data: bytes, extra: anything },
    { requiredKeys: ['suggestedName', 'mimeType', 'data'] },
  ),
  fc.record(
    {
      suggestedName: fc.oneof(hostileName, anything, huge),
      mimeType: fc.oneof(mimeType, anything),
      data: fc.oneof(bytes, anything),
    },
    { requiredKeys: [] },
  ),
  pollutingJson,
);
const notifyPayload = fc.oneof(
  fc.record(
    {
      id: fc.oneof(fc.string({ maxLength: 250 }), anything),
      title: fc.oneof(fc.string({ maxLength: 250 }), anything),
      body: fc.oneof(fc.string({ maxLength: 2100 }), anything, huge),
      caseId: fc.oneof(fc.string(), anything),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      id: fc.string({ minLength: 1, maxLength: 20 }),
      title: fc.string({ minLength: 1, maxLength: 50 }),
      body: fc.string({ maxLength: 100 }),
      caseId: fc.string({ maxLength: 100 }),
    },
    { requiredKeys: ['id', 'title', 'body'] },
  ),
);
const printPayload = fc.oneof(
  fc.record({ title: fc.oneof(hostileName, anything), data: bytes }, { requiredKeys: [] }),
  fc.record({
    title: fc.string({ minLength: 1, maxLength: 50 }),
    data: fc
      .uint8Array({ maxLength: 32 })
      .map((tail) => new Uint8Array([...new TextEncoder().encode('%PDF-'), ...tail])),
  }),
);
const gzipBytes = fc.uint8Array({ maxLength: 64 }).map((tail) => new Uint8Array([0x1f, 0x8b, ...tail]));
const autoBackupPayload = fc.oneof(
  fc.record(
    {
      enabled: fc.oneof(fc.boolean(), anything),
      keep: fc.oneof(fc.integer({ min: -5, max: 400 }), fc.double(), anything),
    },
    { requiredKeys: [] },
  ),
  fc.record({ data: fc.oneof(gzipBytes, bytes, anything) }, { requiredKeys: [] }),
  fc.constant({}),
);
const anyPayload = fc.oneof(anything, huge, deep, saveFilePayload, notifyPayload, printPayload, pollutingJson);

/** A sender: mostly the app (so payloads reach validation and the handlers), sometimes hostile or broken. */
const sender = fc.oneof(
  { weight: 8, arbitrary: fc.constant<unknown>(app) },
  fc.constantFrom<unknown>(
    { senderFrame: { url: 'https://evil.example/', parent: null } },
    { senderFrame: { url: 'app://redress/index.html', parent: {} } },
    { senderFrame: null },
    {},
    { senderFrame: { url: 42, parent: null } },
    { senderFrame: { url: 'app://redress@evil.example/', parent: null } },
  ),
);

// ---- the run ---------------------------------------------------------------------------------------------------

function payloadFor(channel: string) {
  switch (channel) {
    case IPC_CHANNELS.saveFile:
      return fc.oneof({ weight: 3, arbitrary: saveFilePayload }, anyPayload);
    case IPC_CHANNELS.notify:
      return fc.oneof({ weight: 3, arbitrary: notifyPayload }, anyPayload);
    case IPC_CHANNELS.printPdf:
      return fc.oneof({ weight: 3, arbitrary: printPayload }, anyPayload);
    case IPC_CHANNELS.autoBackupStatus:
    case IPC_CHANNELS.autoBackupChooseFolder:
    case IPC_CHANNELS.autoBackupConfigure:
    case IPC_CHANNELS.autoBackupWrite:
      return fc.oneof({ weight: 3, arbitrary: autoBackupPayload }, anyPayload);
    default:
      return anyPayload;
  }
}

function expectAnswer(result: unknown, channel: string): void {
  expect(result, channel).toBeTypeOf('object');
  const answer = result as { ok?: unknown; error?: unknown };
  expect(typeof answer.ok, channel).toBe('boolean');
  if (answer.ok === false) {
    expect(typeof answer.error, channel).toBe('string');
    expect((answer.error as string).length, channel).toBeGreaterThan(0);
    // A clear message, not a dump of the payload.
    expect((answer.error as string).length, channel).toBeLessThan(5_000);
  }
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(base, path.join(entry.parentPath, entry.name)));
}

describe('IPC fuzzing (real registration, every channel)', () => {
  const prototypeKeysBefore = Object.getOwnPropertyNames(Object.prototype).sort();

  it('registers the channels it fuzzes', () => {
    expect([...handlers.keys()]).toEqual(
      expect.arrayContaining([IPC_CHANNELS.saveFile, IPC_CHANNELS.notify, IPC_CHANNELS.printPdf]),
    );
  });

  it('answers thousands of random and hostile messages on every channel, always with a result object', async () => {
    const channels = [...handlers.keys()];
    let calls = 0;
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...channels)
          .chain((channel) =>
            fc.tuple(
              fc.constant(channel),
              sender,
              payloadFor(channel),
              fc.oneof({ weight: 9, arbitrary: fc.constant([]) }, fc.array(anything, { minLength: 1, maxLength: 2 })),
            ),
          ),
        async ([channel, event, payload, extra]) => {
          calls += 1;
          const handler = handlers.get(channel)!;
          let result: unknown;
          try {
            result = await handler(event, payload, ...extra);
          } catch (error) {
            throw new Error(`${channel} threw instead of answering: ${String(error)}`);
          }
          expectAnswer(result, channel);
        },
      ),
      { numRuns: 4_000, seed: 20_260_406 },
    );
    expect(calls).toBeGreaterThanOrEqual(4_000);
  }, 60_000);

  it('sends hostile suggested names straight to save-file: every file lands in the chosen folder, under a safe name', async () => {
    await fc.assert(
      fc.asyncProperty(hostileName, mimeType, async (suggestedName, type) => {
        const result = await handlers.get(IPC_CHANNELS.saveFile)!(app, {
          suggestedName,
          mimeType: type,
          data: new Uint8Array([1, 2, 3]),
        });
        expectAnswer(result, 'save-file');
      }),
      { numRuns: 1_500, seed: 6 },
    );
  }, 60_000);

  it("wrote nothing outside the folders the dialogs picked (and main's own settings file), and left no temporary file", async () => {
    const files = await filesUnder(base);
    const allowed = (file: string) => {
      const [folder, name, ...deeper] = file.split(path.sep);
      if (deeper.length > 0 || !name) return false;
      if (folder === 'chosen') return true;
      if (folder === 'backups') return /^redress-auto-backup-\d{4}-\d{2}-\d{2}\.redress-backup$/.test(name);
      if (folder === 'userData') return name === 'auto-backup.json';
      return false;
    };
    expect(files.filter((file) => !allowed(file))).toEqual([]);
    expect(files.filter((file) => TEMP_FILE_PATTERN.test(path.basename(file)))).toEqual([]);
    expect(await readdir(temp)).toEqual([]); // print files are removed after printing
    expect(await readdir(documents)).toEqual([]);
    expect(files.filter((file) => file.startsWith(`chosen${path.sep}`)).length).toBeGreaterThan(10); // the valid saves did happen
  });

  it('only ever offered the dialog a plain, safe file name in the Documents folder', () => {
    expect(dialogDefaults.length).toBeGreaterThan(100);
    for (const defaultPath of dialogDefaults) {
      expect(path.dirname(defaultPath)).toBe(documents);
    }
    for (const name of savedNames) {
      expect(name).not.toMatch(/[\\/\u0000-\u001f<>:"|?*\u202e]/);
      expect(name).not.toMatch(/^[\s.]|[\s.]$/);
      expect(isWindowsDeviceName(name), name).toBe(false);
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
      expect(name.length).toBeGreaterThan(0);
    }
  });

  it('left Object.prototype untouched (no prototype pollution)', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeysBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(standInCalls.every((key) => typeof key === 'string')).toBe(true);
  });
});
