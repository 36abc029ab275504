// Calendar dates as ISO strings (YYYY-MM-DD). Pure: "today" always comes from the caller.

/** The years dates may fall in, for the whole app (the rules engine counts days in these years only). */
export const MIN_DATE_YEAR = 1900;
export const MAX_DATE_YEAR = 9999;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True for a real calendar date written as YYYY-MM-DD in the years 1900-9999: 2026-02-30 and 0000-01-01 are not.
 * ONE rule for the whole app: the rules engine's isIsoDate is this one.
 */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (year < MIN_DATE_YEAR || year > MAX_DATE_YEAR || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

/** The local calendar date of a timestamp, as YYYY-MM-DD. */
export function localIsoDate(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}`;
}

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** "1 December 2026": a YYYY-MM-DD date in English words. */
export function dateInWords(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

/** "Tuesday 1 December 2026": a YYYY-MM-DD date in English words, with its weekday. */
export function dateWithWeekdayInWords(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  // Sakamoto's method: the weekday by integer arithmetic (no Date, no time zone).
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const year = m < 3 ? y - 1 : y;
  const weekday = (year + Math.floor(year / 4) - Math.floor(year / 100) + Math.floor(year / 400) + t[m - 1] + d) % 7;
  return `${WEEKDAY_NAMES[weekday]} ${dateInWords(iso)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Dates as people type them (issue #15). The order of day, month and year is the interface language's, never the
// operating system's regional setting and never a guess: "01122026" is 1 December 2026 in English (UK), and is
// refused in a language whose dates are written year first.

/** The interface languages whose date order is known. English (UK) unless the desk's settings say otherwise. */
export const INTERFACE_LOCALES = ['en-GB', 'en-CA', 'fr-CA'] as const;
export type InterfaceLocale = (typeof INTERFACE_LOCALES)[number];
export const DEFAULT_INTERFACE_LOCALE: InterfaceLocale = 'en-GB';

/** The two languages the desk writes and speaks: English and French. */
export type Language = 'en' | 'fr';

/**
 * THE answer to "which language is this locale": French for any French locale ("fr", "fr-CA", "FR-ca"), English for
 * any other (en-GB, en-CA, an empty or unknown one), so every screen, export and letter puts a locale on the same side.
 */
export function languageOfLocale(locale: string | null | undefined): Language {
  return (locale ?? '').toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** Day, month, year (dd/mm/yyyy) or year, month, day (yyyy-mm-dd). */
export type DateOrder = 'dmy' | 'ymd';

export interface DateStyle {
  locale: InterfaceLocale;
  order: DateOrder;
  /** What the empty box shows, in the language's own letters: "dd/mm/yyyy", "aaaa-mm-jj". */
  placeholder: string;
  /** The same pattern for a date formatter (dayjs tokens). */
  format: string;
  /** 1 December 2026 written in this style. */
  example: string;
}

const STYLES: Record<InterfaceLocale, DateStyle> = {
  'en-GB': { locale: 'en-GB', order: 'dmy', placeholder: 'dd/mm/yyyy', format: 'DD/MM/YYYY', example: '01/12/2026' },
  'en-CA': { locale: 'en-CA', order: 'ymd', placeholder: 'yyyy-mm-dd', format: 'YYYY-MM-DD', example: '2026-12-01' },
  'fr-CA': { locale: 'fr-CA', order: 'ymd', placeholder: 'aaaa-mm-jj', format: 'YYYY-MM-DD', example: '2026-12-01' },
};

/** The date style of an interface language; English (UK) for a language without one. */
export function dateStyleFor(locale: string | null | undefined): DateStyle {
  const found = INTERFACE_LOCALES.find((l) => l.toLowerCase() === (locale ?? '').toLowerCase());
  return STYLES[found ?? DEFAULT_INTERFACE_LOCALE];
}

export type TypedDate = { ok: true; iso: string } | { ok: false; message: string };

const SEP = '[-/. ]';
const YEAR_FIRST = new RegExp(`^(\\d{4})${SEP}(\\d{1,2})${SEP}(\\d{1,2})$`);
const YEAR_LAST = new RegExp(`^(\\d{1,2})${SEP}(\\d{1,2})${SEP}(\\d{1,4})$`);

/**
 * A date as typed, read in the interface language's order. Year-first with separators (2026-12-01) is read the same in
 * every language, as only one order starts with the year; anything else is read in `style`'s order or refused with a
 * message saying how to type it. Eight digits are day, month, year (or year, month, day) exactly; a two-digit year is
 * refused rather than given a century.
 */
export function parseTypedDate(text: string, style: DateStyle): TypedDate {
  const typed = text.trim();
  const how = `Type the date as ${style.placeholder}, e.g. ${style.example}.`;
  if (typed === '') return { ok: false, message: `Enter a date. ${how}` };
  let parts: [string, string, string] | null = null;
  let m = YEAR_FIRST.exec(typed);
  if (m) parts = [m[1], m[2], m[3]];
  else if ((m = YEAR_LAST.exec(typed))) {
    if (style.order !== 'dmy')
      return { ok: false, message: `“${typed}” is not in the order ${style.placeholder}. ${how}` };
    if (m[3].length !== 4) return { ok: false, message: `Type the year in full (4 digits). ${how}` };
    parts = [m[3], m[2], m[1]];
  } else if (/^\d{8}$/.test(typed)) {
    parts =
      style.order === 'dmy'
        ? [typed.slice(4, 8), typed.slice(2, 4), typed.slice(0, 2)]
        : [typed.slice(0, 4), typed.slice(4, 6), typed.slice(6, 8)];
  }
  if (!parts) return { ok: false, message: `“${typed}” is not a date. ${how}` };
  const [year, month, day] = parts.map(Number);
  if (year < MIN_DATE_YEAR || year > MAX_DATE_YEAR) {
    return { ok: false, message: `“${typed}” has the year ${year}. ${how}` };
  }
  if (month < 1 || month > 12) return { ok: false, message: `“${typed}” has no month ${month}. ${how}` };
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!isIsoDate(iso)) {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
    return { ok: false, message: `There is no ${day} ${MONTH_NAMES[month - 1]} ${year}: that month has ${days} days.` };
  }
  return { ok: true, iso };
}
