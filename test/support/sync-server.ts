// A CouchDB-compatible server for the team-store tests and for trying sharing on one machine (issue #14):
// pouchdb-server, in memory, on 127.0.0.1 and a free port, from a fresh temporary folder (it writes config.json and
// log.txt into its working folder, and a leftover config.json with admins in it breaks the next start).
//
// pouchdb-server is installed apart from the app, in build/sync-server (its own package.json and lock file), because
// it needs PouchDB 7 beside the app's PouchDB 9: it is installed there on first use (`npm ci --prefix
// build/sync-server`), as build/security/scan.mjs does for its scanner. Used by test/integration and by
// `npm run sync-server` (build/team-server/dev-server.ts).
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest, type ServerResponse } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../..', import.meta.url));
const serverFolder = path.join(root, 'build/sync-server');
const binary = path.join(serverFolder, 'node_modules/pouchdb-server/bin/pouchdb-server');
/** Keeps the revision history a replication sends (pouchdb-validation overwrote it: edits were silently dropped). */
const historyFix = path.join(serverFolder, 'keep-revision-history.cjs');

export interface SyncServer {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  url: string;
  port: number;
  /** The web origins allowed to call it with credentials (CORS), when `startSyncServer` was given them. */
  corsOrigins: readonly string[] | null;
  /** What the server wrote to stdout and stderr so far (for a failing test's message). */
  output(): string;
  /** Kill the server and remove its folder; safe to call twice. */
  stop(): Promise<void>;
}

/** Install pouchdb-server into build/sync-server when it is missing. */
export function ensureSyncServerInstalled(): void {
  if (existsSync(binary)) return;
  console.log('sync-server: installing pouchdb-server into build/sync-server (npm ci)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['ci', '--prefix', serverFolder, '--no-audit', '--no-fund'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (!existsSync(binary)) throw new Error(`npm ci finished but ${binary} is missing`);
}

/** A port nobody listens on now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** The desktop app's origin, which a team's CouchDB must allow (docs/team-server.md). */
export const DESKTOP_ORIGIN = 'app://redress';

/** The methods and request headers PouchDB uses across origins (CouchDB's [cors] methods and headers). */
export const CORS_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'COPY'];
export const CORS_HEADERS = ['Accept', 'Authorization', 'Content-Type', 'Origin', 'Referer', 'If-Match', 'Destination'];

/**
 * pouchdb-server's config.json for CORS as a team's CouchDB has it ([chttpd] enable_cors, [cors] origins, credentials,
 * methods, headers): only `origins` may call it from a page, with cookies. Each origin must be exact (no `*`, which
 * cannot go with credentials).
 */
export function corsConfig(origins: readonly string[]): Record<string, Record<string, unknown>> {
  for (const origin of origins)
    if (!/^[a-z][a-z0-9+.-]*:\/\/[^/\s*]+$/i.test(origin))
      throw new Error(`Not a web origin (scheme://host[:port], no path, no *): ${origin}`);
  return {
    httpd: { enable_cors: true },
    cors: {
      origins: origins.join(', '),
      credentials: true,
      methods: CORS_METHODS.join(', '),
      headers: CORS_HEADERS.join(', '),
    },
  };
}

export interface SyncServerOptions {
  startupTimeoutMs?: number;
  /**
   * The web origins the tests' pages are served from (e.g. `http://127.0.0.1:4173`, or DESKTOP_ORIGIN): CORS with
   * credentials is allowed for exactly these, as on a team's CouchDB. Without it, pouchdb-server's own default
   * applies (CORS on for any origin), which is not what production looks like: a test of the page's path gives them.
   */
  corsOrigins?: readonly string[];
}

/**
 * Start pouchdb-server (admin party: no admin yet; `createAdmin` makes one). Waits until `GET /` answers, up to
 * `startupTimeoutMs`; a port taken between choosing and listening is retried with another port.
 */
export async function startSyncServer(options: SyncServerOptions = {}): Promise<SyncServer> {
  ensureSyncServerInstalled();
  const timeout = options.startupTimeoutMs ?? 60_000;
  const cors = options.corsOrigins ? corsConfig(options.corsOrigins) : null;
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(await freePort(), timeout, cors, options.corsOrigins ?? null);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function startOnce(
  port: number,
  timeout: number,
  config: Record<string, unknown> | null,
  corsOrigins: readonly string[] | null,
): Promise<SyncServer> {
  const cwd = mkdtempSync(path.join(tmpdir(), 'redress-sync-server-'));
  // pouchdb-server reads ./config.json (what /_config shows) from its working folder at start.
  if (config) writeFileSync(path.join(cwd, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
  const child = spawn(
    process.execPath,
    ['--require', historyFix, binary, '--in-memory', '--host', '127.0.0.1', '--port', String(port), '-n'],
    {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killed = await Promise.race([exited(child).then(() => true), sleep(5_000).then(() => false)]);
      if (!killed) {
        child.kill('SIGKILL');
        await exited(child);
      }
    }
    rmSync(cwd, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`pouchdb-server exited at start (port ${port}):\n${output}`);
    }
    try {
      const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(2_000) });
      const body = (await response.json()) as Record<string, unknown>;
      if (response.ok && ('express-pouchdb' in body || 'couchdb' in body))
        return { url, port, corsOrigins, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  await stop();
  throw new Error(`pouchdb-server did not answer on ${url} within ${timeout} ms:\n${output}`);
}

/** Make the first server admin of a fresh server (CouchDB's "admin party" ends). */
export async function createAdmin(server: Pick<SyncServer, 'url'>, name: string, password: string): Promise<void> {
  const response = await fetch(`${server.url}/_config/admins/${encodeURIComponent(name)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(password),
  });
  if (!response.ok) throw new Error(`Could not create the admin ${name}: HTTP ${response.status}`);
}

export interface TeamLogin {
  name: string;
  password: string;
}

export interface TeamSetUp {
  db: string;
  /** A server admin (made with `createAdmin`). */
  admin: TeamLogin;
  teamRole: string;
  desks: TeamLogin[];
  erasureDesks?: string[];
}

/**
 * Set the server up for a team exactly as a team's administrator does: `npm run server:setup` (build/team-server/
 * setup.ts, run as a command): the database, its `_security` for the team role, the design document with the
 * validation rules, and the desk users.
 */
export async function setUpTeam(server: Pick<SyncServer, 'url'>, team: TeamSetUp): Promise<void> {
  const args = [
    path.join(root, 'build/team-server/setup.ts'),
    ...['--url', server.url, '--db', team.db, '--team-role', team.teamRole],
    ...['--admin', `${team.admin.name}:${team.admin.password}`],
    ...team.desks.flatMap((desk) => ['--desk', `${desk.name}:${desk.password}`]),
    ...(team.erasureDesks ?? []).flatMap((name) => ['--erasure-desk', name]),
  ];
  try {
    await promisify(execFile)(path.join(root, 'node_modules/.bin/tsx'), args, { cwd: root, timeout: 60_000 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`server:setup failed: ${stderr || String(error)}`);
  }
}

/** A way in to a server that can stop answering (`hang`) without refusing connections, and answer again (`pass`). */
export interface Gate {
  /** `http://127.0.0.1:<port>`: the address the desks are given instead of the server's own. */
  url: string;
  /** From now on every new request is taken and held with no answer, as a server or link that has hung does. */
  hang(): void;
  /** Pass requests on again (those held meanwhile are dropped, as a timed-out connection is). */
  pass(): void;
  /** How many requests are being held unanswered now. */
  held(): number;
  stop(): Promise<void>;
}

/**
 * A plain HTTP relay on 127.0.0.1 and a free port in front of `target` (cookies and CORS pass through unchanged: a
 * cookie is the host's, whatever its port). Held requests are never answered; `pass` closes them.
 */
export async function startGate(target: Pick<SyncServer, 'url'>): Promise<Gate> {
  const upstream = new URL(target.url);
  let hanging = false;
  const holding = new Set<ServerResponse>();
  const server = createHttpServer((request, response) => {
    if (hanging) {
      holding.add(response);
      response.on('close', () => holding.delete(response));
      return;
    }
    const relay = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: request.url,
        method: request.method,
        headers: { ...request.headers, host: upstream.host },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    relay.on('error', () => response.destroy());
    response.on('close', () => relay.destroy());
    request.pipe(relay);
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const dropHeld = () => {
    for (const response of holding) response.destroy();
    holding.clear();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    hang: () => void (hanging = true),
    pass: () => {
      hanging = false;
      dropHeld();
    },
    held: () => holding.size,
    stop: () =>
      new Promise<void>((resolve) => {
        dropHeld();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
