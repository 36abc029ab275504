// The dashboard's date windows and the words for how far off a deadline is. Pure: "today" is an argument.
import { addCalendarDays, calendarDaysBetween } from '#shared/rules/index';

/** "3 days overdue", "1 day overdue", "due today", "due tomorrow", "4 days left". */
export function describeDue(dueOn: string, today: string): string {
  const days = calendarDaysBetween(today, dueOn);
  if (days < -1) return `${-days} days overdue`;
  if (days === -1) return '1 day overdue';
  if (days === 0) return 'due today';
  if (days === 1) return 'due tomorrow';
  return `${days} days left`;
}

/** Days ahead the "Due this week" list looks (tomorrow up to and including this many days from today). */
export const WEEK_DAYS = 7;
/** ADR letters due within this many days (or already overdue) are listed. */
export const ADR_LETTER_HORIZON_DAYS = 14;
/** ADR referral windows closing within this many days are listed. */
export const REFERRAL_HORIZON_DAYS = 30;

export interface DashboardWindows {
  today: string;
  /** "Due this week" is tomorrow up to and including `weekEndsOn` (today + WEEK_DAYS). */
  tomorrow: string;
  weekEndsOn: string;
  adrLetterHorizon: string;
  referralHorizon: string;
}

export function dashboardWindows(today: string): DashboardWindows {
  return {
    today,
    tomorrow: addCalendarDays(today, 1),
    weekEndsOn: addCalendarDays(today, WEEK_DAYS),
    adrLetterHorizon: addCalendarDays(today, ADR_LETTER_HORIZON_DAYS),
    referralHorizon: addCalendarDays(today, REFERRAL_HORIZON_DAYS),
  };
}

export type DueBucket = 'overdue' | 'today' | 'week' | 'later' | 'none';

/** Which due list a case's most urgent deadline puts it in: each case lands in exactly one. */
export function dueBucket(nextDueOn: string | null | undefined, today: string): DueBucket {
  if (!nextDueOn) return 'none';
  const days = calendarDaysBetween(today, nextDueOn);
  if (days < 0) return 'overdue';
  if (days === 0) return 'today';
  if (days <= WEEK_DAYS) return 'week';
  return 'later';
}

/**
 * An open case with nothing due: no clock of it is pending (a reopened complaint whose acknowledgement and stage target
 * are met, a case waiting on the CCTS or on the ADR scheme, a case the rules cannot read). Nothing puts it in a due
 * list, so the dashboard lists it on its own ("Open, nothing due"): the desk decides the next step.
 */
export function isOpenWithNothingDue(row: { status: string; nextDueOn: string | null }): boolean {
  return row.status === 'open' && row.nextDueOn === null;
}

/**
 * Marks `row` (`CaseIndexRow.openNothingDue`) when it is open with nothing due: its `updatedAt`, by which the
 * dashboard's list is ordered; otherwise the mark is removed, so the index on it holds only those cases.
 */
export function markOpenNothingDue<
  R extends { status: string; nextDueOn: string | null; updatedAt: string; openNothingDue?: string },
>(row: R): R {
  if (isOpenWithNothingDue(row)) row.openNothingDue = row.updatedAt;
  else delete row.openNothingDue;
  return row;
}
