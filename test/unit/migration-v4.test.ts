// Schema upgrade 3 → 4 (issue #15): the case index's search text is now folded (no accents, apostrophes or hyphens),
// so a desk's existing index rows, written with the old lower-cased text, are rebuilt on opening. Against the version-1
// fixture's cases and timelines stored in a database as released at version 3, with index rows as version 3 wrote them.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '#shared/model/case';
import { matchesSearch, searchTerms } from '#shared/model/search-text';
import { deriveCaseIndex } from '#db/case-index/derive';
import { DB_VERSION, type CaseIndexRow } from '#db/schema';
import {
  addFixture,
  asReleased,
  fixtureCases,
  fixtureEvents,
  fixtureTimeline,
  releasedDatabase,
  upgrades,
} from '#test/support/released-db';
import { countEntries } from '#db/timeline';

/** Version 3's search text: the same parts, only lower-cased (reference with hyphens, accents and apostrophes kept). */
const v3Search = (record: CaseRecord) =>
  [record.reference, record.customer.name, record.summary ?? ''].join(' ').toLowerCase();

const upgraded = upgrades();

const cases = fixtureCases.map((c, i) =>
  // One customer with the names people misspell in a search box.
  i === 0 ? { ...c, customer: { ...c.customer, name: "Françoise O'Brien-Müller" } } : c,
);

const v3Database = () =>
  releasedDatabase(3, async (old) => {
    await addFixture(old, { except: ['cases'] });
    await old.table('cases').bulkAdd(cases);
    await old
      .table<CaseIndexRow, string>('caseIndex')
      .bulkAdd(cases.map((c) => ({ ...deriveCaseIndex(c, fixtureTimeline(c.id)), search: v3Search(c) })));
  });

describe('schema upgrade from version 3: the case index is rebuilt with the folded search text', () => {
  it('rewrites every index row as deriveCaseIndex makes it now, and keeps the cases and timelines', async () => {
    const name = await v3Database();
    const database = upgraded(name);
    await database.open();
    expect(database.verno).toBe(DB_VERSION); // the latest version, every step in one open
    expect(await database.caseIndex.count()).toBe(cases.length);
    for (const record of cases) {
      expect(await database.caseIndex.get(record.id), record.reference).toEqual(
        deriveCaseIndex(record, fixtureTimeline(record.id)),
      );
    }
    expect(await database.cases.toArray()).toHaveLength(cases.length);
    expect(await countEntries(database)).toBe(fixtureEvents.length);
  });

  it('so the customer is found as people type the name', async () => {
    const name = await v3Database();
    // Before the upgrade the stored text has the accents and apostrophe: "francoise obrien" finds nothing.
    const before = asReleased(name, 3);
    const stale = await before.table<CaseIndexRow, string>('caseIndex').get(cases[0].id);
    before.close();
    expect(matchesSearch(stale!.search, searchTerms('francoise obrien muller'))).toBe(false);
    const database = upgraded(name);
    const row = await database.caseIndex.get(cases[0].id);
    for (const q of ['francoise obrien muller', 'o brien', 'Françoise', cases[0].reference]) {
      expect(matchesSearch(row!.search, searchTerms(q)), q).toBe(true);
    }
  });
});
