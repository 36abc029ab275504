// Schema upgrade 15 → 16: the case index's `acknowledged` reads the timeline as it counts. A version-15 desk marked a
// case acknowledged when any acknowledging entry was on its timeline, a voided one too, so an open case whose only
// acknowledgement was voided was in neither the dashboard's Unacknowledged nor Letters to post. The upgrade reads
// again the open cases marked acknowledged; nothing else changes.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '#shared/model/case';
import { deriveCaseIndex } from '#db/case-index/derive';
import { unacknowledged } from '#db/case-index/queries';
import { DB_VERSION } from '#db/schema';
import { caseRecord, entryMaker } from '#test/support/cases';
import { addStoredCases, releasedDatabase, upgrades } from '#test/support/released-db';

const upgraded = upgrades();

const entry = entryMaker();

/** A case received on 1 Dec 2026, acknowledged on the 2nd, then (if `voided`) that acknowledgement voided. */
function acknowledgedCase(n: number, { voided, closed = false }: { voided: boolean; closed?: boolean }) {
  const record: CaseRecord = caseRecord({
    id: `case-${n}`,
    reference: `RDR-2026-00000${n}`,
    receivedOn: '2026-12-01',
    ...(closed ? { status: 'closed' as const } : {}),
  });
  const ack = entry(record.id, 'acknowledged', '2026-12-02');
  const events = [entry(record.id, 'received', '2026-12-01'), ack];
  if (voided) events.push(entry(record.id, 'voided', '2026-12-03', { entryId: ack.id, reason: 'Clicked by mistake' }));
  if (closed) events.push(entry(record.id, 'resolved', '2026-12-04'), entry(record.id, 'closed', '2026-12-04'));
  // The row as version 15 derived it: any acknowledging entry counted, voided or not.
  const row = { ...deriveCaseIndex(record, events), acknowledged: 1 as const };
  return { record, events, row };
}

describe('schema upgrade to version 16: a voided acknowledgement no longer counts', () => {
  it('puts an open case whose acknowledgement was voided back among the unacknowledged, and leaves the others', async () => {
    const voidedOpen = acknowledgedCase(1, { voided: true });
    const stillAcknowledged = acknowledgedCase(2, { voided: false });
    const cases = [voidedOpen, stillAcknowledged];
    const name = await releasedDatabase(15, async (old) => {
      await addStoredCases(old, cases);
    });
    const database = upgraded(name);
    await database.open();
    expect(database.verno).toBe(DB_VERSION);
    expect((await database.caseIndex.get('case-1'))?.acknowledged).toBe(0);
    expect((await database.caseIndex.get('case-2'))?.acknowledged).toBe(1);
    // The row is now what today's derivation makes of the case.
    expect(await database.caseIndex.get('case-1')).toEqual(deriveCaseIndex(voidedOpen.record, voidedOpen.events));
    const { count, rows } = await unacknowledged(database);
    expect(count).toBe(1);
    expect(rows.map((r) => r.reference)).toEqual(['RDR-2026-000001']);
  });
});
