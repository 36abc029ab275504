// Write a file so that the target is either the old complete file or the new complete file, never a torn one:
// write a temporary file in the same folder (same volume, so rename is atomic), fsync it, rename it over the target,
// then fsync the folder so the rename itself survives a power cut. The temporary file is removed on any failure.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import path from 'node:path';

/** The file-system calls used, injectable so tests can fail a write halfway through. */
export interface AtomicWriteFs {
  open: (filePath: string, flags: string, mode?: number) => Promise<WritableHandle>;
  rename: (from: string, to: string) => Promise<void>;
  rm: (filePath: string, options: { force: true }) => Promise<void>;
}
export interface WritableHandle {
  write: (data: Uint8Array, offset: number, length: number, position: number) => Promise<{ bytesWritten: number }>;
  sync: () => Promise<void>;
  close: () => Promise<void>;
}

export const nodeFs: AtomicWriteFs = {
  open: (filePath, flags, mode) => fs.open(filePath, flags, mode),
  rename: (from, to) => fs.rename(from, to),
  rm: (filePath, options) => fs.rm(filePath, options),
};

/** Temporary names do not derive from the target's name, so a long target name cannot make them too long. */
export const TEMP_FILE_PATTERN = /^\.redress-[0-9a-f]{16}\.tmp$/;

export function tempPathFor(targetPath: string): string {
  return path.join(path.dirname(targetPath), `.redress-${randomBytes(8).toString('hex')}.tmp`);
}

/** All of `data`, written into the file from byte `start` on (a short write is continued). */
export async function writeAll(handle: WritableHandle, data: Uint8Array, start = 0): Promise<void> {
  let offset = 0;
  while (offset < data.byteLength) {
    const { bytesWritten } = await handle.write(data, offset, data.byteLength - offset, start + offset);
    if (bytesWritten <= 0) throw new Error('the disk accepted no more data');
    offset += bytesWritten;
  }
}

export async function syncFolder(folder: string): Promise<void> {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(folder, 'r');
    await handle.sync();
  } catch {
    // Best effort: some file systems (network shares) refuse; the data itself is already synced.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

export async function writeFileAtomic(
  targetPath: string,
  data: Uint8Array,
  fsImpl: AtomicWriteFs = nodeFs,
): Promise<void> {
  const tempPath = tempPathFor(targetPath);
  let handle: WritableHandle | undefined;
  try {
    // 'wx': never follow or reuse something already at the temporary path.
    handle = await fsImpl.open(tempPath, 'wx', 0o644);
    await writeAll(handle, data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fsImpl.rename(tempPath, targetPath);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fsImpl.rm(tempPath, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncFolder(path.dirname(targetPath));
}
