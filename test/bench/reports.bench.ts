// Benchmark of the Reports screen at scale (issue #7): `npm run bench:reports` → prints ONE JSON object.
//
// Same setup as app.bench.ts: builds the web app (BENCH_SKIP_BUILD=1 to reuse out/web), serves it with vite preview on
// BENCH_PORT (default 4173), seeds CASES (default 100,000) generated cases with their timelines into the app's
// IndexedDB (BENCH_PROFILE=<dir> keeps the seeded profile for the next run; app.bench.ts's profile works too), then
// restarts the browser and opens #/reports cold. Measures: the time until every case and timeline has been read and
// summarised and the figures are drawn (the page's own clock, to the frame after), the longest main-thread task while
// it loads (long-task observer), changing a filter and the period (recomputing the report from the summaries), the
// JS heap once loaded, and in the same run the raw read of every case record (the issue #19 target is relative to it),
// with the machine's load average at start and end and each target with `ok`. Not a test: nothing fails on a slow figure.
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  BASE,
  blankPage,
  buildWebApp,
  CHROMIUM,
  heapMb,
  launch,
  loadAverage,
  ROOT as root,
  round,
  seedBundle,
  seedProfile,
  startPreview,
  target,
  waitForServer,
} from './support';

const CASES = Number(process.env.CASES ?? 100_000);
const log = (message: string) => process.stderr.write(`[bench:reports] ${message}\n`);

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

/** Click an option of an open Select and time until the "Complaints received" figure changes (the frame after). */
async function timeOption(page: Page, combobox: string, option: string): Promise<{ ms: number; received: string }> {
  await page.getByRole('combobox', { name: combobox, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).waitFor();
  const listbox = await page.getByRole('combobox', { name: combobox, exact: true }).getAttribute('aria-controls');
  return page.evaluate(
    async ([name, list]) => {
      const value = () => document.querySelector('[data-measure="received"] [data-value]')!.textContent;
      const before = value();
      // The option of this Select's own list (another Select, such as the person's, may hold the same name).
      const scope = (list && document.getElementById(list)) || document;
      const target = [...scope.querySelectorAll<HTMLElement>('[role="option"]')].find(
        (o) => o.textContent?.trim() === name,
      )!;
      const t0 = performance.now();
      target.click();
      // Gives up after 20 s (the figure may not change: then the time says so instead of hanging the run).
      await new Promise<void>((resolve) => {
        const tick = () =>
          value() !== before || performance.now() - t0 > 20_000 ? resolve() : requestAnimationFrame(tick);
        tick();
      });
      await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return { ms: performance.now() - t0, received: value()! };
    },
    [option, listbox] as const,
  );
}

async function main() {
  const loadAtStart = loadAverage();
  buildWebApp(log);
  const server = startPreview();
  const keep = process.env.BENCH_PROFILE;
  const profile = keep ?? mkdtempSync(join(tmpdir(), 'redress-bench-reports-'));
  try {
    await waitForServer(BASE);
    const bundle = await seedBundle();
    log(`seeding ${CASES} cases (profile ${profile})…`);
    const seeded = await seedProfile(profile, bundle, CASES);
    log(`seeded: ${JSON.stringify(seeded)}`);

    log('opening Reports cold…');
    const context = await launch(profile);
    await context.addInitScript(WATCH);
    const page = context.pages()[0] ?? (await context.newPage());
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
    const handle = await page.waitForFunction(() => (window as any).__reports.ready || null, null, {
      timeout: 600_000,
    });
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
      const measure = (name: string) => performance.getEntriesByName(name)[0]?.duration ?? null;
      return {
        loadMs: load ? load.duration : null,
        packsReadMs: measure('redress:packs-read:reportRows'),
        packsParseMs: measure('redress:packs-parse:reportRows'),
        longTasks: tasks.length,
        longestTaskMs: tasks.length ? Math.max(...tasks) : 0,
      };
    });
    const heapLoadedMb = await heapMb(page);
    const received = await page.locator('[data-measure="received"] [data-value]').textContent();
    log(`cold open: ${JSON.stringify({ readyMs, ...inPage, heapLoadedMb, received })}`);
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

    // The yardstick in the same run: reading every case record raw from IndexedDB (one getAll, no app).
    log('raw read of every case…');
    const rawContext = await launch(profile);
    const raw = (await (
      await blankPage(rawContext, bundle)
    ).evaluate(() => (window as any).redressBench.readAllCasesRaw())) as { ms: number; count: number };
    await rawContext.close();

    console.log(
      JSON.stringify(
        {
          benchmark: 'redress reports at scale (issues #7, #19)',
          cases: CASES,
          loadAverage: { start: loadAtStart, end: loadAverage() },
          targets: {
            reportsFirstOpen: target(
              readyMs,
              [2000, 1.5 * raw.ms],
              `≤ 2,000 ms and ≤ 1.5× the raw read of all case rows (${raw.ms} ms)`,
            ),
          },
          rawReadAllCasesMs: raw.ms,
          seeded,
          coldOpenToFigures: {
            ms: readyMs,
            loadAndSummariseMs: inPage.loadMs === null ? null : round(inPage.loadMs),
            // Of which (db/packs.ts): the packs read from IndexedDB, then parsed (null: not packed, read row by row).
            packsReadMs: inPage.packsReadMs === null ? null : round(inPage.packsReadMs),
            packsParseMs: inPage.packsParseMs === null ? null : round(inPage.packsParseMs),
            longTasks: inPage.longTasks,
            longestTaskMs: round(inPage.longestTaskMs),
          },
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
