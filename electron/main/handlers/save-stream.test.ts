// The file saved in pieces (a backup larger than one message): real files in a temporary folder, the Electron dialog
// faked, the payloads checked with the shared schemas as the IPC layer checks them.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ZodType } from 'zod';
import {
  SAVE_STREAM_PIECE_BYTES,
  saveStreamCloseRequestSchema,
  saveStreamOpenRequestSchema,
  saveStreamWriteRequestSchema,
} from '#shared/ipc/contract';
import { validatedHandler } from '../ipc';
import { trustedOrigins } from '../origin';
import { type AtomicWriteFs, nodeFs } from './atomic-write';
import type { SaveDialogOutcome } from './save-file';
import { createSaveStreamHandlers } from './save-stream';

let base: string;
let chosen: string;

beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'redress-stream-'));
  chosen = path.join(base, 'chosen');
  await mkdir(chosen);
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

const appEvent = { senderFrame: { url: 'app://redress/index.html', parent: null } };

/** The three handlers behind the same checks as real IPC; the user accepts the suggested name in `chosen`. */
function setUp(options: { cancel?: boolean; fs?: AtomicWriteFs } = {}) {
  const showSaveDialog = vi.fn(async (o: { defaultPath?: string }): Promise<SaveDialogOutcome> =>
    options.cancel
      ? { canceled: true }
      : { canceled: false, filePath: path.join(chosen, path.basename(o.defaultPath!)) },
  );
  const handlers = createSaveStreamHandlers({
    showSaveDialog,
    defaultFolder: () => path.join(base, 'documents'),
    fs: options.fs,
    sync: async () => undefined,
  });
  /** An answer as the page gets it (any of the three results, or a refusal). */
  type Answer = { ok: boolean; streamId?: string } & Record<string, unknown>;
  const wrap = (channel: string, schema: ZodType, handle: (request: never) => Promise<unknown>) => {
    const h = validatedHandler({
      channel,
      schema,
      trustedOrigins: trustedOrigins(undefined),
      handle: handle as (request: unknown) => Promise<unknown>,
      log: () => {},
    });
    return (payload: unknown) => h(appEvent, payload) as Promise<Answer>;
  };
  return {
    showSaveDialog,
    open: wrap('open', saveStreamOpenRequestSchema, handlers.open),
    write: wrap('write', saveStreamWriteRequestSchema, handlers.write),
    close: wrap('close', saveStreamCloseRequestSchema, handlers.close),
  };
}

const bytes = (n: number, seed = 1) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) % 256);
const files = async () => (await readdir(chosen)).sort();

describe('save in pieces', () => {
  it('writes the pieces in order into the chosen file, whole, with no temporary file left', async () => {
    const ipc = setUp();
    const whole = bytes(2_500_000);
    const opened = await ipc.open({ suggestedName: 'backup.redress', mimeType: 'application/zip', size: whole.length });
    expect(opened).toMatchObject({ ok: true, streamId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    let offset = 0;
    for (const size of [1_000_000, 1_000_000, 500_000]) {
      const answer = await ipc.write({
        streamId: opened.streamId,
        offset,
        data: whole.subarray(offset, offset + size),
      });
      offset += size;
      expect(answer).toEqual({ ok: true, written: offset });
    }
    // Nothing at the target until it is closed.
    expect(await files()).toHaveLength(1);
    expect((await files())[0]).toMatch(/^\.redress-[0-9a-f]{16}\.tmp$/);
    expect(await ipc.close({ streamId: opened.streamId })).toEqual({
      ok: true,
      saved: true,
      fileName: 'backup.redress',
    });
    expect(await files()).toEqual(['backup.redress']);
    expect(new Uint8Array(await readFile(path.join(chosen, 'backup.redress')))).toEqual(whole);
  });

  it('leaves the file already there untouched when the page gives up, a piece is missing or out of order', async () => {
    await writeFile(path.join(chosen, 'backup.redress'), 'the old backup');
    const ipc = setUp();
    const open = async () =>
      (await ipc.open({ suggestedName: 'backup.redress', mimeType: 'application/zip', size: 300 })).streamId as string;

    const aborted = await open();
    await ipc.write({ streamId: aborted, offset: 0, data: bytes(100) });
    expect(await ipc.close({ streamId: aborted, abort: true })).toEqual({ ok: true, saved: false });

    const short = await open();
    await ipc.write({ streamId: short, offset: 0, data: bytes(100) });
    expect(await ipc.close({ streamId: short })).toEqual({
      ok: false,
      error: 'Could not save backup.redress: 100 of its 300 bytes arrived, so it was not saved.',
    });

    const skipping = await open();
    expect(await ipc.write({ streamId: skipping, offset: 100, data: bytes(100) })).toEqual({
      ok: false,
      error: 'Could not save backup.redress: a piece came out of order (at 100, not 0).',
    });
    // The stream is gone after a failure.
    expect(await ipc.write({ streamId: skipping, offset: 0, data: bytes(100) })).toMatchObject({ ok: false });

    const tooMuch = await open();
    expect(await ipc.write({ streamId: tooMuch, offset: 0, data: bytes(301) })).toEqual({
      ok: false,
      error: 'Could not save backup.redress: more bytes came than the 300 announced.',
    });

    expect(await files()).toEqual(['backup.redress']);
    expect(await readFile(path.join(chosen, 'backup.redress'), 'utf8')).toBe('the old backup');
  });

  it('a disk that fails halfway: the reason in words, the temporary file removed, the old file kept', async () => {
    await writeFile(path.join(chosen, 'backup.redress'), 'the old backup');
    let writes = 0;
    const failing: AtomicWriteFs = {
      ...nodeFs,
      open: async (...args) => {
        const handle = await nodeFs.open(...args);
        return {
          write: async (...w) => {
            writes += 1;
            if (writes === 2) throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
            return handle.write(...w);
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    const ipc = setUp({ fs: failing });
    const { streamId } = await ipc.open({ suggestedName: 'backup.redress', mimeType: 'application/zip', size: 200 });
    expect(await ipc.write({ streamId, offset: 0, data: bytes(100) })).toEqual({ ok: true, written: 100 });
    expect(await ipc.write({ streamId, offset: 100, data: bytes(100) })).toEqual({
      ok: false,
      error: 'Could not save backup.redress: the disk is full.',
      message: { code: 'save-disk-full', values: { file: 'backup.redress' } },
    });
    expect(await files()).toEqual(['backup.redress']);
    expect(await readFile(path.join(chosen, 'backup.redress'), 'utf8')).toBe('the old backup');
  });

  it('a cancelled dialog opens nothing; one file at a time; bad payloads are refused before any handler runs', async () => {
    const cancelled = setUp({ cancel: true });
    expect(await cancelled.open({ suggestedName: 'b.redress', mimeType: 'application/zip', size: 1 })).toEqual({
      ok: true,
      saved: false,
    });
    expect(await files()).toEqual([]);

    const ipc = setUp();
    const first = await ipc.open({ suggestedName: 'a.redress', mimeType: 'application/zip', size: 10 });
    expect(first.ok).toBe(true);
    expect(await ipc.open({ suggestedName: 'b.redress', mimeType: 'application/zip', size: 10 })).toEqual({
      ok: false,
      error: 'Another file is still being saved: wait for it to finish.',
    });
    expect(ipc.showSaveDialog).toHaveBeenCalledTimes(1);

    // The contract: a piece over 16 MB, an id not the shell's, a size not whole, a folder in the name's place.
    const big = await ipc.write({
      streamId: first.streamId,
      offset: 0,
      data: new Uint8Array(SAVE_STREAM_PIECE_BYTES + 1),
    });
    expect(big).toMatchObject({ ok: false, error: expect.stringContaining('is larger than 16 MB') });
    expect(await ipc.write({ streamId: '../../etc', offset: 0, data: bytes(1) })).toMatchObject({
      ok: false,
      error: expect.stringContaining('streamId'),
    });
    expect(await ipc.open({ suggestedName: 'x', mimeType: 'application/zip', size: 1.5 })).toMatchObject({ ok: false });
    expect(await ipc.close({ streamId: first.streamId, extra: true })).toMatchObject({ ok: false });
    // The refused piece left the open file as it was: it still closes cleanly when every byte arrives.
    expect(await ipc.write({ streamId: first.streamId, offset: 0, data: bytes(10) })).toEqual({
      ok: true,
      written: 10,
    });
    expect(await ipc.close({ streamId: first.streamId })).toMatchObject({
      ok: true,
      saved: true,
      fileName: 'a.redress',
    });

    // A name with folders in it lands in the chosen folder under a safe name.
    const sneaky = await ipc.open({ suggestedName: '../../outside.redress', mimeType: 'application/zip', size: 1 });
    await ipc.write({ streamId: sneaky.streamId, offset: 0, data: bytes(1) });
    await ipc.close({ streamId: sneaky.streamId });
    expect(await readdir(base)).toEqual(['chosen']);
  });
});
