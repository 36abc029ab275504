// Benchmark of the Reports screen at scale (issue #7): `npm run bench:reports` → prints ONE JSON object.
//
// Same setup as app.bench.ts: builds the web app (BENCH_SKIP_BUILD=1 to reuse out/web), serves it with vite preview on
// BENCH_PORT (default 4173), seeds CASES (default 100,000) generated cases with their timelines into the app's
// IndexedDB (BENCH_PROFILE=<dir> keeps the seeded profile for the next run; app.bench.ts's profile works too), then
// restarts the browser and opens #/reports cold. Measures: the time until every case and timeline has been read and
// summarised and the figures are drawn (the page's own clock, to the frame after), the longest main-thread task while
// it loads (long-task observer), changing a filter and the period (recomputing the report from the summaries), and the
// JS heap once loaded. Not a test: nothing fails on a slow figure.
import { spawn, execSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { build } from 'vite';
import { CHROMIUM, CHROMIUM_ARGS, firstChunkCode, waitForServer } from './support';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CASES = Number(process.env.CASES ?? 100_000);
const PORT = Number(process.env.BENCH_PORT ?? 4173);
const BASE = `http://127.0.0.1:${PORT}`;
/** Where the web build is (the app's vite config honours REDRESS_WEB_OUT too). */
const WEB_OUT = process.env.REDRESS_WEB_OUT ?? join(root, 'out/web');
const log = (message: string) => process.stderr.write(`[bench:reports] ${message}\n`);
const round = (n: number) => Math.round(n * 10) / 10;

async function seedBundle(): Promise<string> {
  const out = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: { write: false, minify: true, lib: { entry: join(root, 'test/bench/seed-page.ts'), formats: ['iife'], name: 'RedressBenchBundle', fileName: 'seed' } },
  });
  return firstChunkCode(out);
}

async function launch(profile: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  return context;
}

async function blankPage(context: BrowserContext, bundle: string): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  const asset = execSync(`ls "${join(WEB_OUT, 'assets')}" | grep -m1 "\\.css$"`, { encoding: 'utf8' }).trim();
  await page.goto(`${BASE}/assets/${asset}`);
  await page.evaluate(bundle);
  return page;
}

/** Marks when the figures first show (the frame after), and records long tasks from the start. */
const WATCH = `
  window.__reports = { ready: null, longTasks: [] };
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__reports.longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  const check = () => {
    if (window.__reports.ready === null && document.querySelector('[data-ready="reports"]')) {
      window.__reports.ready = 0;
      requestAnimationFrame(() => setTimeout(() => { window.__reports.ready = performance.now(); }, 0));
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-ready'] });
`;

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return round(usedSize / 1024 / 1024);
}

/** Click an option of an open Select and time until the "Complaints received" figure changes (the frame after). */
async function timeOption(page: Page, combobox: string, option: string): Promise<{ ms: number; received: string }> {
  await page.getByRole('combobox', { name: combobox, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).waitFor();
  return page.evaluate(async (name) => {
    const value = () => document.querySelector('[data-measure="received"] [data-value]')!.textContent;
    const before = value();
    const target = [...document.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => o.textContent?.trim() === name)!;
    const t0 = performance.now();
    target.click();
    await new Promise<void>((resolve) => {
      const tick = () => (value() !== before ? resolve() : requestAnimationFrame(tick));
      tick();
    });
    await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return { ms: performance.now() - t0, received: value()! };
  }, option);
}

async function main() {
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    log('building the web app (npm run web:build)…');
    execSync('npm run web:build', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const server: ChildProcess = spawn(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'preview', '--config', 'renderer/vite.config.ts', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
    { cwd: root, stdio: 'ignore', env: { ...process.env } },
  );
  const keep = process.env.BENCH_PROFILE;
  const profile = keep ?? mkdtempSync(join(tmpdir(), 'redress-bench-reports-'));
  try {
    await waitForServer(BASE);
    const bundle = await seedBundle();
    log(`seeding ${CASES} cases (profile ${profile})…`);
    let context = await launch(profile);
    let page = await blankPage(context, bundle);
    const already = await page.evaluate(() => (window as any).redressBench.seeded());
    if (already !== 0 && already !== CASES) throw new Error(`The kept profile holds ${already} cases, not ${CASES}: delete ${profile}`);
    const seeded = already === CASES ? { cases: already, reused: true } : await page.evaluate((count) => (window as any).redressBench.seed(count), CASES);
    log(`seeded: ${JSON.stringify(seeded)}`);
    await context.close();

    log('opening Reports cold…');
    context = await launch(profile);
    await context.addInitScript(WATCH);
    page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // BENCH_CPU_PROFILE=<file.cpuprofile>: record the cold open with V8's sampling profiler (open it in DevTools).
    const cpuProfile = process.env.BENCH_CPU_PROFILE;
    const profiler = cpuProfile ? await page.context().newCDPSession(page) : null;
    if (profiler) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.setSamplingInterval', { interval: 1000 });
      await profiler.send('Profiler.start');
    }
    await page.goto(`${BASE}/#/reports`);
    const handle = await page.waitForFunction(() => (window as any).__reports.ready || null, null, { timeout: 600_000 });
    const readyMs = round((await handle.jsonValue()) as number);
    if (profiler) {
      const { profile } = (await profiler.send('Profiler.stop')) as { profile: unknown };
      writeFileSync(cpuProfile!, JSON.stringify(profile));
      await profiler.detach();
      log(`CPU profile written to ${cpuProfile}`);
    }
    const inPage = await page.evaluate(() => {
      const load = performance.getEntriesByName('redress:reports-load')[0];
      const tasks = (window as any).__reports.longTasks as number[];
      return { loadMs: load ? load.duration : null, longTasks: tasks.length, longestTaskMs: tasks.length ? Math.max(...tasks) : 0 };
    });
    const heapLoadedMb = await heapMb(page);
    const received = await page.locator('[data-measure="received"] [data-value]').textContent();
    await page.screenshot({ path: join(root, 'test/output/screenshots/bench-reports.png') });

    log('filters and periods…');
    const category = await timeOption(page, 'Category', 'Billing');
    await page.waitForTimeout(400);
    const handler = await timeOption(page, 'Handler', 'Jo Bloggs');
    await page.waitForTimeout(400);
    const periodChange = await timeOption(page, 'Period', 'This quarter');

    // Back to Reports from another screen: the summaries are kept (./summary-cache.ts), nothing is read again.
    log('leaving Reports and coming back…');
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.locator('[data-measure]').first().waitFor({ state: 'detached' });
    const back = Date.now();
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.locator('[data-measure="received"] [data-value]').waitFor();
    const returnVisitMs = Date.now() - back;
    await context.close();

    console.log(
      JSON.stringify(
        {
          benchmark: 'redress reports at scale (issue #7)',
          cases: CASES,
          seeded,
          coldOpenToFigures: { ms: readyMs, loadAndSummariseMs: inPage.loadMs === null ? null : round(inPage.loadMs), longTasks: inPage.longTasks, longestTaskMs: round(inPage.longestTaskMs) },
          receivedLast12Months: received,
          heapLoadedMb,
          returnVisitToFiguresMs: returnVisitMs,
          recompute: {
            categoryFilterMs: round(category.ms),
            handlerFilterMs: round(handler.ms),
            periodThisQuarterMs: round(periodChange.ms),
          },
          pageErrors: errors,
          chromium: execSync(`${CHROMIUM} --version`, { encoding: 'utf8' }).trim(),
        },
        null,
        2,
      ),
    );
  } finally {
    server.kill();
    if (!keep) rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
