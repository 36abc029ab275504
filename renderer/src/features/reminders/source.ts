// The reminders' view of the database: index range queries on the case index, and the `notified` record of what was
// shown, what a window is showing now and what was refused.
import type { NotifiedRow, RedressDatabase } from '#db/schema';
import { nextDueBetween, type CaseScope } from '#db/case-index/queries';
import { readDeskScope } from '#db/cases-scope';
import type { ReminderSource } from './run';
import type { MainMessage } from '#shared/ipc/messages';
import { failureIn, type Translate } from '#lib/i18n/index';

/** Rows named in a digest (the rest are counted). */
const DIGEST_ROWS = 5;
/** Clocks fetched when looking for ones that fell overdue; beyond the grouping threshold only the count matters. */
const FELL_DUE_ROWS = 500;
/** A claim older than this was abandoned (the window closed while showing it): another may take it. */
export const SENDING_LEASE_MS = 5 * 60_000;
/** A refusal tried again within this long is still happening; older ones are no longer being tried (superseded). */
export const FAILURE_FRESH_MS = 15 * 60_000;

/** Shown already, or being shown by a window now: not to be shown again. */
function isTaken(row: NotifiedRow | undefined, at: Date): boolean {
  if (!row) return false;
  if (row.sending) return at.getTime() - Date.parse(row.at) < SENDING_LEASE_MS;
  return row.failed === undefined;
}

/**
 * The cases the reminders are about: the ones the desk's dashboard counts. In a team, a desk that chose "This desk's
 * cases" is not told of every colleague's case (explore40-team: every desk, the lead's too, got them all).
 */
async function remindedScope(database: RedressDatabase): Promise<CaseScope> {
  const desk = await readDeskScope(database);
  return desk ? { desk } : {};
}

export function databaseReminderSource(database: RedressDatabase): ReminderSource {
  return {
    async digest(today) {
      const scope = await remindedScope(database);
      const [overdue, dueToday] = await Promise.all([
        nextDueBetween(database, '', today, false, DIGEST_ROWS, scope),
        nextDueBetween(database, today, today, true, DIGEST_ROWS, scope),
      ]);
      return {
        overdue: overdue.rows,
        overdueCount: overdue.count,
        dueToday: dueToday.rows,
        dueTodayCount: dueToday.count,
      };
    },
    async dueBetween(fromOn, beforeOn) {
      const scope = await remindedScope(database);
      return (await nextDueBetween(database, fromOn, beforeOn, false, FELL_DUE_ROWS, scope)).rows;
    },
    async notifiedAmong(ids, at) {
      const rows = await database.notified.bulkGet([...ids]);
      return new Set(rows.filter((r) => isTaken(r, at)).map((r) => r!.id));
    },
    // Atomic, so two windows cannot both show the same reminder. A refused one keeps its record of failures.
    claim(id, at) {
      return database.transaction('rw', database.notified, async () => {
        const row = await database.notified.get(id);
        if (isTaken(row, at)) return false;
        await database.notified.put({ ...row, id, at: at.toISOString(), sending: true });
        return true;
      });
    },
    async delivered(ids, at) {
      const shown: NotifiedRow[] = ids.map((id) => ({ id, at: at.toISOString() }));
      await database.notified.bulkPut(shown);
    },
    failed(id, at, title, reason, said) {
      return database.transaction('rw', database.notified, async () => {
        const before = (await database.notified.get(id))?.failed;
        const failed = {
          title,
          reason,
          ...(said ? { said } : {}),
          attempts: (before?.attempts ?? 0) + 1,
          since: before?.since ?? at.toISOString(),
        };
        await database.notified.put({ id, at: at.toISOString(), failed });
      });
    },
  };
}

/** A reminder the system refused to show, still being tried. */
export interface ReminderFailure {
  id: string;
  title: string;
  reason: string;
  /** The reason as a code and values, when the shell or the browser gave one (p8e). */
  said?: MainMessage;
  attempts: number;
  since: string;
  lastTriedAt: string;
}

/** Reminders refused at their latest attempt, tried within `FAILURE_FRESH_MS` of `at`; oldest first (then by id). */
export async function reminderFailures(database: RedressDatabase, at: Date): Promise<ReminderFailure[]> {
  const from = new Date(at.getTime() - FAILURE_FRESH_MS).toISOString();
  const rows = await database.notified
    .where('at')
    .aboveOrEqual(from)
    .filter((r) => r.failed !== undefined)
    .toArray();
  return rows
    .map((r) => ({ id: r.id, ...r.failed!, lastTriedAt: r.at }))
    .sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * "2 reminders could not be shown: “Good morning: 1 overdue” (This system does not support …); …" in the interface
 * language (p8e: each reason said from its code when it has one, else as it came); null when none.
 */
export function describeReminderFailures(t: Translate, failures: readonly ReminderFailure[]): string | null {
  if (failures.length === 0) return null;
  const list = failures
    .map((f) =>
      t('reminders.failure', {
        title: f.title,
        reason: failureIn(t, { error: f.reason, message: f.said }).replace(/[.\s]+$/, ''),
      }),
    )
    .join('; ');
  return t('reminders.failures', { count: failures.length, list });
}
