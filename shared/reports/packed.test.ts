import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '#shared/model/case';
import { generateCases } from '#test/fixtures/generate-cases';
import { packReportRows, unpackReportRows, type ReportBasisRow } from './packed';
import { reportBasis } from './summary';

const cases = generateCases(300, { today: '2026-11-20', seed: 7, spanDays: 400 });
// Whole timelines and their first halves (clocks still running, pauses still open), as the rows are stored.
const rows: ReportBasisRow[] = cases.flatMap((c) => [
  { caseId: c.record.id, ...reportBasis(c.record, c.events) },
  { caseId: `${c.record.id}-half`, ...reportBasis(c.record, c.events.slice(0, Math.ceil(c.events.length / 2))) },
]);
// And a case that paid compensation and goodwill (the generator pays none).
const paid = cases[1];
const last = paid.events[paid.events.length - 1];
const payment = (id: string, amount: number, kind: string): TimelineEvent => ({
  ...last,
  id,
  type: 'compensation',
  summary: 'Paid',
  data: { amount, currency: 'GBP', kind },
});
rows.push({
  caseId: 'paid',
  ...reportBasis(paid.record, [...paid.events, payment('p1', 25.5, 'compensation'), payment('p2', 10, 'goodwill')]),
});

describe('packed report rows', () => {
  it('read back exactly as written: open and closed clocks, payments, referrals, kept facts', () => {
    // Stored rows are what survives IndexedDB's structured clone. Equal up to a property holding `undefined` (a kept
    // customer's `isBusiness` when not given), which JSON leaves out: the same to every reader.
    const stored = structuredClone(rows);
    expect(unpackReportRows(packReportRows(stored))).toEqual(stored);
    const withoutFacts = stored.filter((r) => !r.facts);
    expect(unpackReportRows(packReportRows(withoutFacts))).toStrictEqual(withoutFacts);
    // The sample has every kind of field in it.
    expect(stored.some((r) => r.facts)).toBe(true);
    expect(stored.some((r) => r.summary.payments.length)).toBe(true);
    expect(stored.some((r) => r.targets.some((c) => c.openDueOn))).toBe(true);
    expect(stored.some((r) => r.summary.id !== r.caseId)).toBe(true);
  });

  it('reads back a case the rules engine refused (its facts kept) and no rows', () => {
    const { record, events } = cases[0];
    const bad = { caseId: record.id, ...reportBasis({ ...record, procedureId: 'no-such-procedure' }, events) };
    expect(bad.summary.rulesError).toBeTruthy();
    expect(unpackReportRows(packReportRows([bad]))).toEqual([structuredClone(bad)]);
    expect(unpackReportRows(packReportRows([]))).toEqual([]);
  });

  it('is several times smaller than the rows as JSON', () => {
    expect(packReportRows(rows).length * 3).toBeLessThan(JSON.stringify(rows).length);
  });
});
