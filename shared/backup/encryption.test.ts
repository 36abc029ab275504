import { randomBytes, webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ENCRYPTION_CHUNK_BYTES,
  decryptBytes,
  decryptStream,
  encryptBytes,
  encryptStream,
  EncryptionError,
  type EncryptionFailure,
  isEncryptedBackup,
  lockBackupFile,
  passphraseProblem,
  PBKDF2_MIN_ITERATIONS,
  readEncryptionHeader,
  unlockBackupFile,
  type WebCryptoLike,
} from './encryption';
import { type BackupContent, BackupFileError, decodeBackup, encodeBackup } from './format';
import { emptyBackupContent, sha256Hex } from '#test/support/backup-content';

const crypto = webcrypto as unknown as WebCryptoLike;
const passphrase = 'correct horse battery staple';
const sha256 = sha256Hex;
const EMPTY = emptyBackupContent();

/** The offsets of the header's end and of each record, for a file made with `chunkBytes`. */
function layout(file: Uint8Array, chunkBytes: number): { headerEnd: number; records: [number, number][] } {
  const headerEnd = file.indexOf(0x0a, file.indexOf(0x0a) + 1) + 1;
  const size = 12 + chunkBytes + 16;
  const records: [number, number][] = [];
  for (let at = headerEnd; at < file.length; at += size) records.push([at, Math.min(at + size, file.length)]);
  return { headerEnd, records };
}

const cat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

async function failureOf(file: Uint8Array, secret = passphrase): Promise<EncryptionError> {
  try {
    await decryptBytes(file, { passphrase: secret, crypto });
  } catch (error) {
    if (error instanceof EncryptionError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('the encrypted container', () => {
  it('round-trips at several sizes, fed and read back in uneven pieces, one record per chunk', async () => {
    const chunkBytes = 64;
    for (const size of [0, 1, 63, 64, 65, 64 * 5 + 7]) {
      const plain = new Uint8Array(randomBytes(size));
      // Fed in pieces of 1 to 100 bytes: the records do not depend on how the bytes arrive.
      const pieces: Uint8Array[] = [];
      for (let at = 0; at < size;) {
        const n = 1 + ((at * 37) % 100);
        pieces.push(plain.subarray(at, at + n));
        at += n;
      }
      const out: Uint8Array[] = [];
      for await (const part of encryptStream(pieces, { passphrase, crypto, chunkBytes })) out.push(part);
      const file = cat(...out);
      expect(isEncryptedBackup(file), `size ${size}`).toBe(true);
      // One record per chunk, at least one (an empty file still has its final record).
      expect(layout(file, chunkBytes).records.length, `size ${size}`).toBe(Math.max(1, Math.ceil(size / chunkBytes)));
      // Streamed back in 10-byte pieces.
      const back: Uint8Array[] = [];
      const source = (async function* () {
        for (let at = 0; at < file.length; at += 10) yield file.subarray(at, at + 10);
      })();
      for await (const part of decryptStream(source, { passphrase, crypto })) back.push(part);
      expect(cat(...back), `size ${size}`).toEqual(plain);
    }
  });

  it('writes PBKDF2-SHA-256 with at least 600,000 iterations, a random salt and AES-256-GCM into the header', async () => {
    const a = await encryptBytes(new Uint8Array([1, 2, 3]), { passphrase, crypto });
    const b = await encryptBytes(new Uint8Array([1, 2, 3]), { passphrase, crypto });
    const header = readEncryptionHeader(a);
    expect(header.kdf.name).toBe('PBKDF2-SHA-256');
    expect(header.kdf.iterations).toBeGreaterThanOrEqual(600_000);
    expect(header.cipher).toBe('AES-256-GCM');
    expect(header.chunkBytes).toBe(DEFAULT_ENCRYPTION_CHUNK_BYTES);
    expect(Buffer.from(header.kdf.salt, 'base64')).toHaveLength(16);
    // A new salt (and so a new key) and new nonces every time.
    expect(readEncryptionHeader(b).kdf.salt).not.toBe(header.kdf.salt);
    expect(Buffer.from(a.subarray(layout(a, header.chunkBytes).headerEnd))).not.toEqual(
      Buffer.from(b.subarray(layout(b, header.chunkBytes).headerEnd)),
    );
  });

  it('refuses a header asking for fewer iterations than 600,000, and a passphrase that is too short', async () => {
    const file = await encryptBytes(new Uint8Array([1]), { passphrase, crypto });
    const text = Buffer.from(file)
      .toString('latin1')
      .replace(`"iterations":${PBKDF2_MIN_ITERATIONS}`, '"iterations":1000');
    expect((await failureOf(new Uint8Array(Buffer.from(text, 'latin1')))).message).toMatch(
      /1000 key-derivation rounds/,
    );
    await expect(encryptBytes(new Uint8Array([1]), { passphrase: 'short', crypto })).rejects.toThrow(
      /at least 12 characters/,
    );
    expect(passphraseProblem('eleven char')).toMatch(/at least 12 characters: a backup file may be copied anywhere/);
    expect(passphraseProblem('twelve chars')).toBeNull();
    expect(passphraseProblem('tab\tinside it here')).toMatch(/control characters/);
  });

  it('refuses a wrong passphrase with a clear message before giving out anything', async () => {
    const file = await encryptBytes(new Uint8Array(randomBytes(300)), { passphrase, crypto, chunkBytes: 64 });
    const source = [file];
    const given: Uint8Array[] = [];
    const run = async () => {
      for await (const part of decryptStream(source, { passphrase: 'Correct horse battery staple', crypto }))
        given.push(part);
    };
    await expect(run()).rejects.toMatchObject({
      failure: 'wrong-passphrase',
      message: expect.stringMatching(/^The passphrase is not right/),
    });
    expect(given).toEqual([]);
  });

  it('refuses a record reordered, dropped, repeated, cut off or changed, the end cut or something appended', async () => {
    const chunkBytes = 64;
    const plain = new Uint8Array(randomBytes(chunkBytes * 4 + 20));
    const file = await encryptBytes(plain, { passphrase, crypto, chunkBytes });
    const { headerEnd, records } = layout(file, chunkBytes);
    expect(records).toHaveLength(5);
    const head = file.subarray(0, headerEnd);
    const r = records.map(([from, to]) => file.subarray(from, to));
    const flipped = (at: number) => {
      const copy = file.slice();
      copy[at] ^= 0x01;
      return copy;
    };
    const cases: [string, Uint8Array, EncryptionFailure, RegExp][] = [
      [
        'records 2 and 3 swapped',
        cat(head, r[0], r[2], r[1], r[3], r[4]),
        'damaged',
        /part 2 is changed, missing or out of order/,
      ],
      ['record 2 dropped', cat(head, r[0], r[2], r[3], r[4]), 'damaged', /part 2/],
      ['record 1 repeated', cat(head, r[0], r[0], r[1], r[2], r[3], r[4]), 'damaged', /part 2/],
      [
        'the last record dropped (cut at a record boundary)',
        cat(head, r[0], r[1], r[2], r[3]),
        'truncated',
        /ends after part 4: the parts after it are missing/,
      ],
      [
        'cut inside a record',
        file.subarray(0, records[2][0] + 30),
        'damaged',
        /ends inside part 3, or that part is changed/,
      ],
      ['cut after the header', head, 'truncated', /ends before its content/],
      ['cut inside the header', file.subarray(0, headerEnd - 5), 'truncated', /ends inside its header/],
      ['a record appended', cat(file, r[1]), 'damaged', /added after its end|part 5/],
      [
        'bytes appended to a short last record',
        cat(file, new Uint8Array([1, 2, 3])),
        'damaged',
        /part 5, or that part is changed/,
      ],
      ['a bit flipped in record 3', flipped(records[2][0] + 40), 'damaged', /part 3/],
      ['a bit flipped in a nonce', flipped(records[1][0] + 3), 'damaged', /part 2/],
      ['a bit flipped in the last tag', flipped(file.length - 1), 'damaged', /part 5/],
      // The chunk size is in the header, which every record authenticates (the key check does not cover it).
      [
        'the header changed',
        new Uint8Array(
          Buffer.from(Buffer.from(file).toString('latin1').replace('"chunkBytes":64', '"chunkBytes":65'), 'latin1'),
        ),
        'damaged',
        /part 1/,
      ],
    ];
    for (const [what, bad, failure, message] of cases) {
      const error = await failureOf(bad);
      expect({ what, failure: error.failure }).toEqual({ what, failure });
      expect(error.message, what).toMatch(message);
    }
    // The untouched file still opens.
    expect(await decryptBytes(file, { passphrase, crypto })).toEqual(plain);
    // A file whose last record is full: bytes after it are named as such.
    const even = await encryptBytes(new Uint8Array(randomBytes(chunkBytes * 2)), { passphrase, crypto, chunkBytes });
    expect(await failureOf(cat(even, new Uint8Array(40)))).toMatchObject({
      failure: 'damaged',
      message: expect.stringMatching(/something added after its end/),
    });
  });
});

describe('encrypted backup files', () => {
  const options = { sha256, currentSchemaVersion: 3 };
  const encodeOptions = { madeAt: '2026-11-22T14:30:00.000Z', schemaVersion: 3, sha256 };

  it('an empty desk: gzip, then encrypt; decrypt, then the usual reader', async () => {
    const plain = await encodeBackup(EMPTY, encodeOptions);
    const file = await lockBackupFile(plain, passphrase, crypto);
    expect(isEncryptedBackup(file)).toBe(true);
    expect(readEncryptionHeader(file).kdf.iterations).toBeGreaterThanOrEqual(600_000);
    const decoded = await decodeBackup(await unlockBackupFile(file, passphrase, crypto), options);
    expect(decoded.content).toEqual(EMPTY);
    // Without a passphrase the file is recognised and the passphrase asked for; a plain file passes through as it is.
    await expect(unlockBackupFile(file, undefined, crypto)).rejects.toMatchObject({ kind: 'needs-passphrase' });
    expect(await unlockBackupFile(plain, undefined, crypto)).toBe(plain);
    expect(await lockBackupFile(plain, undefined, crypto)).toBe(plain);
  });

  it('a desk of several megabytes spans several 1 MiB records and comes back whole; a wrong passphrase is named', async () => {
    const letter = new Uint8Array(randomBytes(2.2 * 1024 * 1024));
    const content: BackupContent = {
      ...EMPTY,
      cases: [
        {
          id: 'c1',
          reference: 'RDR-2026-000001',
          receivedOn: '2026-11-18',
          channel: 'letter',
          customer: { name: 'Ada Lovelace' },
          category: 'billing',
          summary: 'Charged twice',
          procedureId: 'ofcom',
          calendar: 'england-and-wales',
          stage: '',
          status: 'open',
          createdAt: '2026-11-18T10:00:00.000Z',
          updatedAt: '2026-11-18T10:00:00.000Z',
        },
      ],
      letters: [
        {
          id: 'l1',
          caseId: 'c1',
          kind: 'acknowledgement',
          fileName: 'a.pdf',
          issuedOn: '2026-11-18',
          issuedAt: '2026-11-18T10:01:00.000Z',
          sha256: await sha256(letter),
          bytes: letter,
        },
      ],
    };
    const file = await lockBackupFile(await encodeBackup(content, encodeOptions), passphrase, crypto);
    expect(layout(file, DEFAULT_ENCRYPTION_CHUNK_BYTES).records.length).toBeGreaterThanOrEqual(3);
    const decoded = await decodeBackup(await unlockBackupFile(file, passphrase, crypto), options);
    expect(decoded.content.letters[0].bytes).toEqual(letter);
    const wrong = await unlockBackupFile(file, 'not the passphrase at all', crypto).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(BackupFileError);
    expect(wrong).toMatchObject({
      kind: 'wrong-passphrase',
      message: expect.stringMatching(/^The passphrase is not right.*Nothing was restored\.$/),
    });
  });
});
