import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { caseFacts } from '#shared/rules/facts';
import { toSyncDoc } from '#shared/sync/documents';
import type { CaseRecord } from '#shared/model/case';
import { otherSides, settledDifferently, type CaseClash } from '#shared/sync/merge';
import { newCaseParts } from '#test/support/cases';
import { deskSettings } from '#test/support/desk';
import { iterateCases } from '#test/fixtures/generate-cases';
import { memoryPouch, PouchDB } from '#test/support/pouch';
import { reassignCase } from '#db/repositories/assign';
import { appendEvent, createCase, recordLetterIssued } from '#db/repositories/cases';
import { RedressDatabase } from '#db/schema';
import { SHARING_META_KEYS, type ConflictRow } from '#db/outbox';
import { addAttachments, removeAttachment } from '#db/repositories/attachments';
import { eraseCustomer } from '#db/repositories/retention';
import { sha256Hex } from '#db/repositories/cases';
import { deskSettings as storedDesk, retiredProcedureIds } from '#db/desk';
import { saveProvider } from '#db/repositories/providers';
import { savedCopy } from '#test/support/procedures';
import { retireProcedure, saveProcedure } from '#db/repositories/procedures';
import { saveSettings } from '#db/repositories/cases';
import { deskProcedures, installDeskProcedures } from '#shared/rules/index';
import { Bridge, enqueueAll, UpdateNeededError, type BridgeProblem } from './bridge';
import { settleCaseClash } from './conflicts';
import type { PouchDatabase } from './pouch';
import { allEntries, countEntries, TIMELINE_TABLE } from '#db/timeline';

interface TestDesk {
  name: string;
  database: RedressDatabase;
  local: PouchDatabase;
  bridge: Bridge;
  problems: BridgeProblem[];
}

let opened: RedressDatabase[] = [];
let n = 0;
afterEach(() => {
  for (const d of opened) d.close();
  opened = [];
});

function desk(name: string, prefix: string, local: PouchDatabase = memoryPouch(name)): TestDesk {
  n += 1;
  const database = new RedressDatabase(`bridge-${name}-${process.pid}-${n}`);
  database.sharing = true;
  opened.push(database);
  const problems: BridgeProblem[] = [];
  const bridge = new Bridge({
    database,
    local,
    writer: name,
    person: () => `${name} person`,
    onProblem: (p) => problems.push(p),
  });
  return Object.assign({ name, database, local, bridge, problems }, { prefix });
}

const settingsFor = (prefix: string) => deskSettings({ deskPrefix: prefix });
const at = (iso: string) => ({ now: () => new Date(iso) });

/** Both directions until nothing moves: push, replicate through the server, pull (merging conflicts), again. */
async function settle(server: PouchDatabase, ...desks: TestDesk[]): Promise<void> {
  for (let round = 0; round < 4; round += 1) {
    for (const d of desks) {
      await d.bridge.push();
      await PouchDB.replicate(d.local, server);
    }
    for (const d of desks) {
      await PouchDB.replicate(server, d.local);
      await d.bridge.pull();
    }
  }
}

/** Every shared row of a desk, by table, sorted by key (what must match across desks). */
async function snapshot(database: RedressDatabase) {
  const rows = async (table: string, key: string) =>
    ((await database.table(table).toArray()) as Array<Record<string, unknown>>).sort((a, b) =>
      String(a[key]).localeCompare(String(b[key])),
    );
  return {
    cases: await rows('cases', 'id'),
    events: (await allEntries(database)).sort((a, b) => a.id.localeCompare(b.id)),
    letters: (await rows('letters', 'id')).map(({ bytes, ...l }) => ({ ...l, size: (bytes as Uint8Array).length })),
    counters: await rows('counters', 'key'),
    people: await rows('people', 'id'),
    conflicts: await rows('conflicts', 'caseId'),
  };
}

describe('the bridge between a desk’s Dexie and its PouchDB', () => {
  it('carries providers and the desk’s own procedures (issue #16); the other desk installs them before indexing', async () => {
    const server = memoryPouch('server');
    const a = desk('desk-a', 'LDS');
    const b = desk('desk-b', 'BRD');
    try {
      await saveSettings(a.database, settingsFor('LDS'));
      const copy = await savedCopy(a.database, 'kijoma');
      const provider = await saveProvider(a.database, {
        ...(await storedDesk(a.database))!.providers![0],
        id: undefined,
        name: 'Kijoma',
        procedureId: copy.id,
      });
      const record = await createCase(a.database, newCaseParts(), {
        settings: (await storedDesk(a.database))!,
        providerId: provider.id,
        by: 'Sam',
        clock: at('2026-11-20T10:00:00Z'),
      });
      // Desk B runs in another window: it knows only the built-in procedures until the team's arrive.
      installDeskProcedures([]);
      await settle(server, a, b);
      expect((await b.database.providers.toArray()).map((p) => p.name).sort()).toEqual([
        'Acme Broadband Ltd',
        'Kijoma',
      ]);
      expect((await b.database.procedures.toArray()).map((r) => r.key)).toEqual([`${copy.id}@1`]);
      expect(deskProcedures().byId.get(copy.id)).toEqual(copy);
      const row = await b.database.caseIndex.get(record.id);
      expect(row?.rulesError).toBeUndefined();
      expect(row?.nextDueOn).toBeTruthy();
      expect(b.problems).toEqual([]);
    } finally {
      installDeskProcedures([]);
    }
  });

  it('a procedure retired at one desk while another renames it and saves a version: both desks agree, nothing lost', async () => {
    const server = memoryPouch('server');
    const a = desk('desk-a', 'LDS');
    const b = desk('desk-b', 'BRD');
    try {
      await saveSettings(a.database, settingsFor('LDS'));
      const copy = await savedCopy(a.database, 'kijoma');
      await settle(server, a, b);
      expect(await b.database.procedures.count()).toBe(1);
      const rowsOf = async (d: TestDesk) =>
        (await d.database.procedures.toArray()).sort((x, y) => x.version - y.version);

      // Apart: A retires it; B renames it (its version 1, in place) and another version arrives there.
      await retireProcedure(a.database, copy.id, '2026-12-01');
      await saveProcedure(b.database, { ...copy, name: 'Kijoma, old terms' });
      const second = { ...copy, name: 'Kijoma, old terms', version: 2, effectiveFrom: '2026-12-02' };
      await b.database.procedures.put({
        key: `${copy.id}@2`,
        id: copy.id,
        version: 2,
        savedAt: '2026-12-02T09:00:00.000Z',
        procedure: second,
      });
      await settle(server, a, b);
      const [atA, atB] = [await rowsOf(a), await rowsOf(b)];
      expect(atA).toEqual(atB);
      // Every version kept, the rename kept, and retired at both: A's mark on version 1 outlives B's new version.
      expect(atA.map((r) => [r.version, r.procedure.name, r.retiredOn])).toEqual([
        [1, 'Kijoma, old terms', '2026-12-01'],
        [2, 'Kijoma, old terms', undefined],
      ]);
      expect(retiredProcedureIds(atA)).toEqual([copy.id]);
      expect(retiredProcedureIds(atB)).toEqual([copy.id]);

      // Reinstated at B (every version cleared) while A retires it again under another day: each row merges on its
      // own and both desks read the same rows, so the same answer, every version still there.
      await retireProcedure(b.database, copy.id, null);
      await retireProcedure(a.database, copy.id, null);
      await retireProcedure(a.database, copy.id, '2026-12-03');
      await settle(server, a, b);
      const [thenA, thenB] = [await rowsOf(a), await rowsOf(b)];
      expect(thenA).toEqual(thenB);
      expect(thenA.map((r) => r.version)).toEqual([1, 2]);
      expect(retiredProcedureIds(thenA)).toEqual(retiredProcedureIds(thenB));
      expect(a.problems).toEqual([]);
      expect(b.problems).toEqual([]);
    } finally {
      installDeskProcedures([]);
    }
  });

  it('a case logged at one desk arrives whole at another: case, timeline, counter, letter bytes and index row', async () => {
    const server = memoryPouch('server');
    const a = desk('desk-a', 'LDS');
    const b = desk('desk-b', 'BRD');
    const record = await createCase(a.database, newCaseParts(), {
      settings: settingsFor('LDS'),
      by: 'Sam',
      clock: at('2026-11-20T10:00:00Z'),
    });
    const pdf = new TextEncoder().encode('%PDF-1.7 a letter');
    await recordLetterIssued(a.database, record.id, {
      kind: 'acknowledgement',
      fileName: 'ack.pdf',
      issuedOn: '2026-11-20',
      bytes: pdf,
      by: 'Sam',
      summary: 'Acknowledgement sent',
    });
    await settle(server, a, b);
    expect(await snapshot(b.database)).toEqual(await snapshot(a.database));
    const letter = (await b.database.letters.toArray())[0];
    expect(Array.from(letter.bytes)).toEqual(Array.from(pdf));
    expect((await b.database.caseIndex.get(record.id))?.reference).toBe('LDS-2026-000001');
    expect(await b.database.outbox.count()).toBe(0);
    expect(await a.database.outbox.count()).toBe(0);
  });

  it('two desks offline: different fields merge, the same field is a clash shown at both, every entry kept', async () => {
    const server = memoryPouch('server');
    const a = desk('desk-a', 'LDS');
    const b = desk('desk-b', 'BRD');
    const record = await createCase(a.database, newCaseParts(), {
      settings: settingsFor('LDS'),
      by: 'Sam',
      clock: at('2026-11-20T10:00:00Z'),
    });
    await settle(server, a, b);

    // Offline: each changes the customer's details and appends entries.
    const edit = async (d: TestDesk, change: (c: typeof record) => typeof record) =>
      d.database.transaction('rw', d.database.cases, async () => {
        const now = (await d.database.cases.get(record.id))!;
        await d.database.cases.put(change(now));
      });
    await edit(a, (c) => ({
      ...c,
      customer: { ...c.customer, phone: '0113 000 1111', name: 'Ada King' },
      updatedAt: '2026-11-21T09:00:00.000Z',
    }));
    await edit(b, (c) => ({
      ...c,
      customer: { ...c.customer, email: 'ada@new.example', name: 'Ada Byron' },
      updatedAt: '2026-11-21T09:05:00.000Z',
    }));
    await appendEvent(a.database, record.id, { type: 'note', on: '2026-11-21', by: 'Sam', summary: 'Called A' });
    await appendEvent(b.database, record.id, { type: 'note', on: '2026-11-21', by: 'Kim', summary: 'Called B' });

    await settle(server, a, b);
    const one = await snapshot(a.database);
    expect(await snapshot(b.database)).toEqual(one);
    const merged = one.cases[0] as unknown as typeof record;
    expect(merged.customer.phone).toBe('0113 000 1111');
    expect(merged.customer.email).toBe('ada@new.example');
    expect(['Ada King', 'Ada Byron']).toContain(merged.customer.name);
    expect(one.events.map((e) => e.summary)).toEqual(expect.arrayContaining(['Called A', 'Called B']));
    expect(one.events).toHaveLength(3);
    expect(one.conflicts).toHaveLength(1);
    const [clash] = (one.conflicts[0] as { clashes: Array<Record<string, unknown>> }).clashes;
    expect(clash.path).toEqual(['customer', 'name']);
    const values = [(clash.kept as { value: string }).value, (clash.other as { value: string }).value].sort();
    expect(values).toEqual(['Ada Byron', 'Ada King']);
    expect((clash.kept as { value: string }).value).toBe(merged.customer.name);
    // Who and when, from both sides.
    const sides = [clash.kept, clash.other] as Array<{ writer: string; by: string; at: string }>;
    expect(sides.map((s) => s.writer).sort()).toEqual(['desk-a', 'desk-b']);
    expect(sides.every((s) => s.by.endsWith('person') && s.at.startsWith('2026'))).toBe(true);
    // The server holds one live revision of the case, no conflict left.
    const onServer = await server.get(`case:${record.id}`, { conflicts: true });
    expect(onServer._conflicts ?? []).toEqual([]);
    // The case index at both desks shows the merged name.
    expect((await b.database.caseIndex.get(record.id))?.customerName).toBe(merged.customer.name);
    // And the rules can still read the merged case.
    expect(() => caseFacts(merged, one.events as never)).not.toThrow();
  });

  it('a handler reassigned twice at one desk while another desk reassigned it: every value kept, the clash says what the case holds', async () => {
    // The 20-desk simulation's sequence: desk A reassigns, its revision meets desk B's reassignment (a conflict, merged
    // into a clash), then A reassigns again on top. The clash list kept the merge's value as "kept" while the case
    // held A's second handler, and a later merge could drop a value the list no longer matched.
    const sequences: Array<[string, (s: PouchDatabase, a: TestDesk, b: TestDesk, id: string) => Promise<void>]> = [
      [
        'A twice offline, B once',
        async (_s, a, b, id) => {
          await reassignCase(a.database, id, 'Handler A1', { by: 'Sam' });
          await reassignCase(a.database, id, 'Handler A2', { by: 'Sam' });
          await reassignCase(b.database, id, 'Handler B1', { by: 'Kim' });
        },
      ],
      [
        'A once, B’s revision arrives and is merged at A, A again before sending',
        async (s, a, b, id) => {
          await reassignCase(b.database, id, 'Handler B1', { by: 'Kim' });
          await b.bridge.push();
          await PouchDB.replicate(b.local, s);
          await reassignCase(a.database, id, 'Handler A1', { by: 'Sam' });
          await a.bridge.push();
          await PouchDB.replicate(s, a.local);
          await a.bridge.pull();
          await reassignCase(a.database, id, 'Handler A2', { by: 'Sam' });
        },
      ],
      [
        'A once and B once settled into a clash at both, then A again',
        async (s, a, b, id) => {
          await reassignCase(a.database, id, 'Handler A1', { by: 'Sam' });
          await reassignCase(b.database, id, 'Handler B1', { by: 'Kim' });
          await settle(s, a, b);
          await reassignCase(a.database, id, 'Handler A2', { by: 'Sam' });
        },
      ],
    ];
    for (const [label, run] of sequences) {
      const server = memoryPouch(`server-${label}`);
      const a = desk('desk-a', 'LDS');
      const b = desk('desk-b', 'BRD');
      const record = await createCase(a.database, newCaseParts(), { settings: settingsFor('LDS'), by: 'Sam' });
      await settle(server, a, b);
      await run(server, a, b, record.id);
      await settle(server, a, b);
      const one = await snapshot(a.database);
      expect(await snapshot(b.database), label).toEqual(one);
      const handler = (one.cases[0] as { assignee?: string }).assignee;
      const clash = (one.conflicts[0] as { clashes: CaseClash[] } | undefined)?.clashes.find(
        (c) => c.path.join('.') === 'assignee',
      );
      expect(clash, label).toBeDefined();
      // What the list calls kept is what the case holds; every handler a desk last gave the case is there.
      expect(clash!.kept.value, label).toBe(handler);
      const values = [clash!.kept, ...otherSides(clash!)].map((side) => side.value);
      expect(values, label).toEqual(expect.arrayContaining(['Handler A2', 'Handler B1']));
      expect(new Set(values).size, label).toBe(values.length);
    }
  });

  it('a clash settled at one desk stays settled when another desk’s revision made before it heard still carries it', async () => {
    const server = memoryPouch('server');
    const a = desk('desk-a', 'LDS');
    const b = desk('desk-b', 'BRD');
    const record = await createCase(a.database, newCaseParts(), { settings: settingsFor('LDS'), by: 'Sam' });
    await settle(server, a, b);
    await a.database.cases.update(record.id, { customer: { ...record.customer, name: 'Ada King' } });
    await b.database.cases.update(record.id, { customer: { ...record.customer, name: 'Ada Byron' } });
    await settle(server, a, b);
    for (const d of [a, b]) expect((await d.database.conflicts.get(record.id))?.clashes).toHaveLength(1);

    // A settles it; B, not having heard, changes another field: its revision still carries the clash.
    await settleCaseClash(a.database, record.id, ['customer', 'name'], 'other', { by: 'Sam', today: '2026-11-21' });
    const chosen = (await a.database.cases.get(record.id))!.customer.name;
    await b.database.cases.update(record.id, { summary: 'Changed at Bradford meanwhile' });
    await settle(server, a, b);
    for (const d of [a, b]) {
      const now = (await d.database.cases.get(record.id))!;
      expect(now.customer.name, d.name).toBe(chosen);
      expect(now.summary, d.name).toBe('Changed at Bradford meanwhile');
      expect((await d.database.conflicts.get(record.id))?.clashes ?? [], d.name).toEqual([]);
    }

    // A new value for the field is a new question: B names the customer again, A changes it too, both apart.
    await a.database.cases.update(record.id, { customer: { ...record.customer, name: 'Ada L. King' } });
    await b.database.cases.update(record.id, { customer: { ...record.customer, name: 'Augusta Ada Byron' } });
    await settle(server, a, b);
    for (const d of [a, b]) {
      const [clash] = (await d.database.conflicts.get(record.id))?.clashes ?? [];
      const values = clash ? [clash.kept, ...otherSides(clash)].map((side) => side.value) : [];
      expect(values, d.name).toEqual(expect.arrayContaining(['Ada L. King', 'Augusta Ada Byron']));
    }
  });

  it('two handlers settle one clash differently at once: asked again at both desks, then settled once for all', async () => {
    const server = memoryPouch('server');
    const a = desk('desk-a', 'LDS');
    const b = desk('desk-b', 'BRD');
    for (const d of [a, b]) await d.database.meta.put({ key: SHARING_META_KEYS.membership, value: { user: d.name } });
    const record = await createCase(a.database, newCaseParts(), { settings: settingsFor('LDS'), by: 'Sam' });
    await settle(server, a, b);
    await a.database.cases.update(record.id, { channel: 'phone' });
    await b.database.cases.update(record.id, { channel: 'email' });
    await settle(server, a, b);
    const clashed = (await a.database.cases.get(record.id))!.channel;
    for (const d of [a, b]) expect((await d.database.conflicts.get(record.id))?.clashes, d.name).toHaveLength(1);

    // At the same moment (neither has heard of the other): Alice uses the other value, Bob keeps the one shown.
    const other = clashed === 'phone' ? 'email' : 'phone';
    await settleCaseClash(a.database, record.id, ['channel'], 'other', {
      by: 'Alice',
      today: '2026-11-21',
      clock: at('2026-11-21T09:00:00Z'),
    });
    await settleCaseClash(b.database, record.id, ['channel'], 'kept', {
      by: 'Bob',
      today: '2026-11-21',
      clock: at('2026-11-21T09:00:01Z'),
    });
    await settle(server, a, b);
    const one = await snapshot(a.database);
    expect(await snapshot(b.database)).toEqual(one);
    const now = (one.cases[0] as unknown as CaseRecord).channel;
    const [clash] = (one.conflicts[0] as unknown as ConflictRow).clashes;
    // Shown again, with each person's choice as a side (who and where), the case's value as "now".
    expect(clash?.path).toEqual(['channel']);
    expect(clash.kept.value).toBe(now);
    const sides = [clash.kept, ...otherSides(clash)].map((s) => `${String(s.value)} ${s.by} ${s.writer}`).sort();
    expect(sides).toEqual([`${clashed} Bob desk-b`, `${other} Alice desk-a`].sort());
    expect(settledDifferently((one.conflicts[0] as unknown as ConflictRow).settled, ['channel'])).toBe(true);
    // Nothing left going back and forth: the server holds one revision, and another round writes nothing.
    const onServer = await server.get(`case:${record.id}`, { conflicts: true });
    expect(onServer._conflicts ?? []).toEqual([]);
    await settle(server, a, b);
    expect((await server.get(`case:${record.id}`))._rev).toBe(onServer._rev);

    // Bob settles it once more (his first choice): closed at both desks, the case holds it.
    const bobs = clash.kept.by === 'Bob' ? 'kept' : otherSides(clash).findIndex((s) => s.by === 'Bob');
    await settleCaseClash(b.database, record.id, ['channel'], bobs, {
      by: 'Bob',
      today: '2026-11-21',
      clock: at('2026-11-21T09:30:00Z'),
    });
    await settle(server, a, b);
    for (const d of [a, b]) {
      expect((await d.database.cases.get(record.id))!.channel, d.name).toBe(clashed);
      expect((await d.database.conflicts.get(record.id))?.clashes ?? [], d.name).toEqual([]);
    }
    expect(await snapshot(b.database)).toEqual(await snapshot(a.database));
  });

  it('merges from the revision both grew from even when PouchDB compacted its body away', async () => {
    const server = memoryPouch('server');
    const a = desk('desk-a', 'LDS', memoryPouch('desk-a', { auto_compaction: true }));
    const b = desk('desk-b', 'BRD', memoryPouch('desk-b', { auto_compaction: true }));
    const record = await createCase(a.database, newCaseParts(), {
      settings: settingsFor('LDS'),
      by: 'Sam',
      clock: at('2026-11-20T10:00:00Z'),
    });
    await settle(server, a, b);
    await a.database.cases.update(record.id, { customer: { ...record.customer, name: 'Ada King', phone: '0113' } });
    await b.database.cases.update(record.id, {
      customer: { ...record.customer, name: 'Ada Byron', email: 'a@b.example' },
    });
    await appendEvent(a.database, record.id, { type: 'note', on: '2026-11-21', by: 'Sam', summary: 'A' });
    await appendEvent(b.database, record.id, { type: 'note', on: '2026-11-21', by: 'Kim', summary: 'B' });
    await settle(server, a, b);
    for (const d of [a, b]) {
      const now = (await d.database.cases.get(record.id))!;
      expect(now.customer).toMatchObject({ phone: '0113', email: 'a@b.example' });
      const clashes = (await d.database.conflicts.get(record.id))?.clashes ?? [];
      expect(clashes.map((c) => c.path.join('.'))).toEqual(['customer.name']);
    }
  });

  it('a change made here while the team’s newer revision arrived is merged from the revision it was made on', async () => {
    const server = memoryPouch('server');
    const a = desk('desk-a', 'LDS');
    const b = desk('desk-b', 'BRD');
    const record = await createCase(a.database, newCaseParts(), {
      settings: settingsFor('LDS'),
      by: 'Sam',
      clock: at('2026-11-20T10:00:00Z'),
    });
    await settle(server, a, b);
    // B changes the summary and it reaches A's PouchDB, but before A's bridge pulls it A changes the phone.
    await b.database.cases.update(record.id, { summary: 'From B' });
    await b.bridge.push();
    await PouchDB.replicate(b.local, server);
    await PouchDB.replicate(server, a.local);
    await a.database.cases.update(record.id, { customer: { ...record.customer, phone: '0700 900 000' } });
    await a.bridge.pull(); // skipped: A's own change is waiting
    expect((await a.database.cases.get(record.id))?.summary).toBe(record.summary);
    await settle(server, a, b);
    for (const d of [a, b]) {
      const now = (await d.database.cases.get(record.id))!;
      expect(now.summary).toBe('From B');
      expect(now.customer.phone).toBe('0700 900 000');
    }
    expect(await a.database.conflicts.count()).toBe(0);
  });

  it('an erased letter leaves every desk: its PDF and its earlier revisions gone from both PouchDBs', async () => {
    const server = memoryPouch('server');
    const a = desk('desk-a', 'LDS');
    const b = desk('desk-b', 'BRD');
    const record = await createCase(a.database, newCaseParts(), {
      settings: settingsFor('LDS'),
      by: 'Sam',
      clock: at('2026-11-20T10:00:00Z'),
    });
    await recordLetterIssued(a.database, record.id, {
      kind: 'acknowledgement',
      fileName: 'ack-ottoline.pdf',
      issuedOn: '2026-11-20',
      bytes: new TextEncoder().encode('%PDF-1.7 Dear Ottoline Vanderbyl-Price'),
      by: 'Sam',
      summary: 'Acknowledgement sent',
    });
    await settle(server, a, b);
    expect(await b.database.letters.count()).toBe(1);
    // The erasure deletes the letter at desk A (as anonymisation does).
    await a.database.letters.where('caseId').equals(record.id).delete();
    await settle(server, a, b);
    expect(await b.database.letters.count()).toBe(0);
    for (const local of [a.local, b.local]) {
      const [row] = (await local.allDocs({ startkey: 'letter:', endkey: 'letter:\ufff0' })).rows;
      const info = await local.get(row.id, { revs_info: true });
      const revs = (info._revs_info as Array<{ rev: string; status: string }>).filter((r) => r.status === 'available');
      expect(revs).toHaveLength(1);
      const now = await local.get(row.id, { attachments: true });
      expect(now.erasedBy).toBe('desk-a');
      expect(now._attachments).toBeUndefined();
      expect(JSON.stringify(now)).not.toMatch(/Ottoline|ack-ottoline/);
    }
  });

  it('keeps the fields of a newer desk it does not know when it writes the document back', async () => {
    const server = memoryPouch('server');
    const a = desk('desk-a', 'LDS');
    const b = desk('desk-b', 'BRD');
    const record = await createCase(a.database, newCaseParts(), {
      settings: settingsFor('LDS'),
      by: 'Sam',
      clock: at('2026-11-20T10:00:00Z'),
    });
    await settle(server, a, b);
    const doc = await server.get(`case:${record.id}`);
    await server.put({ ...doc, body: { ...(doc.body as object), providerTier: 'gold' } });
    await settle(server, a, b);
    await b.database.cases.update(record.id, { summary: 'Edited at B' });
    await settle(server, a, b);
    const after = await server.get(`case:${record.id}`);
    expect(after.body).toMatchObject({ providerTier: 'gold', summary: 'Edited at B' });
  });

  it('stops at a document of a newer major version, with "Update Redress", and applies nothing of it', async () => {
    const a = desk('desk-a', 'LDS');
    await a.local.put({
      _id: 'case:future',
      type: 'case',
      schema: 99,
      writer: 'desk-z',
      body: { id: 'future' },
    });
    await expect(a.bridge.pull()).rejects.toThrow(UpdateNeededError);
    await expect(a.bridge.pull()).rejects.toThrow('Update Redress to keep sharing');
    expect(await a.database.cases.count()).toBe(0);
  });

  it('a document this desk cannot store is shown as a problem and does not stop the ones after it', async () => {
    const a = desk('desk-a', 'LDS');
    const good = await createCase(desk('desk-z', 'ZED').database, newCaseParts(), {
      settings: settingsFor('ZED'),
      by: 'Zed',
      clock: at('2026-11-20T10:00:00Z'),
    });
    await a.local.bulkDocs([
      { _id: 'case:bad', type: 'case', schema: 1, writer: 'desk-z', body: { id: 'bad', reference: 'not a reference' } },
      { _id: 'case:other', type: 'case', schema: 1, writer: 'desk-z', body: { ...good, id: 'someone-else' } },
      { _id: `case:${good.id}`, type: 'case', schema: 1, writer: 'desk-z', body: good },
      // An entry of a kind this version does not know (a newer version's, within the same format).
      {
        _id: 'entry:later',
        type: 'entry',
        schema: 1,
        writer: 'desk-z',
        body: { id: 'later', caseId: good.id, type: 'kind-from-a-later-version', on: '2026-11-20' },
      },
    ]);
    await a.bridge.pull();
    expect((await a.database.cases.toArray()).map((c) => c.id)).toEqual([good.id]);
    const reasons = a.problems.map((p) => `${p.docId}: ${p.reason}`).join('\n');
    expect(reasons).toContain('case:bad: A case from the team was not taken in: reference');
    expect(reasons).toContain(
      "case:other: A case from the team was not taken in: its id does not match the document's id",
    );
    expect(reasons).toContain('entry:later: An entry from the team was not taken in: ');
  });

  it('files kept on a case replicate with their bytes checked; a removal and an erasure reach the other desk', async () => {
    const server = memoryPouch('server');
    const a = desk('desk-a', 'LDS');
    const b = desk('desk-b', 'BRD');
    const record = await createCase(a.database, newCaseParts(), {
      settings: settingsFor('LDS'),
      by: 'Sam',
      clock: at('2026-11-20T10:00:00Z'),
    });
    const scan = new Uint8Array(300_000).map((_, i) => (i * 31) % 251);
    scan.set(new TextEncoder().encode('%PDF-1.7\n'), 0);
    const email = new TextEncoder().encode(
      'From: a@example.com\r\nSubject: Hi\r\nDate: Fri, 20 Nov 2026 10:00:00 +0000\r\n\r\nHello\r\n',
    );
    const added = await addAttachments(
      a.database,
      record.id,
      [
        { fileName: 'scan.pdf', bytes: scan, kind: 'customer-letter' },
        { fileName: 'mail.eml', bytes: email, kind: 'email', note: 'Sent on by the customer' },
      ],
      'Sam',
    );
    expect(added.every((x) => x.ok)).toBe(true);
    await settle(server, a, b);
    const digests = async (d: TestDesk) =>
      Object.fromEntries(
        await Promise.all(
          (await d.database.attachments.toArray()).map(async ({ blob, ...row }) => [
            row.id,
            { ...row, bytes: blob ? await sha256Hex(new Uint8Array(await blob.arrayBuffer())) : null },
          ]),
        ),
      );
    const atA = await digests(a);
    expect(await digests(b)).toEqual(atA);
    for (const row of Object.values(atA) as { bytes: string | null; sha256: string }[])
      expect(row.bytes).toBe(row.sha256);

    // Removed at desk B with the file deleted (someone else's data): the file goes at desk A too.
    const mail = added.find((x) => x.ok && x.row.fileName === 'mail.eml') as { row: { id: string } };
    await removeAttachment(b.database, mail.row.id, { reason: 'Another customer’s', by: 'Kim', deleteFile: true });
    await settle(server, a, b);
    const removedAtA = (await a.database.attachments.get(mail.row.id))!;
    expect(removedAtA.blob).toBeUndefined();
    expect(removedAtA.deleted).toMatchObject({ reason: 'Another customer’s', fileDeleted: true });
    expect(await digests(a)).toEqual(await digests(b));

    // Erased at desk A (once closed): no bytes, name or note at desk B, nor in either PouchDB's current documents.
    await a.database.cases.update(record.id, { status: 'closed' });
    await eraseCustomer(a.database, {
      caseIds: [record.id],
      basis: 'customer-request',
      by: 'Sam',
      today: '2026-11-21',
    });
    await settle(server, a, b);
    for (const d of [a, b]) {
      const rows = await d.database.attachments.toArray();
      expect(rows.map((r) => [r.blob, r.fileName, r.note])).toEqual([
        [undefined, 'erased', ''],
        [undefined, 'erased', ''],
      ]);
      const docs = await d.local.allDocs({ startkey: 'attachment:', endkey: 'attachment:\ufff0', include_docs: true });
      for (const row of docs.rows) expect((row.doc as { _attachments?: unknown })._attachments).toBeUndefined();
    }
    expect([...a.problems, ...b.problems]).toEqual([]);
  });

  it('refuses a file whose bytes do not match its checksum, and says so', async () => {
    const a = desk('desk-a', 'LDS');
    await a.local.put({
      _id: 'attachment:f1',
      type: 'attachment',
      schema: 1,
      writer: 'desk-z',
      body: {
        id: 'f1',
        caseId: 'c1',
        fileName: 'x.pdf',
        fileType: 'pdf',
        mime: 'application/pdf',
        size: 13,
        sha256: '0'.repeat(64),
        kind: 'evidence',
        note: '',
        addedBy: 'Sam',
        addedAt: '2026-11-20T10:00:00.000Z',
      },
      _attachments: { file: { content_type: 'application/pdf', data: btoa('%PDF tampered') } },
    });
    await a.bridge.pull();
    expect(await a.database.attachments.count()).toBe(0);
    expect(a.problems.map((p) => p.reason).join()).toContain('A file from the team was not taken in: its checksum');
  });

  it('two cases from the team under one reference, in one batch or across two: the first is kept, the other said', async () => {
    const a = desk('desk-a', 'LDS');
    const z = desk('desk-z', 'ZED');
    const first = await createCase(z.database, newCaseParts(), { settings: settingsFor('ZED'), by: 'Zed' });
    const twin = { ...first, id: 'twin-in-the-same-batch' };
    const later = { ...first, id: 'twin-in-a-later-batch' };
    const doc = (body: typeof first) => ({ _id: `case:${body.id}`, type: 'case', schema: 1, writer: 'desk-z', body });
    await a.local.bulkDocs([doc(first), doc(twin)]);
    await a.bridge.pull();
    await a.local.bulkDocs([doc(later)]);
    await a.bridge.pull();
    const cases = await a.database.cases.toArray();
    expect(cases.map((c) => c.id)).toHaveLength(1);
    const kept = cases[0].id;
    const refused = [first.id, twin.id, later.id].filter((id) => id !== kept).map((id) => `case:${id}`);
    expect(a.problems.map((p) => p.docId).sort()).toEqual(refused.sort());
    expect(a.problems[0].reason).toContain(`Two cases from the team have the reference ${first.reference}`);
    expect(await a.database.caseIndex.count()).toBe(1);
  });

  it('refuses a letter whose PDF does not match its checksum, and says so', async () => {
    const a = desk('desk-a', 'LDS');
    await a.local.put({
      _id: 'letter:l1',
      type: 'letter',
      schema: 1,
      writer: 'desk-z',
      body: {
        id: 'l1',
        caseId: 'c1',
        kind: 'acknowledgement',
        fileName: 'x.pdf',
        issuedOn: '2026-11-20',
        issuedAt: '2026-11-20T10:00:00.000Z',
        sha256: '0'.repeat(64),
      },
      _attachments: { 'letter.pdf': { content_type: 'application/pdf', data: btoa('%PDF tampered') } },
    });
    await a.bridge.pull();
    expect(await a.database.letters.count()).toBe(0);
    expect(a.problems.map((p) => p.reason).join()).toContain('checksum does not match');
  });

  it('a desk joining with cases uploads every row it holds', async () => {
    const server = memoryPouch('server');
    const a = desk('desk-a', 'LDS');
    a.database.sharing = false;
    for (let i = 0; i < 3; i += 1)
      await createCase(a.database, newCaseParts(), {
        settings: settingsFor('LDS'),
        by: 'Sam',
        clock: at('2026-11-20T10:00:00Z'),
      });
    expect(await a.database.outbox.count()).toBe(0);
    a.database.sharing = true;
    expect(await enqueueAll(a.database)).toBe(3 + 3 + 1); // cases, entries, the counter
    const b = desk('desk-b', 'BRD');
    await settle(server, a, b);
    expect(await b.database.cases.count()).toBe(3);
    expect(await b.database.caseIndex.count()).toBe(3);
  });
});

describe('a large pull round', () => {
  it('is written in requests of at most 200 entries and at least 50 (short tasks; Dexie records the table), all of it', async () => {
    const b = desk('desk-b', 'BRD');
    const docs = [];
    let entries = 0;
    for (const { record, events } of iterateCases(130, { today: '2026-11-27', prefix: 'SEED' })) {
      docs.push({ ...toSyncDoc('case', record.id, record, 'seed-desk'), editedAt: record.updatedAt });
      for (const event of events) docs.push(toSyncDoc('entry', event.id, event, 'seed-desk'));
      entries += events.length;
    }
    await b.local.bulkDocs(docs as never);
    // Each request's rows, and for the timelines the entries they hold (a case whose entries a round splits between
    // two requests has its row written by both, the second time with the first request's entries too).
    const requests: Record<string, Array<{ rows: number; entries: number }>> = {};
    for (const table of ['cases', TIMELINE_TABLE]) {
      // (Dexie's `database.timelines`, which #db/timeline writes through, is not the object `table()` returns.)
      const t = table === TIMELINE_TABLE ? b.database.timelines : b.database.table(table);
      const bulkPut = t.bulkPut.bind(t);
      t.bulkPut = ((rows: Array<{ entries?: unknown[] }>, ...rest: unknown[]) => {
        const held = rows.reduce((n, r) => n + (r.entries?.length ?? 0), 0);
        (requests[table] ??= []).push({ rows: rows.length, entries: held });
        return (bulkPut as (...a: unknown[]) => ReturnType<typeof bulkPut>)(rows, ...rest);
      }) as typeof t.bulkPut;
    }
    await b.bridge.pull();
    expect(await b.database.cases.count()).toBe(130);
    expect(await countEntries(b.database)).toBe(entries);
    // A round is 1,000 documents: about 115 cases and 885 entries, written a chunk of entries (at most 200) at a time.
    const timelines = requests[TIMELINE_TABLE];
    expect(timelines.length).toBeGreaterThan(4);
    expect(Math.max(...timelines.map((r) => r.rows))).toBeLessThanOrEqual(200);
    expect(Math.min(...timelines.map((r) => r.entries))).toBeGreaterThanOrEqual(50);
    expect(Math.max(...timelines.map((r) => r.entries))).toBeLessThanOrEqual(200 + 2 * 40);
    expect(timelines.reduce((a, r) => a + r.entries, 0)).toBeGreaterThanOrEqual(entries);
    expect(requests.cases.reduce((a, r) => a + r.rows, 0)).toBe(130);
  });
});

describe('a change made while the local PouchDB holds conflicting revisions', () => {
  it('the push merges them and sends the change on the merge, and returns (it used to go round forever)', async () => {
    const server = memoryPouch('server');
    const a = desk('desk-a', 'LDS');
    const b = desk('desk-b', 'BRD');
    const record = await createCase(a.database, newCaseParts(), {
      settings: settingsFor('LDS'),
      by: 'Sam',
      clock: at('2026-11-20T10:00:00Z'),
    });
    await settle(server, a, b);
    // Both desks change the case offline and send it to their PouchDB; B's revision reaches A's PouchDB, not yet pulled.
    await a.database.cases.update(record.id, { summary: 'From A' });
    await b.database.cases.update(record.id, { customer: { ...record.customer, phone: '0113 111 2222' } });
    await a.bridge.push();
    await b.bridge.push();
    await PouchDB.replicate(b.local, server);
    await PouchDB.replicate(server, a.local);
    expect((await a.local.get(`case:${record.id}`, { conflicts: true }))._conflicts).toHaveLength(1);
    // A changes the case again before its bridge pulls: the push meets the conflicted document.
    await a.database.cases.update(record.id, { assignee: 'Kim' });
    const pushed = await Promise.race([
      a.bridge.push().then(() => 'returned'),
      new Promise((resolve) => setTimeout(() => resolve('still going'), 5_000)),
    ]);
    expect(pushed).toBe('returned');
    expect(await a.database.outbox.count()).toBe(0);
    const onA = await a.local.get(`case:${record.id}`, { conflicts: true });
    expect(onA._conflicts ?? []).toEqual([]);
    expect(onA.body).toMatchObject({ summary: 'From A', assignee: 'Kim', customer: { phone: '0113 111 2222' } });
    await settle(server, a, b);
    for (const d of [a, b])
      expect(await d.database.cases.get(record.id)).toMatchObject({
        summary: 'From A',
        assignee: 'Kim',
        customer: { phone: '0113 111 2222' },
      });
  });

  it.each([1, 2, 3, 4, 5])(
    'never loses a write when stopped at any point and started again (seed %i): Dexie, PouchDB and the server agree',
    async (seed) => {
      let state = seed * 7919;
      const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
      let faults = true;
      /** A PouchDB that stops (throws) at random: before a call, or after it did its work but before the answer. */
      const flaky = (db: PouchDatabase): PouchDatabase =>
        new Proxy(db, {
          get(target, name, receiver) {
            const value = Reflect.get(target, name, receiver) as unknown;
            if (typeof value !== 'function' || !['bulkDocs', 'allDocs', 'changes', 'get'].includes(String(name)))
              return value;
            return async (...args: unknown[]) => {
              if (faults && random() < 0.15) throw new Error('stopped before');
              const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
              if (faults && random() < 0.15) throw new Error('stopped after');
              return result;
            };
          },
        });
      const server = memoryPouch('server');
      const desks = [desk('desk-a', 'LDS'), desk('desk-b', 'BRD')].map((d) => ({ ...d, raw: d.local }));
      let restarts = 0;
      const restart = (d: (typeof desks)[number]) => {
        restarts += 1;
        d.bridge = new Bridge({ database: d.database, local: flaky(d.raw), writer: d.name });
      };
      desks.forEach(restart);
      const ids: string[] = [];
      for (let round = 0; round < 25; round += 1) {
        const d = desks[Math.floor(random() * 2)];
        const pick = random();
        if (pick < 0.35 || ids.length === 0) {
          const record = await createCase(d.database, newCaseParts({ summary: `Round ${round}` }), {
            settings: settingsFor(d.name === 'desk-a' ? 'LDS' : 'BRD'),
            by: d.name,
          });
          ids.push(record.id);
        } else {
          const id = ids[Math.floor(random() * ids.length)];
          if (!(await d.database.cases.get(id))) continue; // not arrived here yet
          if (pick < 0.7)
            await appendEvent(d.database, id, { type: 'note', on: '2026-11-21', by: d.name, summary: `Note ${round}` });
          else await d.database.cases.update(id, { summary: `Edited ${round} at ${d.name}` });
        }
        for (const x of desks) {
          for (const step of [() => x.bridge.push(), () => x.bridge.pull()]) {
            try {
              await step();
            } catch {
              restart(x); // the bridge stopped mid-way: a new one takes over from what is stored
            }
          }
          if (random() < 0.5) {
            await PouchDB.replicate(x.raw, server);
            await PouchDB.replicate(server, x.raw);
          }
        }
      }
      faults = false;
      expect(restarts).toBeGreaterThan(2 + 5); // the two first starts, and stops at random points
      await settle(server, ...desks);
      const one = await snapshot(desks[0].database);
      expect(await snapshot(desks[1].database)).toEqual(one);
      expect(one.cases).toHaveLength(ids.length);
      // Every row is a document on the server, with the same content.
      const docs = await server.allDocs({ include_docs: true });
      const bodies = new Map(docs.rows.map((r) => [r.id, (r.doc as { body?: unknown } | undefined)?.body]));
      for (const c of one.cases) expect(bodies.get(`case:${String(c.id)}`)).toEqual(c);
      for (const e of one.events) expect(bodies.get(`entry:${String(e.id)}`)).toEqual(e);
      expect(docs.rows.filter((r) => r.id.startsWith('entry:'))).toHaveLength(one.events.length);
      expect(await desks[0].database.outbox.count()).toBe(0);
      expect(await desks[1].database.outbox.count()).toBe(0);
    },
  );
});
