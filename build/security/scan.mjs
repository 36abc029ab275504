#!/usr/bin/env node
// `npm run security`: Electronegativity (Doyensec's Electron security scanner) over the desktop shell's code.
//
// Electronegativity is installed apart from the app, in build/security (its own package.json and lock file), because
// its TypeScript 4 parser must not meet the app's TypeScript 7. This script installs it there when it is missing
// (`npm ci --prefix build/security`), scans what decides the shell's security, prints every finding, and exits 1 on
// any HIGH-severity finding or on any file it could not parse (a file it cannot read is a file it did not check).
//
// What is scanned: the main process and preload sources (electron/**, tests excluded: they are not shipped and hold
// deliberately hostile fakes), the shared IPC contract and link allow-list they import (shared/ipc), and the
// renderer's index.html (its Content-Security-Policy meta tag). They are copied into a temporary folder so the scanner
// sees exactly these files and not the rest of the repository.
//
//   node build/security/scan.mjs             scan, print, fail on HIGH
//   node build/security/scan.mjs --json      also print the findings as JSON (for tooling)
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const scannerPackage = path.join(here, 'node_modules/@doyensec/electronegativity/package.json');

/**
 * Checks left out, each with the reason. Everything else Electronegativity has runs.
 * Keys are Electronegativity's check class names (lower-cased by the runner).
 */
export const EXCLUDED_CHECKS = {
  // Downloads Electron's release list from GitHub on every run: the result depends on the network and the day, not on
  // this code (offline it only waits for a time-out). The Electron version is pinned in package.json and upgraded on
  // purpose; the shell's tests pin the security settings whatever the version.
  AvailableSecurityFixesGlobalCheck:
    'network-dependent (fetches the Electron release list); the Electron version is pinned and upgraded deliberately',
};

/** Where the checks' meaning is documented, for the printed report. */
const WIKI = 'https://github.com/doyensec/electronegativity/wiki/';

function electronVersion() {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const range = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
  const version = /\d+\.\d+\.\d+/.exec(range ?? '')?.[0];
  if (!version) throw new Error('package.json does not pin an Electron version');
  return version;
}

function ensureInstalled() {
  if (existsSync(scannerPackage)) return;
  console.log('security: installing Electronegativity into build/security (npm ci)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['ci', '--prefix', here, '--no-audit', '--no-fund'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
}

/** Copy the files the scan covers into a fresh folder; returns the folder and the list of files copied. */
function stage() {
  const folder = mkdtempSync(path.join(tmpdir(), 'redress-security-'));
  const copied = [];
  const copyTree = (relative, keep) => {
    const walk = (dir) => {
      for (const name of readdirSync(path.join(root, dir))) {
        const rel = path.join(dir, name);
        if (statSync(path.join(root, rel)).isDirectory()) walk(rel);
        else if (keep(rel)) {
          mkdirSync(path.dirname(path.join(folder, rel)), { recursive: true });
          cpSync(path.join(root, rel), path.join(folder, rel));
          copied.push(rel.split(path.sep).join('/'));
        }
      }
    };
    walk(relative);
  };
  const isShippedSource = (rel) =>
    /\.(ts|mts|js|mjs|cjs)$/.test(rel) && !/\.(test|fuzz\.test|spec)\.[cm]?[jt]s$/.test(rel);
  copyTree('electron', (rel) => isShippedSource(rel) && !rel.endsWith('.d.ts'));
  copyTree(path.join('shared', 'ipc'), isShippedSource);
  copyTree('renderer', (rel) => rel === path.join('renderer', 'index.html'));
  return { folder, copied };
}

/**
 * A deliberately insecure window, scanned first on every run: if Electronegativity does not report it as HIGH, the
 * scanner is broken (or its checks were switched off) and a clean report on the app would prove nothing.
 */
const CANARY = `import { BrowserWindow } from 'electron';
export const w = new BrowserWindow({
  webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false },
});
`;

async function scan(run, folder, version) {
  // Electronegativity prints progress and a translation-download notice through console.log: keep our output clean.
  const log = console.log;
  try {
    console.log = () => undefined;
    return await run({
      input: folder,
      output: undefined,
      isSarif: false,
      customScan: [],
      excludeFromScan: Object.keys(EXCLUDED_CHECKS),
      severitySet: undefined,
      confidenceSet: undefined,
      isRelative: true,
      isVerbose: true,
      electronUpgrade: undefined,
      electronVersionOverride: version,
      parserPlugins: [],
    });
  } finally {
    console.log = log;
  }
}

async function main() {
  const asJson = process.argv.includes('--json');
  ensureInstalled();
  const require = createRequire(scannerPackage);
  const run = require('@doyensec/electronegativity');
  const { severity } = require('@doyensec/electronegativity/dist/finder/attributes.js');
  const version = electronVersion();

  const canaryFolder = mkdtempSync(path.join(tmpdir(), 'redress-security-canary-'));
  let canary;
  try {
    writeFileSync(path.join(canaryFolder, 'main.ts'), CANARY);
    canary = await scan(run, canaryFolder, version);
  } finally {
    rmSync(canaryFolder, { recursive: true, force: true });
  }
  const canaryHigh = new Set(canary.issues.filter((i) => i.severity.value >= severity.HIGH.value).map((i) => i.id));
  if (!canaryHigh.has('CONTEXT_ISOLATION_JS_CHECK') || !canaryHigh.has('LIMIT_NAVIGATION_GLOBAL_CHECK')) {
    console.error(
      `security: FAILED: the scanner did not flag a window with contextIsolation off and unguarded navigation as HIGH ` +
        `(it reported: ${[...canaryHigh].join(', ') || 'nothing'}), so its report on the app cannot be trusted.`,
    );
    process.exit(1);
  }

  const { folder, copied } = stage();
  let result;
  try {
    result = await scan(run, folder, version);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }

  const findings = result.issues
    .map((issue) => ({
      check: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      file: issue.file,
      line: issue.location?.line ?? 0,
      column: issue.location?.column ?? 0,
      description: issue.description,
      manualReview: Boolean(issue.manualReview),
      high: issue.severity.value >= severity.HIGH.value,
      rank: issue.severity.value,
    }))
    .sort((a, b) => b.rank - a.rank || a.check.localeCompare(b.check) || a.file.localeCompare(b.file));
  const unparsed = result.errors.filter((error) => !error.tolerable);

  console.log(
    `security: the canary (an insecure window) was flagged HIGH for ${[...canaryHigh].sort((a, b) => a.localeCompare(b)).join(', ')}.`,
  );
  console.log(
    `security: Electronegativity ran ${result.globalChecks + result.atomicChecks} checks ` +
      `(${result.atomicChecks} per file, ${result.globalChecks} global) over ${copied.length} files, assuming Electron ${version}.`,
  );
  for (const [check, why] of Object.entries(EXCLUDED_CHECKS)) console.log(`security: skipped ${check}: ${why}.`);
  for (const f of findings) {
    const where = f.file && f.file !== '/' ? `${f.file}:${f.line}:${f.column}` : '(whole app)';
    console.log(
      `  ${f.severity.padEnd(13)} ${f.confidence.padEnd(9)} ${f.check}  ${where}\n      ${f.description}  ${WIKI}${f.check}`,
    );
  }
  for (const error of unparsed) console.log(`  NOT SCANNED  ${path.relative(folder, error.file)}: ${error.message}`);
  if (asJson) console.log(JSON.stringify({ electronVersion: version, files: copied, findings, unparsed }, null, 2));

  const high = findings.filter((f) => f.high);
  if (high.length > 0 || unparsed.length > 0) {
    console.error(
      `security: FAILED: ${high.length} high-severity finding(s)` +
        (unparsed.length ? `, ${unparsed.length} file(s) not parsed` : '') +
        '.',
    );
    process.exit(1);
  }
  console.log(
    `security: no high-severity findings (${findings.length} lower-severity notes above, each reviewed in docs/security.md).`,
  );
}

main().catch((error) => {
  console.error(`security: could not run the scan: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
