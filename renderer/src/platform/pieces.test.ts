import { describe, expect, it } from 'vitest';
import type { SaveStreamApi } from '#shared/ipc/contract';
import { saveInPieces } from './pieces';

/** A shell that keeps what it is sent (or fails the `failAt`th write) and records the calls. */
function fakeShell(options: { cancel?: boolean; failAt?: number } = {}) {
  const calls: string[] = [];
  const received: Uint8Array[] = [];
  let writes = 0;
  const stream: SaveStreamApi = {
    open: async (r) => {
      calls.push(`open ${r.suggestedName} ${r.size}`);
      return options.cancel ? { ok: true, saved: false } : { ok: true, streamId: 'f'.repeat(32) };
    },
    write: async (r) => {
      writes += 1;
      calls.push(`write ${r.offset} ${r.data.byteLength}`);
      if (writes === options.failAt) return { ok: false, error: 'Could not save b.redress: the disk is full.' };
      received.push(r.data.slice());
      return { ok: true, written: r.offset + r.data.byteLength };
    },
    close: async (r) => {
      calls.push(r.abort ? 'abort' : 'close');
      return { ok: true, saved: true, fileName: 'b.redress' };
    },
  };
  return { stream, calls, received };
}

const file = (n: number) => new Blob([Uint8Array.from({ length: n }, (_, i) => i % 251)]);
const request = (n: number) => ({ suggestedName: 'b.redress', mimeType: 'application/zip', file: file(n) });

describe('saving a big file in pieces', () => {
  it('sends every byte once, in order, in pieces of at most the size given, then closes', async () => {
    const shell = fakeShell();
    const result = await saveInPieces(shell.stream, request(2500), 1000);
    expect(result).toEqual({ ok: true, saved: true, fileName: 'b.redress' });
    expect(shell.calls).toEqual(['open b.redress 2500', 'write 0 1000', 'write 1000 1000', 'write 2000 500', 'close']);
    const sent = new Uint8Array(await new Blob(shell.received as BlobPart[]).arrayBuffer());
    expect(sent).toEqual(new Uint8Array(await file(2500).arrayBuffer()));
  });

  it('stops at a failed write with its reason (the shell has dropped the file), and sends nothing when cancelled', async () => {
    const failing = fakeShell({ failAt: 2 });
    expect(await saveInPieces(failing.stream, request(2500), 1000)).toEqual({
      ok: false,
      error: 'Could not save b.redress: the disk is full.',
    });
    expect(failing.calls).toEqual(['open b.redress 2500', 'write 0 1000', 'write 1000 1000']);

    const cancelled = fakeShell({ cancel: true });
    expect(await saveInPieces(cancelled.stream, request(2500), 1000)).toEqual({ ok: true, saved: false });
    expect(cancelled.calls).toEqual(['open b.redress 2500']);
  });

  it('gives up (the shell removes its temporary file) when the file cannot be read', async () => {
    const shell = fakeShell();
    const unreadable = Object.assign(file(2500), {
      slice: () => ({ arrayBuffer: () => Promise.reject(new Error('the file was moved')) }) as unknown as Blob,
    });
    const result = await saveInPieces(shell.stream, { ...request(0), file: unreadable }, 1000);
    expect(result).toEqual({
      ok: false,
      error: 'The file could not be read to save it: the file was moved',
      message: { code: 'save-unreadable', values: { reason: 'the file was moved' } },
    });
    expect(shell.calls).toEqual(['open b.redress 2500', 'abort']);
  });
});
