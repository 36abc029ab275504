// Calendar dates as ISO strings (YYYY-MM-DD). Pure: "today" always comes from the caller.

/**
 * True for a real calendar date written as YYYY-MM-DD in the years the rules engine counts in (1900-9999): 2026-02-30
 * and 0000-01-01 are not. ONE rule for the whole app: the rules engine's (shared/rules/dates.ts).
 */
export { isIsoDate } from '../rules/dates';

/** The local calendar date of a timestamp, as YYYY-MM-DD. */
export function localIsoDate(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}`;
}
