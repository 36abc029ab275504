// A desk that left its team, restored an older backup and joins the same team again (issue #14: "A restore or merge
// on a desk that belongs to a team never replicates deletions or brings back erased data").
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, freshDatabase, seedDesk } from '#test/support/backup';
import { memoryPouch, PouchDB } from '#test/support/pouch';
import { makeBackup, readBackupFile, restoreBackup } from '#db/backup/backup';
import { createCase, deleteCase } from '#db/repositories/cases';
import { newCaseParts } from '#test/support/cases';
import { deskSettings } from '#test/support/desk';
import { eraseCustomer } from '#db/repositories/retention';
import type { RedressDatabase } from '#db/schema';
import type { PouchDatabase } from './pouch';
import { TeamSync, type PouchFactory } from './team';
import { until } from '#test/support/until';

const teams: TeamSync[] = [];
afterEach(async () => {
  for (const t of teams.splice(0)) await t.stop();
  await closeAll();
});

let n = 0;
function desk(database: RedressDatabase, server: PouchDatabase): TeamSync {
  const k = ++n;
  const factory: PouchFactory = {
    local: (name) => new PouchDB(`${name}-${process.pid}-rejoin-${k}`, { adapter: 'memory' }),
    remote: () => server,
    sync: (a, b, options) => PouchDB.sync(a, b, options),
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
    const erasedDocs = [
      `case:${erased.id}`,
      ...(await a.events.where('caseId').equals(erased.id).primaryKeys()).map((k) => `entry:${k}`),
    ];
    for (const id of erasedDocs) {
      const leaves = await everyRevision(server, id);
      expect(leaves).not.toContain(erased.customer.name);
      expect(JSON.parse(leaves)).toHaveLength(1);
    }
    expect((await b.cases.get(erased.id))?.anonymisedOn).toBe('2026-11-25');
    expect(await b.events.where('caseId').equals(erased.id).toArray()).toEqual(
      await a.events.where('caseId').equals(erased.id).toArray(),
    );
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
