#!/usr/bin/env node
// Rewrites the imports of the source tree to the house rules: a relative import stays only inside its own folder
// (its "unit": one feature, one folder of shared/, one folder of renderer/src, electron/main …), reaching down
// ('./x', './sub/x') or one file of the folder above ('../x', never '../sub/x'); every other import of our own code goes through a path alias of package.json "imports"
// (#shared/…, #db/…, #lib/…, #ui/…, #features/<name> = that feature's index.ts, #platform, #letters/…, #renderer/…
// for tests, #test/… = test/). Imports written against files that have since moved are repaired with
// build/codemods/moves.json (old path -> new path, both from the repository root).
//
// Run (from the repository root; plain Node, no dependencies):
//   node build/codemods/aliases.mjs            rewrite the tree in place, list what changed
//   node build/codemods/aliases.mjs --check    change nothing; exit 1 if anything would change or cannot resolve
//   node build/codemods/aliases.mjs --move <old> <new>   git mv a file and record the move in moves.json
//                                              (then run it without arguments to repair every import)
// It is idempotent: a second run changes nothing. After merging branches that still import old paths (relative
// or aliased), run it once more: an import that no longer resolves is looked up in moves.json, and a relative
// import inside a moved file is also tried from the file's old folder (a warning is printed when both resolve).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const posix = path.posix;
const ROOT = process.cwd();
const MOVES_FILE = 'build/codemods/moves.json';
const SOURCE_ROOTS = ['shared/', 'renderer/', 'electron/', 'test/', 'build/'];
const SOURCE_EXT = /\.(ts|tsx|mts)$/;
const PROBE = ['', '.ts', '.tsx', '.mts', '.json', '/index.ts', '/index.tsx'];

const readJson = (file, fallback) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : fallback);
const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });

const args = process.argv.slice(2);
if (args[0] === '--move') {
  const [, from, to] = args;
  if (!from || !to) throw new Error('usage: --move <old path> <new path>');
  fs.mkdirSync(posix.dirname(to), { recursive: true });
  git('mv', from, to);
  const moves = readJson(MOVES_FILE, {});
  for (const [k, v] of Object.entries(moves)) if (v === from) moves[k] = to; // keep chains flat
  moves[from] = to;
  writeMoves(moves);
  process.exit(0);
}
const checkOnly = args.includes('--check');

function writeMoves(moves) {
  const sorted = Object.fromEntries(Object.entries(moves).sort(([a], [b]) => a.localeCompare(b)));
  fs.mkdirSync(posix.dirname(MOVES_FILE), { recursive: true });
  fs.writeFileSync(MOVES_FILE, `${JSON.stringify(sorted, null, 2)}\n`);
}

/** Every file git knows (tracked or new, not ignored), so a fresh `git mv` or a new file counts. */
const files = git('ls-files', '--cached', '--others', '--exclude-standard')
  .split('\n')
  .filter((f) => f && fs.existsSync(f));
const existing = new Set(files);
const moves = readJson(MOVES_FILE, {});
/** Every path a file had before (a file may have moved more than once). */
const oldPathsOf = new Map();
for (const [from, to] of Object.entries(moves))
  oldPathsOf.set(followMovesLater(to), [...(oldPathsOf.get(followMovesLater(to)) ?? []), from]);
function followMovesLater(p) {
  for (let i = 0; i < 20 && moves[p]; i++) p = moves[p];
  return p;
}
const followMoves = (p) => {
  for (let i = 0; i < 20 && moves[p]; i++) p = moves[p];
  return p;
};

// Aliases from package.json "imports": each key has at most one '*', so has its target.
const aliases = Object.entries(readJson('package.json', {}).imports ?? {}).map(([key, target]) => {
  const t = target.replace(/^\.\//, '');
  const star = t.indexOf('*');
  return star < 0
    ? { key, exact: t }
    : {
        key,
        prefix: t.slice(0, star),
        suffix: t.slice(star + 1),
        keyPrefix: key.slice(0, key.indexOf('*')),
        keySuffix: key.slice(key.indexOf('*') + 1),
      };
});

/** The file an alias specifier names (without probing: the aliases carry their extension). */
function expandAlias(spec) {
  for (const a of aliases) {
    if (a.exact !== undefined) {
      if (spec === a.key) return a.exact;
    } else if (
      spec.startsWith(a.keyPrefix) &&
      spec.endsWith(a.keySuffix) &&
      spec.length > a.keyPrefix.length + a.keySuffix.length
    ) {
      return a.prefix + spec.slice(a.keyPrefix.length, spec.length - a.keySuffix.length) + a.suffix;
    }
  }
  return undefined;
}

/** The best alias for a file: an exact key first, then the most specific pattern (longest folder). */
function aliasFor(file) {
  let best;
  for (const a of aliases) {
    if (a.exact !== undefined) {
      if (a.exact === file) return a.key;
      continue;
    }
    if (!file.startsWith(a.prefix) || !file.endsWith(a.suffix)) continue;
    const middle = file.slice(a.prefix.length, file.length - a.suffix.length);
    if (!middle) continue;
    if (!best || a.prefix.length > best.length)
      best = { length: a.prefix.length, spec: a.keyPrefix + middle + a.keySuffix };
  }
  return best?.spec;
}

/** The folder an import may reach with a relative path: one feature, one folder of shared/ or renderer/src … */
function unitOf(file) {
  const parts = file.split('/');
  if (parts[0] === 'renderer' && parts[1] === 'src') {
    if (parts[2] === 'features' && parts.length > 4) return parts.slice(0, 4).join('/');
    return parts.length > 3 ? parts.slice(0, 3).join('/') : 'renderer/src';
  }
  return parts.length > 2 ? parts.slice(0, 2).join('/') : parts[0];
}

const probe = (base, inTree) => {
  for (const ext of PROBE) if (inTree(base + ext)) return base + ext;
  return undefined;
};
const isFile = (p) => existing.has(p);
const wasFile = (p) => p in moves;

/** Resolve a specifier written in `file` to a file of today's tree; undefined if it is not our code. */
function resolve(file, spec) {
  if (spec.startsWith('#')) {
    const target = expandAlias(spec);
    if (!target) return { error: `no alias matches ${spec}` };
    if (isFile(target)) return { target };
    const moved = followMoves(target);
    return isFile(moved) ? { target: moved, moved: true } : { error: `${spec} names ${target}, which does not exist` };
  }
  if (!spec.startsWith('.')) return undefined;
  const here = probe(posix.normalize(posix.join(posix.dirname(file), spec)), isFile);
  let before;
  for (const oldFile of oldPathsOf.get(file) ?? []) {
    const base = posix.normalize(posix.join(posix.dirname(oldFile), spec));
    const found = probe(base, (p) => wasFile(p) || isFile(p));
    if (found && isFile(followMoves(found))) {
      before = followMoves(found);
      break;
    }
  }
  if (here) {
    if (before && before !== here)
      warn(`${file}: '${spec}' resolves to ${here} here and to ${before} from its old folder; kept ${here}`);
    return { target: here };
  }
  if (before) return { target: before, moved: true };
  const old = probe(posix.normalize(posix.join(posix.dirname(file), spec)), wasFile);
  if (old && isFile(followMoves(old))) return { target: followMoves(old), moved: true };
  return { error: `'${spec}' does not resolve` };
}

const stripForRelative = (p) => {
  const bare = p.replace(/\.(ts|tsx)$/, '');
  const folder = bare.replace(/\/index$/, '');
  return folder === '.' || folder === '..' ? bare : folder;
};

/** A relative path the house allows: into the importer's folder or below, or one file of the folder above. */
const relativeOk = (rel) => rel.startsWith('./') || (rel.startsWith('../') && !rel.slice(3).includes('/'));

function relativeSpec(file, target) {
  let rel = posix.relative(posix.dirname(file), target);
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return rel;
}

/** What the import should say, or undefined to keep it as written. */
function rewrite(file, spec, kind) {
  const [bare, query] = spec.split(/(?=\?)/);
  const r = resolve(file, bare);
  if (!r) return undefined;
  if (r.error && kind === 'url') return undefined; // a runtime path (out/…, the repository root), not a module
  if (r.error) {
    problems.push(`${file}: ${r.error}`);
    return undefined;
  }
  const { target } = r;
  const inUnit = unitOf(target) === unitOf(file) || target.startsWith(`${posix.dirname(file)}/`);
  // A worker URL must stay relative for Vite to bundle it; it only follows moves.
  if (kind === 'url') return r.moved ? relativeSpec(file, target) + (query ?? '') : undefined;
  if (bare.startsWith('#')) {
    // An alias to a file of the importer's own folder reads better relative (and keeps a feature's inside private).
    const near = relativeSpec(file, target);
    if (inUnit && relativeOk(near)) return stripForRelative(near) + (query ?? '');
    if (!r.moved) return undefined;
    return (aliasFor(target) ?? bare) + (query ?? '');
  }
  if (!r.moved && inUnit && relativeOk(bare)) return undefined; // a relative import inside its folder: fine as written
  const alias = aliasFor(target);
  const relative = relativeSpec(file, target);
  if (inUnit && relativeOk(relative)) {
    const keepExt = /\.(ts|tsx)$/.test(bare) ? relative : stripForRelative(relative);
    return keepExt + (query ?? '');
  }
  if (alias) return alias + (query ?? '');
  if (r.moved) return stripForRelative(relative) + (query ?? '');
  warn(`${file}: no alias reaches ${target} ('${spec}' kept)`);
  return undefined;
}

const warnings = [];
const problems = [];
function warn(message) {
  warnings.push(message);
}

// `from '…'`, `import '…'`, `import('…')`, `vi.mock('…')`, `vi.importActual('…')`, `new URL('…', import.meta.url)`.
const IMPORT =
  /(\bfrom\s+|\bimport\s+|\bimport\s*\(\s*|\bvi\.(?:do)?[mM]ock\(\s*|\bimportActual(?:<[^>]*>)?\(\s*)(['"])([^'"\n]+)\2/g;
const URL_IMPORT = /(\bnew\s+URL\(\s*)(['"])(\.{1,2}\/[^'"\n]+)\2(\s*,\s*import\.meta\.url)/g;

let changedFiles = 0;
for (const file of files) {
  if (!SOURCE_EXT.test(file) || !SOURCE_ROOTS.some((r) => file.startsWith(r))) continue;
  const src = fs.readFileSync(file, 'utf8');
  const changes = [];
  let out = src.replace(IMPORT, (whole, lead, quote, spec) => {
    const next = rewrite(file, spec, 'import');
    if (next === undefined || next === spec) return whole;
    changes.push(`${spec} -> ${next}`);
    return `${lead}${quote}${next}${quote}`;
  });
  out = out.replace(URL_IMPORT, (whole, lead, quote, spec, tail) => {
    const next = rewrite(file, spec, 'url');
    if (next === undefined || next === spec) return whole;
    changes.push(`${spec} -> ${next}`);
    return `${lead}${quote}${next}${quote}${tail}`;
  });
  if (out !== src) {
    changedFiles++;
    console.log(`${file}\n  ${changes.join('\n  ')}`);
    if (!checkOnly) fs.writeFileSync(file, out);
  }
}
for (const w of warnings) console.warn(`warning: ${w}`);
for (const p of problems) console.error(`unresolved: ${p}`);
console.log(
  `${changedFiles} file(s) ${checkOnly ? 'would change' : 'changed'}; ${problems.length} unresolved; ${warnings.length} warning(s)`,
);
if (checkOnly && (changedFiles > 0 || problems.length > 0)) process.exit(1);
