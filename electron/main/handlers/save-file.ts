// Save a file the renderer made (a letter, an export) where the USER chooses. The main process shows the dialog; the
// renderer's suggested name is reduced to a safe base name and used only as the dialog's default. The folder always
// comes from the dialog, never from the renderer.
import path from 'node:path';
import type { SaveDialogOptions } from 'electron';
import type { SaveFileRequest, SaveFileResult } from '#shared/ipc/contract';
import { mainFailure, type MainMessage } from '#shared/ipc/messages';
import { type AtomicWriteFs, nodeFs, writeFileAtomic } from './atomic-write';
import { extensionForMimeType, safeFileName } from './file-name';

export interface SaveDialogOutcome {
  canceled: boolean;
  filePath?: string;
}

export interface SaveFileDeps {
  /** dialog.showSaveDialog, bound to the main window by index.ts. */
  showSaveDialog: (options: SaveDialogOptions) => Promise<SaveDialogOutcome>;
  /** Where the dialog opens (app.getPath('documents')). */
  defaultFolder: () => string;
  fs?: AtomicWriteFs;
}

const FILTER_NAMES: Record<string, string> = {
  '.pdf': 'PDF document',
  '.csv': 'CSV spreadsheet',
  '.ics': 'Calendar file',
  '.json': 'JSON file',
  '.zip': 'ZIP archive',
  '.txt': 'Text file',
  '.png': 'PNG image',
};

function filtersFor(fileName: string, mimeType: string): SaveDialogOptions['filters'] {
  const extension = path.extname(fileName).toLowerCase() || extensionForMimeType(mimeType) || '';
  const all = { name: 'All files', extensions: ['*'] };
  if (!extension) return [all];
  return [
    { name: FILTER_NAMES[extension] ?? `${extension.slice(1).toUpperCase()} file`, extensions: [extension.slice(1)] },
    all,
  ];
}

/** Why a file could not be written, as a failure: its English and its code (shared/ipc/messages.ts). */
export function writeFailure(fileName: string, error: unknown): { ok: false; error: string; message: MainMessage } {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const file = { file: fileName };
  switch (code) {
    case 'EPERM':
    case 'EBUSY':
    case 'EACCES':
      return mainFailure('save-in-use', file);
    case 'ENOSPC':
      return mainFailure('save-disk-full', file);
    case 'EISDIR':
      return mainFailure('save-folder-in-way', file);
    default:
      return mainFailure('save-failed', { ...file, reason: error instanceof Error ? error.message : String(error) });
  }
}

export function describeWriteError(fileName: string, error: unknown): string {
  return writeFailure(fileName, error).error;
}

/**
 * Where the user wants a file saved: the save dialog, one at a time per `guard` (a page cannot stack up dialogs by
 * calling in a loop). The renderer's name is only the default; the folder is the dialog's. `target` is null when the
 * user cancelled.
 */
export async function askWhereToSave(
  deps: SaveFileDeps,
  guard: { open: boolean },
  request: { suggestedName: string; mimeType: string },
): Promise<{ ok: true; target: string | null } | { ok: false; error: string }> {
  if (guard.open) return { ok: false, error: 'A save dialog is already open.' };
  const fileName = safeFileName(request.suggestedName, request.mimeType);
  let outcome: SaveDialogOutcome;
  guard.open = true;
  try {
    outcome = await deps.showSaveDialog({
      title: 'Save',
      defaultPath: path.join(deps.defaultFolder(), fileName),
      filters: filtersFor(fileName, request.mimeType),
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
  } finally {
    guard.open = false;
  }
  if (outcome.canceled || !outcome.filePath) return { ok: true, target: null };
  if (!path.isAbsolute(outcome.filePath)) return { ok: false, error: 'The save dialog returned an unusable location.' };
  return { ok: true, target: outcome.filePath };
}

export function createSaveFileHandler(deps: SaveFileDeps): (request: SaveFileRequest) => Promise<SaveFileResult> {
  const dialog = { open: false };

  return async (request) => {
    const chosen = await askWhereToSave(deps, dialog, request);
    if (!chosen.ok) return chosen;
    if (chosen.target === null) return { ok: true, saved: false };
    const target = chosen.target;

    const chosenName = path.basename(target);
    try {
      await writeFileAtomic(target, request.data, deps.fs ?? nodeFs);
    } catch (error) {
      return writeFailure(chosenName, error);
    }
    return { ok: true, saved: true, fileName: chosenName };
  };
}
