// A big file (a backup with its attachments) handed to the desktop shell in pieces: never the whole file in this
// page's memory, nor in one message (#shared/ipc/contract SaveStreamApi). Each piece is read from the Blob only when
// it is sent; if a piece cannot be read or written, the shell is told to give up, and the chosen file stays as it was.
import { SAVE_STREAM_PIECE_BYTES, type SaveFileResult, type SaveStreamApi } from '#shared/ipc/contract';
import { mainFailure } from '#shared/ipc/messages';

export async function saveInPieces(
  stream: SaveStreamApi,
  request: { suggestedName: string; mimeType: string; file: Blob },
  pieceBytes = SAVE_STREAM_PIECE_BYTES,
): Promise<SaveFileResult> {
  const { file } = request;
  const opened = await stream.open({
    suggestedName: request.suggestedName,
    mimeType: request.mimeType,
    size: file.size,
  });
  if (!opened.ok || !('streamId' in opened)) return opened;
  const { streamId } = opened;
  try {
    for (let offset = 0; offset < file.size; offset += pieceBytes) {
      const data = new Uint8Array(await file.slice(offset, Math.min(file.size, offset + pieceBytes)).arrayBuffer());
      const written = await stream.write({ streamId, offset, data });
      // A failed write has already removed the shell's temporary file: nothing to close.
      if (!written.ok) return written;
    }
  } catch (error) {
    await stream.close({ streamId, abort: true }).catch(() => undefined);
    return mainFailure('save-unreadable', { reason: error instanceof Error ? error.message : String(error) });
  }
  return stream.close({ streamId });
}
