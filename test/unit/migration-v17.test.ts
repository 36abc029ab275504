// Schema upgrade 16 → 17: the CCTS report-back is met only by the report sent to the CCTS (shared/rules/README.md,
// "CCTS report-back"). A version-16 desk took any reply as the report, so a case the CCTS referred and the desk
// answered had no next due date in the case index: the report owed was on neither the dashboard's Overdue nor its
// This week. The upgrade derives again the rows of the cases with a CCTS referral; nothing else changes.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '#shared/model/case';
import { copyOfProcedure, JIVE_CA } from '#shared/rules/index';
import { deriveCaseIndex } from '#db/case-index/derive';
import { DB_VERSION } from '#db/schema';
import { caseRecord, entryMaker } from '#test/support/cases';
import { addStoredCases, releasedDatabase, upgrades } from '#test/support/released-db';

const upgraded = upgrades();

const entry = entryMaker();

/** A Canadian case received on 2 Nov 2026, escalated twice, referred by the CCTS on the 20th, answered on the 25th. */
function referredCase(n: number, procedureId: string, { closed = false }: { closed?: boolean } = {}) {
  const record: CaseRecord = caseRecord({
    id: `case-${n}`,
    reference: `RDR-2026-00000${n}`,
    receivedOn: '2026-11-02',
    procedureId,
    calendar: 'canada',
    ...(closed ? { status: 'closed' as const } : {}),
  });
  const events = [
    entry(record.id, 'received', '2026-11-02'),
    entry(record.id, 'acknowledged', '2026-11-02', { channel: 'phone' }),
    entry(record.id, 'escalated', '2026-11-04', { stage: 'senior-manager' }),
    entry(record.id, 'escalated', '2026-11-06', { stage: 'head-of-support' }),
    entry(record.id, 'ccts-informed', '2026-11-06', { channel: 'phone' }),
    entry(record.id, 'ccts-referral', '2026-11-20'),
    entry(record.id, 'responded', '2026-11-25', { channel: 'phone' }),
  ];
  if (closed) events.push(entry(record.id, 'resolved', '2026-11-26'), entry(record.id, 'closed', '2026-11-26'));
  // The row as version 16 derived it: the reply of the 25th met the report-back, so nothing was left to do.
  const row = { ...deriveCaseIndex(record, events), nextDueOn: null, nextClockId: null, nextClockLabel: null };
  return { record, events, row };
}

describe('schema upgrade to version 17: a reply no longer meets the CCTS report-back', () => {
  it('derives again the rows of the cases the CCTS referred (a desk procedure’s too), and leaves the others', async () => {
    const copy = copyOfProcedure(JIVE_CA, new Set());
    const builtIn = referredCase(1, 'jive-ca');
    const desksOwn = referredCase(2, copy.id);
    const closed = referredCase(3, 'jive-ca', { closed: true });
    const record = caseRecord({ id: 'case-4', reference: 'RDR-2026-000004', receivedOn: '2026-11-02' });
    const events = [entry(record.id, 'received', '2026-11-02')];
    // A UK case's row, left as it was stored (the upgrade does not touch it, even where it differs from today's).
    const untouched = { record, events, row: { ...deriveCaseIndex(record, events), stageName: 'As stored' } };
    const cases = [builtIn, desksOwn, closed, untouched];
    const name = await releasedDatabase(16, async (old) => {
      await old.table('procedures').add({
        key: `${copy.id}@1`,
        id: copy.id,
        version: 1,
        savedAt: '2026-11-01T09:00:00.000Z',
        procedure: copy,
      });
      await addStoredCases(old, cases);
    });
    const database = upgraded(name);
    await database.open();
    expect(database.verno).toBe(DB_VERSION);
    for (const id of ['case-1', 'case-2', 'case-3']) {
      const row = await database.caseIndex.get(id);
      // 20 Nov + 20 days: the report to the CCTS is owed, whatever the desk replied to the customer.
      expect(row, id).toMatchObject({ nextDueOn: '2026-12-10', nextClockId: 'ccts-response' });
      expect(row?.rulesError, id).toBeUndefined();
    }
    expect(await database.caseIndex.get('case-1')).toEqual(deriveCaseIndex(builtIn.record, builtIn.events));
    expect((await database.caseIndex.get('case-4'))?.stageName).toBe('As stored');
  });
});
