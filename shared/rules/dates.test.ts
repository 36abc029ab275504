import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addMonths,
  calendarDaysBetween,
  compareIsoDates,
  describeDateInWords,
  isIsoDate,
  toDayNumber,
  toIsoDate,
  weekdayName,
} from './dates';
import { RulesError } from './errors';

describe('ISO dates', () => {
  it('1970-01-01 is day 0, a Thursday', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(weekdayName('1970-01-01')).toBe('Thursday');
    expect(weekdayName('2026-11-28')).toBe('Saturday');
    expect(toIsoDate(toDayNumber('2026-12-04'))).toBe('2026-12-04');
  });

  it.each([
    ['2026-02-30', /February 2026 has 28 days/],
    ['2028-02-30', /February 2028 has 29 days/],
    ['2026-04-31', /April 2026 has 30 days/],
    ['2026-13-01', /there is no month 13/],
    ['2026-00-10', /there is no month 0/],
    ['2026-1-01', /not a date written YYYY-MM-DD/],
    ['26-01-01', /not a date written YYYY-MM-DD/],
    ['2026/01/01', /not a date written YYYY-MM-DD/],
    ['2026-01-01T00:00:00Z', /not a date written YYYY-MM-DD/],
    ['', /not a date written YYYY-MM-DD/],
  ])('refuses %s', (value, message) => {
    expect(() => toDayNumber(value, 'receivedOn')).toThrow(message);
    expect(() => toDayNumber(value, 'receivedOn')).toThrow(/^receivedOn: /);
    expect(isIsoDate(value)).toBe(false);
  });

  it('refuses non-strings with a RulesError naming the field', () => {
    let refused: unknown;
    try {
      toDayNumber(20260101, 'events[1].on');
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(RulesError);
    expect((refused as RulesError).field).toBe('events[1].on');
    expect((refused as RulesError).code).toBe('invalid-date');
  });

  it('accepts 29 February in leap years only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2027-02-29')).toBe(false);
  });
});

describe('calendar days and months (REGULATION.md §5.3, §5.4)', () => {
  it('N weeks is N × 7 calendar days, and the due date is not moved off a weekend', () => {
    expect(addCalendarDays('2026-12-18', 42)).toBe('2027-01-29');
    expect(addCalendarDays('2026-04-11', 42)).toBe('2026-05-23'); // a Saturday, left as it is
    expect(calendarDaysBetween('2026-12-18', '2027-01-29')).toBe(42);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-05-15', 12, '2027-05-15'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2026-03-31', -1, '2026-02-28'],
  ])('%s + %i months = %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it('compares dates', () => {
    expect(compareIsoDates('2026-04-07', '2026-04-08')).toBeLessThan(0);
    expect(compareIsoDates('2026-04-08', '2026-04-08')).toBe(0);
  });

  it('refuses fractional counts', () => {
    expect(() => addCalendarDays('2026-01-01', 1.5)).toThrow(/whole number/);
    expect(() => addMonths('2026-01-01', Number.NaN)).toThrow(/whole number/);
  });
});

describe('one isIsoDate for the whole app', () => {
  it('agrees with the day arithmetic: a string is a date exactly when it converts to a day number', () => {
    const samples = [
      '2026-02-28',
      '2026-02-29',
      '2024-02-29',
      '1900-02-29',
      '2000-02-29',
      '0000-01-01',
      '1899-12-31',
      '1900-01-01',
      '9999-12-31',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '2026-4-1',
      ' 2026-04-01',
      '2026-04-01T00:00',
      '',
    ];
    for (let year = 1895; year <= 2105; year += 1)
      for (const md of ['02-28', '02-29', '02-30', '04-30', '04-31', '12-31']) samples.push(`${year}-${md}`);
    for (const s of samples) {
      let converts = true;
      try {
        toDayNumber(s);
      } catch {
        converts = false;
      }
      expect(isIsoDate(s), s).toBe(converts);
    }
  });
});

describe('describeDateInWords', () => {
  it('writes the date out with its weekday and how far it is from today', () => {
    expect(describeDateInWords('2026-01-12', '2026-12-02')).toBe('Monday 12 January 2026 — 324 days ago');
    expect(describeDateInWords('2026-12-02', '2026-12-02')).toBe('Wednesday 2 December 2026 — today');
    expect(describeDateInWords('2026-12-01', '2026-12-02')).toBe('Tuesday 1 December 2026 — yesterday');
    expect(describeDateInWords('2026-12-03', '2026-12-02')).toBe('Thursday 3 December 2026 — tomorrow');
    expect(describeDateInWords('2027-01-01', '2026-12-02')).toBe('Friday 1 January 2027 — in 30 days');
    expect(describeDateInWords('2020-01-01', '2026-12-02')).toBe('Wednesday 1 January 2020 — 2,527 days ago');
  });
});
