import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { RedressDatabase } from '#db/schema';
import { mainFailure } from '#shared/ipc/messages';
import { en, fr } from '#test/support/translate';
import { describeReminderFailures, databaseReminderSource, reminderFailures, SENDING_LEASE_MS } from './source';
import { createCase } from '#db/repositories/cases';
import { CASES_SCOPE_KEY } from '#db/cases-scope';
import { SHARING_META_KEYS } from '#db/outbox';
import { newCaseParts } from '#test/support/cases';
import { deskSettings } from '#test/support/desk';

let opened: RedressDatabase[] = [];
function open() {
  const database = new RedressDatabase(`redress-reminders-source-${process.pid}-${opened.length}-${Math.random()}`);
  opened.push(database);
  return database;
}
afterEach(() => {
  for (const d of opened) d.close();
  opened = [];
});

const at = (iso: string) => new Date(iso);

describe('databaseReminderSource: the notified record', () => {
  it('a claimed reminder is taken by one window only, and counts as shown only once delivered', async () => {
    const database = open();
    const a = databaseReminderSource(database);
    const b = databaseReminderSource(database);
    const now = at('2026-11-21T08:00:00Z');
    const claims = await Promise.all([a.claim('digest:2026-11-21', now), b.claim('digest:2026-11-21', now)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await a.notifiedAmong(['digest:2026-11-21'], now)).toEqual(new Set(['digest:2026-11-21']));
    expect((await database.notified.get('digest:2026-11-21'))?.sending).toBe(true);
    await a.delivered(['digest:2026-11-21', 'overdue:x'], now);
    expect(await database.notified.get('digest:2026-11-21')).toEqual({
      id: 'digest:2026-11-21',
      at: now.toISOString(),
    });
    expect(await b.claim('overdue:x', at('2026-11-22T08:00:00Z'))).toBe(false);
  });

  it('a claim abandoned by a window that closed while showing is taken again after the lease', async () => {
    const database = open();
    const source = databaseReminderSource(database);
    const t0 = at('2026-11-21T08:00:00Z');
    expect(await source.claim('digest:2026-11-21', t0)).toBe(true);
    expect(await source.claim('digest:2026-11-21', new Date(t0.getTime() + SENDING_LEASE_MS - 1))).toBe(false);
    expect(await source.claim('digest:2026-11-21', new Date(t0.getTime() + SENDING_LEASE_MS))).toBe(true);
  });

  it('a refused reminder is not counted as shown, is offered again, and is listed with its reason until shown', async () => {
    const database = open();
    const source = databaseReminderSource(database);
    const t0 = at('2026-11-21T08:00:00Z');
    const t1 = at('2026-11-21T08:01:00Z');
    await source.claim('digest:2026-11-21', t0);
    await source.failed(
      'digest:2026-11-21',
      t0,
      'Good morning: 2 overdue',
      'This system does not support desktop notifications.',
    );
    await source.claim('overdue:c1:first-response:2026-11-20', t0);
    await source.failed(
      'overdue:c1:first-response:2026-11-20',
      t0,
      'Overdue: RDR-2026-000001',
      'The notification was not shown: Toast XML is invalid',
    );
    expect(await source.notifiedAmong(['digest:2026-11-21'], t1)).toEqual(new Set());
    expect(await source.claim('digest:2026-11-21', t1)).toBe(true);
    await source.failed(
      'digest:2026-11-21',
      t1,
      'Good morning: 2 overdue',
      'This system does not support desktop notifications.',
    );

    const failures = await reminderFailures(database, t1);
    expect(failures).toEqual([
      {
        id: 'digest:2026-11-21',
        title: 'Good morning: 2 overdue',
        reason: 'This system does not support desktop notifications.',
        attempts: 2,
        since: t0.toISOString(),
        lastTriedAt: t1.toISOString(),
      },
      expect.objectContaining({ id: 'overdue:c1:first-response:2026-11-20', attempts: 1 }),
    ]);
    expect(describeReminderFailures(en, failures)).toBe(
      '2 reminders could not be shown: “Good morning: 2 overdue” (This system does not support desktop notifications); ' +
        '“Overdue: RDR-2026-000001” (The notification was not shown: Toast XML is invalid). They are tried again every minute while the app is open.',
    );

    await source.claim('digest:2026-11-21', t1);
    await source.delivered(['digest:2026-11-21'], t1);
    expect((await reminderFailures(database, t1)).map((f) => f.id)).toEqual(['overdue:c1:first-response:2026-11-20']);
    // A refusal no longer being tried (yesterday's digest, superseded) leaves the dashboard.
    expect(await reminderFailures(database, at('2026-11-21T09:00:00Z'))).toEqual([]);
    expect(describeReminderFailures(en, [])).toBeNull();
  });

  it('a refusal the shell gave as a code is listed in the interface language; one without a code as it came (p8e)', async () => {
    const database = open();
    const source = databaseReminderSource(database);
    const t0 = at('2026-11-21T08:00:00Z');
    const unsupported = mainFailure('notify-unsupported');
    await source.claim('digest:2026-11-21', t0);
    await source.failed('digest:2026-11-21', t0, 'Good morning: 2 overdue', unsupported.error, unsupported.message);
    const failures = await reminderFailures(database, t0);
    expect(failures[0]?.said).toEqual({ code: 'notify-unsupported' });
    expect(describeReminderFailures(en, failures)).toBe(
      '1 reminder could not be shown: “Good morning: 2 overdue” (This system does not support desktop notifications). It is tried again every minute while the app is open.',
    );
    expect(describeReminderFailures(fr, failures)).toBe(
      '1 rappel n’a pas pu être affiché\u00a0: «\u00a0Good morning: 2 overdue\u00a0» (Ce système ne prend pas en charge les notifications de bureau). Il est réessayé chaque minute tant que l’application est ouverte.',
    );
    const refused = mainFailure('notify-refused', { reason: 'Toast XML is invalid' });
    await source.claim('overdue:c1:first-response:2026-11-20', t0);
    await source.failed(
      'overdue:c1:first-response:2026-11-20',
      t0,
      'Overdue: RDR-2026-000001',
      refused.error,
      refused.message,
    );
    await source.claim('overdue:c2:first-response:2026-11-20', t0);
    await source.failed(
      'overdue:c2:first-response:2026-11-20',
      t0,
      'Overdue: RDR-2026-000002',
      'An older shell said this.',
    );
    expect(describeReminderFailures(fr, await reminderFailures(database, t0))).toBe(
      '3 rappels n’ont pas pu être affichés\u00a0: «\u00a0Good morning: 2 overdue\u00a0» (Ce système ne prend pas en charge les notifications de bureau); ' +
        '«\u00a0Overdue: RDR-2026-000001\u00a0» (La notification n’a pas été affichée\u00a0: Toast XML is invalid); ' +
        '«\u00a0Overdue: RDR-2026-000002\u00a0» (An older shell said this). Ils sont réessayés chaque minute tant que l’application est ouverte.',
    );
  });
});

describe('databaseReminderSource: whose cases', () => {
  /** A team desk (prefix LDS) holding its own case and a colleague's (BFD), both overdue on 20 Dec 2026 (the ADR letter). */
  async function teamDesk() {
    const database = open();
    const clock = { now: () => new Date('2026-11-02T09:00:00Z') };
    const by = 'Sam Patel';
    const own = await createCase(database, newCaseParts({ receivedOn: '2026-11-02' }), {
      settings: deskSettings({ deskPrefix: 'LDS' }),
      by,
      clock,
    });
    const colleagues = await createCase(database, newCaseParts({ receivedOn: '2026-11-02' }), {
      settings: deskSettings({ deskPrefix: 'BFD' }),
      by,
      clock,
    });
    await database.settings.put({ key: 'desk', value: deskSettings({ deskPrefix: 'LDS' }) });
    return { database, own: own.reference, colleagues: colleagues.reference };
  }
  const digested = async (database: RedressDatabase) =>
    (await databaseReminderSource(database).digest('2026-12-20')).overdue.map((r) => r.reference).sort();

  it('are the ones the dashboard counts: a team desk that chose its own cases is reminded of those only', async () => {
    const { database, own, colleagues } = await teamDesk();
    // A lone desk (or one not yet in a team), whatever was chosen: every case.
    await database.meta.put({ key: CASES_SCOPE_KEY, value: 'desk' });
    expect(await digested(database)).toEqual([colleagues, own].sort());
    // In a team, the team's cases…
    await database.meta.put({ key: SHARING_META_KEYS.membership, value: { serverUrl: 'http://127.0.0.1:1' } });
    await database.meta.put({ key: CASES_SCOPE_KEY, value: 'team' });
    expect(await digested(database)).toEqual([colleagues, own].sort());
    // …or this desk's, in the digest and in what fell overdue (explore40-team: every desk got every colleague's).
    await database.meta.put({ key: CASES_SCOPE_KEY, value: 'desk' });
    expect(await digested(database)).toEqual([own]);
    const fell = await databaseReminderSource(database).dueBetween('2026-11-01', '2026-12-31');
    expect(fell.map((r) => r.reference)).toEqual([own]);
  });
});
