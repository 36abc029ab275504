// What to remind the desk of, worked out from the case index, today and the notifications already shown. Pure: the
// time, the rows and the record of what was shown are all arguments, so every decision is reproducible in a test.
// p8e: the notifications' words are the catalogue's (`reminders.*`), in the language `t` says (English by default).
// Days are written as the interface writes them (lib/format.ts, in the format locale: the interface language).
import { localIsoDate } from '#shared/model/dates';
import { formatDate } from '#lib/format';
import { clockLabel, describeDueIn, translate, type Translate } from '#lib/i18n/index';

const english: Translate = (key, values) => translate('en-GB', key, values);

/** The part of a case-index row reminders need (a `caseIndex` row has all of these). */
export interface DueRow {
  caseId: string;
  reference: string;
  customerName: string;
  status?: string;
  nextDueOn?: string | null;
  nextClockId?: string | null;
  nextClockLabel?: string | null;
}

export interface PlannedNotification {
  /** Stable: the same reminder always gets the same id, so it is never shown twice. */
  id: string;
  title: string;
  body: string;
  caseId?: string;
  /** Further ids recorded as told once this one is shown (the clocks a grouped notification names). */
  covers?: string[];
}

export interface ReminderPlan {
  /** Notifications to show now (each recorded as shown only once the system has accepted it). */
  show: PlannedNotification[];
  /** Ids to record as done without showing anything (e.g. an empty morning digest, so it does not come later). */
  recordOnly: string[];
}

/** The morning digest comes at this hour, or on the first check after it. */
export const DIGEST_HOUR = 8;
/** More clocks than this falling overdue at once are told in one notification instead of one each. */
export const MAX_SINGLE_OVERDUE = 5;
/** Cases named in a digest or a grouped notification; the rest are counted. */
const LISTED = 5;

export const digestId = (today: string) => `digest:${today}`;
export const overdueId = (row: DueRow) => `overdue:${row.caseId}:${row.nextClockId ?? 'clock'}:${row.nextDueOn}`;
export const overdueBatchId = (today: string) => `overdue-batch:${today}`;

function line(t: Translate, row: DueRow, today: string): string {
  return t('reminders.line', {
    reference: row.reference,
    name: row.customerName,
    what: row.nextClockLabel ? clockLabel(t, row.nextClockLabel) : t('reminders.nextDeadline'),
    due: row.nextDueOn ? describeDueIn(t, row.nextDueOn, today) : t('reminders.noDate'),
  });
}

function listed(t: Translate, rows: readonly DueRow[], total: number, today: string): string {
  const lines = rows.slice(0, LISTED).map((r) => line(t, r, today));
  if (total > lines.length) lines.push(t('reminders.more', { n: total - lines.length }));
  return lines.join('\n');
}

export interface DigestInput {
  today: string;
  /** Open cases whose next deadline is today, most urgent first (may be cut short; see `dueTodayCount`). */
  dueToday: readonly DueRow[];
  /** Open cases whose next deadline has passed, most overdue first (may be cut short; see `overdueCount`). */
  overdue: readonly DueRow[];
  dueTodayCount?: number;
  overdueCount?: number;
  /** The interface's words (p8e); English when not given. */
  t?: Translate;
  /** The desk's local time when it is shown, for a greeting that fits it; the morning's when not given. */
  now?: Date;
}

/**
 * The digest's greeting for the hour it is shown at: it comes at 08:00 when the app is open, but on the first check
 * after that otherwise, which may be late in the evening.
 */
function digestTitle(t: Translate, now: Date | undefined, parts: string): string {
  const hour = now?.getHours() ?? DIGEST_HOUR;
  if (hour >= 18) return t('reminders.digest.titleEvening', { parts });
  if (hour >= 12) return t('reminders.digest.titleAfternoon', { parts });
  return t('reminders.digest.title', { parts });
}

/** The morning digest: today's and overdue items in one notification; null when nothing is due. */
export function morningDigest(input: DigestInput): PlannedNotification | null {
  const t = input.t ?? english;
  const dueTodayCount = input.dueTodayCount ?? input.dueToday.length;
  const overdueCount = input.overdueCount ?? input.overdue.length;
  if (dueTodayCount + overdueCount === 0) return null;
  // Today's first: they can still be met, and the list is cut at five (explore40-manager #4: one case due today went
  // unnamed under "and 1 more" after five overdue ones).
  const parts = [
    dueTodayCount ? t('reminders.digest.dueToday', { n: dueTodayCount }) : null,
    overdueCount ? t('reminders.digest.overdue', { n: overdueCount }) : null,
  ].filter(Boolean);
  const rows = [...input.dueToday, ...input.overdue];
  const only = dueTodayCount + overdueCount === 1 ? rows[0] : undefined;
  return {
    id: digestId(input.today),
    title: digestTitle(t, input.now, parts.join(', ')),
    body: listed(t, rows, dueTodayCount + overdueCount, input.today),
    ...(only ? { caseId: only.caseId } : {}),
  };
}

export interface PlanInput {
  /** The desk's local time now. */
  now: Date;
  /** The day of the previous check in this session; null on the first check after the app opened. */
  lastCheckedOn: string | null;
  digest: Omit<DigestInput, 'today'>;
  /**
   * Open cases whose next deadline fell between the previous check's day (inclusive) and today (exclusive): the
   * clocks that became overdue while the app was open. Empty on the first check.
   */
  becameOverdue: readonly DueRow[];
  /** Ids already shown or recorded (in this window, another window or an earlier session). */
  notified: ReadonlySet<string>;
  digestHour?: number;
  /** The interface's words (p8e); English when not given. */
  t?: Translate;
}

/**
 * What to show now. The morning digest once a day, from `digestHour` on (at that hour when the app is open, or on
 * the first check after it); one notification per clock that became overdue while the app was open (at the
 * midnight roll-over, or after the computer slept), grouped into one when many fall due at once. Clocks already
 * overdue when the app opens are the digest's to tell, not one notification each.
 */
export function planReminders(input: PlanInput): ReminderPlan {
  const today = localIsoDate(input.now);
  const t = input.t ?? english;
  const show: PlannedNotification[] = [];
  const recordOnly: string[] = [];

  const hour = input.digestHour ?? DIGEST_HOUR;
  if (input.now.getHours() >= hour && !input.notified.has(digestId(today))) {
    const digest = morningDigest({ ...input.digest, today, t, now: input.now });
    if (digest) show.push(digest);
    else recordOnly.push(digestId(today));
  }

  if (input.lastCheckedOn !== null && input.lastCheckedOn < today) {
    const fresh = input.becameOverdue.filter(
      (r) =>
        r.status !== 'closed' &&
        r.nextDueOn &&
        r.nextDueOn >= input.lastCheckedOn! &&
        r.nextDueOn < today &&
        !input.notified.has(overdueId(r)),
    );
    if (fresh.length > MAX_SINGLE_OVERDUE) {
      const batch = {
        id: overdueBatchId(today),
        title: t('reminders.batch.title', { n: fresh.length }),
        body: listed(t, fresh, fresh.length, today),
        covers: fresh.map(overdueId),
      };
      // The clocks it names count as told only once the grouped notification is shown.
      if (!input.notified.has(batch.id)) show.push(batch);
      else recordOnly.push(...batch.covers);
    } else {
      for (const r of fresh) {
        show.push({
          id: overdueId(r),
          title: t('reminders.overdue.title', { reference: r.reference }),
          body: t('reminders.overdue.body', {
            name: r.customerName,
            what: r.nextClockLabel ? clockLabel(t, r.nextClockLabel) : t('reminders.theNextDeadline'),
            dueOn: formatDate(r.nextDueOn),
            due: describeDueIn(t, r.nextDueOn!, today),
          }),
          caseId: r.caseId,
        });
      }
    }
  }
  return { show, recordOnly };
}
