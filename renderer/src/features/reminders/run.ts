// Runs the reminder plan while the app is open: on start, every minute, and just after local midnight. Every
// dependency (the time, the data, the record of what was shown, the shell) is passed in, so tests drive it with
// fake timers and a fake clock.
import { fitNotification, type NotifyRequest } from '#shared/ipc/contract';
import type { MainMessage } from '#shared/ipc/messages';
import type { Translate } from '#lib/i18n/index';
import { localIsoDate } from '#shared/model/dates';
import { msUntilMidnight } from '#lib/today';
import { digestId, overdueBatchId, overdueId, planReminders, type DigestInput, type DueRow } from './plan';

export interface ReminderSource {
  /** Open cases due today and overdue on `today` (lists may be cut short; counts are the full figures). */
  digest(today: string): Promise<Omit<DigestInput, 'today'>>;
  /** Open cases whose next deadline is on or after `fromOn` and before `beforeOn`. */
  dueBetween(fromOn: string, beforeOn: string): Promise<DueRow[]>;
  /** Which of these ids were already shown or recorded, or are being shown by another window now. */
  notifiedAmong(ids: readonly string[], at: Date): Promise<Set<string>>;
  /** Take an id to show it; false when it was shown already or another window is showing it now. */
  claim(id: string, at: Date): Promise<boolean>;
  /** Record ids as shown (after the system accepted the notification), or as told without showing anything. */
  delivered(ids: readonly string[], at: Date): Promise<void>;
  /** Record that showing a claimed id was refused, and why (and its code, when it has one): tried again next check. */
  failed(id: string, at: Date, title: string, reason: string, said?: MainMessage): Promise<void>;
}

/** What the shell said: accepted (shown, or nothing to show such as notifications turned off), or refused and why. */
export type NotifyOutcome = { ok: true } | { ok: false; error: string; message?: MainMessage };

export interface ReminderDeps {
  now: () => Date;
  source: ReminderSource;
  /** Shows a notification (its text already fitted to what the shell accepts). A throw counts as refused. */
  notify: (n: NotifyRequest) => Promise<NotifyOutcome>;
  /** The interface's words at the time of a check (p8e: the notifications are in its language); English without. */
  words?: () => Translate;
  /** Reports a failed check; reminders carry on at the next tick. */
  onError?: (error: unknown) => void;
  everyMs?: number;
  timers?: {
    setTimeout: typeof setTimeout;
    clearTimeout: typeof clearTimeout;
    setInterval: typeof setInterval;
    clearInterval: typeof clearInterval;
  };
}

export interface ReminderRunner {
  /** Run one check now (also what the timers call). Resolves when it has finished. */
  check(): Promise<void>;
  stop(): void;
}

export function startReminders(deps: ReminderDeps): ReminderRunner {
  // Wrapped: a browser's timer functions throw "Illegal invocation" when called as methods of another object.
  const timers = deps.timers ?? {
    setTimeout: ((fn: () => void, ms?: number) => globalThis.setTimeout(fn, ms)) as typeof setTimeout,
    clearTimeout: ((id?: ReturnType<typeof setTimeout>) => globalThis.clearTimeout(id)) as typeof clearTimeout,
    setInterval: ((fn: () => void, ms?: number) => globalThis.setInterval(fn, ms)) as typeof setInterval,
    clearInterval: ((id?: ReturnType<typeof setInterval>) => globalThis.clearInterval(id)) as typeof clearInterval,
  };
  let lastCheckedOn: string | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  let midnight: ReturnType<typeof setTimeout> | undefined;

  /** The minute the latest check looked at. */
  let checkedMinute = -1;
  const minuteOf = (at: Date) => Math.floor(at.getTime() / 60_000);

  async function once(): Promise<void> {
    const now = deps.now();
    checkedMinute = minuteOf(now);
    const today = localIsoDate(now);
    const digest = await deps.source.digest(today);
    const becameOverdue =
      lastCheckedOn !== null && lastCheckedOn < today ? await deps.source.dueBetween(lastCheckedOn, today) : [];
    const candidates = [digestId(today), overdueBatchId(today), ...becameOverdue.map(overdueId)];
    const notified = await deps.source.notifiedAmong(candidates, now);
    const t = deps.words?.();
    const plan = planReminders({ now, lastCheckedOn, digest, becameOverdue, notified, ...(t ? { t } : {}) });
    if (plan.recordOnly.length) await deps.source.delivered(plan.recordOnly, now);
    let refused = 0;
    for (const n of plan.show) {
      if (stopped) return;
      // Claim first: of two windows, only the one that holds the claim shows it. It counts as shown only once the
      // system accepted it; a refusal is recorded with its reason and the next check tries again. One refused
      // notification never stops the others.
      if (!(await deps.source.claim(n.id, now))) continue;
      const request = fitNotification({
        id: n.id,
        title: n.title,
        body: n.body,
        ...(n.caseId ? { caseId: n.caseId } : {}),
      });
      const outcome = await deps.notify(request).catch((error: unknown): NotifyOutcome => ({
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      }));
      if (outcome.ok) await deps.source.delivered([n.id, ...(n.covers ?? [])], now);
      else {
        refused += 1;
        await deps.source.failed(n.id, now, request.title, outcome.error, outcome.message);
      }
    }
    // After a refusal the day is looked at again next time, so clocks that fell overdue are offered again.
    if (refused === 0) lastCheckedOn = today;
  }

  let again = false;

  /**
   * One check at a time. A check asked for while one runs (a timer firing during a slow read) is not dropped: it runs
   * once the current one ends if the clock has moved on meanwhile, so the latest time is always looked at.
   */
  function check(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    const run = async (): Promise<void> => {
      do {
        again = false;
        await once().catch((error: unknown) => deps.onError?.(error));
      } while (again && !stopped && minuteOf(deps.now()) !== checkedMinute);
    };
    running = run().finally(() => {
      running = null;
    });
    return running;
  }

  function armMidnight() {
    midnight = timers.setTimeout(() => {
      void check();
      armMidnight();
    }, msUntilMidnight(deps.now()));
  }

  const interval = timers.setInterval(() => void check(), deps.everyMs ?? 60_000);
  armMidnight();
  void check();

  return {
    check,
    stop() {
      stopped = true;
      timers.clearInterval(interval);
      if (midnight !== undefined) timers.clearTimeout(midnight);
    },
  };
}
