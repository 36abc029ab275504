// Working-day calendars (REGULATION.md §4, §5.2).
//
// A calendar says which weekdays are bank holidays. Each calendar starts from a bundled snapshot (./data/holidays.json,
// years 2000-2060) of the rules kept by the `date-holidays` package: the GB nations with their substitute days and
// one-off proclaimed days, and Canada's federal general holidays. The snapshot is regenerated from those rules and
// checked against them by holiday-snapshot.test.ts (see ./holiday-rules.ts), and checked against the published GOV.UK
// dates by calendars.test.ts. Shipping the snapshot rather than the package keeps about 1.5 MB out of the app.
//
// A calendar can be extended with data at run time: an administrator imports a newer file in the GOV.UK
// bank-holidays feed shape and `extendCalendar` returns a NEW calendar set. Nothing is mutated and nothing global
// changes, so the set in use is always a value you pass around (`evaluateCase(facts, today, { calendars })`) and can
// reproduce in a test.
//
// Holiday lists are built once per calendar and year and kept (a calendar is immutable, so the memo can never go
// stale); after the first call for a year every look-up is a weekday test and a Map look-up.
import { z } from 'zod';
import type { CalendarId } from '#shared/model/case';
import { type DayNumber, dayNumberFromParts, isWeekend, partsFromDayNumber, toDayNumber, toIsoDate } from './dates';
import { RulesError } from './errors';
import { formatZodIssues, isoDateSchema } from './zod-helpers';
import type { IsoDate } from './types';
import snapshot from './data/holidays.json';

export const CALENDAR_IDS = [
  'england-and-wales',
  'scotland',
  'northern-ireland',
  'canada',
] as const satisfies readonly CalendarId[];

export interface Holiday {
  date: IsoDate;
  name: string;
  /** A weekday that stands in for a holiday falling at a weekend. */
  substitute: boolean;
  /** `rules`: from the bundled snapshot of the holiday rules (or the rules themselves); `imported`: from a file. */
  source: 'rules' | 'imported';
}

/** How imported days combine with what the calendar already has. */
export type ImportMode =
  /**
   * Every year present in the file is complete: its days REPLACE the calendar's days for that year (so a holiday
   * moved by proclamation, like the 2020 VE-day bank holiday, is moved, not doubled). This is how the GOV.UK feed is
   * published. Years not in the file are untouched.
   */
  | 'replace-years'
  /** The days are ADDED to what the calendar has (e.g. a single one-off proclaimed day). */
  | 'add';

/** One imported holidays file, as kept inside a calendar (build calendars with withImported / extendCalendar). */
export interface ImportLayer {
  mode: ImportMode;
  byYear: ReadonlyMap<number, readonly Holiday[]>;
}

interface YearData {
  start: DayNumber;
  end: DayNumber; // inclusive
  list: readonly Holiday[];
  /** Day numbers of `list`, same order. */
  days: readonly DayNumber[];
  byDay: ReadonlyMap<DayNumber, Holiday>;
}

/** Where a calendar's days come from before any import: the weekday bank holidays of a year, in date order. */
export interface HolidaySource {
  description: string;
  /** Throws a RulesError when the source has nothing for `year`. */
  holidays(year: number): Holiday[];
}

const CALENDAR_NAMES: Record<CalendarId, string> = {
  'england-and-wales': 'England & Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
  canada: 'Canada (federal)',
};

/**
 * The holidays of the built-in calendars (the bundled snapshot), by a stable id, with the name the snapshot gives
 * them. The name is what the records and English say; the interface names each one in its language by its id
 * (the catalogue's `holiday.<id>`). A holiday an imported file names otherwise is shown as that file writes it.
 */
export const BUILT_IN_HOLIDAYS = {
  'new-year': "New Year's Day",
  'january-2nd': 'January 2nd',
  'st-patrick': "St Patrick's Day",
  'good-friday': 'Good Friday',
  'easter-monday': 'Easter Monday',
  'early-may': 'Early May bank holiday',
  've-day': 'Early May bank holiday (VE day)',
  'victoria-day': 'Victoria Day',
  spring: 'Spring bank holiday',
  'canada-day': 'Canada Day',
  boyne: "Battle of the Boyne (Orangemen's Day)",
  summer: 'Summer bank holiday',
  'labour-day': 'Labour Day',
  'truth-and-reconciliation': 'National Day for Truth and Reconciliation',
  thanksgiving: 'Thanksgiving',
  'remembrance-day': 'Remembrance Day',
  'st-andrew': "St Andrew's Day",
  christmas: 'Christmas Day',
  'boxing-day': 'Boxing Day',
  'platinum-jubilee': "Queen's Platinum Jubilee",
  'queen-funeral': "Queen Elizabeth's Funeral Day",
  coronation: "King Charles III's Coronation",
} as const;
export type BuiltInHolidayId = keyof typeof BUILT_IN_HOLIDAYS;

/** What a holiday's name ends with when it stands in for one at a weekend: "Boxing Day (substitute day)". */
export const SUBSTITUTE_DAY = ' (substitute day)';

const HOLIDAY_IDS = new Map(
  (Object.entries(BUILT_IN_HOLIDAYS) as Array<[BuiltInHolidayId, string]>).map(([id, name]) => [name, id]),
);

/** A holiday's name as a built-in holiday and whether it is a substitute day, or null for any other name. */
export function builtInHoliday(name: string): { id: BuiltInHolidayId; substitute: boolean } | null {
  const substitute = name.endsWith(SUBSTITUTE_DAY);
  const id = HOLIDAY_IDS.get(substitute ? name.slice(0, -SUBSTITUTE_DAY.length) : name);
  return id ? { id, substitute } : null;
}

/** The bundled snapshot: calendar → year → { "MM-DD": name }. */
type Snapshot = {
  source: string;
  firstYear: number;
  lastYear: number;
  calendars: Record<CalendarId, Record<string, Record<string, string>>>;
};
const SNAPSHOT = snapshot as unknown as Snapshot;

/** The years the bundled holiday data covers. */
export const SNAPSHOT_YEARS = { first: SNAPSHOT.firstYear, last: SNAPSHOT.lastYear } as const;

/** The default source: the bundled snapshot (years SNAPSHOT_YEARS.first to .last). */
export function snapshotSource(id: CalendarId): HolidaySource {
  const years = SNAPSHOT.calendars[id];
  return {
    description: `${CALENDAR_NAMES[id]} bank holidays ${SNAPSHOT.firstYear}-${SNAPSHOT.lastYear}, from ${SNAPSHOT.source}`,
    holidays(year) {
      const days = years[String(year)];
      if (!days) {
        throw new RulesError(
          'no-holiday-data',
          `The ${CALENDAR_NAMES[id]} calendar has no bank-holiday data for ${year} (the bundled data covers ` +
            `${SNAPSHOT.firstYear}-${SNAPSHOT.lastYear}); import a holidays file for that year.`,
          'calendar',
        );
      }
      return Object.entries(days).map(([monthDay, name]) => ({
        date: `${year}-${monthDay}`,
        name,
        substitute: name.includes(SUBSTITUTE_DAY.trim()),
        source: 'rules' as const,
      }));
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The calendar value

export class HolidayCalendar {
  readonly id: CalendarId;
  /** "England & Wales" */
  readonly name: string;
  readonly description: string;
  private readonly rules: HolidaySource;
  private readonly layers: readonly ImportLayer[];
  private readonly years = new Map<number, YearData>();
  private last: YearData | undefined;

  constructor(id: CalendarId, rules: HolidaySource = snapshotSource(id), layers: readonly ImportLayer[] = []) {
    this.id = id;
    this.name = CALENDAR_NAMES[id];
    this.rules = rules;
    this.layers = layers;
    this.description =
      layers.length === 0
        ? rules.description
        : `${rules.description}, with imported holiday data for ${[...new Set(layers.flatMap((l) => [...l.byYear.keys()]))].sort((a, b) => a - b).join(', ')}`;
  }

  /** A new calendar with `holidays` imported on top of this one (this calendar is unchanged). */
  withImported(holidays: readonly Holiday[], mode: ImportMode = 'replace-years'): HolidayCalendar {
    const byYear = new Map<number, Holiday[]>();
    for (const h of holidays) {
      const year = Number(h.date.slice(0, 4));
      const list = byYear.get(year) ?? [];
      list.push({ ...h, source: 'imported' });
      byYear.set(year, list);
    }
    return new HolidayCalendar(this.id, this.rules, [...this.layers, { mode, byYear }]);
  }

  /** Years for which imported data is in force. */
  importedYears(): number[] {
    return [...new Set(this.layers.flatMap((l) => [...l.byYear.keys()]))].sort((a, b) => a - b);
  }

  /** The bank holidays of `year` that fall on weekdays (the days that stop the working-day count), in date order. */
  holidaysIn(year: number): readonly Holiday[] {
    return this.yearData(year).list;
  }

  /** Holidays (weekdays) with day numbers in (start, end], in date order. */
  holidaysInRange(start: DayNumber, end: DayNumber): Holiday[] {
    const out: Holiday[] = [];
    if (end <= start) return out;
    const lastYear = partsFromDayNumber(end).year;
    for (let year = partsFromDayNumber(start + 1).year; year <= lastYear; year++) {
      const data = this.yearData(year);
      for (let i = 0; i < data.days.length; i++) {
        const day = data.days[i];
        if (day > start && day <= end) out.push(data.list[i]);
      }
    }
    return out;
  }

  /** The bank holiday on `date`, if it is one (weekend days are never listed). */
  holidayOn(date: IsoDate): Holiday | undefined {
    return this.holidayOnDay(toDayNumber(date, 'date'));
  }

  holidayOnDay(day: DayNumber): Holiday | undefined {
    return this.dataForDay(day).byDay.get(day);
  }

  /** Monday to Friday and not a bank holiday of this calendar. */
  isWorkingDayNumber(day: DayNumber): boolean {
    if (isWeekend(day)) return false;
    return !this.dataForDay(day).byDay.has(day);
  }

  private dataForDay(day: DayNumber): YearData {
    const last = this.last;
    if (last !== undefined && day >= last.start && day <= last.end) return last;
    const data = this.yearData(partsFromDayNumber(day).year);
    this.last = data;
    return data;
  }

  private yearData(year: number): YearData {
    const cached = this.years.get(year);
    if (cached) return cached;
    if (!Number.isInteger(year) || year < 1900 || year > 9999) {
      throw new RulesError('invalid-argument', `No holiday data for the year ${year}.`);
    }
    const replaced = this.layers.some((l) => l.mode === 'replace-years' && l.byYear.has(year));
    let list: Holiday[] = replaced ? [] : this.rules.holidays(year);
    for (const layer of this.layers) {
      const imported = layer.byYear.get(year);
      if (!imported) continue;
      list = layer.mode === 'replace-years' ? [...imported] : [...list, ...imported];
    }
    const byDay = new Map<DayNumber, Holiday>();
    for (const h of list) {
      const day = toDayNumber(h.date);
      if (!isWeekend(day) && !byDay.has(day)) byDay.set(day, h);
    }
    const entries = [...byDay.entries()].sort((a, b) => a[0] - b[0]);
    const data: YearData = {
      start: dayNumberFromParts(year, 1, 1),
      end: dayNumberFromParts(year, 12, 31),
      list: entries.map(([, h]) => h),
      days: entries.map(([d]) => d),
      byDay,
    };
    this.years.set(year, data);
    return data;
  }
}

/** The calendars in use: one per CalendarId. Treat as immutable; `extendCalendar` returns a new one. */
export type CalendarSet = Readonly<Record<CalendarId, HolidayCalendar>>;

export const DEFAULT_CALENDARS: CalendarSet = Object.freeze({
  'england-and-wales': new HolidayCalendar('england-and-wales'),
  scotland: new HolidayCalendar('scotland'),
  'northern-ireland': new HolidayCalendar('northern-ireland'),
  canada: new HolidayCalendar('canada'),
});

/** A calendar, given by id (from `calendars`, default DEFAULT_CALENDARS) or as the calendar value itself. */
export type CalendarRef = CalendarId | HolidayCalendar;

export function isCalendarId(value: unknown): value is CalendarId {
  return typeof value === 'string' && (CALENDAR_IDS as readonly string[]).includes(value);
}

export function getCalendar(ref: CalendarRef, calendars: CalendarSet = DEFAULT_CALENDARS): HolidayCalendar {
  if (ref instanceof HolidayCalendar) return ref;
  if (isCalendarId(ref)) return calendars[ref];
  throw new RulesError(
    'unknown-calendar',
    `Unknown calendar "${String(ref)}"; expected one of ${CALENDAR_IDS.join(', ')}.`,
    'calendar',
  );
}

export function listCalendars(calendars: CalendarSet = DEFAULT_CALENDARS): HolidayCalendar[] {
  return CALENDAR_IDS.map((id) => calendars[id]);
}

// ---------------------------------------------------------------------------------------------------------------
// Working-day arithmetic (REGULATION.md §5.2)

/** Day-number form of addWorkingDays, for the engine's hot path. */
export function addWorkingDaysToDay(start: DayNumber, n: number, calendar: HolidayCalendar): DayNumber {
  let day = start;
  let left = n;
  while (left > 0) {
    day += 1;
    if (calendar.isWorkingDayNumber(day)) left -= 1;
  }
  return day;
}

/** Working days in (start, end]; negative when end is before start. */
export function workingDaysBetweenDays(start: DayNumber, end: DayNumber, calendar: HolidayCalendar): number {
  if (end < start) return -workingDaysBetweenDays(end, start, calendar);
  let count = 0;
  for (let day = start + 1; day <= end; day++) if (calendar.isWorkingDayNumber(day)) count += 1;
  return count;
}

/** Bank holidays (weekdays) in (start, end], in date order. */
export function holidaysBetweenDays(start: DayNumber, end: DayNumber, calendar: HolidayCalendar): Holiday[] {
  return calendar.holidaysInRange(start, end);
}

function requireCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RulesError(
      'invalid-argument',
      `The number of working days must be a whole number, 0 or more; got ${String(n)}.`,
    );
  }
}

/**
 * `date` + `n` working days: the day of `date` never counts; count forward `n` days that are Monday to Friday and not
 * a bank holiday of the calendar. Received Saturday 2026-11-28 + 5 working days (England & Wales) = Friday
 * 2026-12-04. `n = 0` gives `date` itself ("immediately", §5.8).
 */
export function addWorkingDays(date: IsoDate, n: number, calendar: CalendarRef, calendars?: CalendarSet): IsoDate {
  requireCount(n);
  return toIsoDate(addWorkingDaysToDay(toDayNumber(date, 'date'), n, getCalendar(calendar, calendars)));
}

/** Monday to Friday and not a bank holiday of the calendar. */
export function isWorkingDay(date: IsoDate, calendar: CalendarRef, calendars?: CalendarSet): boolean {
  return getCalendar(calendar, calendars).isWorkingDayNumber(toDayNumber(date, 'date'));
}

/**
 * The number of working days after `start` up to and including `end` (so that
 * `workingDaysBetween(d, addWorkingDays(d, n)) === n`). Negative when `end` is before `start`.
 */
export function workingDaysBetween(
  start: IsoDate,
  end: IsoDate,
  calendar: CalendarRef,
  calendars?: CalendarSet,
): number {
  return workingDaysBetweenDays(toDayNumber(start, 'start'), toDayNumber(end, 'end'), getCalendar(calendar, calendars));
}

/** The bank holidays after `start` up to and including `end` (weekdays only), in date order. */
export function holidaysBetween(
  start: IsoDate,
  end: IsoDate,
  calendar: CalendarRef,
  calendars?: CalendarSet,
): Holiday[] {
  return holidaysBetweenDays(toDayNumber(start, 'start'), toDayNumber(end, 'end'), getCalendar(calendar, calendars));
}

// ---------------------------------------------------------------------------------------------------------------
// Importing holiday data (GOV.UK feed shape)

const feedEventSchema = z.object({
  title: z.string().trim().min(1, 'a holiday needs a title'),
  date: isoDateSchema,
  notes: z.string().optional(),
  bunting: z.boolean().optional(),
});

const feedDivisionSchema = z.object({
  division: z.string().optional(),
  events: z.array(feedEventSchema),
});

const feedSchema = z.record(z.string(), feedDivisionSchema);

export type HolidayFeedDivision = z.infer<typeof feedDivisionSchema>;
export type HolidayFeed = z.infer<typeof feedSchema>;

/**
 * Read one calendar's days out of data shaped like the GOV.UK bank-holidays feed:
 * `{ "<division>": { division, events: [{ title, date, notes, bunting? }] } }` (the whole feed), or a single
 * `{ division, events }` object. The division for a calendar is its id (`england-and-wales`, `scotland`,
 * `northern-ireland`, `canada`). Throws a RulesError naming the field for anything malformed.
 */
export function parseHolidayFeed(data: unknown, calendarId: CalendarId): Holiday[] {
  if (!isCalendarId(calendarId)) getCalendar(calendarId);
  let division: HolidayFeedDivision;
  let path: string;
  if (data !== null && typeof data === 'object' && Array.isArray((data as { events?: unknown }).events)) {
    const parsed = feedDivisionSchema.safeParse(data);
    if (!parsed.success) {
      throw new RulesError(
        'invalid-holiday-feed',
        `The holidays file is not valid: ${formatZodIssues(parsed.error.issues)}`,
      );
    }
    division = parsed.data;
    path = '';
    if (division.division !== undefined && division.division !== calendarId) {
      throw new RulesError(
        'invalid-holiday-feed',
        `The holidays file is for "${division.division}", not for the "${calendarId}" calendar.`,
        'division',
      );
    }
  } else {
    const parsed = feedSchema.safeParse(data);
    if (!parsed.success) {
      throw new RulesError(
        'invalid-holiday-feed',
        `The holidays file is not valid: ${formatZodIssues(parsed.error.issues)}`,
      );
    }
    const found = parsed.data[calendarId];
    if (!found) {
      const has = Object.keys(parsed.data);
      throw new RulesError(
        'invalid-holiday-feed',
        `The holidays file has no "${calendarId}" division (it has ${has.length ? has.join(', ') : 'none'}).`,
        calendarId,
      );
    }
    division = found;
    path = `${calendarId}.`;
  }
  if (division.events.length === 0) {
    throw new RulesError(
      'invalid-holiday-feed',
      `The holidays file lists no days for "${calendarId}".`,
      `${path}events`,
    );
  }
  return division.events.map((e) => ({
    date: e.date,
    name: e.title,
    substitute: /substitute/i.test(e.notes ?? ''),
    source: 'imported' as const,
  }));
}

/**
 * A new calendar set in which `calendarId` also knows the days in `feed` (GOV.UK feed shape, see parseHolidayFeed).
 * Pure: `base` (default DEFAULT_CALENDARS) is not changed. With the default mode `replace-years`, each year present in
 * the file replaces that year's computed days; use `add` to add a one-off proclaimed day.
 *
 *   const calendars = extendCalendar('england-and-wales', importedJson);
 *   evaluateCase(facts, today, { calendars });
 */
export function extendCalendar(
  calendarId: CalendarId,
  feed: unknown,
  options: { base?: CalendarSet; mode?: ImportMode } = {},
): CalendarSet {
  const base = options.base ?? DEFAULT_CALENDARS;
  const calendar = getCalendar(calendarId, base);
  const holidays = parseHolidayFeed(feed, calendarId);
  return Object.freeze({ ...base, [calendarId]: calendar.withImported(holidays, options.mode ?? 'replace-years') });
}
