// createCases (renderer/src/db/repository.ts): many cases in one transaction, exactly as createCase makes them.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { NewCaseParts } from '#shared/model/intake';
import { deriveCaseIndex } from '#db/case-index/derive';
import { createCase, createCases } from '#db/repositories/cases';
import { RedressDatabase } from '#db/schema';
import { deskSettings } from '#test/support/desk';
import { newCaseParts } from '#test/support/cases';
import { countEntries, readTimeline } from '#db/timeline';

const settings = deskSettings({ defaultProcedureId: 'kijoma' });
const parts = (name: string, receivedOn = '2026-11-18'): NewCaseParts =>
  newCaseParts({
    receivedOn,
    channel: 'email',
    customer: { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.com` },
    summary: `Complaint from ${name}`,
  });
const clock = { now: () => new Date('2026-11-20T10:00:00Z') };

let opened: RedressDatabase[] = [];
let n = 0;
function fresh() {
  const database = new RedressDatabase(`exchange-bulk-${process.pid}-${++n}`);
  opened.push(database);
  return database;
}
afterEach(async () => {
  for (const d of opened) {
    d.close();
    await d.delete();
  }
  opened = [];
});

async function counts(database: RedressDatabase) {
  return {
    cases: await database.cases.count(),
    events: await countEntries(database),
    caseIndex: await database.caseIndex.count(),
    audit: await database.audit.count(),
    counter: (await database.counters.get('RDR-2026'))?.last ?? 0,
  };
}

describe('createCases', () => {
  it('writes each case, its first timeline entry and its index row, with references following on from the counter', async () => {
    const database = fresh();
    await createCase(database, parts('Before'), { settings, by: 'Sam Patel', clock });
    const records = await createCases(database, [parts('Ann Lee'), parts('Bo Chen', '2026-11-02'), parts('Cy Diaz')], {
      settings,
      by: 'Sam Patel',
      clock,
      receivedSummary: (p, i, ref) => `Imported row ${i + 2} as ${ref}`,
      audit: { kind: 'import', summary: '3 cases imported from a CSV file', detail: { count: 3 } },
    });
    expect(records.map((r) => r.reference)).toEqual(['RDR-2026-000002', 'RDR-2026-000003', 'RDR-2026-000004']);
    expect(await counts(database)).toEqual({ cases: 4, events: 4, caseIndex: 4, audit: 1, counter: 4 });
    for (const record of records) {
      const stored = await database.cases.get(record.id);
      expect(stored).toEqual(record);
      expect(stored).toMatchObject({
        status: 'open',
        assignee: 'Sam Patel',
        procedureId: 'kijoma',
        calendar: 'england-and-wales',
        stage: 'customer-services', // Kijoma's first stage, as createCase stores it (and the index reads it)
        createdAt: '2026-11-20T10:00:00.000Z',
      });
      const events = await readTimeline(database, record.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ type: 'received', on: record.receivedOn, by: 'Sam Patel' });
      // The index row is the one refreshCaseIndex would build from the stored facts.
      expect(await database.caseIndex.get(record.id)).toEqual(deriveCaseIndex(stored!, events));
    }
    expect((await readTimeline(database, records[1].id))[0]!.summary).toBe('Imported row 3 as RDR-2026-000003');
    const [audit] = await database.audit.toArray();
    expect(audit).toMatchObject({
      kind: 'import',
      by: 'Sam Patel',
      summary: '3 cases imported from a CSV file',
      detail: { count: 3, caseIds: records.map((r) => r.id) },
    });
    // No personal data in the audit trail.
    expect(JSON.stringify(audit)).not.toMatch(/Ann|Bo Chen|example\.com/);
  });

  it('skips references already taken (restored data ahead of the counter)', async () => {
    const database = fresh();
    const first = await createCase(database, parts('Ann'), { settings, by: 'x', clock });
    await database.cases.update(first.id, { reference: 'RDR-2026-000003' });
    const records = await createCases(database, [parts('Bo'), parts('Cy'), parts('Di')], { settings, by: 'x', clock });
    expect(records.map((r) => r.reference)).toEqual(['RDR-2026-000002', 'RDR-2026-000004', 'RDR-2026-000005']);
  });

  it('writes nothing at all when one case cannot be stored: no case, event, index row, audit entry or counter change', async () => {
    const database = fresh();
    await createCase(database, parts('Before'), { settings, by: 'x', clock });
    const before = await counts(database);
    // The third case cannot be stored (IndexedDB cannot clone a function), after the counter was already moved on.
    const bad = { ...parts('Cy'), communication: { largePrint: (() => true) as unknown as boolean } };
    await expect(
      createCases(database, [parts('Ann'), parts('Bo'), bad, parts('Di')], {
        settings,
        by: 'x',
        clock,
        audit: { kind: 'import', summary: '4 cases' },
      }),
    ).rejects.toThrow();
    expect(await counts(database)).toEqual(before);
  });

  it('rolls back the cases, events and index rows already written when the last write (the audit entry) fails', async () => {
    const database = fresh();
    const before = await counts(database);
    await expect(
      createCases(database, [parts('Ann'), parts('Bo')], {
        settings,
        by: 'x',
        clock,
        audit: { kind: 'import', summary: '2 cases', detail: { broken: () => 1 } },
      }),
    ).rejects.toThrow();
    expect(await counts(database)).toEqual(before);
  });

  it('does nothing for an empty list', async () => {
    const database = fresh();
    expect(
      await createCases(database, [], { settings, by: 'x', clock, audit: { kind: 'import', summary: '0' } }),
    ).toEqual([]);
    expect(await counts(database)).toEqual({ cases: 0, events: 0, caseIndex: 0, audit: 0, counter: 0 });
  });
});
