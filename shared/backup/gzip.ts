// Gzip for backup files (fflate), with the integrity checks fflate leaves out: fflate's gunzip does not compare the
// trailer's CRC-32 and length with what it inflated, so a flipped bit there would go unnoticed. Pure: no DOM, no Node.
import { Gunzip, Gzip, gzipSync, inflateSync } from 'fflate';
import { backupProblemInEnglish, type BackupSaying, formatBytes, sayBackup } from './problems';

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
  return crc32Update(0, bytes);
}

/** CRC-32 continued over more bytes: crc32Update(crc32(a), b) === crc32(a followed by b); start with 0. */
export function crc32Update(crc: number, bytes: Uint8Array): number {
  const t = crcTable();
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < bytes.length; i++) c = t[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Where the deflate data of a gzip file starts: after the 10-byte header and its optional fields (RFC 1952). */
function deflateStart(file: Uint8Array): number {
  const flags = file[3];
  let at = 10;
  if (flags & 4) at += 2 + (file[at] | (file[at + 1] << 8)); // FEXTRA
  if (flags & 8) while (at < file.length && file[at++] !== 0); // FNAME
  if (flags & 16) while (at < file.length && file[at++] !== 0); // FCOMMENT
  if (flags & 2) at += 2; // FHCRC
  return at;
}

/**
 * A cut-off file that fflate's stream inflated quietly: a one-shot raw inflate of its deflate data says "unexpected
 * EOF". (Not gunzipSync: it sizes its output from the last four bytes, which in a cut-off file are not a length.)
 */
export function gunzipSyncCheck(file: Uint8Array): GunzipFailure | null {
  try {
    inflateSync(file.subarray(deflateStart(file)));
    return null;
  } catch (error) {
    return /unexpected EOF/i.test(error instanceof Error ? error.message : String(error)) ? 'truncated' : 'damaged';
  }
}

const TRUNCATED = sayBackup('why-gzip-ends');

/** An inflater that counts what it gives out and stops a "zip bomb" at the limit instead of filling the memory. */
function limitedInflater(
  maxBytes: number,
  sink: (chunk: Uint8Array) => void,
): { push(bytes: Uint8Array, final: boolean): void; total(): number } {
  let total = 0;
  const stream = new Gunzip((chunk) => {
    total += chunk.length;
    if (total > maxBytes)
      throw new GunzipError('too-large', sayBackup('why-gzip-inflates', { size: { bytes: maxBytes } }));
    sink(chunk);
  });
  return {
    push(bytes, final) {
      try {
        stream.push(bytes, final);
      } catch (error) {
        if (error instanceof GunzipError) throw error;
        const message = error instanceof Error ? error.message : String(error);
        if (/unexpected EOF/i.test(message)) throw new GunzipError('truncated', TRUNCATED);
        throw new GunzipError('damaged', sayBackup('why-gzip-damaged', { message }));
      }
    },
    total: () => total,
  };
}

export { formatBytes };

/**
 * Compressed bytes handed to the inflater at a time. Deflate inflates at most about 1,032 to 1, and fflate gives out
 * what one push inflates as one piece, so this keeps any one piece of a "zip bomb" to about 16 MB.
 */
const INFLATE_STEP = 16 * 1024;

/** The gzip trailer (CRC-32 and length) against what was inflated. Throws GunzipError. */
function checkTrailer(file: Uint8Array, total: number, crc: number): void {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const lengthOk = view.getUint32(file.length - 4, true) === total % 2 ** 32;
  const crcOk = crc === view.getUint32(file.length - 8, true);
  // fflate's stream can stop quietly at a cut-off end; its one-shot inflate says so (the output is already known to
  // be within the limit, so this cannot blow up).
  if (!(lengthOk && crcOk) && gunzipSyncCheck(file) === 'truncated') throw new GunzipError('truncated', TRUNCATED);
  if (!lengthOk) {
    throw new GunzipError('damaged', sayBackup('why-gzip-length'));
  }
  if (!crcOk) {
    throw new GunzipError('damaged', sayBackup('why-gzip-crc'));
  }
}

/**
 * Inflate a gzip file a piece at a time, handing each inflated piece to `onChunk` (awaited) as it comes, with the
 * same checks as gunzip (the limit, the trailer's CRC-32 and length); nothing holds the whole inflated content.
 * Throws GunzipError; an error thrown by onChunk is passed on as it is.
 */
export async function gunzipStream(
  file: Uint8Array,
  maxBytes: number,
  onChunk: (chunk: Uint8Array) => void | Promise<void>,
): Promise<void> {
  // 10-byte header + at least 2 bytes of deflate data + 8-byte trailer.
  if (file.length < 20) throw new GunzipError('truncated', TRUNCATED);
  let pending: Uint8Array[] = [];
  let crc = 0;
  const inflater = limitedInflater(maxBytes, (chunk) => pending.push(chunk));
  for (let offset = 0; offset < file.length; offset += INFLATE_STEP) {
    inflater.push(file.subarray(offset, offset + INFLATE_STEP), offset + INFLATE_STEP >= file.length);
    const ready = pending;
    pending = [];
    for (const chunk of ready) {
      crc = crc32Update(crc, chunk);
      await onChunk(chunk);
    }
  }
  checkTrailer(file, inflater.total(), crc);
}

/** A gzip stream fed a piece at a time (the same settings as gzip()), its bytes handed to `sink` as they come. */
export function gzipStream(sink: (bytes: Uint8Array) => void): { push(bytes: Uint8Array): void; end(): void } {
  const stream = new Gzip({ level: 6, mtime: 0 }, (chunk) => sink(chunk));
  return { push: (bytes) => stream.push(bytes, false), end: () => stream.push(new Uint8Array(0), true) };
}

export function concat(chunks: Uint8Array[], size = chunks.reduce((n, c) => n + c.length, 0)): Uint8Array {
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}

export function gzip(bytes: Uint8Array): Uint8Array {
  // mtime 0: the same content always gives the same file (the backup's own header says when it was made).
  return gzipSync(bytes, { level: 6, mtime: 0 });
}

/** 'too-large': it inflates past the limit (a "zip bomb", or not a backup). */
export type GunzipFailure = 'truncated' | 'damaged' | 'too-large';

export class GunzipError extends Error {
  constructor(
    readonly failure: GunzipFailure,
    /** Why, as data (./problems.ts); the message is its English. */
    readonly said: BackupSaying,
  ) {
    super(backupProblemInEnglish(said));
  }
}

/** Inflate a gzip file and check its trailer (CRC-32 and length). Throws GunzipError. */
export function gunzip(file: Uint8Array, maxBytes: number): Uint8Array {
  if (file.length < 20) throw new GunzipError('truncated', TRUNCATED);
  const chunks: Uint8Array[] = [];
  let crc = 0;
  const inflater = limitedInflater(maxBytes, (chunk) => {
    crc = crc32Update(crc, chunk);
    chunks.push(chunk);
  });
  for (let offset = 0; offset < file.length; offset += INFLATE_STEP) {
    inflater.push(file.subarray(offset, offset + INFLATE_STEP), offset + INFLATE_STEP >= file.length);
  }
  checkTrailer(file, inflater.total(), crc);
  return concat(chunks, inflater.total());
}
