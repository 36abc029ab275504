// `npm run sync-server`: a team server on this computer for trying sharing (issue #14). Starts pouchdb-server in
// memory on 127.0.0.1 and a free port (installing it into build/sync-server on first use), sets it up as
// `npm run server:setup` would (a generated admin, the database `complaints` for the role `team-local`, one desk
// login), prints the address and the desk login, and stops the server on Ctrl+C. Nothing is kept: the data lives in
// memory and is gone when it stops. Not for real cases: a real team uses CouchDB 3 (docs/team-server.md).
import { randomBytes } from 'node:crypto';
import { createAdmin, DESKTOP_ORIGIN, startSyncServer } from '#test/support/sync-server';
import { setupTeamServer } from './setup';

const DB = 'complaints';
const TEAM_ROLE = 'team-local';

const secret = () => randomBytes(12).toString('base64url');

// The pages that may call it with the desk's session cookie: the desktop app, and the web mode (`npm run web`, and
// `npm run web:dev`) on this computer, as a team's CouchDB allows its own (docs/team-server.md).
const CORS_ORIGINS = [DESKTOP_ORIGIN, 'http://127.0.0.1:4173', 'http://127.0.0.1:5173'];

const server = await startSyncServer({ corsOrigins: CORS_ORIGINS });
let stopping = false;
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(code);
};
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  const admin = { name: 'admin', password: secret() };
  const desk = { name: 'desk1', password: secret() };
  await createAdmin(server, admin.name, admin.password);
  await setupTeamServer({
    url: server.url,
    db: DB,
    admin,
    teamRole: TEAM_ROLE,
    desks: [desk],
    erasureDesks: [desk.name],
  });
  // A throw-away server on this computer: its logins are printed so the person trying it can type them.
  console.log(`Team server (pouchdb-server, in memory) at ${server.url}`);
  console.log(`  database:   ${DB}`);
  console.log(`  desk login: ${desk.name} / ${desk.password}   (team role ${TEAM_ROLE}, may erase)`);
  console.log(`  admin:      ${admin.name} / ${admin.password}`);
  console.log(`  pages allowed to call it (CORS, with cookies): ${CORS_ORIGINS.join(', ')}`);
  console.log(`  web mode: start it with REDRESS_SHARING_ORIGINS=${server.url} npm run web`);
  console.log('Press Ctrl+C to stop it (its data is lost).');
} catch (error) {
  console.error(`sync-server: ${error instanceof Error ? error.message : String(error)}\n${server.output()}`);
  await stop(1);
}
