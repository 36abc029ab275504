// Decompression bombs for the backup tests: a gigabyte of inflated data without a gigabyte of memory or a minute of
// deflate, built as raw deflate blocks repeated (each block flushed, so it refers to nothing before it).
import { constants, deflateRawSync } from 'node:zlib';
import { crc32Update } from '#shared/backup/gzip';

/**
 * A gzip file of `head`, then `unit` repeated `times` times, then `tail`, with a correct trailer: each part deflated
 * on its own with a full flush, so the repeated blocks can simply be repeated.
 */
export function gzipRepeated(head: Uint8Array, unit: Uint8Array, times: number, tail: Uint8Array): Uint8Array {
  const flushed = (bytes: Uint8Array) => deflateRawSync(bytes, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const first = flushed(head);
  const middle = flushed(unit);
  const last = deflateRawSync(tail, { level: 9 });
  let crc = crc32Update(0, head);
  for (let i = 0; i < times; i++) crc = crc32Update(crc, unit);
  crc = crc32Update(crc, tail);
  const size = head.length + unit.length * times + tail.length;
  const out = new Uint8Array(10 + first.length + middle.length * times + last.length + 8);
  out.set([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff], 0);
  let at = 10;
  for (const part of [first, ...Array<Uint8Array>(times).fill(middle), last]) {
    out.set(part, at);
    at += part.length;
  }
  const view = new DataView(out.buffer);
  view.setUint32(at, crc, true);
  view.setUint32(at + 4, size % 2 ** 32, true);
  return out;
}
