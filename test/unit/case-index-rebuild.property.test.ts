// Issue #12 (last bullet): the case index rebuilt from scratch (after a restore, a schema upgrade, a repair) must
// equal the index built write by write. Before, the rebuild read each timeline in id order and the writes in time
// order, and the rules engine took same-day entries in whatever order it was given, so restored desks showed
// clocks the case page did not (128 of 20,000 generated cases disagreed).
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { TimelineEvent } from '#shared/model/case';
import { generateCases, type GeneratedCase } from '#test/fixtures/generate-cases';
import { evaluateRecord } from '#lib/rules';
import { deriveCaseIndex, indexDay, isPendingClock } from '#db/case-index/derive';
import { appendEvent } from '#db/repositories/cases';
import { rebuildCaseIndex, RedressDatabase } from '#db/schema';
import { TIMELINE_TABLE } from '#db/timeline';

const TODAY = '2026-11-30';
const POOL: GeneratedCase[] = generateCases(400, { today: TODAY, seed: 1207, spanDays: 400 });

/** How one timeline entry's recorded time is disturbed: kept, the same instant as the entry before it, or earlier. */
const tweak = fc.constantFrom('keep', 'keep', 'same-as-previous', 'earlier-than-previous', 'same-day-as-previous');

/**
 * A generated case whose timeline has equal and out-of-order recorded times (two entries in one millisecond, a
 * clock that went back), entries on the same day, and an order in which the entries were written.
 */
const disturbedCase = fc
  .tuple(
    fc.integer({ min: 0, max: POOL.length - 1 }),
    fc.array(tweak, { minLength: 12, maxLength: 12 }),
    fc.array(fc.integer(), { minLength: 12, maxLength: 12 }),
  )
  .map(([i, tweaks, writeKeys]) => {
    const { record, events } = POOL[i];
    const out: TimelineEvent[] = [];
    events.forEach((e, k) => {
      const prev = out[k - 1];
      let { on, at } = e;
      const t = prev ? tweaks[k % tweaks.length] : 'keep';
      if (t === 'same-day-as-previous' && prev.on >= record.receivedOn) {
        on = prev.on;
        at = prev.at;
      } else if (t === 'same-as-previous' && prev.on === on) at = prev.at;
      else if (t === 'earlier-than-previous' && prev.on === on)
        at = new Date(Date.parse(prev.at) - 60_000).toISOString();
      out.push({ ...e, on, at });
    });
    const written = out
      .map((e, k) => ({ e, key: writeKeys[k % writeKeys.length] }))
      .sort((a, b) => a.key - b.key)
      .map((x) => x.e);
    return { record, events: out, written };
  });

describe('one ordering of a case timeline', () => {
  it('a case index row does not depend on the order its timeline is read in (4,000 generated cases)', () => {
    fc.assert(
      fc.property(
        disturbedCase,
        fc.array(fc.integer(), { minLength: 12, maxLength: 12 }),
        ({ record, events, written }, keys) => {
          const byId = [...events].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
          const shuffled = events
            .map((e, k) => ({ e, key: keys[k % keys.length] }))
            .sort((a, b) => a.key - b.key)
            .map((x) => x.e);
          const expected = deriveCaseIndex(record, written);
          expect(deriveCaseIndex(record, byId)).toEqual(expected);
          expect(deriveCaseIndex(record, shuffled)).toEqual(expected);
          expect(deriveCaseIndex(record, [...events].reverse())).toEqual(expected);
        },
      ),
      { numRuns: 4000 },
    );
  });

  it("the index's next due date is what the case page's evaluation shows, whatever order the page reads", () => {
    fc.assert(
      fc.property(disturbedCase, ({ record, events, written }) => {
        const row = deriveCaseIndex(record, events);
        const { evaluation } = evaluateRecord(record, [...written].reverse(), indexDay(record, events));
        const pending = evaluation
          ? evaluation.clocks
              .filter((c) => isPendingClock(c, evaluation))
              .map((c) => c.dueOn!)
              .sort()
          : [];
        expect(row.nextDueOn).toBe(pending[0] ?? null);
        expect(row.status).toBe(evaluation?.status ?? record.status);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the case index rebuilt from scratch', () => {
  const database = new RedressDatabase(`redress-rebuild-${process.pid}`);
  afterAll(async () => {
    database.close();
    await database.delete();
  });

  it('equals the index built write by write, on over 1,000 generated cases written entry by entry', async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(disturbedCase, { minLength: 12, maxLength: 12 }), async (batch) => {
        // Each batch starts from an empty desk, so a generated case can come up twice.
        await database.transaction(
          'rw',
          [database.cases, database.table(TIMELINE_TABLE), database.caseIndex, database.reportRows],
          async () => {
            await Promise.all([
              database.cases.clear(),
              database.table(TIMELINE_TABLE).clear(),
              database.caseIndex.clear(),
            ]);
          },
        );
        const unique = [...new Map(batch.map((c) => [c.record.id, c])).values()];
        // Write by write: each entry through appendEvent (the incremental refresh), in the order it was written,
        // recorded at its own time.
        for (const { record, written } of unique) {
          await database.cases.add({ ...record });
          for (const e of written) {
            await appendEvent(
              database,
              record.id,
              { type: e.type, on: e.on, by: e.by, summary: e.summary, ...(e.data ? { data: e.data } : {}) },
              { now: () => new Date(e.at) },
            );
          }
        }
        cases += unique.length;
        const incremental = await database.caseIndex.toArray();
        await database.transaction(
          'rw',
          [database.cases, database.table(TIMELINE_TABLE), database.caseIndex, database.reportRows],
          () => rebuildCaseIndex(database),
        );
        const rebuilt = await database.caseIndex.toArray();
        expect(rebuilt).toEqual(incremental);
      }),
      // Each run writes a dozen cases entry by entry (slow in fake-indexeddb); no shrinking, the first failure is shown.
      { numRuns: 100, endOnFailure: true },
    );
    expect(cases).toBeGreaterThan(1000);
  }, 120_000);
});
