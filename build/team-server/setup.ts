// `npm run server:setup`: prepares a team's database on a CouchDB 3 server (or pouchdb-server) for sharing (issue #14).
//
//   npm run server:setup -- --url https://couch.example:6984 --db complaints --admin admin:secret \
//     --team-role team-leeds --desk desk1:pw1 --desk desk2:pw2 [--erasure-desk desk1]
//
// Creates the database if it is missing, sets its `_security` (only users with the team role are members), writes the
// design document with the validation rules (shared/sync/design.ts) when it differs, and creates or updates the desk
// users with the team role (and the erasure role for the desks named by --erasure-desk). Idempotent: a second run
// with the same arguments changes nothing and says "nothing changed". Passwords are never printed. The address must
// be https, except for a server on this computer (127.0.0.1, ::1, localhost).
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { DESIGN_DOC_ID, designDocument, securityObject } from '#shared/sync/design';
import { ERASURE_ROLE } from '#shared/sync/documents';
import { checkServerUrl as checkSharedServerUrl, databaseNameProblem } from '#shared/security/sharing';

export interface Login {
  name: string;
  password: string;
}

export interface SetupOptions {
  url: string;
  db: string;
  admin: Login;
  teamRole: string;
  desks: Login[];
  /** Names (among `desks`) that get the erasure role; the others lose it. */
  erasureDesks: string[];
}

export interface SetupResult {
  /** What was changed, one line each (no passwords); empty when nothing was. */
  changes: string[];
}

export class SetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SetupError';
  }
}

/** The server's address without a trailing slash; refuses http to another computer and logins in the address. */
export function checkServerUrl(raw: string): string {
  const checked = checkSharedServerUrl(raw);
  if (!checked.ok) throw new SetupError(checked.problem);
  return checked.url;
}

/** `name:password` (the password may contain colons; the name may not). */
export function parseLogin(raw: string, what: string): Login {
  const colon = raw.indexOf(':');
  const name = colon > 0 ? raw.slice(0, colon) : '';
  const password = colon > 0 ? raw.slice(colon + 1) : '';
  if (!name || !password) throw new SetupError(`${what} must be name:password`);
  if (name.startsWith('_')) throw new SetupError(`${what}: a user name cannot start with "_" (${name})`);
  return { name, password };
}

function checkDbName(db: string): string {
  const problem = databaseNameProblem(db);
  if (problem) throw new SetupError(problem);
  return db;
}

const basic = (login: Login) => `Basic ${Buffer.from(`${login.name}:${login.password}`).toString('base64')}`;

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

async function request(url: string, login: Login | null, method = 'GET', body?: unknown): Promise<Reply> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(login ? { authorization: basic(login) } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : '';
    throw new SetupError(`Cannot reach ${new URL(url).origin}: ${reason}`);
  }
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    parsed = { text };
  }
  return { status: response.status, body: parsed };
}

function fail(what: string, reply: Reply): never {
  const reason = typeof reply.body.reason === 'string' ? `: ${reply.body.reason}` : '';
  throw new SetupError(`${what} failed (HTTP ${reply.status}${reason})`);
}

const sortedJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

/** Bring the server to the state the options describe; returns what it changed. */
export async function setupTeamServer(options: SetupOptions): Promise<SetupResult> {
  const base = checkServerUrl(options.url);
  const db = checkDbName(options.db);
  const security = securityObject(options.teamRole);
  const names = new Set<string>();
  for (const desk of options.desks) {
    if (names.has(desk.name)) throw new SetupError(`The desk ${desk.name} is named twice`);
    names.add(desk.name);
  }
  for (const name of options.erasureDesks)
    if (!names.has(name)) throw new SetupError(`--erasure-desk ${name} is not one of the --desk users`);
  const admin = options.admin;
  const changes: string[] = [];

  // The admin login works and is a server admin.
  const session = await request(`${base}/_session`, admin);
  const roles = (session.body.userCtx as { roles?: string[] } | undefined)?.roles ?? [];
  if (session.status !== 200 || !roles.includes('_admin'))
    throw new SetupError(`The admin login ${admin.name} was refused or is not a server admin (HTTP ${session.status})`);

  // The database.
  const dbUrl = `${base}/${encodeURIComponent(db)}`;
  const info = await request(dbUrl, admin);
  if (info.status === 404) {
    const created = await request(dbUrl, admin, 'PUT');
    if (created.status !== 201 && created.status !== 202) fail(`Creating the database ${db}`, created);
    changes.push(`created the database ${db}`);
  } else if (info.status !== 200) fail(`Reading the database ${db}`, info);

  // Its members: the team role only.
  const currentSecurity = await request(`${dbUrl}/_security`, admin);
  if (currentSecurity.status !== 200) fail('Reading _security', currentSecurity);
  if (sortedJson(currentSecurity.body) !== sortedJson(security)) {
    const put = await request(`${dbUrl}/_security`, admin, 'PUT', security);
    if (put.status !== 200 && put.status !== 201) fail('Setting _security', put);
    changes.push(`set the members of ${db} to the role ${options.teamRole}`);
  }

  // The design document with the rules.
  const wanted = designDocument();
  const designUrl = `${dbUrl}/${DESIGN_DOC_ID}`;
  const design = await request(designUrl, admin);
  if (design.status !== 200 && design.status !== 404) fail('Reading the design document', design);
  const differs =
    design.status === 404 ||
    design.body.validate_doc_update !== wanted.validate_doc_update ||
    design.body.language !== wanted.language;
  if (differs) {
    const body = design.status === 200 ? { ...wanted, _rev: design.body._rev } : wanted;
    const put = await request(designUrl, admin, 'PUT', body);
    if (put.status !== 201 && put.status !== 202) fail('Writing the design document', put);
    changes.push(`${design.status === 404 ? 'wrote' : 'updated'} the validation rules (${DESIGN_DOC_ID})`);
  }

  // The desk users: the team role (plus the erasure role where asked), their password working.
  for (const desk of options.desks) {
    const userUrl = `${base}/_users/${encodeURIComponent(`org.couchdb.user:${desk.name}`)}`;
    const user = await request(userUrl, admin);
    if (user.status !== 200 && user.status !== 404) fail(`Reading the user ${desk.name}`, user);
    const existing = user.status === 200 ? user.body : null;
    const otherRoles = ((existing?.roles as string[] | undefined) ?? []).filter(
      (r) => r !== options.teamRole && r !== ERASURE_ROLE,
    );
    const roles = [
      ...otherRoles,
      options.teamRole,
      ...(options.erasureDesks.includes(desk.name) ? [ERASURE_ROLE] : []),
    ];
    const rolesSame =
      existing !== null && sortedJson([...(existing.roles as string[])].sort()) === sortedJson([...roles].sort());
    // The password cannot be read back (CouchDB stores a hash): try it.
    const probe = existing === null ? null : await request(`${base}/_session`, desk);
    const passwordWorks =
      probe !== null &&
      probe.status === 200 &&
      (probe.body.userCtx as { name?: unknown } | undefined)?.name === desk.name;
    if (rolesSame && passwordWorks) continue;
    const doc = {
      ...(existing ?? {}),
      _id: `org.couchdb.user:${desk.name}`,
      name: desk.name,
      type: 'user',
      roles,
      password: desk.password,
    };
    const put = await request(userUrl, admin, 'PUT', doc);
    if (put.status !== 201 && put.status !== 202) fail(`Writing the user ${desk.name}`, put);
    const what = !existing
      ? 'created'
      : passwordWorks
        ? 'set the roles of'
        : rolesSame
          ? 'set the password of'
          : 'set the password and roles of';
    changes.push(`${what} the desk user ${desk.name} (roles: ${roles.join(', ')})`);
  }
  return { changes };
}

/** The command-line options, as setupTeamServer takes them. */
export function parseSetupArgs(argv: string[]): SetupOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: 'string' },
      db: { type: 'string' },
      admin: { type: 'string' },
      'team-role': { type: 'string' },
      desk: { type: 'string', multiple: true },
      'erasure-desk': { type: 'string', multiple: true },
    },
    strict: true,
  });
  const missing = ['url', 'db', 'admin', 'team-role'].filter((k) => !values[k as keyof typeof values]);
  if (missing.length) throw new SetupError(`Missing ${missing.map((k) => `--${k}`).join(', ')}`);
  return {
    url: values.url!,
    db: values.db!,
    admin: parseLogin(values.admin!, '--admin'),
    teamRole: values['team-role']!,
    desks: (values.desk ?? []).map((d) => parseLogin(d, '--desk')),
    erasureDesks: values['erasure-desk'] ?? [],
  };
}

async function main(): Promise<void> {
  try {
    const options = parseSetupArgs(process.argv.slice(2));
    const { changes } = await setupTeamServer(options);
    const where = `${checkServerUrl(options.url)}/${options.db}`;
    if (changes.length === 0) console.log(`server:setup: ${where}: nothing changed (already set up).`);
    else {
      console.log(`server:setup: ${where}:`);
      for (const change of changes) console.log(`  - ${change}`);
    }
  } catch (error) {
    console.error(`server:setup: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
