import { crc32 as nodeCrc32, gunzipSync as nodeGunzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';
import { customer } from '#test/support/cases';
import { deskSettings } from '#test/support/desk';
import {
  BACKUP_FORMAT_VERSION,
  type BackupContent,
  BackupFileError,
  decodeBackup,
  encodeBackup,
  fromBase64,
  toBase64,
} from './format';
import { crc32 } from './gzip';
import { sha256Hex } from '#test/support/backup-content';

const sha256 = sha256Hex;
const pdf = strToU8('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n\u00ff');

function sampleContent(): BackupContent {
  return {
    cases: [
      {
        id: 'c1',
        reference: 'RDR-2026-000001',
        receivedOn: '2026-11-18',
        channel: 'letter',
        customer: customer(),
        category: 'billing',
        summary: 'Charged twice\nfor October',
        procedureId: 'ofcom',
        calendar: 'england-and-wales',
        stage: '',
        status: 'open',
        assignee: 'Sam Patel',
        createdAt: '2026-11-18T10:00:00.000Z',
        updatedAt: '2026-11-18T10:00:00.000Z',
      },
    ],
    events: [
      {
        id: 'e1',
        caseId: 'c1',
        type: 'received',
        on: '2026-11-18',
        at: '2026-11-18T10:00:00.000Z',
        by: 'Sam Patel',
        summary: 'Received',
      },
      {
        id: 'e2',
        caseId: 'c1',
        type: 'letter-issued',
        on: '2026-11-18',
        at: '2026-11-18T10:01:00.000Z',
        by: 'Sam Patel',
        summary: 'Letter',
        data: { letterId: 'l1' },
      },
    ],
    counters: [{ key: 'RDR-2026', last: 1 }],
    settings: [
      {
        key: 'desk',
        value: deskSettings({ company: { name: 'Acme', addressLines: ['1 High St'], postcode: 'LS1 1AA' } }),
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
        sha256: '',
        bytes: pdf,
      },
    ],
    people: [{ id: 'p1', name: 'Sam Patel', active: true }],
    notified: [{ id: 'digest:2026-11-18', at: '2026-11-18T08:00:00.000Z' }],
    audit: [
      {
        id: 'a1',
        at: '2026-11-18T08:00:00.000Z',
        kind: 'import',
        by: 'Sam Patel',
        summary: '1 case imported',
        detail: { count: 1 },
      },
    ],
    meta: [{ key: 'retention.lastRun', value: { on: '2026-11-01' } }],
    attachments: [],
    providers: [],
    procedures: [],
  };
}

async function sample(): Promise<BackupContent> {
  const content = sampleContent();
  content.letters[0].sha256 = await sha256(pdf);
  return content;
}

const options = { sha256, currentSchemaVersion: 3 };
const encodeOptions = {
  madeAt: '2026-11-22T14:30:00.000Z',
  schemaVersion: 3,
  app: 'Redress 0.1.0',
  deskPrefix: 'RDR',
  sha256,
};

/** The lines of a plain format-2 file: the header, one line per chunk of rows, the seal. */
function linesOf(file: Uint8Array): string[] {
  return strFromU8(gunzipSync(file)).split('\n').slice(0, -1);
}

/**
 * The same backup written as format 1 (what older Redress made): the header (formatVersion 1), the content as one
 * JSON object, and the format-1 seal, so the tests below prove that older files are still read and checked.
 */
async function lines(file: Uint8Array): Promise<[string, string, string]> {
  const all = linesOf(file);
  // Format 1 had no attachments (they came with format 3).
  const header = all[0]
    .replace(`"formatVersion":${BACKUP_FORMAT_VERSION}`, '"formatVersion":1')
    .replace(',"attachments":0', '');
  const tables: Record<string, unknown[]> = {};
  for (const line of all.slice(1, -1)) {
    const { table, rows } = JSON.parse(line) as { table: string; rows: unknown[] };
    if (table !== 'attachments') (tables[table] ??= []).push(...rows);
  }
  const content = JSON.stringify(tables);
  const sealed = `${header}\n${content}\n`;
  return [header, content, JSON.stringify({ sha256: await sha256(strToU8(sealed)) })];
}

/** A format-2 file from its lines (header and content lines), sealed with a correct checksum. */
async function resealed2(lines2: string[]): Promise<Uint8Array> {
  let hashes = '';
  for (const line of lines2) hashes += `${await sha256(strToU8(`${line}\n`))}\n`;
  return gzipSync(strToU8(`${lines2.join('\n')}\n${JSON.stringify({ sha256: await sha256(strToU8(hashes)) })}\n`));
}

/** A file with edited lines, sealed again with a correct checksum (a deliberate edit, not damage). */
async function resealed(header: string, content: string): Promise<Uint8Array> {
  const sealed = `${header}\n${content}\n`;
  return gzipSync(strToU8(`${sealed}${JSON.stringify({ sha256: await sha256(strToU8(sealed)) })}\n`));
}

async function refusal(file: Uint8Array): Promise<BackupFileError> {
  try {
    await decodeBackup(file, options);
  } catch (error) {
    if (error instanceof BackupFileError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('backup format', () => {
  it('round-trips every table, the letters byte for byte', async () => {
    const content = await sample();
    const file = await encodeBackup(content, encodeOptions);
    expect([...file.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    // A real gzip: Node's zlib reads it.
    expect(strFromU8(nodeGunzip(file)).startsWith('{"format":"redress-backup","formatVersion":3,')).toBe(true);
    const decoded = await decodeBackup(file, options);
    expect(decoded.content).toEqual(content);
    expect(decoded.content.letters[0].bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(decoded.content.letters[0].bytes).equals(Buffer.from(pdf))).toBe(true);
    expect(decoded.header).toMatchObject({
      formatVersion: BACKUP_FORMAT_VERSION,
      schemaVersion: 3,
      madeAt: encodeOptions.madeAt,
      deskPrefix: 'RDR',
    });
    expect(decoded.header.counts).toEqual({
      cases: 1,
      events: 2,
      counters: 1,
      settings: 1,
      letters: 1,
      people: 1,
      notified: 1,
      audit: 1,
      meta: 1,
      attachments: 0,
      providers: 0,
      procedures: 0,
    });
  });

  it('makes the same file from the same content (no timestamp in the gzip header)', async () => {
    const content = await sample();
    expect(
      Buffer.from(await encodeBackup(content, encodeOptions)).equals(
        Buffer.from(await encodeBackup(content, encodeOptions)),
      ),
    ).toBe(true);
  });

  it('reads an uncompressed copy too', async () => {
    const content = await sample();
    const plain = await encodeBackup(content, { ...encodeOptions, compress: false });
    expect((await decodeBackup(plain, options)).content).toEqual(content);
  });

  it('keeps fields it does not know', async () => {
    const content = await sample();
    (content.cases[0] as unknown as Record<string, unknown>).futureField = { a: 1 };
    const decoded = await decodeBackup(await encodeBackup(content, encodeOptions), options);
    expect((decoded.content.cases[0] as unknown as Record<string, unknown>).futureField).toEqual({ a: 1 });
  });

  it('refuses files that are not backups', async () => {
    expect((await refusal(new Uint8Array())).message).toMatch(/not a Redress backup file \(the file is empty\)/);
    expect((await refusal(pdf)).kind).toBe('not-a-backup');
    expect((await refusal(gzipSync(strToU8('hello\nworld\n')))).kind).toBe('not-a-backup');
    expect((await refusal(gzipSync(strToU8('{"format":"something-else"}\n{}\n{}\n')))).kind).toBe('not-a-backup');
  });

  it('says a truncated file is truncated', async () => {
    const file = await encodeBackup(await sample(), encodeOptions);
    for (const keep of [5, 30, Math.floor(file.length / 2), file.length - 40]) {
      const error = await refusal(file.subarray(0, keep));
      expect(error.kind, `kept ${keep} bytes`).toBe('truncated');
      expect(error.message).toMatch(/^The backup file is truncated/);
    }
    // A larger file (a letter of 20 KB) cut at many points: always "truncated" (fflate's stream alone misses some).
    const big = await sample();
    big.letters[0].bytes = new Uint8Array(20_000).map((_, i) => (i * 7919) % 251);
    big.letters[0].sha256 = await sha256(big.letters[0].bytes);
    const bigFile = await encodeBackup(big, encodeOptions);
    for (let keep = 20; keep < bigFile.length - 30; keep += Math.floor(bigFile.length / 25)) {
      expect((await refusal(bigFile.subarray(0, keep))).kind, `big file, kept ${keep} of ${bigFile.length}`).toBe(
        'truncated',
      );
    }
    // Letters are PDFs: compressed, so their base64 hardly deflates. Cut such a file anywhere: still "truncated" (the
    // one-shot check once sized its output from the last four bytes, which in a cut file are not a length).
    const pdfLike = await sample();
    let seed = 20261202;
    pdfLike.letters[0].bytes = new Uint8Array(60_000).map(
      () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24) & 0xff,
    );
    pdfLike.letters[0].sha256 = await sha256(pdfLike.letters[0].bytes);
    const pdfLikeFile = await encodeBackup(pdfLike, encodeOptions);
    for (let keep = 20; keep < pdfLikeFile.length - 30; keep += Math.floor(pdfLikeFile.length / 40)) {
      expect((await refusal(pdfLikeFile.subarray(0, keep))).kind, `kept ${keep} of ${pdfLikeFile.length}`).toBe(
        'truncated',
      );
    }
    const plain = await encodeBackup(await sample(), { ...encodeOptions, compress: false });
    for (const keep of [40, Math.floor(plain.length / 2), plain.length - 3]) {
      expect((await refusal(plain.subarray(0, keep))).kind, `plain, kept ${keep}`).toBe('truncated');
    }
  });

  it('notices a flipped bit in the gzip trailer (fflate does not)', async () => {
    const file = await encodeBackup(await sample(), encodeOptions);
    for (const offset of [8, 6, 3, 1]) {
      const copy = file.slice();
      copy[copy.length - offset] ^= 0x10;
      expect((await refusal(copy)).kind).toBe('damaged');
    }
  });

  it('refuses an edited file whose checksum was not recomputed', async () => {
    const file = await encodeBackup(await sample(), encodeOptions);
    const [header, content, seal] = await lines(file);
    const edited = gzipSync(strToU8(`${header}\n${content.replace('Charged twice', 'Charged once')}\n${seal}\n`));
    const error = await refusal(edited);
    expect(error.kind).toBe('checksum');
    expect(error.message).toMatch(/checksum does not match: the file was changed after it was made/);
    // An edited header is sealed too.
    const editedHeader = gzipSync(
      strToU8(`${header.replace('2026-11-22T14:30', '2026-11-21T14:30')}\n${content}\n${seal}\n`),
    );
    expect((await refusal(editedHeader)).kind).toBe('checksum');
  });

  it('says where an edited, resealed file is wrong', async () => {
    const [header, content] = await lines(await encodeBackup(await sample(), encodeOptions));
    const error = await refusal(
      await resealed(header, content.replace('"receivedOn":"2026-11-18"', '"receivedOn":"2026-02-30"')),
    );
    expect(error.kind).toBe('invalid');
    expect(error.problems).toEqual(['cases[0].receivedOn: not a date (YYYY-MM-DD)']);
    expect(error.message).toContain('cases[0].receivedOn: not a date');

    const types = await refusal(
      await resealed(
        header,
        content.replace('"last":1', '"last":"1"').replace('"channel":"letter"', '"channel":"fax"'),
      ),
    );
    expect(types.problems).toEqual([
      'cases[0].channel: must be one of phone, email, web, letter, in-person, chat',
      'counters[0].last: must be a number',
    ]);

    const missing = await refusal(await resealed(header, content.replace(/,"meta":\[.*\]\}$/, '}')));
    expect(missing.problems).toEqual(['meta: missing']);

    const dangling = await refusal(
      await resealed(header, content.replace('"caseId":"c1","type":"received"', '"caseId":"c9","type":"received"')),
    );
    expect(dangling.problems).toEqual(['events[0].caseId: no case with id c9 in the file']);
  });

  it('refuses duplicate ids and references', async () => {
    const content = await sample();
    content.events[1].id = 'e1';
    content.cases.push({ ...content.cases[0], id: 'c2' });
    const error = await refusal(await encodeBackup(content, encodeOptions));
    expect(error.problems).toEqual([
      'cases[1].reference: the same reference as cases[0] (RDR-2026-000001)',
      'events[1].id: the same id as events[0] (e1)',
    ]);
  });

  it('refuses a letter whose bytes no longer match its checksum', async () => {
    const content = await sample();
    content.letters[0].bytes = strToU8('%PDF-1.7 something else');
    expect((await refusal(await encodeBackup(content, encodeOptions))).problems).toEqual([
      "letters[0].bytes: do not match the letter's SHA-256",
    ]);
  });

  it('refuses counts that disagree with the content', async () => {
    const [header, content] = await lines(await encodeBackup(await sample(), encodeOptions));
    const error = await refusal(await resealed(header.replace('"cases":1', '"cases":2'), content));
    expect(error.problems).toEqual(['counts.cases: the header says 2 but the file holds 1']);
  });

  it('refuses a file from a newer Redress, naming the version', async () => {
    const [header, content] = await lines(await encodeBackup(await sample(), encodeOptions));
    const newerFormat = await refusal(
      await resealed(header.replace('"formatVersion":1', '"formatVersion":4'), content),
    );
    expect(newerFormat.kind).toBe('newer');
    expect(newerFormat.message).toContain('made by a newer Redress (backup format 4');
    const newerDb = await refusal(await resealed(header.replace('"schemaVersion":3', '"schemaVersion":4'), content));
    expect(newerDb.message).toContain('newer Redress (database version 4; this Redress has version 3)');
  });

  it('accepts a file from an older database version without the tables added later', async () => {
    const [header, content] = await lines(await encodeBackup(await sample(), encodeOptions));
    const v2 = content.replace(/,"audit":.*\}$/, '}');
    const decoded = await decodeBackup(
      await resealed(header.replace('"schemaVersion":3', '"schemaVersion":2').replace(/,"audit":1,"meta":1/, ''), v2),
      options,
    );
    expect(decoded.content.audit).toEqual([]);
    expect(decoded.content.meta).toEqual([]);
    expect(decoded.content.cases).toHaveLength(1);
  });

  it('writes format 2 in chunks of rows, one line each, every table present, sealed over the lines', async () => {
    const content = await sample();
    content.cases = Array.from({ length: 4500 }, (_, i) => ({
      ...content.cases[0],
      id: `c${i + 1}`,
      reference: `RDR-2026-${String(i + 1).padStart(6, '0')}`,
    }));
    content.events = content.events.map((e) => ({ ...e, caseId: 'c1' }));
    content.meta = [];
    const file = await encodeBackup(content, encodeOptions);
    const all = linesOf(file);
    const chunks = all.slice(1, -1).map((l) => JSON.parse(l) as { table: string; rows: unknown[] });
    expect(chunks.filter((c) => c.table === 'cases').map((c) => c.rows.length)).toEqual([2000, 2000, 500]);
    expect(chunks.find((c) => c.table === 'meta')).toEqual({ table: 'meta', rows: [] });
    expect((await decodeBackup(file, options)).content).toEqual(content);

    // A row in the third chunk is named by its place in the whole table.
    const bad = all.slice(0, -1);
    const third = bad.findIndex((l, i) => i > 0 && l.startsWith('{"table":"cases"')) + 2;
    bad[third] = bad[third].replace('"receivedOn":"2026-11-18"', '"receivedOn":"2026-13-01"');
    expect((await refusal(await resealed2(bad))).problems).toEqual(['cases[4000].receivedOn: not a date (YYYY-MM-DD)']);
    // A chunk changed but not resealed; a table left out; a newer format.
    const stale = gzipSync(strToU8(`${[...bad, all[all.length - 1]].join('\n')}\n`));
    expect((await refusal(stale)).kind).toBe('checksum');
    const noMeta = all.slice(0, -1).filter((l) => !l.startsWith('{"table":"meta"'));
    expect((await refusal(await resealed2(noMeta))).problems).toEqual(['meta: missing']);
    const newer = all.slice(0, -1);
    newer[0] = newer[0].replace('"formatVersion":3', '"formatVersion":4');
    expect((await refusal(await resealed2(newer))).kind).toBe('newer');
    const unknownTable = [...all.slice(0, -1), '{"table":"secrets","rows":[]}'];
    expect((await refusal(await resealed2(unknownTable))).problems).toEqual(['secrets: not a table Redress knows']);
  });

  it('lists at most 20 problems and says how many more', async () => {
    const content = await sample();
    for (let i = 0; i < 30; i++) content.events.push({ ...content.events[0], id: `x${i}`, caseId: 'nobody' });
    const error = await refusal(await encodeBackup(content, encodeOptions));
    expect(error.problems).toHaveLength(21);
    expect(error.problems[20]).toBe('…and 10 more problems');
    expect(error.message).toMatch(
      /^The backup file is not valid, so nothing was restored\. 30 problems: events\[2\]\.caseId/,
    );
  });
});

describe('helpers', () => {
  it('crc32 agrees with zlib', () => {
    for (const s of ['', 'a', 'hello world', '\u00ff'.repeat(1000)])
      expect(crc32(strToU8(s))).toBe(nodeCrc32(strToU8(s)));
  });
  it('base64 agrees with Buffer and refuses non-base64', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(fromBase64(Buffer.from(bytes).toString('base64'))).toEqual(bytes);
    for (const bad of ['abc', 'ab c', 'ab==cd==', '****', 'A===', '=AAA', 'AA=A', 'AAAA\n'])
      expect(() => fromBase64(bad), bad).toThrow();
    for (const [good, length] of [
      ['', 0],
      ['AA==', 1],
      ['AAA=', 2],
      ['AAAA', 3],
    ] as const)
      expect(fromBase64(good)).toHaveLength(length);
  });
  it('base64 reads a file as large as a case may hold (25 MB), as a file from the team or a letter in a backup is', () => {
    // The regular expression the check used ran out of stack from about 4 MB (explore34c #1).
    const bytes = new Uint8Array(25 * 1024 * 1024).map((_, i) => (i * 31) % 251);
    const text = Buffer.from(bytes).toString('base64');
    // Compared as one buffer: an element-by-element deep equality of 25 MB took over 30 s on a loaded machine.
    expect(Buffer.compare(Buffer.from(fromBase64(text)), Buffer.from(bytes))).toBe(0);
    expect(() => fromBase64(`${text.slice(0, -4)}*AAA`)).toThrow('not base64');
  });
});
