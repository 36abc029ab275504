// Schema upgrade 1 → 2 against a fixture of a version-1 database (test/fixtures/redress-v1.json): every record is
// kept as it was, and the new case index is built for every case.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CaseRecord, DeskSettings, TimelineEvent } from '#shared/model/case';
import { FIRST_PROVIDER_ID, withProviders } from '#shared/model/provider';
import { deriveCaseIndex } from '#db/case-index/derive';
import { appendEvent, createCase } from '#db/repositories/cases';
import { DB_VERSION } from '#db/schema';
import { fromFixture, releasedDatabase, upgrades, v1Fixture } from '#test/support/released-db';
import { allEntries } from '#db/timeline';

const upgraded = upgrades();
const fixture = v1Fixture;

function withoutProviders(settings: DeskSettings): DeskSettings {
  const { providers: _moved, ...rest } = withProviders(settings);
  return rest;
}

describe('schema upgrade from version 1 (fixture)', () => {
  it('keeps every record of every store exactly (version 7 adds the first provider, issue #16)', async () => {
    expect(fixture.schemaVersion).toBe(1);
    const database = upgraded(await releasedDatabase(1));
    await database.open();
    expect(database.verno).toBe(DB_VERSION); // the latest version, every step in one open
    for (const [store, rows] of Object.entries(fixture.stores)) {
      // The entries are timeline rows from version 15 (#db/timeline): every one of them, whatever case it names.
      const key = store === 'events' ? 'id' : (database.table(store).schema.primKey.keyPath as string);
      const stored: Record<string, unknown>[] =
        store === 'events' ? await allEntries(database) : await database.table(store).toArray();
      expect(stored.length, store).toBe(rows.length);
      const expected = rows
        .map((r) => fromFixture(store, r))
        .map((r) => (store === 'cases' ? { ...r, providerId: FIRST_PROVIDER_ID } : r))
        // Version 7 gives the settings their first provider; version 9 moves the providers into rows of their own.
        .map((r) => (store === 'settings' ? { ...r, value: withoutProviders(r.value as DeskSettings) } : r))
        .sort((a, b) => String(a[key]).localeCompare(String(b[key])));
      expect(
        stored.sort((a, b) => String(a[key]).localeCompare(String(b[key]))),
        store,
      ).toEqual(expected);
    }
    const desk = fixture.stores.settings[0].value as DeskSettings;
    expect(await database.providers.toArray()).toEqual(withProviders(desk).providers);
    const letter = (await database.letters.toArray())[0];
    expect(letter.bytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(letter.bytes)).toContain('%PDF-1.7');
  });

  it('builds the case index for every case, as the facts give it', async () => {
    const database = upgraded(await releasedDatabase(1));
    const cases = fixture.stores.cases as unknown as CaseRecord[];
    const events = fixture.stores.events as unknown as TimelineEvent[];
    expect(await database.caseIndex.count()).toBe(cases.length);
    for (const record of cases) {
      const row = await database.caseIndex.get(record.id);
      expect(row, record.reference).toEqual(
        deriveCaseIndex(
          record,
          events.filter((e) => e.caseId === record.id),
        ),
      );
    }
    const ada = await database.caseIndex.where('reference').equals('RDR-2026-000999').first();
    expect(ada).toMatchObject({
      customerName: 'Ada Lovelace',
      representativeName: 'Charles Babbage',
      acknowledged: 1,
      status: 'open',
    });
    expect(ada!.search).toContain('sw1y4jh');
    // The indexes answer the dashboard's queries.
    expect(await database.caseIndex.where('[status+acknowledged]').equals(['open', 1]).count()).toBeGreaterThan(0);
  });

  it("starts the people table with the desk's handlers, and leaves the reminders empty", async () => {
    const database = upgraded(await releasedDatabase(1));
    const names = (await database.people.orderBy('name').toArray()).map((p) => p.name);
    const handlers = new Set([
      ...(fixture.stores.cases as unknown as CaseRecord[]).map((c) => c.assignee),
      'Sam Patel',
    ]);
    expect(names).toEqual([...handlers].sort((a, b) => a!.localeCompare(b!)));
    expect((await database.people.toArray()).every((p) => p.active)).toBe(true);
    expect(await database.notified.count()).toBe(0);
  });

  it('carries on after the upgrade: references continue and the index follows new writes', async () => {
    const database = upgraded(await releasedDatabase(1));
    const settings = (await database.settings.get('desk'))!.value;
    const made = await createCase(
      database,
      {
        receivedOn: '2026-11-20',
        channel: 'phone',
        category: 'service',
        summary: 'Waited on hold',
        customer: { name: 'Grace Hopper' },
      },
      { settings, by: 'Sam Patel', clock: { now: () => new Date('2026-11-20T12:00:00Z') } },
    );
    expect(made.reference).toBe('RDR-2026-001000');
    await appendEvent(database, made.id, {
      type: 'acknowledged',
      on: '2026-11-20',
      by: 'Sam Patel',
      summary: 'Acknowledged',
    });
    expect(await database.caseIndex.get(made.id)).toMatchObject({ reference: 'RDR-2026-001000', acknowledged: 1 });
    expect(await database.caseIndex.count()).toBe(fixture.stores.cases.length + 1);
  });
});
