// Schema upgrade 4 → 7 (issue #16): the desk's first provider is made from the letterhead, procedure, calendar and
// ADR scheme its settings held, and every case records that it belongs to it, without its `updatedAt` changing.
// Against the version-1 fixture's rows stored in a database as released at version 4.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { DeskSettings } from '#shared/model/case';
import { FIRST_PROVIDER_ID, providerForCase, settingsForCase } from '#shared/model/provider';
import { DB_VERSION } from '#db/schema';
import { addFixture, fixtureCases, releasedDatabase, upgrades, v1Fixture } from '#test/support/released-db';
import { deskSettings } from '#db/desk';
import { countEntries } from '#db/timeline';

type Row = Record<string, unknown>;
const upgraded = upgrades();
const v4Database = (settings?: (s: DeskSettings) => DeskSettings) =>
  releasedDatabase(4, (old) => addFixture(old, { settings }));

const fixtureSettings = (v1Fixture.stores.settings[0] as { value: DeskSettings }).value;

describe('schema upgrade from version 4: providers', () => {
  it("makes the desk's first provider from its settings, the usual one", async () => {
    const logo = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==';
    const database = upgraded(await v4Database((s) => ({ ...s, logoDataUrl: logo, adrSchemeId: 'cisas' })));
    await database.open();
    expect(database.verno).toBe(DB_VERSION);
    const settings = (await deskSettings(database))!;
    expect(settings.providers).toEqual([
      {
        id: FIRST_PROVIDER_ID,
        name: fixtureSettings.company.name,
        company: fixtureSettings.company,
        logoDataUrl: logo,
        procedureId: fixtureSettings.defaultProcedureId,
        calendar: fixtureSettings.calendar,
        adrSchemeId: 'cisas',
        languages: fixtureSettings.calendar === 'canada' ? ['en-CA', 'fr-CA'] : ['en-GB'],
        defaultLanguage: fixtureSettings.calendar === 'canada' ? 'en-CA' : 'en-GB',
        region: fixtureSettings.calendar === 'canada' ? 'CA' : 'UK',
      },
    ]);
    expect(settings.defaultProviderId).toBe(FIRST_PROVIDER_ID);
    // The desk's own settings are kept as they were.
    expect(settings).toMatchObject({ ...fixtureSettings, logoDataUrl: logo, adrSchemeId: 'cisas' });
  });

  it('gives every case the first provider, keeping everything else (updatedAt included), so its letters keep their letterhead', async () => {
    const database = upgraded(await v4Database());
    const cases = await database.cases.toArray();
    expect(cases).toHaveLength(fixtureCases.length);
    const settings = (await deskSettings(database))!;
    for (const record of cases) {
      const before = fixtureCases.find((c) => c.id === record.id)!;
      expect(record).toEqual({ ...before, providerId: FIRST_PROVIDER_ID });
      expect(providerForCase(record, settings).known).toBe(true);
      expect(settingsForCase(record, settings).company).toEqual(fixtureSettings.company);
    }
    expect(await countEntries(database)).toBe(v1Fixture.stores.events.length);
  });

  it('opens an empty desk (no settings yet) without inventing a provider', async () => {
    const database = upgraded(await releasedDatabase(4, async () => {}));
    await database.open();
    expect(await database.settings.count()).toBe(0);
  });

  it('version 9 moves the providers out of the settings into rows of their own; the desk reads the same', async () => {
    const database = upgraded(await v4Database());
    await database.open();
    const row = (await database.settings.get('desk'))!.value;
    expect(row.providers).toBeUndefined();
    const providers = await database.providers.toArray();
    expect(providers.map((p) => p.id)).toEqual([FIRST_PROVIDER_ID]);
    expect((await deskSettings(database))!.providers).toEqual(providers);
    expect(await database.procedures.count()).toBe(0);
    expect(await database.providers.count()).toBe(1);
    expect(await database.settings.count()).toBe(1);
  });
});

describe('schema upgrade to version 12: the case index names the provider', () => {
  it('adds each case’s provider to its index row, and changes nothing else of it', async () => {
    const cases: Row[] = v1Fixture.stores.cases.map((c, i): Row => ({
      ...c,
      providerId: i === 0 ? 'jive' : FIRST_PROVIDER_ID,
    }));
    const index: Row[] = cases.map((c): Row => ({ caseId: c.id, reference: c.reference, status: 'open', search: 'x' }));
    const name = await releasedDatabase(9, async (old) => {
      await old.table<Row, string>('cases').bulkAdd(cases);
      await old.table<Row, string>('caseIndex').bulkAdd(index);
    });
    const database = upgraded(name);
    await database.open();
    expect(database.verno).toBe(DB_VERSION);
    const rows = await database.caseIndex.toArray();
    const providerOf = (list: Row[], id: string) => Object.fromEntries(list.map((r) => [String(r[id]), r.providerId]));
    expect(providerOf(rows as unknown as Row[], 'caseId')).toEqual(providerOf(cases, 'id'));
    const withoutProvider = rows.map(({ providerId: _p, ...rest }): Row => rest);
    expect(withoutProvider.sort((a, b) => String(a.caseId).localeCompare(String(b.caseId)))).toEqual(
      index.sort((a, b) => String(a.caseId).localeCompare(String(b.caseId))),
    );
  });
});
