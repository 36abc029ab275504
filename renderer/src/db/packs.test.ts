import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { deskSettings } from '#test/support/desk';
import { customer, newCaseParts } from '#test/support/cases';
import { appendEvent, createCase, deleteCase } from './repositories/cases';
import { blockOf, keepPacked, readPacked, repack, type PackedTable } from './packs';
import { RedressDatabase, type CaseIndexRow } from './schema';

const settings = deskSettings();
const clock = { now: () => new Date('2026-11-21T10:00:00Z') };
let opened: RedressDatabase[] = [];
let n = 0;
function open() {
  n += 1;
  const database = new RedressDatabase(`packs-test-${process.pid}-${n}`);
  opened.push(database);
  return database;
}
afterEach(() => {
  for (const d of opened) d.close();
  opened = [];
});

const byId = (a: { caseId: string }, b: { caseId: string }) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0);

/** The packed read of a table equals the table's own rows (in any order). */
async function expectPackedEqualsTable(database: RedressDatabase, table: PackedTable) {
  const packed = await readPacked<{ caseId: string }>(database, table);
  expect(packed).not.toBeNull();
  const rows = (await database.table<{ caseId: string }>(table).toArray()).sort(byId);
  expect([...packed!.rows].sort(byId)).toEqual(rows);
  return packed!;
}

async function cases(database: RedressDatabase, count: number) {
  const out = [];
  for (let i = 0; i < count; i++)
    out.push(
      await createCase(database, newCaseParts({ customer: customer({ name: `Customer ${i}` }) }), {
        settings,
        by: 'Sam',
        clock,
      }),
    );
  return out;
}

describe('packed case index and report rows', () => {
  it('a block is the first two characters of the key', () => {
    expect(blockOf('3f2a-…')).toBe('3f');
    expect(blockOf('x')).toBe('x');
  });

  it('is not read as complete until a full packing pass has run; then it gives exactly the rows', async () => {
    const database = open();
    await cases(database, 12);
    expect(await readPacked(database, 'caseIndex')).toBeNull();
    expect(await repack(database, 'caseIndex')).toBeGreaterThan(0);
    await repack(database, 'reportRows');
    const index = await expectPackedEqualsTable(database, 'caseIndex');
    expect(index.stubs).toBe(0);
    expect(index.rows).toHaveLength(12);
    await expectPackedEqualsTable(database, 'reportRows');
  });

  it('a write stubs its block in the same transaction, so a read never sees an old row', async () => {
    const database = open();
    const [first, second] = await cases(database, 6);
    await repack(database, 'caseIndex');
    await repack(database, 'reportRows');
    await appendEvent(database, first.id, { type: 'acknowledged', on: '2026-11-21', by: 'Sam', summary: 'Sent' });
    await deleteCase(database, second.id);
    const [added] = await cases(database, 1);
    const index = await expectPackedEqualsTable(database, 'caseIndex');
    expect(index.stubs).toBeGreaterThan(0);
    expect(index.rows.find((r) => r.caseId === second.id)).toBeUndefined();
    expect(index.rows.find((r) => r.caseId === added.id)).toBeDefined();
    expect((index.rows.find((r) => r.caseId === first.id) as CaseIndexRow).acknowledged).toBe(1);
    await expectPackedEqualsTable(database, 'reportRows');
    // Packing again removes the stubs; the rows are the same.
    await repack(database, 'caseIndex');
    expect((await expectPackedEqualsTable(database, 'caseIndex')).stubs).toBe(0);
  });

  it('a stubbed block keeps nothing of the row it replaced (an erased name is not left in a pack)', async () => {
    const database = open();
    const [record] = await cases(database, 3);
    await repack(database, 'caseIndex');
    const before = await database.packs.get(`caseIndex/${blockOf(record.id)}`);
    expect(before?.json).toContain('Customer 0');
    await deleteCase(database, record.id);
    expect((await database.packs.get(`caseIndex/${blockOf(record.id)}`))?.json ?? null).toBeNull();
    expect(JSON.stringify(await database.packs.toArray())).not.toContain('Customer 0');
  });

  it('a clear takes the mark away (the rows are read as before), and a pass that began before it sets no mark', async () => {
    const database = open();
    await cases(database, 5);
    await repack(database, 'caseIndex');
    await database.caseIndex.clear();
    expect(await readPacked(database, 'caseIndex')).toBeNull();
    expect(await database.packs.where(':id').startsWith('caseIndex/').count()).toBe(0);

    // A pass interrupted by a clear: its blocks are packed, but no mark, since rows it never saw may be missing.
    await cases(database, 4);
    const stop = { stopped: false };
    let cleared = false;
    const original = database.transaction.bind(database);
    (database as unknown as { transaction: unknown }).transaction = (async (...args: unknown[]) => {
      const result = await (original as (...a: unknown[]) => Promise<unknown>)(...args);
      if (!cleared) {
        cleared = true;
        await database.caseIndex.where(':id').above('').delete();
      }
      return result;
    }) as never;
    await repack(database, 'caseIndex', stop);
    (database as unknown as { transaction: unknown }).transaction = original;
    expect(await readPacked(database, 'caseIndex')).toBeNull();
  });

  it('a write in a transaction that names only the packed table still stubs (the transaction is widened)', async () => {
    const database = open();
    await cases(database, 3);
    await repack(database, 'caseIndex');
    const row = (await database.caseIndex.toArray())[0];
    await database.transaction('rw', database.caseIndex, () =>
      database.caseIndex.put({ ...row, customerName: 'Renamed' }),
    );
    const index = await expectPackedEqualsTable(database, 'caseIndex');
    expect(index.rows.find((r) => r.caseId === row.caseId)).toMatchObject({ customerName: 'Renamed' });
  });

  it('keepPacked packs in the background, and again after writes', async () => {
    const database = open();
    const [record] = await cases(database, 4);
    const stop = keepPacked(database, 0);
    await expect.poll(async () => (await readPacked(database, 'reportRows'))?.stubs, { timeout: 5000 }).toBe(0);
    await expect.poll(async () => (await readPacked(database, 'caseIndex'))?.stubs, { timeout: 5000 }).toBe(0);
    await appendEvent(database, record.id, { type: 'note', on: '2026-11-21', by: 'Sam', summary: 'Called' });
    expect((await readPacked(database, 'caseIndex'))?.stubs).toBe(1);
    stop();
  });
});
