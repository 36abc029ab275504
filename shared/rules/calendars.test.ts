import { describe, expect, it } from 'vitest';
import type { CalendarId } from '#shared/model/case';
import {
  addWorkingDays,
  BUILT_IN_HOLIDAYS,
  builtInHoliday,
  CALENDAR_IDS,
  DEFAULT_CALENDARS,
  extendCalendar,
  getCalendar,
  holidaysBetween,
  HolidayCalendar,
  isWorkingDay,
  listCalendars,
  parseHolidayFeed,
  SNAPSHOT_YEARS,
  snapshotSource,
  workingDaysBetween,
} from './calendars';
import { RulesError } from './errors';
import { dateHolidaysSource } from './holiday-rules';
import govuk from './fixtures/uk-bank-holidays-2025-2027.json';

const UK: Array<Exclude<CalendarId, 'canada'>> = ['england-and-wales', 'scotland', 'northern-ireland'];

function datesOf(calendar: CalendarId, year: number, calendars = DEFAULT_CALENDARS): string[] {
  return calendars[calendar].holidaysIn(year).map((h) => h.date);
}

describe('UK calendars against the published GOV.UK dates (fixtures/uk-bank-holidays-2025-2027.json)', () => {
  for (const division of UK) {
    for (const year of [2025, 2026, 2027]) {
      it(`${division} ${year}: exactly the GOV.UK bank holidays`, () => {
        const expected = govuk[division].events.filter((e) => e.date.startsWith(`${year}-`)).map((e) => e.date);
        expect(expected.length).toBeGreaterThanOrEqual(8);
        expect(datesOf(division, year)).toEqual(expected);
      });
    }
    it(`${division}: substitute days are marked as such, like the feed's notes`, () => {
      const fromFeed = govuk[division].events.filter((e) => e.notes === 'Substitute day').map((e) => e.date);
      const ours = [2025, 2026, 2027]
        .flatMap((y) => DEFAULT_CALENDARS[division].holidaysIn(y))
        .filter((h) => h.substitute);
      expect(ours.map((h) => h.date)).toEqual(fromFeed);
    });
  }

  it('every date in the feed is a non-working day and every other weekday of 2025-2027 is a working day', () => {
    for (const division of UK) {
      const holidays = new Set(govuk[division].events.map((e) => e.date));
      for (let d = '2025-01-01'; d <= '2027-12-31'; d = addCalendarDay(d)) {
        const weekday = new Date(`${d}T12:00:00Z`).getUTCDay();
        const expected = weekday !== 0 && weekday !== 6 && !holidays.has(d);
        expect(isWorkingDay(d, division), `${division} ${d}`).toBe(expected);
      }
    }
  });
});

function addCalendarDay(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

describe('REGULATION.md §5.2 worked example', () => {
  it('received Saturday 2026-11-28 + 5 working days (England & Wales) = Friday 2026-12-04', () => {
    expect(addWorkingDays('2026-11-28', 5, 'england-and-wales')).toBe('2026-12-04');
  });
  it("in Scotland the same count skips St Andrew's Day (Monday 2026-11-30)", () => {
    expect(addWorkingDays('2026-11-28', 5, 'scotland')).toBe('2026-12-07');
  });
  it('0 working days is the day itself ("immediately", §5.8)', () => {
    expect(addWorkingDays('2026-11-28', 0, 'england-and-wales')).toBe('2026-11-28');
  });
});

describe('each calendar around Christmas', () => {
  const cases: Array<[CalendarId, string, number, string]> = [
    // 2026: Christmas Friday, Boxing Day Saturday → substitute Monday 28th (UK); Canada the same.
    ['england-and-wales', '2026-12-23', 2, '2026-12-29'],
    ['scotland', '2026-12-23', 2, '2026-12-29'],
    ['northern-ireland', '2026-12-23', 2, '2026-12-29'],
    ['canada', '2026-12-23', 2, '2026-12-29'],
    // 2027: Christmas Saturday, Boxing Day Sunday → Monday 27th and Tuesday 28th off.
    ['england-and-wales', '2027-12-24', 1, '2027-12-29'],
    ['canada', '2027-12-24', 1, '2027-12-29'],
    // New Year: Scotland also has 2 January (2026-01-02 Friday).
    ['england-and-wales', '2025-12-31', 1, '2026-01-02'],
    ['scotland', '2025-12-31', 1, '2026-01-05'],
    ['northern-ireland', '2025-12-31', 1, '2026-01-02'],
    ['canada', '2025-12-31', 1, '2026-01-02'],
  ];
  it.each(cases)('%s: %s + %i working days = %s', (calendar, start, n, expected) => {
    expect(addWorkingDays(start, n, calendar)).toBe(expected);
  });
  it("2027: Scotland's 2 January falls on a Saturday and is observed on Monday 4 January", () => {
    expect(isWorkingDay('2027-01-04', 'scotland')).toBe(false);
    expect(isWorkingDay('2027-01-04', 'england-and-wales')).toBe(true);
  });
});

describe('each calendar around Easter', () => {
  // Easter 2026: Good Friday 3 April, Easter Monday 6 April. Scotland and Canada (federal) have no Easter Monday.
  it.each<[CalendarId, string]>([
    ['england-and-wales', '2026-04-08'],
    ['northern-ireland', '2026-04-08'],
    ['scotland', '2026-04-07'],
    ['canada', '2026-04-07'],
  ])('%s: Thursday 2026-04-02 + 2 working days = %s', (calendar, expected) => {
    expect(addWorkingDays('2026-04-02', 2, calendar)).toBe(expected);
  });
  it('Good Friday is a holiday everywhere; Easter Monday only in England & Wales and Northern Ireland', () => {
    for (const c of ['england-and-wales', 'scotland', 'northern-ireland', 'canada'] as const) {
      expect(isWorkingDay('2027-03-26', c), c).toBe(false);
    }
    expect(isWorkingDay('2027-03-29', 'england-and-wales')).toBe(false);
    expect(isWorkingDay('2027-03-29', 'northern-ireland')).toBe(false);
    expect(isWorkingDay('2027-03-29', 'scotland')).toBe(true);
    expect(isWorkingDay('2027-03-29', 'canada')).toBe(true);
  });
});

describe("St Andrew's Day (Scotland only)", () => {
  it('2026-11-30 (Monday) is a holiday in Scotland only', () => {
    expect(isWorkingDay('2026-11-30', 'scotland')).toBe(false);
    for (const c of ['england-and-wales', 'northern-ireland', 'canada'] as const)
      expect(isWorkingDay('2026-11-30', c)).toBe(true);
  });
  it('2025: 30 November is a Sunday, so Monday 1 December is the substitute day', () => {
    expect(getCalendar('scotland').holidayOn('2025-12-01')).toMatchObject({ substitute: true });
    expect(addWorkingDays('2025-11-28', 1, 'scotland')).toBe('2025-12-02');
    expect(addWorkingDays('2025-11-28', 1, 'england-and-wales')).toBe('2025-12-01');
  });
});

describe('12 July (Northern Ireland only)', () => {
  it('2027-07-12 (Monday) is a holiday in Northern Ireland only', () => {
    expect(isWorkingDay('2027-07-12', 'northern-ireland')).toBe(false);
    expect(isWorkingDay('2027-07-12', 'england-and-wales')).toBe(true);
    expect(isWorkingDay('2027-07-12', 'scotland')).toBe(true);
    expect(isWorkingDay('2027-07-12', 'canada')).toBe(true);
  });
  it('2026: 12 July is a Sunday, so Monday 13 July is the substitute day', () => {
    expect(addWorkingDays('2026-07-10', 1, 'northern-ireland')).toBe('2026-07-14');
    expect(addWorkingDays('2026-07-10', 1, 'england-and-wales')).toBe('2026-07-13');
  });
  it('2025: 12 July is a Saturday, so Monday 14 July is the substitute day', () => {
    expect(isWorkingDay('2025-07-14', 'northern-ireland')).toBe(false);
  });
  it("17 March (St Patrick's Day) is a holiday in Northern Ireland only", () => {
    expect(isWorkingDay('2026-03-17', 'northern-ireland')).toBe(false);
    expect(isWorkingDay('2026-03-17', 'england-and-wales')).toBe(true);
    expect(isWorkingDay('2026-03-17', 'canada')).toBe(true);
  });
});

describe('Canada (federal general holidays, REGULATION.md §4)', () => {
  it('2026: the ten federal general holidays, each on a weekday', () => {
    expect(DEFAULT_CALENDARS.canada.holidaysIn(2026).map((h) => `${h.date} ${h.name}`)).toEqual([
      "2026-01-01 New Year's Day",
      '2026-04-03 Good Friday',
      '2026-05-18 Victoria Day',
      '2026-07-01 Canada Day',
      '2026-09-07 Labour Day',
      '2026-09-30 National Day for Truth and Reconciliation',
      '2026-10-12 Thanksgiving',
      '2026-11-11 Remembrance Day',
      '2026-12-25 Christmas Day',
      '2026-12-28 Boxing Day (substitute day)',
    ]);
  });
  it('weekend holidays are observed on the Monday (Canada Day 2028 is a Saturday → Monday 3 July)', () => {
    expect(isWorkingDay('2028-07-03', 'canada')).toBe(false);
    expect(isWorkingDay('2028-10-02', 'canada')).toBe(false); // Truth and Reconciliation, 30 Sep 2028 is a Saturday
    expect(isWorkingDay('2028-11-13', 'canada')).toBe(false); // Remembrance Day, 11 Nov 2028 is a Saturday
  });
  it("observances (Groundhog Day, Valentine's Day, Halloween …) are working days", () => {
    for (const d of ['2027-02-02', '2027-02-15', '2027-03-17', '2025-10-31'])
      expect(isWorkingDay(d, 'canada'), d).toBe(true);
  });
  it('no Truth and Reconciliation day before 2021', () => {
    expect(isWorkingDay('2020-09-30', 'canada')).toBe(true);
    expect(isWorkingDay('2021-09-30', 'canada')).toBe(false);
  });
});

describe('data from the rules source', () => {
  it("observances such as Mother's Day are not bank holidays (they fall on Sundays anyway)", () => {
    const names = listCalendars().flatMap((c) => c.holidaysIn(2026).map((h) => h.name));
    expect(names.some((n) => /Mother|Father|Easter Sunday|Valentine|Halloween/.test(n))).toBe(false);
  });
  it('one-off proclaimed days are included (2022 state funeral, 2023 coronation)', () => {
    expect(isWorkingDay('2022-09-19', 'england-and-wales')).toBe(false);
    expect(isWorkingDay('2023-05-08', 'scotland')).toBe(false);
    expect(isWorkingDay('2020-05-04', 'england-and-wales')).toBe(true); // early May bank holiday moved to VE day
    expect(isWorkingDay('2020-05-08', 'england-and-wales')).toBe(false);
  });
  it('holidaysBetween lists the weekday holidays after start up to and including end', () => {
    expect(holidaysBetween('2026-12-24', '2026-12-28', 'england-and-wales').map((h) => h.date)).toEqual([
      '2026-12-25',
      '2026-12-28',
    ]);
    expect(holidaysBetween('2026-12-25', '2026-12-27', 'england-and-wales')).toEqual([]);
  });
  it('workingDaysBetween counts after the start up to and including the end; negative when reversed', () => {
    expect(workingDaysBetween('2026-11-28', '2026-12-04', 'england-and-wales')).toBe(5);
    expect(workingDaysBetween('2026-12-04', '2026-11-28', 'england-and-wales')).toBe(-5);
    expect(workingDaysBetween('2026-12-04', '2026-12-04', 'england-and-wales')).toBe(0);
  });
  it('refuses bad arguments clearly', () => {
    expect(() => addWorkingDays('2026-02-30', 1, 'england-and-wales')).toThrow(/February 2026 has 28 days/);
    expect(() => addWorkingDays('2026-02-01', -1, 'england-and-wales')).toThrow(RulesError);
    expect(() => addWorkingDays('2026-02-01', 1.5, 'england-and-wales')).toThrow(/whole number/);
    expect(() => addWorkingDays('2026-02-01', 1, 'wales' as CalendarId)).toThrow(/Unknown calendar "wales"/);
  });
});

describe('extendCalendar: importing holiday data at run time', () => {
  const proclaimed = {
    'england-and-wales': {
      division: 'england-and-wales',
      events: [{ title: 'Proclaimed bank holiday', date: '2026-06-15', notes: '', bunting: true }],
    },
  };

  it('returns a new calendar set and leaves the old one alone (pure)', () => {
    const before = datesOf('england-and-wales', 2026);
    const extended = extendCalendar('england-and-wales', proclaimed, { mode: 'add' });
    expect(extended).not.toBe(DEFAULT_CALENDARS);
    expect(isWorkingDay('2026-06-15', 'england-and-wales', extended)).toBe(false);
    expect(isWorkingDay('2026-06-15', 'england-and-wales')).toBe(true);
    expect(datesOf('england-and-wales', 2026)).toEqual(before);
    expect(extended.scotland).toBe(DEFAULT_CALENDARS.scotland);
    expect(addWorkingDays('2026-06-12', 1, 'england-and-wales', extended)).toBe('2026-06-16');
  });

  it("'add' keeps the computed days; 'replace-years' makes the file's year authoritative", () => {
    const added = extendCalendar('england-and-wales', proclaimed, { mode: 'add' });
    expect(datesOf('england-and-wales', 2026, added)).toHaveLength(9);
    const replaced = extendCalendar('england-and-wales', proclaimed);
    expect(datesOf('england-and-wales', 2026, replaced)).toEqual(['2026-06-15']);
    expect(datesOf('england-and-wales', 2027, replaced)).toEqual(datesOf('england-and-wales', 2027));
  });

  it('the GOV.UK-shaped file itself can be imported for every UK division and changes nothing for 2025-2027', () => {
    let set = DEFAULT_CALENDARS;
    for (const division of UK) set = extendCalendar(division, govuk, { base: set });
    for (const division of UK) {
      expect(set[division].importedYears()).toEqual([2025, 2026, 2027]);
      for (const y of [2025, 2026, 2027]) expect(datesOf(division, y, set)).toEqual(datesOf(division, y));
      expect(set[division].holidaysIn(2026).every((h) => h.source === 'imported')).toBe(true);
    }
  });

  it('a moved holiday is moved, not doubled, with replace-years (like the 2020 VE-day move)', () => {
    const feed = {
      division: 'england-and-wales',
      events: datesOf('england-and-wales', 2026)
        .filter((d) => d !== '2026-05-04')
        .map((date) => ({ title: 'x', date, notes: '' }))
        .concat([{ title: 'Early May bank holiday (moved)', date: '2026-05-08', notes: '' }]),
    };
    const set = extendCalendar('england-and-wales', feed);
    expect(isWorkingDay('2026-05-04', 'england-and-wales', set)).toBe(true);
    expect(isWorkingDay('2026-05-08', 'england-and-wales', set)).toBe(false);
  });

  it('accepts Canada data under the "canada" division', () => {
    const set = extendCalendar(
      'canada',
      {
        canada: { division: 'canada', events: [{ title: 'National Day of Mourning', date: '2026-09-21', notes: '' }] },
      },
      { mode: 'add' },
    );
    expect(isWorkingDay('2026-09-21', 'canada', set)).toBe(false);
  });

  it('refuses malformed files with a message naming the field', () => {
    expect(() => parseHolidayFeed({ scotland: { division: 'scotland', events: [] } }, 'england-and-wales')).toThrow(
      /no "england-and-wales" division \(it has scotland\)/,
    );
    expect(() =>
      parseHolidayFeed(
        { 'england-and-wales': { events: [{ title: 'Bad', date: '2026-02-30' }] } },
        'england-and-wales',
      ),
    ).toThrow(/england-and-wales\.events\[0\]\.date: "2026-02-30" is not a real date/);
    expect(() =>
      parseHolidayFeed({ 'england-and-wales': { events: [{ date: '2026-02-03' }] } }, 'england-and-wales'),
    ).toThrow(/events\[0\]\.title/);
    expect(() =>
      parseHolidayFeed({ division: 'scotland', events: [{ title: 'x', date: '2026-01-05' }] }, 'england-and-wales'),
    ).toThrow(/for "scotland", not for the "england-and-wales" calendar/);
    expect(() => parseHolidayFeed('nonsense', 'england-and-wales')).toThrow(RulesError);
  });
});

describe('years outside the bundled data', () => {
  it('the bundled data covers 2013-2060; outside it the calendar refuses rather than guess', () => {
    expect(SNAPSHOT_YEARS).toEqual({ first: 2013, last: 2060 });
    expect(() => addWorkingDays('2012-06-01', 1, 'england-and-wales')).toThrow(
      /The England & Wales calendar has no bank-holiday data for 2012 \(the bundled data covers 2013-2060\); import a holidays file/,
    );
    expect(() => addWorkingDays('2060-12-30', 5, 'scotland')).toThrow(/no bank-holiday data for 2061/);
  });

  it('an imported complete year fills the gap (2012: spring bank holiday moved to 4 June, Diamond Jubilee 5 June)', () => {
    const feed = {
      division: 'england-and-wales',
      events: [
        ['2012-01-02', "New Year's Day"],
        ['2012-04-06', 'Good Friday'],
        ['2012-04-09', 'Easter Monday'],
        ['2012-05-07', 'Early May bank holiday'],
        ['2012-06-04', 'Spring bank holiday'],
        ['2012-06-05', 'Queen’s Diamond Jubilee'],
        ['2012-08-27', 'Summer bank holiday'],
        ['2012-12-25', 'Christmas Day'],
        ['2012-12-26', 'Boxing Day'],
      ].map(([date, title]) => ({ date, title, notes: '' })),
    };
    const set = extendCalendar('england-and-wales', feed);
    expect(addWorkingDays('2012-06-01', 1, 'england-and-wales', set)).toBe('2012-06-06');
  });

  it('a calendar can be built on the date-holidays rules themselves for any year', () => {
    const scotland = new HolidayCalendar('scotland', dateHolidaysSource('scotland'));
    expect(scotland.holidaysIn(2070).map((h) => h.date)).toContain('2070-12-01'); // St Andrew's Day, Sunday → Monday
    expect(addWorkingDays('2070-11-28', 1, scotland)).toBe('2070-12-02');
  });
});

describe('holiday sets are cached per calendar and year', () => {
  it('a million isWorkingDay look-ups over three years ask the holiday source once per year, with the same answers', () => {
    const asked = new Map<number, number>();
    const snapshot = snapshotSource('england-and-wales');
    const counting = {
      description: snapshot.description,
      holidays(year: number) {
        asked.set(year, (asked.get(year) ?? 0) + 1);
        return snapshot.holidays(year);
      },
    };
    const cal = new HolidayCalendar('england-and-wales', counting);
    const once = new HolidayCalendar('england-and-wales');
    const expected = Array.from({ length: 1000 }, (_, i) => once.isWorkingDayNumber(20_000 + i));
    let n = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const working = cal.isWorkingDayNumber(20_000 + (i % 1000));
      if (working !== expected[i % 1000]) throw new Error(`day ${20_000 + (i % 1000)} answered differently`);
      if (working) n++;
    }
    // Days 20,000 to 20,999 run from October 2024 to June 2027.
    expect([...asked.keys()].sort((a, b) => a - b)).toEqual([2024, 2025, 2026, 2027]);
    expect([...asked.values()].every((times) => times === 1)).toBe(true);
    expect(n).toBe(expected.filter(Boolean).length * 1000);
  });
});

describe('the built-in holidays, by id (the interface names each one in its language)', () => {
  it('every holiday of the bundled data is a built-in one, its substitute day too', () => {
    const unknown = new Set<string>();
    const misread = new Set<string>();
    const used = new Set<string>();
    for (const id of CALENDAR_IDS)
      for (let year = SNAPSHOT_YEARS.first; year <= SNAPSHOT_YEARS.last; year++)
        for (const h of snapshotSource(id).holidays(year)) {
          const found = builtInHoliday(h.name);
          if (!found) unknown.add(h.name);
          else used.add(found.id);
          if (found && found.substitute !== h.substitute) misread.add(h.name);
        }
    expect([...unknown]).toEqual([]);
    expect([...misread]).toEqual([]);
    // And every built-in one is still in the data.
    expect([...used].sort()).toEqual(Object.keys(BUILT_IN_HOLIDAYS).sort());
  });

  it('reads a substitute day; any other name is not built in', () => {
    expect(builtInHoliday('Boxing Day (substitute day)')).toEqual({ id: 'boxing-day', substitute: true });
    expect(builtInHoliday('Remembrance Day')).toEqual({ id: 'remembrance-day', substitute: false });
    expect(builtInHoliday('Fête nationale du Québec')).toBeNull();
    expect(builtInHoliday('Company away day (substitute day)')).toBeNull();
  });
});
