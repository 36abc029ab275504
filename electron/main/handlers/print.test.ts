import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserWindowConstructorOptions, WebContentsPrintOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { printPdfRequestSchema } from '#shared/ipc/contract';
import { validatedHandler } from '../ipc';
import { trustedOrigins } from '../origin';
import { mainWindowOptions } from '../window';
import { createPrintPdfHandler, PRINT_FILE_PATTERN, printWindowOptions } from './print';

let temp: string;
beforeEach(async () => {
  temp = await mkdtemp(path.join(tmpdir(), 'redress-print-test-'));
});
afterEach(async () => {
  await rm(temp, { recursive: true, force: true });
});

const pdf = new TextEncoder().encode('%PDF-1.7\nletter\n%%EOF');

interface Recorded {
  options: BrowserWindowConstructorOptions;
  loaded: string[];
  /** What the file held when the window loaded it. */
  loadedBytes: Buffer[];
  printed: WebContentsPrintOptions[];
  destroyed: boolean;
}

function fakeBrowserWindow(outcome: { success: boolean; failureReason: string } | 'load-fails') {
  const windows: Recorded[] = [];
  class FakeWindow {
    readonly record: Recorded;
    constructor(options: BrowserWindowConstructorOptions) {
      this.record = { options, loaded: [], loadedBytes: [], printed: [], destroyed: false };
      windows.push(this.record);
    }
    async loadURL(url: string) {
      this.record.loaded.push(url);
      if (outcome === 'load-fails') throw new Error('ERR_FAILED');
      this.record.loadedBytes.push(await readFile(fileURLToPath(url)));
    }
    isDestroyed() {
      return this.record.destroyed;
    }
    destroy() {
      this.record.destroyed = true;
    }
    webContents = {
      print: (options: WebContentsPrintOptions, callback: (success: boolean, reason: string) => void) => {
        this.record.printed.push(options);
        if (outcome !== 'load-fails') setTimeout(() => callback(outcome.success, outcome.failureReason), 0);
      },
    };
  }
  return { FakeWindow, windows };
}

const appEvent = { senderFrame: { url: 'app://redress/index.html', parent: null } };

function setup(outcome: Parameters<typeof fakeBrowserWindow>[0] = { success: true, failureReason: '' }) {
  const { FakeWindow, windows } = fakeBrowserWindow(outcome);
  const print = createPrintPdfHandler({
    BrowserWindow: FakeWindow,
    tempFolder: () => temp,
    settleMs: 0,
    log: () => undefined,
  });
  const handle = validatedHandler({
    channel: 'redress:print-pdf',
    schema: printPdfRequestSchema,
    trustedOrigins: trustedOrigins(undefined),
    handle: print,
    log: () => undefined,
  });
  return { windows, print, invoke: (payload: unknown, ...extra: unknown[]) => handle(appEvent, payload, ...extra) };
}

describe('print-pdf handler', () => {
  it('loads the exact bytes from a random temp .pdf in a hidden window, shows the print dialog, then cleans up', async () => {
    const { invoke, windows } = setup();
    expect(await invoke({ title: 'Acknowledgement RDR-2026-000042', data: pdf })).toEqual({ ok: true, printed: true });

    expect(windows).toHaveLength(1);
    const [w] = windows;
    expect(w!.options.show).toBe(false);
    expect(w!.options.title).toBe('Acknowledgement RDR-2026-000042');
    expect(w!.loaded).toHaveLength(1);
    const file = fileURLToPath(w!.loaded[0]!);
    expect(path.dirname(file)).toBe(temp);
    expect(path.basename(file)).toMatch(PRINT_FILE_PATTERN);
    expect(w!.loadedBytes[0]).toEqual(Buffer.from(pdf));
    expect(w!.printed).toEqual([{ silent: false, printBackground: true }]);
    expect(w!.destroyed).toBe(true);
    expect(existsSync(file)).toBe(false);
    expect(await readdir(temp)).toEqual([]);
  });

  it('uses the main window’s hardened preferences, with no preload and with the PDF viewer', () => {
    const options = printWindowOptions('x');
    const main = mainWindowOptions('/preload.cjs').webPreferences!;
    const { preload: _p, spellcheck: _s, devTools: _d, ...hardened } = main;
    expect(options.webPreferences).toMatchObject(hardened);
    expect(options.webPreferences).not.toHaveProperty('preload');
    expect(options.webPreferences).toMatchObject({
      plugins: true,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      devTools: false,
    });
  });

  it('reports a cancelled dialog as not printed, and still cleans up', async () => {
    const { invoke, windows } = setup({ success: false, failureReason: 'cancelled' });
    expect(await invoke({ title: 'Letter', data: pdf })).toEqual({ ok: true, printed: false });
    expect(windows[0]!.destroyed).toBe(true);
    expect(await readdir(temp)).toEqual([]);
  });

  it('reports a printer failure as an error, and still cleans up', async () => {
    const { invoke, windows } = setup({ success: false, failureReason: 'Print job failed' });
    expect(await invoke({ title: 'Letter', data: pdf })).toEqual({
      ok: false,
      error: 'Could not print: Print job failed.',
      message: { code: 'print-printer-failed', values: { reason: 'Print job failed' } },
    });
    expect(windows[0]!.destroyed).toBe(true);
    expect(await readdir(temp)).toEqual([]);
  });

  it('reports a load failure without printing, and still cleans up', async () => {
    const { invoke, windows } = setup('load-fails');
    expect(await invoke({ title: 'Letter', data: pdf })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/ERR_FAILED/),
    });
    expect(windows[0]!.printed).toEqual([]);
    expect(windows[0]!.destroyed).toBe(true);
    expect(await readdir(temp)).toEqual([]);
  });

  it.each([
    ['no payload', undefined],
    ['bytes that are not a PDF', { title: 'x', data: new TextEncoder().encode('<html>') }],
    ['data that is not bytes', { title: 'x', data: [37, 80, 68, 70, 45] }],
    ['an empty title', { title: '', data: pdf }],
    ['a control character in the title', { title: 'a\u0007b', data: pdf }],
    ['an unknown field', { title: 'x', data: pdf, silent: true }],
  ])('refuses %s without opening a window or writing a file', async (_name, payload) => {
    const { invoke, windows } = setup();
    expect(await invoke(payload)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Refused: invalid request/),
    });
    expect(windows).toHaveLength(0);
    expect(await readdir(temp)).toEqual([]);
  });

  it('refuses extra arguments', async () => {
    const { invoke, windows } = setup();
    expect(await invoke({ title: 'x', data: pdf }, { silent: true })).toMatchObject({ ok: false });
    expect(windows).toHaveLength(0);
  });

  it('allows one print dialog at a time', async () => {
    const { print } = setup();
    const first = print({ title: 'a', data: pdf });
    expect(await print({ title: 'b', data: pdf })).toEqual({
      ok: false,
      error: 'A print dialog is already open.',
      message: { code: 'print-busy' },
    });
    expect(await first).toEqual({ ok: true, printed: true });
    expect(await print({ title: 'c', data: pdf })).toEqual({ ok: true, printed: true });
  });
});

vi.setConfig({ testTimeout: 10_000 });
