import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { parseReference } from '#shared/model/reference';
import { deskSettings } from '#test/support/desk';
import { newCaseParts } from '#test/support/cases';
import { FIRST_PROVIDER_ID } from '#shared/model/provider';
import {
  createCase,
  deleteCase,
  getSettings,
  recordLetterIssued,
  saveSettings,
  sha256Hex,
  upcomingReference,
} from './cases';
import { RedressDatabase } from '../schema';
import { countEntries, readTimeline } from '../timeline';

const settings = deskSettings();

const parts = newCaseParts();

const clockAt = (iso: string) => ({ now: () => new Date(iso) });
let opened: RedressDatabase[] = [];
let n = 0;
function freshName() {
  n += 1;
  return `redress-test-${process.pid}-${n}`;
}
function open(name: string) {
  const database = new RedressDatabase(name);
  opened.push(database);
  return database;
}

afterEach(async () => {
  for (const d of opened) d.close();
  opened = [];
});

describe('reference numbers', () => {
  it('are formatted as prefix-year-sequence and strictly increasing', async () => {
    const database = open(freshName());
    const refs: string[] = [];
    for (let i = 0; i < 25; i += 1) {
      refs.push(
        (await createCase(database, parts, { settings, by: 'Sam', clock: clockAt('2026-11-21T10:00:00Z') })).reference,
      );
    }
    expect(refs[0]).toBe('RDR-2026-000001');
    expect(refs[24]).toBe('RDR-2026-000025');
    expect(new Set(refs).size).toBe(25);
    const seqs = refs.map((r) => parseReference(r)!.sequence);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it('are unique when many complaints are logged at the same moment', async () => {
    const database = open(freshName());
    const made = await Promise.all(
      Array.from({ length: 40 }, () =>
        createCase(database, parts, { settings, by: 'Sam', clock: clockAt('2026-11-21T10:00:00Z') }),
      ),
    );
    expect(new Set(made.map((c) => c.reference)).size).toBe(40);
  });

  it('survive closing and reopening the database (an app restart)', async () => {
    const name = freshName();
    const first = open(name);
    await createCase(first, parts, { settings, by: 'Sam', clock: clockAt('2026-11-21T10:00:00Z') });
    await createCase(first, parts, { settings, by: 'Sam', clock: clockAt('2026-11-21T10:00:00Z') });
    first.close();
    const second = open(name);
    const next = await createCase(second, parts, { settings, by: 'Sam', clock: clockAt('2026-11-21T11:00:00Z') });
    expect(next.reference).toBe('RDR-2026-000003');
    expect(await second.cases.count()).toBe(3);
  });

  it('are never reused after the newest case is deleted', async () => {
    const database = open(freshName());
    await createCase(database, parts, { settings, by: 'Sam', clock: clockAt('2026-11-21T10:00:00Z') });
    const second = await createCase(database, parts, { settings, by: 'Sam', clock: clockAt('2026-11-21T10:00:00Z') });
    await deleteCase(database, second.id);
    const third = await createCase(database, parts, { settings, by: 'Sam', clock: clockAt('2026-11-21T10:00:00Z') });
    expect(third.reference).toBe('RDR-2026-000003');
  });

  it('skip past references already stored when the counter is behind (restored data)', async () => {
    const database = open(freshName());
    await createCase(database, parts, { settings, by: 'Sam', clock: clockAt('2026-11-21T10:00:00Z') });
    await createCase(database, parts, { settings, by: 'Sam', clock: clockAt('2026-11-21T10:00:00Z') });
    await database.counters.clear(); // as if the cases came back from a backup without their counter
    const next = await createCase(database, parts, { settings, by: 'Sam', clock: clockAt('2026-11-21T10:00:00Z') });
    expect(next.reference).toBe('RDR-2026-000003');
  });

  it('can be told before they are taken: the upcoming one is the next case’s, and telling it takes nothing', async () => {
    const database = open(freshName());
    expect(await upcomingReference(database, 'RDR', 2026)).toBe('RDR-2026-000001');
    await createCase(database, parts, { settings, by: 'Sam', clock: clockAt('2026-11-21T10:00:00Z') });
    await createCase(database, parts, { settings, by: 'Sam', clock: clockAt('2026-11-21T10:00:00Z') });
    await database.counters.clear(); // restored data: the counter is behind the stored cases
    expect(await upcomingReference(database, 'RDR', 2026)).toBe('RDR-2026-000003');
    expect(await upcomingReference(database, 'RDR', 2026)).toBe('RDR-2026-000003');
    expect(await upcomingReference(database, 'LDS', 2026)).toBe('LDS-2026-000001');
    const next = await createCase(database, parts, { settings, by: 'Sam', clock: clockAt('2026-11-21T10:00:00Z') });
    expect(next.reference).toBe('RDR-2026-000003');
  });

  it('restart at 1 in a new year and per desk prefix', async () => {
    const database = open(freshName());
    await createCase(database, parts, { settings, by: 'Sam', clock: clockAt('2026-12-31T12:00:00Z') });
    const jan = await createCase(database, parts, { settings, by: 'Sam', clock: clockAt('2027-01-02T12:00:00Z') });
    const other = await createCase(database, parts, {
      settings: { ...settings, deskPrefix: 'LDS' },
      by: 'Sam',
      clock: clockAt('2027-01-02T12:00:00Z'),
    });
    expect(jan.reference).toBe('RDR-2027-000001');
    expect(other.reference).toBe('LDS-2027-000001');
  });
});

describe('case creation', () => {
  it('stores the case with a first timeline event in one go', async () => {
    const database = open(freshName());
    const record = await createCase(database, parts, {
      settings,
      by: 'Sam Patel',
      clock: clockAt('2026-11-21T10:00:00Z'),
    });
    const events = await readTimeline(database, record.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'received', on: '2026-11-18', by: 'Sam Patel' });
    expect(record).toMatchObject({
      status: 'open',
      procedureId: 'ofcom',
      calendar: 'england-and-wales',
      customer: parts.customer,
    });
  });

  it('stores the stage the case starts in, the one its page and index read from the timeline (not an empty one)', async () => {
    const database = open(freshName());
    const record = await createCase(database, parts, { settings, by: 'Sam', clock: clockAt('2026-11-21T10:00:00Z') });
    const stored = await database.cases.get(record.id);
    expect(stored?.stage).toBe('front-line'); // Ofcom's first stage ("Front line")
    expect(record.stage).toBe('front-line');
    expect((await database.caseIndex.get(record.id))?.stage).toBe('front-line');
  });

  it('stores nothing when the transaction fails', async () => {
    const database = open(freshName());
    await expect(
      createCase(database, parts, { settings: { ...settings, deskPrefix: 'bad prefix' }, by: 'Sam' }),
    ).rejects.toThrow(/Desk prefix/);
    expect(await database.cases.count()).toBe(0);
    expect(await countEntries(database)).toBe(0);
    expect(await database.counters.count()).toBe(0);
  });
});

describe('issued letters', () => {
  it('keep their exact bytes with a SHA-256 checksum and a timeline entry', async () => {
    const database = open(freshName());
    const record = await createCase(database, parts, { settings, by: 'Sam', clock: clockAt('2026-11-21T10:00:00Z') });
    const bytes = new TextEncoder().encode('%PDF-1.7 fake bytes for the store');
    const row = await recordLetterIssued(database, record.id, {
      kind: 'acknowledgement',
      fileName: 'x.pdf',
      issuedOn: '2026-11-21',
      bytes,
      by: 'Sam',
      summary: 'Acknowledgement letter issued',
      alsoRecord: { type: 'acknowledged', summary: 'Complaint acknowledged by letter' },
    });
    expect(row.sha256).toBe(await sha256Hex(bytes));
    const stored = await database.letters.get(row.id);
    expect(Array.from(stored!.bytes)).toEqual(Array.from(bytes));
    const types = (await readTimeline(database, record.id)).map((e) => e.type).sort();
    expect(types).toEqual(['acknowledged', 'letter-issued', 'received']);
  });
});

describe('saving the desk’s settings (p8b, issue #16 gaps G6 and G5)', () => {
  it('the first run names the first provider on its own, not `first`; older settings keep `first` for their cases', async () => {
    const database = open(freshName());
    await saveSettings(database, deskSettings());
    const [first] = (await getSettings(database))!.providers!;
    expect(first.id).toMatch(/^first-[0-9a-f-]{36}$/);
    const record = await createCase(database, parts, { settings: (await getSettings(database))!, by: 'Sam' });
    expect(record.providerId).toBe(first.id);

    // Settings from before #16 (restored as they were, no providers): their cases follow `first`, which stays.
    const older = open(freshName());
    await older.settings.put({ key: 'desk', value: deskSettings() });
    await saveSettings(older, deskSettings({ handlerName: 'Jo Bloggs' }));
    expect((await getSettings(older))!.providers!.map((p) => p.id)).toEqual([FIRST_PROVIDER_ID]);
  });

  it('a desk in a team keeps its prefix: another is refused and nothing is saved; other changes save', async () => {
    const database = open(freshName());
    await saveSettings(database, deskSettings({ deskPrefix: 'LDS' }));
    database.sharing = true;
    await expect(saveSettings(database, deskSettings({ deskPrefix: 'YRK', handlerName: 'Jo' }))).rejects.toThrow(
      'leave the team to change it',
    );
    expect(await getSettings(database)).toMatchObject({ deskPrefix: 'LDS', handlerName: 'Sam Patel' });
    await saveSettings(database, deskSettings({ deskPrefix: 'LDS', handlerName: 'Jo' }));
    expect(await getSettings(database)).toMatchObject({ deskPrefix: 'LDS', handlerName: 'Jo' });
  });
});
