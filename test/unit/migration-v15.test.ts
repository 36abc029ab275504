// Schema upgrade 14 → 15 (issue #19): a case's whole timeline becomes one row of `timelines` (#db/timeline), so a
// restore or a first download writes 100,000 rows for 100,000 cases' timelines instead of 772,000. A desk's version-14
// database, with generated cases and their entries as the app wrote them (and an outbox of a desk in a team), is
// upgraded: every entry is on its case's timeline in the order it was recorded, nothing else changes, and the outbox
// names each waiting entry's case, through which the bridge finds it.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '#shared/model/case';
import { deriveCaseIndex, deriveReportRow } from '#db/case-index/derive';
import { DB_VERSION, onUpgradeProgress } from '#db/schema';
import { allEntries, countEntries, readTimeline, recordEntries, TIMELINE_TABLE } from '#db/timeline';
import { generateCases } from '#test/fixtures/generate-cases';
import { releasedDatabase, upgrades } from '#test/support/released-db';

const TODAY = '2026-11-20';
const generated = generateCases(300, { today: TODAY, seed: 15 });
const events = generated.flatMap((c) => c.events);
const upgraded = upgrades();

/** The order a version-14 desk read a timeline in: its `[caseId+at]` index, ties by id. */
const recorded = (list: readonly TimelineEvent[]) =>
  [...list].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));

/** A version-14 database holding the generated cases as the app wrote them, plus `extra` entries and `outbox` rows. */
const version14 = (extra: TimelineEvent[] = [], outbox: Record<string, unknown>[] = []) =>
  releasedDatabase(14, async (old) => {
    await old.table('cases').bulkAdd(generated.map((c) => c.record));
    await old.table('events').bulkAdd([...events, ...extra]);
    await old.table('caseIndex').bulkAdd(generated.map((c) => deriveCaseIndex(c.record, c.events)));
    await old.table('reportRows').bulkAdd(generated.map((c) => deriveReportRow(c.record, c.events)));
    await old.table('outbox').bulkAdd(outbox);
  });

describe('schema upgrade to version 15: a timeline per row', () => {
  it("puts every entry on its case's timeline, in the order it was recorded, and drops the entries' table", async () => {
    const name = await version14();
    const database = upgraded(name);
    await database.open();
    expect(database.verno).toBe(DB_VERSION);
    expect(database.tables.map((t) => t.name)).not.toContain('events');
    expect(await database.table(TIMELINE_TABLE).count()).toBe(generated.filter((c) => c.events.length).length);
    expect(await countEntries(database)).toBe(events.length);
    for (const { record, events: expected } of generated)
      expect(await readTimeline(database, record.id), record.reference).toEqual(recorded(expected));
    // Nothing else changed.
    expect(await database.cases.count()).toBe(generated.length);
    for (const { record, events: timeline } of generated.slice(0, 50)) {
      expect(await database.caseIndex.get(record.id)).toEqual(deriveCaseIndex(record, timeline));
      expect(await database.reportRows.get(record.id)).toEqual(deriveReportRow(record, timeline));
    }
  });

  it('says how far it has gone, cases done of all of them, for the page to show while the desk waits', async () => {
    const name = await version14();
    const heard: Array<{ done: number; total: number }> = [];
    const stop = onUpgradeProgress((progress) => heard.push(progress));
    try {
      await upgraded(name).open();
    } finally {
      stop();
    }
    expect(heard[0]).toEqual({ done: 0, total: generated.length });
    expect(heard.at(-1)).toEqual({ done: generated.length, total: generated.length });
    // A desk already upgraded says nothing.
    const again: unknown[] = [];
    const stopAgain = onUpgradeProgress((progress) => again.push(progress));
    const reopened = upgraded(name);
    await reopened.open();
    stopAgain();
    expect(again).toEqual([]);
  });

  it('keeps two entries recorded at the same instant in id order, as the old index did', async () => {
    const [first] = generated;
    const at = first.events[0].at;
    const twins = ['entry-b', 'entry-a'].map((id) => ({ ...first.events[0], id, at, summary: id }));
    const database = upgraded(await version14(twins));
    const read = await readTimeline(database, first.record.id);
    const ids = read.map((e) => e.id);
    expect(ids.indexOf('entry-a')).toBeLessThan(ids.indexOf('entry-b'));
    expect(read).toEqual(recorded([...first.events, ...twins]));
  });

  it('moves entries whose case is not on the desk too, onto the timeline of the case they name', async () => {
    const orphan = { ...generated[0].events[0], id: 'entry-of-no-case', caseId: 'case-not-here' };
    const second = { ...orphan, id: 'entry-of-no-case-2' };
    const other = { ...orphan, id: 'entry-of-another', caseId: 'another-not-here' };
    const database = upgraded(await version14([orphan, second, other]));
    expect(await readTimeline(database, 'case-not-here')).toEqual([orphan, second]);
    expect(await readTimeline(database, 'another-not-here')).toEqual([other]);
    expect(await countEntries(database)).toBe(events.length + 3);
  });

  it("names each waiting entry's case in the outbox; other rows are as they were", async () => {
    const [one, two] = generated.filter((c) => c.events.length > 1);
    const outbox = [
      { ref: `entry:${one.events[0].id}`, token: 't1', at: '2026-11-20T10:00:00.000Z' },
      { ref: `entry:${two.events[1].id}`, token: 't2', at: '2026-11-20T10:00:00.000Z' },
      { ref: 'entry:gone-since', token: 't3', at: '2026-11-20T10:00:00.000Z' },
      { ref: `case:${one.record.id}`, token: 't4', at: '2026-11-20T10:00:00.000Z' },
    ];
    const database = upgraded(await version14([], outbox));
    expect(await database.outbox.toArray()).toEqual(
      [{ ...outbox[0], caseId: one.record.id }, { ...outbox[1], caseId: two.record.id }, outbox[2], outbox[3]].sort(
        (a, b) => a.ref.localeCompare(b.ref),
      ),
    );
  });

  it('records, reads and counts entries on the upgraded desk as on a new one', async () => {
    const database = upgraded(await version14());
    const [first] = generated;
    const note: TimelineEvent = {
      id: 'a-new-note',
      caseId: first.record.id,
      type: 'note',
      on: TODAY,
      at: `${TODAY}T23:59:00.000Z`,
      by: 'Sam',
      summary: 'Rang back',
    };
    await recordEntries(database, [note]);
    expect((await readTimeline(database, first.record.id)).at(-1)).toEqual(note);
    expect(await countEntries(database)).toBe(events.length + 1);
    expect((await allEntries(database)).length).toBe(events.length + 1);
  });
});
