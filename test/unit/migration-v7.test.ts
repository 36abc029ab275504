// Schema upgrade 4 → 7 (issue #16): the desk's first provider is made from the letterhead, procedure, calendar and
// ADR scheme its settings held, and every case records that it belongs to it, without its `updatedAt` changing.
// Against the version-1 fixture's rows stored in a database as released at version 4.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseRecord, DeskSettings } from '#shared/model/case';
import { FIRST_PROVIDER_ID, providerForCase, settingsForCase } from '#shared/model/provider';
import { DB_VERSION, RedressDatabase } from '#db/schema';
import { deskSettings } from '#db/desk';

type Row = Record<string, unknown>;
interface Fixture {
  stores: Record<'cases' | 'events' | 'counters' | 'settings' | 'letters', Row[]>;
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/redress-v1.json', import.meta.url), 'utf8')) as Fixture;
const fromFixture = (store: string, row: Row): Row =>
  store === 'letters'
    ? { ...row, bytes: new Uint8Array(Buffer.from((row.bytes as { base64: string }).base64, 'base64')) }
    : row;

/** The database exactly as released at version 4 (the stores of versions 1 to 4). */
class ReleasedV4 extends Dexie {
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
    this.version(4).stores({});
  }
}

let n = 0;
const opened: Dexie[] = [];
afterEach(() => {
  for (const d of opened.splice(0)) d.close();
});

async function v4Database(settings?: (s: DeskSettings) => DeskSettings): Promise<string> {
  n += 1;
  const name = `redress-migration-v7-${process.pid}-${n}`;
  const old = new ReleasedV4(name);
  for (const [store, rows] of Object.entries(fixture.stores)) {
    const list = rows.map((r) => fromFixture(store, r));
    await old
      .table<Row, string>(store)
      .bulkAdd(
        store === 'settings' && settings ? list.map((r) => ({ ...r, value: settings(r.value as DeskSettings) })) : list,
      );
  }
  expect(old.verno).toBe(4);
  old.close();
  return name;
}

const fixtureSettings = (fixture.stores.settings[0] as { value: DeskSettings }).value;
const fixtureCases = fixture.stores.cases as unknown as CaseRecord[];

describe('schema upgrade from version 4: providers', () => {
  it("makes the desk's first provider from its settings, the usual one", async () => {
    const logo = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==';
    const database = new RedressDatabase(await v4Database((s) => ({ ...s, logoDataUrl: logo, adrSchemeId: 'cisas' })));
    opened.push(database);
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
    const database = new RedressDatabase(await v4Database());
    opened.push(database);
    const cases = await database.cases.toArray();
    expect(cases).toHaveLength(fixtureCases.length);
    const settings = (await deskSettings(database))!;
    for (const record of cases) {
      const before = fixtureCases.find((c) => c.id === record.id)!;
      expect(record).toEqual({ ...before, providerId: FIRST_PROVIDER_ID });
      expect(providerForCase(record, settings).known).toBe(true);
      expect(settingsForCase(record, settings).company).toEqual(fixtureSettings.company);
    }
    expect(await database.events.count()).toBe(fixture.stores.events.length);
  });

  it('opens an empty desk (no settings yet) without inventing a provider', async () => {
    n += 1;
    const name = `redress-migration-v7-empty-${process.pid}-${n}`;
    const old = new ReleasedV4(name);
    await old.open();
    old.close();
    const database = new RedressDatabase(name);
    opened.push(database);
    await database.open();
    expect(await database.settings.count()).toBe(0);
  });

  it('version 9 moves the providers out of the settings into rows of their own; the desk reads the same', async () => {
    const database = new RedressDatabase(await v4Database());
    opened.push(database);
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

/** The stores as they stood at version 9 (before the case index named each case's provider). */
class ReleasedV9 extends ReleasedV4 {
  constructor(name: string) {
    super(name);
    this.version(5).stores({ outbox: 'ref', syncRevs: 'ref', conflicts: 'caseId' });
    this.version(6).stores({ reportRows: 'caseId' });
    this.version(7).stores({});
    this.version(8).stores({ attachments: 'id, caseId' });
    this.version(9).stores({ providers: 'id', procedures: 'key, id' });
  }
}

describe('schema upgrade to version 12: the case index names the provider', () => {
  it('adds each case’s provider to its index row, and changes nothing else of it', async () => {
    n += 1;
    const name = `redress-migration-v12-${process.pid}-${n}`;
    const old = new ReleasedV9(name);
    const cases: Row[] = fixture.stores.cases.map((c, i): Row => ({
      ...c,
      providerId: i === 0 ? 'jive' : FIRST_PROVIDER_ID,
    }));
    await old.table<Row, string>('cases').bulkAdd(cases);
    const index: Row[] = cases.map((c): Row => ({ caseId: c.id, reference: c.reference, status: 'open', search: 'x' }));
    await old.table<Row, string>('caseIndex').bulkAdd(index);
    old.close();
    const database = new RedressDatabase(name);
    opened.push(database);
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
