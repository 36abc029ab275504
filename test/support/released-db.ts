// A desk's database as an older release left it, for the schema-upgrade tests (test/unit/migration-v*.test.ts):
// the version-1 fixture (test/fixtures/redress-v1.json) and the stores of versions 1 to 19 exactly as released.
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterEach } from 'vitest';
import type { CaseRecord, DeskSettings, TimelineEvent } from '#shared/model/case';
import { RedressDatabase } from '#db/schema';
import { TIMELINE_STORE, timelineRow } from '#db/timeline';

export type FixtureRow = Record<string, unknown>;
export type FixtureStore = 'cases' | 'events' | 'counters' | 'settings' | 'letters';

interface Fixture {
  schemaVersion: number;
  stores: Record<FixtureStore, FixtureRow[]>;
}

/** The version-1 fixture as the file holds it (letters' bytes in base64). */
export const v1Fixture = JSON.parse(
  readFileSync(new URL('../fixtures/redress-v1.json', import.meta.url), 'utf8'),
) as Fixture;

/** A fixture row as the database stores it: letters keep their bytes as a Uint8Array. */
export const fromFixture = (store: string, row: FixtureRow): FixtureRow =>
  store === 'letters'
    ? { ...row, bytes: new Uint8Array(Buffer.from((row.bytes as { base64: string }).base64, 'base64')) }
    : row;

export const fixtureCases = v1Fixture.stores.cases as unknown as CaseRecord[];
export const fixtureEvents = v1Fixture.stores.events as unknown as TimelineEvent[];
export const fixtureTimeline = (caseId: string): TimelineEvent[] => fixtureEvents.filter((e) => e.caseId === caseId);

/** Each released version's store changes, in order (renderer/src/db/schema.ts keeps them all; 10 and 11 are reserved). */
const RELEASED_STORES: [ReleasedVersion, Record<string, string | null>][] = [
  [
    1,
    {
      cases: 'id, &reference, receivedOn, status, updatedAt',
      events: 'id, caseId, [caseId+at]',
      counters: 'key',
      settings: 'key',
      letters: 'id, caseId',
    },
  ],
  [
    2,
    {
      caseIndex:
        'caseId, reference, status, assignee, procedureId, receivedOn, nextDueOn, adrLetterDueOn, adrReferralEndsOn, ' +
        '[status+nextDueOn], [status+acknowledged], [status+adrLetterDueOn], [assignee+status]',
      people: 'id, name',
      notified: 'id, at',
    },
  ],
  [3, { audit: 'id, at, kind', meta: 'key' }],
  [4, {}],
  [5, { outbox: 'ref', syncRevs: 'ref', conflicts: 'caseId' }],
  [6, { reportRows: 'caseId' }],
  [7, {}],
  [8, { attachments: 'id, caseId' }],
  [9, { providers: 'id', procedures: 'key, id' }],
  [12, {}],
  [13, { packs: 'id' }],
  [
    14,
    {
      cases: 'id, &reference, receivedOn',
      events: 'id, [caseId+at]',
      caseIndex:
        'caseId, reference, procedureId, receivedOn, adrReferralEndsOn, ' +
        '[status+nextDueOn], [status+acknowledged], [status+adrLetterDueOn], [assignee+status]',
    },
  ],
  [15, { timelines: TIMELINE_STORE, events: null }],
  [16, {}],
  [17, {}],
  [
    18,
    {
      caseIndex:
        'caseId, reference, procedureId, receivedOn, adrReferralEndsOn, openNothingDue, ' +
        '[status+nextDueOn], [status+acknowledged], [status+adrLetterDueOn], [assignee+status]',
    },
  ],
  [19, {}],
];

export type ReleasedVersion = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19;

/** The database `name` opened exactly as released at `version`: the stores of versions 1 to `version`. */
export function asReleased(name: string, version: ReleasedVersion): Dexie {
  const old = new Dexie(name);
  for (const [v, stores] of RELEASED_STORES) if (v <= version) old.version(v).stores(stores);
  return old;
}

let made = 0;

/**
 * Makes a database as released at `version`, lets `fill` write its rows (by default every fixture row as stored),
 * closes it and returns its name, for a RedressDatabase to open and upgrade.
 */
export async function releasedDatabase(
  version: ReleasedVersion,
  fill: (old: Dexie) => Promise<void> = (old) => addFixture(old),
): Promise<string> {
  made += 1;
  const name = `redress-released-v${version}-${process.pid}-${made}`;
  const old = asReleased(name, version);
  await fill(old);
  if (old.verno !== version) throw new Error(`expected a version-${version} database, got ${old.verno}`);
  old.close();
  return name;
}

/** Writes every fixture row as stored, except the stores named; `settings` may change the desk's settings first. */
export async function addFixture(
  old: Dexie,
  options: { except?: FixtureStore[]; settings?: (value: DeskSettings) => DeskSettings } = {},
): Promise<void> {
  for (const [store, rows] of Object.entries(v1Fixture.stores)) {
    if (options.except?.includes(store as FixtureStore)) continue;
    const list = rows.map((r) => fromFixture(store, r));
    const { settings } = options;
    await old
      .table<FixtureRow, string>(store)
      .bulkAdd(
        store === 'settings' && settings ? list.map((r) => ({ ...r, value: settings(r.value as DeskSettings) })) : list,
      );
  }
}

/**
 * Writes cases as a release from version 15 on stored them: each case, its timeline row and its case-index row as
 * given (the row as that release derived it).
 */
export async function addStoredCases(
  old: Dexie,
  cases: readonly { record: CaseRecord; events: readonly TimelineEvent[]; row: object }[],
): Promise<void> {
  await old.table('cases').bulkAdd(cases.map((c) => c.record));
  await old.table('timelines').bulkAdd(cases.map((c) => timelineRow(c.record.id, [...c.events])));
  await old.table('caseIndex').bulkAdd(cases.map((c) => c.row));
}

/** Opens databases with today's schema for one test file, and closes them after each test. */
export function upgrades(): (name: string) => RedressDatabase {
  const opened: RedressDatabase[] = [];
  afterEach(() => {
    for (const d of opened.splice(0)) d.close();
  });
  return (name) => {
    const database = new RedressDatabase(name);
    opened.push(database);
    return database;
  };
}
