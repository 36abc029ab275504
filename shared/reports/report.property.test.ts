// Properties of the report over 3,000 generated cases (test/fixtures/generate-cases.ts: every procedure and calendar,
// realistic timelines), for any period and filter fast-check picks: breakdowns add up to the total, shares stay
// between their parts, counts over two halves of a period add up, and filters partition the cases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, CHANNELS } from '#shared/model/case';
import { FIRST_PROVIDER_ID } from '#shared/model/provider';
import { addCalendarDays } from '#shared/rules/index';
import { generateCases } from '#test/fixtures/generate-cases';
import { buildReport, measureOf, MEASURE_IDS, type MeasureId, type ReportFilters, type VolumeRow } from './report';
import { summariseCase } from './summary';

const TODAY = '2026-11-20';
const cases = generateCases(3000, { today: TODAY, seed: 7, spanDays: 500 });
// A few payments, so money adds up too.
cases.forEach((c, i) => {
  if (i % 7 === 0) {
    c.events.push({
      id: `pay-${i}`,
      caseId: c.record.id,
      type: 'compensation',
      on: c.record.receivedOn,
      at: `${c.record.receivedOn}T23:00:00.000Z`,
      by: 'x',
      summary: '',
      data: { kind: i % 2 ? 'goodwill' : 'compensation', amount: (i % 13) + 0.25, currency: i % 3 ? 'GBP' : 'CAD' },
    });
  }
});
const summaries = cases.map((c) => summariseCase(c.record, c.events, TODAY));
const handlers = [...new Set(summaries.map((s) => s.handler))];
const procedures = [...new Set(summaries.map((s) => s.procedureId))];

const day = fc.integer({ min: 0, max: 540 }).map((n) => addCalendarDays(TODAY, -n));
const period = fc.tuple(day, day).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }));
const filters: fc.Arbitrary<ReportFilters> = fc.record(
  {
    category: fc.constantFrom(...CATEGORIES),
    channel: fc.constantFrom(...CHANNELS),
    procedureId: fc.constantFrom(...procedures),
    handler: fc.constantFrom(...handlers),
  },
  { requiredKeys: [] },
);

const DESK_PROVIDERS = [
  { id: FIRST_PROVIDER_ID, name: 'Kijoma Broadband' },
  { id: 'jive', name: 'Jive Canada' },
];

const ADDITIVE: MeasureId[] = ['received', 'resolved', 'adr-letters-sent', 'adr-referrals', 'ccts-referrals'];
const v = (r: ReturnType<typeof buildReport>, id: MeasureId) => measureOf(r, id);

describe('report properties', () => {
  it('the generated cases are all readable by the rules engine', () => {
    expect(summaries.filter((s) => s.rulesError).map((s) => s.rulesError)).toEqual([]);
    expect(summaries.filter((s) => s.resolvedOn).length).toBeGreaterThan(1000);
  });

  it('every breakdown adds up to the cases received; shares lie between 0 and 100', () => {
    fc.assert(
      fc.property(period, filters, (p, f) => {
        // A desk of two providers, so that the cases received by provider add up too (a case of a provider the desk
        // no longer names is listed by its id).
        const r = buildReport(summaries, { period: p, filters: f, today: TODAY, providers: DESK_PROVIDERS });
        const received = v(r, 'received').value;
        for (const rows of Object.values(r.volumes) as VolumeRow[][])
          expect(rows.reduce((n, row) => n + row.count, 0)).toBe(received);
        expect(r.measures.map((m) => m.id)).toEqual([...MEASURE_IDS]);
        for (const m of r.measures) {
          if (m.kind !== 'percent') continue;
          expect(m.numerator!).toBeLessThanOrEqual(m.denominator!);
          // No cases to count, no share; otherwise the share of them.
          expect(m.value === null, m.id).toBe(m.denominator === 0);
          expect(m.value ?? 0).toBeCloseTo(m.denominator === 0 ? 0 : (100 * m.numerator!) / m.denominator!, 10);
        }
        const resolved = v(r, 'resolved').value!;
        expect(v(r, 'next-working-day').denominator).toBe(resolved);
        expect(v(r, 'within-provider-targets').denominator!).toBeLessThanOrEqual(resolved);
        expect(v(r, 'within-regulatory-deadline').denominator!).toBeLessThanOrEqual(resolved);
        expect(v(r, 'average-days').denominator).toBe(resolved);
        // With cases resolved, the days they took are not negative.
        expect(resolved === 0 || v(r, 'median-days').value! >= 0).toBe(true);
        expect(resolved === 0 || v(r, 'average-days').value! >= 0).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('counts over two halves of a period add up to the whole', () => {
    fc.assert(
      fc.property(period, filters, fc.integer({ min: 0, max: 540 }), (p, f, cut) => {
        const mid = addCalendarDays(p.from, cut);
        fc.pre(mid < p.to);
        const whole = buildReport(summaries, { period: p, filters: f, today: TODAY });
        const a = buildReport(summaries, { period: { from: p.from, to: mid }, filters: f, today: TODAY });
        const b = buildReport(summaries, {
          period: { from: addCalendarDays(mid, 1), to: p.to },
          filters: f,
          today: TODAY,
        });
        for (const id of ADDITIVE) expect(v(a, id).value! + v(b, id).value!, id).toBe(v(whole, id).value);
        for (const id of ['acknowledged-on-time', 'next-working-day', 'adr-letters-on-time'] as const) {
          expect(v(a, id).numerator! + v(b, id).numerator!, id).toBe(v(whole, id).numerator);
          expect(v(a, id).denominator! + v(b, id).denominator!, id).toBe(v(whole, id).denominator);
        }
        const paid = (r: typeof whole) => Math.round(r.compensation.reduce((s, c) => s + c.total, 0) * 100);
        expect(paid(a) + paid(b)).toBe(paid(whole));
      }),
      { numRuns: 100 },
    );
  });

  it('filtering by each category (channel, handler) splits the cases without losing any', () => {
    fc.assert(
      fc.property(period, (p) => {
        const all = buildReport(summaries, { period: p, today: TODAY });
        const splits: ReportFilters[][] = [
          CATEGORIES.map((category) => ({ category })),
          CHANNELS.map((channel) => ({ channel })),
          handlers.map((handler) => ({ handler })),
        ];
        for (const split of splits) {
          const parts = split.map((f) => buildReport(summaries, { period: p, filters: f, today: TODAY }));
          for (const id of [...ADDITIVE])
            expect(
              parts.reduce((n, r) => n + v(r, id).value!, 0),
              id,
            ).toBe(v(all, id).value);
          const met = parts.reduce((n, r) => n + v(r, 'within-regulatory-deadline').numerator!, 0);
          expect(met).toBe(v(all, 'within-regulatory-deadline').numerator);
        }
        // The volumes by category are exactly the category filters' totals.
        for (const row of all.volumes.byCategory) {
          expect(
            v(
              buildReport(summaries, {
                period: p,
                filters: { category: row.key as (typeof CATEGORIES)[number] },
                today: TODAY,
              }),
              'received',
            ).value,
          ).toBe(row.count);
        }
      }),
      { numRuns: 40 },
    );
  });
});
