// Holiday RULES, computed with the date-holidays package. This is where the bundled snapshot
// (./data/holidays.json) comes from: `holiday-snapshot.test.ts` regenerates it from these rules and fails when the
// two differ. The app itself reads the snapshot, so date-holidays (with its world data, moment-timezone and
// astronomia: about 1.5 MB) stays out of the app bundle. Import this module only where that weight is acceptable
// (tests, tools), e.g. `new HolidayCalendar('scotland', dateHolidaysSource('scotland'))` for years the snapshot
// does not cover.
//
// UK: country GB, states ENG (England & Wales; WLS gives the same days), SCT, NIR; only `public`/`bank` days count,
// not observances. Canada: the federal general holidays of the Canada Labour Code (REGULATION.md §4) in
// date-holidays' own rule grammar, because its national list for CA lacks Victoria Day, Thanksgiving, Remembrance Day
// and Boxing Day (provincial there) and types Truth and Reconciliation as an observance. A fixed-date federal holiday
// falling at a weekend is observed on the following Monday (Christmas and Boxing Day: Monday and Tuesday).
import Holidays from 'date-holidays';
import type { CalendarId } from '#shared/model/case';
import type { Holiday, HolidaySource } from './calendars';
import { isWeekend, toDayNumber } from './dates';
import type { IsoDate } from './types';

export const CANADA_FEDERAL_RULES: ReadonlyArray<{ rule: string; name: string; fixed?: string; from?: number }> = [
  { rule: '01-01 and if saturday,sunday then next monday', name: "New Year's Day", fixed: '01-01' },
  { rule: 'easter -2', name: 'Good Friday' },
  { rule: 'monday before 05-25', name: 'Victoria Day' },
  { rule: '07-01 and if saturday,sunday then next monday', name: 'Canada Day', fixed: '07-01' },
  { rule: '1st monday in September', name: 'Labour Day' },
  {
    rule: '09-30 and if saturday,sunday then next monday',
    name: 'National Day for Truth and Reconciliation',
    fixed: '09-30',
    from: 2021,
  },
  { rule: '2nd monday after 10-01', name: 'Thanksgiving' },
  { rule: '11-11 and if saturday,sunday then next monday', name: 'Remembrance Day', fixed: '11-11' },
  { rule: '12-25 and if saturday then next monday if sunday then next tuesday', name: 'Christmas Day', fixed: '12-25' },
  { rule: '12-26 and if saturday then next monday if sunday then next tuesday', name: 'Boxing Day', fixed: '12-26' },
];

/** Only these date-holidays types are days off; observances (Mother's Day, Easter Sunday …) are not. */
const DAY_OFF_TYPES: ReadonlySet<string> = new Set(['public', 'bank']);

function weekdayHolidaysOfYear(
  year: number,
  raw: Array<{ date: string; name: string; substitute: boolean }>,
): Holiday[] {
  const prefix = `${year}-`;
  const seen = new Map<IsoDate, Holiday>();
  for (const h of raw) {
    const date = h.date.slice(0, 10);
    if (!date.startsWith(prefix)) continue;
    // Weekend days are never working days anyway; the GOV.UK feed lists only the weekday (substitute) days.
    if (isWeekend(toDayNumber(date))) continue;
    if (!seen.has(date)) seen.set(date, { date, name: h.name, substitute: h.substitute, source: 'rules' });
  }
  return [...seen.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

function ukNation(state: 'ENG' | 'SCT' | 'NIR'): (year: number) => Holiday[] {
  let hd: Holidays | undefined;
  return (year) => {
    hd ??= new Holidays('GB', state, { languages: 'en' });
    const raw = hd
      .getHolidays(year, 'en')
      .filter((h) => DAY_OFF_TYPES.has(h.type))
      .map((h) => ({ date: h.date, name: h.name.replace(/’/g, "'"), substitute: h.substitute === true }));
    return weekdayHolidaysOfYear(year, raw);
  };
}

function canadaFederal(): (year: number) => Holiday[] {
  let hd: Holidays | undefined;
  const byName = new Map(CANADA_FEDERAL_RULES.map((r) => [r.name, r]));
  return (year) => {
    if (!hd) {
      hd = new Holidays({ languages: 'en' });
      for (const r of CANADA_FEDERAL_RULES) hd.setHoliday(r.rule, { name: r.name, type: 'public' });
    }
    const raw = hd
      .getHolidays(year, 'en')
      .filter((h) => DAY_OFF_TYPES.has(h.type))
      .flatMap((h) => {
        const r = byName.get(h.name);
        if (!r || (r.from !== undefined && year < r.from)) return [];
        const substitute = r.fixed !== undefined && h.date.slice(5, 10) !== r.fixed;
        return [{ date: h.date, name: substitute ? `${h.name} (substitute day)` : h.name, substitute }];
      });
    return weekdayHolidaysOfYear(year, raw);
  };
}

const STATES: Record<Exclude<CalendarId, 'canada'>, 'ENG' | 'SCT' | 'NIR'> = {
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};

/** A holiday source computing any year with the date-holidays package (no year limit; heavy to bundle). */
export function dateHolidaysSource(id: CalendarId): HolidaySource {
  const compute = id === 'canada' ? canadaFederal() : ukNation(STATES[id]);
  return {
    description:
      id === 'canada'
        ? 'Canada federal general holidays, computed with the date-holidays package rules'
        : `${id} bank holidays, computed with the date-holidays package (GB-${STATES[id]})`,
    holidays: compute,
  };
}

/**
 * The years the bundled snapshot covers. It starts in 2013 because date-holidays misses some earlier one-off changes
 * (the 2012 spring bank holiday moved to 4 June for the Diamond Jubilee; the 2011 royal wedding; the 2002 Golden
 * Jubilee), and a wrong date is worse than none: for earlier years the calendar refuses with a clear error unless a
 * holidays file for them is imported.
 */
export const SNAPSHOT_FIRST_YEAR = 2013;
export const SNAPSHOT_LAST_YEAR = 2060;

const SNAPSHOT_ORDER: CalendarId[] = ['england-and-wales', 'scotland', 'northern-ireland', 'canada'];

/**
 * The text of ./data/holidays.json: for each calendar and year, the weekday bank holidays as { "MM-DD": name },
 * one line per year so a change shows up as a readable diff.
 */
export function buildHolidaySnapshotJson(dateHolidaysVersion: string): string {
  const lines: string[] = [
    '{',
    `  "source": "the date-holidays ${dateHolidaysVersion} rules in shared/rules/holiday-rules.ts (regenerate: npx vitest run --config test/vitest.config.ts shared/rules/holiday-snapshot -u)",`,
    `  "firstYear": ${SNAPSHOT_FIRST_YEAR},`,
    `  "lastYear": ${SNAPSHOT_LAST_YEAR},`,
    '  "calendars": {',
  ];
  SNAPSHOT_ORDER.forEach((id, i) => {
    const source = dateHolidaysSource(id);
    lines.push(`    ${JSON.stringify(id)}: {`);
    for (let year = SNAPSHOT_FIRST_YEAR; year <= SNAPSHOT_LAST_YEAR; year++) {
      const days = Object.fromEntries(source.holidays(year).map((h) => [h.date.slice(5), h.name]));
      lines.push(`      "${year}": ${JSON.stringify(days)}${year < SNAPSHOT_LAST_YEAR ? ',' : ''}`);
    }
    lines.push(`    }${i < SNAPSHOT_ORDER.length - 1 ? ',' : ''}`);
  });
  lines.push('  }', '}', '');
  return lines.join('\n');
}
