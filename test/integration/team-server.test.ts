// The team server's set-up and rules (issue #14), against a real CouchDB-compatible server (pouchdb-server, started
// here on a free port): `npm run server:setup` is idempotent, only the team's desk users get in, and the design
// document's validate_doc_update keeps timeline entries immutable, writers honest, erasure to removing personal data,
// and newer documents out. Plain HTTP with basic auth, as any client would send it.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineEvent } from '#shared/model/case';
import { anonymiseEvent } from '#shared/privacy/anonymise';
import { DESIGN_DOC_ID } from '#shared/sync/design';
import { ERASURE_ROLE, SYNC_SCHEMA, toSyncDoc } from '#shared/sync/documents';
import { createAdmin, startSyncServer, type SyncServer } from '#test/support/sync-server';
import { checkTeamDatabase } from '#renderer/sync/team';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = path.join(root, 'node_modules/.bin/tsx');
const run = promisify(execFile);

const ADMIN = { name: 'admin', password: 'admin-secret-1' };
const DESK1 = { name: 'desk1', password: 'pw-one:with-colon' };
const DESK2 = { name: 'desk2', password: 'pw-two' };
const OUTSIDER = { name: 'outsider', password: 'pw-out' };
type Login = typeof ADMIN;

let server: SyncServer;
const setupRuns: { stdout: string; stderr: string }[] = [];
const revisions: string[] = [];

const auth = (login: Login | null): Record<string, string> =>
  login ? { authorization: `Basic ${Buffer.from(`${login.name}:${login.password}`).toString('base64')}` } : {};

/** The browser's fetch for a desk signed in (its session cookie), as basic auth. */
const signedIn =
  (login: Login): typeof fetch =>
  (input, init) =>
    fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers)), ...auth(login) } });

async function call(login: Login | null, method: string, url: string, body?: unknown) {
  const response = await fetch(`${server.url}${url}`, {
    method,
    headers: { accept: 'application/json', 'content-type': 'application/json', ...auth(login) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function setup(...args: string[]) {
  return run(tsx, [path.join(root, 'build/team-server/setup.ts'), '--url', server.url, ...args], {
    cwd: root,
    timeout: 60_000,
  });
}

const TEAM = [
  '--db',
  'complaints',
  '--admin',
  `${ADMIN.name}:${ADMIN.password}`,
  '--team-role',
  'team-leeds',
  '--desk',
  `${DESK1.name}:${DESK1.password}`,
  '--desk',
  `${DESK2.name}:${DESK2.password}`,
  '--erasure-desk',
  DESK1.name,
];

/** Everything setup writes, as revisions and JSON: equal before and after a run that changes nothing. */
async function state(): Promise<string> {
  const parts = [
    await call(ADMIN, 'GET', '/complaints/_security'),
    await call(ADMIN, 'GET', `/complaints/${DESIGN_DOC_ID}`),
    await call(ADMIN, 'GET', '/_users/org.couchdb.user:desk1'),
    await call(ADMIN, 'GET', '/_users/org.couchdb.user:desk2'),
  ];
  return JSON.stringify(parts.map((p) => ({ status: p.status, rev: p.body._rev ?? null, body: p.body })));
}

const entryBody: TimelineEvent = {
  id: 'e-0001',
  caseId: 'c-0001',
  type: 'note',
  on: '2026-03-02',
  at: '2026-03-02T10:00:00.000Z',
  by: 'Sam Patel',
  summary: 'Spoke to Ada Lovelace about her bill',
  data: { channel: 'phone', direction: 'in', note: 'Ada lives at 12 St James Square' },
};

beforeAll(async () => {
  server = await startSyncServer({ startupTimeoutMs: 60_000 });
  await createAdmin(server, ADMIN.name, ADMIN.password);
  setupRuns.push(await setup(...TEAM));
  revisions.push(await state());
  setupRuns.push(await setup(...TEAM));
  revisions.push(await state());
  // Another team on the same server, with its own database and desk.
  await setup(
    '--db',
    'complaints-york',
    '--admin',
    `${ADMIN.name}:${ADMIN.password}`,
    '--team-role',
    'team-york',
    '--desk',
    `${OUTSIDER.name}:${OUTSIDER.password}`,
  );
}, 300_000); // the first run may install pouchdb-server (npm ci)

afterAll(async () => {
  await server?.stop();
});

describe('npm run server:setup', () => {
  it('sets the server up on the first run and changes nothing on the second', () => {
    expect(setupRuns[0].stdout).toContain('created the database complaints');
    expect(setupRuns[0].stdout).toContain('wrote the validation rules');
    expect(setupRuns[0].stdout).toContain('created the desk user desk1');
    expect(setupRuns[1].stdout).toContain('nothing changed');
    expect(revisions[1]).toBe(revisions[0]);
  });

  it('never prints a password', () => {
    for (const { stdout, stderr } of setupRuns)
      for (const secret of [ADMIN.password, DESK1.password, DESK2.password]) {
        expect(stdout).not.toContain(secret);
        expect(stderr).not.toContain(secret);
      }
  });

  it('gives the team role to every desk and the erasure role only where asked', async () => {
    const one = await call(ADMIN, 'GET', '/_users/org.couchdb.user:desk1');
    const two = await call(ADMIN, 'GET', '/_users/org.couchdb.user:desk2');
    expect(one.body.roles).toEqual(['team-leeds', ERASURE_ROLE]);
    expect(two.body.roles).toEqual(['team-leeds']);
  });

  it('sets a changed password, and the old one stops working', async () => {
    const first = await setup(...TEAM, '--desk', 'desk3:first-password');
    expect(first.stdout).toContain('created the desk user desk3');
    const second = await setup(...TEAM, '--desk', 'desk3:second-password');
    expect(second.stdout).toContain('set the password of the desk user desk3 (roles: team-leeds)');
    expect(second.stdout).not.toContain('second-password');
    expect((await call({ name: 'desk3', password: 'second-password' }, 'GET', '/complaints')).status).toBe(200);
    expect((await call({ name: 'desk3', password: 'first-password' }, 'GET', '/complaints')).status).toBe(401);
  });

  it('refuses plain http to another computer, with the reason', async () => {
    await expect(
      run(tsx, [path.join(root, 'build/team-server/setup.ts'), '--url', 'http://couch.example.com:5984', ...TEAM], {
        cwd: root,
      }),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('plain http to another computer') });
  });
});

describe('who may read the team database', () => {
  it('refuses an anonymous request', async () => {
    expect((await call(null, 'GET', '/complaints')).status).toBe(401);
    expect((await call(null, 'GET', '/complaints/_all_docs')).status).toBe(401);
  });

  it("refuses a user of another team, and lets the team's desks in", async () => {
    expect([401, 403]).toContain((await call(OUTSIDER, 'GET', '/complaints')).status);
    expect([401, 403]).toContain((await call(OUTSIDER, 'PUT', '/complaints/case:x', {})).status);
    expect((await call(DESK1, 'GET', '/complaints')).status).toBe(200);
    expect((await call(DESK2, 'GET', '/complaints/_all_docs')).status).toBe(200);
  });

  it('tells a desk testing its connection that the team has no cases yet (explore40-team #8b)', async () => {
    expect(await checkTeamDatabase(server.url, 'complaints', signedIn(DESK1))).toEqual({ ok: true, holdsCases: false });
  });
});

describe('the validation rules', () => {
  const entryId = 'entry:e-0001';
  let entryRev = '';

  it('lets a desk write a case and a timeline entry in its own name', async () => {
    const caseDoc = toSyncDoc('case', 'c-0001', { id: 'c-0001' } as never, DESK2.name);
    expect((await call(DESK2, 'PUT', '/complaints/case:c-0001', caseDoc)).status).toBe(201);
    const entry = await call(DESK2, 'PUT', `/complaints/${entryId}`, toSyncDoc('entry', 'e-0001', entryBody, 'desk2'));
    expect(entry.status).toBe(201);
    entryRev = String(entry.body.rev);
    // A desk testing its connection now hears that the team holds cases.
    expect(await checkTeamDatabase(server.url, 'complaints', signedIn(DESK1))).toEqual({ ok: true, holdsCases: true });
  });

  it('refuses an edit or a deletion of a timeline entry: record a correction instead', async () => {
    const edited = { ...toSyncDoc('entry', 'e-0001', { ...entryBody, on: '2026-03-01' }, 'desk2'), _rev: entryRev };
    const put = await call(DESK2, 'PUT', `/complaints/${entryId}`, edited);
    expect(put.status).toBe(403);
    expect(put.body.reason).toMatch(/record a correction instead/);
    const del = await call(DESK2, 'DELETE', `/complaints/${entryId}?rev=${entryRev}`);
    expect(del.status).toBe(403);
    expect(del.body.reason).toMatch(/record a correction instead/);
  });

  it('refuses a document written in another desk’s name', async () => {
    const forged = await call(DESK2, 'PUT', '/complaints/entry:e-0002', {
      ...toSyncDoc('entry', 'e-0002', { ...entryBody, id: 'e-0002' }, 'desk1'),
    });
    expect(forged.status).toBe(403);
    expect(forged.body.reason).toMatch(/another desk's name/);
  });

  it('refuses a document of a newer schema: Update Redress', async () => {
    const newer = { ...toSyncDoc('case', 'c-0009', { id: 'c-0009' } as never, 'desk2'), schema: SYNC_SCHEMA + 1 };
    const put = await call(DESK2, 'PUT', '/complaints/case:c-0009', newer);
    expect(put.status).toBe(403);
    expect(put.body.reason).toMatch(/Update Redress/);
  });

  it('lets the erasure role remove the personal fields of an entry, and nothing else', async () => {
    const current = (await call(DESK1, 'GET', `/complaints/${entryId}`)).body;
    const anonymised = { ...current, body: anonymiseEvent(entryBody), erasedBy: 'desk1' };

    // A desk without the erasure role may not, even to anonymise.
    const plain = await call(DESK2, 'PUT', `/complaints/${entryId}`, { ...anonymised, erasedBy: 'desk2' });
    expect(plain.status).toBe(403);
    expect(plain.body.reason).toMatch(/record a correction instead/);

    // The erasure role may not change a kept field, add one, or change the writer.
    for (const bad of [
      { ...anonymised, body: { ...anonymised.body, on: '2026-03-03' } },
      { ...anonymised, body: { ...anonymised.body, data: { ...anonymised.body.data, channel: 'email' } } },
      { ...anonymised, body: { ...anonymised.body, data: { ...anonymised.body.data, note: 'new text' } } },
      { ...anonymised, body: { ...anonymised.body, data: { channel: 'phone' } } },
      { ...anonymised, body: { ...anonymised.body, extra: 'new text' } },
      { ...anonymised, writer: 'desk1' },
      { ...anonymised, erasedBy: 'desk2' },
    ]) {
      const refused = await call(DESK1, 'PUT', `/complaints/${entryId}`, bad);
      expect(refused.status, JSON.stringify(bad)).toBe(403);
      expect(refused.body.reason).toMatch(/only remove personal data/);
    }

    const erased = await call(DESK1, 'PUT', `/complaints/${entryId}`, anonymised);
    expect(erased.status).toBe(201);
    const stored = (await call(DESK2, 'GET', `/complaints/${entryId}`)).body;
    expect(JSON.stringify(stored)).not.toMatch(/Ada|James Square/);
    expect(stored.writer).toBe('desk2');
    expect(stored.erasedBy).toBe('desk1');
  });

  it('lets through the tombstone of a case revision (it carries no fields)', async () => {
    const current = (await call(DESK1, 'GET', '/complaints/case:c-0001')).body;
    const tombstone = await call(DESK1, 'DELETE', `/complaints/case:c-0001?rev=${String(current._rev)}`);
    expect(tombstone.status).toBe(200);
  });

  it('keeps the design document to admins', async () => {
    const design = await call(DESK1, 'PUT', '/complaints/_design/other', { validate_doc_update: 'function(){}' });
    expect([401, 403]).toContain(design.status);
  });
});
