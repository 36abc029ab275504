// The renderer's only way to the desktop shell. In Electron the preload puts the API on `window.redress`;
// in a plain browser the same contract is implemented with downloads and Web Notifications.
import { fitFileName, SAVE_STREAM_PIECE_BYTES, type RedressApi, type SaveFileResult } from '#shared/ipc/contract';
import { createBrowserApi, downloadBlob } from './browser';
import { saveInPieces } from './pieces';

declare global {
  interface Window {
    redress?: RedressApi;
  }
}

let api: RedressApi | null = null;

export function platform(): RedressApi {
  api ??= withFittedNames(
    window.redress ??
      createBrowserApi({
        document,
        storage: window.localStorage,
        NotificationCtor: 'Notification' in window ? window.Notification : undefined,
        focus: () => window.focus(),
      }),
  );
  return api;
}

/**
 * Every name suggested for a saved file fitted to what the shell takes (fitFileName): a file added with a very long
 * name is still downloaded, under a shortened one, rather than refused by the contract.
 */
function withFittedNames(shell: RedressApi): RedressApi {
  return {
    ...shell,
    saveFile: (request) => shell.saveFile({ ...request, suggestedName: fitFileName(request.suggestedName) }),
  };
}

/**
 * Save a file that may be larger than memory should hold (a backup with its attachments), where the user chooses. A
 * browser downloads the Blob as it is; the desktop shell is given it in pieces when it is more than one piece
 * (./pieces), else its bytes in one message (saveFile).
 */
export async function saveLargeFile(request: {
  suggestedName: string;
  mimeType: string;
  file: Blob;
}): Promise<SaveFileResult> {
  const api = platform();
  const suggestedName = fitFileName(request.suggestedName);
  if (api.kind === 'web') return downloadBlob(document, request.file, suggestedName);
  if (api.saveStream && request.file.size > SAVE_STREAM_PIECE_BYTES)
    return saveInPieces(api.saveStream, { ...request, suggestedName });
  const data = new Uint8Array(await request.file.arrayBuffer());
  return api.saveFile({ suggestedName, mimeType: request.mimeType, data });
}
