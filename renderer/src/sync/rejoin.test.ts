// A desk that left its team, restored an older backup and joins the same team again (issue #14: "A restore or merge
// on a desk that belongs to a team never replicates deletions or brings back erased data").
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, freshDatabase, seedDesk } from '#test/support/backup';
import { memoryPouch, PouchDB } from '#test/support/pouch';
import { makeBackup, readBackupFile, restoreBackup } from '#db/backup/backup';
import { appendEvent, createCase, deleteCase, sha256Hex } from '#db/repositories/cases';
import { readTimeline } from '#db/timeline';
import { newCaseParts } from '#test/support/cases';
import { deskSettings } from '#test/support/desk';
import { eraseCustomer } from '#db/repositories/retention';
import type { RedressDatabase } from '#db/schema';
import type { PouchDatabase, PouchDoc } from './pouch';
import type { AttachmentDbRow } from '#db/schema';
import type { CaseRecord } from '#shared/model/case';
import { sameValue } from '#shared/model/merge';
import { anonymiseEvent, ERASED_FILE_NAME } from '#shared/privacy/anonymise';
import { TeamSync, type LeftInStep, type PouchFactory } from './team';
import { ERASURE_KEPT_BY } from './bridge';
import { until } from '#test/support/until';

const teams: TeamSync[] = [];
afterEach(async () => {
  for (const t of teams.splice(0)) await t.stop();
  await closeAll();
});

let n = 0;
/**
 * A desk of the team on `server`; while `link.cut`, its replication reaches nothing (a server that refuses every
 * connection: an empty database would take its push and record a checkpoint, as if the team had its changes), while
 * its requests to `server` do.
 */
function desk(database: RedressDatabase, server: PouchDatabase, link = { cut: false }): TeamSync {
  const k = ++n;
  const factory: PouchFactory = {
    local: (name) => new PouchDB(`${name}-${process.pid}-rejoin-${k}`, { adapter: 'memory' }),
    remote: () => server,
    sync: (a, b, options) =>
      PouchDB.sync(a, link.cut ? new PouchDB('http://127.0.0.1:1/nowhere', { skip_setup: true }) : b, options),
  };
  const team = new TeamSync(database, factory);
  teams.push(team);
  return team;
}
const synced = (team: TeamSync, what: string) => until(() => team.snapshot().state.kind === 'synced', 30_000, what);
const join = (team: TeamSync, user: string) =>
  team.join({ serverUrl: 'http://127.0.0.1:1', database: 'complaints', user });

/** Every revision of `id` the server holds (the winner and every conflicting leaf), as JSON. */
async function everyRevision(server: PouchDatabase, id: string): Promise<string> {
  const got = (await server.get(id, { open_revs: 'all' } as never)) as unknown as Array<{ ok?: unknown }>;
  return JSON.stringify(got.map((r) => r.ok));
}

/** A case's phone in the team's copy on the server. */
const phoneOn = async (server: PouchDatabase, id: string) =>
  ((await server.get(`case:${id}`)) as unknown as { body: CaseRecord }).body.customer.phone;
/** A case's phone offered as "Changed at two desks" at a desk, if it is. */
const phoneClash = async (database: RedressDatabase, id: string) =>
  (await database.conflicts.get(id))?.clashes.find((c) => c.path.join('.') === 'customer.phone');

/** Desk B changes a case's phone and sends it: the server has it. */
async function phoneChangedAtB(
  b: RedressDatabase,
  teamB: TeamSync,
  server: PouchDatabase,
  shared: CaseRecord,
  phone: string,
) {
  await b.cases.update(shared.id, {
    customer: { ...shared.customer, phone },
    updatedAt: '2026-12-01T09:00:00.000Z',
  });
  await teamB.syncNow();
  await until(async () => (await phoneOn(server, shared.id)) === phone, 30_000, "B's phone on the server");
}

/**
 * The phone offered as "Changed at two desks" at desk A, then at desk B once it syncs, with these two values, the same
 * at both; each desk's case holds the value kept.
 */
async function expectPhoneClashAtBoth(
  desks: { a: RedressDatabase; b: RedressDatabase; teamB: TeamSync },
  caseId: string,
  values: readonly [string, string],
) {
  const { a, b, teamB } = desks;
  await until(async () => (await phoneClash(a, caseId)) !== undefined, 30_000, 'the clash at A');
  await teamB.syncNow();
  await until(async () => (await phoneClash(b, caseId)) !== undefined, 30_000, 'the clash at B');
  for (const database of [a, b]) {
    const clash = (await phoneClash(database, caseId))!;
    expect(new Set([clash.kept.value, clash.other.value])).toEqual(new Set(values));
    expect((await database.cases.get(caseId))?.customer.phone).toBe(clash.kept.value);
  }
}

describe('a desk that left its team, restored an older backup and joins again', () => {
  it('brings back neither what the team erased nor what it deleted', async () => {
    const server = memoryPouch('rejoin-server');
    const a = freshDatabase('rejoin-a');
    await seedDesk(a, 8, { seed: 31, prefix: 'DSA', letterEvery: 3 });
    const teamA = desk(a, server);
    await join(teamA, 'desk-a');
    await synced(teamA, 'desk A to upload its cases');

    const b = freshDatabase('rejoin-b');
    const teamB = desk(b, server);
    await join(teamB, 'desk-b');
    await synced(teamB, 'desk B to download');
    expect(await b.cases.count()).toBe(8);
    const older = await readBackupFile(b, (await makeBackup(b)).file);
    await teamB.leave();

    // While B is away, A erases a customer's closed case and deletes another case.
    const [erased, deleted] = (await a.cases.toArray()).filter((c) => c.status === 'closed');
    await eraseCustomer(a, { caseIds: [erased.id], basis: 'customer-request', by: 'Sam Patel', today: '2026-11-25' });
    await deleteCase(a, deleted.id);
    await teamA.syncNow();
    await until(
      async () => (await server.allDocs({ keys: [`case:${deleted.id}`] })).rows[0]?.value?.deleted === true,
      30_000,
      'the deletion on the server',
    );

    // B restores the backup made before (it holds both cases as they were), then joins the same team again.
    await restoreBackup(b, older, { mode: 'replace', by: 'Jo Bloggs' });
    expect(await b.outbox.count()).toBe(0);
    expect((await b.cases.get(erased.id))?.customer.name).toBe(erased.customer.name);
    const own = await createCase(b, newCaseParts(), { settings: deskSettings({ deskPrefix: 'DSB' }), by: 'Jo Bloggs' });
    await join(teamB, 'desk-b');
    await synced(teamB, 'desk B to sync again');
    await teamA.syncNow();
    await synced(teamA, 'desk A to sync');
    await until(async () => (await a.cases.get(own.id)) !== undefined, 30_000, "B's own case at A");

    // The case the team deleted stays deleted, on the server and at both desks.
    await expect(server.get(`case:${deleted.id}`)).rejects.toMatchObject({ status: 404 });
    expect(await a.cases.get(deleted.id)).toBeUndefined();
    expect(await b.cases.get(deleted.id)).toBeUndefined();
    // The erased case: one branch on the server, the team's, anonymised; no revision of it, or of its timeline
    // entries, holds the customer's name; the restored copy at B is anonymised again by the team's copy.
    const erasedDocs = [`case:${erased.id}`, ...(await readTimeline(a, erased.id)).map((e) => `entry:${e.id}`)];
    for (const id of erasedDocs) {
      const leaves = await everyRevision(server, id);
      expect(leaves).not.toContain(erased.customer.name);
      expect(JSON.parse(leaves)).toHaveLength(1);
    }
    expect((await b.cases.get(erased.id))?.anonymisedOn).toBe('2026-11-25');
    expect(await readTimeline(b, erased.id)).toEqual(await readTimeline(a, erased.id));
    // B's own case, logged while it was away, went up and reached A.
    expect(await a.cases.get(own.id)).toEqual(own);
  }, 120_000);
});

describe('joining asks the team what it holds first', () => {
  it('a server that cannot answer leaves the desk alone, its outbox empty', async () => {
    const server = memoryPouch('rejoin-down');
    await server.put({ _id: 'case:elsewhere', type: 'case', schema: 1, writer: 'desk-a', body: {} } as never);
    const database = freshDatabase('rejoin-down');
    await seedDesk(database, 3, { seed: 41, prefix: 'DSC' });
    const team = desk(database, server);
    server.allDocs = () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { status: 0 }));
    await expect(join(team, 'desk-c')).rejects.toThrow('ECONNREFUSED');
    expect(database.sharing).toBe(false);
    expect(await team.membership()).toBeNull();
    expect(await database.outbox.count()).toBe(0);
  });
});

/** A file kept on a case (a scanned letter), its bytes in the row. */
async function fileOn(caseId: string, id: string): Promise<AttachmentDbRow> {
  const bytes = new Uint8Array(3000).map((_, i) => (i * 7) % 256);
  bytes.set([0x25, 0x50, 0x44, 0x46, 0x2d], 0);
  return {
    id,
    caseId,
    fileName: `${id}.pdf`,
    fileType: 'pdf',
    mime: 'application/pdf',
    size: bytes.length,
    sha256: await sha256Hex(bytes),
    kind: 'customer-letter',
    note: id === 'erase-file' ? 'Scanned letter of the erased case' : 'Scanned letter',
    addedBy: 'Sam Patel',
    addedAt: '2026-11-19T10:00:00.000Z',
    blob: new Blob([bytes], { type: 'application/pdf' }),
  };
}

/** What a desk holds of one case: the record, its timeline (by id), its letters' ids and its files without bytes. */
async function caseContent(database: RedressDatabase, caseId: string) {
  const byId = <T extends { id: string }>(rows: T[]) => rows.sort((x, y) => x.id.localeCompare(y.id));
  return {
    record: await database.cases.get(caseId),
    events: byId(await readTimeline(database, caseId)),
    letters: byId(await database.letters.where('caseId').equals(caseId).toArray()).map((l) => [l.id, l.sha256]),
    files: byId(await database.attachments.where('caseId').equals(caseId).toArray()).map(({ blob, ...row }) => ({
      ...row,
      ...(blob ? { blob: blob.size } : {}),
    })),
  };
}

describe('a desk that erased a customer while out of its team joins again', () => {
  it('sends its erasure to the team: no desk, and no winning revision on the server, keeps the erased data', async () => {
    const server = memoryPouch('erase-server');
    const a = freshDatabase('erase-a');
    await seedDesk(a, 9, { seed: 53, prefix: 'DSE', letterEvery: 1 });
    // A closed case with a letter, a file kept on it and at least one entry whose text anonymising removes.
    const closed = (await a.cases.toArray()).filter((c) => c.status === 'closed');
    const withText = async (id: string) => (await readTimeline(a, id)).some((e) => !sameValue(anonymiseEvent(e), e));
    const candidates: CaseRecord[] = [];
    for (const c of closed) if (await withText(c.id)) candidates.push(c);
    const [erased, kept] = candidates;
    expect(kept).toBeDefined();
    await a.attachments.add(await fileOn(erased.id, 'erase-file'));
    await a.attachments.add(await fileOn(kept.id, 'kept-file'));
    const erasedEntries = (await caseContent(a, erased.id)).events;
    const keptBefore = await caseContent(a, kept.id);
    expect(keptBefore.letters.length).toBeGreaterThan(0);
    const erasedLetters = await a.letters.where('caseId').equals(erased.id).toArray();
    expect(erasedLetters.length).toBeGreaterThan(0);

    const teamA = desk(a, server);
    await join(teamA, 'desk-a');
    await synced(teamA, 'desk A to upload its cases');
    const b = freshDatabase('erase-b');
    const teamB = desk(b, server);
    await join(teamB, 'desk-b');
    await synced(teamB, 'desk B to download');
    expect((await caseContent(b, erased.id)).events).toEqual(erasedEntries);

    // A leaves, erases the customer of one closed case while alone, and joins again. Meanwhile B notes a call from
    // that customer on the case (its text goes to the team while A is away).
    await teamA.leave();
    const note = await appendEvent(b, erased.id, {
      type: 'note',
      on: '2026-11-25',
      by: 'Jo Bloggs',
      summary: `${erased.customer.name} rang again about the refund`,
    });
    await teamB.syncNow();
    await until(async () => (await server.get(`entry:${note.id}`).catch(() => null)) !== null, 30_000, "B's note");
    await eraseCustomer(a, { caseIds: [erased.id], basis: 'customer-request', by: 'Sam Patel', today: '2026-11-26' });
    const erasedAtA = await caseContent(a, erased.id);
    expect(erasedAtA.record?.anonymisedOn).toBe('2026-11-26');
    expect(erasedAtA.events).toEqual(erasedEntries.map(anonymiseEvent));
    expect(erasedAtA.letters).toEqual([]);
    await join(teamA, 'desk-a');
    await synced(teamA, 'desk A to sync again');
    await until(async () => (await a.outbox.count()) === 0, 30_000, "desk A's outbox to empty");
    await synced(teamA, 'desk A to send its erasure');
    await teamB.syncNow();
    const expected = (await caseContent(a, erased.id)).events;
    expect(expected).toEqual([...erasedEntries, note].map(anonymiseEvent).sort((x, y) => x.id.localeCompare(y.id)));
    await until(
      async () => sameValue((await caseContent(b, erased.id)).events, expected),
      30_000,
      "the erasure's entries at desk B",
    );
    await synced(teamB, 'desk B to sync');

    // The erased case, at both desks: the anonymised record, the anonymised entries, no letter, the file erased.
    for (const database of [a, b]) {
      const here = await caseContent(database, erased.id);
      expect(here.record?.anonymisedOn).toBe('2026-11-26');
      expect(here.record?.customer.name).not.toBe(erased.customer.name);
      expect(here.events).toEqual(expected);
      expect(here.letters).toEqual([]);
      expect(here.files.map((f) => [f.id, f.note, f.fileName, f.deleted?.fileDeleted, 'blob' in f])).toEqual([
        ['erase-file', '', ERASED_FILE_NAME, true, false],
      ]);
    }
    // On the server: the winning revision of every document of the erased case holds none of its personal data.
    const personal = [
      erased.customer.name,
      ...[...erasedEntries, note].filter((e) => !sameValue(anonymiseEvent(e), e)).map((e) => e.summary),
      'Scanned letter of the erased case',
    ];
    const docs = await server.allDocs({ include_docs: true, attachments: true } as never);
    const ofErased = docs.rows
      .map((r) => r.doc as unknown as { _id: string; body?: { caseId?: string; id?: string } })
      .filter((d) => d.body?.caseId === erased.id || d.body?.id === erased.id);
    // The case, its entries, its letters and its file.
    expect(ofErased.length).toBe(1 + erasedEntries.length + 1 + erasedLetters.length + 1);
    for (const doc of ofErased) for (const text of personal) expect(JSON.stringify(doc)).not.toContain(text);
    for (const letter of erasedLetters) {
      const doc = (await server.get(`letter:${letter.id}`, { attachments: true } as never)) as unknown as PouchDoc;
      expect(doc._attachments).toBeUndefined();
      expect(doc.body).toEqual({
        id: letter.id,
        caseId: erased.id,
        kind: letter.kind,
        issuedOn: letter.issuedOn,
        issuedAt: letter.issuedAt,
      });
    }
    for (const e of [...erasedEntries, note]) {
      const doc = (await server.get(`entry:${e.id}`)) as unknown as { body: unknown; erasedBy?: string };
      expect(doc.body).toEqual(anonymiseEvent(e));
    }

    // The case A did not erase: unchanged at both desks and on the server.
    expect(await caseContent(a, kept.id)).toEqual(keptBefore);
    expect(await caseContent(b, kept.id)).toEqual(keptBefore);
    for (const e of keptBefore.events) {
      const doc = (await server.get(`entry:${e.id}`)) as unknown as { body: unknown; erasedBy?: string };
      expect(doc.body).toEqual(e);
      expect(doc.erasedBy).toBeUndefined();
    }
    // A's audit trail says what joining again did (the team's copies of the letter and the note brought back): erased
    // as the download took them in (the bridge keeps a case anonymised here erased, whatever brings its data back), so
    // the erasures applied again once it ended found nothing left.
    const reapplied = await a.audit.where('kind').equals('anonymisation-reapplied').toArray();
    expect(reapplied.map((r) => [r.by, r.detail])).toEqual([
      [
        ERASURE_KEPT_BY,
        {
          count: 1,
          lettersDeleted: erasedLetters.length,
          filesErased: 0,
          caseIds: [erased.id],
          references: [erased.reference],
          source: 'team',
        },
      ],
    ]);
    expect(await a.meta.get('sharing-resend-erasures')).toBeUndefined();
    expect(teamA.snapshot().refusals).toEqual([]);
    expect(teamA.snapshot().problems).toEqual([]);
  }, 120_000);
});

describe('a desk that left its team and joins again', () => {
  it('takes the changes the team made meanwhile to cases it did not change, with no "Changed at two desks"', async () => {
    const server = memoryPouch('unchanged-server');
    const a = freshDatabase('unchanged-a');
    await seedDesk(a, 4, { seed: 61, prefix: 'DSU' });
    const teamA = desk(a, server);
    await join(teamA, 'desk-a');
    await synced(teamA, 'desk A to upload its cases');
    const b = freshDatabase('unchanged-b');
    const teamB = desk(b, server);
    await join(teamB, 'desk-b');
    await synced(teamB, 'desk B to download');
    const [first, second, third, fourth] = await a.cases.orderBy('reference').toArray();

    // A change A made that had not reached the team when it left (its sharing stopped first).
    await teamA.stop();
    await a.cases.update(second.id, {
      summary: 'Changed at desk A, never sent',
      updatedAt: '2026-12-01T08:00:00.000Z',
    });
    expect(await a.outbox.count()).toBe(1);
    await teamA.leave();
    // What A keeps of the team: the cases it was in step with (not the one whose change waited), by `updatedAt`.
    const left = (await a.meta.get('sharing-left-in-step'))?.value as LeftInStep;
    expect(left.team).toBe('http://127.0.0.1:1/complaints');
    expect(Object.keys(left.cases).sort()).toEqual(
      (await a.cases.toCollection().primaryKeys()).filter((id) => id !== second.id).sort(),
    );
    expect(left.cases[first.id]).toBe(first.updatedAt);
    // Away from the team, A changes a third case; B changes the first.
    await a.cases.update(third.id, { summary: 'Changed at desk A while away', updatedAt: '2026-12-01T08:30:00.000Z' });
    await b.cases.update(first.id, {
      summary: 'Changed at desk B while desk A was away',
      updatedAt: '2026-12-01T09:00:00.000Z',
    });
    // And both change a fourth, each another field (explore32-team #1).
    await a.cases.update(fourth.id, { summary: 'Fourth, changed at desk A', updatedAt: '2026-12-01T08:40:00.000Z' });
    await b.cases.update(fourth.id, {
      customer: { ...fourth.customer, email: 'fourth.at.b@example.org' },
      updatedAt: '2026-12-01T09:10:00.000Z',
    });
    await teamB.syncNow();
    await until(
      async () =>
        ((await server.get(`case:${first.id}`)) as unknown as { body: CaseRecord }).body.summary !== first.summary,
      30_000,
      "B's change on the server",
    );

    await join(teamA, 'desk-a');
    await synced(teamA, 'desk A to sync again');
    await teamB.syncNow();
    await synced(teamB, 'desk B to sync');
    await until(async () => (await b.cases.get(second.id))?.updatedAt === '2026-12-01T08:00:00.000Z', 30_000, 'A at B');
    // The case only the team changed: the team's copy at both desks, no clash, one revision on the server.
    for (const database of [a, b]) {
      expect((await database.cases.get(first.id))?.summary).toBe('Changed at desk B while desk A was away');
      expect(await database.conflicts.get(first.id)).toBeUndefined();
    }
    expect(JSON.parse(await everyRevision(server, `case:${first.id}`))).toHaveLength(1);
    // The cases A changed (sent or not before it left), which the team did not change meanwhile: A's change goes up
    // on top of the team's copy (the revision A left in step with), with no clash.
    await until(
      async () => (await b.cases.get(third.id))?.summary === 'Changed at desk A while away',
      30_000,
      'A at B',
    );
    for (const database of [a, b]) {
      expect((await database.cases.get(second.id))?.summary).toBe('Changed at desk A, never sent');
      expect((await database.cases.get(third.id))?.summary).toBe('Changed at desk A while away');
      expect(await database.conflicts.get(second.id)).toBeUndefined();
      expect(await database.conflicts.get(third.id)).toBeUndefined();
    }
    for (const id of [second.id, third.id])
      expect(JSON.parse(await everyRevision(server, `case:${id}`))).toHaveLength(1);
    // The case both changed, each another field: merged from the revision A left in step with, both changes kept.
    await until(async () => (await b.cases.get(fourth.id))?.summary === 'Fourth, changed at desk A', 30_000, 'A at B');
    for (const database of [a, b]) {
      const row = await database.cases.get(fourth.id);
      expect([row?.summary, row?.customer.email]).toEqual(['Fourth, changed at desk A', 'fourth.at.b@example.org']);
      expect(await database.conflicts.get(fourth.id)).toBeUndefined();
    }
    expect(await a.meta.get('sharing-left-in-step')).toBeUndefined();
  }, 120_000);
});

describe('a desk that left its team with a change waiting and joins again', () => {
  const PHONE_A = '07700 900111';
  const PHONE_B = '07700 900222';

  /** Desks A and B sharing four cases; A changes one case's phone with its push held, then leaves the team. */
  async function leftWithChangeWaiting(label: string) {
    const server = memoryPouch(`${label}-server`);
    const a = freshDatabase(`${label}-a`);
    await seedDesk(a, 4, { seed: 71, prefix: 'DSW' });
    const teamA = desk(a, server);
    await join(teamA, 'desk-a');
    await synced(teamA, 'desk A to upload its cases');
    const b = freshDatabase(`${label}-b`);
    const teamB = desk(b, server);
    await join(teamB, 'desk-b');
    await synced(teamB, 'desk B to download');
    const [shared] = await a.cases.orderBy('reference').toArray();
    expect(shared.customer.phone).not.toBe(PHONE_A);
    // The push held (sharing stopped): the change waits in the outbox when A leaves.
    await teamA.stop();
    await a.cases.update(shared.id, {
      customer: { ...shared.customer, phone: PHONE_A },
      updatedAt: '2026-12-01T08:00:00.000Z',
    });
    expect(await a.outbox.count()).toBe(1);
    await teamA.leave();
    return { server, a, b, teamA, teamB, shared };
  }

  /** A joins again; its phone reaches the server and B, and both desks say "Synced". */
  async function rejoinedWithPhoneA(
    desks: Pick<Awaited<ReturnType<typeof leftWithChangeWaiting>>, 'server' | 'b' | 'teamA' | 'teamB' | 'shared'>,
  ) {
    const { server, b, teamA, teamB, shared } = desks;
    await join(teamA, 'desk-a');
    await synced(teamA, 'desk A to sync again');
    await until(async () => (await phoneOn(server, shared.id)) === PHONE_A, 30_000, "A's phone on the server");
    await teamB.syncNow();
    await until(async () => (await b.cases.get(shared.id))?.customer.phone === PHONE_A, 30_000, "A's phone at B");
    await synced(teamB, 'desk B to sync');
    await teamA.syncNow();
    await synced(teamA, 'desk A to sync');
  }

  it('sends its change on top of the team’s copy: no "Changed at two desks" at either desk', async () => {
    const { server, a, b, teamA, teamB, shared } = await leftWithChangeWaiting('waiting');
    // What A keeps of the team names revisions and times only, no personal data.
    const left = JSON.stringify((await a.meta.get('sharing-left-in-step'))?.value);
    expect(left).not.toContain(shared.customer.name);
    expect(left).not.toContain(PHONE_A);

    await rejoinedWithPhoneA({ server, b, teamA, teamB, shared });

    for (const database of [a, b]) {
      expect((await database.cases.get(shared.id))?.customer.phone).toBe(PHONE_A);
      expect(await database.conflicts.get(shared.id)).toBeUndefined();
    }
    // One branch on the server: A's revision follows the team's.
    expect(JSON.parse(await everyRevision(server, `case:${shared.id}`))).toHaveLength(1);
    expect(((await server.get(`case:${shared.id}`)) as unknown as { clashes?: unknown }).clashes).toBeUndefined();
    expect(await a.meta.get('sharing-left-in-step')).toBeUndefined();
  }, 120_000);

  it('still records "Changed at two desks" when another desk changed the same field meanwhile', async () => {
    const { server, a, b, teamA, teamB, shared } = await leftWithChangeWaiting('waiting-both');
    await phoneChangedAtB(b, teamB, server, shared, PHONE_B);

    await join(teamA, 'desk-a');
    await synced(teamA, 'desk A to sync again');
    await expectPhoneClashAtBoth({ a, b, teamB }, shared.id, [PHONE_A, PHONE_B]);
  }, 120_000);

  it('keeps both changes when another desk changed another field meanwhile: no "Changed at two desks" (explore32-team #1)', async () => {
    const { server, a, b, teamA, teamB, shared } = await leftWithChangeWaiting('waiting-other-field');
    const EMAIL_B = 'changed.at.b@example.org';
    await b.cases.update(shared.id, {
      customer: { ...shared.customer, email: EMAIL_B },
      updatedAt: '2026-12-01T09:00:00.000Z',
    });
    await teamB.syncNow();
    await until(
      async () =>
        ((await server.get(`case:${shared.id}`)) as unknown as { body: CaseRecord }).body.customer.email === EMAIL_B,
      30_000,
      "B's email on the server",
    );

    await rejoinedWithPhoneA({ server, b, teamA, teamB, shared });
    for (const database of [a, b]) {
      const customer = (await database.cases.get(shared.id))?.customer;
      expect([customer?.phone, customer?.email]).toEqual([PHONE_A, EMAIL_B]);
      expect(await database.conflicts.get(shared.id)).toBeUndefined();
    }
  }, 120_000);

  /**
   * The team's server refuses the first `refusals` requests for the rejoin bases (as one lost just after the join
   * does); before the first refusal, `meanwhile` runs (another desk's change reaching the server). The replication's
   * own requests (`latest`) are answered. Returns how many were refused.
   */
  function baseRefused(server: PouchDatabase, refusals: number, meanwhile: () => Promise<void> = async () => {}) {
    const bulkGet = server.bulkGet.bind(server);
    const refused = { count: 0 };
    server.bulkGet = async (options) => {
      if ('latest' in options || refused.count >= refusals) return bulkGet(options);
      if (refused.count++ === 0) await meanwhile();
      throw Object.assign(new Error('connect ECONNREFUSED'), { status: 0 });
    };
    return refused;
  }

  it('fetches the team’s copy when the server answers again, if it could not at the start: no "Changed at two desks"', async () => {
    const { server, a, b, teamA, teamB, shared } = await leftWithChangeWaiting('waiting-lost');
    const refused = baseRefused(server, 1);
    await join(teamA, 'desk-a');
    await until(async () => (await phoneOn(server, shared.id)) === PHONE_A, 30_000, "A's phone on the server");
    await synced(teamA, 'desk A to sync again');
    expect(refused.count).toBe(1);
    await teamB.syncNow();
    await until(async () => (await b.cases.get(shared.id))?.customer.phone === PHONE_A, 30_000, "A's phone at B");
    await synced(teamB, 'desk B to sync');
    for (const database of [a, b]) {
      expect((await database.cases.get(shared.id))?.customer.phone).toBe(PHONE_A);
      expect(await database.conflicts.get(shared.id)).toBeUndefined();
    }
    expect(JSON.parse(await everyRevision(server, `case:${shared.id}`))).toHaveLength(1);
    expect(await a.meta.get('sharing-rejoin-bases')).toBeUndefined();
  }, 120_000);

  // Desk B changes the phone after A joined again, while A's push waits for its base: A's change is merged with B's
  // from the revision both grew from (a clash on the phone only), or, when the server never gives that revision, with
  // none: either way B's phone is offered beside A's, never written over.
  it.each([
    ['given on the second request', 1],
    ['never given', 99],
  ] as const)(
    'records "Changed at two desks" when another desk changed the field while the base was awaited (%s)',
    async (_, refusals) => {
      const { server, a, b, teamA, teamB, shared } = await leftWithChangeWaiting(`waiting-lost-${refusals}`);
      const refused = baseRefused(server, refusals, async () => {
        await phoneChangedAtB(b, teamB, server, shared, PHONE_B);
      });
      await join(teamA, 'desk-a');
      await expectPhoneClashAtBoth({ a, b, teamB }, shared.id, [PHONE_A, PHONE_B]);
      expect(refused.count).toBe(Math.min(refusals, 2));
    },
    120_000,
  );

  // A backup older than the team's copy brought back while away (a replace forgets what the desk kept of the team; a
  // merge keeps it, and brings back a case deleted here as the backup holds it): the older copy is not a change made on
  // the team's revision, so it goes up beside it and the phone is offered as "Changed at two desks", never written
  // over the team's newer value without a word.
  it.each(['replace', 'merge'] as const)(
    'offers "Changed at two desks" for a case brought back older from a backup (%s)',
    async (mode) => {
      const server = memoryPouch(`restored-${mode}-server`);
      const a = freshDatabase(`restored-${mode}-a`);
      await seedDesk(a, 4, { seed: 73, prefix: 'DSR' });
      const teamA = desk(a, server);
      await join(teamA, 'desk-a');
      await synced(teamA, 'desk A to upload its cases');
      const b = freshDatabase(`restored-${mode}-b`);
      const teamB = desk(b, server);
      await join(teamB, 'desk-b');
      await synced(teamB, 'desk B to download');
      const [shared] = await a.cases.orderBy('reference').toArray();
      const older = await readBackupFile(a, (await makeBackup(a)).file);
      // A's newer phone reaches the team; A leaves in step with it.
      await a.cases.update(shared.id, {
        customer: { ...shared.customer, phone: PHONE_A },
        updatedAt: '2026-12-01T08:00:00.000Z',
      });
      await teamA.syncNow();
      await until(async () => (await phoneOn(server, shared.id)) === PHONE_A, 30_000, "A's phone on the server");
      await synced(teamA, 'desk A to sync');
      await teamA.leave();

      if (mode === 'merge') await deleteCase(a, shared.id);
      await restoreBackup(a, older, { mode, by: 'Jo Bloggs' });
      expect((await a.cases.get(shared.id))?.customer.phone).toBe(shared.customer.phone);
      await join(teamA, 'desk-a');
      await synced(teamA, 'desk A to sync again');
      await expectPhoneClashAtBoth({ a, b, teamB }, shared.id, [shared.customer.phone!, PHONE_A]);
    },
    120_000,
  );
});

describe('a desk that left its team with a change written but not sent and joins again', () => {
  const MINE = 'Changed at desk A, not sent';

  /** Desks A and B sharing three cases; A's change to one is written into its local copy, never sent; A leaves. */
  async function leftWithChangeUnsent(label: string) {
    const server = memoryPouch(`${label}-server`);
    const a = freshDatabase(`${label}-a`);
    await seedDesk(a, 3, { seed: 79, prefix: 'DSN' });
    const link = { cut: false };
    const teamA = desk(a, server, link);
    await join(teamA, 'desk-a');
    await synced(teamA, 'desk A to upload its cases');
    const b = freshDatabase(`${label}-b`);
    const teamB = desk(b, server);
    await join(teamB, 'desk-b');
    await synced(teamB, 'desk B to download');
    const [shared] = await a.cases.orderBy('reference').toArray();
    // The server out of reach: A's change is written into its local copy (the outbox empties) but never sent.
    await teamA.stop();
    link.cut = true;
    await teamA.start();
    await a.cases.update(shared.id, { summary: MINE, updatedAt: '2026-12-01T08:00:00.000Z' });
    await until(async () => (await a.outbox.count()) === 0, 30_000, "A's change in its local copy");
    await teamA.leave();
    link.cut = false;
    return { server, a, b, teamA, teamB, shared };
  }

  it('keeps its change: it goes up on top of the team’s copy, not replaced by the older copy', async () => {
    const { server, a, b, teamA, teamB, shared } = await leftWithChangeUnsent('unsent');
    await join(teamA, 'desk-a');
    await synced(teamA, 'desk A to sync again');
    await teamB.syncNow();
    await until(async () => (await b.cases.get(shared.id))?.summary === MINE, 30_000, "A's change at B");
    await synced(teamB, 'desk B to sync');
    await teamA.syncNow();
    await synced(teamA, 'desk A to sync');
    for (const database of [a, b]) {
      expect((await database.cases.get(shared.id))?.summary).toBe(MINE);
      expect(await database.conflicts.get(shared.id)).toBeUndefined();
    }
    expect(JSON.parse(await everyRevision(server, `case:${shared.id}`))).toHaveLength(1);
  }, 120_000);

  it('offers "Changed at two desks" when another desk changed the same field meanwhile', async () => {
    const { server, a, b, teamA, teamB, shared } = await leftWithChangeUnsent('unsent-both');
    await b.cases.update(shared.id, { summary: 'Changed at desk B', updatedAt: '2026-12-01T09:00:00.000Z' });
    await teamB.syncNow();
    await until(
      async () =>
        ((await server.get(`case:${shared.id}`)) as unknown as { body: CaseRecord }).body.summary !== shared.summary,
      30_000,
      "B's change on the server",
    );
    await join(teamA, 'desk-a');
    await synced(teamA, 'desk A to sync again');
    const summaryClash = async (database: RedressDatabase) =>
      (await database.conflicts.get(shared.id))?.clashes.find((c) => c.path.join('.') === 'summary');
    await until(async () => (await summaryClash(a)) !== undefined, 30_000, 'the clash at A');
    await teamB.syncNow();
    await until(async () => (await summaryClash(b)) !== undefined, 30_000, 'the clash at B');
    for (const database of [a, b]) {
      const clash = (await summaryClash(database))!;
      expect(new Set([clash.kept.value, clash.other.value])).toEqual(new Set([MINE, 'Changed at desk B']));
    }
  }, 120_000);
});

// A desk whose first change of a case reached the team, and whose next change had not when it left: the team's copy is
// the revision the desk sent, which the next change follows, so it goes up on top of it when the desk joins again.
describe('a desk that sent a change, then left with its next change not sent, and joins again', () => {
  const FIRST = '07700 900331';
  const SECOND = '07700 900332';
  const OTHER = '07700 900339';

  /**
   * Desks A and B sharing three cases; A changes one case's phone and it reaches the team; A changes it again with
   * the push held (`held`: sharing stopped, the change waits in the outbox) or the server out of reach (`unsent`: the
   * change is written into A's local copy, never sent); A leaves. `afterTeam`: B changed the case's summary first, so
   * the team's revision A last took in is B's, older than the one A sent.
   */
  async function sentThenLeft(label: string, how: 'held' | 'unsent', afterTeam = false) {
    const server = memoryPouch(`${label}-server`);
    const a = freshDatabase(`${label}-a`);
    await seedDesk(a, 3, { seed: 83, prefix: 'DSS' });
    const link = { cut: false };
    const teamA = desk(a, server, link);
    await join(teamA, 'desk-a');
    await synced(teamA, 'desk A to upload its cases');
    const b = freshDatabase(`${label}-b`);
    const teamB = desk(b, server);
    await join(teamB, 'desk-b');
    await synced(teamB, 'desk B to download');
    let [shared] = await a.cases.orderBy('reference').toArray();
    if (afterTeam) {
      await b.cases.update(shared.id, { summary: 'Changed at desk B first', updatedAt: '2026-12-01T07:00:00.000Z' });
      await teamB.syncNow();
      await until(async () => (await a.cases.get(shared.id))?.summary === 'Changed at desk B first', 30_000, 'B at A');
      await synced(teamA, "desk A to take in B's change");
      shared = (await a.cases.get(shared.id))!;
    }

    await a.cases.update(shared.id, {
      customer: { ...shared.customer, phone: FIRST },
      updatedAt: '2026-12-01T08:00:00.000Z',
    });
    await teamA.syncNow();
    await until(async () => (await phoneOn(server, shared.id)) === FIRST, 30_000, "A's first phone on the server");
    await synced(teamA, 'desk A to sync its first phone');

    await teamA.stop();
    if (how === 'unsent') {
      link.cut = true;
      await teamA.start();
    }
    await a.cases.update(shared.id, {
      customer: { ...shared.customer, phone: SECOND },
      updatedAt: '2026-12-01T08:30:00.000Z',
    });
    // Held, the change waits in the outbox; out of reach, it is written into A's local copy (the outbox empties).
    const inOutbox = how === 'held' ? 1 : 0;
    await until(async () => (await a.outbox.count()) === inOutbox, 30_000, "A's change where it waits");
    await teamA.leave();
    link.cut = false;
    expect(await phoneOn(server, shared.id)).toBe(FIRST);
    return { server, a, b, teamA, teamB, shared };
  }

  it.each(['held', 'unsent'] as const)(
    'sends the next change on top of the one it sent: no "Changed at two desks" at either desk (%s)',
    async (how) => {
      const { server, a, b, teamA, teamB, shared } = await sentThenLeft(`sent-then-${how}`, how);
      // What A keeps of the team names revisions and times only, no personal data.
      const left = JSON.stringify((await a.meta.get('sharing-left-in-step'))?.value);
      for (const text of [shared.customer.name, FIRST, SECOND]) expect(left).not.toContain(text);

      await join(teamA, 'desk-a');
      await synced(teamA, 'desk A to sync again');
      await until(async () => (await phoneOn(server, shared.id)) === SECOND, 30_000, "A's second phone on the server");
      await teamB.syncNow();
      await until(async () => (await b.cases.get(shared.id))?.customer.phone === SECOND, 30_000, "A's phone at B");
      await synced(teamB, 'desk B to sync');
      await teamA.syncNow();
      await synced(teamA, 'desk A to sync');

      for (const database of [a, b]) {
        expect((await database.cases.get(shared.id))?.customer.phone).toBe(SECOND);
        expect(await database.conflicts.get(shared.id)).toBeUndefined();
      }
      // One branch on the server: A's second revision follows its first.
      expect(JSON.parse(await everyRevision(server, `case:${shared.id}`))).toHaveLength(1);
      const history = (await server.get(`case:${shared.id}`, { revs: true })) as unknown as {
        _revisions: { start: number; ids: string[] };
      };
      expect(history._revisions.ids.length).toBeGreaterThanOrEqual(3);
      expect(((await server.get(`case:${shared.id}`)) as unknown as { clashes?: unknown }).clashes).toBeUndefined();
    },
    120_000,
  );

  it('sends it on top when another desk had changed the case before (the team revision A took in is older)', async () => {
    const { server, a, b, teamA, teamB, shared } = await sentThenLeft('sent-after-team', 'unsent', true);
    await join(teamA, 'desk-a');
    await synced(teamA, 'desk A to sync again');
    await until(async () => (await phoneOn(server, shared.id)) === SECOND, 30_000, "A's second phone on the server");
    await teamB.syncNow();
    await until(async () => (await b.cases.get(shared.id))?.customer.phone === SECOND, 30_000, "A's phone at B");
    await synced(teamB, 'desk B to sync');
    for (const database of [a, b]) {
      expect(await database.cases.get(shared.id)).toMatchObject({
        summary: 'Changed at desk B first',
        customer: { phone: SECOND },
      });
      expect(await database.conflicts.get(shared.id)).toBeUndefined();
    }
    expect(JSON.parse(await everyRevision(server, `case:${shared.id}`))).toHaveLength(1);
  }, 120_000);

  it.each(['held', 'unsent'] as const)(
    'still records "Changed at two desks" when another desk changed the same field meanwhile (%s)',
    async (how) => {
      const { server, a, b, teamA, teamB, shared } = await sentThenLeft(`sent-then-${how}-both`, how);
      await until(async () => (await b.cases.get(shared.id))?.customer.phone === FIRST, 30_000, "A's phone at B");
      await phoneChangedAtB(b, teamB, server, shared, OTHER);

      await join(teamA, 'desk-a');
      await synced(teamA, 'desk A to sync again');
      await expectPhoneClashAtBoth({ a, b, teamB }, shared.id, [SECOND, OTHER]);
    },
    120_000,
  );
});
