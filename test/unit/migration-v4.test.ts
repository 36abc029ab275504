// Schema upgrade 3 → 4 (issue #15): the case index's search text is now folded (no accents, apostrophes or hyphens),
// so a desk's existing index rows, written with the old lower-cased text, are rebuilt on opening. Against the version-1
// fixture's cases and timelines stored in a database as released at version 3, with index rows as version 3 wrote them.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseRecord, TimelineEvent } from '#shared/model/case';
import { matchesSearch, searchTerms } from '#shared/model/search-text';
import { deriveCaseIndex } from '#db/case-index/derive';
import { RedressDatabase, type CaseIndexRow } from '#db/schema';

type Row = Record<string, unknown>;
interface Fixture {
  stores: Record<'cases' | 'events' | 'counters' | 'settings' | 'letters', Row[]>;
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/redress-v1.json', import.meta.url), 'utf8')) as Fixture;
const fromFixture = (store: string, row: Row): Row =>
  store === 'letters'
    ? { ...row, bytes: new Uint8Array(Buffer.from((row.bytes as { base64: string }).base64, 'base64')) }
    : row;

/** The database exactly as released at version 3 (the stores of versions 1, 2 and 3). */
class ReleasedV3 extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores({
      cases: 'id, &reference, receivedOn, status, updatedAt',
      events: 'id, caseId, [caseId+at]',
      counters: 'key',
      settings: 'key',
      letters: 'id, caseId',
    });
    this.version(2).stores({
      caseIndex:
        'caseId, reference, status, assignee, procedureId, receivedOn, nextDueOn, adrLetterDueOn, adrReferralEndsOn, ' +
        '[status+nextDueOn], [status+acknowledged], [status+adrLetterDueOn], [assignee+status]',
      people: 'id, name',
      notified: 'id, at',
    });
    this.version(3).stores({ audit: 'id, at, kind', meta: 'key' });
  }
}

/** Version 3's search text: the same parts, only lower-cased (reference with hyphens, accents and apostrophes kept). */
const v3Search = (record: CaseRecord) =>
  [record.reference, record.customer.name, record.summary ?? ''].join(' ').toLowerCase();

let n = 0;
const opened: Dexie[] = [];
afterEach(() => {
  for (const d of opened.splice(0)) d.close();
});

const cases = (fixture.stores.cases as unknown as CaseRecord[]).map((c, i) =>
  // One customer with the names people misspell in a search box.
  i === 0 ? { ...c, customer: { ...c.customer, name: "Françoise O'Brien-Müller" } } : c,
);
const events = fixture.stores.events as unknown as TimelineEvent[];
const timeline = (id: string) => events.filter((e) => e.caseId === id);

async function v3Database(): Promise<string> {
  n += 1;
  const name = `redress-migration-v4-${process.pid}-${n}`;
  const old = new ReleasedV3(name);
  for (const [store, rows] of Object.entries(fixture.stores)) {
    if (store === 'cases') continue;
    await old.table<Row, string>(store).bulkAdd(rows.map((r) => fromFixture(store, r)));
  }
  await old.table('cases').bulkAdd(cases);
  await old
    .table<CaseIndexRow, string>('caseIndex')
    .bulkAdd(cases.map((c) => ({ ...deriveCaseIndex(c, timeline(c.id)), search: v3Search(c) })));
  expect(old.verno).toBe(3);
  old.close();
  return name;
}

describe('schema upgrade from version 3: the case index is rebuilt with the folded search text', () => {
  it('rewrites every index row as deriveCaseIndex makes it now, and keeps the cases and timelines', async () => {
    const name = await v3Database();
    const database = new RedressDatabase(name);
    opened.push(database);
    await database.open();
    expect(database.verno).toBe(7);
    expect(await database.caseIndex.count()).toBe(cases.length);
    for (const record of cases) {
      expect(await database.caseIndex.get(record.id), record.reference).toEqual(
        deriveCaseIndex(record, timeline(record.id)),
      );
    }
    expect(await database.cases.toArray()).toHaveLength(cases.length);
    expect(await database.events.count()).toBe(events.length);
  });

  it('so the customer is found as people type the name', async () => {
    const name = await v3Database();
    // Before the upgrade the stored text has the accents and apostrophe: "francoise obrien" finds nothing.
    const before = new ReleasedV3(name);
    const stale = await before.table<CaseIndexRow, string>('caseIndex').get(cases[0].id);
    before.close();
    expect(matchesSearch(stale!.search, searchTerms('francoise obrien muller'))).toBe(false);
    const database = new RedressDatabase(name);
    opened.push(database);
    const row = await database.caseIndex.get(cases[0].id);
    for (const q of ['francoise obrien muller', 'o brien', 'Françoise', cases[0].reference]) {
      expect(matchesSearch(row!.search, searchTerms(q)), q).toBe(true);
    }
  });
});
