import { describe, expect, it } from 'vitest';
import { fr } from '#test/support/translate';
import { setFormatLocale } from '#lib/format';
import { digestId, morningDigest, overdueId, planReminders, type DueRow } from './plan';

const row = (n: number, nextDueOn: string, extra: Partial<DueRow> = {}): DueRow => ({
  caseId: `case-${n}`,
  reference: `RDR-2026-${String(n).padStart(6, '0')}`,
  customerName: `Customer ${n}`,
  status: 'open',
  nextDueOn,
  nextClockId: 'first-response',
  nextClockLabel: 'First response',
  ...extra,
});

// Local times (the tests run in Europe/London).
const at = (iso: string) => new Date(iso);

describe('morningDigest', () => {
  it('counts and lists today’s items first (they can still be met), then the overdue ones', () => {
    const d = morningDigest({
      today: '2026-11-21',
      overdue: [row(1, '2026-11-18')],
      dueToday: [row(2, '2026-11-21'), row(3, '2026-11-21')],
    });
    expect(d).toEqual({
      id: 'digest:2026-11-21',
      title: 'Good morning: 2 due today, 1 overdue',
      body: [
        'RDR-2026-000002 Customer 2: First response, due today',
        'RDR-2026-000003 Customer 3: First response, due today',
        'RDR-2026-000001 Customer 1: First response, 3 days overdue',
      ].join('\n'),
    });
  });
  it('names the case due today after five overdue ones, instead of counting it in "and N more" (explore40-manager #4)', () => {
    const overdue = [1, 2, 3, 4, 5].map((n) => row(n, '2026-11-18'));
    const d = morningDigest({ today: '2026-11-21', overdue, dueToday: [row(6, '2026-11-21')] });
    expect(d?.body.split('\n')[0]).toBe('RDR-2026-000006 Customer 6: First response, due today');
    expect(d?.body.split('\n').at(-1)).toBe('and 1 more');
  });
  it('greets as fits the hour it is shown at: it comes on the first check after 08:00, which may be late', () => {
    const input = { today: '2026-11-21', overdue: [row(1, '2026-11-18')], dueToday: [] };
    const title = (time: string, t?: typeof fr) =>
      morningDigest({ ...input, now: at(`2026-11-21T${time}`), ...(t ? { t } : {}) })?.title;
    expect(title('08:00:00')).toBe('Good morning: 1 overdue');
    expect(title('11:59:00')).toBe('Good morning: 1 overdue');
    expect(title('12:00:00')).toBe('Good afternoon: 1 overdue');
    // Explore 27, finding 8: "Good morning" at 23:58.
    expect(title('18:00:00')).toBe('Good evening: 1 overdue');
    expect(title('23:58:00')).toBe('Good evening: 1 overdue');
    expect(title('14:00:00', fr)).toBe('Bonjour\u00a0: 1 en retard');
    expect(title('23:58:00', fr)).toBe('Bonsoir\u00a0: 1 en retard');
    const late = planReminders({
      now: at('2026-11-21T23:58:00'),
      lastCheckedOn: null,
      digest: { overdue: [row(1, '2026-11-18')], dueToday: [] },
      becameOverdue: [],
      notified: new Set(),
    });
    expect(late.show.map((n) => n.title)).toEqual(['Good evening: 1 overdue']);
  });
  it('opens the case when there is only one', () => {
    expect(morningDigest({ today: '2026-11-21', overdue: [], dueToday: [row(7, '2026-11-21')] })?.caseId).toBe(
      'case-7',
    );
  });
  it('names five and counts the rest', () => {
    const rows = Array.from({ length: 5 }, (_, i) => row(i + 1, '2026-11-20'));
    const d = morningDigest({ today: '2026-11-21', overdue: rows, overdueCount: 240, dueToday: [], dueTodayCount: 0 });
    expect(d?.title).toBe('Good morning: 240 overdue');
    expect(d?.body.split('\n')).toHaveLength(6);
    expect(d?.body).toMatch(/and 235 more$/);
  });
  it('is nothing when nothing is due', () => {
    expect(morningDigest({ today: '2026-11-21', overdue: [], dueToday: [] })).toBeNull();
  });
});

describe('planReminders', () => {
  const digest = { overdue: [row(1, '2026-11-19')], dueToday: [row(2, '2026-11-21')] };
  const none = new Set<string>();

  it('holds the digest until 08:00', () => {
    const p = planReminders({
      now: at('2026-11-21T07:59:00'),
      lastCheckedOn: null,
      digest,
      becameOverdue: [],
      notified: none,
    });
    expect(p).toEqual({ show: [], recordOnly: [] });
  });
  it('sends the digest at 08:00, or on the first check after it, once a day', () => {
    const p = planReminders({
      now: at('2026-11-21T08:00:00'),
      lastCheckedOn: null,
      digest,
      becameOverdue: [],
      notified: none,
    });
    expect(p.show.map((n) => n.id)).toEqual(['digest:2026-11-21']);
    const later = planReminders({
      now: at('2026-11-21T15:30:00'),
      lastCheckedOn: '2026-11-21',
      digest,
      becameOverdue: [],
      notified: new Set([digestId('2026-11-21')]),
    });
    expect(later.show).toEqual([]);
  });
  it('records an empty digest so it does not arrive later in the day', () => {
    const p = planReminders({
      now: at('2026-11-21T09:00:00'),
      lastCheckedOn: null,
      digest: { overdue: [], dueToday: [] },
      becameOverdue: [],
      notified: none,
    });
    expect(p).toEqual({ show: [], recordOnly: ['digest:2026-11-21'] });
  });
  it('tells each clock that fell overdue at midnight while the app was open, once', () => {
    const fell = [row(4, '2026-11-20', { nextClockId: 'acknowledgement', nextClockLabel: 'Acknowledgement' })];
    const p = planReminders({
      now: at('2026-11-21T00:00:01'),
      lastCheckedOn: '2026-11-20',
      digest,
      becameOverdue: fell,
      notified: none,
    });
    expect(p.show).toEqual([
      {
        id: 'overdue:case-4:acknowledgement:2026-11-20',
        title: 'Overdue: RDR-2026-000004',
        // The day as the interface writes days (explore 27, finding 8: it read "was due 2026-11-20").
        body: 'Customer 4: Acknowledgement was due Fri 20 Nov 2026 and is now 1 day overdue.',
        caseId: 'case-4',
      },
    ]);
    const again = planReminders({
      now: at('2026-11-21T00:01:01'),
      lastCheckedOn: '2026-11-20',
      digest,
      becameOverdue: fell,
      notified: new Set([overdueId(fell[0])]),
    });
    expect(again.show).toEqual([]);
  });
  it('says nothing of clocks already overdue when the app opens (the digest tells them)', () => {
    const p = planReminders({
      now: at('2026-11-21T06:00:00'),
      lastCheckedOn: null,
      digest,
      becameOverdue: [row(4, '2026-11-20')],
      notified: none,
    });
    expect(p.show).toEqual([]);
  });
  it('ignores rows outside the window or closed', () => {
    const rows = [row(5, '2026-11-21'), row(6, '2026-11-10'), row(7, '2026-11-20', { status: 'closed' })];
    const p = planReminders({
      now: at('2026-11-21T01:00:00'),
      lastCheckedOn: '2026-11-20',
      digest,
      becameOverdue: rows,
      notified: none,
    });
    expect(p.show).toEqual([]);
  });
  it('groups many clocks falling overdue at once into one notification and records each', () => {
    const fell = Array.from({ length: 8 }, (_, i) => row(i + 10, '2026-11-20'));
    const p = planReminders({
      now: at('2026-11-21T00:00:05'),
      lastCheckedOn: '2026-11-20',
      digest,
      becameOverdue: fell,
      notified: none,
    });
    expect(p.show.map((n) => [n.id, n.title])).toEqual([['overdue-batch:2026-11-21', '8 deadlines passed overnight']]);
    // Recorded with the grouped notification once it is shown, not before (a refused one is tried again).
    expect(p.show[0].covers).toEqual(fell.map(overdueId));
    expect(p.recordOnly).toEqual([]);
  });
  it('after the computer slept for days, tells what fell due in between', () => {
    const fell = [row(20, '2026-11-18'), row(21, '2026-11-20')];
    const p = planReminders({
      now: at('2026-11-21T07:00:00'),
      lastCheckedOn: '2026-11-18',
      digest,
      becameOverdue: fell,
      notified: none,
    });
    expect(p.show.map((n) => n.id)).toEqual([
      'overdue:case-20:first-response:2026-11-18',
      'overdue:case-21:first-response:2026-11-20',
    ]);
  });
});

describe('the notifications in the interface language (p8e)', () => {
  it('says the morning digest in French, clock labels and how each stands the French way', () => {
    const d = morningDigest({
      today: '2026-11-21',
      overdue: [row(1, '2026-11-18', { nextClockLabel: 'First response (email)' })],
      dueToday: [
        row(2, '2026-11-21', { nextClockLabel: 'First response (email)' }),
        row(3, '2026-11-21', { nextClockLabel: null }),
      ],
      overdueCount: 7,
      t: fr,
    });
    expect(d?.title).toBe('Bonjour\u00a0: 2 à échéance aujourd’hui, 7 en retard');
    expect(d?.body.split('\n')).toEqual([
      'RDR-2026-000002 Customer 2\u00a0: Première réponse (courriel), échéance aujourd’hui',
      'RDR-2026-000003 Customer 3\u00a0: Prochaine échéance, échéance aujourd’hui',
      'RDR-2026-000001 Customer 1\u00a0: Première réponse (courriel), 3 jours de retard',
      'et 6 autres',
    ]);
    expect(d?.body).not.toMatch(/\b(due|overdue|more|response)\b/i);
  });

  it('says a clock that fell overdue, and many at once, in French', () => {
    const fell = [row(4, '2026-11-20', { nextClockId: 'acknowledgement', nextClockLabel: 'Acknowledgement' })];
    // The interface in French: its words and its days (the format locale, as the interface language sets it).
    setFormatLocale('fr-CA');
    let one: ReturnType<typeof planReminders>;
    try {
      one = planReminders({
        now: at('2026-11-21T00:00:30'),
        lastCheckedOn: '2026-11-20',
        digest: { overdue: [], dueToday: [] },
        becameOverdue: fell,
        notified: new Set([digestId('2026-11-21')]),
        t: fr,
      });
    } finally {
      setFormatLocale('en-GB');
    }
    expect(one.show).toEqual([
      expect.objectContaining({
        title: 'En retard\u00a0: RDR-2026-000004',
        body: 'Customer 4\u00a0: Accusé de réception, échéance le ven. 20 nov. 2026, maintenant 1 jour de retard.',
      }),
    ]);
    const many = Array.from({ length: 8 }, (_, i) => row(i + 10, '2026-11-20'));
    const batch = planReminders({
      now: at('2026-11-21T00:00:30'),
      lastCheckedOn: '2026-11-20',
      digest: { overdue: [], dueToday: [] },
      becameOverdue: many,
      notified: new Set([digestId('2026-11-21')]),
      t: fr,
    });
    expect(batch.show.map((n) => n.title)).toEqual(['8 échéances dépassées pendant la nuit']);
  });
});
