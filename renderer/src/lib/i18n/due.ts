// "3 days overdue", "due today", "2 days left" in the interface language (the dashboard and "My cases").
import { calendarDaysBetween } from '#shared/rules/index';
import type { MessageKey } from './messages/en-GB';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

/** How a due date stands today; `closes` says "closes today" instead of "due today" (a window that ends). */
export function describeDueIn(t: T, dueOn: string, today: string, closes = false): string {
  const days = calendarDaysBetween(today, dueOn);
  if (days < 0) return t('dashboard.due.overdue', { days: -days });
  if (days === 0) return t(closes ? 'dashboard.due.closesToday' : 'dashboard.due.today');
  if (days === 1) return t('dashboard.due.tomorrow');
  return t('dashboard.due.left', { days });
}
