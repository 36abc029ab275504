// Report periods: inclusive ranges of calendar dates. "today" is an argument (the renderer passes the desk's date).
import { addCalendarDays, isIsoDate } from '#shared/rules/index';
import { dateLabel } from './format';
import { PROBLEMS_EN } from '#shared/model/problems';

export interface ReportPeriod {
  /** First day, inclusive (YYYY-MM-DD). */
  from: string;
  /** Last day, inclusive (YYYY-MM-DD). */
  to: string;
}

export const PERIOD_PRESETS = ['this-month', 'last-month', 'this-quarter', 'last-12-months'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PERIOD_PRESET_LABELS: Record<PeriodPreset, string> = {
  'this-month': 'This month',
  'last-month': 'Last month',
  'this-quarter': 'This quarter',
  'last-12-months': 'Last 12 months',
};

const pad = (n: number) => String(n).padStart(2, '0');
const firstOfMonth = (y: number, m: number) => `${y}-${pad(m)}-01`;
/** Year and month (1-12) `n` months after y-m (n may be negative). */
function shiftMonth(y: number, m: number, n: number): [number, number] {
  const index = y * 12 + (m - 1) + n;
  return [Math.floor(index / 12), (index % 12) + 1];
}

/**
 * The dates of a preset on `today`. Periods that include today end on today (nothing later can have happened):
 * this month = 1st of this month to today; last month = the whole previous month; this quarter = the first day of
 * the calendar quarter (Jan, Apr, Jul, Oct) to today; last 12 months = the 1st of the month eleven months ago to
 * today, so it shows twelve calendar months, the last one to date.
 */
export function presetPeriod(preset: PeriodPreset, today: string): ReportPeriod {
  const [y, m] = today.split('-').map(Number);
  switch (preset) {
    case 'this-month':
      return { from: firstOfMonth(y, m), to: today };
    case 'last-month': {
      const [py, pm] = shiftMonth(y, m, -1);
      return { from: firstOfMonth(py, pm), to: addCalendarDays(firstOfMonth(y, m), -1) };
    }
    case 'this-quarter':
      return { from: firstOfMonth(y, m - ((m - 1) % 3)), to: today };
    case 'last-12-months': {
      const [py, pm] = shiftMonth(y, m, -11);
      return { from: firstOfMonth(py, pm), to: today };
    }
  }
}

/** A custom period's problem in plain words, or null when it is fine. */
export function checkPeriod(period: { from?: string | null; to?: string | null }): string | null {
  if (!period.from || !period.to) return PROBLEMS_EN['period-days-missing'];
  if (!isIsoDate(period.from) || !isIsoDate(period.to)) return PROBLEMS_EN['period-dates-invalid'];
  if (period.from > period.to) return PROBLEMS_EN['period-backwards'];
  return null;
}

/** The months a period touches, "YYYY-MM", in order. */
export function monthsIn(period: ReportPeriod): string[] {
  const months: string[] = [];
  let [y, m] = period.from.split('-').map(Number);
  const last = period.to.slice(0, 7);
  for (let i = 0; i < 1200; i += 1) {
    const key = `${y}-${pad(m)}`;
    months.push(key);
    if (key >= last) break;
    [y, m] = shiftMonth(y, m, 1);
  }
  return months;
}

/** "1 Apr 2026 to 30 Jun 2026" */
export function describePeriod(period: ReportPeriod): string {
  return period.from === period.to ? dateLabel(period.from) : `${dateLabel(period.from)} to ${dateLabel(period.to)}`;
}
