// Calendar-date arithmetic on ISO `YYYY-MM-DD` strings (REGULATION.md §5.1: dates, not times).
//
// Internally a date is a "day number": whole days since 1970-01-01 in the proleptic Gregorian calendar. The
// conversions are pure integer arithmetic (H. Hinnant's civil-from-days algorithms), so nothing here depends on the
// machine's time zone, on daylight saving, or on `Date` at all.
import { RulesError } from './errors';
import {
  dateWithWeekdayInWords,
  isIsoDate as isModelIsoDate,
  MAX_DATE_YEAR,
  MIN_DATE_YEAR,
  MONTH_NAMES,
  WEEKDAY_NAMES,
} from '#shared/model/dates';
import type { IsoDate } from './types';
import { fillTemplate } from '#shared/model/template';

/** Days since 1970-01-01. */
export type DayNumber = number;

export const MIN_YEAR = MIN_DATE_YEAR;
export const MAX_YEAR = MAX_DATE_YEAR;

export { WEEKDAY_NAMES };

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day number of a valid year/month/day (month 1-12). */
export function dayNumberFromParts(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function partsFromDayNumber(dayNumber: DayNumber): DateParts {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The calendar year a day number falls in (cheaper than full parts). */
export function yearOfDayNumber(dayNumber: DayNumber): number {
  return partsFromDayNumber(dayNumber).year;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(dayNumber: DayNumber): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isWeekend(dayNumber: DayNumber): boolean {
  const w = weekdayOf(dayNumber);
  return w === 0 || w === 6;
}

function digit(code: number): number {
  const d = code - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/**
 * Parse a strict ISO calendar date (`YYYY-MM-DD`) into a day number. Throws a RulesError naming `field` (when given)
 * for anything that is not a real date, e.g. `2026-02-30` or `2026-2-3`.
 */
export function toDayNumber(value: unknown, field?: string): DayNumber {
  if (typeof value === 'string') {
    const known = dayCache.get(value);
    if (known !== undefined) return known;
  }
  const day = parseDayNumber(value, field);
  if (dayCache.size < 100_000) dayCache.set(value as string, day);
  return day;
}

// Memo of successful parses: a desk's dates repeat a lot, and a Map hit is cheaper than re-parsing.
const dayCache = new Map<string, DayNumber>();

/**
 * Why a text is not a real date, as a kind and values (issue #17): the one home of its English, which is the
 * RulesError's message; the procedure editor and files say the same in the interface language
 * (./procedure-problems.ts `date-<kind>`). `{month}` of `days` is the month and year in words ("February 2026").
 */
export const DATE_FAULTS_EN = {
  'not-written': '"{date}" is not a date written YYYY-MM-DD',
  years: '"{date}" is outside the years {min}-{max}',
  'no-month': '"{date}" is not a real date: there is no month {month}',
  days: '"{date}" is not a real date: {month} has {days} days',
} as const;
export type DateFaultKind = keyof typeof DATE_FAULTS_EN;
export interface DateFault {
  kind: DateFaultKind;
  values: Readonly<Record<string, string | number>>;
}

/** A text that is not a real date: the RulesError says it in English (a sentence), `fault` keeps it as data. */
export class InvalidDateError extends RulesError {
  /** What is wrong, without the field and the full stop (a field's note, e.g. in a schema issue). */
  readonly words: string;
  constructor(
    readonly fault: DateFault,
    field?: string,
  ) {
    const words = fillTemplate(DATE_FAULTS_EN[fault.kind], (name) => String(fault.values[name] ?? ''));
    super('invalid-date', `${field ? `${field}: ` : ''}${words}.`, field);
    this.words = words;
  }
}

function parseDayNumber(value: unknown, field?: string): DayNumber {
  if (typeof value !== 'string') {
    const where = field ? `${field}: ` : '';
    throw new RulesError('invalid-date', `${where}expected a date written YYYY-MM-DD, got ${describe(value)}.`, field);
  }
  const fault = (kind: DateFaultKind, values: Record<string, string | number> = {}) =>
    new InvalidDateError({ kind, values: { date: value, ...values } }, field);
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) throw fault('not-written');
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = digit(value.charCodeAt(i));
    if (d < 0) throw fault('not-written');
    year = year * 10 + d;
  }
  const m1 = digit(value.charCodeAt(5));
  const m2 = digit(value.charCodeAt(6));
  const d1 = digit(value.charCodeAt(8));
  const d2 = digit(value.charCodeAt(9));
  if (m1 < 0 || m2 < 0 || d1 < 0 || d2 < 0) throw fault('not-written');
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (year < MIN_YEAR || year > MAX_YEAR) throw fault('years', { min: MIN_YEAR, max: MAX_YEAR });
  if (month < 1 || month > 12) throw fault('no-month', { month });
  const dim = daysInMonth(year, month);
  if (day < 1 || day > dim) throw fault('days', { month: `${MONTH_NAMES[month - 1]} ${year}`, days: dim });
  return dayNumberFromParts(year, month, day);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return `"${value}"`;
  return typeof value;
}

const isoCache = new Map<DayNumber, IsoDate>();

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Format a day number as `YYYY-MM-DD`. Memoised: a desk's dates cluster in a few years. */
export function toIsoDate(dayNumber: DayNumber): IsoDate {
  const cached = isoCache.get(dayNumber);
  if (cached !== undefined) return cached;
  const { year, month, day } = partsFromDayNumber(dayNumber);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new RulesError('invalid-date', `The date falls outside the years ${MIN_YEAR}-${MAX_YEAR}.`);
  }
  const iso = `${year}-${pad2(month)}-${pad2(day)}`;
  if (isoCache.size < 200_000) isoCache.set(dayNumber, iso);
  return iso;
}

/** True when `value` is a real calendar date written `YYYY-MM-DD` (the model's one rule, shared/model/dates.ts). */
export function isIsoDate(value: unknown): value is IsoDate {
  return isModelIsoDate(value);
}

function requireWholeNumber(n: number, name: string): void {
  if (!Number.isSafeInteger(n)) {
    throw new RulesError('invalid-argument', `${name} must be a whole number, got ${String(n)}.`);
  }
}

/** `date` + `n` calendar days (n may be negative). REGULATION.md §5.3. */
export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  requireWholeNumber(n, 'The number of days');
  return toIsoDate(toDayNumber(date, 'date') + n);
}

/**
 * `date` + `n` months: the same day of the month `n` months later, or the last day of that month when it has no such
 * day (31 January + 1 month = 28 or 29 February). REGULATION.md §5.4. `n` may be negative.
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  requireWholeNumber(n, 'The number of months');
  return toIsoDate(addMonthsToDayNumber(toDayNumber(date, 'date'), n));
}

export function addMonthsToDayNumber(dayNumber: DayNumber, n: number): DayNumber {
  const { year, month, day } = partsFromDayNumber(dayNumber);
  const monthIndex = year * 12 + (month - 1) + n;
  const y = Math.floor(monthIndex / 12);
  const m = monthIndex - y * 12 + 1;
  return dayNumberFromParts(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Whole calendar days from `start` to `end` (negative when `end` is earlier). */
export function calendarDaysBetween(start: IsoDate, end: IsoDate): number {
  return toDayNumber(end, 'end') - toDayNumber(start, 'start');
}

/** Compare two ISO dates: negative, zero or positive. Both must be real dates. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a, 'a') - toDayNumber(b, 'b');
}

/** "Saturday" for 2026-11-28. */
export function weekdayName(date: IsoDate): string {
  return WEEKDAY_NAMES[weekdayOf(toDayNumber(date, 'date'))];
}

/** "Monday 12 January 2026 — 324 days ago": a date written out in words, and how far it is from `today`. */
export function describeDateInWords(date: IsoDate, today: IsoDate): string {
  const n = toDayNumber(date, 'date') - toDayNumber(today, 'today');
  const when =
    n === 0
      ? 'today'
      : n === -1
        ? 'yesterday'
        : n === 1
          ? 'tomorrow'
          : n < 0
            ? `${(-n).toLocaleString('en-GB')} days ago`
            : `in ${n.toLocaleString('en-GB')} days`;
  return `${dateWithWeekdayInWords(date)} — ${when}`;
}
