// Save a file too big for one message (a backup with its attachments) where the USER chooses, in pieces: `open` shows
// the save dialog (as save-file does: the renderer's name is only the default, the folder is the dialog's) and opens a
// temporary file beside the chosen one; `write` appends each piece in order; `close` syncs it and renames it over the
// target once every declared byte arrived. Anything else (abort, a failed write, a piece out of order, too many or
// too few bytes) removes the temporary file: the chosen file is the old one or the whole new one, never a torn one.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type {
  SaveFileResult,
  SaveStreamCloseRequest,
  SaveStreamOpenRequest,
  SaveStreamOpenResult,
  SaveStreamWriteRequest,
  SaveStreamWriteResult,
} from '#shared/ipc/contract';
import { type AtomicWriteFs, nodeFs, syncFolder, tempPathFor, type WritableHandle, writeAll } from './atomic-write';
import { askWhereToSave, type SaveFileDeps, writeFailure } from './save-file';

export interface SaveStreamHandlers {
  open: (request: SaveStreamOpenRequest) => Promise<SaveStreamOpenResult>;
  write: (request: SaveStreamWriteRequest) => Promise<SaveStreamWriteResult>;
  close: (request: SaveStreamCloseRequest) => Promise<SaveFileResult>;
}

interface OpenFile {
  target: string;
  temp: string;
  handle: WritableHandle;
  size: number;
  written: number;
  /** A write is under way: the next piece waits its turn (pieces are written one at a time, in order). */
  busy: boolean;
}

export function createSaveStreamHandlers(
  deps: SaveFileDeps & { newId?: () => string; sync?: (folder: string) => Promise<void> },
): SaveStreamHandlers {
  const fs: AtomicWriteFs = deps.fs ?? nodeFs;
  const newId = deps.newId ?? (() => randomBytes(16).toString('hex'));
  const sync = deps.sync ?? syncFolder;
  const dialog = { open: false };
  // One file at a time: a page cannot leave temporary files open by the dozen.
  let current: { id: string; file: OpenFile } | null = null;

  async function discard(file: OpenFile): Promise<void> {
    await file.handle.close().catch(() => undefined);
    await fs.rm(file.temp, { force: true }).catch(() => undefined);
  }

  const unknown = { ok: false as const, error: 'No file is being saved under that id (it was closed or failed).' };

  return {
    open: async (request) => {
      if (current) return { ok: false, error: 'Another file is still being saved: wait for it to finish.' };
      const chosen = await askWhereToSave(deps, dialog, request);
      if (!chosen.ok) return chosen;
      if (chosen.target === null) return { ok: true, saved: false };
      const target = chosen.target;
      const temp = tempPathFor(target);
      try {
        // 'wx': never follow or reuse something already at the temporary path.
        const handle = await fs.open(temp, 'wx', 0o644);
        const id = newId();
        current = { id, file: { target, temp, handle, size: request.size, written: 0, busy: false } };
        return { ok: true, streamId: id };
      } catch (error) {
        await fs.rm(temp, { force: true }).catch(() => undefined);
        return writeFailure(path.basename(target), error);
      }
    },

    write: async (request) => {
      if (!current || current.id !== request.streamId) return unknown;
      const { file } = current;
      const name = path.basename(file.target);
      const refuse = async (failure: string | SaveStreamWriteResult): Promise<SaveStreamWriteResult> => {
        current = null;
        await discard(file);
        return typeof failure === 'string' ? { ok: false, error: failure } : failure;
      };
      if (file.busy) return refuse(`Could not save ${name}: its pieces came out of turn.`);
      if (request.offset !== file.written)
        return refuse(`Could not save ${name}: a piece came out of order (at ${request.offset}, not ${file.written}).`);
      if (file.written + request.data.byteLength > file.size)
        return refuse(`Could not save ${name}: more bytes came than the ${file.size} announced.`);
      file.busy = true;
      try {
        await writeAll(file.handle, request.data, file.written);
      } catch (error) {
        return refuse(writeFailure(name, error));
      } finally {
        file.busy = false;
      }
      file.written += request.data.byteLength;
      return { ok: true, written: file.written };
    },

    close: async (request) => {
      if (!current || current.id !== request.streamId) return unknown;
      const { file } = current;
      current = null;
      const name = path.basename(file.target);
      if (request.abort) {
        await discard(file);
        return { ok: true, saved: false };
      }
      if (file.written !== file.size) {
        await discard(file);
        return {
          ok: false,
          error: `Could not save ${name}: ${file.written} of its ${file.size} bytes arrived, so it was not saved.`,
        };
      }
      try {
        await file.handle.sync();
        await file.handle.close();
        await fs.rename(file.temp, file.target);
      } catch (error) {
        await discard(file);
        return writeFailure(name, error);
      }
      await sync(path.dirname(file.target));
      return { ok: true, saved: true, fileName: name };
    },
  };
}
