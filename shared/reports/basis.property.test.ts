// The report basis (reportBasis, summaryOn: one row per case, evaluated once when the case is written) must give, on
// every later day, exactly the summary summariseCase gives from the case and its whole timeline on that day. Checked
// over generated cases (every procedure and calendar, pauses open and closed, escalations, deadlocks, ADR letters,
// referrals) cut at every length of their timeline, on days fast-check picks from the case's last day to years later.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '#shared/rules/index';
import { generateCases } from '#test/fixtures/generate-cases';
import { reportBasis, summariseCase, summaryOn } from './summary';

const TODAY = '2026-11-20';
const cases = generateCases(400, { today: TODAY, seed: 19, spanDays: 400 });
// Every prefix of a timeline is a case as it stood earlier: many more clocks still running, pauses still open.
const stands = cases.flatMap((c) =>
  c.events
    .map((_, n) => ({ record: c.record, events: c.events.slice(0, n + 1) }))
    .concat([{ record: c.record, events: [] }]),
);

describe('report basis', () => {
  it('gives the summary summariseCase gives, on the day it was made and on any later day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: stands.length - 1 }), fc.integer({ min: 0, max: 800 }), (i, later) => {
        const { record, events } = stands[i];
        // Stored in IndexedDB: only what survives a structured clone counts.
        const basis = structuredClone(reportBasis(record, events));
        const day = addCalendarDays(basis.asOf, later);
        expect(summaryOn(basis, day)).toEqual(summariseCase(record, events, day));
      }),
      { numRuns: 3000 },
    );
  });

  it('is right for every case and prefix on a few fixed days (open, paused, resolved and closed cases alike)', () => {
    let paused = 0;
    for (const { record, events } of stands) {
      const basis = structuredClone(reportBasis(record, events));
      if (basis.facts) paused += 1;
      for (const later of [0, 1, 13, 70]) {
        const day = addCalendarDays(basis.asOf, later);
        expect(summaryOn(basis, day)).toEqual(summariseCase(record, events, day));
      }
    }
    // The fallback (facts kept while a pause is open) is exercised, and rare.
    expect(paused).toBeGreaterThan(0);
    expect(paused).toBeLessThan(stands.length / 5);
  });

  it('keeps the facts of a case the rules engine refuses, and says so on every later day', () => {
    const { record, events } = cases[0];
    const bad = { ...record, procedureId: 'no-such-procedure' };
    const basis = structuredClone(reportBasis(bad, events));
    expect(basis.summary.rulesError).toMatch(/no-such-procedure/);
    expect(basis.facts?.events).toHaveLength(events.length);
    const day = addCalendarDays(basis.asOf, 30);
    expect(summaryOn(basis, day)).toEqual(summariseCase(bad, events, day));
  });

  it('gives no summary for a day before the case’s last entry (the caller summarises from the facts)', () => {
    const { record, events } = cases.find((c) => c.events.length > 2)!;
    const basis = reportBasis(record, events);
    expect(summaryOn(basis, addCalendarDays(basis.asOf, -1))).toBeNull();
  });

  it('keeps no personal data: none of the customer’s name, contact details or the case summary', () => {
    // A paused case keeps its facts: the most the basis ever holds.
    const { record, events } = stands.find((s) => reportBasis(s.record, s.events).facts && s.record.summary)!;
    const text = JSON.stringify(reportBasis(record, events));
    const personal = [record.customer.name, record.summary, ...events.map((e) => e.summary)].filter(Boolean);
    expect(personal.length).toBeGreaterThan(1);
    expect(personal.filter((words) => text.includes(words))).toEqual([]);
  });
});
