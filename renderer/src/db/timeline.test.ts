import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, freshDatabase } from '#test/support/backup';
import { deskSettings } from '#test/support/desk';
import { newCaseParts, noteEntry } from '#test/support/cases';
import { createCase } from './repositories/cases';
import { recordEntries, removeTimeline, rewriteAnonymisedEntries, readTimeline, timelinesOf } from './timeline';

const clock = { now: () => new Date('2026-11-21T10:00:00Z') };
afterEach(closeAll);

describe("a case's timeline, stored through one module", () => {
  it('records entries on the timelines of the cases they name, read back in the order they were recorded', async () => {
    const database = freshDatabase('timeline');
    const one = await createCase(database, newCaseParts(), { settings: deskSettings(), by: 'Sam', clock });
    const two = await createCase(database, newCaseParts(), { settings: deskSettings(), by: 'Sam', clock });
    const later = noteEntry(one.id, '2026-11-23T09:00:00.000Z', 'later');
    const earlier = noteEntry(one.id, '2026-11-22T09:00:00.000Z', 'earlier');
    const other = noteEntry(two.id, '2026-11-22T10:00:00.000Z', 'on the other case');
    await database.transaction('rw', database.timelines, () => recordEntries(database, [later, earlier, other]));
    await database.transaction('rw', database.timelines, () => recordEntries(database, []));

    const timelines = await timelinesOf(database, [one.id, two.id]);
    expect(
      timelines
        .get(one.id)!
        .map((e) => e.summary)
        .slice(1),
    ).toEqual(['earlier', 'later']);
    expect(
      timelines
        .get(two.id)!
        .map((e) => e.summary)
        .slice(1),
    ).toEqual(['on the other case']);
  });

  it('never overwrites a recorded entry: one whose id is stored is refused, with the whole transaction', async () => {
    const database = freshDatabase('timeline');
    const record = await createCase(database, newCaseParts(), { settings: deskSettings(), by: 'Sam', clock });
    const first = noteEntry(record.id, '2026-11-22T09:00:00.000Z', 'as recorded');
    await database.transaction('rw', database.timelines, () => recordEntries(database, [first]));

    const fresh = noteEntry(record.id, '2026-11-22T11:00:00.000Z', 'new');
    await expect(
      database.transaction('rw', database.timelines, () =>
        recordEntries(database, [fresh, { ...first, summary: 'changed' }]),
      ),
    ).rejects.toThrow();
    await expect(
      database.transaction('rw', database.timelines, () => recordEntries(database, [{ ...first, summary: 'changed' }])),
    ).rejects.toThrow();

    const stored = await readTimeline(database, record.id);
    expect(stored.map((e) => e.summary).slice(1)).toEqual(['as recorded']);
  });

  it('rewrites anonymised entries in place, and removes a whole timeline', async () => {
    const database = freshDatabase('timeline');
    const record = await createCase(database, newCaseParts(), { settings: deskSettings(), by: 'Sam', clock });
    const kept = await createCase(database, newCaseParts(), { settings: deskSettings(), by: 'Sam', clock });
    const note = noteEntry(record.id, '2026-11-22T09:00:00.000Z', 'Called Ada on 07700 900123');
    await database.transaction('rw', database.timelines, () => recordEntries(database, [note]));

    await database.transaction('rw', database.timelines, () =>
      rewriteAnonymisedEntries(database, [{ ...note, summary: '[removed]' }]),
    );
    const after = await readTimeline(database, record.id);
    expect(after).toHaveLength(2);
    expect(after[1]).toEqual({ ...note, summary: '[removed]' });

    await database.transaction('rw', database.timelines, () => removeTimeline(database, record.id));
    expect((await readTimeline(database, record.id)).length).toBe(0);
    expect((await readTimeline(database, kept.id)).length).toBe(1);
  });
});
