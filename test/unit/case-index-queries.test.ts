// The dashboard's index queries (renderer/src/db/queries.ts) against a brute-force filter of the same rows, on a few
// thousand realistic cases; and the in-memory case index (case-index-store.ts) following writes.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, compareIsoDates } from '#shared/rules/index';
import { CaseIndexStore } from '#db/case-index/store';
import { deriveCaseIndex } from '#db/case-index/derive';
import {
  adrLettersDue,
  handledBy,
  nextDueBetween,
  openNothingDue,
  referralWindowsClosing,
  unacknowledged,
} from '#db/case-index/queries';
import { appendEvent, createCase, deleteCase } from '#db/repositories/cases';
import { type CaseIndexRow, RedressDatabase } from '#db/schema';
import { generateCases } from '#test/fixtures/generate-cases';
import { timelineRow } from '#db/timeline';

const TODAY = '2026-11-20';
const generated = generateCases(3000, { today: TODAY, seed: 11 });
const rows = generated.map((c) => deriveCaseIndex(c.record, c.events));
const active = (r: CaseIndexRow) => r.status !== 'closed';
const refs = (list: CaseIndexRow[]) => list.map((r) => r.reference);
const sorted = (list: CaseIndexRow[]) => [...list].sort((a, b) => a.reference.localeCompare(b.reference));

let database: RedressDatabase;
beforeAll(async () => {
  database = new RedressDatabase(`redress-queries-${process.pid}`);
  await database.transaction(
    'rw',
    [database.cases, database.timelines, database.caseIndex, database.reportRows],
    async () => {
      await database.cases.bulkAdd(generated.map((c) => c.record));
      await database.timelines.bulkAdd(generated.map((c) => timelineRow(c.record.id, [...c.events])));
      await database.caseIndex.bulkAdd(rows);
    },
  );
});
afterAll(() => database.close());

describe('dashboard queries on the case index (every row: no limit)', () => {
  it('due between two dates: active cases whose next due date falls in the range, earliest first', async () => {
    const to = addCalendarDays(TODAY, 6);
    const { count, rows: got } = await nextDueBetween(database, TODAY, to, true);
    const want = rows.filter((r) => active(r) && r.nextDueOn !== null && r.nextDueOn >= TODAY && r.nextDueOn <= to);
    expect(want.length).toBeGreaterThan(5);
    expect(sorted(got)).toEqual(sorted(want));
    expect(count).toBe(want.length);
    // In date order, and every row has a date.
    const due = got.map((r) => r.nextDueOn);
    expect(due).toEqual(due.filter((d) => d !== null).sort(compareIsoDates));
  });

  it('overdue: active cases whose next due date is before today, most overdue first', async () => {
    const { rows: got } = await nextDueBetween(database, '', TODAY, false);
    const want = rows.filter((r) => active(r) && r.nextDueOn !== null && r.nextDueOn < TODAY);
    expect(want.length).toBeGreaterThan(5);
    expect(sorted(got)).toEqual(sorted(want));
    expect(got[0].nextDueOn! <= got[got.length - 1].nextDueOn!).toBe(true);
  });

  it('unacknowledged: open cases with nothing acknowledging them, oldest first', async () => {
    const { rows: got } = await unacknowledged(database);
    const want = rows.filter((r) => r.status === 'open' && r.acknowledged === 0);
    expect(want.length).toBeGreaterThan(5);
    expect(sorted(got)).toEqual(sorted(want));
    expect(got.map((r) => r.receivedOn)).toEqual(got.map((r) => r.receivedOn).sort());
  });

  it('ADR letters due within a horizon (overdue ones included), and referral windows closing', async () => {
    const through = addCalendarDays(TODAY, 14);
    const { rows: letters } = await adrLettersDue(database, through);
    const wantLetters = rows.filter((r) => active(r) && r.adrLetterDueOn !== null && r.adrLetterDueOn <= through);
    expect(wantLetters.length).toBeGreaterThan(5);
    expect(sorted(letters)).toEqual(sorted(wantLetters));
    const until = addCalendarDays(TODAY, 60);
    const { rows: windows } = await referralWindowsClosing(database, TODAY, until);
    const wantWindows = rows.filter(
      (r) => r.adrReferralEndsOn !== null && r.adrReferralEndsOn >= TODAY && r.adrReferralEndsOn <= until,
    );
    expect(wantWindows.length).toBeGreaterThan(2);
    expect(sorted(windows)).toEqual(sorted(wantWindows));
  });

  it('open, nothing due: open cases with no next due date, the most recently changed first, and no other case', async () => {
    const { count, rows: got } = await openNothingDue(database);
    const want = rows.filter((r) => r.status === 'open' && r.nextDueOn === null);
    expect(want.length).toBeGreaterThan(5);
    expect(sorted(got)).toEqual(sorted(want));
    expect(count).toBe(want.length);
    const changed = got.map((r) => r.updatedAt);
    expect(changed).toEqual([...changed].sort().reverse());
    // The first rows only, and one provider's: still from the index.
    const first = await openNothingDue(database, 3);
    expect(first).toEqual({ count: want.length, rows: got.slice(0, 3) });
    const providerId = want[0].providerId;
    const one = await openNothingDue(database, undefined, { providerId });
    expect(sorted(one.rows)).toEqual(sorted(want.filter((r) => r.providerId === providerId)));
  });

  it("a handler's active cases", async () => {
    const got = await handledBy(database, 'Sam Patel');
    expect(refs(sorted(got))).toEqual(refs(sorted(rows.filter((r) => r.assignee === 'Sam Patel' && active(r)))));
  });
});

describe('the in-memory case index', () => {
  it('loads every row, then follows creates, appended events and deletions, row by row', async () => {
    const store = new CaseIndexStore(database);
    let changes = 0;
    const unsubscribe = store.subscribe(() => (changes += 1));
    await store.ready();
    expect(store.getSnapshot()).toMatchObject({ complete: true });
    expect(store.getSnapshot().rows).toHaveLength(rows.length);

    const settings = {
      deskPrefix: 'TST',
      calendar: 'england-and-wales' as const,
      defaultProcedureId: 'kijoma',
      company: { name: 'Acme', addressLines: ['1 Street'], postcode: 'LS1 1AA' },
      handlerName: 'Sam Patel',
    };
    const made = await createCase(
      database,
      {
        receivedOn: TODAY,
        channel: 'phone',
        category: 'service',
        summary: 'Engineer never came',
        customer: { name: 'Zelda Quux', phone: '0113 496 0001' },
      },
      { settings, by: 'Sam Patel', clock: { now: () => new Date(`${TODAY}T12:00:00Z`) } },
    );
    await expect.poll(() => store.getSnapshot().rows.length).toBe(rows.length + 1);
    const row = () => store.getSnapshot().rows.find((r) => r.caseId === made.id);
    expect(row()).toMatchObject({ customerName: 'Zelda Quux', acknowledged: 0, status: 'open' });

    await appendEvent(database, made.id, { type: 'acknowledged', on: TODAY, by: 'Sam Patel', summary: 'Acknowledged' });
    await expect.poll(() => row()?.acknowledged).toBe(1);

    await deleteCase(database, made.id);
    await expect.poll(() => store.getSnapshot().rows.length).toBe(rows.length);
    expect(row()).toBeUndefined();
    expect(changes).toBeGreaterThan(3);
    unsubscribe();
    store.stop();
  });

  // A team's first download writes the index in bulk, round after round (Dexie reports each such write as "the table
  // changed"): reloading every row after each would make the download quadratic (docs/performance.md, Sharing).
  it('reloads after bulk writes a few times, not once per write, and not while no screen holds the rows', async () => {
    const store = new CaseIndexStore(database);
    const unsubscribe = store.subscribe(() => {});
    await store.ready();
    expect(store.loads).toBe(1);
    const extra = (round: number) =>
      rows
        .slice(0, 60)
        .map((r) => ({ ...r, caseId: `bulk-${round}-${r.caseId}`, reference: `BULK-${round}-${r.reference}` }));
    const t = performance.now();
    for (let round = 0; round < 20; round += 1) await database.caseIndex.bulkPut(extra(round));
    await expect.poll(() => store.getSnapshot().rows.length, { timeout: 10_000 }).toBe(rows.length + 20 * 60);
    // Within a second or so of twenty writes: one reload at once, then at most one a second.
    expect(store.loads).toBeLessThanOrEqual(2 + Math.ceil((performance.now() - t) / 1000));
    expect(store.loads).toBeLessThan(20);

    // No screen holds the rows: a bulk write marks them stale and nothing is read until one subscribes again.
    unsubscribe();
    await new Promise((r) => setTimeout(r, 1_200));
    const loads = store.loads;
    await database.caseIndex.bulkPut(extra(20));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(store.loads).toBe(loads);
    await store.ready();
    expect(store.loads).toBe(loads + 1);
    expect(store.getSnapshot().rows).toHaveLength(rows.length + 21 * 60);

    await database.caseIndex.where('caseId').startsWith('bulk-').delete();
    store.stop();
  }, 30_000);
});
