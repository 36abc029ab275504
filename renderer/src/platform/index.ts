// The renderer's only way to the desktop shell. In Electron the preload puts the API on `window.redress`;
// in a plain browser the same contract is implemented with downloads and Web Notifications.
import type { RedressApi, SaveFileResult } from '#shared/ipc/contract';
import { createBrowserApi, downloadBlob } from './browser';

declare global {
  interface Window {
    redress?: RedressApi;
  }
}

let api: RedressApi | null = null;

export function platform(): RedressApi {
  api ??=
    window.redress ??
    createBrowserApi({
      document,
      storage: window.localStorage,
      NotificationCtor: 'Notification' in window ? window.Notification : undefined,
      focus: () => window.focus(),
    });
  return api;
}

/**
 * Save a file that may be larger than memory should hold (a backup with its attachments), where the user chooses. A
 * browser downloads the Blob as it is; the desktop shell is given its bytes (through saveFile).
 */
export async function saveLargeFile(request: {
  suggestedName: string;
  mimeType: string;
  file: Blob;
}): Promise<SaveFileResult> {
  const api = platform();
  if (api.kind === 'web') return downloadBlob(document, request.file, request.suggestedName);
  const data = new Uint8Array(await request.file.arrayBuffer());
  return api.saveFile({ suggestedName: request.suggestedName, mimeType: request.mimeType, data });
}
