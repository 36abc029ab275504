// The app's one home for showing dates, times and numbers (issue #17): every one goes through Intl in the interface
// language (set by the i18n provider, lib/i18n), so French (Canada) reads "mer. 18 nov. 2026" and "12 345".
import { DEFAULT_INTERFACE_LOCALE, type InterfaceLocale, languageOfLocale, localIsoDate } from '#shared/model/dates';

let current: InterfaceLocale = DEFAULT_INTERFACE_LOCALE;

/** Set by the i18n provider before the screens draw; read by the helpers below. */
export function setFormatLocale(locale: InterfaceLocale): void {
  current = locale;
}
export const formatLocale = (): InterfaceLocale => current;

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}
function numberFormat(locale: string, digits?: number): Intl.NumberFormat {
  const key = `n|${locale}|${digits ?? ''}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f)
    cache.set(
      key,
      (f = new Intl.NumberFormat(
        locale,
        digits === undefined ? undefined : { minimumFractionDigits: digits, maximumFractionDigits: digits },
      )),
    );
  return f;
}

/**
 * A date in words, as Intl writes it, except that French writes the first of the month "1er" ("1er janvier 2027",
 * "mer. 1er déc. 2027", "1er janv., 14 h 05"), which Intl does not: day 1 next to a month in words becomes "1er".
 */
function written(f: Intl.DateTimeFormat, locale: string, date: Date): string {
  if (languageOfLocale(locale) !== 'fr') return f.format(date);
  const parts = f.formatToParts(date);
  const monthInWords = parts.some((p) => p.type === 'month' && /\p{L}/u.test(p.value));
  return parts.map((p) => (p.type === 'day' && monthInWords && p.value === '1' ? '1er' : p.value)).join('');
}

/** An ISO day as a UTC instant at noon, so no time zone moves it to another day. */
const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, 12));
};

/** British usage as the desk has always shown it: no comma after the weekday, "Sep" (newer ICU writes "Sept"). */
const british = (locale: string, text: string) =>
  locale === 'en-GB' ? text.replace(',', '').replace('Sept ', 'Sep ') : text;

/** "Wed 18 Nov 2026" (en-GB), "Wed, Nov 18, 2026" (en-CA), "mer. 18 nov. 2026" (fr-CA) from "2026-11-18". */
export function formatDate(iso: string | null | undefined, locale: string = current): string {
  if (!iso) return '—';
  const f = dateFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return british(locale, written(f, locale, day(iso)));
}

const shortDates = new Map<string, string>();
/** About ten years of days, in two languages: a bound, not a size the lists reach. */
const SHORT_DATES_KEPT = 8192;

/** "18 Nov 2026" (the narrow lists): the day without its weekday. */
export function formatShortDate(iso: string, locale: string = current): string {
  // Remembered: the case list writes two of these for every row it draws, at every key typed in its search box.
  const key = `${locale}|${iso}`;
  let text = shortDates.get(key);
  if (text === undefined) {
    const f = dateFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    text = british(locale, written(f, locale, day(iso)));
    if (shortDates.size >= SHORT_DATES_KEPT) shortDates.clear();
    shortDates.set(key, text);
  }
  return text;
}

/** "Wednesday 18 November 2026" / "mercredi 18 novembre 2026". */
export function formatLongDate(iso: string, locale: string = current): string {
  const f = dateFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return british(locale, written(f, locale, day(iso)));
}

/** "February 2026" / "février 2026" from "2026-02" (or a day of that month). */
export function formatMonthYear(isoMonth: string, locale: string = current): string {
  const f = dateFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return f.format(day(`${isoMonth.slice(0, 7)}-01`));
}

/**
 * "22 Nov 2026, 14:05" / "22 nov. 2026, 14 h 05" / "Nov 22, 2026, 14:05": an instant, in this computer's time zone, on
 * the 24-hour clock in every language (English (Canada)'s "p.m." ended a sentence "p.m.." and read apart from the
 * other screens' times: explore34a #18).
 */
export function formatTimestamp(iso: string, locale: string = current): string {
  const f = dateFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return written(f, locale, new Date(iso));
}

/**
 * "2026-12-06 00:15": an instant in this computer's time zone, as numbers a spreadsheet reads as a date and time (a
 * CSV's cell; the Office québécois de la langue française allows the colon in tables).
 */
export function formatSheetTimestamp(iso: string): string {
  const at = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${localIsoDate(at)} ${p(at.getHours())}:${p(at.getMinutes())}`;
}

/**
 * A CSV's column separator for people who open it in a spreadsheet in this language: "," in English; ";" in French,
 * whose Excel writes decimal commas and so reads « ; » as the list separator.
 */
export function csvDelimiter(locale: string): string {
  return languageOfLocale(locale) === 'fr' ? ';' : ',';
}

/** "1 Dec" / "1er déc.": the day of an instant in this computer's time zone, without its year. */
export function formatDayMonth(at: Date, locale: string = current): string {
  return written(dateFormat(locale, { day: 'numeric', month: 'short' }), locale, at);
}

/** "12,345" / "12 345". */
export function formatNumber(n: number, locale: string = current): string {
  return numberFormat(locale).format(n);
}

/** "1,234.5" / "1 234,5": with exactly `digits` decimals (the formatter kept, not built again for each number). */
export function formatDecimal(n: number, digits: number, locale: string = current): string {
  return numberFormat(locale, digits).format(n);
}
