// The layer checker: reads every module of the app with a real TypeScript parser (oxc-parser), resolves each import
// (relative paths and the package.json "imports" aliases) to a file, puts every file in its layer by the table below
// (the house rules of shared/DESIGN.md), and fails on any import that points the wrong way, any layer that imports a
// package it must not, any cross-feature import that does not go through the feature's index.ts, and any relative
// import that climbs more than one folder. It prints how many modules and imports it read, so a checker that reads
// nothing is seen at once (the test beside it checks the counts and plants forbidden imports in a copy of the tree).
//
//   npx tsx build/lint/layers.ts [--root DIR] [--json]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseSync } from 'oxc-parser';

// ---------------------------------------------------------------------------------------------------------------
// The rules

/** A layer: where its files are (path prefixes from the root, the longest match wins) and what it may import. */
export interface Layer {
  name: string;
  paths: string[];
  /** Layers this one may import (itself is always allowed). */
  mayImport: string[];
  /** npm packages (or `node:`) this layer's non-test files must not import; test files may import anything. */
  forbiddenPackages?: RegExp;
  /** Only these npm packages may be imported by its non-test files (checked after forbiddenPackages). */
  allowedPackages?: RegExp;
}

const NODE = /^(node:|electron$|electron\/)/;
const BROWSER_ONLY = /^(react|react-dom|@mantine\/|dexie|wouter|pdfmake|pdfjs-dist|pouchdb|@tabler\/|@tanstack\/)/;
/** Pure libraries shared/ may use: validation, dates, compression, calendars, CSV and ICS text. */
const SHARED_PACKAGES =
  /^(zod|date-fns|date-fns\/.*|fflate|date-holidays|date-holidays\/package\.json|papaparse|ical-generator|ical\.js)$/;

const SHARED_BASE = ['shared/model', 'shared/rules', 'shared/casework'];

export const LAYERS: Layer[] = [
  // shared/: pure TypeScript, no DOM, Node, Electron, Dexie or React; inside it the arrows point down.
  { name: 'shared/model', paths: ['shared/model/'], mayImport: [], allowedPackages: SHARED_PACKAGES },
  { name: 'shared/rules', paths: ['shared/rules/'], mayImport: ['shared/model'], allowedPackages: SHARED_PACKAGES },
  {
    name: 'shared/casework',
    paths: ['shared/casework/'],
    mayImport: ['shared/model', 'shared/rules'],
    allowedPackages: SHARED_PACKAGES,
  },
  // Erasure finds the customer's other cases as a subject-access request does (exports/subject-access.ts).
  {
    name: 'shared/privacy',
    paths: ['shared/privacy/'],
    mayImport: [...SHARED_BASE, 'shared/exports'],
    allowedPackages: SHARED_PACKAGES,
  },
  { name: 'shared/letters', paths: ['shared/letters/'], mayImport: SHARED_BASE, allowedPackages: SHARED_PACKAGES },
  { name: 'shared/reports', paths: ['shared/reports/'], mayImport: SHARED_BASE, allowedPackages: SHARED_PACKAGES },
  {
    name: 'shared/exports',
    paths: ['shared/exports/'],
    mayImport: [...SHARED_BASE, 'shared/letters', 'shared/reports'],
    allowedPackages: SHARED_PACKAGES,
  },
  {
    name: 'shared/backup',
    paths: ['shared/backup/'],
    mayImport: [...SHARED_BASE, 'shared/privacy'],
    allowedPackages: SHARED_PACKAGES,
  },
  {
    name: 'shared/sync',
    paths: ['shared/sync/'],
    mayImport: [...SHARED_BASE, 'shared/privacy'],
    allowedPackages: SHARED_PACKAGES,
  },
  // Reading email files (.eml, Outlook .msg) and filling the intake form from one (issue #18): pure, with the
  // maintained MIME and .msg readers.
  {
    name: 'shared/mail',
    paths: ['shared/mail/'],
    mayImport: ['shared/model'],
    allowedPackages: /^(postal-mime|@kenjiuno\/msgreader(\/.*)?|@kenjiuno\/decompressrtf)$/,
  },
  // What an attachment is, from its bytes (issue #18): the case page, backup and email intake recognise files with it.
  { name: 'shared/files', paths: ['shared/files/'], mayImport: ['shared/model'], allowedPackages: SHARED_PACKAGES },
  // The CSP and the team server's address rules (issue #14): used by the shell, the web preview server and the page.
  { name: 'shared/security', paths: ['shared/security/'], mayImport: [], allowedPackages: SHARED_PACKAGES },
  // The contract checks a backup passphrase with the backup's own rule (backup/encryption.ts), and the sharing config
  // with the server address rule (security/sharing.ts).
  {
    name: 'shared/ipc',
    paths: ['shared/ipc/'],
    mayImport: ['shared/model', 'shared/backup', 'shared/security'],
    allowedPackages: SHARED_PACKAGES,
  },

  // electron/: the shell; shared/ and Electron/Node, never the renderer.
  { name: 'electron', paths: ['electron/'], mayImport: ['shared/*'], forbiddenPackages: BROWSER_ONLY },

  // renderer/: never Electron or node:*; inside it app/ on top, then features, then the stores and helpers.
  {
    name: 'renderer/main',
    paths: ['renderer/src/main.tsx'],
    mayImport: ['renderer/app', 'renderer/*', 'shared/*'],
    forbiddenPackages: NODE,
  },
  {
    name: 'renderer/app',
    paths: ['renderer/src/app/'],
    mayImport: [
      'renderer/features',
      'renderer/sync',
      'renderer/letters',
      'renderer/db',
      'renderer/lib',
      'renderer/ui',
      'renderer/platform',
      'shared/*',
    ],
    forbiddenPackages: NODE,
  },
  {
    name: 'renderer/features',
    paths: ['renderer/src/features/'],
    mayImport: [
      'renderer/sync',
      'renderer/letters',
      'renderer/db',
      'renderer/lib',
      'renderer/ui',
      'renderer/platform',
      'shared/*',
    ],
    forbiddenPackages: NODE,
  },
  {
    name: 'renderer/sync',
    paths: ['renderer/src/sync/'],
    mayImport: ['renderer/db', 'renderer/lib', 'renderer/platform', 'shared/*'],
    forbiddenPackages: NODE,
  },
  {
    name: 'renderer/letters',
    paths: ['renderer/src/letters/'],
    mayImport: ['renderer/lib', 'renderer/platform', 'shared/*'],
    forbiddenPackages: NODE,
  },
  {
    name: 'renderer/db',
    paths: ['renderer/src/db/'],
    mayImport: ['renderer/lib', 'renderer/platform', 'shared/*'],
    forbiddenPackages: /^(node:|electron$|electron\/|react-dom|@mantine\/|@tabler\/|wouter)/,
  },
  {
    name: 'renderer/ui',
    paths: ['renderer/src/ui/'],
    mayImport: ['renderer/lib', 'renderer/platform', 'shared/*'],
    forbiddenPackages: NODE,
  },
  { name: 'renderer/lib', paths: ['renderer/src/lib/'], mayImport: ['shared/*'], forbiddenPackages: NODE },
  {
    name: 'renderer/platform',
    paths: ['renderer/src/platform/'],
    mayImport: ['renderer/lib', 'shared/*'],
    forbiddenPackages: NODE,
  },
  // The web mode's preview server sends the same CSP as the desktop shell (shared/security/sharing.ts). The build's
  // change to pdfmake's style lookups (and its test) is part of the renderer's build config.
  {
    name: 'renderer/config',
    paths: ['renderer/vite.config.ts', 'renderer/pdfmake-style-lookups'],
    mayImport: ['shared/security'],
  },

  // Tests, fixtures, benchmarks and build scripts sit outside the app and may import any layer.
  { name: 'test', paths: ['test/'], mayImport: ['*'] },
  { name: 'build', paths: ['build/'], mayImport: ['*'] },
];

/** Folders whose files are read; anything else (node_modules, out, output) is not the app's source. */
const SOURCE_ROOTS = ['shared', 'electron', 'renderer', 'test', 'build'];
const SKIP_DIRS = new Set(['node_modules', 'out', 'output', 'dist', 'release', 'test-results', 'screenshots']);
const SOURCE_FILE = /\.(ts|tsx|mts|cts|mjs|js)$/;

// ---------------------------------------------------------------------------------------------------------------
// Reading the tree

export interface Problem {
  file: string;
  line: number;
  specifier: string;
  message: string;
}
export interface LayerReport {
  modules: number;
  imports: number;
  byLayer: Record<string, number>;
  problems: Problem[];
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir)) {
    if (SKIP_DIRS.has(entry) || entry.startsWith('.')) continue;
    const path = join(dir, entry);
    const stat = statSync(path);
    if (stat.isDirectory()) walk(path, out);
    else if (SOURCE_FILE.test(entry) && !entry.endsWith('.d.ts')) out.push(path);
  }
}

const toPosix = (p: string) => p.split(sep).join('/');

export function layerOf(file: string): Layer | undefined {
  let best: { layer: Layer; length: number } | undefined;
  for (const layer of LAYERS) {
    for (const prefix of layer.paths) {
      if ((file === prefix || file.startsWith(prefix)) && (!best || prefix.length > best.length))
        best = { layer, length: prefix.length };
    }
  }
  return best?.layer;
}

function mayImport(from: Layer, to: Layer): boolean {
  if (from.name === to.name) return true;
  return from.mayImport.some((allowed) => {
    if (allowed === '*') return true;
    if (allowed.endsWith('/*')) return to.name.startsWith(allowed.slice(0, -1));
    return allowed === to.name;
  });
}

/** package.json "imports": an exact key, or a pattern with one `*` whose match replaces the `*` of its target. */
type Aliases = { key: string; target: string }[];

function readAliases(root: string): Aliases {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { imports?: Record<string, unknown> };
  const aliases: Aliases = [];
  for (const [key, value] of Object.entries(pkg.imports ?? {})) {
    if (typeof value === 'string') aliases.push({ key, target: value.replace(/^\.\//, '') });
  }
  return aliases;
}

/** The file an aliased specifier names (relative to the root, before extensions are tried), or undefined. */
function resolveAlias(aliases: Aliases, specifier: string): string | undefined {
  for (const { key, target } of aliases) {
    const star = key.indexOf('*');
    if (star < 0) {
      if (specifier === key) return target;
      continue;
    }
    const [prefix, suffix] = [key.slice(0, star), key.slice(star + 1)];
    if (
      specifier.startsWith(prefix) &&
      specifier.endsWith(suffix) &&
      specifier.length >= prefix.length + suffix.length
    ) {
      return target.replace('*', specifier.slice(prefix.length, specifier.length - suffix.length));
    }
  }
  return undefined;
}

const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.mjs', '.js', '/index.ts', '/index.tsx'];

function resolveFile(root: string, candidate: string): string | undefined {
  for (const ext of EXTENSIONS) {
    const path = candidate + ext;
    if (existsSync(path) && statSync(path).isFile()) return toPosix(relative(root, path));
  }
  // TypeScript's `./x.js` meaning `./x.ts`.
  const stripped = candidate.replace(/\.(js|mjs)$/, '');
  if (stripped !== candidate) return resolveFile(root, stripped);
  return undefined;
}

/** Every import specifier of a file, with its line: static imports and re-exports (type-only included) and dynamic ones. */
function importsOf(file: string, source: string): { specifier: string; line: number }[] {
  const parsed = parseSync(file, source);
  const lineAt = (offset: number) => source.slice(0, offset).split('\n').length;
  const found: { specifier: string; line: number }[] = [];
  for (const imp of parsed.module.staticImports)
    found.push({ specifier: imp.moduleRequest.value, line: lineAt(imp.start) });
  for (const exp of parsed.module.staticExports) {
    for (const entry of exp.entries)
      if (entry.moduleRequest) found.push({ specifier: entry.moduleRequest.value, line: lineAt(exp.start) });
  }
  for (const dyn of parsed.module.dynamicImports) {
    const text = source.slice(dyn.moduleRequest.start, dyn.moduleRequest.end).trim();
    const literal = /^(['"`])([^'"`$]*)\1$/.exec(text);
    if (literal) found.push({ specifier: literal[2], line: lineAt(dyn.start) });
  }
  // Workers: new Worker(new URL('./x.ts', import.meta.url)) is an import too.
  const inComment = (offset: number) => parsed.comments.some((c) => c.start <= offset && offset < c.end);
  for (const match of source.matchAll(/new URL\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url\s*\)/g)) {
    const at = match.index ?? 0;
    if (/\.(ts|tsx|js|mjs)$/.test(match[2]) && !inComment(at)) found.push({ specifier: match[2], line: lineAt(at) });
  }
  return found;
}

/**
 * How a case's timeline is stored is renderer/src/db/timeline.ts's business (one home: `recordEntries`, `putEntries`,
 * `rewriteAnonymisedEntries`, `removeTimeline`; its reads are there too), so nothing else in the app writes timeline
 * entries itself. The schema's upgrades (db/schema.ts) and what moves rows by a table's name (backup, storage, the
 * bridge) are not caught here.
 */
const TIMELINE_HOME = new Set(['renderer/src/db/timeline.ts', 'renderer/src/db/schema.ts']);
const TIMELINE_WRITE =
  /\b(?:events|timelines)\s*\.\s*(?:add|bulkAdd|put|bulkPut|update|bulkUpdate|upsert|bulkUpsert|delete|bulkDelete|clear)\s*\(/g;

function timelineWrites(file: string, source: string): { specifier: string; line: number }[] {
  if (!file.startsWith('renderer/src/') || TIMELINE_HOME.has(file) || isTestFile(file)) return [];
  return [...source.matchAll(TIMELINE_WRITE)].map((m) => ({
    specifier: m[0],
    line: source.slice(0, m.index).split('\n').length,
  }));
}

const isTestFile = (file: string) => /\.(test|spec|bench)\.(ts|tsx)$/.test(file) || /(^|\/)fixtures?\.ts$/.test(file);

export function checkLayers(root: string): LayerReport {
  root = resolve(root);
  const aliases = readAliases(root);
  const files: string[] = [];
  for (const top of SOURCE_ROOTS) if (existsSync(join(root, top))) walk(join(root, top), files);

  const report: LayerReport = { modules: 0, imports: 0, byLayer: {}, problems: [] };
  for (const absolute of files) {
    const file = toPosix(relative(root, absolute));
    const layer = layerOf(file);
    if (!layer) {
      report.problems.push({
        file,
        line: 1,
        specifier: '',
        message: 'is in no layer: add its folder to build/lint/layers.ts',
      });
      continue;
    }
    report.modules += 1;
    report.byLayer[layer.name] = (report.byLayer[layer.name] ?? 0) + 1;
    const test = isTestFile(file);
    const source = readFileSync(absolute, 'utf8');
    for (const { specifier, line } of timelineWrites(file, source))
      report.problems.push({
        file,
        line,
        specifier,
        message: 'writes timeline entries itself: record, rewrite or remove them through #db/timeline',
      });
    for (const { specifier, line } of importsOf(file, source)) {
      report.imports += 1;
      const problem = (message: string) => report.problems.push({ file, line, specifier, message });
      let target: string | undefined;
      if (specifier.startsWith('.')) {
        const path = resolve(dirname(absolute), specifier.replace(/\?.*$/, ''));
        // Built output (the Electron test launches out/main) is not source and need not exist before a build.
        if (toPosix(relative(root, path)).startsWith('out/')) continue;
        if (/^(\.\.\/){2,}/.test(specifier))
          problem('climbs more than one folder: use a path alias (#shared/…, #db/…)');
        target = resolveFile(root, path);
        if (!target) problem('does not resolve to a file');
      } else if (specifier.startsWith('#')) {
        // #renderer/… reaches any file of the renderer: for tests under test/ only, never inside the app.
        if (specifier.startsWith('#renderer/') && !file.startsWith('test/'))
          problem('#renderer/… is for tests under test/: use #features/<name>, #db/…, #lib/…');
        const aliased = resolveAlias(aliases, specifier.replace(/\?.*$/, ''));
        if (!aliased) {
          problem('is not a path alias declared in package.json "imports"');
          continue;
        }
        target = resolveFile(root, join(root, aliased));
        if (!target) problem('does not resolve to a file');
      } else {
        const bare = builtinModules.includes(specifier) ? `node:${specifier}` : specifier;
        if (test || !layer) continue;
        if (layer.forbiddenPackages?.test(bare)) problem(`${layer.name} must not import ${bare}`);
        else if (layer.allowedPackages && !layer.allowedPackages.test(bare))
          problem(`${layer.name} must not import ${bare} (shared/ is pure TypeScript)`);
        continue;
      }
      if (!target) continue;
      const to = layerOf(target);
      if (!to) continue;
      if (to.name === 'test' && test) continue;
      if (!mayImport(layer, to)) {
        problem(`${layer.name} must not import ${to.name} (${target})`);
        continue;
      }
      // A feature is entered only through its index.ts.
      const fromFeature = /^renderer\/src\/features\/([^/]+)\//.exec(file)?.[1];
      const toFeature = /^renderer\/src\/features\/([^/]+)\/(.+)$/.exec(target);
      if (
        toFeature &&
        toFeature[1] !== fromFeature &&
        !/^index\.tsx?$/.test(toFeature[2]) &&
        !file.startsWith('test/')
      ) {
        problem(`enters feature "${toFeature[1]}" by ${toFeature[2]}: import its index.ts instead`);
      }
    }
  }
  return report;
}

// ---------------------------------------------------------------------------------------------------------------
// Command line

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (invokedDirectly) {
  const args = process.argv.slice(2);
  const rootAt = args.indexOf('--root');
  const root = rootAt >= 0 ? args[rootAt + 1] : resolve(new URL('../..', import.meta.url).pathname);
  const report = checkLayers(root);
  if (args.includes('--json')) console.log(JSON.stringify(report, null, 2));
  else {
    for (const p of report.problems) console.error(`${p.file}:${p.line}  '${p.specifier}' ${p.message}`);
    const layers = Object.entries(report.byLayer)
      .map(([name, count]) => `${name} ${count}`)
      .join(', ');
    console.log(
      `layers: ${report.modules} modules, ${report.imports} imports read (${layers}); ${report.problems.length} problems`,
    );
  }
  process.exit(report.problems.length > 0 || report.modules === 0 ? 1 : 0);
}
