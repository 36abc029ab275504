// What the benchmarks share: Debian's Chromium and the launch flags that work on this machine, building and serving
// the web app, the seeding bundle, seeding a browser profile, and the page's heap.
import { installDeskOpener } from '#test/support/desk-opener';
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { build } from 'vite';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Wait (up to 20 s) until `base` answers. */
export async function waitForServer(base: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer at ${base}`);
}

/** The code of the one chunk a `build({ build: { write: false, lib } })` call produced. */
export function firstChunkCode(out: unknown): string {
  const outputs = (Array.isArray(out) ? out : [out]) as Array<{ output: Array<{ type: string; code?: string }> }>;
  const chunk = outputs[0].output.find((o) => o.type === 'chunk');
  if (!chunk?.code) throw new Error('The seeding bundle did not build');
  return chunk.code;
}

// --- The app served and seeded (app, reports and backup benchmarks) ------------------------------------------------

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const PORT = Number(process.env.BENCH_PORT ?? 4173);
export const BASE = `http://127.0.0.1:${PORT}`;
export const WEB_OUT = process.env.REDRESS_WEB_OUT ?? join(ROOT, 'out/web');
export const round = (n: number) => Math.round(n * 10) / 10;

/** Build the web app into WEB_OUT unless BENCH_SKIP_BUILD=1. */
export function buildWebApp(log: (message: string) => void): void {
  if (process.env.BENCH_SKIP_BUILD === '1') return;
  log(`building the web app into ${WEB_OUT}…`);
  execSync('npm run web:build', {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, REDRESS_WEB_OUT: WEB_OUT },
  });
}

/** `vite preview` of WEB_OUT on `port`; wait for it with waitForServer, stop it with kill(). */
export function startPreview(port = PORT): ChildProcess {
  return spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'preview',
      '--config',
      'renderer/vite.config.ts',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { cwd: ROOT, stdio: 'ignore', env: { ...process.env, REDRESS_WEB_OUT: WEB_OUT } },
  );
}

/**
 * A bench page's code (`entry`, under test/bench) bundled with Vite in memory, as an IIFE that sets `window[name]`, for
 * evaluating in a page of the app's origin: not part of the app's bundle.
 */
export async function pageBundle(entry: string, name: string): Promise<string> {
  const out = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    // A library build leaves `process.env.NODE_ENV` as it is (the app's build replaces it); the page has no `process`.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: true,
      lib: { entry: join(ROOT, 'test/bench', entry), formats: ['iife'], name, fileName: 'page' },
    },
  });
  return firstChunkCode(out);
}

/** test/bench/seed-page.ts as a page bundle (`window.RedressBenchBundle`). */
export const seedBundle = () => pageBundle('seed-page.ts', 'RedressBenchBundle');

/** Debian's Chromium with a persistent profile, British locale and time zone; downloads kept when a folder is given. */
export async function launch(profile: string, downloads?: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    acceptDownloads: true,
    ...(downloads ? { downloadsPath: downloads } : {}),
  });
  // tsx compiles the benchmarks with esbuild's keepNames, which wraps functions sent to page.evaluate in __name().
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  // `redressDesk()` in the page: the desk's database where the app keeps it (a storage bucket for a desk made now).
  await installDeskOpener(context);
  return context;
}

/** A same-origin page without the app (a built asset), so seeding and raw reads run with nothing else open. */
export async function blankPage(context: BrowserContext, bundle: string): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  const asset = readdirSync(join(WEB_OUT, 'assets')).find((f) => f.endsWith('.css'));
  if (!asset) throw new Error(`No built stylesheet in ${WEB_OUT}/assets: build the web app first`);
  await page.goto(`${BASE}/assets/${asset}`);
  await page.evaluate(bundle);
  return page;
}

/**
 * Seed `cases` generated cases into the profile's IndexedDB, or reuse them when a kept profile (BENCH_PROFILE) already
 * holds exactly that many; the browser is closed again afterwards.
 */
export async function seedProfile(profile: string, bundle: string, cases: number): Promise<Record<string, unknown>> {
  const context = await launch(profile);
  try {
    const page = await blankPage(context, bundle);
    const already = await page.evaluate(() => (window as any).redressBench.seeded());
    if (already !== 0 && already !== cases)
      throw new Error(`The kept profile holds ${already} cases, not ${cases}: delete ${profile}`);
    const seeded: Record<string, unknown> =
      already === cases
        ? { cases: already, reused: true }
        : await page.evaluate((count) => (window as any).redressBench.seed(count), cases);
    // The case index and report rows packed as the app leaves them after its first read (BENCH_NO_PACKS=1: not, to
    // time a first open with no packs, as after an upgrade or a restore).
    if (process.env.BENCH_NO_PACKS !== '1')
      seeded.packed = await page.evaluate(() => (window as any).redressBench.pack());
    return seeded;
  } finally {
    await context.close();
  }
}

/** The page's JS heap after a garbage collection, in MB (DevTools protocol). */
export async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return round(usedSize / 1024 / 1024);
}

/** The machine's load average over 1, 5 and 15 minutes: other work on the shared cores skews every figure. */
export function loadAverage(): number[] {
  return loadavg().map((n) => Math.round(n * 100) / 100);
}

/**
 * BENCH_COLD_CACHE=1: empty the system's file cache (Linux, as root) before a timed cold read, so it reads the profile's
 * files from the disk as the first open of a morning does, not from memory as a run straight after another does.
 * Whether it was emptied (false: not asked, or not allowed here).
 */
export function dropFileCache(): boolean {
  if (process.env.BENCH_COLD_CACHE !== '1') return false;
  try {
    execSync('sync && echo 1 > /proc/sys/vm/drop_caches', { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    process.stderr.write('[bench] BENCH_COLD_CACHE=1, but the file cache cannot be emptied here (Linux, as root)\n');
    return false;
  }
}

/** A measured figure against its target (issue #19): `ok` when it is at or under every limit given. */
export function target(value: number, limits: number[], words: string): { value: number; target: string; ok: boolean } {
  return { value, target: words, ok: limits.every((limit) => value <= limit) };
}

/** Twenty queries a desk types: references, names, phone, email, postcode, account, summary words. */
export const SEARCH_QUERIES = [
  'RDR-2026-0012',
  '000345',
  'smith',
  'lovelace',
  'ada love',
  'patel',
  "o'neill",
  'mohammed khan',
  '0113 496',
  '0161',
  'jones12@example',
  '@example.com',
  'LS12',
  'sw3 4',
  'AC1234',
  'broadband dropping',
  'refund',
  'engineer missed',
  'price rise',
  'tremblay',
];

/** The p-th percentile of the values (nearest rank), rounded to 0.1. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
}

// --- The renderer processes' memory and CPU (issue #19) ------------------------------------------------------------

/**
 * The renderer processes of the Chromium started with `--user-data-dir=<profile>` (its web workers are their threads),
 * or its utility processes (the network and storage services: IndexedDB lives in the storage service).
 */
export function rendererPids(profile: string, type: 'renderer' | 'utility' | 'browser' = 'renderer'): number[] {
  const parent = new Map<number, number>();
  const args = new Map<number, string>();
  for (const p of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      parent.set(Number(p), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      args.set(Number(p), readFileSync(`/proc/${p}/cmdline`, 'utf8').replace(/\0/g, ' '));
    } catch {
      // gone
    }
  }
  const browser = [...args].find(([, a]) => a.includes(`--user-data-dir=${profile}`) && !a.includes('--type='))?.[0];
  if (browser === undefined) return [];
  if (type === 'browser') return [browser];
  const descends = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === browser) return true;
    return false;
  };
  return [...args].filter(([pid, a]) => a.includes(`--type=${type}`) && descends(pid)).map(([pid]) => pid);
}

/** A process's resident memory in bytes (0 when it is gone). */
export function rssBytes(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

const CLOCK_TICKS_PER_SECOND = 100;

/** A process's CPU time so far (user + system, every thread), in ms. */
function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** CPU time so far of each thread of a process, in ms, summed by thread name (CrRendererMain, DedicatedWorker…). */
function threadCpuMs(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tasks) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = stat
        .slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
        .replace(/\d+$/, '')
        .trim();
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
      out.set(name, (out.get(name) ?? 0) + ms);
    } catch {
      // gone
    }
  }
  return out;
}

/**
 * CPU time so far, in ms, of the profile's Chromium processes by kind: the browser process (where Chromium's
 * IndexedDB does its work on Linux), its renderers (the page and its web workers) and its utility processes. Two
 * readings subtracted say where a step's work ran, whatever else the shared cores did meanwhile (a process that ends
 * between them is left out).
 */
export function processCpuMs(profile: string): { browser: number; renderer: number; utility: number } {
  const sum = (pids: number[]) => pids.reduce((total, pid) => total + cpuMs(pid), 0);
  return {
    browser: sum(rendererPids(profile, 'browser')),
    renderer: sum(rendererPids(profile)),
    utility: sum(rendererPids(profile, 'utility')),
  };
}

/**
 * Watch the profile's renderer processes from now until stop(): their peak RSS (sampled every 100 ms) and the CPU time
 * they used meanwhile, in all and by thread name (the page's main thread is CrRendererMain, web workers are
 * DedicatedWorker threads). CPU time says what a figure costs even when other work on the shared cores stretches the
 * wall-clock time. A thread that ends before stop() is counted up to its last sample.
 */
export function watchRenderers(profile: string): {
  stop(): {
    peakRendererRssMb: number;
    /** The largest renderer's RSS when watching began (as the peak is the largest's), to tell what the work added. */
    startRendererRssMb: number;
    rendererCpuMs: number;
    rendererCpuMsByThread: Record<string, number>;
  };
} {
  const start = new Map(rendererPids(profile).map((pid) => [pid, cpuMs(pid)]));
  const threadsAtStart = new Map([...start.keys()].map((pid) => [pid, threadCpuMs(pid)]));
  const threadsLatest = new Map<number, Map<string, number>>();
  let peak = 0;
  const sample = () => {
    for (const pid of rendererPids(profile)) {
      peak = Math.max(peak, rssBytes(pid));
      if (!start.has(pid)) start.set(pid, 0);
      threadsLatest.set(pid, threadCpuMs(pid));
    }
  };
  sample();
  const atStart = peak;
  const timer = setInterval(sample, 100);
  return {
    stop() {
      clearInterval(timer);
      sample();
      let cpu = 0;
      for (const [pid, at] of start) cpu += Math.max(0, cpuMs(pid) - at);
      const byThread: Record<string, number> = {};
      for (const [pid, latest] of threadsLatest) {
        const before = threadsAtStart.get(pid);
        for (const [name, ms] of latest) {
          const used = Math.max(0, ms - (before?.get(name) ?? 0));
          if (used > 0) byThread[name] = round((byThread[name] ?? 0) + used);
        }
      }
      return {
        peakRendererRssMb: round(peak / 1024 / 1024),
        startRendererRssMb: round(atStart / 1024 / 1024),
        rendererCpuMs: round(cpu),
        rendererCpuMsByThread: byThread,
      };
    },
  };
}
