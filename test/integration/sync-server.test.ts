// The test server itself (test/support/sync-server.ts): pouchdb-server must keep what a replication sends as CouchDB
// does, or every sharing test through it is blind to edits. Its validate_doc_update plugin (pouchdb-validation)
// overwrote a replicated revision's history with the server's own, so an edited case, a merged conflict or an
// anonymised entry arriving by replication was answered "written" and silently not stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryPouch, PouchDB } from '#test/support/pouch';
import { createAdmin, setUpTeam, startSyncServer, type SyncServer } from '#test/support/sync-server';
import type { PouchDatabase } from '#renderer/sync/pouch';

const ADMIN = { name: 'admin', password: 'admin-pw' };
const DESK = { name: 'desk-a', password: 'pw-a' };
const DB = 'complaints';
let server: SyncServer;

beforeAll(async () => {
  server = await startSyncServer();
  await createAdmin(server, ADMIN.name, ADMIN.password);
  await setUpTeam(server, { db: DB, admin: ADMIN, teamRole: 'team-test', desks: [DESK] });
}, 240_000);

afterAll(async () => {
  await server?.stop();
});

const as = (login: { name: string; password: string }): PouchDatabase =>
  new PouchDB(`${server.url}/${DB}`, { skip_setup: true, auth: { username: login.name, password: login.password } });

describe('pouchdb-server as the team server in tests', () => {
  it('stores a document edited at a desk when the edit arrives by replication (behind the validation rules)', async () => {
    const local = memoryPouch('desk');
    const remote = as(DESK);
    const doc = { _id: 'case:c1', type: 'case', schema: 1, writer: DESK.name, body: { id: 'c1', summary: 'First' } };
    await local.put(doc);
    await PouchDB.replicate(local, remote);
    const first = await local.get('case:c1');
    await local.put({ ...first, body: { id: 'c1', summary: 'Edited' } });
    await PouchDB.replicate(local, remote);
    const edited = await local.get('case:c1');

    const onServer = await as(ADMIN).get('case:c1', { conflicts: true });
    expect(onServer._rev).toBe(edited._rev);
    expect(onServer.body).toEqual({ id: 'c1', summary: 'Edited' });
    expect(onServer._conflicts ?? []).toEqual([]);
  }, 60_000);

  it('still refuses, behind a replication, what the rules refuse (a document in another desk’s name)', async () => {
    const local = memoryPouch('desk');
    await local.put({ _id: 'case:c2', type: 'case', schema: 1, writer: 'desk-z', body: { id: 'c2' } });
    const result = (await PouchDB.replicate(local, as(DESK))) as { docs_written: number; doc_write_failures: number };
    expect(result.doc_write_failures).toBe(1);
    await expect(as(ADMIN).get('case:c2')).rejects.toMatchObject({ status: 404 });
  }, 60_000);
});
