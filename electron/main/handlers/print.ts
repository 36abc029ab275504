// Print a PDF the renderer made (an issued letter, a day's post) through the OS print dialog. The main process writes
// the bytes to a temporary file with a random name, loads it in a hidden window that has the main window's hardened
// web preferences minus the preload (the print window gets no Redress API) and plus `plugins: true` (Chromium's PDF
// viewer), calls webContents.print({ silent: false }) so the user picks the printer, then closes the window and
// removes the file whatever happened.
//
// Why a hidden window and not shell.openPath into the OS PDF viewer: printing a PDF document through
// webContents.print() printed blank pages until Electron fixed it (electron/electron#30947, fixed by #43309 in
// 30.x–32.x); this app ships Electron 45. The OS viewer would also leave the locked copy in a temp file we cannot
// clean up.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions, WebContentsPrintOptions } from 'electron';
import type { PrintPdfRequest, PrintPdfResult } from '#shared/ipc/contract';
import { mainFailure } from '#shared/ipc/messages';
import { mainWindowOptions } from '../window';
import { type AtomicWriteFs, nodeFs, writeFileAtomic } from './atomic-write';

/** The slice of BrowserWindow the handler uses, so tests can pass a fake class. */
export interface PrintWindowLike {
  loadURL(url: string): Promise<void>;
  isDestroyed(): boolean;
  destroy(): void;
  readonly webContents: {
    print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void;
  };
}

export interface PrintPdfDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => PrintWindowLike;
  /** app.getPath('temp'). */
  tempFolder: () => string;
  /** Time for the PDF viewer to lay the document out after the load finishes. */
  settleMs?: number;
  fs?: AtomicWriteFs;
  log?: (message: string) => void;
}

/** Temporary print files: random, so one print can never pick up or overwrite another's file. */
export const PRINT_FILE_PATTERN = /^redress-print-[0-9a-f]{16}\.pdf$/;

/** The main window's web preferences, without the preload, plus the PDF viewer. */
export function printWindowOptions(title: string): BrowserWindowConstructorOptions {
  const { webPreferences } = mainWindowOptions({ preloadPath: '', devTools: false });
  const { preload: _preload, ...hardened } = webPreferences ?? {};
  return {
    title,
    show: false,
    width: 800,
    height: 1000,
    webPreferences: { ...hardened, spellcheck: false, devTools: false, plugins: true },
  };
}

export function createPrintPdfHandler(deps: PrintPdfDeps): (request: PrintPdfRequest) => Promise<PrintPdfResult> {
  const fsImpl = deps.fs ?? nodeFs;
  const log = deps.log ?? ((message: string) => console.warn(message));
  const settleMs = deps.settleMs ?? 300;
  let printing = false;

  return async (request) => {
    // One print dialog at a time: a page cannot stack them up by calling in a loop.
    if (printing) return mainFailure('print-busy');
    printing = true;
    const tempPath = path.join(deps.tempFolder(), `redress-print-${randomBytes(8).toString('hex')}.pdf`);
    let window: PrintWindowLike | undefined;
    try {
      await writeFileAtomic(tempPath, request.data, fsImpl);
      window = new deps.BrowserWindow(printWindowOptions(request.title));
      await window.loadURL(pathToFileURL(tempPath).href);
      if (settleMs > 0) await new Promise((resolve) => setTimeout(resolve, settleMs));
      const printWindow = window;
      const outcome = await new Promise<{ success: boolean; failureReason: string }>((resolve) => {
        printWindow.webContents.print({ silent: false, printBackground: true }, (success, failureReason) =>
          resolve({ success, failureReason }),
        );
      });
      if (outcome.success) return { ok: true, printed: true };
      if (/cancel/i.test(outcome.failureReason)) return { ok: true, printed: false };
      return outcome.failureReason
        ? mainFailure('print-printer-failed', { reason: outcome.failureReason })
        : mainFailure('print-printer-failed-silent');
    } catch (error) {
      log(`Redress: printing failed: ${String(error)}`);
      return mainFailure('print-failed', { reason: error instanceof Error ? error.message : String(error) });
    } finally {
      if (window && !window.isDestroyed()) window.destroy();
      await fsImpl
        .rm(tempPath, { force: true })
        .catch((error: unknown) => log(`Redress: could not remove ${tempPath}: ${String(error)}`));
      printing = false;
    }
  };
}
