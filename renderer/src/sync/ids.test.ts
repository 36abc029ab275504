// Providers and procedure versions in a team (p8b, issue #16 gap G6): they are merged field by field with no clash
// record, so one id must be one provider (one procedure version) across the team. Two desks that each set up their
// first provider and each copy and edit Kijoma, then share, keep their own letterheads and versions; a desk whose ids
// the team already holds with other content (desks set up before ids were made unique) is refused, nothing sent.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskSettings } from '#shared/model/case';
import { FIRST_PROVIDER_ID, settingsForCase, withProviders } from '#shared/model/provider';
import { copyOfProcedure, installDeskProcedures, KIJOMA, type Procedure } from '#shared/rules/index';
import { closeAll, freshDatabase } from '#test/support/backup';
import { newCaseParts } from '#test/support/cases';
import { deskSettings } from '#test/support/desk';
import { memoryPouch, PouchDB } from '#test/support/pouch';
import { en, fr } from '#test/support/translate';
import { until } from '#test/support/until';
import { deskSettings as storedDesk } from '#db/desk';
import { createCase, saveSettings } from '#db/repositories/cases';
import { saveProcedure } from '#db/repositories/procedures';
import { savedCopy } from '#test/support/procedures';
import { saveProvider } from '#db/repositories/providers';
import type { RedressDatabase } from '#db/schema';
import type { PouchDatabase } from './pouch';
import { sharingProblemIn } from './sayings';
import { todayIso } from '#lib/today';
import { claimPrefix, JoinRefusedError, prefixesIssuedBy, prefixUsers, TeamSync, type PouchFactory } from './team';

const teams: TeamSync[] = [];
afterEach(async () => {
  for (const t of teams.splice(0)) await t.stop();
  await closeAll();
  installDeskProcedures([]);
});

let n = 0;
function teamOf(database: RedressDatabase, server: PouchDatabase): TeamSync {
  const k = ++n;
  const factory: PouchFactory = {
    local: (name) => new PouchDB(`${name}-${process.pid}-ids-${k}`, { adapter: 'memory' }),
    remote: () => server,
    sync: (a, b, options) => PouchDB.sync(a, b, options),
  };
  const team = new TeamSync(database, factory);
  teams.push(team);
  return team;
}
/**
 * A desk's TeamSync that only asks the team's server before a join (the Sharing screen's questions), through a handle
 * it closes: a stand-in here, as closing a memory database's handle closes its other handles too.
 */
const askingOnly = (database: RedressDatabase, server: PouchDatabase) =>
  new TeamSync(database, {
    local: (name) => new PouchDB(`${name}-${process.pid}-ids-asking`, { adapter: 'memory' }),
    remote: () => ({ allDocs: server.allDocs.bind(server), close: async () => {} }) as unknown as PouchDatabase,
    sync: (x, y, options) => PouchDB.sync(x, y, options),
  });
const join = (team: TeamSync, user: string) =>
  team.join({ serverUrl: 'http://127.0.0.1:1', database: 'complaints', user });
const synced = (team: TeamSync, what: string) => until(() => team.snapshot().state.kind === 'synced', 30_000, what);

const letterhead = (name: string, town: string): Partial<DeskSettings> => ({
  company: { name, addressLines: [`1 ${town} Road`, town], postcode: 'LS1 1AA' },
  defaultProcedureId: 'kijoma',
});

/** Kijoma's substantive reply target changed to `days` working days. */
const withReplyIn = (p: Procedure, days: number): Procedure => ({
  ...p,
  firstResponse: { default: { ...p.firstResponse.default!, amount: days } },
});

/** A desk set up as the first run does, with its first provider on its own edited copy of Kijoma, and one case. */
async function setUpDesk(label: string, prefix: string, name: string, days: number) {
  const database = freshDatabase(`ids-${label}`);
  await saveSettings(database, deskSettings({ deskPrefix: prefix, ...letterhead(name, label) }));
  const copy = await savedCopy(database, 'kijoma');
  const edited = (await saveProcedure(database, withReplyIn(copy, days))).procedure;
  const first = (await storedDesk(database))!.providers![0];
  await saveProvider(database, { ...first, procedureId: copy.id });
  const record = await createCase(database, newCaseParts({ receivedOn: '2026-11-23' }), {
    settings: (await storedDesk(database))!,
    by: 'Sam',
  });
  return { database, first, copy: edited, record };
}

describe('one id, one provider or procedure version, across a team', () => {
  it('two desks each set up their first provider and copy and edit Kijoma; shared, each case keeps its own letterhead and version', async () => {
    const server = memoryPouch('ids-server');
    const a = await setUpDesk('Leeds', 'DSA', 'Northwind Broadband', 3);
    const b = await setUpDesk('York', 'DSB', 'Southgate Telecom', 7);
    // Each desk named its first provider and its copy on its own: no `first`, no `kijoma-copy` written at both.
    expect(a.first.id).not.toBe(FIRST_PROVIDER_ID);
    expect(a.first.id).not.toBe(b.first.id);
    expect(a.copy.id).not.toBe(b.copy.id);
    expect(a.record.providerId).toBe(a.first.id);
    expect(a.record.procedureId).toBe(a.copy.id);

    const teamA = teamOf(a.database, server);
    await join(teamA, 'desk-a');
    await synced(teamA, 'desk A to upload');
    const teamB = teamOf(b.database, server);
    await join(teamB, 'desk-b');
    await synced(teamB, 'desk B to upload and download');
    await teamA.syncNow();
    await until(async () => (await a.database.cases.get(b.record.id)) !== undefined, 30_000, "B's case at A");

    for (const database of [a.database, b.database]) {
      const settings = (await storedDesk(database))!;
      // Both providers at both desks, each with its own letterhead; each case prints its own.
      expect(settings.providers!.map((p) => p.company.name).sort()).toEqual([
        'Northwind Broadband',
        'Southgate Telecom',
      ]);
      const caseA = (await database.cases.get(a.record.id))!;
      const caseB = (await database.cases.get(b.record.id))!;
      expect(settingsForCase(caseA, settings).company.name).toBe('Northwind Broadband');
      expect(settingsForCase(caseB, settings).company.name).toBe('Southgate Telecom');
      // Each case follows its own desk's copy, whose version 1 is that desk's edit, untouched by the other's.
      expect(caseA.procedureId).toBe(a.copy.id);
      expect(caseB.procedureId).toBe(b.copy.id);
      const version = async (id: string) => (await database.procedures.get(`${id}@1`))?.procedure;
      expect(await version(a.copy.id)).toEqual(a.copy);
      expect(await version(b.copy.id)).toEqual(b.copy);
      expect((await version(a.copy.id))?.firstResponse.default?.amount).toBe(3);
      expect((await version(b.copy.id))?.firstResponse.default?.amount).toBe(7);
    }
  }, 120_000);

  it('a desk whose provider and procedure ids the team holds with other content is refused, nothing sent; the same content joins', async () => {
    const server = memoryPouch('ids-legacy');
    // Desks set up before ids were unique: each first provider is `first`, each copy of Kijoma `kijoma-copy`.
    const legacy = async (prefix: string, name: string, town: string, days: number) => {
      const database = freshDatabase(`ids-legacy-${prefix}`);
      await saveSettings(database, withProviders(deskSettings({ deskPrefix: prefix, ...letterhead(name, town) })));
      const copy = (await saveProcedure(database, withReplyIn(copyOfProcedure(KIJOMA, new Set()), days))).procedure;
      return { database, copy };
    };
    const d = await legacy('DSD', 'Northwind Broadband', 'Leeds', 3);
    expect((await storedDesk(d.database))!.providers!.map((p) => p.id)).toEqual([FIRST_PROVIDER_ID]);
    expect(d.copy.id).toBe('kijoma-copy');
    const teamD = teamOf(d.database, server);
    await join(teamD, 'desk-d');
    await synced(teamD, 'desk D to upload');
    // D has no case yet: joining uploads its provider and its copy all the same (it has a letterhead to keep).
    expect((await server.get('provider:first')) as unknown).toMatchObject({ writer: 'desk-d' });
    expect((await server.get('procedure:kijoma-copy@1')) as unknown).toMatchObject({ writer: 'desk-d' });
    const before = await server.allDocs({ include_docs: true });

    const c = await legacy('DSC', 'Southgate Telecom', 'York', 7);
    await createCase(c.database, newCaseParts(), { settings: (await storedDesk(c.database))!, by: 'Sam' });
    const teamC = teamOf(c.database, server);
    const refusal = await join(teamC, 'desk-c').then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(JoinRefusedError);
    const said = (refusal as JoinRefusedError).said;
    expect(said).toEqual([
      {
        code: 'provider-id-clash',
        values: { name: 'Southgate Telecom', id: 'first', team: 'Northwind Broadband' },
      },
      {
        code: 'procedure-id-clash',
        values: { name: `${KIJOMA.name} (copy)`, id: 'kijoma-copy', version: 1, team: `${KIJOMA.name} (copy)` },
      },
    ]);
    expect(sharingProblemIn(en, said[0])).toBe(
      'This desk’s provider “Southgate Telecom” has the id “first”, which the team already uses for a provider with other details (“Northwind Broadband”).',
    );
    expect(sharingProblemIn(fr, said[1])).toBe(
      `La version 1 de la procédure «\u00a0${KIJOMA.name} (copy)\u00a0» de ce poste a l’identifiant «\u00a0kijoma-copy\u00a0», que l’équipe utilise déjà pour une autre procédure («\u00a0${KIJOMA.name} (copy)\u00a0»).`,
    );
    // Nothing sent, nothing changed: the desk is alone as before, and the team's documents are as they were.
    expect(c.database.sharing).toBe(false);
    expect(await teamC.membership()).toBeNull();
    expect(await c.database.outbox.count()).toBe(0);
    expect((await server.allDocs({ include_docs: true })).rows).toEqual(before.rows);
    expect((await storedDesk(c.database))!.providers![0].company.name).toBe('Southgate Telecom');

    // A desk holding the same provider and procedure as the team's (the same content under the same id) joins.
    const e = await legacy('DSE', 'Northwind Broadband', 'Leeds', 3);
    const teamE = teamOf(e.database, server);
    await join(teamE, 'desk-e');
    await synced(teamE, 'desk E to join');
    expect(await teamE.membership()).not.toBeNull();
  }, 120_000);
});

describe('a desk with no case joining a team that has providers takes the team’s (p8b)', () => {
  it('B, set up with its own first provider and no case, ends with exactly A’s providers, A’s as its usual; C with a case keeps its own', async () => {
    const server = memoryPouch('ids-take');
    // A: set up, its provider on its own edited copy of Kijoma, one case; it joins the empty team: its providers become the team's.
    const a = await setUpDesk('Bradford', 'DSA', 'Northwind Broadband Ltd', 3);
    const teamA = teamOf(a.database, server);
    await join(teamA, 'desk-a');
    await synced(teamA, 'desk A to upload');

    // B: the first run only (the same letterhead), a copy of Kijoma its provider follows, another copy of its own, no case.
    const b = freshDatabase('ids-take-b');
    await saveSettings(b, deskSettings({ deskPrefix: 'DSB', ...letterhead('Northwind Broadband Ltd', 'Bradford') }));
    const bFirst = (await storedDesk(b))!.providers![0];
    const bCopy = await savedCopy(b, 'kijoma');
    await saveProvider(b, { ...bFirst, procedureId: bCopy.id });
    const bOther = (await saveProcedure(b, withReplyIn(await savedCopy(b, 'kijoma'), 9))).procedure;
    expect(bFirst.id).not.toBe(a.first.id);
    const teamB = teamOf(b, server);
    await join(teamB, 'desk-b');
    await synced(teamB, 'desk B to join');

    // B holds exactly A's providers, and A's copy its provider follows; its own provider and copy went, never uploaded.
    const providersAt = async (database: RedressDatabase) => (await database.providers.toArray()).map((p) => p.id);
    expect(await providersAt(b)).toEqual([a.first.id]);
    expect(await providersAt(b)).toEqual(await providersAt(a.database));
    expect(await b.procedures.get(`${a.copy.id}@1`)).toBeDefined();
    expect(await b.procedures.get(`${bCopy.id}@1`)).toBeUndefined();
    const teamIds = (await server.allDocs({})).rows.map((r) => r.id);
    expect(teamIds).not.toContain(`provider:${bFirst.id}`);
    expect(teamIds).not.toContain(`procedure:${bCopy.id}@1`);
    // Its copy no provider of its followed is its own work: kept, and shared.
    expect((await b.procedures.get(`${bOther.id}@1`))?.procedure).toEqual(bOther);
    expect((await server.get(`procedure:${bOther.id}@1`)) as unknown).toMatchObject({ writer: 'desk-b' });
    // Its usual provider is A's; nothing left to do at the next start.
    const deskB = (await storedDesk(b))!;
    expect(deskB.defaultProviderId).toBe(a.first.id);
    expect(await b.meta.get('sharing-take-team-providers')).toBeUndefined();

    // A case logged at B is under A's provider, on A's copy, at both desks.
    const logged = await createCase(b, newCaseParts({ receivedOn: '2026-11-24' }), { settings: deskB, by: 'Kim' });
    expect(logged.providerId).toBe(a.first.id);
    expect(logged.procedureId).toBe(a.copy.id);
    await until(
      async () => {
        await teamA.syncNow();
        return (await a.database.cases.get(logged.id)) !== undefined;
      },
      30_000,
      "B's case at A",
    );
    const atA = (await a.database.cases.get(logged.id))!;
    expect(atA.providerId).toBe(a.first.id);
    expect(settingsForCase(atA, (await storedDesk(a.database))!).company.name).toBe('Northwind Broadband Ltd');
    expect(await providersAt(a.database)).toEqual([a.first.id]);

    // C, with a case, joins as before: its own provider is uploaded and stays its usual one.
    const c = await setUpDesk('Hull', 'DSC', 'Southgate Telecom', 5);
    const teamC = teamOf(c.database, server);
    await join(teamC, 'desk-c');
    await synced(teamC, 'desk C to join');
    expect((await server.get(`provider:${c.first.id}`)) as unknown).toMatchObject({ writer: 'desk-c' });
    expect((await providersAt(c.database)).sort()).toEqual([a.first.id, c.first.id].sort());
    expect((await storedDesk(c.database))!.defaultProviderId).toBe(c.first.id);
  }, 120_000);
});

describe('a desk taking the team’s providers loses nothing (p8b)', () => {
  it('unable to read them at its first start, it keeps its own; a case logged meanwhile keeps its provider, which goes up', async () => {
    const server = memoryPouch('ids-take-later');
    const a = await setUpDesk('Leeds', 'DSA', 'Northwind Broadband Ltd', 3);
    const teamA = teamOf(a.database, server);
    await join(teamA, 'desk-a');
    await synced(teamA, 'desk A to upload');

    const b = freshDatabase('ids-take-later-b');
    await saveSettings(b, deskSettings({ deskPrefix: 'DSB', ...letterhead('Northwind Broadband Ltd', 'York') }));
    const bFirst = (await storedDesk(b))!.providers![0];
    const bCopy = await savedCopy(b, 'kijoma');
    await saveProvider(b, { ...bFirst, procedureId: bCopy.id });
    // The server's providers cannot be read with their content (as when it is lost after the join): nothing is taken yet.
    let unreadable = true;
    const localName = `ids-take-later-${process.pid}`;
    const factory: PouchFactory = {
      local: () => new PouchDB(localName, { adapter: 'memory' }),
      remote: () =>
        new Proxy(server, {
          get: (target, prop) => {
            if (prop === 'allDocs')
              return (options: Record<string, unknown>) =>
                unreadable && options.include_docs && options.startkey === 'provider:'
                  ? Promise.reject(new Error('unreachable'))
                  : target.allDocs(options);
            const value = target[prop as keyof PouchDatabase];
            return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
          },
        }),
      sync: (local, _remote, options) => PouchDB.sync(local, server, options),
    };
    const first = new TeamSync(b, factory);
    teams.push(first);
    await join(first, 'desk-b');
    await synced(first, 'desk B to join');
    expect(await b.meta.get('sharing-take-team-providers')).toBeDefined();
    expect((await storedDesk(b))!.defaultProviderId).toBe(bFirst.id);
    expect((await server.allDocs({})).rows.map((r) => r.id)).not.toContain(`provider:${bFirst.id}`);

    // A case logged now is under B's own provider, on its own copy.
    const logged = await createCase(b, newCaseParts({ receivedOn: '2026-11-24' }), {
      settings: (await storedDesk(b))!,
      by: 'Kim',
    });
    expect(logged.providerId).toBe(bFirst.id);
    await until(async () => (await b.outbox.count()) === 0, 30_000, "B's case sent");
    await first.stop();

    // The next start can read them: B keeps the provider and copy its case uses, uploads them, and keeps its usual one.
    unreadable = false;
    const again = new TeamSync(b, factory);
    teams.push(again);
    await again.start();
    await until(async () => (await b.meta.get('sharing-take-team-providers')) === undefined, 30_000, 'the take');
    await synced(again, 'desk B to upload its provider');
    await until(
      async () => (await server.allDocs({ keys: [`provider:${bFirst.id}`] })).rows[0]?.value !== undefined,
      30_000,
      "B's provider on the server",
    );
    expect((await server.get(`provider:${bFirst.id}`)) as unknown).toMatchObject({ writer: 'desk-b' });
    expect((await server.get(`procedure:${bCopy.id}@1`)) as unknown).toMatchObject({ writer: 'desk-b' });
    expect((await b.providers.toArray()).map((p) => p.id).sort()).toEqual([a.first.id, bFirst.id].sort());
    expect((await storedDesk(b))!.defaultProviderId).toBe(bFirst.id);
    expect((await b.cases.get(logged.id))!.providerId).toBe(bFirst.id);
  }, 120_000);
});

describe('a reference prefix is the desk’s own across the team (issue #16 gap G5)', () => {
  it('names the other desks whose counters use the prefix, never the asking desk itself', async () => {
    const server = memoryPouch('ids-prefix');
    await server.bulkDocs([
      { _id: 'counter:RDR-2025', type: 'counter', schema: 1, writer: 'desk-a', body: { key: 'RDR-2025', last: 9 } },
      { _id: 'counter:RDR-2026', type: 'counter', schema: 1, writer: 'desk-a', body: { key: 'RDR-2026', last: 4 } },
      { _id: 'counter:RDR-2027', type: 'counter', schema: 1, writer: 'desk-c', body: { key: 'RDR-2027', last: 1 } },
      { _id: 'counter:RDRX-2026', type: 'counter', schema: 1, writer: 'desk-d', body: { key: 'RDRX-2026', last: 2 } },
      { _id: 'counter:LDS-2026', type: 'counter', schema: 1, writer: 'desk-b', body: { key: 'LDS-2026', last: 3 } },
    ] as never);
    // Another desk's counters under RDR: taken, by whom (each desk once).
    expect((await prefixUsers(server, 'RDR', 'desk-b')).sort()).toEqual(['desk-a', 'desk-c']);
    // The desk's own counters (a desk set up again) do not take its prefix from it.
    expect(await prefixUsers(server, 'LDS', 'desk-b')).toEqual([]);
    // A prefix that only begins another desk's (RD, RDRX vs RDR) is free; one nobody uses is free.
    expect(await prefixUsers(server, 'RD', 'desk-b')).toEqual([]);
    expect(await prefixUsers(server, 'NEW', 'desk-b')).toEqual([]);

    // The same through the desk's TeamSync (the Sharing screen's question before it joins); it closes its handle.
    const database = freshDatabase('ids-prefix-desk');
    const team = new TeamSync(database, {
      local: (name) => new PouchDB(`${name}-${process.pid}-ids-prefix`, { adapter: 'memory' }),
      remote: () => new PouchDB(server.name, { adapter: 'memory' }) as PouchDatabase,
      sync: (a, b, options) => PouchDB.sync(a, b, options),
    });
    expect(await team.prefixTakenBy('http://127.0.0.1:1', 'complaints', 'desk-b', 'LDS')).toEqual([]);
    expect(await team.prefixTakenBy('http://127.0.0.1:1', 'complaints', 'desk-e', 'LDS')).toEqual(['desk-b']);
  });

  it('says which prefixes a login already issues references under, unless this desk issued them and left in step', async () => {
    const server = memoryPouch('ids-login');
    // Desk A is in the team as desk-a, and has issued RDR-2026-000001.
    const a = await setUpDesk('Leeds', 'RDR', 'Northwind Broadband', 3);
    const teamA = teamOf(a.database, server);
    await join(teamA, 'desk-a');
    await synced(teamA, 'desk A to upload');
    await server.put({ _id: 'counter:RDX-2025', type: 'counter', schema: 1, writer: 'desk-a', body: {} } as never);
    await server.put({ _id: 'counter:LDS-2026', type: 'counter', schema: 1, writer: 'desk-b', body: {} } as never);
    expect(await prefixesIssuedBy(server, 'desk-a')).toEqual(['RDR', 'RDX']);
    expect(await prefixesIssuedBy(server, 'desk-c')).toEqual([]);

    // A second computer set up with desk-a's login is told, whatever its prefix (explore34-team #2).
    const d = await setUpDesk('Hull', 'HUL', 'Southgate Telecom', 5);
    const asking = (database: RedressDatabase) => askingOnly(database, server);
    expect(await asking(d.database).loginInUseAt('http://127.0.0.1:1', 'complaints', 'desk-a')).toEqual(['RDR', 'RDX']);
    expect(await asking(d.database).loginInUseAt('http://127.0.0.1:1', 'complaints', 'desk-d')).toEqual([]);
    // Desk A itself, having left this team in step, joins again with its own login: not told. Another team's
    // server is asked as any other.
    await teamA.leave();
    expect(await asking(a.database).loginInUseAt('http://127.0.0.1:1', 'complaints', 'desk-a')).toEqual([]);
    expect(await asking(a.database).loginInUseAt('http://127.0.0.1:2', 'complaints', 'desk-a')).toEqual(['RDR', 'RDX']);
    // Joining again with another desk's login is asked as from any computer (explore37-team #3).
    expect(await asking(a.database).loginInUseAt('http://127.0.0.1:1', 'complaints', 'desk-b')).toEqual(['LDS']);
    // A computer that replaced A issued references with desk-a since A left: A, switched on again, is told.
    const counter = (await server.get(`counter:${a.record.reference.slice(0, 8)}`)) as unknown as {
      body: { key: string; last: number };
    };
    await server.put({ ...counter, body: { ...counter.body, last: counter.body.last + 4 } } as never);
    expect(await asking(a.database).loginInUseAt('http://127.0.0.1:1', 'complaints', 'desk-a')).toEqual(['RDR']);
  });

  it('a desk that joins claims its prefix and login before its first reference, never lowering a counter', async () => {
    const server = memoryPouch('ids-claim');
    const year = todayIso().slice(0, 4);
    // Desk B joins as desk-b with its letterhead and procedures but no complaint logged yet (explore36-team #1).
    const b = freshDatabase('ids-claim-b');
    await saveSettings(b, deskSettings({ deskPrefix: 'BRD', ...letterhead('Bradford Broadband', 'Bradford') }));
    expect(await b.cases.count()).toBe(0);
    const teamB = teamOf(b, server);
    await join(teamB, 'desk-b');
    await synced(teamB, 'desk B to upload');
    await until(
      async () => (await server.allDocs({ keys: [`counter:BRD-${year}`] })).rows[0]?.value !== undefined,
      30_000,
      "B's counter on the server",
    );
    expect((await server.get(`counter:BRD-${year}`)) as unknown).toMatchObject({ writer: 'desk-b', body: { last: 0 } });
    // A second computer with desk-b's login is told; a desk choosing BRD is told it is taken.
    const d = freshDatabase('ids-claim-d');
    expect(await askingOnly(d, server).loginInUseAt('http://127.0.0.1:1', 'complaints', 'desk-b')).toEqual(['BRD']);
    expect(await askingOnly(d, server).prefixTakenBy('http://127.0.0.1:1', 'complaints', 'desk-e', 'BRD')).toEqual([
      'desk-b',
    ]);
    // Its first reference is still 000001.
    const logged = await createCase(b, newCaseParts({ receivedOn: '2026-11-23' }), {
      settings: (await storedDesk(b))!,
      by: 'Sam',
    });
    expect(logged.reference).toBe(`BRD-${year}-000001`);

    // A desk in the team with no counter (it joined before joins claimed one, or its claim found no server) claims it
    // at its next start, once the server answers (explore37-team #2).
    await teamB.stop();
    const counter = await server.get(`counter:BRD-${year}`);
    await server.put({ ...counter, _deleted: true } as never);
    await b.counters.clear();
    const again = teamOf(b, server);
    await again.start();
    await synced(again, 'desk B started again');
    await until(
      async () => (await server.allDocs({ keys: [`counter:BRD-${year}`] })).rows[0]?.value?.deleted !== true,
      30_000,
      "B's counter claimed again",
    );
    expect(await askingOnly(d, server).loginInUseAt('http://127.0.0.1:1', 'complaints', 'desk-b')).toEqual(['BRD']);

    // A counter the team already holds is not claimed again at 0: the desk takes the team's.
    await server.put({
      _id: 'counter:HUL-2026',
      type: 'counter',
      schema: 1,
      writer: 'desk-h',
      body: { key: 'HUL-2026', last: 7 },
    } as never);
    const h = freshDatabase('ids-claim-h');
    await saveSettings(h, deskSettings({ deskPrefix: 'HUL', ...letterhead('Hull Telecom', 'Hull') }));
    await claimPrefix(h, server, 2026);
    expect(await h.counters.get('HUL-2026')).toBeUndefined();
    // Nor one the desk holds; a server that cannot be asked leaves it unclaimed.
    await h.counters.put({ key: 'HUL-2027', last: 3 });
    await claimPrefix(h, server, 2027);
    expect(await h.counters.get('HUL-2027')).toEqual({ key: 'HUL-2027', last: 3 });
    const unreachable = { allDocs: () => Promise.reject(new Error('offline')) } as unknown as PouchDatabase;
    await claimPrefix(h, unreachable, 2028);
    expect(await h.counters.get('HUL-2028')).toBeUndefined();
    await claimPrefix(h, server, 2028);
    expect(await h.counters.get('HUL-2028')).toEqual({ key: 'HUL-2028', last: 0 });
  }, 120_000);

  it('a team case left out for its reference is still said after the desk starts again, until it leaves (explore37-team #1)', async () => {
    const server = memoryPouch('ids-left-out');
    const a = await setUpDesk('Leeds', 'RDR', 'Northwind Broadband', 3);
    const teamA = teamOf(a.database, server);
    await join(teamA, 'desk-a');
    await synced(teamA, 'desk A to upload');
    // Another computer logged a second complaint under A's reference, and the team has it.
    const twin = { ...a.record, id: 'twin-from-another-computer', customer: { name: 'Edsger Dijkstra' } };
    await server.put({ _id: `case:${twin.id}`, type: 'case', schema: 1, writer: 'desk-a', body: twin } as never);
    const leftOut = (team: TeamSync) => team.snapshot().problems.filter((p) => p.docId === `case:${twin.id}`);
    await until(async () => leftOut(teamA).length === 1, 30_000, 'the twin said');
    expect(leftOut(teamA)[0].reason).toContain(`Two cases from the team have the reference ${a.record.reference}`);
    await teamA.stop();
    // The next morning's start: the pull does not bring it again, and it is still said.
    const again = teamOf(a.database, server);
    await again.start();
    await synced(again, 'desk A started again');
    await until(async () => leftOut(again).length === 1, 30_000, 'the twin said again');
    expect(await a.database.cases.get(twin.id)).toBeUndefined();
    // Leaving the team forgets it.
    await again.leave();
    expect(await a.database.meta.get('sharing-not-taken-in')).toBeUndefined();
  }, 120_000);

  it('a desk whose own cases have a prefix another desk issues is refused: a new prefix changes only references to come', async () => {
    const server = memoryPouch('ids-references');
    // Desk A is in the team with RDR-2026-000001.
    const a = await setUpDesk('Leeds', 'RDR', 'Northwind Broadband', 3);
    await join(teamOf(a.database, server), 'desk-a');
    const teamA = teams.at(-1)!;
    await synced(teamA, 'desk A to upload');
    // Desk C was set up alone with the same prefix and logged its own RDR-2026-000001; it then takes the prefix HUL.
    const c = await setUpDesk('York', 'RDR', 'Southgate Telecom', 7);
    expect(c.record.reference).toBe(a.record.reference);
    // The Sharing screen asks this before it offers a new prefix, which cannot help (explore33-team #3).
    const asking = askingOnly(c.database, server);
    expect(await asking.referenceClashesAt('http://127.0.0.1:1', 'complaints', 'desk-c')).toEqual([
      {
        code: 'reference-prefix-clash',
        values: { prefix: 'RDR', desks: 'desk-a', count: 1, first: c.record.reference },
      },
    ]);
    expect(await asking.referenceClashesAt('http://127.0.0.1:1', 'complaints', 'desk-a')).toEqual([]);
    await saveSettings(c.database, { ...(await storedDesk(c.database))!, deskPrefix: 'HUL' });
    const refused = await join(teamOf(c.database, server), 'desk-c').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(JoinRefusedError);
    const said = (refused as JoinRefusedError).said.filter((s) => s.code === 'reference-prefix-clash');
    expect(said).toEqual([
      {
        code: 'reference-prefix-clash',
        values: { prefix: 'RDR', desks: 'desk-a', count: 1, first: c.record.reference },
      },
    ]);
    expect(sharingProblemIn(en, said[0])).toBe(
      `1 case logged here before joining has a reference beginning RDR- (the first ${c.record.reference}), and desk-a in the team issues RDR- references too. A new prefix changes only the references to come, so two complaints would share a reference and each desk would show only one of them.`,
    );
    expect(sharingProblemIn(fr, said[0])).toContain(
      '1 dossier inscrit ici avant l’adhésion a un numéro commençant par RDR-',
    );
    // Nothing was sent: the team holds desk A's case only, and C is alone as before.
    expect(c.database.sharing).toBe(false);
    const cases = await server.allDocs({ startkey: 'case:', endkey: 'case:\ufff0' });
    expect(cases.rows.map((r) => r.id)).toEqual([`case:${a.record.id}`]);
    // Desk A itself, joining again after leaving, holds only cases the team has: no clash.
    await teamA.leave();
    await join(teamOf(a.database, server), 'desk-a');
  });
});
