// Schema upgrade 4 → 6 (issue #19): one report row per case (db/schema.ts `ReportRow`), built on opening from the
// cases and timelines, so the Reports page no longer reads every timeline entry. Against the version-1 fixture's cases
// and timelines stored in a database as released at version 4 (with its case index), and from version 1 in one open.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseRecord, TimelineEvent } from '#shared/model/case';
import { summariseCase } from '#shared/reports/index';
import { deriveCaseIndex, deriveReportRow } from '#db/case-index/derive';
import { DB_VERSION, RedressDatabase } from '#db/schema';
import { loadCaseSummaries } from '#renderer/features/reports/load';

type Row = Record<string, unknown>;
interface Fixture {
  stores: Record<'cases' | 'events' | 'counters' | 'settings' | 'letters', Row[]>;
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/redress-v1.json', import.meta.url), 'utf8')) as Fixture;
const fromFixture = (store: string, row: Row): Row =>
  store === 'letters'
    ? { ...row, bytes: new Uint8Array(Buffer.from((row.bytes as { base64: string }).base64, 'base64')) }
    : row;
const cases = fixture.stores.cases as unknown as CaseRecord[];
const events = fixture.stores.events as unknown as TimelineEvent[];
const timeline = (id: string) => events.filter((e) => e.caseId === id);

const V1 = {
  cases: 'id, &reference, receivedOn, status, updatedAt',
  events: 'id, caseId, [caseId+at]',
  counters: 'key',
  settings: 'key',
  letters: 'id, caseId',
};

/** The database exactly as released at version 4 (the stores of versions 1 to 4), or at version 1. */
class Released extends Dexie {
  constructor(name: string, version: 1 | 4) {
    super(name);
    this.version(1).stores(V1);
    if (version === 1) return;
    this.version(2).stores({
      caseIndex:
        'caseId, reference, status, assignee, procedureId, receivedOn, nextDueOn, adrLetterDueOn, adrReferralEndsOn, ' +
        '[status+nextDueOn], [status+acknowledged], [status+adrLetterDueOn], [assignee+status]',
      people: 'id, name',
      notified: 'id, at',
    });
    this.version(3).stores({ audit: 'id, at, kind', meta: 'key' });
    this.version(4).stores({});
  }
}

let n = 0;
const opened: Dexie[] = [];
afterEach(() => {
  for (const d of opened.splice(0)) d.close();
});

async function released(version: 1 | 4): Promise<string> {
  n += 1;
  const name = `redress-migration-v6-${process.pid}-${n}`;
  const old = new Released(name, version);
  for (const [store, rows] of Object.entries(fixture.stores)) {
    await old.table<Row, string>(store).bulkAdd(rows.map((r) => fromFixture(store, r)));
  }
  if (version === 4) await old.table('caseIndex').bulkAdd(cases.map((c) => deriveCaseIndex(c, timeline(c.id))));
  expect(old.verno).toBe(version);
  old.close();
  return name;
}

describe('schema upgrade to version 6: a report row for every case', () => {
  for (const from of [4, 1] as const) {
    it(`from version ${from}: builds every case's report row as deriveReportRow makes it, and keeps the rest`, async () => {
      const database = new RedressDatabase(await released(from));
      opened.push(database);
      await database.open();
      expect(database.verno).toBe(DB_VERSION);
      expect(await database.reportRows.count()).toBe(cases.length);
      for (const record of cases) {
        expect(await database.reportRows.get(record.id), record.reference).toEqual(
          deriveReportRow(record, timeline(record.id)),
        );
        expect(await database.caseIndex.get(record.id), record.reference).toEqual(
          deriveCaseIndex(record, timeline(record.id)),
        );
      }
      expect(await database.cases.count()).toBe(cases.length);
      expect(await database.events.count()).toBe(events.length);
    });
  }

  it('so Reports read the same summaries as from the cases and their whole timelines, today and later', async () => {
    const database = new RedressDatabase(await released(4));
    opened.push(database);
    const last = events.reduce((day, e) => (e.on > day ? e.on : day), '2000-01-01');
    for (const today of [last, '2027-06-30']) {
      const byId = (list: { id: string }[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(await loadCaseSummaries(database, today, () => {}))).toEqual(
        byId(cases.map((c) => summariseCase(c, timeline(c.id), today))),
      );
    }
  });
});
