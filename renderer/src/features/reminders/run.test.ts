import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DueRow, PlannedNotification } from './plan';
import { notifyRequestSchema, type NotifyRequest } from '#shared/ipc/contract';
import { startReminders, type ReminderSource } from './run';

const row = (n: number, nextDueOn: string): DueRow => ({
  caseId: `case-${n}`,
  reference: `RDR-2026-00000${n}`,
  customerName: `Customer ${n}`,
  status: 'open',
  nextDueOn,
  nextClockId: 'first-response',
  nextClockLabel: 'First response',
});

/** A desk's case index and notification record in memory: rows by due date; ids shown, being shown, refused. */
function fakeDesk(rows: DueRow[], notified = new Set<string>()) {
  const sending = new Set<string>();
  const failures = new Map<string, { title: string; reason: string; attempts: number }>();
  const source: ReminderSource = {
    async digest(today) {
      const open = rows.filter((r) => r.nextDueOn);
      return { overdue: open.filter((r) => r.nextDueOn! < today), dueToday: open.filter((r) => r.nextDueOn === today) };
    },
    async dueBetween(from, before) {
      return rows.filter((r) => r.nextDueOn && r.nextDueOn >= from && r.nextDueOn < before);
    },
    async notifiedAmong(ids) {
      return new Set(ids.filter((id) => notified.has(id) || sending.has(id)));
    },
    async claim(id) {
      if (notified.has(id) || sending.has(id)) return false;
      sending.add(id);
      return true;
    },
    async delivered(ids) {
      for (const id of ids) {
        notified.add(id);
        sending.delete(id);
        failures.delete(id);
      }
    },
    async failed(id, _at, title, reason) {
      sending.delete(id);
      failures.set(id, { title, reason, attempts: (failures.get(id)?.attempts ?? 0) + 1 });
    },
  };
  return { source, notified, failures };
}

/** A notify that answers like the shell: accepted, or refused with the schema's reason. */
const shell = (shown: PlannedNotification[]) => async (n: NotifyRequest) => {
  const parsed = notifyRequestSchema.safeParse(n);
  if (!parsed.success)
    return { ok: false as const, error: `Cannot show the notification: ${parsed.error.issues[0]?.message}` };
  shown.push(n);
  return { ok: true as const };
};

describe('startReminders', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the digest at 08:00 while open, a notification at midnight for a clock that fell overdue, and nothing twice', async () => {
    vi.setSystemTime(new Date('2026-11-20T07:58:00'));
    const desk = fakeDesk([row(1, '2026-11-20'), row(2, '2026-11-18')]);
    const shown: PlannedNotification[] = [];
    const runner = startReminders({ now: () => new Date(), source: desk.source, notify: shell(shown) });
    await runner.check();
    expect(shown).toEqual([]);

    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(shown.map((n) => n.id)).toEqual(['digest:2026-11-20']);

    // Through the day: nothing more. At midnight, case 1's deadline (the 20th) has passed.
    await vi.advanceTimersByTimeAsync(15 * 3600_000);
    expect(shown).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1 * 3600_000);
    expect(shown.map((n) => n.id)).toEqual(['digest:2026-11-20', 'overdue:case-1:first-response:2026-11-20']);
    expect(shown[1].caseId).toBe('case-1');

    // The next morning's digest, once.
    await vi.advanceTimersByTimeAsync(8 * 3600_000 + 60_000);
    expect(shown.map((n) => n.id).slice(2)).toEqual(['digest:2026-11-21']);
    runner.stop();
  });

  it('after a restart, does not repeat what an earlier session (or another window) showed', async () => {
    vi.setSystemTime(new Date('2026-11-20T09:00:00'));
    const desk = fakeDesk([row(1, '2026-11-20')], new Set(['digest:2026-11-20']));
    const shown: PlannedNotification[] = [];
    const runner = startReminders({ now: () => new Date(), source: desk.source, notify: shell(shown) });
    await runner.check();
    expect(shown).toEqual([]);
    runner.stop();
  });

  it('two windows checking at the same moment show each notification once', async () => {
    vi.setSystemTime(new Date('2026-11-20T09:00:00'));
    const desk = fakeDesk([row(1, '2026-11-20')]);
    const shown: PlannedNotification[] = [];
    const notify = shell(shown);
    const a = startReminders({ now: () => new Date(), source: desk.source, notify });
    const b = startReminders({ now: () => new Date(), source: desk.source, notify });
    await Promise.all([a.check(), b.check()]);
    expect(shown.map((n) => n.id)).toEqual(['digest:2026-11-20']);
    a.stop();
    b.stop();
  });

  it('carries on after a failed check', async () => {
    vi.setSystemTime(new Date('2026-11-20T09:00:00'));
    const desk = fakeDesk([row(1, '2026-11-20')]);
    let fail = true;
    const errors: unknown[] = [];
    const source = {
      ...desk.source,
      digest: (today: string) => (fail ? Promise.reject(new Error('database closed')) : desk.source.digest(today)),
    };
    const shown: PlannedNotification[] = [];
    const runner = startReminders({
      now: () => new Date(),
      source,
      notify: shell(shown),
      onError: (e) => errors.push(e),
    });
    await runner.check();
    expect(errors).toHaveLength(1);
    fail = false;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(shown.map((n) => n.id)).toEqual(['digest:2026-11-20']);
    runner.stop();
  });

  it('does not drop a check asked for while a slow one is running: it runs again with the later time', async () => {
    let now = new Date('2026-11-21T00:03:00');
    const desk = fakeDesk([row(1, '2026-11-20')]);
    let release: () => void = () => {};
    const slow = new Promise<void>((resolve) => (release = resolve));
    const digest = desk.source.digest.bind(desk.source);
    let calls = 0;
    desk.source.digest = async (today) => {
      calls += 1;
      if (calls === 2) await slow; // the check at 00:03 is still reading when 09:03 comes
      return digest(today);
    };
    const shown: PlannedNotification[] = [];
    const runner = startReminders({
      now: () => now,
      source: desk.source,
      notify: shell(shown),
      timers: {
        setTimeout: (() => 0) as unknown as typeof setTimeout,
        clearTimeout: (() => {}) as typeof clearTimeout,
        setInterval: (() => 0) as unknown as typeof setInterval,
        clearInterval: (() => {}) as typeof clearInterval,
      },
    });
    await runner.check(); // joins the first check at 00:03: too early for a digest
    expect(calls).toBe(1);
    const first = runner.check(); // a second check starts and stalls
    now = new Date('2026-11-21T09:03:00');
    const second = runner.check(); // asked for while the first is still running
    release();
    await first;
    await second;
    expect(shown.map((n) => n.id)).toEqual(['digest:2026-11-21']);
    expect(calls).toBe(3);
    runner.stop();
  });

  it('shows the digest for a customer whose name has a NUL or a vertical tab, and a digest too long for the shell, cut', async () => {
    vi.setSystemTime(new Date('2026-11-20T09:00:00'));
    const odd = { ...row(1, '2026-11-20'), customerName: 'Ada\u0000 Love\u000blace' };
    const long = { ...row(2, '2026-11-19'), customerName: 'B'.repeat(2500) };
    const desk = fakeDesk([odd, long]);
    const shown: PlannedNotification[] = [];
    const runner = startReminders({ now: () => new Date(), source: desk.source, notify: shell(shown) });
    await runner.check();
    expect(shown.map((n) => n.id)).toEqual(['digest:2026-11-20']);
    expect(shown[0].body).toContain('Ada Lovelace');
    expect(shown[0].body.length).toBeLessThanOrEqual(2000);
    expect(shown[0].body.endsWith('…')).toBe(true);
    expect(desk.notified.has('digest:2026-11-20')).toBe(true);
    runner.stop();
  });

  it('marks a reminder shown only once it was accepted: a refused one does not block the others, is listed with its reason and is tried again at the next check', async () => {
    vi.setSystemTime(new Date('2026-11-20T23:59:30'));
    const desk = fakeDesk(
      [row(1, '2026-11-20'), row(2, '2026-11-20'), row(3, '2026-11-25')],
      new Set(['digest:2026-11-20']),
    );
    const shown: PlannedNotification[] = [];
    let refuse: string | null = 'overdue:case-1:first-response:2026-11-20';
    const notify = async (n: NotifyRequest) => {
      if (n.id === refuse) throw new Error('Toast XML is invalid');
      return shell(shown)(n);
    };
    const runner = startReminders({ now: () => new Date(), source: desk.source, notify });
    await runner.check();
    await vi.advanceTimersByTimeAsync(60_000); // past midnight: cases 1 and 2 fell overdue
    expect(shown.map((n) => n.id)).toEqual(['overdue:case-2:first-response:2026-11-20']);
    expect(desk.notified.has('overdue:case-1:first-response:2026-11-20')).toBe(false);
    expect(desk.failures.get('overdue:case-1:first-response:2026-11-20')).toMatchObject({
      title: 'Overdue: RDR-2026-000001',
      reason: 'Toast XML is invalid',
    });
    const attempts = desk.failures.get('overdue:case-1:first-response:2026-11-20')!.attempts;

    await vi.advanceTimersByTimeAsync(60_000); // refused again
    expect(desk.failures.get('overdue:case-1:first-response:2026-11-20')?.attempts).toBe(attempts + 1);
    refuse = null;
    await vi.advanceTimersByTimeAsync(60_000); // accepted now
    expect(shown.map((n) => n.id)).toEqual([
      'overdue:case-2:first-response:2026-11-20',
      'overdue:case-1:first-response:2026-11-20',
    ]);
    expect(desk.failures.size).toBe(0);
    expect(desk.notified.has('overdue:case-1:first-response:2026-11-20')).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(shown).toHaveLength(2);
    runner.stop();
  });

  it('a refused digest is shown at the next check, and the clocks a refused grouped notification names are not counted as told', async () => {
    vi.setSystemTime(new Date('2026-11-21T00:00:30'));
    const fell = Array.from({ length: 7 }, (_, i) => row(i + 1, '2026-11-20'));
    const desk = fakeDesk(fell, new Set(['digest:2026-11-20']));
    const shown: PlannedNotification[] = [];
    let refuseAll = false;
    const notify = async (n: NotifyRequest) =>
      refuseAll
        ? { ok: false as const, error: 'This system does not support desktop notifications.' }
        : shell(shown)(n);
    let now = new Date('2026-11-20T23:59:00');
    const runner = startReminders({
      now: () => now,
      source: desk.source,
      notify,
      timers: {
        setTimeout: (() => 0) as unknown as typeof setTimeout,
        clearTimeout: (() => {}) as typeof clearTimeout,
        setInterval: (() => 0) as unknown as typeof setInterval,
        clearInterval: (() => {}) as typeof clearInterval,
      },
    });
    await runner.check();
    refuseAll = true;
    now = new Date('2026-11-21T08:00:00');
    await runner.check();
    expect(shown).toEqual([]);
    expect([...desk.failures.keys()].sort()).toEqual(['digest:2026-11-21', 'overdue-batch:2026-11-21']);
    expect(fell.some((r) => desk.notified.has(`overdue:${r.caseId}:first-response:2026-11-20`))).toBe(false);
    refuseAll = false;
    now = new Date('2026-11-21T08:01:00');
    await runner.check();
    expect(shown.map((n) => n.id)).toEqual(['digest:2026-11-21', 'overdue-batch:2026-11-21']);
    expect(fell.every((r) => desk.notified.has(`overdue:${r.caseId}:first-response:2026-11-20`))).toBe(true);
    runner.stop();
  });
});
