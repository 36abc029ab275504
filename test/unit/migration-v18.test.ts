// Schema upgrade 17 → 18: the dashboard lists the open cases with nothing due ("Open, nothing due"), such as a reopened
// complaint whose clocks are met, which was on no list. IndexedDB leaves a row whose next due date is null out of
// `[status+nextDueOn]`, so such a row is marked (`openNothingDue`, the case's `updatedAt`) and the list reads the index
// of the mark. The upgrade marks the open rows with nothing due; it derives nothing again and leaves every other row.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deriveCaseIndex } from '#db/case-index/derive';
import { openNothingDue } from '#db/case-index/queries';
import { type CaseIndexRow, DB_VERSION } from '#db/schema';
import { caseRecord, entryMaker } from '#test/support/cases';
import { addStoredCases, releasedDatabase, upgrades } from '#test/support/released-db';

const upgraded = upgrades();
const entry = entryMaker();

/** A Canadian case received on 2 Nov 2026, acknowledged and answered, resolved and closed, then (`reopened`) reopened. */
function canadianCase(n: number, { reopened = false, status = 'open' as CaseIndexRow['status'] } = {}) {
  const record = caseRecord({
    id: `case-${n}`,
    reference: `RDR-2026-00000${n}`,
    receivedOn: '2026-11-02',
    procedureId: 'jive-ca',
    calendar: 'canada',
    updatedAt: `2026-11-2${n}T09:00:00.000Z`,
  });
  const events = [
    entry(record.id, 'received', '2026-11-02'),
    entry(record.id, 'acknowledged', '2026-11-02', { channel: 'phone' }),
    entry(record.id, 'responded', '2026-11-05', { channel: 'phone' }),
    entry(record.id, 'resolved', '2026-11-06'),
    entry(record.id, 'closed', '2026-11-06'),
  ];
  if (reopened) events.push(entry(record.id, 'reopened', '2026-11-20', { reason: 'Came back' }));
  // The row as version 17 derived it: no mark.
  const { openNothingDue: _, ...row } = { ...deriveCaseIndex(record, events), status };
  return { record, events, row: row as CaseIndexRow };
}

describe('schema upgrade to version 18: the open cases with nothing due are marked for the dashboard', () => {
  it('marks the open rows with no next due date, and leaves the others as they were stored', async () => {
    const reopened = canadianCase(1, { reopened: true });
    const alsoOpen = canadianCase(2, { reopened: true });
    const closed = canadianCase(3, { status: 'closed' });
    const record = caseRecord({ id: 'case-4', reference: 'RDR-2026-000004', receivedOn: '2026-11-18' });
    const events = [entry(record.id, 'received', '2026-11-18')];
    const due = { record, events, row: { ...deriveCaseIndex(record, events), stageName: 'As stored' } };
    expect(due.row.nextDueOn).not.toBeNull();
    const cases = [reopened, alsoOpen, closed, due];
    for (const c of cases) expect(c.row).not.toHaveProperty('openNothingDue');
    const name = await releasedDatabase(17, async (old) => {
      await addStoredCases(old, cases);
    });
    const database = upgraded(name);
    await database.open();
    expect(database.verno).toBe(DB_VERSION);
    expect(await database.caseIndex.get('case-1')).toEqual(deriveCaseIndex(reopened.record, reopened.events));
    expect(await database.caseIndex.get('case-1')).toMatchObject({ openNothingDue: '2026-11-21T09:00:00.000Z' });
    expect(await database.caseIndex.get('case-3')).toEqual(closed.row);
    expect(await database.caseIndex.get('case-4')).toEqual(due.row);
    // The dashboard's list, from the new index: the two reopened cases, the most recently changed first.
    const list = await openNothingDue(database);
    expect(list).toMatchObject({ count: 2 });
    expect(list.rows.map((r) => r.caseId)).toEqual(['case-2', 'case-1']);
  });
});
