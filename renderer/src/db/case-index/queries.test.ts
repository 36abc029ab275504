import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel } from '#shared/model/case';
import { addCalendarDays } from '#shared/rules/index';
import { appendEvent, createCase } from '#db/repositories/cases';
import { deskSettings } from '#test/support/desk';
import { RedressDatabase, type CaseIndexRow } from '../schema';
import { dashboardWindows, describeDue, dueBucket } from './due';
import { deskCaseIds, loadDashboard } from './queries';
import { refreshCaseIndex } from './derive';

const settings = deskSettings({ defaultProcedureId: 'kijoma' });
const TODAY = '2026-11-21';
const LISTS = [
  'overdue',
  'dueToday',
  'dueThisWeek',
  'unacknowledged',
  'adrLettersDue',
  'referralWindowsClosing',
  'openNothingDue',
] as const;
const clock = { now: () => new Date(`${TODAY}T10:00:00Z`) };

let opened: RedressDatabase[] = [];
let n = 0;
afterEach(() => {
  for (const d of opened) d.close();
  opened = [];
});

/** A desk with cases received over the last ten weeks, some acknowledged, some sent the ADR letter, some closed. */
async function seededDesk(prefixOf: (i: number) => string = () => settings.deskPrefix) {
  const database = new RedressDatabase(`redress-dashboard-${process.pid}-${++n}`);
  opened.push(database);
  const channels: Channel[] = ['phone', 'email', 'letter', 'web'];
  for (let i = 0; i < 70; i++) {
    const receivedOn = addCalendarDays(TODAY, -i);
    const c = await createCase(
      database,
      {
        receivedOn,
        channel: channels[i % 4],
        customer: { name: `Customer ${i}` },
        category: 'billing',
        summary: 'Charged twice',
      },
      {
        settings: { ...settings, deskPrefix: prefixOf(i) },
        procedureId: i % 3 === 0 ? 'ofcom' : 'kijoma',
        by: 'Sam Patel',
        clock,
      },
    );
    if (i % 2 === 0)
      await appendEvent(
        database,
        c.id,
        { type: 'acknowledged', on: receivedOn, by: 'Sam Patel', summary: 'Acknowledged' },
        clock,
      );
    if (i > 45 && i % 5 === 0) {
      await appendEvent(
        database,
        c.id,
        { type: 'adr-letter-sent', on: addCalendarDays(receivedOn, 42), by: 'Sam Patel', summary: 'ADR letter sent' },
        clock,
      );
    }
    if (i % 7 === 6)
      await appendEvent(database, c.id, { type: 'closed', on: TODAY, by: 'Sam Patel', summary: 'Closed' }, clock);
  }
  // A letter sent eleven and a half months ago: the customer's 12-month referral window closes within 30 days.
  const oldOn = addCalendarDays(TODAY, -360);
  const old = await createCase(
    database,
    {
      receivedOn: oldOn,
      channel: 'letter',
      customer: { name: 'Old Customer' },
      category: 'service',
      summary: 'Engineer missed',
    },
    { settings, by: 'Sam Patel', clock },
  );
  await appendEvent(
    database,
    old.id,
    { type: 'deadlock', on: addCalendarDays(oldOn, 10), by: 'Sam Patel', summary: 'Final position' },
    clock,
  );
  await appendEvent(
    database,
    old.id,
    { type: 'adr-letter-sent', on: addCalendarDays(oldOn, 10), by: 'Sam Patel', summary: 'ADR letter sent' },
    clock,
  );
  return database;
}

const refs = (rows: readonly CaseIndexRow[]) => rows.map((r) => r.reference).sort();

describe('loadDashboard', () => {
  it('puts each working case with a deadline in exactly one due list, by its most urgent clock', async () => {
    const database = await seededDesk();
    const all = await database.caseIndex.toArray();
    const d = await loadDashboard(database, TODAY, 1000);
    const working = all.filter((r) => r.status !== 'closed');
    const expected = (bucket: string) => refs(working.filter((r) => dueBucket(r.nextDueOn, TODAY) === bucket));
    expect(refs(d.overdue.rows)).toEqual(expected('overdue'));
    expect(refs(d.dueToday.rows)).toEqual(expected('today'));
    expect(refs(d.dueThisWeek.rows)).toEqual(expected('week'));
    expect(d.overdue.count + d.dueToday.count + d.dueThisWeek.count).toBeGreaterThan(10);
    const shown = [...d.overdue.rows, ...d.dueToday.rows, ...d.dueThisWeek.rows].map((r) => r.caseId);
    expect(new Set(shown).size).toBe(shown.length);
    // Most urgent first.
    const due = d.overdue.rows.map((r) => r.nextDueOn ?? '');
    expect(due).toEqual([...due].sort((a, b) => a.localeCompare(b)));
  });

  it('lists unacknowledged, ADR letters due within 14 days and referral windows closing within 30', async () => {
    const database = await seededDesk();
    const all = await database.caseIndex.toArray();
    const d = await loadDashboard(database, TODAY, 1000);
    const w = dashboardWindows(TODAY);
    expect(refs(d.unacknowledged.rows)).toEqual(refs(all.filter((r) => r.status === 'open' && r.acknowledged === 0)));
    expect(d.unacknowledged.count).toBeGreaterThan(0);
    expect(refs(d.adrLettersDue.rows)).toEqual(
      refs(all.filter((r) => r.status !== 'closed' && r.adrLetterDueOn && r.adrLetterDueOn <= w.adrLetterHorizon)),
    );
    expect(d.adrLettersDue.count).toBeGreaterThan(0);
    expect(refs(d.referralWindowsClosing.rows)).toEqual(
      refs(
        all.filter(
          (r) => r.adrReferralEndsOn && r.adrReferralEndsOn >= TODAY && r.adrReferralEndsOn <= w.referralHorizon,
        ),
      ),
    );
    expect(d.referralWindowsClosing.rows.map((r) => r.customerName)).toEqual(['Old Customer']);
  });

  it('lists an open case with nothing due, such as a reopened complaint whose clocks are met, on its own', async () => {
    const database = await seededDesk();
    const receivedOn = addCalendarDays(TODAY, -20);
    const c = await createCase(
      database,
      { receivedOn, channel: 'phone', customer: { name: 'Came Back' }, category: 'billing', summary: 'Charged twice' },
      { settings: { ...settings, calendar: 'canada' }, procedureId: 'jive-ca', by: 'Sam Patel', clock },
    );
    // Each step recorded a second after the one before, as a desk records them: two steps of one day (reopened, then
    // closed again) in the order they were taken, not by their ids (the fixed clock gave them one moment).
    let recorded = 0;
    const ticking = { now: () => new Date(Date.parse(`${TODAY}T10:00:00Z`) + 1000 * ++recorded) };
    const step = (type: 'acknowledged' | 'responded' | 'resolved' | 'closed' | 'reopened', on: string) =>
      appendEvent(
        database,
        c.id,
        { type, on, by: 'Sam Patel', summary: type, ...(type === 'reopened' ? { data: { reason: 'Came back' } } : {}) },
        ticking,
      );
    await step('acknowledged', receivedOn);
    await step('responded', addCalendarDays(receivedOn, 2));
    await step('resolved', addCalendarDays(receivedOn, 3));
    await step('closed', addCalendarDays(receivedOn, 3));
    const before = await loadDashboard(database, TODAY, 1000);
    expect(before.openNothingDue.rows.map((r) => r.caseId)).not.toContain(c.id);
    await step('reopened', TODAY);

    const d = await loadDashboard(database, TODAY, 1000);
    const all = await database.caseIndex.toArray();
    const idle = all.filter((r) => r.status === 'open' && r.nextDueOn === null);
    expect(idle.map((r) => r.caseId)).toContain(c.id);
    expect(refs(d.openNothingDue.rows)).toEqual(refs(idle));
    expect(d.openNothingDue.count).toBe(idle.length);
    // On no other list: the case would go unnoticed without this one.
    for (const list of LISTS.filter((l) => l !== 'openNothingDue'))
      expect(
        d[list].rows.map((r) => r.caseId),
        list,
      ).not.toContain(c.id);
    // Closed again: off the list.
    await step('closed', TODAY);
    const after = await loadDashboard(database, TODAY, 1000);
    expect(after.openNothingDue.rows.map((r) => r.caseId)).not.toContain(c.id);
    expect(after.openNothingDue.count).toBe(d.openNothingDue.count - 1);
  });

  it('counts only this desk’s cases when asked (a team: the reference prefix names the desk)', async () => {
    // Two desks' cases in one store, as a team shares them; "LD" is a prefix of "LDS" but not its desk.
    const database = await seededDesk((i) => (i % 3 === 0 ? 'LDS' : i % 3 === 1 ? 'LD' : 'BRD'));
    const team = await loadDashboard(database, TODAY, 1000);
    const desk = await loadDashboard(database, TODAY, 1000, { desk: 'LDS' });
    let narrowed = 0;
    for (const list of LISTS) {
      const mine = team[list].rows.filter((r) => r.reference.startsWith('LDS-'));
      expect(refs(desk[list].rows), list).toEqual(refs(mine));
      expect(desk[list].count, list).toBe(mine.length);
      narrowed += team[list].count - desk[list].count;
    }
    expect(narrowed).toBeGreaterThan(0);
    expect(desk.overdue.count + desk.unacknowledged.count).toBeGreaterThan(0);
    const ids = await deskCaseIds(database, 'LDS');
    const all = await database.caseIndex.toArray();
    expect([...ids].sort()).toEqual(
      all
        .filter((r) => r.reference.startsWith('LDS-'))
        .map((r) => r.caseId)
        .sort(),
    );
  });

  it('counts only one provider’s cases when asked (a desk serving several providers, #16)', async () => {
    const database = await seededDesk();
    // Every other case is about a second provider; its index row is rebuilt as every write rebuilds it.
    const ids = (await database.cases.toArray()).map((c) => c.id).sort();
    const jive = new Set(ids.filter((_, i) => i % 2 === 0));
    await database.transaction(
      'rw',
      [database.cases, database.timelines, database.caseIndex, database.reportRows],
      async () => {
        for (const id of jive) {
          await database.cases.update(id, { providerId: 'jive' });
          await refreshCaseIndex(database, id);
        }
      },
    );
    const all = await loadDashboard(database, TODAY, 1000);
    const only = await loadDashboard(database, TODAY, 1000, { providerId: 'jive' });
    let narrowed = 0;
    for (const list of LISTS) {
      const theirs = all[list].rows.filter((r) => jive.has(r.caseId));
      expect(refs(only[list].rows), list).toEqual(refs(theirs));
      expect(only[list].count, list).toBe(theirs.length);
      narrowed += all[list].count - only[list].count;
    }
    expect(narrowed).toBeGreaterThan(0);
    expect(only.overdue.count + only.unacknowledged.count).toBeGreaterThan(0);
  });

  it('cuts each list at the limit but counts all of it', async () => {
    const database = await seededDesk();
    const full = await loadDashboard(database, TODAY, 1000);
    const cut = await loadDashboard(database, TODAY, 2);
    expect(cut.overdue.count).toBe(full.overdue.count);
    expect(cut.overdue.rows).toEqual(full.overdue.rows.slice(0, 2));
    expect(cut.unacknowledged.rows).toHaveLength(2);
  });
});

describe('describeDue and dueBucket', () => {
  it('say how far off a deadline is, in days', () => {
    expect(describeDue('2026-11-18', TODAY)).toBe('3 days overdue');
    expect(describeDue('2026-11-20', TODAY)).toBe('1 day overdue');
    expect(describeDue(TODAY, TODAY)).toBe('due today');
    expect(describeDue('2026-11-22', TODAY)).toBe('due tomorrow');
    expect(describeDue('2026-11-25', TODAY)).toBe('4 days left');
    expect([
      dueBucket('2026-11-20', TODAY),
      dueBucket(TODAY, TODAY),
      dueBucket('2026-11-28', TODAY),
      dueBucket('2026-11-29', TODAY),
      dueBucket(null, TODAY),
    ]).toEqual(['overdue', 'today', 'week', 'later', 'none']);
  });
});
