// The bundled holiday data (data/holidays.json) must be exactly what the date-holidays rules give (holiday-rules.ts).
// After upgrading date-holidays or changing the rules, regenerate it with:
//   npx vitest run --config test/vitest.config.ts shared/rules/holiday-snapshot -u
// and review the diff (one line per calendar-year).
import datePackage from 'date-holidays/package.json';
import { describe, expect, it } from 'vitest';
import { buildHolidaySnapshotJson, dateHolidaysSource, SNAPSHOT_FIRST_YEAR, SNAPSHOT_LAST_YEAR } from './holiday-rules';
import govuk from './fixtures/uk-bank-holidays-2025-2027.json';

describe('bundled holiday snapshot', () => {
  it('data/holidays.json is the date-holidays rules for 2013-2060, unchanged', async () => {
    await expect(buildHolidaySnapshotJson(datePackage.version)).toMatchFileSnapshot('./data/holidays.json');
  });

  it('covers 2013 to 2060', () => {
    expect([SNAPSHOT_FIRST_YEAR, SNAPSHOT_LAST_YEAR]).toEqual([2013, 2060]);
  });

  it('includes the one-off days proclaimed since 2013, in every UK nation', () => {
    for (const division of ['england-and-wales', 'scotland', 'northern-ireland'] as const) {
      const days = (y: number) =>
        dateHolidaysSource(division)
          .holidays(y)
          .map((h) => h.date);
      expect(days(2020)).toContain('2020-05-08'); // VE day: early May bank holiday moved from 4 May
      expect(days(2020)).not.toContain('2020-05-04');
      expect(days(2022)).toEqual(expect.arrayContaining(['2022-06-02', '2022-06-03', '2022-09-19']));
      expect(days(2022)).not.toContain('2022-05-30');
      expect(days(2023)).toContain('2023-05-08');
    }
  });

  it('the rules themselves give the GOV.UK dates for every UK nation in 2025-2027', () => {
    for (const division of ['england-and-wales', 'scotland', 'northern-ireland'] as const) {
      const source = dateHolidaysSource(division);
      const ours = [2025, 2026, 2027].flatMap((y) => source.holidays(y).map((h) => h.date));
      expect(ours).toEqual(govuk[division].events.map((e) => e.date));
    }
  });

  it('Wales (GB-WLS) has the same days as England (GB-ENG) in date-holidays, so one calendar serves both', async () => {
    const { default: Holidays } = await import('date-holidays');
    const eng = new Holidays('GB', 'ENG');
    const wls = new Holidays('GB', 'WLS');
    for (let year = SNAPSHOT_FIRST_YEAR; year <= SNAPSHOT_LAST_YEAR; year++) {
      const days = (hd: typeof eng) =>
        hd
          .getHolidays(year)
          .filter((h) => h.type === 'public')
          .map((h) => h.date);
      expect(days(wls), String(year)).toEqual(days(eng));
    }
  });
});
