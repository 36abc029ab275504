// Schema upgrade 13 → 14 (issues #14, #19): the indexes nothing reads are dropped (the timeline entries' `caseId`, the
// cases' `status` and `updatedAt`, the case index's `status`, `assignee`, `nextDueOn` and `adrLetterDueOn`), so every
// download and restore writes fewer IndexedDB entries. A desk's version-13 database, with generated cases, timelines,
// case index and report rows as the app wrote them, is upgraded; every row stays, and every case's timeline is read
// whole through each reader that used a dropped index (db/timeline.ts, db/case-index/queries.ts `caseIdsWithStatus`).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '#shared/model/case';
import { deriveCaseIndex, deriveReportRow, isPendingClock, refreshCaseIndexes } from '#db/case-index/derive';
import { caseIdsWithStatus } from '#db/case-index/queries';
import { deleteCase } from '#db/repositories/cases';
import { DB_VERSION } from '#db/schema';
import { countEntries, readTimeline, timelinesOf } from '#db/timeline';
import { loadCaseSummaries } from '#renderer/features/reports/load';
import { openDeadlines } from '#renderer/features/exchange/deadlines';
import { evaluateRecord } from '#lib/rules';
import { summariseCase } from '#shared/reports/index';
import { generateCases } from '#test/fixtures/generate-cases';
import { releasedDatabase, upgrades } from '#test/support/released-db';

const TODAY = '2026-11-20';
const generated = generateCases(400, { today: TODAY, seed: 14 });
const events = generated.flatMap((c) => c.events);
const timelineOfGenerated = new Map(generated.map((c) => [c.record.id, c.events]));
const byId = (list: readonly TimelineEvent[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
const upgraded = upgrades();

/** A version-13 database holding the generated cases as the app wrote them (the derived rows too), plus `extra` entries. */
const version13 = (extra: Record<string, unknown>[] = []) =>
  releasedDatabase(13, async (old) => {
    await old.table('cases').bulkAdd(generated.map((c) => c.record));
    await old.table('events').bulkAdd([...events, ...extra]);
    await old.table('caseIndex').bulkAdd(generated.map((c) => deriveCaseIndex(c.record, c.events)));
    await old.table('reportRows').bulkAdd(generated.map((c) => deriveReportRow(c.record, c.events)));
  });

/** The index names IndexedDB itself holds for a store (not Dexie's idea of them). */
async function indexNames(name: string, store: string): Promise<string[]> {
  const open = indexedDB.open(name);
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const names = [...idb.transaction(store).objectStore(store).indexNames];
  idb.close();
  return names.sort();
}

describe('schema upgrade to version 14: fewer indexes, every row kept and found', () => {
  it('drops the unread indexes from IndexedDB itself and keeps every row of every table', async () => {
    const name = await version13();
    const database = upgraded(name);
    await database.open();
    expect(database.verno).toBe(DB_VERSION);
    expect(await database.cases.count()).toBe(generated.length);
    expect(await countEntries(database)).toBe(events.length);
    expect(await database.caseIndex.count()).toBe(generated.length);
    expect(await database.reportRows.count()).toBe(generated.length);
    database.close();
    // (From version 15 the entries are timeline rows, whose one index is their count: migration-v15.test.ts.)
    expect(await indexNames(name, 'timelines')).toEqual(['entryCount']);
    expect(await indexNames(name, 'cases')).toEqual(['receivedOn', 'reference']);
    const caseIndexes = await indexNames(name, 'caseIndex');
    for (const gone of ['status', 'assignee', 'nextDueOn', 'adrLetterDueOn']) expect(caseIndexes).not.toContain(gone);
    for (const kept of ['reference', 'procedureId', 'receivedOn', 'adrReferralEndsOn'])
      expect(caseIndexes).toContain(kept);
    // 12 before; 8 from version 14, and from version 18 also `openNothingDue` (migration-v18.test.ts).
    expect(caseIndexes.filter((i) => i !== 'openNothingDue')).toHaveLength(8);
  });

  it("reads every case's whole timeline through readTimeline and timelinesOf", async () => {
    const database = upgraded(await version13());
    for (const { record, events: expected } of generated) {
      const read = await readTimeline(database, record.id);
      expect(byId(read), record.reference).toEqual(byId(expected));
      // In the order they were recorded.
      expect(read.map((e) => e.at)).toEqual([...read.map((e) => e.at)].sort());
      expect((await readTimeline(database, record.id)).length).toBe(expected.length);
    }
    const ids = generated.map((c) => c.record.id);
    const all = await database.transaction('r', database.timelines, () =>
      timelinesOf(database, [...ids, 'no-such-case']),
    );
    expect(all.get('no-such-case')).toEqual([]);
    for (const id of ids) expect(byId(all.get(id)!)).toEqual(byId(timelineOfGenerated.get(id)!));
  });

  it('derives the same case index and report rows, deadlines and report summaries from the upgraded timelines', async () => {
    const database = upgraded(await version13());
    const ids = generated.map((c) => c.record.id);
    await database.transaction(
      'rw',
      [database.cases, database.timelines, database.caseIndex, database.reportRows],
      () => refreshCaseIndexes(database, ids),
    );
    for (const { record, events: timeline } of generated) {
      expect(await database.caseIndex.get(record.id), record.reference).toEqual(deriveCaseIndex(record, timeline));
      expect(await database.reportRows.get(record.id), record.reference).toEqual(deriveReportRow(record, timeline));
    }

    // The active cases by their status (the `[status+acknowledged]` index: every row is in it).
    const active = generated.filter((c) => deriveCaseIndex(c.record, c.events).status !== 'closed');
    expect(active.length).toBeGreaterThan(0);
    expect(active.length).toBeLessThan(generated.length);
    expect((await caseIdsWithStatus(database, ['open', 'resolved'])).sort()).toEqual(
      active.map((c) => c.record.id).sort(),
    );
    expect(await caseIdsWithStatus(database, [])).toEqual([]);

    const deadlines = await openDeadlines(database, TODAY);
    const expected = active.flatMap(({ record, events: timeline }) => {
      const { evaluation } = evaluateRecord(record, timeline, TODAY);
      if (!evaluation) return [];
      return evaluation.clocks
        .filter((c) => isPendingClock(c, evaluation))
        .map((c) => `${record.id} ${c.id} ${c.dueOn}`);
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(deadlines.map((d) => `${d.caseId} ${d.clockId} ${d.dueOn}`).sort()).toEqual(expected.sort());

    const summaries = await loadCaseSummaries(database, TODAY, () => {});
    const sortById = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(sortById(summaries)).toEqual(sortById(generated.map((c) => summariseCase(c.record, c.events, TODAY))));
  });

  it("deletes a case's whole timeline", async () => {
    const database = upgraded(await version13());
    const [gone, kept] = generated;
    await deleteCase(database, gone.record.id);
    expect((await readTimeline(database, gone.record.id)).length).toBe(0);
    expect(await countEntries(database)).toBe(events.length - gone.events.length);
    expect(byId(await readTimeline(database, kept.record.id))).toEqual(byId(kept.events));
  });

  it('gives an entry stored without a valid `at` one, so that it stays on its timeline', async () => {
    const [first] = generated;
    const base = first.events[0];
    const noAt = { ...base, id: 'entry-without-at', on: '2026-02-03' } as Record<string, unknown>;
    delete noAt.at;
    const dateAt = { ...base, id: 'entry-with-date-at', at: new Date('2026-02-04T10:00:00.000Z') };
    const nullAt = { ...base, id: 'entry-with-null-at', at: null, on: 'not a date' };
    const database = upgraded(await version13([noAt, dateAt, nullAt]));
    await database.open();
    expect(await countEntries(database)).toBe(events.length + 3);
    const read = new Map((await readTimeline(database, first.record.id)).map((e) => [e.id, e]));
    expect(read.size).toBe(first.events.length + 3);
    expect(read.get('entry-without-at')).toEqual({ ...noAt, at: '2026-02-03T00:00:00.000Z' });
    expect(read.get('entry-with-date-at')?.at).toBe('2026-02-04T10:00:00.000Z');
    expect(read.get('entry-with-null-at')?.at).toBe('1970-01-01T00:00:00.000Z');
    // The other entries are as they were.
    for (const e of first.events) expect(read.get(e.id)).toEqual(e);
  });
});
