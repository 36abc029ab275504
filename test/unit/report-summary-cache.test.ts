// The Reports page's summary cache (renderer/src/features/reports/summary-cache.ts): read everything once, then
// only the cases written since; the result always equals a fresh read of the whole database.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summariseCase, type CaseSummary } from '#shared/reports/index';
import { putDerivedRows } from '#db/case-index/derive';
import { appendEvent, createCase, deleteCase } from '#db/repositories/cases';
import { RedressDatabase } from '#db/schema';
import { loadCaseSummaries, type LoadProgress } from '#renderer/features/reports/load';
import { SummaryCache } from '#renderer/features/reports/summary-cache';
import { generateCases } from '#test/fixtures/generate-cases';
import { allEntries, recordEntries, TIMELINE_TABLE, timelineRow } from '#db/timeline';

const TODAY = '2026-11-20';
const generated = generateCases(400, { today: TODAY, seed: 7 });
const settings = {
  deskPrefix: 'TST',
  calendar: 'england-and-wales' as const,
  defaultProcedureId: 'kijoma',
  company: { name: 'Acme', addressLines: ['1 Street'], postcode: 'LS1 1AA' },
  handlerName: 'Sam Patel',
};
const clock = { now: () => new Date(`${TODAY}T12:00:00Z`) };

let database: RedressDatabase;
beforeAll(async () => {
  database = new RedressDatabase(`redress-summary-cache-${process.pid}`);
  await database.transaction(
    'rw',
    [database.cases, database.timelines, database.caseIndex, database.reportRows],
    async () => {
      await database.cases.bulkAdd(generated.map((c) => c.record));
      await database.timelines.bulkAdd(generated.map((c) => timelineRow(c.record.id, [...c.events])));
      await putDerivedRows(database, generated);
    },
  );
});
afterAll(() => database.close());

const byId = (list: CaseSummary[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
/** The summaries as the reports made them before the report rows: every case with its whole timeline, evaluated. */
async function fromCasesAndTimelines(today: string): Promise<CaseSummary[]> {
  const events = await allEntries(database);
  return (await database.cases.toArray()).map((c) =>
    summariseCase(
      c,
      events.filter((e) => e.caseId === c.id),
      today,
    ),
  );
}
/** Let Dexie deliver its change notifications (they follow the transaction's commit). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the reports summary cache', () => {
  it('reads everything once, then only the cases written since, and always equals a fresh read', async () => {
    const cache = new SummaryCache(database);
    const stages: LoadProgress['stage'][] = [];
    const first = await cache.summaries(TODAY, (p) => stages.push(p.stage));
    expect(first).toHaveLength(400);
    expect(stages).toContain('all');
    expect(byId(first)).toEqual(byId(await loadCaseSummaries(database, TODAY, () => {})));
    expect(byId(first)).toEqual(byId(await fromCasesAndTimelines(TODAY)));

    // Nothing written: nothing read again (no progress at all).
    const quiet: LoadProgress[] = [];
    expect(byId(await cache.summaries(TODAY, (p) => quiet.push(p)))).toEqual(byId(first));
    expect(quiet).toEqual([]);

    // A new case, an acknowledgement on an old one, and a deleted case: just those three are read again.
    const made = await createCase(
      database,
      {
        receivedOn: TODAY,
        channel: 'phone',
        category: 'service',
        summary: 'Engineer never came',
        customer: { name: 'Zelda Quux', phone: '0113 496 0001' },
      },
      { settings, by: 'Sam Patel', clock },
    );
    const old = generated.find(
      (c) =>
        first.find((x) => x.id === c.record.id)!.resolvedOn === null &&
        !first.find((x) => x.id === c.record.id)!.rulesError,
    )!;
    await appendEvent(
      database,
      old.record.id,
      { type: 'resolved', on: TODAY, by: 'Sam Patel', summary: 'Resolved' },
      clock,
    );
    await appendEvent(
      database,
      made.id,
      { type: 'acknowledged', on: TODAY, by: 'Sam Patel', summary: 'Acknowledged' },
      clock,
    );
    const gone = generated.find((c) => c.record.id !== old.record.id)!;
    await deleteCase(database, gone.record.id);
    await settle();

    const progress: LoadProgress[] = [];
    const after = await cache.summaries(TODAY, (p) => progress.push(p));
    expect(progress.at(-1)).toEqual({ stage: 'written', done: 3, total: 3 });
    expect(after).toHaveLength(400);
    expect(after.some((s) => s.id === made.id)).toBe(true);
    expect(after.some((s) => s.id === gone.record.id)).toBe(false);
    expect(after.find((s) => s.id === old.record.id)!.resolvedOn).toBe(TODAY);
    expect(byId(after)).toEqual(byId(await loadCaseSummaries(database, TODAY, () => {})));
    expect(byId(after)).toEqual(byId(await fromCasesAndTimelines(TODAY)));
    // And on a later day (open clocks past their date are missed now).
    expect(byId(await cache.summaries('2027-03-01', () => {}))).toEqual(
      byId(await fromCasesAndTimelines('2027-03-01')),
    );
    cache.stop();
  });

  it('reads everything again for another day, on Refresh, and after a write over a range (a restore)', async () => {
    const cache = new SummaryCache(database);
    await cache.summaries(TODAY, () => {});
    const full = async (today: string, fresh = false) => {
      const stages: string[] = [];
      const list = await cache.summaries(today, (p) => stages.push(p.stage), undefined, fresh);
      return { list, full: stages.includes('all') };
    };
    expect((await full(TODAY)).full).toBe(false);
    expect((await full('2026-11-21')).full).toBe(true);
    expect((await full('2026-11-21', true)).full).toBe(true);
    expect((await full('2026-11-21')).full).toBe(false);

    // A restore clears the tables: the cache forgets everything.
    const cases = await database.cases.toArray();
    const events = await allEntries(database);
    const index = await database.caseIndex.toArray();
    const reportRows = await database.reportRows.toArray();
    await database.transaction(
      'rw',
      [database.cases, database.table(TIMELINE_TABLE), database.caseIndex, database.reportRows],
      async () => {
        await database.cases.clear();
        await database.table(TIMELINE_TABLE).clear();
        await database.caseIndex.clear();
        await database.reportRows.clear();
        await database.cases.bulkAdd(cases.slice(0, 100));
        await recordEntries(
          database,
          events.filter((e) => cases.slice(0, 100).some((c) => c.id === e.caseId)),
        );
        await database.caseIndex.bulkAdd(index.filter((r) => cases.slice(0, 100).some((c) => c.id === r.caseId)));
        await database.reportRows.bulkAdd(reportRows.filter((r) => cases.slice(0, 100).some((c) => c.id === r.caseId)));
      },
    );
    await settle();
    const restored = await full('2026-11-21');
    expect(restored.full).toBe(true);
    expect(restored.list).toHaveLength(100);
    cache.stop();
  });
});
