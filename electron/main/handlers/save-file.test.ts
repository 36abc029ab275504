import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_SAVE_BYTES, saveFileRequestSchema } from '#shared/ipc/contract';
import { validatedHandler } from '../ipc';
import { trustedOrigins } from '../origin';
import { type AtomicWriteFs, nodeFs, TEMP_FILE_PATTERN, writeFileAtomic } from './atomic-write';
import { createSaveFileHandler, type SaveDialogOutcome } from './save-file';

let base: string;
let chosenFolder: string;
let defaultFolder: string;

beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'redress-save-'));
  chosenFolder = path.join(base, 'chosen');
  defaultFolder = path.join(base, 'documents');
  await mkdir(chosenFolder);
  await mkdir(defaultFolder);
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

const pdfBytes = (text: string) => new TextEncoder().encode(`%PDF-1.7\n${text}\n%%EOF`);

/** A save dialog where the user accepts the suggested name in `chosenFolder`. */
function userAcceptsIn(folder: () => string) {
  return vi.fn(async (options: { defaultPath?: string }): Promise<SaveDialogOutcome> => ({
    canceled: false,
    filePath: path.join(folder(), path.basename(options.defaultPath ?? 'unnamed')),
  }));
}

/** Everything under `base`, as paths relative to it. */
async function allFiles(): Promise<string[]> {
  const entries = await readdir(base, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(base, path.join(entry.parentPath, entry.name)))
    .sort();
}

const appEvent = { senderFrame: { url: 'app://redress/index.html', parent: null } };

function ipcSaveFile(showSaveDialog = userAcceptsIn(() => chosenFolder), fs?: AtomicWriteFs) {
  const save = createSaveFileHandler({ showSaveDialog, defaultFolder: () => defaultFolder, fs });
  const handle = validatedHandler({
    channel: 'redress:save-file',
    schema: saveFileRequestSchema,
    trustedOrigins: trustedOrigins(undefined),
    handle: save,
    log: () => undefined,
  });
  return { showSaveDialog, invoke: (payload: unknown, ...extra: unknown[]) => handle(appEvent, payload, ...extra) };
}

describe('save-file handler', () => {
  it('writes the bytes where the user chose, complete, with no temporary file left', async () => {
    const { invoke, showSaveDialog } = ipcSaveFile();
    const data = pdfBytes('letter');
    const result = await invoke({
      suggestedName: 'Acknowledgement RDR-2026-000042.pdf',
      mimeType: 'application/pdf',
      data,
    });

    expect(result).toEqual({ ok: true, saved: true, fileName: 'Acknowledgement RDR-2026-000042.pdf' });
    expect(await readFile(path.join(chosenFolder, 'Acknowledgement RDR-2026-000042.pdf'))).toEqual(Buffer.from(data));
    expect(await allFiles()).toEqual([path.join('chosen', 'Acknowledgement RDR-2026-000042.pdf')]);

    const options = showSaveDialog.mock.calls[0]![0] as { defaultPath: string; filters: { extensions: string[] }[] };
    expect(options.defaultPath).toBe(path.join(defaultFolder, 'Acknowledgement RDR-2026-000042.pdf'));
    expect(options.filters[0]!.extensions).toEqual(['pdf']);
  });

  it('replaces an existing file atomically', async () => {
    const target = path.join(chosenFolder, 'letter.pdf');
    await writeFile(target, 'old contents');
    const { invoke } = ipcSaveFile();
    const data = pdfBytes('new');
    expect(await invoke({ suggestedName: 'letter.pdf', mimeType: 'application/pdf', data })).toMatchObject({
      saved: true,
    });
    expect(await readFile(target)).toEqual(Buffer.from(data));
    expect(await allFiles()).toEqual([path.join('chosen', 'letter.pdf')]);
  });

  it('writes a large file completely', async () => {
    const data = new Uint8Array(8 * 1024 * 1024).map((_, i) => i % 251);
    const { invoke } = ipcSaveFile();
    expect(await invoke({ suggestedName: 'backup.json', mimeType: 'application/json', data })).toMatchObject({
      saved: true,
    });
    expect(Buffer.compare(await readFile(path.join(chosenFolder, 'backup.json')), Buffer.from(data))).toBe(0);
  });

  it('does nothing when the user cancels', async () => {
    const { invoke } = ipcSaveFile(vi.fn(async () => ({ canceled: true, filePath: '' })));
    expect(await invoke({ suggestedName: 'a.pdf', mimeType: 'application/pdf', data: pdfBytes('x') })).toEqual({
      ok: true,
      saved: false,
    });
    expect(await allFiles()).toEqual([]);
  });

  it.each([
    '../../escaped.pdf',
    '..\\..\\escaped.pdf',
    '/tmp/escaped.pdf',
    `${'../'.repeat(30)}escaped.pdf`,
    'C:\\Windows\\escaped.pdf',
    '%2e%2e%2fescaped.pdf',
  ])('uses only the base name of %j and writes inside the chosen folder', async (suggestedName) => {
    const { invoke, showSaveDialog } = ipcSaveFile();
    const result = await invoke({ suggestedName, mimeType: 'application/pdf', data: pdfBytes('x') });
    expect(result).toMatchObject({ ok: true, saved: true });
    const defaultPath = (showSaveDialog.mock.calls[0]![0] as { defaultPath: string }).defaultPath;
    expect(path.dirname(defaultPath)).toBe(defaultFolder);
    const files = await allFiles();
    expect(files).toHaveLength(1);
    expect(path.dirname(files[0]!)).toBe('chosen');
    expect(files[0]).not.toContain('..');
  });

  it('leaves an existing file intact and no temporary file when the write fails halfway', async () => {
    const target = path.join(chosenFolder, 'letter.pdf');
    await writeFile(target, 'the old, complete letter');
    // A disk that takes half the bytes and then fails (disk full, USB stick pulled…).
    const failingFs: AtomicWriteFs = {
      ...nodeFs,
      open: async (filePath, flags, mode) => {
        const handle = await nodeFs.open(filePath, flags, mode);
        return {
          ...handle,
          sync: () => handle.sync(),
          close: () => handle.close(),
          write: async (data, offset, length, position) => {
            await handle.write(data, offset, Math.floor(length / 2), position);
            throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
          },
        };
      },
    };
    const { invoke } = ipcSaveFile(undefined, failingFs);
    const result = await invoke({ suggestedName: 'letter.pdf', mimeType: 'application/pdf', data: pdfBytes('new') });

    expect(result).toEqual({
      ok: false,
      error: 'Could not save letter.pdf: the disk is full.',
      // m17b: the same as a code and values, for the screen to say in the person's language.
      message: { code: 'save-disk-full', values: { file: 'letter.pdf' } },
    });
    expect(await readFile(target, 'utf8')).toBe('the old, complete letter');
    expect(await allFiles()).toEqual([path.join('chosen', 'letter.pdf')]);
  });

  it('leaves no temporary file when the rename fails', async () => {
    // The target is a folder: the rename cannot replace it.
    await mkdir(path.join(chosenFolder, 'letter.pdf'));
    await writeFile(path.join(chosenFolder, 'letter.pdf', 'inside.txt'), 'keep');
    const { invoke } = ipcSaveFile();
    const result = await invoke({ suggestedName: 'letter.pdf', mimeType: 'application/pdf', data: pdfBytes('new') });
    expect(result).toMatchObject({ ok: false });
    expect((await readdir(chosenFolder)).filter((name) => TEMP_FILE_PATTERN.test(name))).toEqual([]);
    expect(await readFile(path.join(chosenFolder, 'letter.pdf', 'inside.txt'), 'utf8')).toBe('keep');
  });

  it('refuses a dialog result that is not an absolute path', async () => {
    const { invoke } = ipcSaveFile(vi.fn(async () => ({ canceled: false, filePath: 'relative/letter.pdf' })));
    expect(await invoke({ suggestedName: 'a.pdf', mimeType: 'application/pdf', data: pdfBytes('x') })).toMatchObject({
      ok: false,
    });
    expect(await allFiles()).toEqual([]);
  });

  it.each(['letter.pdf', './letter.pdf', 'relative/letter.pdf', '../letter.pdf', 'C:letter.pdf', '...'])(
    'never hands the file system a location that is not absolute (%j), even one it could write',
    async (filePath) => {
      // A file system that would accept anything: without the check the write "succeeds" relative to wherever the
      // process happens to be (the app's install folder, System32…).
      const opened: string[] = [];
      const acceptsAnything: AtomicWriteFs = {
        open: async (file) => {
          opened.push(file);
          return {
            write: async (_d, _o, length) => ({ bytesWritten: length }),
            sync: async () => undefined,
            close: async () => undefined,
          };
        },
        rename: async (from, to) => void opened.push(`${from} -> ${to}`),
        rm: async () => undefined,
      };
      const { invoke } = ipcSaveFile(
        vi.fn(async () => ({ canceled: false, filePath })),
        acceptsAnything,
      );
      expect(await invoke({ suggestedName: 'a.pdf', mimeType: 'application/pdf', data: pdfBytes('x') })).toEqual({
        ok: false,
        error: 'The save dialog returned an unusable location.',
      });
      expect(opened).toEqual([]);
    },
  );

  it(`refuses a file over ${MAX_SAVE_BYTES / 1024 / 1024} MB before any dialog, and takes one of exactly that size`, async () => {
    // Zero-filled buffers are reserved, not touched: this costs no real memory.
    const { invoke, showSaveDialog } = ipcSaveFile(vi.fn(async () => ({ canceled: true })));
    expect(
      await invoke({
        suggestedName: 'backup.json',
        mimeType: 'application/json',
        data: new Uint8Array(MAX_SAVE_BYTES + 1),
      }),
    ).toEqual({
      ok: false,
      error: 'Refused: invalid request (data: is larger than 512 MB).',
    });
    expect(showSaveDialog).not.toHaveBeenCalled();
    expect(
      await invoke({
        suggestedName: 'backup.json',
        mimeType: 'application/json',
        data: new Uint8Array(MAX_SAVE_BYTES),
      }),
    ).toEqual({ ok: true, saved: false });
    expect(showSaveDialog).toHaveBeenCalledTimes(1);
    expect(MAX_SAVE_BYTES).toBe(512 * 1024 * 1024);
  });

  it('opens one dialog at a time', async () => {
    let finish: (outcome: SaveDialogOutcome) => void = () => undefined;
    const slowDialog = vi.fn(() => new Promise<SaveDialogOutcome>((resolve) => (finish = resolve)));
    const { invoke } = ipcSaveFile(slowDialog);
    const request = { suggestedName: 'a.pdf', mimeType: 'application/pdf', data: pdfBytes('x') };
    const first = invoke(request);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await invoke(request)).toEqual({ ok: false, error: 'A save dialog is already open.' });
    finish({ canceled: true });
    expect(await first).toEqual({ ok: true, saved: false });
    expect(slowDialog).toHaveBeenCalledTimes(1);
  });

  describe('refuses bad payloads without showing a dialog or writing', () => {
    const data = pdfBytes('x');
    it.each([
      ['nothing', undefined],
      ['null', null],
      ['a string', 'letter.pdf'],
      ['an array', [{ suggestedName: 'a.pdf', mimeType: 'application/pdf', data }]],
      ['missing data', { suggestedName: 'a.pdf', mimeType: 'application/pdf' }],
      ['data as a string', { suggestedName: 'a.pdf', mimeType: 'application/pdf', data: '%PDF' }],
      ['data as a plain array', { suggestedName: 'a.pdf', mimeType: 'application/pdf', data: [37, 80, 68, 70] }],
      ['data as an ArrayBuffer', { suggestedName: 'a.pdf', mimeType: 'application/pdf', data: data.buffer }],
      ['a number as the name', { suggestedName: 42, mimeType: 'application/pdf', data }],
      ['an empty name', { suggestedName: '', mimeType: 'application/pdf', data }],
      ['a huge name', { suggestedName: `${'a'.repeat(100_000)}.pdf`, mimeType: 'application/pdf', data }],
      ['a control character in the name', { suggestedName: 'a\u0007.pdf', mimeType: 'application/pdf', data }],
      ['a bad MIME type', { suggestedName: 'a.pdf', mimeType: 'pdf', data }],
      ['a missing MIME type', { suggestedName: 'a.pdf', data }],
      ['an extra field (a path!)', { suggestedName: 'a.pdf', mimeType: 'application/pdf', data, path: '/etc/passwd' }],
      [
        'a prototype-polluting key',
        JSON.parse('{"suggestedName":"a.pdf","mimeType":"application/pdf","__proto__":{"x":1}}'),
      ],
    ])('%s', async (_label, payload) => {
      const { invoke, showSaveDialog } = ipcSaveFile();
      const result = await invoke(payload);
      expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^Refused: invalid request \(.+\)\.$/) });
      expect(showSaveDialog).not.toHaveBeenCalled();
      expect(await allFiles()).toEqual([]);
    });

    it('names the offending field', async () => {
      const { invoke } = ipcSaveFile();
      const result = await invoke({ suggestedName: 42, mimeType: 'application/pdf', data });
      expect(result).toMatchObject({ ok: false, error: expect.stringContaining('suggestedName') });
    });

    it('refuses extra arguments', async () => {
      const { invoke, showSaveDialog } = ipcSaveFile();
      const result = await invoke({ suggestedName: 'a.pdf', mimeType: 'application/pdf', data }, '/etc/passwd');
      expect(result).toMatchObject({ ok: false });
      expect(showSaveDialog).not.toHaveBeenCalled();
    });
  });
});

describe('writeFileAtomic', () => {
  it('removes the temporary file when the target folder disappears before the rename', async () => {
    const folder = path.join(base, 'gone');
    await mkdir(folder);
    const renameFails: AtomicWriteFs = {
      ...nodeFs,
      rename: async () => {
        throw Object.assign(new Error('EXDEV'), { code: 'EXDEV' });
      },
    };
    await expect(writeFileAtomic(path.join(folder, 'x.pdf'), pdfBytes('x'), renameFails)).rejects.toThrow('EXDEV');
    expect(await readdir(folder)).toEqual([]);
  });
});
