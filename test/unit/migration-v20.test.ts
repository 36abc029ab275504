// Schema upgrade 19 → 20: an ADR letter whose date fell while the complaint stood resolved is owed from the reopening
// (shared/rules/README.md, "Reopening a case"; explore41-clocks #3). A version-19 desk read it as missed from that date:
// "26 days overdue" on the dashboard and a missed letter in Reports. The upgrade derives again the reopened cases' index
// and report rows; nothing else.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deriveCaseIndex, deriveReportRow } from '#db/case-index/derive';
import { DB_VERSION } from '#db/schema';
import { caseRecord, entryMaker } from '#test/support/cases';
import { addStoredCases, releasedDatabase, upgrades } from '#test/support/released-db';

const upgraded = upgrades();
const entry = entryMaker();

/** A Kijoma case received Thu 1 Oct 2026, resolved on the 5th, closed, then reopened on 25 Nov (its 6 weeks long over). */
function reopenedCase(n: number, reopened = true) {
  const record = caseRecord({
    id: `case-${n}`,
    reference: `RDR-2026-00000${n}`,
    receivedOn: '2026-10-01',
    procedureId: 'kijoma',
    calendar: 'england-and-wales',
  });
  const events = [
    entry(record.id, 'received', '2026-10-01'),
    entry(record.id, 'acknowledged', '2026-10-01', { channel: 'phone' }),
    entry(record.id, 'resolved', '2026-10-05'),
    entry(record.id, 'closed', '2026-10-06'),
  ];
  if (reopened) events.push(entry(record.id, 'reopened', '2026-11-25', { reason: 'The fault came back' }));
  return { record, events };
}

describe('schema upgrade to version 20: an ADR letter is owed from the reopening, not from a day it stood resolved', () => {
  it('derives again the reopened cases’ index and report rows, and leaves the others as they were stored', async () => {
    const open = reopenedCase(1);
    // As version 19 derived it: the ADR letter due 12 Nov (6 weeks from the receipt), missed.
    const openRow = { ...deriveCaseIndex(open.record, open.events), adrLetterDueOn: '2026-11-12' };
    const openReport = deriveReportRow(open.record, open.events);
    const never = reopenedCase(2, false);
    const neverStored = { ...deriveCaseIndex(never.record, never.events), stageName: 'As stored' };
    const name = await releasedDatabase(19, async (old) => {
      await addStoredCases(old, [
        { ...open, row: openRow },
        { ...never, row: neverStored },
      ]);
      await old.table('reportRows').bulkAdd([{ ...openReport, stored: 'as version 19' }]);
    });
    const database = upgraded(name);
    await database.open();
    expect(database.verno).toBe(DB_VERSION);

    const row = await database.caseIndex.get('case-1');
    expect(row).toEqual(deriveCaseIndex(open.record, open.events));
    expect(row).toMatchObject({ status: 'open', adrLetterDueOn: '2026-11-25' });
    expect(await database.reportRows.get('case-1')).toEqual(openReport);
    // Never reopened: left as stored.
    expect(await database.caseIndex.get('case-2')).toEqual(neverStored);
  });
});
