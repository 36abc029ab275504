// Encrypted backups: a container around the backup file's (gzip) bytes, for a backup protected with a passphrase.
//
// Layout (container version 1):
//   1. the magic line:   "REDRESS-ENCRYPTED-BACKUP\n" (so the file is recognised before any gzip check)
//   2. the header line:  {"container":1,"cipher":"AES-256-GCM","kdf":{"name":"PBKDF2-SHA-256","iterations":600000,
//                        "salt":"<base64>"},"check":"<base64>","chunkBytes":1048576}\n   (plaintext, readable)
//   3. records, one per chunk of at most chunkBytes bytes of the gzip file: a random 96-bit nonce, then the chunk
//      encrypted with AES-256-GCM (ciphertext and its 16-byte tag). Every record but the last holds exactly chunkBytes.
// Each record's additional authenticated data is the magic and header lines, the record's index (8 bytes) and a
// final-record flag (1 byte): a changed header, a record moved, dropped, repeated, cut off or added after the last is
// refused, and so is any changed bit (GCM's tag).
// Key: PBKDF2-SHA-256 (the passphrase in Unicode NFC, a random 16-byte salt, >= 600,000 iterations) gives 256 bits;
// HKDF-SHA-256 divides them into the AES key and a 128-bit check value kept in the header. The check tells a wrong
// passphrase from a damaged file without decrypting anything; it costs an attacker the same PBKDF2 run per guess as
// decrypting the first record would.
// Streaming both ways: encryptStream and decryptStream take the bytes a piece at a time and give them out a record
// at a time; neither holds the whole file.
//
// Used by the backup's reader and writer as a thin layer (unlockBackupFile / lockBackupFile below): decrypt, then the
// usual gzip reader; gzip, then encrypt.
//
// Pure: the WebCrypto object (crypto.subtle and getRandomValues) is an argument (globalThis.crypto in the renderer,
// node:crypto's webcrypto in the shell and tests).

import { fromBase64, toBase64, utf8Decoder, utf8Encoder } from './bytes';
import { BackupFileError, type BackupProblemKind, refuseBackup } from './format';
import {
  BACKUP_PROBLEMS_EN,
  type BackupProblemCode,
  backupProblemInEnglish,
  type BackupSaying,
  sayBackup,
} from './problems';

export const ENCRYPTED_BACKUP_MAGIC = 'REDRESS-ENCRYPTED-BACKUP\n';
export const ENCRYPTION_CONTAINER_VERSION = 1;
/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256; a file asking for fewer is refused. */
export const PBKDF2_MIN_ITERATIONS = 600_000;
/** A file asking for more is refused, so a hand-made header cannot make Redress work for hours. */
export const PBKDF2_MAX_ITERATIONS = 10_000_000;
export const DEFAULT_ENCRYPTION_CHUNK_BYTES = 1024 * 1024;
const MAX_CHUNK_BYTES = 16 * 1024 * 1024;
const MAX_HEADER_BYTES = 4096;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const SALT_BYTES = 16;
const CHECK_BYTES = 16;

/** The shortest passphrase accepted, and why, said next to the field. */
export const MIN_PASSPHRASE_LENGTH = 12;
export const MAX_PASSPHRASE_LENGTH = 1024;
/** Why the minimum: said next to the field and in the refusal. */
export const PASSPHRASE_LENGTH_REASON =
  'a backup file may be copied anywhere (a USB drive, a network folder), where anyone who has it can try guesses as fast as their computers allow. A few unrelated words are long enough and easy to type.';

/** Why a passphrase cannot be used, or null when it can. Counted in characters as people see them (code points). */
export function passphraseProblem(passphrase: string): string | null {
  switch (passphraseProblemKind(passphrase)) {
    case 'too-short':
      return `The passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters: ${PASSPHRASE_LENGTH_REASON}`;
    case 'too-long':
      return `The passphrase must have at most ${MAX_PASSPHRASE_LENGTH} characters.`;
    case 'control':
      return 'The passphrase must not contain control characters (tabs, line breaks).';
    default:
      return null;
  }
}

/** What is wrong with a passphrase, as a kind the interface words in its own language (null: nothing). */
export type PassphraseProblemKind = 'too-short' | 'too-long' | 'control';

export function passphraseProblemKind(passphrase: string): PassphraseProblemKind | null {
  const length = Array.from(passphrase).length;
  if (length < MIN_PASSPHRASE_LENGTH) return 'too-short';
  if (length > MAX_PASSPHRASE_LENGTH) return 'too-long';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(passphrase)) return 'control';
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// The parts of WebCrypto used here (shared has no DOM typings).

export interface SubtleLike {
  importKey(
    format: 'raw',
    keyData: Uint8Array,
    algorithm: string | { name: string },
    extractable: boolean,
    usages: string[],
  ): Promise<unknown>;
  deriveBits(algorithm: Record<string, unknown>, baseKey: unknown, length: number): Promise<ArrayBuffer>;
  deriveKey(
    algorithm: Record<string, unknown>,
    baseKey: unknown,
    derived: Record<string, unknown>,
    extractable: boolean,
    usages: string[],
  ): Promise<unknown>;
  encrypt(algorithm: Record<string, unknown>, key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
  decrypt(algorithm: Record<string, unknown>, key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
}
export interface WebCryptoLike {
  readonly subtle: SubtleLike;
  getRandomValues<T extends Uint8Array>(array: T): T;
}

export type EncryptionFailure =
  /** The check value does not match: the passphrase is not the one the file was made with (or its header changed). */
  | 'wrong-passphrase'
  /** It ends early (a record cut off, or the last records missing). */
  | 'truncated'
  /** A record does not decrypt: changed, moved, dropped, or something added after the end. */
  | 'damaged'
  /** Not an encrypted backup, or its header is not readable. */
  | 'not-encrypted'
  /** Made by a newer Redress (a container version this one does not know). */
  | 'newer'
  /** A passphrase or settings this Redress refuses (too short, too few or too many key-derivation rounds). */
  | 'unsupported';

export class EncryptionError extends Error {
  /** The message as data (./problems.ts); a passphrase refused when encrypting has none (see passphraseProblemKind). */
  readonly said?: BackupSaying;
  constructor(
    readonly failure: EncryptionFailure,
    message: string | BackupSaying,
  ) {
    super(typeof message === 'string' ? message : backupProblemInEnglish(message));
    if (typeof message !== 'string') this.said = message;
    this.name = 'EncryptionError';
  }
}

export const WRONG_PASSPHRASE_MESSAGE = BACKUP_PROBLEMS_EN['wrong-passphrase'];

export interface EncryptionHeader {
  container: number;
  cipher: 'AES-256-GCM';
  kdf: { name: 'PBKDF2-SHA-256'; iterations: number; salt: string };
  /** Base64 of the 128-bit check value derived with the key. */
  check: string;
  chunkBytes: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

const encoder = utf8Encoder;
const decoder = utf8Decoder;
const MAGIC = encoder.encode(ENCRYPTED_BACKUP_MAGIC);
const NEWLINE = 0x0a;

const toB64 = toBase64;
function fromB64(text: string): Uint8Array | null {
  try {
    return fromBase64(text);
  } catch {
    return null;
  }
}

function join(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** True when the bytes begin like an encrypted backup (the magic line). */
export function isEncryptedBackup(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && MAGIC.every((b, i) => bytes[i] === b);
}

/** The additional authenticated data of record `index`: the magic and header lines, the index, the final flag. */
function aadOf(headerBytes: Uint8Array, index: number, final: boolean): Uint8Array {
  const aad = new Uint8Array(headerBytes.length + 9);
  aad.set(headerBytes);
  const view = new DataView(aad.buffer);
  view.setUint32(headerBytes.length, Math.floor(index / 2 ** 32));
  view.setUint32(headerBytes.length + 4, index >>> 0);
  aad[headerBytes.length + 8] = final ? 1 : 0;
  return aad;
}

interface Keys {
  key: unknown;
  check: Uint8Array;
}

async function deriveKeys(
  crypto: WebCryptoLike,
  passphrase: string,
  salt: Uint8Array,
  iterations: number,
): Promise<Keys> {
  const { subtle } = crypto;
  const base = await subtle.importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const master = new Uint8Array(
    await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, 256),
  );
  const hkdf = await subtle.importKey('raw', master, 'HKDF', false, ['deriveKey', 'deriveBits']);
  master.fill(0);
  const info = (what: string) => ({
    name: 'HKDF',
    hash: 'SHA-256',
    salt: new Uint8Array(0),
    info: encoder.encode(`redress-backup ${ENCRYPTION_CONTAINER_VERSION} ${what}`),
  });
  const key = await subtle.deriveKey(info('aes-256-gcm key'), hkdf, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  const check = new Uint8Array(await subtle.deriveBits(info('passphrase check'), hkdf, CHECK_BYTES * 8));
  return { key, check };
}

/** A queue of byte pieces that hands out exactly n bytes at a time without copying everything each time. */
class ByteQueue {
  private pieces: Uint8Array[] = [];
  length = 0;
  push(bytes: Uint8Array): void {
    if (bytes.length) {
      this.pieces.push(bytes);
      this.length += bytes.length;
    }
  }
  /** The first n bytes (n <= length), removed from the queue. */
  take(n: number): Uint8Array {
    const first = this.pieces[0];
    if (first && first.length >= n) {
      this.pieces[0] = first.subarray(n);
      if (this.pieces[0].length === 0) this.pieces.shift();
      this.length -= n;
      return first.subarray(0, n);
    }
    const out = new Uint8Array(n);
    let at = 0;
    while (at < n) {
      const piece = this.pieces[0];
      const used = Math.min(piece.length, n - at);
      out.set(piece.subarray(0, used), at);
      at += used;
      if (used === piece.length) this.pieces.shift();
      else this.pieces[0] = piece.subarray(used);
    }
    this.length -= n;
    return out;
  }
  /** The index of the first newline within the first `limit` bytes, or -1. */
  indexOfNewline(limit: number): number {
    let offset = 0;
    for (const piece of this.pieces) {
      const at = piece.subarray(0, Math.max(0, limit - offset)).indexOf(NEWLINE);
      if (at >= 0) return offset + at;
      offset += piece.length;
      if (offset >= limit) break;
    }
    return -1;
  }
}

type Source = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

// ---------------------------------------------------------------------------------------------------------------
// Encrypting

export interface EncryptOptions {
  passphrase: string;
  crypto: WebCryptoLike;
  /** Plaintext bytes per record (default 1 MiB). */
  chunkBytes?: number;
  /** PBKDF2 iterations (default and minimum 600,000). */
  iterations?: number;
}

/**
 * Encrypt a byte stream: gives the magic and header lines, then one record per chunk. Throws EncryptionError for an
 * unusable passphrase (see passphraseProblem) before anything is given out.
 */
export async function* encryptStream(source: Source, options: EncryptOptions): AsyncGenerator<Uint8Array> {
  const problem = passphraseProblem(options.passphrase);
  if (problem) throw new EncryptionError('unsupported', problem);
  const chunkBytes = options.chunkBytes ?? DEFAULT_ENCRYPTION_CHUNK_BYTES;
  const iterations = options.iterations ?? PBKDF2_MIN_ITERATIONS;
  if (!Number.isInteger(chunkBytes) || chunkBytes < 1 || chunkBytes > MAX_CHUNK_BYTES)
    throw new RangeError('chunkBytes out of range');
  if (!Number.isInteger(iterations) || iterations < PBKDF2_MIN_ITERATIONS || iterations > PBKDF2_MAX_ITERATIONS)
    throw new RangeError('iterations out of range');
  const { crypto } = options;
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const { key, check } = await deriveKeys(crypto, options.passphrase, salt, iterations);
  const header: EncryptionHeader = {
    container: ENCRYPTION_CONTAINER_VERSION,
    cipher: 'AES-256-GCM',
    kdf: { name: 'PBKDF2-SHA-256', iterations, salt: toB64(salt) },
    check: toB64(check),
    chunkBytes,
  };
  const headerBytes = join(MAGIC, encoder.encode(`${JSON.stringify(header)}\n`));
  yield headerBytes;

  let index = 0;
  const seal = async (plain: Uint8Array, final: boolean): Promise<Uint8Array> => {
    const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
    const sealed = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv: nonce, additionalData: aadOf(headerBytes, index++, final), tagLength: 128 },
      key,
      plain,
    );
    return join(nonce, new Uint8Array(sealed));
  };
  // One full chunk is held back until more bytes come, so the last record (and only it) is flagged final.
  const queue = new ByteQueue();
  let held: Uint8Array | null = null;
  for await (const piece of source) {
    queue.push(piece);
    while (queue.length >= chunkBytes) {
      if (held) yield await seal(held, false);
      held = queue.take(chunkBytes).slice();
    }
    if (held && queue.length > 0) {
      yield await seal(held, false);
      held = null;
    }
  }
  // Here either a chunk is held and nothing follows it, or what is left is shorter than a chunk (possibly empty).
  yield await seal(held ?? queue.take(queue.length), true);
}

/** Encrypt bytes held in memory (e.g. a backup just made) into one encrypted file. */
export async function encryptBytes(bytes: Uint8Array, options: EncryptOptions): Promise<Uint8Array> {
  const chunkBytes = options.chunkBytes ?? DEFAULT_ENCRYPTION_CHUNK_BYTES;
  const pieces = function* () {
    for (let at = 0; at < bytes.length; at += chunkBytes) yield bytes.subarray(at, at + chunkBytes);
  };
  const out: Uint8Array[] = [];
  let size = 0;
  for await (const part of encryptStream(pieces(), options)) {
    out.push(part);
    size += part.length;
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const part of out) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

// ---------------------------------------------------------------------------------------------------------------
// Decrypting

const notEncrypted = (why: BackupProblemCode) =>
  new EncryptionError('not-encrypted', sayBackup('not-encrypted', { why: sayBackup(why) }));

/** Parse and check the header line (without the magic). Throws EncryptionError. */
export function parseEncryptionHeader(line: Uint8Array): EncryptionHeader {
  let raw: unknown;
  try {
    raw = JSON.parse(decoder.decode(line));
  } catch {
    throw notEncrypted('why-encrypted-header-unreadable');
  }
  const h = raw as Partial<EncryptionHeader> | null;
  if (typeof h !== 'object' || h === null) throw notEncrypted('why-encrypted-header-unreadable');
  if (typeof h.container === 'number' && h.container > ENCRYPTION_CONTAINER_VERSION) {
    throw new EncryptionError('newer', sayBackup('encrypted-newer', { version: h.container }));
  }
  if (h.container !== ENCRYPTION_CONTAINER_VERSION || h.cipher !== 'AES-256-GCM' || h.kdf?.name !== 'PBKDF2-SHA-256') {
    throw new EncryptionError('unsupported', sayBackup('encrypted-unknown-cipher'));
  }
  const { iterations, salt } = h.kdf;
  if (!Number.isInteger(iterations) || iterations < PBKDF2_MIN_ITERATIONS || iterations > PBKDF2_MAX_ITERATIONS) {
    throw new EncryptionError(
      'unsupported',
      sayBackup('encrypted-rounds', {
        rounds: String(iterations),
        min: { number: PBKDF2_MIN_ITERATIONS },
        max: { number: PBKDF2_MAX_ITERATIONS },
      }),
    );
  }
  const saltBytes = typeof salt === 'string' ? fromB64(salt) : null;
  const check = typeof h.check === 'string' ? fromB64(h.check) : null;
  if (!saltBytes || saltBytes.length < SALT_BYTES || saltBytes.length > 64 || !check || check.length !== CHECK_BYTES) {
    throw notEncrypted('why-encrypted-salt');
  }
  if (!Number.isInteger(h.chunkBytes) || (h.chunkBytes as number) < 1 || (h.chunkBytes as number) > MAX_CHUNK_BYTES) {
    throw notEncrypted('why-encrypted-chunk-size');
  }
  return h as EncryptionHeader;
}

/** The header of an encrypted file held in memory (e.g. to show or test its settings). Throws EncryptionError. */
export function readEncryptionHeader(file: Uint8Array): EncryptionHeader {
  if (!isEncryptedBackup(file)) throw notEncrypted('why-encrypted-begin');
  const end = file.subarray(MAGIC.length, MAGIC.length + MAX_HEADER_BYTES).indexOf(NEWLINE);
  if (end < 0) throw new EncryptionError('truncated', sayBackup('encrypted-ends-in-header'));
  return parseEncryptionHeader(file.subarray(MAGIC.length, MAGIC.length + end));
}

export interface DecryptOptions {
  passphrase: string;
  crypto: WebCryptoLike;
}

/**
 * Decrypt an encrypted backup given a piece at a time; gives out each record's plaintext as soon as it is checked.
 * Throws EncryptionError: 'wrong-passphrase' before anything is given out; 'truncated' / 'damaged' at the first
 * record that fails (what came before it was sound, but the caller must treat the whole file as refused).
 */
export async function* decryptStream(source: Source, options: DecryptOptions): AsyncGenerator<Uint8Array> {
  const queue = new ByteQueue();
  const iterator = (
    Symbol.asyncIterator in source
      ? source[Symbol.asyncIterator]()
      : (source as Iterable<Uint8Array>)[Symbol.iterator]()
  ) as AsyncIterator<Uint8Array> | Iterator<Uint8Array>;
  let ended = false;
  const pull = async (): Promise<boolean> => {
    if (ended) return false;
    const next = await iterator.next();
    if (next.done) ended = true;
    else queue.push(next.value);
    return !next.done;
  };

  // The magic and header lines.
  while (queue.length < MAGIC.length && (await pull()));
  if (queue.length === 0) throw notEncrypted('why-empty');
  const magic = queue.take(Math.min(MAGIC.length, queue.length));
  if (!isEncryptedBackup(magic)) {
    if (magic.length < MAGIC.length && MAGIC.subarray(0, magic.length).every((b, i) => magic[i] === b)) {
      throw new EncryptionError('truncated', sayBackup('encrypted-ends-in-header'));
    }
    throw notEncrypted('why-encrypted-begin');
  }
  let end = queue.indexOfNewline(MAX_HEADER_BYTES);
  while (end < 0 && queue.length < MAX_HEADER_BYTES && (await pull())) end = queue.indexOfNewline(MAX_HEADER_BYTES);
  if (end < 0) {
    if (ended) throw new EncryptionError('truncated', sayBackup('encrypted-ends-in-header'));
    throw notEncrypted('why-encrypted-header-long');
  }
  const line = queue.take(end + 1);
  const header = parseEncryptionHeader(line.subarray(0, end));
  const headerBytes = join(MAGIC, line);

  const { key, check } = await deriveKeys(
    options.crypto,
    options.passphrase,
    fromB64(header.kdf.salt)!,
    header.kdf.iterations,
  );
  const expected = fromB64(header.check)!;
  let same = 0;
  for (let i = 0; i < CHECK_BYTES; i++) same |= check[i] ^ expected[i];
  if (same !== 0) throw new EncryptionError('wrong-passphrase', sayBackup('wrong-passphrase'));

  const open = async (record: Uint8Array, index: number, final: boolean): Promise<Uint8Array | null> => {
    try {
      const iv = record.subarray(0, NONCE_BYTES);
      const plain = await options.crypto.subtle.decrypt(
        { name: 'AES-GCM', iv, additionalData: aadOf(headerBytes, index, final), tagLength: 128 },
        key,
        record.subarray(NONCE_BYTES),
      );
      return new Uint8Array(plain);
    } catch {
      return null;
    }
  };
  const recordBytes = NONCE_BYTES + header.chunkBytes + TAG_BYTES;
  const part = (index: number) => ({ part: index + 1 });
  let index = 0;
  for (;;) {
    // A full record is not the last while more bytes follow it.
    while (queue.length <= recordBytes && (await pull()));
    if (queue.length > recordBytes) {
      const record = queue.take(recordBytes);
      const plain = await open(record, index, false);
      if (!plain) {
        if (await open(record, index, true))
          throw new EncryptionError('damaged', sayBackup('encrypted-added-after-end'));
        throw new EncryptionError('damaged', sayBackup('encrypted-part-damaged', part(index)));
      }
      index++;
      yield plain;
      continue;
    }
    // The rest is the last record.
    if (queue.length < NONCE_BYTES + TAG_BYTES) {
      throw new EncryptionError(
        'truncated',
        index === 0 ? sayBackup('encrypted-ends-before-content') : sayBackup('encrypted-ends-in-part', part(index)),
      );
    }
    const record = queue.take(queue.length);
    const plain = await open(record, index, true);
    if (!plain) {
      if (record.length === recordBytes && (await open(record, index, false))) {
        throw new EncryptionError('truncated', sayBackup('encrypted-ends-after-part', part(index)));
      }
      // A short last record that fails was cut short, added to or changed: the file cannot tell which.
      if (record.length < recordBytes) {
        throw new EncryptionError('damaged', sayBackup('encrypted-ends-or-changed', part(index)));
      }
      throw new EncryptionError('damaged', sayBackup('encrypted-part-damaged', part(index)));
    }
    yield plain;
    return;
  }
}

/** Decrypt an encrypted file held in memory into one buffer of exactly the plaintext's size. Throws EncryptionError. */
export async function decryptBytes(file: Uint8Array, options: DecryptOptions): Promise<Uint8Array> {
  const header = readEncryptionHeader(file);
  const headerLength = file.subarray(MAGIC.length).indexOf(NEWLINE) + 1 + MAGIC.length;
  const recordBytes = NONCE_BYTES + header.chunkBytes + TAG_BYTES;
  const records = Math.max(1, Math.ceil((file.length - headerLength) / recordBytes));
  const out = new Uint8Array(Math.max(0, file.length - headerLength - records * (NONCE_BYTES + TAG_BYTES)));
  const pieces = function* () {
    for (let at = 0; at < file.length; at += recordBytes) yield file.subarray(at, at + recordBytes);
  };
  let at = 0;
  for await (const plain of decryptStream(pieces(), options)) {
    if (at + plain.length > out.length)
      throw new EncryptionError('damaged', sayBackup('encrypted-parts-do-not-add-up'));
    out.set(plain, at);
    at += plain.length;
  }
  if (at !== out.length) throw new EncryptionError('damaged', sayBackup('encrypted-parts-do-not-add-up'));
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The thin layer the backup's reader and writer use.

const PROBLEM_KIND: Record<EncryptionFailure, BackupProblemKind> = {
  'wrong-passphrase': 'wrong-passphrase',
  truncated: 'truncated',
  damaged: 'damaged',
  'not-encrypted': 'not-a-backup',
  newer: 'newer',
  unsupported: 'damaged',
};

export const NEEDS_PASSPHRASE_MESSAGE = BACKUP_PROBLEMS_EN['needs-passphrase'];

const needsPassphrase = () => refuseBackup('needs-passphrase', sayBackup('needs-passphrase'));
/** An encryption failure as the backup reader's refusal: "… Nothing was restored." */
const refused = (error: EncryptionError) =>
  error.said
    ? refuseBackup(PROBLEM_KIND[error.failure], sayBackup('encrypted-refused', { why: error.said }))
    : new BackupFileError(PROBLEM_KIND[error.failure], `${error.message} Nothing was restored.`);

/**
 * The backup file's own (gzip) bytes: an encrypted file decrypted with the passphrase, any other file as it is (the
 * usual reader then recognises it or not). Throws BackupFileError: 'needs-passphrase' when the file is encrypted and
 * no passphrase is given, 'wrong-passphrase', 'truncated', 'damaged', 'newer' or 'not-a-backup'.
 */
export async function unlockBackupFile(
  file: Uint8Array,
  passphrase: string | undefined,
  crypto: WebCryptoLike,
): Promise<Uint8Array> {
  if (!isEncryptedBackup(file)) return file;
  if (!passphrase) throw needsPassphrase();
  try {
    return await decryptBytes(file, { passphrase, crypto });
  } catch (error) {
    if (!(error instanceof EncryptionError)) throw error;
    throw refused(error);
  }
}

/** The backup file as it is saved: encrypted when a passphrase is given, else the (gzip) bytes unchanged. */
export async function lockBackupFile(
  bytes: Uint8Array,
  passphrase: string | undefined,
  crypto: WebCryptoLike,
): Promise<Uint8Array> {
  return passphrase ? encryptBytes(bytes, { passphrase, crypto }) : bytes;
}

/**
 * unlockBackupFile a piece at a time, for a file too large to hold (format 3 with its attachments): the plaintext
 * given out as each record is checked. Throws BackupFileError as unlockBackupFile does.
 */
export async function* unlockBackupStream(
  source: Source,
  passphrase: string | undefined,
  crypto: WebCryptoLike,
): AsyncGenerator<Uint8Array> {
  if (!passphrase) throw needsPassphrase();
  try {
    yield* decryptStream(source, { passphrase, crypto });
  } catch (error) {
    if (!(error instanceof EncryptionError)) throw error;
    throw refused(error);
  }
}

/** lockBackupFile a piece at a time: encrypted when a passphrase is given, else the pieces unchanged. */
export function lockBackupStream(
  source: AsyncIterable<Uint8Array>,
  passphrase: string | undefined,
  crypto: WebCryptoLike,
): AsyncIterable<Uint8Array> {
  return passphrase ? encryptStream(source, { passphrase, crypto }) : source;
}
