// Schema upgrade 4 → 6 (issue #19): one report row per case (db/schema.ts `ReportRow`), built on opening from the
// cases and timelines, so the Reports page no longer reads every timeline entry. Against the version-1 fixture's cases
// and timelines stored in a database as released at version 4 (with its case index), and from version 1 in one open.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { summariseCase } from '#shared/reports/index';
import { deriveCaseIndex, deriveReportRow } from '#db/case-index/derive';
import { DB_VERSION } from '#db/schema';
import {
  addFixture,
  fixtureCases,
  fixtureEvents,
  fixtureTimeline,
  releasedDatabase,
  upgrades,
} from '#test/support/released-db';
import { loadCaseSummaries } from '#renderer/features/reports/load';
import { countEntries } from '#db/timeline';

const upgraded = upgrades();
const cases = fixtureCases;
const released = (version: 1 | 4) =>
  releasedDatabase(version, async (old) => {
    await addFixture(old);
    if (version === 4)
      await old.table('caseIndex').bulkAdd(cases.map((c) => deriveCaseIndex(c, fixtureTimeline(c.id))));
  });

describe('schema upgrade to version 6: a report row for every case', () => {
  for (const from of [4, 1] as const) {
    it(`from version ${from}: builds every case's report row as deriveReportRow makes it, and keeps the rest`, async () => {
      const database = upgraded(await released(from));
      await database.open();
      expect(database.verno).toBe(DB_VERSION);
      expect(await database.reportRows.count()).toBe(cases.length);
      for (const record of cases) {
        expect(await database.reportRows.get(record.id), record.reference).toEqual(
          deriveReportRow(record, fixtureTimeline(record.id)),
        );
        expect(await database.caseIndex.get(record.id), record.reference).toEqual(
          deriveCaseIndex(record, fixtureTimeline(record.id)),
        );
      }
      expect(await database.cases.count()).toBe(cases.length);
      expect(await countEntries(database)).toBe(fixtureEvents.length);
    });
  }

  it('so Reports read the same summaries as from the cases and their whole timelines, today and later', async () => {
    const database = upgraded(await released(4));
    const last = fixtureEvents.reduce((day, e) => (e.on > day ? e.on : day), '2000-01-01');
    for (const today of [last, '2027-06-30']) {
      const byId = (list: { id: string }[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(await loadCaseSummaries(database, today, () => {}))).toEqual(
        byId(cases.map((c) => summariseCase(c, fixtureTimeline(c.id), today))),
      );
    }
  });
});
