#!/usr/bin/env node
// `npm start`: one command that always gives the user a working Redress.
// Where Electron's runtime is available (it is downloaded on first use) and can open a window, start the desktop app
// (`npm run electron:dev`). Otherwise say why in one line and serve the same app in web mode (`npm run web`), then
// print the address to open. Signals (Ctrl+C, SIGTERM) are passed on to whatever is running.
//
//   node electron/start.mjs          desktop if possible, else web
//   node electron/start.mjs --web    web mode, without trying Electron
//
// Environment: REDRESS_ELECTRON_CHECK_TIMEOUT_MS (default 300000) bounds the first-run download of Electron.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const CHECK_TIMEOUT_MS = Number(process.env.REDRESS_ELECTRON_CHECK_TIMEOUT_MS) || 5 * 60_000;
/** After this long, the check is presumably downloading: say so rather than sit silent. */
const DOWNLOAD_NOTICE_AFTER_MS = 5_000;
/** A desktop app that dies this soon after starting never worked: fall back to web mode. */
const EARLY_FAILURE_MS = 20_000;
const SIGNALS = process.platform === 'win32' ? ['SIGINT', 'SIGTERM'] : ['SIGINT', 'SIGTERM', 'SIGHUP'];

const say = (line) => process.stdout.write(`Redress: ${line}\n`);

/** The process we are currently waiting on; signals go to it. */
let current = null;
let stopping = false;

const isRunning = (child) => child && child.exitCode === null && child.signalCode === null;

/**
 * Stop a child and everything it started. npm runs scripts through a shell (`sh -c "a && b"`), and a shell does not
 * pass signals on, so on POSIX each script runs in its own process group and the whole group is signalled.
 */
function stopTree(child, signal) {
  if (!isRunning(child)) return;
  if (process.platform === 'win32') {
    spawn('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore' });
    return;
  }
  try {
    process.kill(child.groupLeader ? -child.pid : child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

for (const signal of SIGNALS) {
  process.on(signal, () => {
    stopping = true;
    if (isRunning(current)) stopTree(current, signal);
    else process.exit(128 + (constants.signals[signal] ?? 1));
  });
}
// Never leave a server behind, whatever way this process ends.
process.on('exit', () => stopTree(current, 'SIGTERM'));

// Requiring 'electron' returns the binary's path, downloading the binary first if it is missing (Electron >= 45);
// then `--version` proves the binary actually runs here (shared libraries present, right architecture).
const CHECK_SCRIPT = `
let binary;
try { binary = require('electron'); } catch { process.exit(2); }
const run = require('node:child_process').spawnSync(binary, ['--version'], { stdio: 'ignore', timeout: 30000 });
process.exit(run.status === 0 ? 0 : 3);
`;

/** Resolves to null when Electron can run, or to the reason it cannot (one short phrase). */
async function checkElectronRuntime() {
  const runtimeProblem = await checkElectronBinary();
  if (runtimeProblem) return runtimeProblem;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'there is no graphical display for the desktop window';
  }
  return null;
}

function checkElectronBinary() {
  return new Promise((resolve) => {
    // Its own process group too, so a timeout also stops the download it started.
    const ownGroup = process.platform !== 'win32';
    const child = spawn(process.execPath, ['-e', CHECK_SCRIPT], { cwd: root, stdio: 'ignore', detached: ownGroup });
    child.groupLeader = ownGroup;
    current = child;
    const notice = setTimeout(() => say('fetching the Electron runtime (first run only)…'), DOWNLOAD_NOTICE_AFTER_MS);
    const timeout = setTimeout(() => stopTree(child, 'SIGTERM'), CHECK_TIMEOUT_MS);
    child.on('error', () => resolve('the Electron runtime could not be checked'));
    child.on('exit', (code, signal) => {
      clearTimeout(notice);
      clearTimeout(timeout);
      current = null;
      if (stopping) process.exit(signal ? 128 + (constants.signals[signal] ?? 1) : (code ?? 1));
      if (code === 0) resolve(null);
      else if (code === 3) resolve('the Electron runtime does not run on this machine');
      else if (signal) resolve('the Electron runtime took too long to download');
      else resolve('the Electron runtime could not be downloaded (no access to its download server)');
    });
  });
}

/** `npm run <script>`, through the same npm that started us when there is one. */
function runScript(script, { onOutputLine } = {}) {
  const npmCli = process.env.npm_execpath;
  const [command, args] =
    npmCli && /\.(c|m)?js$/.test(npmCli)
      ? [process.execPath, [npmCli, 'run', '--silent', script]]
      : [process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', script]];
  const env = { ...process.env, ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}) };
  // Own process group on POSIX (see stopTree). A background group must not read the terminal (it would be stopped
  // by SIGTTIN), so stdin is closed: Vite then simply skips its keyboard shortcuts.
  const ownGroup = process.platform !== 'win32';
  const child = spawn(command, args, {
    cwd: root,
    env,
    stdio: [ownGroup ? 'ignore' : 'inherit', onOutputLine ? 'pipe' : 'inherit', 'inherit'],
    shell: command.endsWith('.cmd'),
    detached: ownGroup,
  });
  child.groupLeader = ownGroup;
  current = child;
  if (onOutputLine) {
    let pending = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      pending += chunk.toString('utf8');
      const lines = pending.split(/\r?\n/);
      pending = lines.pop() ?? '';
      for (const line of lines) onOutputLine(line);
    });
  }
  return child;
}

/** Resolves with how the child ended: its exit code, or 128 + signal number. */
function exitOf(child) {
  return new Promise((resolve) => {
    child.on('error', (error) => {
      say(`could not run npm (${error.message}).`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(signal ? 128 + (constants.signals[signal] ?? 1) : (code ?? 1)));
  });
}

function startWeb() {
  let announced = false;
  const child = runScript('web', {
    onOutputLine: (line) => {
      // Vite (dev or preview) prints "➜  Local:   http://127.0.0.1:4173/"; repeat it plainly once it is up.
      const match = /Local:\s+(https?:\/\/\S+)/.exec(line.replace(/\x1b\[[0-9;]*m/g, ''));
      if (match && !announced) {
        announced = true;
        say(`ready at ${match[1]} — open it in Chrome, Chromium, Edge or Firefox. Press Ctrl+C to stop.`);
      }
    },
  });
  return exitOf(child);
}

async function main() {
  if (process.argv.includes('--web')) {
    say('starting in web mode.');
    process.exit(await startWeb());
  }

  const reason = await checkElectronRuntime();
  if (reason) {
    say(`${reason}; starting Redress in web mode instead.`);
    process.exit(await startWeb());
  }

  const startedAt = Date.now();
  const code = await exitOf(runScript('electron:dev'));
  if (code !== 0 && !stopping && Date.now() - startedAt < EARLY_FAILURE_MS) {
    say('the desktop app could not start; starting Redress in web mode instead.');
    process.exit(await startWeb());
  }
  process.exit(code);
}

main().catch((error) => {
  say(`could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
