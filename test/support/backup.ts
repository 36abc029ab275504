// Shared by the backup tests: a whole-database snapshot to compare, and a desk to back up.
import { type AttachmentDbRow, type LetterRow, rebuildCaseIndex, RedressDatabase } from '#db/schema';
import { sha256Hex } from '#db/repositories/cases';
import { generateCases, rng } from '#test/fixtures/generate-cases';
import { deskSettings } from './desk';
import { recordEntries } from '#db/timeline';

export const ALL_TABLES = [
  'cases',
  'timelines',
  'counters',
  'settings',
  'letters',
  'caseIndex',
  'reportRows',
  'people',
  'notified',
  'audit',
  'meta',
  'attachments',
] as const;

/** Every table's rows in primary-key order: two databases with equal snapshots hold the same data. */
export async function snapshot(database: RedressDatabase): Promise<Record<string, unknown[]>> {
  return database.transaction(
    'r',
    ALL_TABLES.map((t) => database.table(t)),
    async () => {
      const out: Record<string, unknown[]> = {};
      for (const t of ALL_TABLES) out[t] = await database.table(t).toCollection().toArray();
      return out;
    },
  );
}

export const DESK = deskSettings();

let n = 0;
const opened: RedressDatabase[] = [];
export function freshDatabase(label = 'backup'): RedressDatabase {
  n += 1;
  const database = new RedressDatabase(`redress-${label}-${process.pid}-${n}-${Date.now()}`);
  opened.push(database);
  return database;
}
export async function closeAll(): Promise<void> {
  for (const d of opened.splice(0)) {
    d.close();
    await d.delete().catch(() => undefined);
  }
}

/**
 * A desk with `count` generated cases and their timelines, one letter for every `letterEvery`-th case (random bytes
 * that start like a PDF), people, reminders shown, an audit row and a meta row, and the case index built.
 */
export async function seedDesk(
  database: RedressDatabase,
  count: number,
  options: { seed?: number; letterEvery?: number; prefix?: string } = {},
): Promise<void> {
  const random = rng(options.seed ?? 7);
  const generated = generateCases(count, {
    today: '2026-11-20',
    seed: options.seed ?? 20260408,
    prefix: options.prefix,
  });
  const letters: LetterRow[] = [];
  for (let i = 0; i < generated.length; i += options.letterEvery ?? 50) {
    const { record } = generated[i];
    const bytes = new Uint8Array(2000 + Math.floor(random() * 4000)).map(() => Math.floor(random() * 256));
    bytes.set([0x25, 0x50, 0x44, 0x46, 0x2d], 0);
    letters.push({
      id: `letter-${i}`,
      caseId: record.id,
      kind: 'acknowledgement',
      fileName: `${record.reference}-acknowledgement.pdf`,
      issuedOn: record.receivedOn,
      issuedAt: `${record.receivedOn}T12:00:00.000Z`,
      sha256: await sha256Hex(bytes),
      bytes,
    });
  }
  const counters = new Map<string, number>();
  for (const { record } of generated) {
    const [prefix, year, seq] = record.reference.split('-');
    const key = `${prefix}-${year}`;
    counters.set(key, Math.max(counters.get(key) ?? 0, Number(seq)));
  }
  await database.transaction(
    'rw',
    ALL_TABLES.map((t) => database.table(t)),
    async (tx) => {
      await database.settings.put({ key: 'desk', value: DESK });
      await database.cases.bulkAdd(generated.map((g) => g.record));
      await recordEntries(
        database,
        generated.flatMap((g) => g.events),
      );
      await database.letters.bulkAdd(letters);
      await database.counters.bulkAdd([...counters].map(([key, last]) => ({ key, last })));
      await database.people.bulkAdd([
        { id: 'p-sam', name: 'Sam Patel', active: true },
        { id: 'p-jo', name: 'Jo Bloggs', active: false },
      ]);
      await database.notified.bulkAdd([{ id: 'digest:2026-11-19', at: '2026-11-19T08:00:00.000Z' }]);
      await database.audit.add({
        id: 'audit-1',
        at: '2026-11-01T09:00:00.000Z',
        kind: 'retention-run',
        by: 'Sam Patel',
        summary: '0 cases anonymised',
        detail: { count: 0 },
      });
      await database.meta.put({ key: 'retention.lastRun', value: '2026-11-01' });
      await rebuildCaseIndex(tx);
    },
  );
}

/**
 * `count` attachments on the desk's first cases (random bytes of `bytes` each, starting like a PDF), and one removed
 * with its file deleted (a row without bytes). Returns the rows written.
 */
export async function seedAttachments(
  database: RedressDatabase,
  count: number,
  options: { bytes?: number; seed?: number; prefix?: string } = {},
): Promise<AttachmentDbRow[]> {
  const random = rng(options.seed ?? 11);
  const cases = await database.cases
    .orderBy('reference')
    .limit(count + 1)
    .toArray();
  const rows: AttachmentDbRow[] = [];
  for (let i = 0; i < count; i++) {
    const bytes = new Uint8Array(options.bytes ?? 5000).map(() => Math.floor(random() * 256));
    bytes.set([0x25, 0x50, 0x44, 0x46, 0x2d], 0);
    rows.push({
      id: `${options.prefix ?? 'att'}-${i}`,
      caseId: cases[i % cases.length].id,
      fileName: `scan-${i}.pdf`,
      fileType: 'pdf',
      mime: 'application/pdf',
      size: bytes.length,
      sha256: await sha256Hex(bytes),
      kind: 'customer-letter',
      note: `Scanned letter ${i}`,
      addedBy: 'Sam Patel',
      addedAt: '2026-11-19T10:00:00.000Z',
      blob: new Blob([bytes], { type: 'application/pdf' }),
    });
  }
  rows.push({
    id: `${options.prefix ?? 'att'}-erased`,
    caseId: cases[0].id,
    fileName: 'wrong-customer.pdf',
    fileType: 'pdf',
    mime: 'application/pdf',
    size: 1234,
    sha256: 'a'.repeat(64),
    kind: 'other',
    note: '',
    addedBy: 'Sam Patel',
    addedAt: '2026-11-19T10:00:00.000Z',
    deleted: {
      at: '2026-11-19T11:00:00.000Z',
      by: 'Sam Patel',
      reason: 'Another customer’s letter',
      fileDeleted: true,
    },
  });
  await database.attachments.bulkAdd(rows);
  return rows;
}

/** Each attachment's id and the SHA-256 of the bytes the database holds for it (null: no bytes). */
export async function attachmentDigests(database: RedressDatabase): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {};
  for (const row of await database.attachments.toArray())
    out[row.id] = row.blob ? await sha256Hex(new Uint8Array(await row.blob.arrayBuffer())) : null;
  return out;
}
