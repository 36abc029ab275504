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
