// Property tests (fast-check) for the counting conventions of REGULATION.md §5.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarId } from '#shared/model/case';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './calendars';
import {
  addCalendarDays,
  addMonths,
  calendarDaysBetween,
  daysInMonth,
  isIsoDate,
  toDayNumber,
  toIsoDate,
} from './dates';
import { regimeVersionFor } from './regimes';
import { evaluateCase } from './evaluate';

const CALENDARS: CalendarId[] = ['england-and-wales', 'scotland', 'northern-ireland', 'canada'];
const calendarArb = fc.constantFrom(...CALENDARS);
// Any day from 2018 to 2032.
const FIRST = toDayNumber('2018-01-01');
const LAST = toDayNumber('2032-12-31');
const dateArb = fc.integer({ min: FIRST, max: LAST }).map(toIsoDate);
const nArb = fc.integer({ min: 0, max: 60 });

describe('addWorkingDays (REGULATION.md §5.2)', () => {
  it('gives a working day (for N ≥ 1)', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 60 }), calendarArb, (date, n, cal) => {
        expect(isWorkingDay(addWorkingDays(date, n, cal), cal)).toBe(true);
      }),
    );
  });

  it('is never fewer than N calendar days later', () => {
    fc.assert(
      fc.property(dateArb, nArb, calendarArb, (date, n, cal) => {
        expect(calendarDaysBetween(date, addWorkingDays(date, n, cal))).toBeGreaterThanOrEqual(n);
      }),
    );
  });

  it('is monotonic in N (strictly, since each extra working day is a later day)', () => {
    fc.assert(
      fc.property(dateArb, nArb, nArb, calendarArb, (date, a, b, cal) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const x = addWorkingDays(date, lo, cal);
        const y = addWorkingDays(date, hi, cal);
        if (lo === hi) expect(x).toBe(y);
        else expect(x < y).toBe(true);
      }),
    );
  });

  it('is monotonic in the start date', () => {
    fc.assert(
      fc.property(dateArb, dateArb, nArb, calendarArb, (d1, d2, n, cal) => {
        const [early, late] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(addWorkingDays(early, n, cal) <= addWorkingDays(late, n, cal)).toBe(true);
      }),
    );
  });

  it('counting the working days between the start and the result gives N', () => {
    fc.assert(
      fc.property(dateArb, nArb, calendarArb, (date, n, cal) => {
        expect(workingDaysBetween(date, addWorkingDays(date, n, cal), cal)).toBe(n);
      }),
    );
  });

  it('the day of receipt never counts: the result is after the start for N ≥ 1', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 60 }), calendarArb, (date, n, cal) => {
        expect(addWorkingDays(date, n, cal) > date).toBe(true);
      }),
    );
  });

  it('adding in two steps is the same as adding at once', () => {
    fc.assert(
      fc.property(dateArb, nArb, nArb, calendarArb, (date, a, b, cal) => {
        expect(addWorkingDays(addWorkingDays(date, a, cal), b, cal)).toBe(addWorkingDays(date, a + b, cal));
      }),
    );
  });
});

describe('addMonths (REGULATION.md §5.4)', () => {
  it('gives the same day of the month, or the last day of a shorter month', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -36, max: 36 }), (date, n) => {
        const result = addMonths(date, n);
        const [y, m, d] = date.split('-').map(Number);
        const [ry, rm, rd] = result.split('-').map(Number);
        expect(ry * 12 + rm - (y * 12 + m)).toBe(n);
        expect(rd).toBe(Math.min(d, daysInMonth(ry, rm)));
      }),
    );
  });

  it('31 January + 1 month is the last day of February (28 or 29)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2400 }), (year) => {
        const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
        expect(addMonths(`${year}-01-31`, 1)).toBe(`${year}-02-${leap ? 29 : 28}`);
      }),
    );
  });

  it('never leaves a month with an impossible day', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 24 }), (date, n) => {
        expect(isIsoDate(addMonths(date, n))).toBe(true);
      }),
    );
  });
});

describe('day arithmetic', () => {
  it('ISO ↔ day number round-trips over four centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2399-12-31') }), (day) => {
        expect(toDayNumber(toIsoDate(day))).toBe(day);
      }),
    );
  });
  it('agrees with the JavaScript Date (UTC) on which date follows which', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -1000, max: 1000 }), (date, n) => {
        const d = new Date(`${date}T00:00:00Z`);
        d.setUTCDate(d.getUTCDate() + n);
        expect(addCalendarDays(date, n)).toBe(d.toISOString().slice(0, 10));
      }),
    );
  });
});

describe('the 2026-04-07 / 2026-04-08 boundary (Ofcom GC C4)', () => {
  it('complaints first made before 2026-04-08 get 8 weeks; on or after it, 6 weeks', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toDayNumber('2024-01-01'), max: toDayNumber('2028-12-31') }).map(toIsoDate),
        (received) => {
          const version = regimeVersionFor('ofcom-gc-c4', received);
          const weeks = received < '2026-04-08' ? 8 : 6;
          expect(version?.adrLetter?.after).toEqual({ amount: weeks, unit: 'weeks' });
          const adr = evaluateCase(
            { procedureId: 'ofcom', calendar: 'england-and-wales', receivedOn: received, channel: 'phone', events: [] },
            received,
          ).clocks.find((c) => c.id === 'adr-letter');
          expect(adr?.dueOn).toBe(addCalendarDays(received, weeks * 7));
          expect(adr?.explanation).toContain(
            `+ ${weeks} weeks, Ofcom GC C4 ${weeks === 6 ? 'from' : 'before'} 2026-04-08`,
          );
        },
      ),
    );
  });
});
