// Issue #14: in a team, Reports count the team's cases, or only this desk's (the cases whose reference starts with
// its prefix; the caller reads their ids from the case index).
import { describe, expect, it } from 'vitest';
import { FIXTURE_CASES, FIXTURE_PERIOD, FIXTURE_TODAY } from './fixtures';
import { buildReport, describeFilters, measureOf } from './report';
import { summariseCase } from './summary';
import { reportTable } from './table';

const summaries = FIXTURE_CASES.map((c) => summariseCase(c.record, c.events, FIXTURE_TODAY));
// Every other fixture case was logged at this desk.
const mine = new Set(FIXTURE_CASES.filter((_, i) => i % 2 === 0).map((c) => c.record.id));
const report = (desk?: boolean) =>
  buildReport(summaries, {
    period: FIXTURE_PERIOD,
    today: FIXTURE_TODAY,
    filters: desk ? { desk: { prefix: 'LDS', caseIds: mine } } : {},
  });

describe('the desk filter', () => {
  it('counts only the desk’s cases, and the team’s without it', () => {
    const team = measureOf(report(), 'received').value!;
    const desk = measureOf(report(true), 'received').value!;
    const byHand = summaries.filter(
      (s) => mine.has(s.id) && s.receivedOn >= FIXTURE_PERIOD.from && s.receivedOn <= FIXTURE_PERIOD.to,
    ).length;
    expect(desk).toBe(byHand);
    expect(desk).toBeGreaterThan(0);
    expect(desk).toBeLessThan(team);
  });

  it('says which desk in the report’s words', () => {
    expect(describeFilters({ desk: { prefix: 'LDS', caseIds: mine } })).toBe('Desk: LDS');
    const table = reportTable(report(true), { company: 'Desk' });
    expect(table.some((row) => row.includes('Desk: LDS'))).toBe(true);
  });
});
