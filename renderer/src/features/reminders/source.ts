// The reminders' view of the database: index range queries on the case index, and the `notified` record.
import { markNotified } from '#db/repositories/cases';
import type { RedressDatabase } from '#db/schema';
import { nextDueBetween } from '#db/case-index/queries';
import type { ReminderSource } from './run';

/** Rows named in a digest (the rest are counted). */
const DIGEST_ROWS = 5;
/** Clocks fetched when looking for ones that fell overdue; beyond the grouping threshold only the count matters. */
const FELL_DUE_ROWS = 500;

export function databaseReminderSource(database: RedressDatabase): ReminderSource {
  return {
    async digest(today) {
      const [overdue, dueToday] = await Promise.all([
        nextDueBetween(database, '', today, false, DIGEST_ROWS),
        nextDueBetween(database, today, today, true, DIGEST_ROWS),
      ]);
      return { overdue: overdue.rows, overdueCount: overdue.count, dueToday: dueToday.rows, dueTodayCount: dueToday.count };
    },
    async dueBetween(fromOn, beforeOn) {
      return (await nextDueBetween(database, fromOn, beforeOn, false, FELL_DUE_ROWS)).rows;
    },
    async notifiedAmong(ids) {
      const rows = await database.notified.bulkGet([...ids]);
      return new Set(rows.filter((r) => r !== undefined).map((r) => r.id));
    },
    claim(id, at) {
      return markNotified(database, id, { now: () => at });
    },
  };
}
