// Schema upgrade 18 → 19: a resolution taken back by a reopening still was the reply that met the provider's own
// targets (shared/rules/README.md, "Voided entries and reopening"; explore40-manager #1). A version-18 desk read such a
// case as if the customer had never had the reply: its stage targets open again (overdue on the dashboard) and, once
// resolved again, missed in Reports. The upgrade derives again the reopened cases' index and report rows; nothing else.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deriveCaseIndex, deriveReportRow } from '#db/case-index/derive';
import { DB_VERSION } from '#db/schema';
import { caseRecord, entryMaker } from '#test/support/cases';
import { addStoredCases, releasedDatabase, upgrades } from '#test/support/released-db';

const upgraded = upgrades();
const entry = entryMaker();

/** A Kijoma case received Mon 2 Nov 2026, resolved the next day (inside its 5 working days), closed, then reopened. */
function kijomaCase(n: number, { resolvedAgain = false, reopened = true } = {}) {
  const record = caseRecord({
    id: `case-${n}`,
    reference: `RDR-2026-00000${n}`,
    receivedOn: '2026-11-02',
    procedureId: 'kijoma',
    calendar: 'england-and-wales',
  });
  const events = [
    entry(record.id, 'received', '2026-11-02'),
    entry(record.id, 'acknowledged', '2026-11-02', { channel: 'phone' }),
    entry(record.id, 'resolved', '2026-11-03'),
    entry(record.id, 'closed', '2026-11-05'),
  ];
  if (reopened) events.push(entry(record.id, 'reopened', '2026-11-20', { reason: 'Came back' }));
  if (resolvedAgain) events.push(entry(record.id, 'resolved', '2026-11-27'), entry(record.id, 'closed', '2026-11-27'));
  return { record, events };
}

describe('schema upgrade to version 19: a reply taken back by a reopening still met its targets', () => {
  it('derives again the reopened cases’ index and report rows, and leaves the others as they were stored', async () => {
    // As version 18 derived them: the first-response and stage targets open again from 9 Nov (overdue), or missed.
    const open = kijomaCase(1);
    const openRow = {
      ...deriveCaseIndex(open.record, open.events),
      nextDueOn: '2026-11-09',
      nextClockId: 'first-response',
    };
    const again = kijomaCase(2, { resolvedAgain: true });
    const againReport = deriveReportRow(again.record, again.events);
    const againStored = { ...againReport, summary: { ...againReport.summary, providerTargets: 'missed' as const } };
    const never = kijomaCase(3, { reopened: false });
    const neverStored = { ...deriveCaseIndex(never.record, never.events), stageName: 'As stored' };
    const name = await releasedDatabase(18, async (old) => {
      await addStoredCases(old, [
        { ...open, row: openRow },
        { ...again, row: deriveCaseIndex(again.record, again.events) },
        { ...never, row: neverStored },
      ]);
      await old.table('reportRows').bulkAdd([againStored, deriveReportRow(never.record, never.events)]);
    });
    const database = upgraded(name);
    await database.open();
    expect(database.verno).toBe(DB_VERSION);

    // Reopened, its targets met by the reply of 3 Nov: what is due next is the ADR letter, 6 weeks from the receipt.
    const row = await database.caseIndex.get('case-1');
    expect(row).toEqual(deriveCaseIndex(open.record, open.events));
    expect(row).toMatchObject({ status: 'open', nextDueOn: '2026-12-14', nextClockId: 'adr-letter' });
    // Resolved again on 27 Nov: its targets met, as Reports count them.
    expect((await database.reportRows.get('case-2'))?.summary).toMatchObject({
      providerTargets: 'met',
      resolvedOn: '2026-11-27',
    });
    // Never reopened: left as stored.
    expect(await database.caseIndex.get('case-3')).toEqual(neverStored);
  });
});
