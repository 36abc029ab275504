// Benchmark of "Letters to post today" (issue #5): `npm run bench:letters` → prints ONE JSON object.
//
// Builds the web app (BENCH_SKIP_BUILD=1 to reuse out/web), serves it with `vite preview`, and in Chromium:
// seeds postal complaints with the app's own repository code (a bundle made here with Vite and evaluated in the page;
// not part of the app's build), then times the page's "Make print file" from the click to the "Print file made"
// message (after the download was handed over): one letter cold (pdfmake loading), one letter warm (median of 5), and
// a batch of BATCH (default 200) letters, half acknowledgements and half time-based ADR letters. During the batch a
// requestAnimationFrame monitor records the longest gap between frames (the longest main-thread stall), and the
// renderer processes' CPU time and peak RSS are read from /proc (the page and its letter workers). It prints the load
// average at the start and the end, and the targets of issue #19. `bench:vs-libreoffice` runs it beside LibreOffice.
// Not a test: nothing fails on a slow figure; `targets` says how each compares.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { build } from 'vite';
import {
  buildWebApp,
  firstChunkCode,
  launch,
  loadAverage,
  ROOT as root,
  round,
  startPreview,
  target,
  waitForServer,
  watchRenderers,
} from './support';

const BATCH = Number(process.env.BATCH ?? 200);
/** BENCH_CPU_PROFILE=<file.cpuprofile>: record the page's main thread during the batch (open it in Chrome DevTools). */
const PROFILE = process.env.BENCH_CPU_PROFILE;
/** BENCH_TRACE=<file.json>: a performance trace of the batch, every thread (open it in DevTools' Performance panel). */
const TRACE = process.env.BENCH_TRACE;
const PORT = Number(process.env.BENCH_PORT ?? 4174);
const BASE = `http://127.0.0.1:${PORT}`;
const log = (message: string) => process.stderr.write(`[bench:letters] ${message}\n`);

/** The seeding code (./letters-seed.ts: the app's own Dexie schema and repository functions), for the page. */
const SEED_ENTRY = `
import { seed } from ${JSON.stringify(join(root, 'test/bench/letters-seed.ts'))};
globalThis.redressLettersBench = { seed };
`;

async function seedBundle(): Promise<string> {
  const out = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    plugins: [
      {
        name: 'letters-bench-entry',
        resolveId: (id) => (id.endsWith('virtual:letters-bench') ? '\0letters-bench' : null),
        load: (id) => (id === '\0letters-bench' ? SEED_ENTRY : null),
      },
    ],
    build: {
      write: false,
      minify: true,
      lib: { entry: 'virtual:letters-bench', formats: ['iife'], name: 'RedressLettersBench', fileName: 'seed' },
    },
  });
  return firstChunkCode(out);
}

/** Open the post page afresh (a hash route change: the page's JS, pdfmake included, stays loaded) and wait for the list. */
async function openPostPage(page: Page, letters: number) {
  await page.evaluate(() => (location.hash = '#/'));
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  await page.evaluate(() => (location.hash = '#/post'));
  const noun = letters === 1 ? 'letter' : 'letters';
  await page.getByText(`${letters} of ${letters} ${noun} chosen`).waitFor({ timeout: 60_000 });
}

/**
 * Click the button labelled `button` and time, on the page's clock, until an element matching `done` shows (holding
 * `text`, when given); with the longest frame gap meanwhile (how long the page stopped answering). Returns that
 * element's text.
 */
async function timeClick(
  page: Page,
  button: string,
  done: { selector: string; text?: string },
): Promise<{ ms: number; longestFrameGapMs: number; text: string }> {
  const result = await page.evaluate(
    async ({ button, done }) => {
      let last = performance.now();
      let longest = 0;
      let running = true;
      const tick = (t: number) => {
        longest = Math.max(longest, t - last);
        last = t;
        if (running) requestAnimationFrame(tick);
      };
      await new Promise<void>((r) => requestAnimationFrame((t) => ((last = t), r())));
      requestAnimationFrame(tick);
      const target = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === button)!;
      const shown = new Promise<string>((resolve) => {
        const check = () => {
          const found = [...document.querySelectorAll(done.selector)].find(
            (e) => done.text === undefined || e.textContent?.includes(done.text),
          );
          if (!found) return;
          observer.disconnect();
          resolve(found.textContent ?? '');
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
      });
      const t0 = performance.now();
      target.click();
      const text = await shown;
      const ms = performance.now() - t0;
      running = false;
      longest = Math.max(longest, performance.now() - last);
      return { ms, longestFrameGapMs: longest, text };
    },
    { button, done },
  );
  return { ms: round(result.ms), longestFrameGapMs: round(result.longestFrameGapMs), text: result.text };
}

/** Click "Make print file" and time until the result shows; with the longest frame gap. */
async function timeMake(
  page: Page,
  letters: number,
): Promise<{ ms: number; longestFrameGapMs: number; pages: string }> {
  const download = page.waitForEvent('download', { timeout: 120_000 });
  const result = await timeClick(page, 'Make print file', { selector: '[role="status"]', text: 'Print file made' });
  await download;
  if (!result.text.includes(`${letters} letter`)) throw new Error(`Unexpected result: ${result.text}`);
  return {
    ms: result.ms,
    longestFrameGapMs: result.longestFrameGapMs,
    pages: /\((\d+) pages\)/.exec(result.text)?.[1] ?? '?',
  };
}

/** How long the handler reads the case before asking for its first letter (the letter worker warms up meanwhile). */
const READ_CASE_MS = 3000;

/**
 * The letter dialog's first letter of the session: open the one case from the case list, read it for READ_CASE_MS,
 * click "Acknowledgement letter…" and time until the preview shows its first page; with the longest frame gap.
 */
async function timeDialogFirstLetter(page: Page): Promise<{ ms: number; longestFrameGapMs: number }> {
  await page.evaluate(() => (location.hash = '#/cases'));
  await page.locator('[data-ready="case-list"] [role="row"][aria-rowindex="2"]').click();
  await page.getByRole('button', { name: 'Acknowledgement letter…' }).waitFor();
  await page.waitForTimeout(READ_CASE_MS);
  const { ms, longestFrameGapMs } = await timeClick(page, 'Acknowledgement letter…', {
    selector: '[role="dialog"] [role="group"][aria-label^="Page 1 of"]',
  });
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  return { ms, longestFrameGapMs };
}

/** The figures of one run (what `npm run bench:letters` prints). */
export type LettersBenchResult = Awaited<ReturnType<typeof lettersBench>>;

/** Run the benchmark: build (unless BENCH_SKIP_BUILD=1), serve, seed, time; `beforeBatch` runs just before the batch. */
export async function lettersBench(hooks: { beforeBatch?: () => Promise<void> } = {}) {
  const loadAtStart = loadAverage();
  buildWebApp(log);
  const server = startPreview(PORT);
  const profile = mkdtempSync(join(tmpdir(), 'redress-letters-bench-'));
  try {
    const bundle = await seedBundle();
    await waitForServer(BASE);
    const context = await launch(profile);
    const page = context.pages()[0] ?? (await context.newPage());
    if (process.env.BENCH_CONSOLE) page.on('console', (m) => log(`page: ${m.text()}`));
    const seed = async (acks: number, adrs: number) => {
      await page.evaluate(bundle);
      await page.evaluate(
        ([a, b]) =>
          (
            globalThis as unknown as { redressLettersBench: { seed(a: number, b: number): Promise<void> } }
          ).redressLettersBench.seed(a, b),
        [acks, adrs],
      );
    };
    await page.goto(BASE);
    await seed(1, 0);
    await page.reload();
    log('the letter dialog, first letter…');
    const dialogFirst = await timeDialogFirstLetter(page);
    await openPostPage(page, 1);
    log('one letter, cold…');
    const cold = await timeMake(page, 1);
    const warm: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      await seed(i % 2 === 0 ? 0 : 1, i % 2 === 0 ? 1 : 0);
      await openPostPage(page, 1);
      warm.push((await timeMake(page, 1)).ms);
    }
    warm.sort((a, b) => a - b);
    log(`seeding ${BATCH} cases…`);
    await seed(Math.ceil(BATCH / 2), Math.floor(BATCH / 2));
    await openPostPage(page, BATCH);
    log(`batch of ${BATCH}…`);
    const cdp = PROFILE ? await context.newCDPSession(page) : undefined;
    const tracing = TRACE ? await context.newCDPSession(page) : undefined;
    const traceEvents: unknown[] = [];
    if (tracing) {
      tracing.on('Tracing.dataCollected', ({ value }) => traceEvents.push(...value));
      await tracing.send('Tracing.start', {
        categories:
          'devtools.timeline,v8.execute,disabled-by-default-devtools.timeline,IndexedDB,disabled-by-default-v8.cpu_profiler',
        transferMode: 'ReportEvents',
      });
    }
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    // BENCH_SCREENSHOT=<file.png>: how the page looks a second into the batch (the progress bar).
    const shot = process.env.BENCH_SCREENSHOT
      ? new Promise((r) => setTimeout(r, 1000)).then(async () => {
          await page.getByRole('progressbar').scrollIntoViewIfNeeded();
          await page.screenshot({ path: process.env.BENCH_SCREENSHOT });
        })
      : undefined;
    await hooks.beforeBatch?.();
    const renderers = watchRenderers(profile);
    const batch = await timeMake(page, BATCH);
    const batchProcesses = renderers.stop();
    await shot;
    if (cdp) {
      const { profile: cpuProfile } = await cdp.send('Profiler.stop');
      writeFileSync(PROFILE!, JSON.stringify(cpuProfile));
      log(`CPU profile of the batch written to ${PROFILE}`);
    }
    if (tracing) {
      const complete = new Promise<void>((resolve) => tracing.once('Tracing.tracingComplete', () => resolve()));
      await tracing.send('Tracing.end');
      await complete;
      writeFileSync(TRACE!, JSON.stringify({ traceEvents }));
      log(`performance trace of the batch written to ${TRACE}`);
    }
    await context.close();
    const oneWarm = warm[Math.floor(warm.length / 2)];
    return {
      // The letter dialog's first letter of the session, the case read for READ_CASE_MS first (made in the letter
      // worker, warmed up meanwhile): to the preview's first page, and how long the page stopped answering.
      dialogFirstLetter: { ...dialogFirst, afterReadingTheCaseMs: READ_CASE_MS },
      oneLetterColdMs: cold.ms,
      oneLetterWarmMs: oneWarm,
      oneLetterWarmRunsMs: warm,
      batch: {
        letters: BATCH,
        pages: Number(batch.pages),
        ms: batch.ms,
        longestMainThreadStallMs: batch.longestFrameGapMs,
        // CPU time of the page and its workers during the batch: what it costs, whatever else the cores are doing.
        rendererCpuMs: batchProcesses.rendererCpuMs,
        rendererCpuMsPerLetter: round(batchProcesses.rendererCpuMs / BATCH),
        rendererCpuMsByThread: batchProcesses.rendererCpuMsByThread,
        peakRendererRssMb: batchProcesses.peakRendererRssMb,
        rendererRssBeforeMb: batchProcesses.startRendererRssMb,
      },
      loadAverage: { start: loadAtStart, end: loadAverage() },
      targets: {
        oneLetterWarm: target(oneWarm, [50], '≤ 50 ms'),
        batch: target(batch.ms, [1500], '≤ 1.5 s for 200 letters, all 200 locked copies stored'),
      },
    };
  } finally {
    server.kill();
    rmSync(profile, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  lettersBench().then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
