import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { deskSettings } from '#test/support/desk';
import { newCaseParts } from '#test/support/cases';
import { addPerson, appendEvent, createCase, deleteCase } from './repositories/cases';
import { writingFromTeam } from './outbox';
import { RedressDatabase } from './schema';
import { readTimeline, rewriteAnonymisedEntries } from './timeline';

const settings = deskSettings();
const clock = { now: () => new Date('2026-11-21T10:00:00Z') };
let opened: RedressDatabase[] = [];
let n = 0;
function open(sharing: boolean) {
  n += 1;
  const database = new RedressDatabase(`outbox-test-${process.pid}-${n}`);
  database.sharing = sharing;
  opened.push(database);
  return database;
}
afterEach(() => {
  for (const d of opened) d.close();
  opened = [];
});

const refs = async (database: RedressDatabase) => (await database.outbox.toArray()).map((r) => r.ref).sort();

describe('the outbox of a desk that shares its cases', () => {
  it('a lone desk writes no outbox rows', async () => {
    const database = open(false);
    await createCase(database, newCaseParts(), { settings, by: 'Sam', clock });
    expect(await database.outbox.count()).toBe(0);
  });

  it('a lone desk writes none in a transaction that names the outbox itself, nor with state left from a team', async () => {
    const database = open(false);
    // What a desk that left a team may still hold (a restore's transaction names the outbox, to clear it).
    await database.syncRevs.put({ ref: 'case:old', rev: '2-b' });
    await database.transaction('rw', [database.people, database.cases, database.outbox], async () => {
      await database.people.put({ id: 'p1', name: 'Kim', active: true });
      await database.people.clear();
      await database.people.put({ id: 'p2', name: 'Jo', active: true });
    });
    const record = await createCase(database, newCaseParts(), { settings, by: 'Sam', clock });
    await appendEvent(database, record.id, { type: 'note', on: '2026-11-21', by: 'Sam', summary: 'Called back' });
    await deleteCase(database, record.id);
    expect(await database.people.count()).toBe(1);
    expect(await database.outbox.count()).toBe(0);
  });

  it('whether the desk shares is read when a transaction begins, whatever tables it names', async () => {
    const database = open(true);
    await database.transaction('rw', [database.people, database.outbox], async () => {
      await database.people.put({ id: 'p1', name: 'Kim', active: true });
    });
    expect(await refs(database)).toEqual(['person:p1']);
    database.sharing = false;
    await database.transaction('rw', [database.people, database.outbox], async () => {
      await database.people.put({ id: 'p2', name: 'Jo', active: true });
    });
    await addPerson(database, 'Lee');
    expect(await refs(database)).toEqual(['person:p1']);
  });

  it('every shared row a repository writes leaves one outbox row for its document, in the same transaction', async () => {
    const database = open(true);
    const record = await createCase(database, newCaseParts(), { settings, by: 'Sam', clock });
    const [received] = await readTimeline(database, record.id);
    expect(await refs(database)).toEqual(
      [`case:${record.id}`, `entry:${received.id}`, `counter:${settings.deskPrefix}-2026`].sort(),
    );
    const person = await addPerson(database, 'Kim Lee');
    expect(await refs(database)).toContain(`person:${person.id}`);
  });

  it("an entry's row names its case; an entry already sent is not listed again when its timeline is rewritten", async () => {
    const database = open(true);
    const record = await createCase(database, newCaseParts(), { settings, by: 'Sam', clock });
    const [received] = await readTimeline(database, record.id);
    expect(await database.outbox.get(`entry:${received.id}`)).toMatchObject({ caseId: record.id });
    // The bridge sent everything: the outbox is empty.
    await database.outbox.clear();
    const note = await appendEvent(database, record.id, {
      type: 'note',
      on: '2026-11-21',
      by: 'Sam',
      summary: 'Called back',
    });
    // The timeline row was written whole, but only the new entry (and the case it changed) waits to be sent.
    expect(await refs(database)).toEqual([`case:${record.id}`, `entry:${note.id}`].sort());
    expect(await database.outbox.get(`entry:${note.id}`)).toMatchObject({ caseId: record.id });
    // An anonymised entry is a change: listed again, with its case.
    await database.outbox.clear();
    await rewriteAnonymisedEntries(database, [{ ...note, summary: '[removed]' }]);
    expect(await database.outbox.toArray()).toEqual([
      expect.objectContaining({ ref: `entry:${note.id}`, caseId: record.id }),
    ]);
  });

  it('a second change to a document replaces its row with a new token', async () => {
    const database = open(true);
    const record = await createCase(database, newCaseParts(), { settings, by: 'Sam', clock });
    const before = await database.outbox.get(`case:${record.id}`);
    await appendEvent(database, record.id, { type: 'note', on: '2026-11-21', by: 'Sam', summary: 'Called back' });
    const after = await database.outbox.get(`case:${record.id}`);
    expect(after?.token).not.toBe(before?.token);
    expect((await database.outbox.toArray()).filter((r) => r.ref === `case:${record.id}`)).toHaveLength(1);
  });

  it('a transaction that fails leaves neither the row nor its outbox row', async () => {
    const database = open(true);
    await expect(
      database.transaction('rw', database.people, async () => {
        await database.people.add({ id: 'p1', name: 'Kim', active: true });
        throw new Error('stopped');
      }),
    ).rejects.toThrow('stopped');
    expect(await database.people.count()).toBe(0);
    expect(await database.outbox.count()).toBe(0);
  });

  it('deletions name each deleted document, also when a whole range goes', async () => {
    const database = open(true);
    const record = await createCase(database, newCaseParts(), { settings, by: 'Sam', clock });
    await database.outbox.clear();
    await deleteCase(database, record.id);
    expect(await refs(database)).toEqual(expect.arrayContaining([`case:${record.id}`]));
    await addPerson(database, 'A');
    await addPerson(database, 'B');
    const ids = (await database.people.toArray()).map((p) => `person:${p.id}`);
    await database.outbox.clear();
    await database.people.clear();
    expect(await refs(database)).toEqual(ids.sort());
  });

  it('a conflict row travels on its case document', async () => {
    const database = open(true);
    await database.conflicts.put({ caseId: 'c9', clashes: [] });
    expect(await refs(database)).toEqual(['case:c9']);
  });

  it('what the bridge applies from the team leaves no outbox row (it would echo back)', async () => {
    const database = open(true);
    await database.transaction('rw', database.people, async (tx) => {
      writingFromTeam(tx);
      await database.people.put({ id: 'p2', name: 'From the team', active: true });
    });
    expect(await database.people.count()).toBe(1);
    expect(await database.outbox.count()).toBe(0);
  });
});
