import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '#shared/ipc/contract';
import { registerIpcHandlers, senderRefusal, type SenderInfo } from './ipc';
import { trustedOrigins } from './origin';

const frame = (url: string, parent: unknown = null): SenderInfo => ({ senderFrame: { url, parent } });
const validNotify = { id: 'n1', title: 'Due tomorrow', body: 'RDR-2026-000042' };

function setup(devServerUrl?: string) {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const saveFile = vi.fn(async () => ({ ok: true as const, saved: false as const }));
  const notify = vi.fn(async () => ({ ok: true as const, shown: true }));
  const printPdf = vi.fn(async () => ({ ok: true as const, printed: true }));
  const log = vi.fn();
  registerIpcHandlers({
    ipcMain: { handle: (channel, listener) => handlers.set(channel, listener as never) },
    trustedOrigins: trustedOrigins(devServerUrl),
    saveFile,
    notify,
    printPdf,
    log,
  });
  const invoke = (channel: string, event: SenderInfo, ...args: unknown[]) => handlers.get(channel)!(event, ...args);
  return { handlers, saveFile, notify, printPdf, log, invoke };
}

describe('registerIpcHandlers', () => {
  it('registers one handler per request channel of the contract', () => {
    expect([...setup().handlers.keys()].sort()).toEqual(
      [IPC_CHANNELS.notify, IPC_CHANNELS.printPdf, IPC_CHANNELS.saveFile].sort(),
    );
  });

  it('registers the three save-in-pieces channels when given, each behind the sender and payload checks', async () => {
    const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
    const saveStream = {
      open: vi.fn(async () => ({ ok: true as const, saved: false as const })),
      write: vi.fn(async () => ({ ok: true as const, written: 1 })),
      close: vi.fn(async () => ({ ok: true as const, saved: false as const })),
    };
    registerIpcHandlers({
      ipcMain: { handle: (channel, listener) => handlers.set(channel, listener as never) },
      trustedOrigins: trustedOrigins(undefined),
      saveFile: vi.fn(),
      notify: vi.fn(),
      printPdf: vi.fn(),
      saveStream,
      log: vi.fn(),
    });
    const app = frame('app://redress/index.html');
    const streamId = '0'.repeat(32);
    const data = new Uint8Array([1]);
    expect(await handlers.get(IPC_CHANNELS.saveStreamWrite)!(app, { streamId, offset: 0, data })).toEqual({
      ok: true,
      written: 1,
    });
    expect(saveStream.write).toHaveBeenCalledWith({ streamId, offset: 0, data });
    expect(await handlers.get(IPC_CHANNELS.saveStreamOpen)!(frame('https://evil.example/'), {})).toMatchObject({
      ok: false,
    });
    expect(await handlers.get(IPC_CHANNELS.saveStreamClose)!(app, { streamId: 'x' })).toMatchObject({ ok: false });
    expect(saveStream.open).not.toHaveBeenCalled();
    expect(saveStream.close).not.toHaveBeenCalled();
  });

  it('passes a valid message from the app to the handler', async () => {
    const { invoke, notify } = setup();
    expect(await invoke(IPC_CHANNELS.notify, frame('app://redress/index.html'), validNotify)).toEqual({
      ok: true,
      shown: true,
    });
    expect(notify).toHaveBeenCalledWith(validNotify);
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:5173/',
    'file:///C:/Users/x/evil.html',
    'app://evil/index.html',
    'app://redress.evil/index.html',
    'about:blank',
    'data:text/html,hi',
    '',
  ])('refuses a message from %j', async (url) => {
    const { invoke, notify, saveFile, printPdf, log } = setup();
    for (const channel of [IPC_CHANNELS.notify, IPC_CHANNELS.saveFile, IPC_CHANNELS.printPdf]) {
      const result = await invoke(channel, frame(url), validNotify);
      expect(result).toEqual({ ok: false, error: 'Refused: the sender is not the Redress app.' });
    }
    expect(notify).not.toHaveBeenCalled();
    expect(saveFile).not.toHaveBeenCalled();
    expect(printPdf).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalled();
  });

  it('refuses a message from a sub-frame, even one on the app origin', async () => {
    const { invoke, notify } = setup();
    const result = await invoke(IPC_CHANNELS.notify, frame('app://redress/index.html', {}), validNotify);
    expect(result).toMatchObject({ ok: false });
    expect(notify).not.toHaveBeenCalled();
  });

  it('refuses a message whose frame is gone', async () => {
    const { invoke, notify } = setup();
    expect(await invoke(IPC_CHANNELS.notify, { senderFrame: null }, validNotify)).toMatchObject({ ok: false });
    expect(notify).not.toHaveBeenCalled();
  });

  it('trusts the dev server only when one is configured', async () => {
    const dev = setup('http://localhost:5173');
    expect(await dev.invoke(IPC_CHANNELS.notify, frame('http://localhost:5173/'), validNotify)).toMatchObject({
      ok: true,
    });
    const prod = setup();
    expect(await prod.invoke(IPC_CHANNELS.notify, frame('http://localhost:5173/'), validNotify)).toMatchObject({
      ok: false,
    });
  });

  it.each([
    ['nothing', undefined],
    ['a number', 42],
    ['missing title', { id: 'n1', body: 'x' }],
    ['title not a string', { id: 'n1', title: { toString: 'x' }, body: 'x' }],
    ['huge body', { id: 'n1', title: 't', body: 'x'.repeat(1_000_000) }],
    ['extra field', { ...validNotify, icon: 'file:///etc/passwd' }],
  ])('refuses a notify payload with %s', async (_label, payload) => {
    const { invoke, notify } = setup();
    const result = await invoke(IPC_CHANNELS.notify, frame('app://redress/'), payload);
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^Refused: invalid request/) });
    expect(notify).not.toHaveBeenCalled();
  });

  it.each([
    ['a second request', [validNotify]],
    ['a path', ['/etc/passwd']],
    ['undefined', [undefined]],
    ['several values', [1, 2, 3]],
  ])('refuses a valid request followed by %s, on every channel, without calling the handler', async (_label, extra) => {
    const { invoke, notify, saveFile, printPdf } = setup();
    const valid: Record<string, unknown> = {
      [IPC_CHANNELS.notify]: validNotify,
      [IPC_CHANNELS.saveFile]: {
        suggestedName: 'a.pdf',
        mimeType: 'application/pdf',
        data: new Uint8Array([37, 80, 68, 70]),
      },
      [IPC_CHANNELS.printPdf]: { title: 'Letter', data: new TextEncoder().encode('%PDF-1.7') },
    };
    for (const [channel, payload] of Object.entries(valid)) {
      // The request alone is accepted, so the refusal below is for the extra argument only.
      expect(await invoke(channel, frame('app://redress/'), payload), channel).toMatchObject({ ok: true });
      expect(await invoke(channel, frame('app://redress/'), payload, ...extra), channel).toEqual({
        ok: false,
        error: 'Refused: expected exactly one request object.',
      });
    }
    expect([notify, saveFile, printPdf].map((f) => f.mock.calls.length)).toEqual([1, 1, 1]);
  });

  it('turns a handler that throws into an error result', async () => {
    const { invoke, notify } = setup();
    notify.mockRejectedValueOnce(new Error('boom'));
    expect(await invoke(IPC_CHANNELS.notify, frame('app://redress/'), validNotify)).toEqual({
      ok: false,
      error: 'Something went wrong: boom',
    });
  });
});

describe('senderRefusal', () => {
  it('accepts the app top frame', () => {
    expect(senderRefusal(frame('app://redress/cases/1'), trustedOrigins(undefined))).toBeNull();
  });
});
