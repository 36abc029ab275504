// Gzip for backup files (fflate), with the integrity checks fflate leaves out: fflate's gunzip does not compare the
// trailer's CRC-32 and length with what it inflated, so a flipped bit there would go unnoticed. Pure: no DOM, no Node.
import { Gunzip, gunzipSync, gzipSync } from 'fflate';

export const GZIP_MAGIC = [0x1f, 0x8b] as const;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

let table: Uint32Array | null = null;
function crcTable(): Uint32Array {
  if (table) return table;
  table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/** CRC-32 (ISO 3309, the one gzip uses). */
export function crc32(bytes: Uint8Array): number {
  const t = crcTable();
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = t[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function gzip(bytes: Uint8Array): Uint8Array {
  // mtime 0: the same content always gives the same file (the backup's own header says when it was made).
  return gzipSync(bytes, { level: 6, mtime: 0 });
}

export type GunzipFailure = 'truncated' | 'damaged';

export class GunzipError extends Error {
  constructor(
    readonly failure: GunzipFailure,
    message: string,
  ) {
    super(message);
  }
}

/** Inflate a gzip file and check its trailer (CRC-32 and length). Throws GunzipError. */
export function gunzip(file: Uint8Array, maxBytes: number): Uint8Array {
  // 10-byte header + at least 2 bytes of deflate data + 8-byte trailer.
  if (file.length < 20) throw new GunzipError('truncated', 'the file ends before the compressed data does');
  const chunks: Uint8Array[] = [];
  let total = 0;
  // Streaming, so a "zip bomb" is stopped at the limit instead of filling the memory.
  const stream = new Gunzip((chunk) => {
    total += chunk.length;
    if (total > maxBytes) throw new GunzipError('damaged', 'the compressed data inflates to more than a backup can hold');
    chunks.push(chunk);
  });
  const step = 1024 * 1024;
  try {
    for (let offset = 0; offset < file.length; offset += step) {
      stream.push(file.subarray(offset, offset + step), offset + step >= file.length);
    }
  } catch (error) {
    if (error instanceof GunzipError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (/unexpected EOF/i.test(message)) throw new GunzipError('truncated', 'the file ends before the compressed data does');
    throw new GunzipError('damaged', `the compressed data is damaged (${message})`);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const sound = view.getUint32(file.length - 4, true) === out.length % 2 ** 32 && crc32(out) === view.getUint32(file.length - 8, true);
  if (!sound) {
    // fflate's stream can stop quietly at a cut-off end; its one-shot inflate says so (the output is already known to
    // be within the limit, so this cannot blow up).
    try {
      gunzipSync(file);
    } catch (error) {
      if (/unexpected EOF/i.test(error instanceof Error ? error.message : String(error))) {
        throw new GunzipError('truncated', 'the file ends before the compressed data does');
      }
    }
  }
  if (view.getUint32(file.length - 4, true) !== out.length % 2 ** 32) {
    throw new GunzipError('damaged', 'the compressed data does not have the length recorded at its end (the file is incomplete or was changed)');
  }
  if (crc32(out) !== view.getUint32(file.length - 8, true)) {
    throw new GunzipError('damaged', 'the compressed data does not match its CRC-32 check value (the file is incomplete or was changed)');
  }
  return out;
}
