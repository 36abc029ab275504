import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, freshDatabase } from '#test/support/backup';
import { deskSettings } from '#test/support/desk';
import { newCaseParts, noteEntry } from '#test/support/cases';
import { createCase } from './repositories/cases';
import { syncRows } from './sync-rows';
import { readTimeline } from './timeline';

const clock = { now: () => new Date('2026-11-21T10:00:00Z') };
afterEach(closeAll);

describe('the rows of each kind of shared document, wherever the desk keeps them', () => {
  it('finds an entry through its case, lists every entry with its case, and writes entries onto their timelines', async () => {
    const database = freshDatabase('sync-rows');
    const one = await createCase(database, newCaseParts(), { settings: deskSettings(), by: 'Sam', clock });
    const two = await createCase(database, newCaseParts(), { settings: deskSettings(), by: 'Sam', clock });
    const entries = syncRows('entry');
    const [received] = await readTimeline(database, one.id);

    // Found through its case; without its case (or with another case) it is not found.
    const found = await entries.get(database, [
      { key: received!.id, caseId: one.id },
      { key: received!.id },
      { key: received!.id, caseId: two.id },
    ]);
    expect(found.map((row) => row?.id)).toEqual([received!.id, undefined, undefined]);

    // From the team: written onto its case's timeline, in the caller's transaction, and listed with its case.
    const fromTeam = noteEntry(two.id, '2026-11-22T09:00:00.000Z', 'from another desk');
    await database.transaction('rw', database.timelines, () =>
      entries.put(database, [fromTeam as unknown as Record<string, unknown>]),
    );
    expect((await readTimeline(database, two.id)).map((e) => e.summary)).toContain('from another desk');
    const refs = await entries.refs(database);
    expect(refs).toContainEqual({ key: fromTeam.id, caseId: two.id });
    expect(refs).toContainEqual({ key: received!.id, caseId: one.id });
    expect(refs).toHaveLength(
      (await readTimeline(database, one.id)).length + (await readTimeline(database, two.id)).length,
    );

    // Never deleted; its body is checked as a stored entry.
    await expect(entries.remove(database, [fromTeam.id])).rejects.toThrow(/never deleted/);
    expect((await readTimeline(database, two.id)).map((e) => e.id)).toContain(fromTeam.id);
    expect(entries.checkedAs).toBe('events');
  });

  it('reads, writes and deletes any other kind as its own table’s rows, by key', async () => {
    const database = freshDatabase('sync-rows');
    const record = await createCase(database, newCaseParts(), { settings: deskSettings(), by: 'Sam', clock });
    const cases = syncRows('case');
    expect(cases.checkedAs).toBe('cases');
    expect(await cases.refs(database)).toEqual([{ key: record.id }]);
    const [row] = await cases.get(database, [{ key: record.id, caseId: 'ignored' }]);
    expect(row?.reference).toBe(record.reference);

    const people = syncRows('person');
    await people.put(database, [{ id: 'p1', name: 'Ana Ruiz', active: true }]);
    expect((await people.get(database, [{ key: 'p1' }, { key: 'p2' }])).map((p) => p?.name)).toEqual([
      'Ana Ruiz',
      undefined,
    ]);
    await people.remove(database, ['p1']);
    expect(await people.get(database, [{ key: 'p1' }])).toEqual([undefined]);
  });
});
