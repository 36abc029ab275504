// TeamSync's status during a first download, with PouchDB's own replication between memory databases (the server's
// rules are tested through pouchdb-server in test/integration/team-sync.test.ts): "Synced" means nothing is pending.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { counterKey, formatReference } from '#shared/model/reference';
import { toSyncDoc } from '#shared/sync/documents';
import { iterateCases } from '#test/fixtures/generate-cases';
import { newCaseParts } from '#test/support/cases';
import { deskSettings } from '#test/support/desk';
import { memoryPouch, PouchDB } from '#test/support/pouch';
import { appendEvent, createCase } from '#db/repositories/cases';
import { RedressDatabase } from '#db/schema';
import type { PouchDatabase } from './pouch';
import {
  MEMBERSHIP_KEY,
  onceEach,
  pushFilter,
  retryingAfter,
  statusLine,
  TeamSync,
  type PouchFactory,
  type SharingState,
  type TeamMembership,
} from './team';
import { until } from '#test/support/until';
import { countEntries } from '#db/timeline';

const CASES = 60;
let n = 0;
const open: Array<{ team: TeamSync; database: RedressDatabase }> = [];

afterEach(async () => {
  for (const d of open.splice(0)) {
    await d.team.stop();
    d.database.close();
  }
});

/** A team database holding CASES generated cases and their timelines, as other desks wrote them. */
async function seededServer(): Promise<{ server: PouchDatabase; cases: number; entries: number }> {
  const server = memoryPouch('team-server');
  const entries = await logOnServer(server, CASES, { today: '2026-11-27', prefix: 'SEED', writer: 'seed-desk' });
  return { server, cases: CASES, entries };
}

/** `count` generated cases and their timelines written to the server as another desk (`writer`) wrote them. */
async function logOnServer(
  server: PouchDatabase,
  count: number,
  { today, prefix, writer }: { today: string; prefix: string; writer: string },
): Promise<number> {
  const docs = [];
  let entries = 0;
  for (const { record, events } of iterateCases(count, { today, prefix })) {
    docs.push({ ...toSyncDoc('case', record.id, record, writer), editedAt: record.updatedAt });
    for (const event of events) docs.push(toSyncDoc('entry', event.id, event, writer));
    entries += events.length;
  }
  await server.bulkDocs(docs as never);
  return entries;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Calls of the server that fail as an unreachable one does, while `down()` says so. */
function cutOff(server: PouchDatabase, methods: string[], down: () => boolean): void {
  const remote = server as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const method of methods) {
    const real = remote[method].bind(server);
    remote[method] = async (...args: unknown[]) => {
      if (down()) throw Object.assign(new Error('connect ECONNREFUSED'), { status: 0 });
      return real(...args);
    };
  }
}

/** A new desk joining the team of `server`; every state its status goes through, with the cases it held then. */
function newDesk(
  server: PouchDatabase,
  { batchSize, afterOwnWrite }: { batchSize?: number; afterOwnWrite?: (ids: string[]) => Promise<void> } = {},
) {
  n += 1;
  const database = new RedressDatabase(`team-status-${process.pid}-${n}`);
  const desk = n;
  const locals: Array<[string, string]> = [];
  const factory: PouchFactory = {
    local: (name, adapter) => {
      locals.push([name, adapter]);
      const local = new PouchDB(`${name}-${process.pid}-${desk}`, { adapter: 'memory' });
      if (afterOwnWrite) {
        // The bridge's writes of this desk's changes (the replication's own go through bulkDocs with new_edits false):
        // what the bridge does next (its first read of the copy's sequence, after the write) waits for afterOwnWrite.
        let written: string[] = [];
        const bulkDocs = local.bulkDocs.bind(local) as (...args: unknown[]) => Promise<unknown>;
        const info = local.info.bind(local);
        (local as unknown as { bulkDocs: unknown }).bulkDocs = async (
          docs: Array<{ _id: string }>,
          ...rest: unknown[]
        ) => {
          const options = rest[0] as { new_edits?: boolean } | undefined;
          const result = await bulkDocs(docs, ...rest);
          if (options?.new_edits !== false && Array.isArray(docs)) written = docs.map((d) => d._id);
          return result;
        };
        local.info = async () => {
          const ids = written;
          written = [];
          if (ids.length) await afterOwnWrite(ids);
          return info();
        };
      }
      return local;
    },
    remote: () => server,
    sync: (a, b, options) => PouchDB.sync(a, b, batchSize ? { ...options, batch_size: batchSize } : options),
  };
  const team = new TeamSync(database, factory);
  open.push({ team, database });
  const seen: Array<{ state: SharingState; cases: Promise<number> }> = [];
  team.subscribe(() => seen.push({ state: team.snapshot().state, cases: database.cases.count() }));
  return { database, team, seen, locals, factory };
}

/** The status worked out again now, as after the replication's error (TeamSync's own `refreshState`). */
const askAgain = (team: TeamSync) =>
  (team as unknown as { refreshState: (event: string) => Promise<void> }).refreshState('error');

/**
 * Until the desk says "Cannot reach the server" with `cases` cases and nothing else waiting (`askAgain`: its status
 * worked out again each time, where no replication event would); returns that state.
 */
async function saysWaiting(desk: ReturnType<typeof newDesk>, cases: number, { askAgain: ask = false } = {}) {
  await until(
    async () => {
      if (ask) await askAgain(desk.team);
      const { state } = desk.team.snapshot();
      return state.kind === 'unreachable' && state.waiting.cases === cases;
    },
    20_000,
    `the desk to say ${cases} cases wait`,
  );
  const { state } = desk.team.snapshot();
  expect(state.kind === 'unreachable' && state.waiting).toEqual({ cases, other: 0 });
  return state;
}

/**
 * A desk that joined before (as after a restart): its membership kept, as `desk-b`, its local PouchDB in `localStore`
 * (null: none named, as a Redress from before the indexeddb adapter joined).
 */
async function memberDesk(server: PouchDatabase, localStore: TeamMembership['localStore'] | null = 'indexeddb') {
  const desk = newDesk(server);
  const membership: TeamMembership = {
    serverUrl: 'http://127.0.0.1:1',
    database: 'complaints',
    user: 'desk-b',
    joinedAt: '2026-11-30T09:00:00.000Z',
    ...(localStore ? { localStore } : {}),
  };
  await desk.database.meta.put({ key: MEMBERSHIP_KEY, value: membership });
  return desk;
}

describe('TeamSync says "Synced" only when nothing is pending', () => {
  it('a new desk whose download starts late (the push idle first) shows the download, not "Synced" with nothing', async () => {
    const { server, cases, entries } = await seededServer();
    // The server is slow to answer the pull's first request (its information): the push, with nothing to send, is
    // idle long before the pull's first batch arrives. PouchDB's two-way sync says "paused" then.
    const info = server.info.bind(server);
    server.info = async () => {
      await sleep(400);
      return info();
    };
    const desk = newDesk(server);
    await desk.team.join({ serverUrl: 'http://127.0.0.1:1', database: 'complaints', user: 'desk-b' });
    await until(() => desk.team.snapshot().state.kind === 'synced', 30_000, 'the desk to say synced');

    expect(await desk.database.cases.count()).toBe(cases);
    expect(await countEntries(desk.database)).toBe(entries);
    const kinds = desk.seen.map((s) => s.state.kind);
    expect(kinds).toContain('downloading');
    // Every "Synced" the desk ever said came with every case here.
    for (const s of desk.seen.filter((s) => s.state.kind === 'synced')) expect(await s.cases).toBe(cases);
  }, 60_000);

  it('the server lost in the middle of the download reads "Cannot reach the server", then the download ends', async () => {
    const { server, cases } = await seededServer();
    // The server stops answering the pull's document requests after the first batch, for a while.
    let calls = 0;
    let down = false;
    cutOff(server, ['bulkGet'], () => {
      calls += 1;
      if (calls === 2) down = true;
      return down;
    });
    // Small replication batches: the download takes several.
    const desk = newDesk(server, { batchSize: 40 });
    await desk.team.join({ serverUrl: 'http://127.0.0.1:1', database: 'complaints', user: 'desk-b' });
    // Said at least once (PouchDB retries at once, so the state may already have moved on when it is looked at).
    await until(() => desk.seen.some((s) => s.state.kind === 'unreachable'), 20_000, 'the desk to say unreachable');
    const held = await desk.database.cases.count();
    expect(held).toBeLessThan(cases);
    await sleep(300);
    expect(desk.team.snapshot().state.kind).not.toBe('synced');
    down = false;
    await until(() => desk.team.snapshot().state.kind === 'synced', 30_000, 'the desk to say synced');
    expect(await desk.database.cases.count()).toBe(cases);
    for (const s of desk.seen.filter((s) => s.state.kind === 'synced')) expect(await s.cases).toBe(cases);
  }, 60_000);
  it('a change that sends nothing new (the team holds it already) ends "Synced" again, not "Syncing…" for ever', async () => {
    const { server } = await seededServer();
    const desk = newDesk(server);
    await desk.team.join({ serverUrl: 'http://127.0.0.1:1', database: 'complaints', user: 'desk-b' });
    await until(() => desk.team.snapshot().state.kind === 'synced', 30_000, 'the desk to say synced');
    // A write that changed nothing the team holds: its outbox row names a document the local PouchDB holds the same.
    const [first] = await desk.database.cases.limit(1).toArray();
    await desk.database.outbox.put({ ref: `case:${first.id}`, token: 'unchanged', at: new Date().toISOString() });
    const said = desk.seen.length;
    await until(async () => (await desk.database.outbox.count()) === 0, 10_000, 'the push to take the row');
    // Said after the push: before, the push's "active" was the last word, and no replication event followed it.
    await until(() => desk.seen.length > said, 5_000, 'the status said after the push');
    await sleep(500);
    expect(desk.team.snapshot().state.kind).toBe('synced');
  }, 60_000);

  it('a change ends "Synced" once the server has it, whatever order the push and the replication say they are done in', async () => {
    const { server } = await seededServer();
    // One count for the order of things: when each document reached the server, and when the desk said "Synced".
    let tick = 0;
    const reached = new Map<string, number>();
    const serverBulkDocs = server.bulkDocs.bind(server) as (...args: unknown[]) => Promise<unknown>;
    type Docs = Array<{ _id: string }>;
    (server as unknown as { bulkDocs: unknown }).bulkDocs = async (docs: Docs | { docs: Docs }, ...rest: unknown[]) => {
      const result = await serverBulkDocs(docs, ...rest);
      // The replication writes { docs, new_edits: false }.
      for (const d of Array.isArray(docs) ? docs : docs.docs) reached.set(d._id, ++tick);
      return result;
    };
    // Slow: the bridge is slow to finish its push (its outbox rows are deleted after the write), so the replication
    // sends the documents and says it is idle before the push returns.
    let slow = false;
    const desk = newDesk(server, {
      afterOwnWrite: async (ids) => {
        if (!slow) return;
        await until(() => reached.has(ids[0]), 10_000, 'the write sent');
        await sleep(200);
      },
    });
    const saidSynced: number[] = [];
    desk.team.subscribe(() => {
      if (desk.team.snapshot().state.kind === 'synced') saidSynced.push(++tick);
    });
    await desk.team.join({ serverUrl: 'http://127.0.0.1:1', database: 'complaints', user: 'desk-b' });
    await until(() => desk.team.snapshot().state.kind === 'synced', 30_000, 'the desk to say synced');
    const cases = await desk.database.cases.limit(6).toArray();
    for (const [i, c] of cases.entries()) {
      slow = i >= 3;
      const made = ++tick;
      const summary = `Called the customer (${i})`;
      await appendEvent(desk.database, c.id, { type: 'note', on: '2026-12-05', by: 'Sam Patel', summary });
      await until(() => reached.has(`case:${c.id}`), 10_000, 'the change to reach the server');
      // The status says "Synced" again, and stays so with nothing more to come; never before the server had it.
      await until(() => desk.team.snapshot().state.kind === 'synced', 5_000, `"Synced" after change ${i}`);
      await sleep(300);
      expect(desk.team.snapshot().state.kind).toBe('synced');
      const firstSynced = saidSynced.find((t) => t > made);
      expect(firstSynced).toBeGreaterThan(reached.get(`case:${c.id}`)!);
      reached.clear();
    }
  }, 60_000);
});

describe('what the status says is waiting to be sent', () => {
  it('counts the cases changed here, not the documents their changes wrote', async () => {
    const { server } = await seededServer();
    let down = false;
    cutOff(server, ['bulkDocs', 'revsDiff', 'bulkGet'], () => down);
    const desk = newDesk(server);
    await desk.team.join({ serverUrl: 'http://127.0.0.1:1', database: 'complaints', user: 'desk-b' });
    await until(() => desk.team.snapshot().state.kind === 'synced', 30_000, 'the desk to say synced');
    down = true;
    // Two notes on one case and one on another: three entries and two cases' rows written, for two cases changed.
    const [first, second] = await desk.database.cases.limit(2).toArray();
    for (const [id, summary] of [
      [first.id, 'Called the customer'],
      [first.id, 'Called again'],
      [second.id, 'Wrote to the customer'],
    ])
      await appendEvent(desk.database, id, { type: 'note', on: '2026-12-05', by: 'Sam Patel', summary });
    const state = await saysWaiting(desk, 2);
    expect(statusLine(state, new Date())).toMatch(/^Cannot reach the server: changes to 2 cases waiting$/);
    // Back: sent, and nothing waits.
    down = false;
    await until(() => desk.team.snapshot().state.kind === 'synced', 30_000, 'the desk to say synced again');
    const sent = await server.allDocs({ keys: [`case:${first.id}`, `case:${second.id}`], include_docs: true });
    expect(sent.rows.map((r) => r.doc?.writer)).toEqual(['desk-b', 'desk-b']);
  }, 60_000);

  it("another desk's documents, cut off half-way through coming, are not said to be waiting here", async () => {
    const { server } = await seededServer();
    const desk = newDesk(server, { batchSize: 40 });
    await desk.team.join({ serverUrl: 'http://127.0.0.1:1', database: 'complaints', user: 'desk-b' });
    await until(() => desk.team.snapshot().state.kind === 'synced', 30_000, 'the desk to say synced');
    // Another desk logs 30 cases; the server stops answering after the first batch of them has come.
    let calls = 0;
    cutOff(server, ['bulkGet'], () => ++calls >= 2);
    await logOnServer(server, 30, { today: '2026-12-04', prefix: 'MORE', writer: 'desk-c' });
    await until(
      () => desk.seen.some((s) => s.state.kind === 'unreachable'),
      20_000,
      'the desk to say it cannot reach the server',
    );
    await until(
      async () => (await desk.database.cases.count()) > CASES,
      20_000,
      "the first of the other desk's cases to arrive",
    );
    // Asked again now that some have come (the replication's retries say it too).
    await askAgain(desk.team);
    const unreachable = desk.seen.filter((s) => s.state.kind === 'unreachable').map((s) => s.state);
    expect(unreachable.length).toBeGreaterThan(0);
    for (const state of unreachable)
      expect(state.kind === 'unreachable' && state.waiting).toEqual({ cases: 0, other: 0 });
  }, 60_000);
});

describe('what the status says is waiting, once sent', () => {
  it('a change the push has sent is not said to be waiting while the pull cannot reach the server', async () => {
    const { server } = await seededServer();
    const desk = newDesk(server);
    await desk.team.join({ serverUrl: 'http://127.0.0.1:1', database: 'complaints', user: 'desk-b' });
    await until(() => desk.team.snapshot().state.kind === 'synced', 30_000, 'the desk to say synced');
    // The pull fails from now on (another desk's cases cannot be fetched); the push still sends.
    cutOff(server, ['bulkGet'], () => true);
    await logOnServer(server, 5, { today: '2026-12-05', prefix: 'MORE', writer: 'desk-c' });
    await until(() => desk.seen.some((s) => s.state.kind === 'unreachable'), 20_000, 'the desk to say unreachable');
    const [first] = await desk.database.cases.limit(1).toArray();
    await appendEvent(desk.database, first.id, { type: 'note', on: '2026-12-05', by: 'Sam Patel', summary: 'Called' });
    const [entry] = (await desk.database.outbox.toArray()).filter((r) => r.ref.startsWith('entry:'));
    await until(
      async () => (await server.allDocs({ keys: [entry.ref] })).rows[0]?.value?.rev !== undefined,
      20_000,
      'the note on the server',
    );
    // Sent, with no "Synced" since (the pull still fails): before, it was counted from the last "Synced" on and the
    // status said "changes to 1 case waiting" until the pull came back.
    const state = await saysWaiting(desk, 0, { askAgain: true });
    expect(statusLine(state, new Date())).toBe('Cannot reach the server: nothing waiting to be sent');
  }, 60_000);
});

describe('"Sync now" while the server cannot be reached', () => {
  it('tries the server again at once, not at the end of the back-off, and sends what waits', async () => {
    const { server } = await seededServer();
    let down = false;
    cutOff(server, ['bulkDocs', 'revsDiff', 'bulkGet'], () => down);
    const desk = newDesk(server);
    let replications = 0;
    const sync = desk.factory.sync.bind(desk.factory);
    desk.factory.sync = (a, b, options) => {
      if ((options as { live?: boolean } | undefined)?.live) replications += 1;
      return sync(a, b, options);
    };
    await desk.team.join({ serverUrl: 'http://127.0.0.1:1', database: 'complaints', user: 'desk-b' });
    await until(() => desk.team.snapshot().state.kind === 'synced', 30_000, 'the desk to say synced');
    down = true;
    const [first] = await desk.database.cases.limit(1).toArray();
    await appendEvent(desk.database, first.id, { type: 'note', on: '2026-12-05', by: 'Sam Patel', summary: 'Called' });
    await saysWaiting(desk, 1);
    down = false;
    const before = replications;
    await desk.team.syncNow();
    // Started again there and then (PouchDB's own retry waits up to a minute); the note reaches the server.
    await until(() => replications > before, 5_000, 'the replication to start again');
    await until(() => desk.team.snapshot().state.kind === 'synced', 30_000, 'the desk to say synced again');
    // A "Sync now" with the server there starts nothing new: its rounds are enough.
    const after = replications;
    await desk.team.syncNow();
    await sleep(200);
    expect(replications).toBe(after);
  }, 60_000);
});

describe("the download's progress", () => {
  it('counts each document once: never more than the team holds, and climbing to it', async () => {
    const { server, cases, entries } = await seededServer();
    // Small replication batches: the download takes some fifteen. PouchDB's events carry running totals.
    const desk = newDesk(server, { batchSize: 40 });
    await desk.team.join({ serverUrl: 'http://127.0.0.1:1', database: 'complaints', user: 'desk-b' });
    await until(() => desk.team.snapshot().state.kind === 'synced', 30_000, 'the desk to say synced');
    const progress = desk.seen.flatMap(({ state }) => (state.kind === 'downloading' ? [state] : []));
    expect(progress.length).toBeGreaterThan(2);
    const total = cases + entries;
    for (const state of progress) {
      expect(state.total).toBe(total);
      expect(state.done).toBeLessThanOrEqual(total);
    }
    const done = progress.map((state) => state.done);
    expect(done).toEqual([...done].sort((a, b) => a - b)); // it only climbs
    expect(Math.max(...done)).toBeGreaterThanOrEqual(total - 40); // to the last batch
  }, 60_000);
});

describe("the desk's local PouchDB", () => {
  it('a new desk keeps it in the indexeddb adapter; leaving destroys that one', async () => {
    const { server, cases } = await seededServer();
    const desk = newDesk(server);
    await desk.team.join({ serverUrl: 'http://127.0.0.1:1', database: 'complaints', user: 'desk-b' });
    await until(() => desk.team.snapshot().state.kind === 'synced', 30_000, 'the desk to say synced');
    expect(await desk.database.cases.count()).toBe(cases);
    const store: [string, 'indexeddb'] = [`${desk.database.name}-team-complaints-indexeddb`, 'indexeddb'];
    expect(desk.locals).toEqual([store]);
    const membership = (await desk.database.meta.get(MEMBERSHIP_KEY))?.value as TeamMembership | undefined;
    expect(membership?.localStore).toBe('indexeddb');

    await desk.team.leave();
    expect(desk.locals).toEqual([store, store]);
    expect((await (await desk.factory.local(...store)).info()).doc_count).toBe(0);
  }, 60_000);

  it('a desk that joined before the indexeddb adapter keeps its idb database, its checkpoint and its copy', async () => {
    const { server, cases, entries } = await seededServer();
    // Joined by an earlier Redress: a membership without localStore, and a local PouchDB (idb) already filled.
    const desk = await memberDesk(server, null);
    const store: [string, 'idb'] = [`${desk.database.name}-team-complaints`, 'idb'];
    const old = await desk.factory.local(...store);
    await PouchDB.replicate(server, old);
    const seq = (await old.info()).update_seq;
    desk.locals.length = 0;

    await desk.team.start();
    await until(() => desk.team.snapshot().state.kind === 'synced', 30_000, 'the desk to say synced');
    expect(desk.locals).toEqual([store]);
    // Its copy was used as it was (its replication checkpoint too: nothing fetched again), and taken into Dexie.
    expect((await old.info()).update_seq).toBe(seq);
    expect(await desk.database.cases.count()).toBe(cases);
    expect(await countEntries(desk.database)).toBe(entries);
  }, 60_000);
});

describe('leaving the team', () => {
  it('counts what was not sent though sharing never started (its local copy would not open; explore40-team #5)', async () => {
    const desk = await memberDesk(memoryPouch('team-server'));
    desk.factory.local = () =>
      Promise.reject(
        Object.assign(new Error('The requested version is less than the existing version'), { name: 'VersionError' }),
      );
    const { started } = await desk.team.begin();
    await started.catch(() => undefined);
    expect(desk.database.sharing).toBe(true);
    const clock = { now: () => new Date('2026-12-07T10:00:00Z') };
    await createCase(desk.database, newCaseParts(), {
      settings: deskSettings({ deskPrefix: 'DSB' }),
      by: 'Sam',
      clock,
    });
    // The status's count was taken when sharing failed, before the case was logged (the tester's desk said nothing
    // waits, or had no count at all while "Connecting to the team…")…
    const { state } = desk.team.snapshot();
    expect('waiting' in state ? state.waiting.cases : 0).toBe(0);
    // …but the question before leaving is told of the case.
    expect(await desk.team.changesNotSent()).toEqual({ cases: 1, other: 0 });
  }, 30_000);
});

describe('starting without waiting for the server', () => {
  /** The server's answer to the counters' read held until `release` (a slow server or link). */
  function holdCounters(server: PouchDatabase) {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = false;
    const allDocs = server.allDocs.bind(server);
    server.allDocs = async (options) => {
      if (String(options.startkey).startsWith('counter:')) {
        asked = true;
        await held;
      }
      return allDocs(options);
    };
    return { release, asked: () => asked };
  }

  it("the desk may write at once; a new reference waits for the team's counters, and continues them", async () => {
    const server = memoryPouch('team-server');
    const year = 2026;
    const clock = { now: () => new Date('2026-12-04T10:00:00Z') };
    const key = counterKey('DSB', year);
    await server.bulkDocs([toSyncDoc('counter', key, { key, last: 41 }, 'desk-b')] as never);
    const counters = holdCounters(server);
    const desk = await memberDesk(server);

    const { started } = await desk.team.begin();
    // Ready to write: the outbox is on, while the server has not answered.
    expect(desk.database.sharing).toBe(true);
    let done = false;
    void started.then(() => (done = true));
    await until(counters.asked, 10_000, 'the counters to be asked for');
    expect(done).toBe(false);

    let logged: string | null = null;
    const creating = createCase(desk.database, newCaseParts(), {
      settings: deskSettings({ deskPrefix: 'DSB' }),
      by: 'Sam',
      clock,
    }).then((record) => (logged = record.reference));
    await sleep(200);
    expect(logged).toBeNull(); // waiting for the counters, not handing out 000001
    counters.release();
    await creating;
    expect(logged).toBe(formatReference('DSB', year, 42));
    await started;
    expect(done).toBe(true);
  }, 60_000);

  it('a lone desk starts nothing and its references never wait', async () => {
    const desk = newDesk(memoryPouch('team-server'));
    const { started } = await desk.team.begin();
    await started;
    expect(desk.database.sharing).toBe(false);
    expect(desk.team.snapshot().state.kind).toBe('off');
    const clock = { now: () => new Date('2026-12-04T10:00:00Z') };
    const record = await createCase(desk.database, newCaseParts(), { settings: deskSettings(), by: 'Sam', clock });
    expect(record.reference).toBe(formatReference('RDR', 2026, 1));
  });
});

describe("PouchDB's back-off function", () => {
  it("hands the push's options, and only the push's, to be given a new start before each retry", () => {
    const handed: unknown[] = [];
    const backOff = retryingAfter((options) => handed.push(options));
    const push = { redressPush: true, since: 12, back_off_function: backOff };
    const pull = { checkpoint: 'target', back_off_function: backOff };
    // As PouchDB calls it: a method of the failed side's own options, with the last delay.
    expect(push.back_off_function(0)).toBe(1000);
    expect(pull.back_off_function(1000)).toBe(2000);
    expect(push.back_off_function(40_000)).toBe(60_000);
    expect(handed).toEqual([push, push]);
    // Called on nothing (not as a method): a back-off all the same.
    expect(backOff.call(undefined, 2000)).toBe(4000);
    expect(handed).toHaveLength(2);
  });
});

describe('the push offers the server only what this desk wrote', () => {
  /** Every document id the server is asked about (`_revs_diff`: the push's question before it sends). */
  function askedAbout(server: PouchDatabase): string[] {
    const asked: string[] = [];
    const remote = server as unknown as { revsDiff: (diffs: Record<string, string[]>) => Promise<unknown> };
    const revsDiff = remote.revsDiff.bind(server);
    remote.revsDiff = (diffs) => {
      asked.push(...Object.keys(diffs));
      return revsDiff(diffs);
    };
    return asked;
  }

  it("a new desk downloads the team's cases without offering them back; its own case reaches the server", async () => {
    const { server, cases, entries } = await seededServer();
    const asked = askedAbout(server);
    const desk = newDesk(server);
    await desk.team.join({ serverUrl: 'http://127.0.0.1:1', database: 'complaints', user: 'desk-b' });
    await until(() => desk.team.snapshot().state.kind === 'synced', 30_000, 'the desk to say synced');
    expect(await desk.database.cases.count()).toBe(cases);
    expect(await countEntries(desk.database)).toBe(entries);
    // Before: every one of the cases + entries downloaded was offered back (and read back from the local PouchDB).
    expect(asked.filter((id) => id.startsWith('case:') || id.startsWith('entry:'))).toEqual([]);

    const record = await createCase(desk.database, newCaseParts(), {
      settings: deskSettings({ deskPrefix: 'DSB' }),
      by: 'Sam',
    });
    await until(
      async () => (await server.allDocs({ keys: [`case:${record.id}`] })).rows[0]?.value?.rev !== undefined,
      30_000,
      "the desk's own case on the server",
    );
    expect(asked).toContain(`case:${record.id}`);
    const onServer = await server.get(`case:${record.id}`);
    expect(onServer.writer).toBe('desk-b');
  }, 60_000);

  it('passes what this desk wrote, erased or deleted, and nothing another desk wrote', () => {
    const filter = pushFilter('desk-b');
    expect(filter({ _id: 'case:1', writer: 'desk-b', body: {} })).toBe(true);
    expect(filter({ _id: 'entry:1', writer: 'desk-a', erasedBy: 'desk-b', body: {} })).toBe(true);
    expect(filter({ _id: 'case:2', _rev: '2-x', _deleted: true })).toBe(true);
    expect(filter({ _id: 'case:3', writer: 'desk-a', body: {} })).toBe(false);
    expect(filter({ _id: 'entry:2', writer: 'desk-a', erasedBy: 'desk-c', body: {} })).toBe(false);
    expect(filter({ _id: '_design/redress', validate_doc_update: 'function () {}' })).toBe(false);
    // The push's checkpoint is named after this, not after the (minified) code: a new build keeps it.
    expect(String(filter)).toBe(String(pushFilter('desk-b')));
    expect(String(filter)).not.toContain('=>');
  });
});

describe('a desk reopened after a download starts its push past it', () => {
  /** Each push the desk starts: where it started (`since`), and how many documents its filter was asked about. */
  function watchPushes(factory: PouchFactory): Array<{ since?: unknown; examined: number }> {
    const pushes: Array<{ since?: unknown; examined: number }> = [];
    const sync = factory.sync.bind(factory);
    factory.sync = (local, remote, options) => {
      const push = options.push as { filter?: (doc: Record<string, unknown>) => boolean; since?: unknown } | undefined;
      if (!push?.filter) return sync(local, remote, options);
      const seen = { since: push.since, examined: 0 };
      pushes.push(seen);
      const filter = push.filter;
      // Named as the desk's own filter, so the push keeps its checkpoint.
      const counted = Object.assign((doc: Record<string, unknown>) => (seen.examined++, filter(doc)), {
        toString: () => String(filter),
      });
      return sync(local, remote, { ...options, push: { ...push, filter: counted } });
    };
    return pushes;
  }

  /** The desk closed and opened again: a new TeamSync on the same database and local PouchDB. */
  async function reopen(desk: ReturnType<typeof newDesk>): Promise<TeamSync> {
    await desk.team.stop();
    const team = new TeamSync(desk.database, desk.factory);
    open.push({ team, database: desk.database });
    await team.start();
    await until(() => team.snapshot().state.kind === 'synced', 30_000, 'the reopened desk to say synced');
    return team;
  }

  const onServer = async (server: PouchDatabase, id: string) =>
    (await server.allDocs({ keys: [id] })).rows[0]?.value?.rev !== undefined;

  it("does not read the team's documents again to find its own; its next change reaches the server", async () => {
    const { server } = await seededServer();
    const desk = newDesk(server);
    const pushes = watchPushes(desk.factory);
    await desk.team.join({ serverUrl: 'http://127.0.0.1:1', database: 'complaints', user: 'desk-b' });
    await until(() => desk.team.snapshot().state.kind === 'synced', 30_000, 'the desk to say synced');
    const mine = await createCase(desk.database, newCaseParts(), {
      settings: deskSettings({ deskPrefix: 'DSB' }),
      by: 'Sam',
    });
    await until(() => onServer(server, `case:${mine.id}`), 30_000, "the desk's case on the server");
    // Another desk's cases come while the desk is open.
    await logOnServer(server, 30, { today: '2026-12-05', prefix: 'MORE', writer: 'desk-c' });
    await until(async () => (await desk.database.cases.count()) === CASES + 31, 30_000, 'the other desk’s cases');
    await until(() => desk.team.snapshot().state.kind === 'synced', 30_000, 'the desk to say synced');

    const team = await reopen(desk);
    const reopened = pushes.at(-1)!;
    // Before: the push started from its last checkpoint (this desk's case) and read every one of the other desk's
    // 30 cases and their entries through its filter, to send nothing.
    expect(reopened.since).toBeTypeOf('number');
    expect(reopened.examined).toBe(0);

    await appendEvent(desk.database, mine.id, { type: 'note', on: '2026-12-05', by: 'Sam Patel', summary: 'Called' });
    const [entry] = (await desk.database.outbox.toArray()).filter((r) => r.ref.startsWith('entry:'));
    await until(() => onServer(server, entry.ref), 30_000, 'the note on the server');
    expect(team.snapshot().state.kind).not.toBe('update-needed');
  }, 60_000);

  /**
   * A desk that joined the seeded team and downloaded it, its pushes watched, and a switch for the server's answers to
   * the push (`cut`: the push cannot send; the pull still brings).
   */
  async function joinedDesk() {
    const seeded = await seededServer();
    const link = { cut: false };
    cutOff(seeded.server, ['revsDiff'], () => link.cut);
    const desk = newDesk(seeded.server);
    const pushes = watchPushes(desk.factory);
    await desk.team.join({ serverUrl: 'http://127.0.0.1:1', database: 'complaints', user: 'desk-b' });
    await until(() => desk.team.snapshot().state.kind === 'synced', 30_000, 'the desk to say synced');
    return { ...seeded, desk, pushes, link };
  }

  it('a change that had not reached the server when the desk closed is sent at the next start', async () => {
    const { server, desk, pushes, link } = await joinedDesk();
    link.cut = true;
    const [first] = await desk.database.cases.limit(1).toArray();
    await appendEvent(desk.database, first.id, { type: 'note', on: '2026-12-05', by: 'Sam Patel', summary: 'Called' });
    // The note's entry (the case's row is on the server already, in its earlier revision).
    const refs = (await desk.database.outbox.toArray()).map((r) => r.ref).filter((ref) => ref.startsWith('entry:'));
    expect(refs).toHaveLength(1);
    await until(async () => (await desk.database.outbox.count()) === 0, 10_000, 'the note in the local PouchDB');
    // The other desk's cases come after it: past the push's last checkpoint, as a download's would.
    await logOnServer(server, 30, { today: '2026-12-05', prefix: 'MORE', writer: 'desk-c' });
    await until(async () => (await desk.database.cases.count()) === CASES + 30, 30_000, 'the other desk’s cases');
    for (const ref of refs) expect(await onServer(server, ref)).toBe(false);

    link.cut = false;
    const downloaded = pushes[0].examined;
    await reopen(desk);
    for (const ref of refs) expect(await onServer(server, ref)).toBe(true);
    // From just before the note: the download before it is not read again (before, the push started from its own
    // checkpoint, below the download); the note and the other desk's cases after it are.
    const reopened = pushes.at(-1)!;
    expect(reopened.since).toBeTypeOf('number');
    expect(reopened.examined).toBeLessThan(downloaded);
  }, 60_000);

  it("the push's retries, the server lost with a change waiting, do not read the download again", async () => {
    const { server, entries, desk, pushes, link } = await joinedDesk();
    const push = pushes.at(-1)!;
    // The live push's filter was asked about each document of the download as it came.
    const downloaded = push.examined;
    expect(downloaded).toBeGreaterThanOrEqual(CASES + entries);

    link.cut = true;
    const [first] = await desk.database.cases.limit(1).toArray();
    await appendEvent(desk.database, first.id, { type: 'note', on: '2026-12-05', by: 'Sam Patel', summary: 'Called' });
    const [entry] = (await desk.database.outbox.toArray()).filter((r) => r.ref.startsWith('entry:'));
    await saysWaiting(desk, 1);
    await sleep(1_500); // PouchDB retries (after 1 s, then 2 s…) while the server is lost
    link.cut = false;
    await until(() => onServer(server, entry.ref), 30_000, 'the note on the server');
    await until(() => desk.team.snapshot().state.kind === 'synced', 30_000, 'the desk to say synced');
    // One replication throughout (PouchDB's own retries), whose push read only the note's documents again at each
    // retry. Before, each retry started from the push's checkpoint, below the download, and read all of it again.
    expect(pushes.at(-1)).toBe(push);
    expect(push.examined - downloaded).toBeLessThan(20);
  }, 60_000);
});

describe('the refusals and problems Team sharing lists', () => {
  it('lists each once, however often it is said again (explore36-team #8), and keeps the last 50', () => {
    const refused = { docId: 'entry:1', reason: 'Only an anonymising revision names who erased it.' };
    let list = onceEach([], refused);
    list = onceEach(list, { ...refused });
    expect(list).toEqual([refused]);
    list = onceEach(list, { docId: 'entry:2', reason: refused.reason });
    expect(list.map((r) => r.docId)).toEqual(['entry:1', 'entry:2']);
    for (let i = 3; i < 60; i++) list = onceEach(list, { docId: `entry:${i}`, reason: 'x' });
    expect(list).toHaveLength(50);
    expect(list.at(-1)!.docId).toBe('entry:59');
  });
});
