// Every report figure checked against a value worked out BY HAND from the cases in ./fixtures.ts (see the table at
// the top of that file). The working is in the comments; nothing here calls the rules engine to get an expected value.
import { describe, expect, it } from 'vitest';
import { FIXTURE_CASES, FIXTURE_PERIOD, FIXTURE_TODAY } from './fixtures';
import { buildReport, measureOf, type MeasureId, type Report } from './report';
import { summariseCase, type CaseSummary } from './summary';
import { DEFAULT_PROCEDURES, KIJOMA, withProcedures } from '#shared/rules/index';

const summaries: CaseSummary[] = FIXTURE_CASES.map((c) => summariseCase(c.record, c.events, FIXTURE_TODAY));
const byId = new Map(summaries.map((s) => [s.id, s]));
const s = (id: string) => byId.get(id)!;
const report = buildReport(summaries, { period: FIXTURE_PERIOD, today: FIXTURE_TODAY });
const value = (r: Report, id: MeasureId) => measureOf(r, id);

describe('each case, worked by hand', () => {
  it('resolution day and calendar days to resolve', () => {
    // c01 04-01 → 04-09 = 8; c02 04-10 → 04-22 = 12; c03 04-13 → 04-14 = 1; c04 04-14 → 06-05 = 16 + 31 + 5 = 52;
    // c06 05-15 → 05-19 = 4; c08 04-02 → 06-01 = 28 + 31 + 1 = 60; c09 closed (no "resolved") 05-18 → 06-25 = 13 + 25 = 38;
    // c10 03-16 → 04-08 = 15 + 8 = 23; c11, c12 04-02 → 04-07 = 5; c14 06-29 → 07-01 = 2.
    const expected: Record<string, [string | null, number | null]> = {
      c01: ['2026-04-09', 8],
      c02: ['2026-04-22', 12],
      c03: ['2026-04-14', 1],
      c04: ['2026-06-05', 52],
      c05: [null, null],
      c06: ['2026-05-19', 4],
      c07: [null, null],
      c08: ['2026-06-01', 60],
      c09: ['2026-06-25', 38],
      c10: ['2026-04-08', 23],
      c11: ['2026-04-07', 5],
      c12: ['2026-04-07', 5],
      c13: [null, null],
      c14: ['2026-07-01', 2],
      c15: [null, null],
      // c16 is refused by the rules engine (resolved the day before it was received): no resolution counted.
      c16: [null, null],
    };
    for (const [id, [on, days]] of Object.entries(expected)) {
      expect([s(id).resolvedOn, s(id).daysToResolve], id).toEqual([on, days]);
    }
    expect(s('c16').rulesError).toMatch(/before the complaint was received/);
    expect(summaries.filter((x) => x.rulesError !== null).map((x) => x.id)).toEqual(['c16']);
  });

  it('the end of the next working day, in each case’s calendar', () => {
    // c03 Mon 04-13 → Tue 04-14. c06 Fri 05-15, Canada: Mon 05-18 is Victoria Day → Tue 05-19.
    // c11 Thu 04-02, Northern Ireland: Fri 04-03 Good Friday, Mon 04-06 Easter Monday → Tue 04-07.
    // c12 Thu 04-02, Scotland: Good Friday, but Easter Monday is not a Scottish holiday → Mon 04-06.
    // c10 Mon 03-16, Northern Ireland: Tue 03-17 St Patrick's Day → Wed 03-18. c01 Wed 04-01 → Thu 04-02.
    // c02 Fri 04-10 → Mon 04-13. c09 Mon 05-18 (England & Wales: Victoria Day is not a holiday) → Tue 05-19.
    expect(s('c03').nextWorkingDay).toBe('2026-04-14');
    expect(s('c06').nextWorkingDay).toBe('2026-05-19');
    expect(s('c11').nextWorkingDay).toBe('2026-04-07');
    expect(s('c12').nextWorkingDay).toBe('2026-04-06');
    expect(s('c10').nextWorkingDay).toBe('2026-03-18');
    expect(s('c01').nextWorkingDay).toBe('2026-04-02');
    expect(s('c02').nextWorkingDay).toBe('2026-04-13');
    expect(s('c09').nextWorkingDay).toBe('2026-05-19');
  });

  it('the 6- or 8-week date, by the date received', () => {
    // Before 2026-04-08: + 56 days. c01 04-01 → 05-27; c08, c11, c12 04-02 → 05-28; c10 03-16 → 05-11;
    // c15 02-20 → 04-17 (8 + 31 + 17 = 56).
    // From 2026-04-08: + 42 days. c02 04-10 → 05-22; c03 04-13 → 05-25; c04 04-14 → 05-26; c05 05-01 → 06-12;
    // c09 05-18 → 06-29; c13 06-16 → 07-28; c14 06-29 → 08-10.
    // jive-ca (CCTS) has no ADR-letter time limit: c06, c07 → none.
    const expected: Record<string, string | null> = {
      c01: '2026-05-27',
      c02: '2026-05-22',
      c03: '2026-05-25',
      c04: '2026-05-26',
      c05: '2026-06-12',
      c06: null,
      c07: null,
      c08: '2026-05-28',
      c09: '2026-06-29',
      c10: '2026-05-11',
      c11: '2026-05-28',
      c12: '2026-05-28',
      c13: '2026-07-28',
      c14: '2026-08-10',
      c15: '2026-04-17',
    };
    for (const [id, due] of Object.entries(expected)) expect(s(id).regulatoryDeadline, id).toBe(due);
    expect(s('c02').regulatoryDeadlineWhy).toBe(
      'due 2026-05-22: received 2026-04-10 + 6 weeks, Ofcom GC C4 from 2026-04-08',
    );
  });

  it("acknowledgement against the provider's own target", () => {
    // miso and jive-ca acknowledge "at once" (the day received); the others set no acknowledgement target.
    // c03 ack 04-13 on 04-13: met. c04 ack 04-15, due 04-14: missed. c05 nothing by 05-01 and still nothing on
    // 07-15: missed. c06 ack 05-15: met. c07 due 06-30, ack 07-02: missed.
    expect(s('c03').acknowledgement).toBe('met');
    expect(s('c04').acknowledgement).toBe('missed');
    expect(s('c05').acknowledgement).toBe('missed');
    expect(s('c06').acknowledgement).toBe('met');
    expect(s('c07').acknowledgement).toBe('missed');
    for (const id of ['c01', 'c02', 'c08', 'c09', 'c10', 'c11', 'c12', 'c13', 'c14', 'c15'])
      expect(s(id).acknowledgement, id).toBe('no-target');
  });

  it("the provider's own targets, over every stage", () => {
    // c01 kijoma, E&W, received Wed 04-01: first response and stage 1 both 5 working days: Thu 04-02 (1),
    //   [Fri 04-03, Mon 04-06 holidays], Tue 04-07 (2), Wed 04-08 (3), Thu 04-09 (4), Fri 04-10 (5) → due 04-10;
    //   responded 04-09: met.
    // c02 kijoma, received Fri 04-10: 5 working days → Fri 04-17; paused 04-13 to 04-20 stops the 5 working days
    //   Mon 04-13 to Fri 04-17, so the target moves 5 working days on → Fri 04-24; responded 04-22: met.
    // c03 miso: acknowledgement only, met. c04: acknowledgement missed.
    // c06 jive-ca: acknowledgement only, met.
    // c08 kinex: the "Customer resolution" stage (28 days) entered 04-14 → due 05-12; the response came 05-20:
    //   missed. It is only visible on the day the case left that stage (escalated 05-22); the last stage has no target.
    // c09 infinity, letter, received Mon 05-18: 10 working days: 05-19 (1), 05-20, 05-21, 05-22 (4), [Mon 05-25
    //   spring bank holiday], 05-26 (5), 05-27, 05-28, 05-29 (8), Mon 06-01 (9), Tue 06-02 (10) → due 06-02;
    //   responded 06-02: met. Its stages have no targets of their own.
    // c10, c11 (Ofcom baseline): no provider targets. c12 kijoma, Scotland, received Thu 04-02: Fri 04-03 holiday,
    //   Mon 04-06 (1) … Fri 04-10 (5) → 04-10; resolved 04-07 (a resolution answers the response target): met.
    expect(s('c01').providerTargets).toBe('met');
    expect(s('c02').providerTargets).toBe('met');
    expect(s('c03').providerTargets).toBe('met');
    expect(s('c04').providerTargets).toBe('missed');
    expect(s('c04').missedTargets).toEqual(['Acknowledgement']);
    expect(s('c06').providerTargets).toBe('met');
    expect(s('c08').providerTargets).toBe('missed');
    expect(s('c08').missedTargets).toEqual(['Stage response (Customer resolution)']);
    expect(s('c09').providerTargets).toBe('met');
    expect(s('c10').providerTargets).toBe('no-target');
    expect(s('c11').providerTargets).toBe('no-target');
    expect(s('c12').providerTargets).toBe('met');
  });

  it('the ADR letter clock', () => {
    // c04: due 05-26, resolved 06-05 after it with no letter: missed. c05: due 06-12, nothing by today: missed.
    // c08: due 05-28, resolved 06-01 with no letter: missed. c09: deadlock 06-10 → due at once 06-10, sent 06-10: met.
    // c15: due 04-17, sent 04-20: missed. c01, c02, c03, c10, c11, c12: resolved before the date: no letter needed.
    // c13: due 07-28, still running on 07-15. c14: resolved 07-01 before 08-10: not needed.
    expect([s('c04').adrLetterDueOn, s('c04').adrLetterState]).toEqual(['2026-05-26', 'missed']);
    expect([s('c05').adrLetterDueOn, s('c05').adrLetterState]).toEqual(['2026-06-12', 'missed']);
    expect([s('c08').adrLetterDueOn, s('c08').adrLetterState]).toEqual(['2026-05-28', 'missed']);
    expect([s('c09').adrLetterDueOn, s('c09').adrLetterState]).toEqual(['2026-06-10', 'met']);
    expect([s('c15').adrLetterDueOn, s('c15').adrLetterState]).toEqual(['2026-04-17', 'missed']);
    expect([s('c13').adrLetterDueOn, s('c13').adrLetterState]).toEqual(['2026-07-28', 'running']);
    for (const id of ['c01', 'c02', 'c03', 'c10', 'c11', 'c12', 'c14'])
      expect(s(id).adrLetterState, id).toBe('not-applicable');
  });
});

describe('a business customer', () => {
  // c04 (kinex, due 05-26, resolved 06-05 with no ADR letter) as a business: whether its ADR clocks count depends on
  // the size of the business (Ofcom and the ADR schemes: 10 or fewer employees).
  const c04 = FIXTURE_CASES.find((c) => c.record.id === 'c04')!;
  const asBusiness = (employees: number) =>
    summariseCase(
      { ...c04.record, customer: { ...c04.record.customer, isBusiness: true, employees } },
      c04.events,
      FIXTURE_TODAY,
    );
  const reportWith = (replacement: CaseSummary) =>
    buildReport([...summaries.filter((x) => x.id !== 'c04'), replacement], {
      period: FIXTURE_PERIOD,
      today: FIXTURE_TODAY,
    });

  it('with 10 or fewer employees is counted like an individual: the 6-week date and the missed ADR letter', () => {
    const small = asBusiness(10);
    expect([small.regulatoryDeadline, small.adrLetterDueOn, small.adrLetterState]).toEqual([
      '2026-05-26',
      '2026-05-26',
      'missed',
    ]);
    const m = measureOf(reportWith(small), 'within-regulatory-deadline');
    expect([m.numerator, m.denominator]).toEqual([7, 9]);
  });

  it('with more than 10 employees is outside the ADR scheme: no 6-week date and no ADR letter due, so neither counts', () => {
    const large = asBusiness(25);
    expect([large.regulatoryDeadline, large.adrLetterDueOn, large.adrLetterState]).toEqual([
      null,
      null,
      'not-applicable',
    ]);
    const within = measureOf(reportWith(large), 'within-regulatory-deadline');
    expect([within.numerator, within.denominator, within.display]).toEqual([7, 8, '87.5%']);
    const onTime = measureOf(reportWith(large), 'adr-letters-on-time');
    const before = measureOf(report, 'adr-letters-on-time');
    expect([onTime.numerator, onTime.denominator]).toEqual([before.numerator, before.denominator! - 1]);
  });
});

describe('a case reopened after its resolution (explore40-manager #1)', () => {
  // c12 (kijoma, Scotland, received Thu 04-02, resolved Tue 04-07 inside kijoma's 5 working days), reopened Mon 04-20
  // and resolved again Wed 05-20, long after. The reply of 04-07 was given: the targets it met stay met. The case's
  // resolution is the last one (the "Complaints resolved" definition): 04-02 → 05-20 = 28 + 20 = 48 days.
  const c12 = FIXTURE_CASES.find((c) => c.record.id === 'c12')!;
  const later = (type: 'reopened' | 'resolved', on: string, n: number) => ({
    ...c12.events[0],
    id: `c12-later${n}`,
    type,
    on,
    at: `${on}T11:00:00.000Z`,
    summary: type,
  });
  const reopened = summariseCase(
    c12.record,
    [...c12.events, later('reopened', '2026-04-20', 1), later('resolved', '2026-05-20', 2)],
    FIXTURE_TODAY,
  );

  it('keeps the provider targets its first resolution met, and counts its last resolution', () => {
    expect(s('c12').providerTargets).toBe('met');
    expect(reopened.providerTargets).toBe('met');
    expect([reopened.resolvedOn, reopened.daysToResolve]).toEqual(['2026-05-20', 48]);
    const report = buildReport([...summaries.filter((x) => x.id !== 'c12'), reopened], {
      period: FIXTURE_PERIOD,
      today: FIXTURE_TODAY,
    });
    // Still 6 of 8, as with c12 resolved once (below).
    const m = measureOf(report, 'within-provider-targets');
    expect([m.numerator, m.denominator]).toEqual([6, 8]);
  });
});

describe('the report for 2026-04-01 to 2026-06-30, no filters, worked by hand', () => {
  it('volumes: 14 cases received in the period (c10 and c15 came earlier)', () => {
    expect(value(report, 'received').value).toBe(14);
    // Apr: c01 c02 c03 c04 c08 c11 c12 = 7; May: c05 c06 c09 c16 = 4; Jun: c07 c13 c14 = 3.
    expect(report.volumes.byMonth.map((r) => [r.label, r.count])).toEqual([
      ['Apr 2026', 7],
      ['May 2026', 4],
      ['Jun 2026', 3],
    ]);
    // billing c01 c03 c05 c06 c09 c13 = 6; fault repair c02 c12; service c04 c07; sales c08 c14; other c11 c16;
    // pricing only c10 (received in March) = 0.
    expect(Object.fromEntries(report.volumes.byCategory.map((r) => [r.key, r.count]))).toEqual({
      sales: 2,
      billing: 6,
      'fault-repair': 2,
      service: 2,
      pricing: 0,
      other: 2,
    });
    // phone c01 c03 c04 c06 c11 c13 = 6; email c02 c05 c07 c14 = 4; web c12 = 1 (c10 is March); letter c08 c09 = 2;
    // in person c16 = 1; chat only c15 (February) = 0.
    expect(Object.fromEntries(report.volumes.byChannel.map((r) => [r.key, r.count]))).toEqual({
      phone: 6,
      email: 4,
      web: 1,
      letter: 2,
      'in-person': 1,
      chat: 0,
    });
    // kijoma c01 c02 c12 c13 c14 c16 = 6; miso c03 c04 c05 = 3; jive-ca c06 c07 = 2; kinex, infinity, ofcom (c11) = 1.
    expect(report.volumes.byProcedure.map((r) => [r.key, r.count])).toEqual([
      ['kijoma@1', 6],
      ['miso@1', 3],
      ['jive-ca@1', 2],
      ['infinity@1', 1],
      ['kinex@1', 1],
      ['ofcom@1', 1],
    ]);
    expect(report.volumes.byProcedure[0].label).toBe('Kijoma Broadband complaints procedure v1');
    // Sam c01 c03 c06 c09 c12 c14 = 6; Jo c02 c04 c07 c08 c13 c16 = 6; nobody c05 c11 = 2.
    expect(report.volumes.byHandler.map((r) => [r.label, r.count])).toEqual([
      ['Jo Bloggs', 6],
      ['Sam Patel', 6],
      ['Unassigned', 2],
    ]);
    expect(report.rulesErrors).toBe(1); // c16
  });

  it('10 cases resolved in the period', () => {
    // c01 04-09, c02 04-22, c03 04-14, c04 06-05, c06 05-19, c08 06-01, c09 06-25 (closed), c10 04-08 (received in
    // March), c11 04-07, c12 04-07. Not: c14 (07-01, after), c16 (refused by the rules engine), the open ones.
    expect(value(report, 'resolved').value).toBe(10);
  });

  it('acknowledged on time: 2 of 5 = 40.0%', () => {
    // Received in the period with an acknowledgement target due by today: c03 met, c04 missed, c05 missed, c06 met,
    // c07 missed.
    const m = value(report, 'acknowledged-on-time');
    expect([m.numerator, m.denominator]).toEqual([2, 5]);
    expect(m.value).toBe(40);
    expect(m.display).toBe('40.0%');
    expect(m.detail).toBe('2 of 5 cases');
  });

  it("within the provider's own targets: 6 of 8 = 75.0%", () => {
    // Resolved in the period with a provider target: c01 c02 c03 c06 c09 c12 met; c04 c08 missed. c10, c11 have none.
    const m = value(report, 'within-provider-targets');
    expect([m.numerator, m.denominator, m.display]).toEqual([6, 8, '75.0%']);
  });

  it('within 6 or 8 weeks: 7 of 9 = 77.8%', () => {
    // Resolved in the period with an ADR-letter time limit (all but c06, CCTS): c01 04-09 ≤ 05-27, c02 04-22 ≤ 05-22,
    // c03 04-14 ≤ 05-25, c09 06-25 ≤ 06-29, c10 04-08 ≤ 05-11, c11 and c12 04-07 ≤ 05-28: within (7).
    // c04 06-05 > 05-26 and c08 06-01 > 05-28: not.
    const m = value(report, 'within-regulatory-deadline');
    expect([m.numerator, m.denominator, m.display]).toEqual([7, 9, '77.8%']);
    expect(m.value).toBeCloseTo(700 / 9, 10);
  });

  it('by the end of the next working day: 3 of 10 = 30.0%', () => {
    // c03 (04-14 = next working day), c06 (05-19: Victoria Day skipped), c11 (04-07: Easter Monday skipped in NI).
    // Not c12 (Scotland works on Easter Monday, so 04-06 was the next working day; resolved 04-07).
    const m = value(report, 'next-working-day');
    expect([m.numerator, m.denominator, m.display]).toEqual([3, 10, '30.0%']);
  });

  it('average 20.8 and median 10 calendar days to resolve', () => {
    // 8 + 12 + 1 + 52 + 4 + 60 + 38 + 23 + 5 + 5 = 208, / 10 = 20.8.
    // Sorted: 1 4 5 5 8 | 12 23 38 52 60 → median (8 + 12) / 2 = 10.
    expect(value(report, 'average-days').value).toBeCloseTo(20.8, 10);
    expect(value(report, 'average-days').display).toBe('20.8');
    expect(value(report, 'median-days').value).toBe(10);
    expect(value(report, 'median-days').detail).toBe('calendar days, over 10 cases');
  });

  it('ADR letters: 2 sent, 1 of 5 due in the period on time; 2 referrals', () => {
    // Sent in the period: c09 06-10, c15 04-20. Due in the period and decided: c04 (05-26 missed), c05 (06-12 missed),
    // c08 (05-28 missed), c09 (06-10 met), c15 (04-17 missed) → 1 of 5 = 20.0%.
    // Referred to ADR in the period: c09 06-20, c15 05-05. CCTS referrals: none.
    expect(value(report, 'adr-letters-sent').value).toBe(2);
    const onTime = value(report, 'adr-letters-on-time');
    expect([onTime.numerator, onTime.denominator, onTime.display]).toEqual([1, 5, '20.0%']);
    expect(value(report, 'adr-referrals').value).toBe(2);
    expect(value(report, 'ccts-referrals').value).toBe(0);
  });

  it('compensation paid per currency: £70.00 (2 payments), CAD 25.00 (1)', () => {
    // In the period: c09 compensation GBP 50 (06-10), c10 goodwill GBP 20 (04-08), c06 goodwill CAD 25 (05-19).
    // c13's GBP 30.50 is dated 07-01, after the period.
    expect(report.compensation).toEqual([
      { currency: 'CAD', compensation: 0, goodwill: 25, total: 25, payments: 1 },
      { currency: 'GBP', compensation: 50, goodwill: 20, total: 70, payments: 2 },
    ]);
  });
});

describe('filters and other periods, worked by hand', () => {
  it('category = billing', () => {
    const r = buildReport(summaries, {
      period: FIXTURE_PERIOD,
      today: FIXTURE_TODAY,
      filters: { category: 'billing' },
    });
    // Received: c01 c03 c05 c06 c09 c13 = 6. Acknowledgement: c03 met, c05 missed, c06 met → 2 of 3.
    // Resolved in the period: c01 c03 c06 c09 = 4, all within their provider targets (4 of 4); within 6/8 weeks:
    // c01 c03 c09 (c06 is CCTS) → 3 of 3; next working day: c03 c06 → 2 of 4; days 8 1 4 38 → mean 51 / 4 = 12.75,
    // median (4 + 8) / 2 = 6. ADR: c09's letter (1 sent), due in the period c05 missed, c09 met → 1 of 2; c09 referred.
    // Money: c09 GBP 50; c06 CAD 25.
    expect(value(r, 'received').value).toBe(6);
    expect(value(r, 'acknowledged-on-time')).toMatchObject({ numerator: 2, denominator: 3 });
    expect(value(r, 'resolved').value).toBe(4);
    expect(value(r, 'within-provider-targets')).toMatchObject({ numerator: 4, denominator: 4, display: '100.0%' });
    expect(value(r, 'within-regulatory-deadline')).toMatchObject({ numerator: 3, denominator: 3 });
    expect(value(r, 'next-working-day')).toMatchObject({ numerator: 2, denominator: 4, display: '50.0%' });
    expect(value(r, 'average-days').value).toBeCloseTo(12.75, 10);
    expect(value(r, 'average-days').display).toBe('12.8');
    expect(value(r, 'median-days').value).toBe(6);
    expect(value(r, 'adr-letters-sent').value).toBe(1);
    expect(value(r, 'adr-letters-on-time')).toMatchObject({ numerator: 1, denominator: 2 });
    expect(value(r, 'adr-referrals').value).toBe(1);
    expect(r.compensation.map((c) => [c.currency, c.total])).toEqual([
      ['CAD', 25],
      ['GBP', 50],
    ]);
  });

  it('handler = unassigned, channel = phone, procedure = miso', () => {
    // Unassigned: c05, c11 received (c15 came in February). c11 resolved 04-07, next working day in NI → 1 of 1.
    const unassigned = buildReport(summaries, {
      period: FIXTURE_PERIOD,
      today: FIXTURE_TODAY,
      filters: { handler: '' },
    });
    expect(value(unassigned, 'received').value).toBe(2);
    expect(value(unassigned, 'next-working-day')).toMatchObject({ numerator: 1, denominator: 1 });
    // c15's ADR letter (04-20) and referral (05-05) are in the period.
    expect(value(unassigned, 'adr-letters-sent').value).toBe(1);
    expect(value(unassigned, 'adr-referrals').value).toBe(1);
    // Phone: c01 c03 c04 c06 c11 c13 = 6 received; resolved c01 c03 c04 c06 c11 = 5; days 8 1 52 4 5 → median 5.
    const phone = buildReport(summaries, {
      period: FIXTURE_PERIOD,
      today: FIXTURE_TODAY,
      filters: { channel: 'phone' },
    });
    expect(value(phone, 'received').value).toBe(6);
    expect(value(phone, 'resolved').value).toBe(5);
    expect(value(phone, 'median-days').value).toBe(5);
    // miso: c03 c04 c05; acknowledgement 1 of 3; resolved c03 c04: provider 1 of 2, 6 weeks 1 of 2.
    const miso = buildReport(summaries, {
      period: FIXTURE_PERIOD,
      today: FIXTURE_TODAY,
      filters: { procedureId: 'miso' },
    });
    expect(value(miso, 'received').value).toBe(3);
    expect(value(miso, 'acknowledged-on-time')).toMatchObject({ numerator: 1, denominator: 3 });
    expect(value(miso, 'within-provider-targets')).toMatchObject({ numerator: 1, denominator: 2 });
    expect(value(miso, 'within-regulatory-deadline')).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('April only', () => {
    // Received in April: c01 c02 c03 c04 c08 c11 c12 = 7. Resolved in April: c01 c02 c03 c10 c11 c12 = 6
    // (days 8 12 1 23 5 5 → 54 / 6 = 9, median (5 + 8) / 2 = 6.5). ADR letters: c15 04-20. Due in April: c15 only
    // (04-17, missed) → 0 of 1. Money: c10 GBP 20 goodwill.
    const r = buildReport(summaries, { period: { from: '2026-04-01', to: '2026-04-30' }, today: FIXTURE_TODAY });
    expect(value(r, 'received').value).toBe(7);
    expect(value(r, 'resolved').value).toBe(6);
    expect(value(r, 'average-days').value).toBe(9);
    expect(value(r, 'median-days').value).toBe(6.5);
    expect(value(r, 'median-days').display).toBe('6.5');
    expect(value(r, 'adr-letters-sent').value).toBe(1);
    expect(value(r, 'adr-letters-on-time')).toMatchObject({ numerator: 0, denominator: 1, display: '0.0%' });
    expect(r.compensation).toEqual([{ currency: 'GBP', compensation: 0, goodwill: 20, total: 20, payments: 1 }]);
  });

  it('a period with nothing in it shows dashes, not 0% or NaN', () => {
    const r = buildReport(summaries, { period: { from: '2025-01-01', to: '2025-01-31' }, today: FIXTURE_TODAY });
    expect(value(r, 'received').display).toBe('0');
    expect(value(r, 'acknowledged-on-time')).toMatchObject({
      value: null,
      display: '—',
      detail: 'no cases to measure',
    });
    expect(value(r, 'median-days')).toMatchObject({ value: null, display: '—' });
    expect(r.compensation).toEqual([]);
    expect(r.volumes.byMonth).toEqual([{ key: '2025-01', label: 'Jan 2025', count: 0 }]);
  });
});

describe('received by procedure, with a desk procedure of two versions (explore36-manager #2)', () => {
  it('counts each case under the version in force on its day received, and names each row for it', () => {
    const v1 = { ...KIJOMA, id: 'kijoma-desk', name: 'Kijoma desk procedure', version: 1 };
    const v2 = { ...v1, version: 2, effectiveFrom: '2026-12-03' };
    const procedures = withProcedures(DEFAULT_PROCEDURES, [v1, v2]);
    const on = (id: string, receivedOn: string): CaseSummary => ({
      ...s('c01'),
      id,
      receivedOn,
      procedureId: 'kijoma-desk',
    });
    const r = buildReport([on('a', '2026-12-02'), on('b', '2026-12-04'), on('c', '2026-12-07')], {
      period: { from: '2026-12-01', to: '2026-12-07' },
      today: '2026-12-07',
      procedures,
    });
    expect(r.volumes.byProcedure.map((row) => [row.label, row.count])).toEqual([
      ['Kijoma desk procedure v2', 2],
      ['Kijoma desk procedure v1', 1],
    ]);
  });
});
