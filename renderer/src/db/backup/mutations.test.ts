// Proof: 1,000 damaged, truncated, hand-edited or foreign backup files, each refused with a reason, and the database
// exactly as it was after every one of them (compared with a snapshot of every table). Then the hand-edited files a
// stranger would make (issue #12): values nested 10,000 deep, an over-long line, decompression bombs, each refused
// with the database unchanged; and audit rows naming open cases, which a restore takes as records, never instructions.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { gunzipSync, gzipSync, strFromU8, strToU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROWS_MEMBER } from '#shared/backup/archive';
import { BackupFileError, MAX_BACKUP_LINE_BYTES } from '#shared/backup/format';
import {
  makeBackup,
  previewAnonymisation,
  readBackupFile,
  restoreBackup,
  RestoreError,
  type RestoreMode,
} from './backup';
import { reapplyAnonymisation } from '#db/repositories/retention';
import { DB_VERSION, type RedressDatabase } from '../schema';
import { closeAll, freshDatabase, seedDesk, snapshot } from '#test/support/backup';
import { gzipRepeated } from '#test/support/bombs';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let target: RedressDatabase;
let before: Record<string, unknown[]>;
let original: Uint8Array;
let plain: string;
let header: Record<string, unknown>;
let content: Record<string, Record<string, unknown>[]>;

beforeAll(async () => {
  const source = freshDatabase('mutations-source');
  await seedDesk(source, 25, { seed: 11, letterEvery: 5 });
  const made = await makeBackup(source, { clock: { now: () => new Date('2026-11-22T14:30:00.000Z') } });
  // The desk has no attachments: its rows (the archive's rows member, the format-2 layout) are the whole backup.
  original = unzipSync(new Uint8Array(await made.file.arrayBuffer()))[ROWS_MEMBER];
  plain = strFromU8(gunzipSync(original));
  // Format 2: the header, one line per chunk of rows, the seal.
  const all = plain.split('\n').slice(0, -1);
  header = JSON.parse(all[0]);
  content = {};
  for (const line of all.slice(1, -1)) {
    const { table, rows } = JSON.parse(line) as { table: string; rows: Record<string, unknown>[] };
    (content[table] ??= []).push(...rows);
  }
  // The database the files are restored into: a different desk with its own cases.
  target = freshDatabase('mutations-target');
  await seedDesk(target, 8, { seed: 12, prefix: 'OLD', letterEvery: 4 });
  before = await snapshot(target);
});
afterAll(closeAll);

/** The lines of a format-2 file: the header, then each table's rows (one line per table; a table left out has none). */
function linesOf(h: unknown, c: unknown): string[] {
  const tables = Object.entries(c as Record<string, unknown>).map(([table, rows]) =>
    JSON.stringify({ table, rows }).replace(`"${DEEP}"`, () => deepText),
  );
  return [JSON.stringify(h), ...tables];
}
/** Sealed again with a correct checksum: what a person editing the file and fixing the checksum would make. */
function resealed(h: unknown, c: unknown): Uint8Array {
  const lines = linesOf(h, c);
  const hashes = lines.map((l) => `${sha256(strToU8(`${l}\n`))}\n`).join('');
  return gzipSync(strToU8(`${lines.join('\n')}\n${JSON.stringify({ sha256: sha256(strToU8(hashes)) })}\n`));
}
/** Edited but with the old checksum left in place. */
function stale(h: unknown, c: unknown): Uint8Array {
  const lines = plain.split('\n');
  const seal = lines[lines.length - 2];
  return gzipSync(strToU8(`${linesOf(h, c).join('\n')}\n${seal}\n`));
}
const clone = <T>(x: T): T => structuredClone(x);
/** Stands for a value nested 2 × depth deep ({"d":[…]}), written into the line as text (JSON.stringify would run out of stack). */
const DEEP = '@@deep@@';
let deepText = '';
const nested = (depth: number) => {
  deepText = `${'{"d":['.repeat(depth)}1${']}'.repeat(depth)}`;
  return DEEP;
};

const TABLES = ['cases', 'events', 'counters', 'settings', 'letters', 'people', 'notified', 'audit', 'meta'] as const;
/** Fields every row of a table must have, and a value of the wrong type for each. */
const REQUIRED: Record<(typeof TABLES)[number], string[]> = {
  cases: [
    'id',
    'reference',
    'receivedOn',
    'channel',
    'customer',
    'category',
    'summary',
    'procedureId',
    'calendar',
    'stage',
    'status',
    'createdAt',
    'updatedAt',
  ],
  events: ['id', 'caseId', 'type', 'on', 'at', 'by', 'summary'],
  counters: ['key', 'last'],
  settings: ['key', 'value'],
  letters: ['id', 'caseId', 'kind', 'fileName', 'issuedOn', 'issuedAt', 'sha256', 'bytes'],
  people: ['id', 'name', 'active'],
  notified: ['id', 'at'],
  audit: ['id', 'at', 'kind', 'by', 'summary'],
  meta: ['key'],
};
const wrongValue = (field: string, pick: number): unknown => {
  const candidates: unknown[] = [null, 42, { x: 1 }, ['a'], true];
  if (field === 'last') candidates.push('7', -1, 1.5);
  if (field === 'active') candidates.push('yes', 1);
  if (['receivedOn', 'on', 'issuedOn'].includes(field))
    candidates.push('2026-02-30', '22/11/2026', '2026-11-22T10:00:00Z');
  if (['createdAt', 'updatedAt', 'at', 'issuedAt'].includes(field)) candidates.push('yesterday', '2026-11-22');
  if (['channel', 'category', 'calendar', 'status', 'type'].includes(field)) candidates.push('fax', '');
  if (['id', 'caseId', 'procedureId'].includes(field)) candidates.push('');
  if (field === 'sha256') candidates.push('abc', 'A'.repeat(64));
  if (field === 'bytes') candidates.push('not base64!', 'abc');
  return candidates[pick % candidates.length];
};

type Mutation = { kind: string; file: () => Uint8Array };

const nonEmptyTable = fc.constantFrom(...TABLES);
const mutations: fc.Arbitrary<Mutation> = fc.oneof(
  // Truncated anywhere.
  fc.nat().map((n) => ({ kind: 'truncated', file: () => original.subarray(0, n % original.length) })),
  // One bit flipped in the compressed data or its trailer, or in the magic and method bytes. (Bytes 3 to 9 of the
  // gzip header are flags, a timestamp and an OS id that no gzip reader checks; they carry none of the data.)
  fc.tuple(fc.nat(), fc.nat({ max: 7 })).map(([n, bit]) => ({
    kind: 'bit flip',
    file: () => {
      const positions = original.length - 7;
      const at = n % positions < 3 ? n % positions : (n % positions) + 7;
      const copy = original.slice();
      copy[at] ^= 1 << bit;
      return copy;
    },
  })),
  // Several bytes overwritten with random values.
  fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { minLength: 2, maxLength: 20 }).map((edits) => ({
    kind: 'random bytes',
    file: () => {
      const copy = original.slice();
      for (const [n, value] of edits)
        copy[10 + (n % (copy.length - 10))] = value === copy[10 + (n % (copy.length - 10))] ? value ^ 0xff : value;
      return copy;
    },
  })),
  // A field of a row given a value of the wrong type or shape, resealed (or not) after the edit.
  fc.tuple(nonEmptyTable, fc.nat(), fc.nat(), fc.nat(), fc.boolean()).map(([table, row, field, pick, reseal]) => ({
    kind: reseal ? 'wrong type (resealed)' : 'wrong type (stale checksum)',
    file: () => {
      const c = clone(content);
      const rows = c[table];
      const name = REQUIRED[table][field % REQUIRED[table].length];
      if (table === 'meta') rows[row % rows.length].key = [null, 42, ''][pick % 3] as never;
      else rows[row % rows.length][name] = wrongValue(name, pick);
      return reseal ? resealed(header, c) : stale(header, c);
    },
  })),
  // A required field removed.
  fc.tuple(nonEmptyTable, fc.nat(), fc.nat()).map(([table, row, field]) => ({
    kind: 'missing field (resealed)',
    file: () => {
      const c = clone(content);
      delete c[table][row % c[table].length][REQUIRED[table][field % REQUIRED[table].length]];
      return resealed(header, c);
    },
  })),
  // A whole table missing, or not a list.
  fc.tuple(fc.constantFrom(...TABLES), fc.boolean()).map(([table, remove]) => ({
    kind: 'missing table (resealed)',
    file: () => {
      const c = clone(content) as Record<string, unknown>;
      if (remove) delete c[table];
      else c[table] = { rows: c[table] };
      return resealed(header, c);
    },
  })),
  // A row duplicated (same id or key).
  fc.tuple(fc.constantFrom(...TABLES), fc.nat()).map(([table, row]) => ({
    kind: 'duplicate id (resealed)',
    file: () => {
      const c = clone(content);
      c[table].push(clone(c[table][row % c[table].length]));
      return resealed(header, c);
    },
  })),
  // Timeline entries or letters pointing at a case that is not in the file.
  fc.tuple(fc.constantFrom('events', 'letters'), fc.nat()).map(([table, row]) => ({
    kind: 'dangling case id (resealed)',
    file: () => {
      const c = clone(content);
      c[table][row % c[table].length].caseId = 'no-such-case';
      return resealed(header, c);
    },
  })),
  // Versions: newer format or database, a different format name, nonsense versions.
  fc
    .tuple(fc.constantFrom('formatVersion', 'schemaVersion', 'format'), fc.integer({ min: -2, max: 99 }))
    .map(([field, value]) => ({
      kind: 'wrong version',
      file: () => {
        const h = clone(header);
        if (field === 'format') h.format = value % 2 ? 'redress-backup-2' : 'something-else';
        else h[field] = value === 3 && field === 'formatVersion' ? 4 : value;
        // Database versions 1 to DB_VERSION (the current one) are valid: make them nonsense instead.
        if (field === 'schemaVersion' && (h.schemaVersion as number) >= 1 && (h.schemaVersion as number) <= DB_VERSION)
          h.schemaVersion = 0;
        return resealed(h, content);
      },
    })),
  // Header counts edited.
  fc.tuple(fc.constantFrom(...TABLES), fc.integer({ min: 1, max: 1000 })).map(([table, delta]) => ({
    kind: 'wrong count (resealed)',
    file: () => {
      const h = clone(header) as { counts: Record<string, number> };
      h.counts[table] += delta;
      return resealed(h, content);
    },
  })),
  // Not a backup at all.
  fc.uint8Array({ minLength: 0, maxLength: 2000 }).map((bytes) => ({ kind: 'foreign file', file: () => bytes })),
  // A value nested deeper than any row of Redress's (a field it does not know is otherwise kept), resealed.
  fc.tuple(fc.constantFrom(...TABLES), fc.nat(), fc.integer({ min: 33, max: 5_000 })).map(([table, row, depth]) => ({
    kind: 'deep nesting (resealed)',
    file: () => {
      const c = clone(content);
      c[table][row % c[table].length].extra = nested(depth);
      return resealed(header, c);
    },
  })),
);

it('refuses 1,000 mutated backup files, each with a reason, and changes nothing', async () => {
  const started = performance.now();
  const kinds = new Map<string, number>();
  const reasons = new Map<string, number>();
  let equivalent = 0;
  const modes: RestoreMode[] = ['merge', 'replace', 'into-empty'];
  let run = 0;
  await fc.assert(
    fc.asyncProperty(mutations, async (mutation) => {
      const file = mutation.file();
      const mode = modes[run++ % modes.length];
      kinds.set(mutation.kind, (kinds.get(mutation.kind) ?? 0) + 1);
      // A flip in deflate's padding bits after the last block changes no data: the same file in effect.
      if (mutation.kind === 'bit flip') {
        let same = false;
        try {
          same = Buffer.from(gunzipSync(file)).equals(Buffer.from(strToU8(plain)));
        } catch {
          same = false;
        }
        if (same) {
          equivalent += 1;
          return;
        }
      }
      let refusal: unknown = null;
      try {
        const decoded = await readBackupFile(target, file);
        await restoreBackup(target, decoded, { mode, by: 'Sam Patel' });
      } catch (error) {
        refusal = error;
      }
      expect(refusal, `${mutation.kind} was accepted`).not.toBeNull();
      expect(refusal instanceof BackupFileError || refusal instanceof RestoreError, String(refusal)).toBe(true);
      const reason = refusal as BackupFileError;
      reasons.set(reason.kind ?? 'restore', (reasons.get(reason.kind ?? 'restore') ?? 0) + 1);
      expect(reason.message.length).toBeGreaterThan(20);
      // A content problem says where it is.
      const placed = /^[a-z]+(\[\d+\])?(\.[A-Za-z0-9]+|\[\d+\])*: /i.test(reason.problems[0] ?? '');
      expect(reason.kind !== 'invalid' || placed, `a content problem without its place: ${reason.problems[0]}`).toBe(
        true,
      );
      expect(await snapshot(target)).toEqual(before);
    }),
    { numRuns: 1000, seed: 20261122, endOnFailure: true },
  );
  const seconds = (performance.now() - started) / 1000;
  console.info(
    `1,000 mutated backups in ${seconds.toFixed(1)} s; mutations: ${JSON.stringify(Object.fromEntries(kinds))}; refused as: ${JSON.stringify(Object.fromEntries(reasons))}; bit flips with no effect on the data: ${equivalent}`,
  );
  expect(run).toBe(1000);
  // Every kind of mutation was tried many times.
  for (const count of kinds.values()) expect(count).toBeGreaterThan(30);
}, 300_000);

/** The refusal of `file` (read, then restored in `mode`), with the database checked unchanged. */
async function refusedUnchanged(
  file: Uint8Array,
  mode: RestoreMode = 'merge',
): Promise<BackupFileError | RestoreError> {
  let refusal: unknown = null;
  try {
    await restoreBackup(target, await readBackupFile(target, file), { mode, by: 'Sam Patel' });
  } catch (error) {
    refusal = error;
  }
  expect(refusal instanceof BackupFileError || refusal instanceof RestoreError, String(refusal)).toBe(true);
  expect(await snapshot(target)).toEqual(before);
  return refusal as BackupFileError | RestoreError;
}

it('refuses values nested 10,000 deep (which once passed the check and failed the restore), changing nothing', async () => {
  for (const mode of ['merge', 'replace'] as const) {
    const c = clone(content);
    c.meta[0].value = nested(5_000);
    const refusal = await refusedUnchanged(resealed(header, c), mode);
    expect(refusal).toMatchObject({ kind: 'too-large' });
    expect(refusal.message).toMatch(/nests values more than 64 deep/);
  }
});

it(`refuses a line longer than ${MAX_BACKUP_LINE_BYTES / 1024 / 1024} MB (one over-long row), resealed, changing nothing`, async () => {
  const c = clone(content);
  c.meta[0].value = 'x'.repeat(MAX_BACKUP_LINE_BYTES + 1);
  const refusal = await refusedUnchanged(resealed(header, c));
  expect(refusal).toMatchObject({ kind: 'too-large' });
  expect(refusal.message).toMatch(/line \d+ is longer than 32 MB/);
}, 60_000);

it('refuses decompression bombs (rows with a wrong seal; one endless line) quickly, in little memory, changing nothing', async () => {
  const row = JSON.stringify({ id: 'digest:2026-11-19', at: '2026-11-19T08:00:00.000Z' });
  const rows = strToU8(`${JSON.stringify({ table: 'notified', rows: Array(20_000).fill(JSON.parse(row)) })}\n`);
  const headLine = strToU8(`${JSON.stringify(header)}\n`);
  const bombs = [
    gzipRepeated(headLine, rows, 200, strToU8(`${JSON.stringify({ sha256: 'f'.repeat(64) })}\n`)),
    gzipRepeated(headLine, strToU8('{'.repeat(1024 * 1024)), 64, strToU8('\n')),
  ];
  for (const bomb of bombs) {
    const peakBefore = process.resourceUsage().maxRSS / 1024;
    const started = performance.now();
    const refusal = await refusedUnchanged(bomb);
    const seconds = (performance.now() - started) / 1000;
    const growth = process.resourceUsage().maxRSS / 1024 - peakBefore;
    console.info(
      `bomb of ${(bomb.length / 1024).toFixed(0)} KB refused as ${(refusal as BackupFileError).kind} in ${seconds.toFixed(1)} s, peak memory +${growth.toFixed(0)} MB`,
    );
    expect(['checksum', 'too-large']).toContain((refusal as BackupFileError).kind);
    // A memory bound, generous for a loaded machine. No time bound: speed is for benchmarks (the time is logged).
    expect(growth).toBeLessThan(400);
  }
}, 120_000);

it('takes audit rows naming open cases as records, never instructions: restored, nothing anonymised', async () => {
  const database = freshDatabase('mutations-audit');
  await seedDesk(database, 8, { seed: 12, prefix: 'OLD', letterEvery: 4 });
  const casesHere = await database.cases.toArray();
  const c = clone(content);
  const everyCase = [...casesHere.map((x) => x.id), ...c.cases.map((x) => x.id as string)];
  const open = [...casesHere, ...(c.cases as unknown as typeof casesHere)].filter((x) => x.status === 'open');
  expect(open.length).toBeGreaterThan(0);
  c.audit.push(
    {
      id: 'forged-erasure',
      at: '2026-11-21T10:00:00.000Z',
      kind: 'erasure',
      by: 'Someone',
      summary: 'erased',
      detail: { caseIds: everyCase },
    },
    {
      id: 'forged-run',
      at: '2026-11-21T10:00:00.000Z',
      kind: 'retention-run',
      by: 'Someone',
      summary: 'run',
      detail: { caseIds: everyCase },
    },
  );
  const h = clone(header) as { counts: Record<string, number> };
  h.counts.audit += 2;
  const decoded = await readBackupFile(database, resealed(h, c));
  expect(await previewAnonymisation(database, decoded.content.cases)).toEqual({ merge: [], replace: [], open: [] });
  const report = await restoreBackup(database, decoded, { mode: 'merge', by: 'Sam Patel' });
  expect(report.anonymisedAgain).toEqual({ references: [], lettersDeleted: 0, stillOpen: [] });
  // And at the next start.
  expect((await reapplyAnonymisation(database, { today: '2026-11-22', by: 'Redress' })).caseIds).toEqual([]);
  const after = await database.cases.toArray();
  expect(after.filter((x) => x.anonymisedOn)).toEqual([]);
  for (const x of casesHere) expect(after.find((y) => y.id === x.id)).toEqual(x);
  // The rows themselves are kept, as records.
  expect(await database.audit.get('forged-erasure')).toBeDefined();
});

// Row checks owned by the schema (shared/backup/format.ts's row schemas, another change of issue #12): a reference
// counter of Number.MAX_SAFE_INTEGER and references that are not references (`open`, trailing spaces, `../../x`) are
// refused there, with their own tests (the counter bound and the reference pattern in format.test.ts). A backup file
// holding either is refused, with the problem named: test/unit/stored-rows.test.ts, "a counter at
// Number.MAX_SAFE_INTEGER is refused by the backup check and by the database…" and "references that are not
// references (…) are refused". The ZIP a reference reaches is safe whatever it holds:
// shared/exports/subject-access.test.ts.
