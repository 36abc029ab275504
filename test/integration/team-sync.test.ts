// Two desks sharing through a real CouchDB-compatible server (pouchdb-server, in memory, on a free port), each with
// its own Dexie and PouchDB, through the same TeamSync and bridge the app runs (issue #14). The server's rules are
// the ones `npm run server:setup` installs: the refusals here are the server's own.
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { anonymiseEvent } from '#shared/privacy/anonymise';
import { newCaseParts } from '#test/support/cases';
import { deskSettings } from '#test/support/desk';
import { PouchDB } from '#test/support/pouch';
import { createAdmin, setUpTeam, startSyncServer, type SyncServer } from '#test/support/sync-server';
import { appendEvent, createCase } from '#db/repositories/cases';
import { eraseCustomer } from '#db/repositories/retention';
import { customer } from '#test/support/cases';
import { RedressDatabase } from '#db/schema';
import type { PouchDatabase } from '#renderer/sync/pouch';
import { TeamSync, type PouchFactory, type SharingStatus } from '#renderer/sync/team';
import { putEntries, readTimeline, rewriteAnonymisedEntries } from '#db/timeline';

const ADMIN = { name: 'admin', password: 'admin-pw' };
const DESK_A = { name: 'desk-a', password: 'pw-a' };
const DESK_B = { name: 'desk-b', password: 'pw-b' };
const DB = 'complaints';

let server: SyncServer;
let n = 0;
const open: Array<{ team: TeamSync; database: RedressDatabase }> = [];

beforeAll(async () => {
  server = await startSyncServer();
  await createAdmin(server, ADMIN.name, ADMIN.password);
  await setUpTeam(server, {
    db: DB,
    admin: ADMIN,
    teamRole: 'team-test',
    desks: [DESK_A, DESK_B],
    erasureDesks: [DESK_A.name],
  });
}, 240_000);

// Each test's desks stop with it: the next test's desks are the only ones on the server.
afterEach(async () => {
  for (const d of open.splice(0)) {
    await d.team.stop();
    d.database.close();
  }
});

afterAll(async () => {
  // Requests the stopped desks still have out are answered before the server stops (up to 5 s): PouchDB's replication
  // asks the server for its info after each batch without waiting for or catching the answer, so a request cut off by
  // the server stopping is an unhandled rejection, which fails the run (about one run in three before this).
  await Promise.race([Promise.allSettled([...inFlight]), new Promise((r) => setTimeout(r, 5_000))]);
  await server?.stop();
});

/** The desks' requests to the server not yet answered (`tracked`). */
const inFlight = new Set<Promise<Response>>();
const tracked: typeof fetch = (input, init) => {
  const request = fetch(input, init);
  inFlight.add(request);
  const done = () => void inFlight.delete(request);
  request.then(done, done);
  return request;
};

/** A desk's network: while `down`, its every request to the server fails as a lost connection does. */
interface Network {
  down: boolean;
}

/** Node has no cookie jar: the tests send the desk's login with each request (the app uses the session cookie). */
function factory(login: { name: string; password: string }, network: Network = { down: false }): PouchFactory {
  // One local database per name, kept across a stop and a start (as IndexedDB keeps it in the app): the memory
  // adapter keeps a database's data under its name for the life of the process.
  const names = new Map<string, string>();
  return {
    local: (name) => {
      if (!names.has(name)) names.set(name, `${name}-${process.pid}-${(n += 1)}`);
      return new PouchDB(names.get(name)!, { adapter: 'memory' });
    },
    remote: (url) =>
      new PouchDB(url, {
        skip_setup: true,
        auth: { username: login.name, password: login.password },
        fetch: (input: RequestInfo | URL, init?: RequestInit) =>
          network.down ? Promise.reject(new TypeError('fetch failed')) : tracked(input, init),
      }),
    sync: (a, b, options) => PouchDB.sync(a, b, options),
  };
}

async function desk(login: { name: string; password: string }) {
  n += 1;
  const database = new RedressDatabase(`team-sync-${login.name}-${process.pid}-${n}`);
  const network: Network = { down: false };
  const team = new TeamSync(database, factory(login, network), () => `${login.name} person`);
  open.push({ team, database });
  await team.join({ serverUrl: server.url, database: DB, user: login.name });
  // As the app does: the first download ends before the desk logs cases.
  await until(async () => team.snapshot().state.kind === 'synced', 30_000, `${login.name} to download`);
  return { database, team, login, network };
}

/** Wait until `check` holds (the live sync runs on its own), or fail after `ms`. */
async function until(check: () => Promise<boolean>, ms = 20_000, what = 'the desks to agree'): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

function admin(): PouchDatabase {
  return new PouchDB(`${server.url}/${DB}`, {
    skip_setup: true,
    auth: { username: ADMIN.name, password: ADMIN.password },
  });
}

const settings = (prefix: string) => deskSettings({ deskPrefix: prefix });

/** Close a case as the desk would (an erasure needs it closed). */
async function closeCase(database: RedressDatabase, id: string): Promise<void> {
  await appendEvent(database, id, { type: 'closed', on: '2026-11-24', by: 'Sam', summary: 'Case closed' });
  await database.cases.update(id, { status: 'closed' });
}

/** Erase the customer of a closed case at the customer's request. */
const erase = (database: RedressDatabase, id: string) =>
  eraseCustomer(database, { caseIds: [id], basis: 'customer-request', by: 'Sam', today: '2026-11-25' });

async function closeAndErase(database: RedressDatabase, id: string): Promise<void> {
  await closeCase(database, id);
  await erase(database, id);
}
const stateOf = (team: TeamSync): SharingStatus => team.snapshot();

describe('two desks share one case store through the team server', () => {
  it('a case logged at one desk appears at the other, live, and the status says synced', async () => {
    const a = await desk(DESK_A);
    const b = await desk(DESK_B);
    const record = await createCase(a.database, newCaseParts(), { settings: settings('LDS'), by: 'Sam' });
    await until(async () => (await b.database.cases.get(record.id)) !== undefined);
    await until(async () => (await b.database.caseIndex.get(record.id)) !== undefined);
    await appendEvent(b.database, record.id, { type: 'note', on: '2026-11-21', by: 'Kim', summary: 'From B' });
    await until(async () => (await readTimeline(a.database, record.id)).some((e) => e.summary === 'From B'));
    await until(async () => stateOf(a.team).state.kind === 'synced', 10_000, 'desk A to be synced');
    // The server holds every document, written in each desk's own name.
    const onServer = await admin().allDocs({ include_docs: true, startkey: 'entry:', endkey: 'entry:\ufff0' });
    const writers = onServer.rows.map((r) => String(r.doc?.writer));
    expect(writers).toEqual(expect.arrayContaining(['desk-a', 'desk-b']));
  }, 60_000);

  it('both desks offline edit one case: after reconnecting, the merge and the same-field clash are at both and on the server', async () => {
    const a = await desk(DESK_A);
    const b = await desk(DESK_B);
    const record = await createCase(a.database, newCaseParts({ summary: 'Offline both' }), {
      settings: settings('LDS'),
      by: 'Sam',
    });
    await until(async () => (await b.database.cases.get(record.id)) !== undefined);
    await a.team.stop();
    await b.team.stop();
    await a.database.cases.update(record.id, { customer: { ...record.customer, name: 'Ada King', phone: '0113' } });
    await b.database.cases.update(record.id, {
      customer: { ...record.customer, name: 'Ada Byron', email: 'a@b.example' },
    });
    await appendEvent(a.database, record.id, { type: 'note', on: '2026-11-21', by: 'Sam', summary: 'Offline A' });
    await appendEvent(b.database, record.id, { type: 'note', on: '2026-11-21', by: 'Kim', summary: 'Offline B' });
    await a.team.start();
    await b.team.start();
    const notesAt = async (d: { database: RedressDatabase }) =>
      (await readTimeline(d.database, record.id)).map((e) => e.summary);
    for (const d of [a, b])
      await until(
        async () =>
          (await d.database.conflicts.get(record.id)) !== undefined &&
          (await notesAt(d)).includes('Offline A') &&
          (await notesAt(d)).includes('Offline B'),
        20_000,
        `${d.login.name} to show the clash and both notes`,
      );
    for (const d of [a, b]) {
      const now = (await d.database.cases.get(record.id))!;
      expect(now.customer).toMatchObject({ phone: '0113', email: 'a@b.example' });
      const clashes = (await d.database.conflicts.get(record.id))!.clashes;
      expect(clashes.map((c) => c.path.join('.'))).toEqual(['customer.name']);
    }
    await until(
      async () => {
        const doc = await admin().get(`case:${record.id}`, { conflicts: true });
        return !doc._conflicts?.length && ((doc.clashes as unknown[] | undefined)?.length ?? 0) === 1;
      },
      20_000,
      'the server to hold the merge',
    );
  }, 60_000);

  it('the server refuses an edited timeline entry; the desk shows the refusal with the case', async () => {
    const a = await desk(DESK_B);
    const record = await createCase(a.database, newCaseParts(), { settings: settings('BRD'), by: 'Kim' });
    await until(async () => stateOf(a.team).state.kind === 'synced' && (await a.database.outbox.count()) === 0);
    // An entry edited in place (not a correction): the server's rules refuse it.
    const [entry] = await readTimeline(a.database, record.id);
    await putEntries(a.database, [{ ...entry, summary: 'Rewritten history' }]);
    await until(async () => stateOf(a.team).refusals.length > 0, 20_000, 'the refusal');
    const [refusal] = stateOf(a.team).refusals;
    expect(refusal.docId).toBe(`entry:${entry.id}`);
    expect(refusal.reference).toBe(record.reference);
    expect(refusal.reason).toMatch(/correction|anonymis|erasure/i);
    const onServer = await admin().get(`entry:${entry.id}`);
    expect((onServer.body as { summary: string }).summary).not.toBe('Rewritten history');
  }, 60_000);

  it('an anonymised entry written by a desk with the erasure role reaches the server and the other desk', async () => {
    const a = await desk(DESK_A);
    const b = await desk(DESK_B);
    const record = await createCase(a.database, newCaseParts({ summary: 'Zebedee Quill-Smith called' }), {
      settings: settings('LDS'),
      by: 'Sam',
    });
    await until(async () => (await b.database.cases.get(record.id)) !== undefined);
    const [entry] = await readTimeline(a.database, record.id);
    await rewriteAnonymisedEntries(a.database, [anonymiseEvent(entry)]);
    await until(
      async () => (await readTimeline(b.database, record.id)).find((e) => e.id === entry.id)?.summary !== entry.summary,
      20_000,
      'the erasure',
    );
    expect(stateOf(a.team).refusals.filter((r) => r.docId === `entry:${entry.id}`)).toEqual([]);
  }, 60_000);

  it('an erased customer leaves no trace on the server (every revision it returns) or at either desk', async () => {
    const a = await desk(DESK_A); // the erasure role
    const b = await desk(DESK_B);
    const NAME = 'Ottoline Vanderbyl-Price';
    const PHONE = '07700 900123';
    const NEW_PHONE = '07700 900456';
    const record = await createCase(
      a.database,
      newCaseParts({ customer: customer({ name: NAME, phone: PHONE }), summary: `${NAME} was charged twice` }),
      { settings: settings('LDS'), by: 'Sam' },
    );
    // (No letter here: pouchdb-browser's HTTP adapter hands attachments to Node's memory adapter as Blobs, which it
    // cannot store. A letter's PDF through the server is in the Chromium e2e, test/e2e/team-sharing.spec.ts.)
    await until(async () => !!(await b.database.cases.get(record.id)), 20_000, 'the case at desk B');
    // A second revision of the case with personal data, written at the other desk.
    await b.database.cases.update(record.id, { customer: { ...record.customer, phone: NEW_PHONE } });
    await until(
      async () => (await a.database.cases.get(record.id))?.customer.phone === NEW_PHONE,
      20_000,
      'the edit at A',
    );

    // Closed (as the desk would close it) before the erasure.
    await closeAndErase(a.database, record.id);
    await until(
      async () =>
        !!(await b.database.cases.get(record.id))?.anonymisedOn &&
        (await a.database.outbox.count()) === 0 &&
        stateOf(a.team).state.kind === 'synced',
      20_000,
      'the erasure to reach desk B',
    );
    expect(stateOf(a.team).refusals).toEqual([]);

    // The team's administrator compacts the server (docs/team-server.md: after an erasure).
    const auth = { authorization: `Basic ${Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString('base64')}` };
    const compact = await fetch(`${server.url}/${DB}/_compact`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
    });
    expect(compact.status).toBeLessThan(300);
    // Compaction runs in the background: wait until the server no longer offers any earlier revision of the case.
    await until(
      async () => {
        const url = `${server.url}/${DB}/${encodeURIComponent(`case:${record.id}`)}?revs_info=true`;
        const info = (await (await fetch(url, { headers: auth })).json()) as { _revs_info: Array<{ status: string }> };
        return info._revs_info.filter((r) => r.status === 'available').length === 1;
      },
      20_000,
      'the server to compact',
    );

    const traces = (text: string) => [NAME, 'Vanderbyl', PHONE, NEW_PHONE].filter((p) => text.includes(p));
    // Every revision the server's API returns for every document.
    const all = (await (await fetch(`${server.url}/${DB}/_all_docs`, { headers: auth })).json()) as {
      rows: Array<{ id: string }>;
    };
    for (const { id } of all.rows) {
      const url = `${server.url}/${DB}/${encodeURIComponent(id)}`;
      const info = (await (await fetch(`${url}?revs_info=true&conflicts=true`, { headers: auth })).json()) as {
        _revs_info?: Array<{ rev: string; status: string }>;
      };
      for (const { rev, status } of info._revs_info ?? []) {
        if (status !== 'available') continue;
        const text = await (await fetch(`${url}?rev=${rev}&attachments=true`, { headers: auth })).text();
        expect(traces(text), `${id} ${rev} on the server`).toEqual([]);
      }
      const leaves = await (await fetch(`${url}?open_revs=all&attachments=true`, { headers: auth })).text();
      expect(traces(leaves), `${id} leaves on the server`).toEqual([]);
    }
    // Each desk: every Dexie table, and every revision its PouchDB still holds.
    for (const d of [a, b]) {
      for (const table of d.database.tables) {
        const rows = JSON.stringify(await table.toArray(), (_, v) =>
          v instanceof Uint8Array ? new TextDecoder().decode(v) : v,
        );
        expect(traces(rows), `${d.login.name} ${table.name}`).toEqual([]);
      }
      const local = (d.team as unknown as { local: PouchDatabase }).local;
      const docs = await local.allDocs({});
      for (const { id } of docs.rows) {
        const info = await local.get(id, { revs_info: true });
        for (const { rev, status } of (info._revs_info as Array<{ rev: string; status: string }>) ?? []) {
          if (status !== 'available') continue;
          const text = JSON.stringify(await local.get(id, { rev, attachments: true }));
          expect(traces(text), `${d.login.name} PouchDB ${id} ${rev}`).toEqual([]);
        }
      }
    }
  }, 90_000);

  it('work another desk did offline on a case erased meanwhile is erased too, at both desks and on the server', async () => {
    const a = await desk(DESK_A); // the erasure role
    const b = await desk(DESK_B); // not
    const NAME = 'Grace Hopper-Quill';
    const PHONE = '07700 900777';
    const record = await createCase(
      a.database,
      newCaseParts({ customer: customer({ name: NAME }), summary: 'Refund not received' }),
      { settings: settings('LDS'), by: 'Sam' },
    );
    await closeCase(a.database, record.id);
    await until(async () => (await b.database.cases.get(record.id))?.status === 'closed', 20_000, 'the case at B');
    // B works on it offline: a changed phone and a note naming the customer.
    await b.team.stop();
    await b.database.cases.update(record.id, { customer: { ...record.customer, phone: PHONE } });
    const note = await appendEvent(b.database, record.id, {
      type: 'note',
      on: '2026-11-25',
      by: 'Kim',
      summary: `${NAME} called from ${PHONE} about her refund`,
    });
    // Meanwhile A erases the customer, and the erasure reaches the server. (A's own entries may not have reached it yet:
    // they then go up already erased, as in "work logged and erased while the server could not be reached" below.)
    await erase(a.database, record.id);
    await until(
      async () => (await a.database.outbox.count()) === 0 && stateOf(a.team).state.kind === 'synced',
      20_000,
      'the erasure on the server',
    );
    // B is back: its work goes up, and comes back erased.
    await b.team.start();
    const traces = (text: string) => [NAME, 'Hopper', PHONE].filter((p) => text.includes(p));
    const noteOnServer = async () => JSON.stringify(await admin().get(`entry:${note.id}`));
    for (const d of [a, b])
      await until(
        async () =>
          traces(JSON.stringify(await readTimeline(d.database, record.id))).length === 0 &&
          traces(JSON.stringify(await d.database.cases.get(record.id))).length === 0 &&
          (await readTimeline(d.database, record.id)).some((e) => e.id === note.id),
        30_000,
        `${d.login.name} to hold the case erased, B's note among its entries`,
      );
    await until(async () => traces(await noteOnServer()).length === 0, 30_000, "the server's note erased");
    expect(JSON.parse(await noteOnServer())).toMatchObject({ writer: DESK_B.name, erasedBy: DESK_A.name });
    await until(
      async () => (await a.database.outbox.count()) === 0 && (await b.database.outbox.count()) === 0,
      20_000,
      'both outboxes empty',
    );
    // Nothing refused: B, which may not erase, sent no anonymising revision of its own.
    expect(stateOf(a.team).refusals).toEqual([]);
    expect(stateOf(b.team).refusals).toEqual([]);
    // The erasing desk's audit says what it erased again, and why.
    const audit = await a.database.audit.where('kind').equals('anonymisation-reapplied').toArray();
    expect(audit.map((x) => x.detail?.references)).toEqual([[record.reference]]);
  }, 90_000);

  it('work logged and erased while the server could not be reached goes up erased, and the team takes it', async () => {
    const a = await desk(DESK_A); // the erasure role
    const b = await desk(DESK_B);
    const NAME = 'Ada Quill-Lovelace';
    // The network goes while sharing runs: the bridge still writes each change into the desk's own PouchDB, where the
    // replication cannot send it. So the entries' first revisions are there, and the server never sees them.
    a.network.down = true;
    const record = await createCase(
      a.database,
      newCaseParts({ customer: customer({ name: NAME }), summary: `${NAME} was charged twice` }),
      { settings: settings('LDS'), by: 'Sam' },
    );
    await closeCase(a.database, record.id);
    await until(async () => (await a.database.outbox.count()) === 0, 20_000, 'the first revisions in A’s PouchDB');
    const local = (a.team as unknown as { local: PouchDatabase }).local;
    const entryIds = (await readTimeline(a.database, record.id)).map((e) => `entry:${e.id}`);
    const held = await local.allDocs({ keys: entryIds });
    expect(held.rows.map((r) => r.value?.rev.slice(0, 2))).toEqual(entryIds.map(() => '1-'));
    // Erased before the connection is back: the entry that named the customer gets its anonymising revision on top.
    await erase(a.database, record.id);
    await until(async () => (await a.database.outbox.count()) === 0, 20_000, 'the erasure in A’s PouchDB');
    const erased = await local.allDocs({ keys: entryIds, include_docs: true });
    expect(erased.rows.filter((r) => r.doc?.erasedBy === DESK_A.name).map((r) => r.value?.rev.slice(0, 2))).toEqual([
      '2-',
    ]);
    // Back online (the desk reopened): the replication sends the latest revisions.
    a.network.down = false;
    await a.team.stop();
    await a.team.start();
    await until(
      async () => stateOf(a.team).refusals.length > 0 || stateOf(a.team).state.kind === 'synced',
      30_000,
      'A to send its work',
    );
    expect(stateOf(a.team).refusals).toEqual([]);
    // The team holds every entry, erased; the other desk takes them in.
    const onServer = await admin().allDocs({ keys: entryIds, include_docs: true });
    expect(onServer.rows.map((r) => r.doc?.writer)).toEqual(entryIds.map(() => DESK_A.name));
    expect(JSON.stringify(onServer.rows)).not.toContain('Quill');
    await until(
      async () => (await readTimeline(b.database, record.id)).length === entryIds.length,
      20_000,
      'the entries at B',
    );
    expect(JSON.stringify(await readTimeline(b.database, record.id))).not.toContain('Quill');
    expect(stateOf(b.team).refusals).toEqual([]);
  }, 90_000);

  it('a desk that left with a change waiting and joins again sends it on top of the team’s copy, with no clash', async () => {
    const a = await desk(DESK_A);
    const b = await desk(DESK_B);
    const record = await createCase(b.database, newCaseParts({ summary: 'Left and back' }), {
      settings: settings('BRD'),
      by: 'Kim',
    });
    await until(async () => (await a.database.cases.get(record.id)) !== undefined);
    await until(async () => stateOf(a.team).state.kind === 'synced', 20_000, 'desk A to be synced');
    // The push held: A's change waits in its outbox when it leaves.
    await a.team.stop();
    await a.database.cases.update(record.id, { customer: { ...record.customer, phone: '07700 900789' } });
    await a.team.leave();
    await a.team.join({ serverUrl: server.url, database: DB, user: DESK_A.name });
    await until(
      async () => ((await admin().get(`case:${record.id}`)).body as typeof record).customer.phone === '07700 900789',
      20_000,
      "A's phone on the server",
    );
    await until(
      async () => (await b.database.cases.get(record.id))?.customer.phone === '07700 900789',
      20_000,
      "A's phone at B",
    );
    const onServer = await admin().get(`case:${record.id}`, { conflicts: true });
    expect(onServer._conflicts).toBeUndefined();
    expect(onServer.clashes).toBeUndefined();
    expect(onServer.writer).toBe(DESK_A.name);
    for (const d of [a, b]) expect(await d.database.conflicts.get(record.id)).toBeUndefined();
    expect(stateOf(a.team).refusals).toEqual([]);
  }, 60_000);

  it('a team server emptied and set up again gets back what a desk had sent, as the guide says (explore36-team #2)', async () => {
    const REFILL = `${DB}-refill`;
    const team = { db: REFILL, admin: ADMIN, teamRole: 'team-refill', desks: [DESK_A, DESK_B] };
    await setUpTeam(server, team);
    const onServer = () =>
      new PouchDB(`${server.url}/${REFILL}`, {
        skip_setup: true,
        auth: { username: ADMIN.name, password: ADMIN.password },
      }) as unknown as PouchDatabase;
    const held = (id: string) =>
      onServer()
        .get(id)
        .then(
          () => true,
          () => false,
        );
    n += 1;
    const database = new RedressDatabase(`team-sync-refill-${process.pid}-${n}`);
    const a = new TeamSync(database, factory(DESK_A), () => 'desk-a person');
    open.push({ team: a, database });
    await a.join({ serverUrl: server.url, database: REFILL, user: DESK_A.name });
    await until(async () => a.snapshot().state.kind === 'synced', 30_000, 'desk A to join');
    const record = await createCase(database, newCaseParts({ summary: 'Sent before the server was lost' }), {
      settings: settings('RFL'),
      by: 'Sam',
    });
    await until(() => held(`case:${record.id}`), 20_000, 'the case on the server');
    // Another desk's work arrives after it: A's next start may skip past it (push-start.ts), the case being sent.
    const branch = new RedressDatabase(`team-sync-refill-b-${process.pid}-${n}`);
    const b = new TeamSync(branch, factory(DESK_B), () => 'desk-b person');
    open.push({ team: b, database: branch });
    await b.join({ serverUrl: server.url, database: REFILL, user: DESK_B.name });
    const other = await createCase(branch, newCaseParts({ summary: 'Logged at the branch' }), {
      settings: settings('RFB'),
      by: 'Kim',
    });
    await until(async () => (await database.cases.get(other.id)) !== undefined, 20_000, "B's case at A");
    await until(async () => a.snapshot().state.kind === 'synced', 20_000, 'desk A to be synced');
    await b.stop();
    await a.stop();

    // The server loses the team's database: made again, empty, and set up as before.
    await onServer().destroy();
    await setUpTeam(server, team);
    expect(await held(`case:${record.id}`)).toBe(false);

    await a.start();
    await until(() => held(`case:${record.id}`), 30_000, 'the case sent again to the emptied server');
    const counters = await onServer().allDocs({ startkey: 'counter:', endkey: 'counter:\ufff0' });
    expect(counters.rows.map((r) => r.id)).toEqual([expect.stringMatching(/^counter:RFL-\d{4}$/)]);
    expect(stateOf(a).refusals).toEqual([]);
  }, 120_000);
});
