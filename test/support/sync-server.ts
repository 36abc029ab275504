// A CouchDB-compatible server for the team-store tests and for trying sharing on one machine (issue #14):
// pouchdb-server, in memory, on 127.0.0.1 and a free port, from a fresh temporary folder (it writes config.json and
// log.txt into its working folder, and a leftover config.json with admins in it breaks the next start).
//
// pouchdb-server is installed apart from the app, in build/sync-server (its own package.json and lock file), because
// it needs PouchDB 7 beside the app's PouchDB 9: it is installed there on first use (`npm ci --prefix
// build/sync-server`), as build/security/scan.mjs does for its scanner. Used by test/integration and by
// `npm run sync-server` (build/team-server/dev-server.ts).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const serverFolder = path.join(root, 'build/sync-server');
const binary = path.join(serverFolder, 'node_modules/pouchdb-server/bin/pouchdb-server');

export interface SyncServer {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  url: string;
  port: number;
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

/**
 * Start pouchdb-server (admin party: no admin yet; `createAdmin` makes one). Waits until `GET /` answers, up to
 * `startupTimeoutMs`; a port taken between choosing and listening is retried with another port.
 */
export async function startSyncServer(options: { startupTimeoutMs?: number } = {}): Promise<SyncServer> {
  ensureSyncServerInstalled();
  const timeout = options.startupTimeoutMs ?? 60_000;
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(await freePort(), timeout);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function startOnce(port: number, timeout: number): Promise<SyncServer> {
  const cwd = mkdtempSync(path.join(tmpdir(), 'redress-sync-server-'));
  const child = spawn(process.execPath, [binary, '--in-memory', '--host', '127.0.0.1', '--port', String(port), '-n'], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
        return { url, port, output: () => output, stop };
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
