import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DueRow, PlannedNotification } from './plan';
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

/** A desk's case index and notification record in memory: rows by due date, ids shown. */
function fakeDesk(rows: DueRow[], notified = new Set<string>()) {
  const source: ReminderSource = {
    async digest(today) {
      const open = rows.filter((r) => r.nextDueOn);
      return { overdue: open.filter((r) => r.nextDueOn! < today), dueToday: open.filter((r) => r.nextDueOn === today) };
    },
    async dueBetween(from, before) {
      return rows.filter((r) => r.nextDueOn && r.nextDueOn >= from && r.nextDueOn < before);
    },
    async notifiedAmong(ids) {
      return new Set(ids.filter((id) => notified.has(id)));
    },
    async claim(id) {
      if (notified.has(id)) return false;
      notified.add(id);
      return true;
    },
  };
  return { source, notified };
}

describe('startReminders', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the digest at 08:00 while open, a notification at midnight for a clock that fell overdue, and nothing twice', async () => {
    vi.setSystemTime(new Date('2026-11-20T07:58:00'));
    const desk = fakeDesk([row(1, '2026-11-20'), row(2, '2026-11-18')]);
    const shown: PlannedNotification[] = [];
    const runner = startReminders({ now: () => new Date(), source: desk.source, notify: async (n) => void shown.push(n) });
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
    const runner = startReminders({ now: () => new Date(), source: desk.source, notify: async (n) => void shown.push(n) });
    await runner.check();
    expect(shown).toEqual([]);
    runner.stop();
  });

  it('two windows checking at the same moment show each notification once', async () => {
    vi.setSystemTime(new Date('2026-11-20T09:00:00'));
    const desk = fakeDesk([row(1, '2026-11-20')]);
    const shown: PlannedNotification[] = [];
    const notify = async (n: PlannedNotification) => void shown.push(n);
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
    const source = { ...desk.source, digest: (today: string) => (fail ? Promise.reject(new Error('database closed')) : desk.source.digest(today)) };
    const shown: PlannedNotification[] = [];
    const runner = startReminders({ now: () => new Date(), source, notify: async (n) => void shown.push(n), onError: (e) => errors.push(e) });
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
    const digest = desk.source.digest;
    let calls = 0;
    desk.source.digest = async (today) => {
      calls += 1;
      if (calls === 2) await slow; // the check at 00:03 is still reading when 09:03 comes
      return digest(today);
    };
    const shown: PlannedNotification[] = [];
    const runner = startReminders({ now: () => now, source: desk.source, notify: async (n) => void shown.push(n), timers: { setTimeout: (() => 0) as unknown as typeof setTimeout, clearTimeout: (() => {}) as typeof clearTimeout, setInterval: (() => 0) as unknown as typeof setInterval, clearInterval: (() => {}) as typeof clearInterval } });
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
});
