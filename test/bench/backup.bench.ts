// Benchmark of backup and restore at scale: `npm run bench:backup` → prints ONE JSON object.
//
// Same setup as reports.bench.ts: builds the web app into REDRESS_WEB_OUT (BENCH_SKIP_BUILD=1 to reuse it), serves it
// with vite preview on BENCH_PORT (default 4173), seeds CASES (default 100,000) generated cases with their timelines
// into the app's IndexedDB (BENCH_PROFILE=<dir> keeps the seeded profile; reports.bench.ts's and app.bench.ts's
// profiles work too, with the same BENCH_PORT, since IndexedDB belongs to the origin), then restarts the browser and
// opens "Your data" cold. Then, as a user would:
//   1. presses "Make a backup now" and waits for the download: time, file size, the longest main-thread task,
//      the page's JS heap peak (sampled over the DevTools protocol; the backup worker's heap is not in it) and the
//      renderer process's peak memory (the page and its workers);
//   2. chooses that file under "Restore from a backup" and waits until the page says the checksum matches (the file is
//      inflated, its seal, every row and the cross-references checked): the same figures;
//   3. (BENCH_RESTORE=0 skips it) restores it with "Replace what is here" and waits for "Restored": the same figures,
//      and how the progress moved: the progress reports the worker sent the page (counted as they arrive on the page),
//      and the longest gap between two of them, counting from the click and up to "Restored" (so a frozen bar shows).
//      The profile then holds the same cases again (the file's), so it stays usable for the next run.
//   4. (BENCH_RAW=0 skips it) IndexedDB's floor in the same run: the same rows (cases, timelines, case index, report
//      rows) added with raw IndexedDB in one transaction into a scratch database, timing only IndexedDB's work, then
//      cleared in one transaction (seed-page.ts's rawWrite); `restoreOverFloor` is the restore's time over that.
// `--attachments-mb N` (or ATTACHMENTS_MB=N) also keeps N files of 1 MB on the desk's cases (issue #18), so the backup
// carries N MB of attachments; the JSON then says the time and the peaks (page heap, renderer RSS) with them.
// CASES=20000 makes a run of a few minutes (seeding included); the default 100,000 takes some ten minutes.
// Not a test: nothing fails on a slow figure; a crash or an error the page shows is reported in the JSON.
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  BASE,
  blankPage,
  buildWebApp,
  CHROMIUM,
  launch,
  loadAverage,
  ROOT as root,
  round,
  seedBundle,
  seedProfile,
  startPreview,
  waitForServer,
  processCpuMs,
  rendererPids,
  rssBytes,
  target,
} from './support';

const CASES = Number(process.env.CASES ?? 100_000);
const flag = process.argv.indexOf('--attachments-mb');
/** Megabytes of attachments (1 MB files) on the desk: `--attachments-mb 1000` or ATTACHMENTS_MB. */
const ATTACHMENTS_MB = Number(flag >= 0 ? process.argv[flag + 1] : (process.env.ATTACHMENTS_MB ?? 0));
const RESTORE = process.env.BENCH_RESTORE !== '0';
/** BENCH_RAW=0 skips the raw floor (the same rows written and cleared with raw IndexedDB after the restore). */
const RAW = process.env.BENCH_RAW !== '0';
/** How long one step may take before the bench gives up on it (a frozen or crashed page). */
const STEP_TIMEOUT_MS = Number(process.env.BENCH_STEP_TIMEOUT_MS ?? 900_000);
const log = (message: string) => process.stderr.write(`[bench:backup] ${message}\n`);
const mb = (bytes: number) => round(bytes / 1024 / 1024);

/**
 * Long tasks on the page's thread, from the start (buffered), cleared per step; and every restore progress report
 * the backup worker posts to the page ([page time, stage, table, done, total]), seen by a listener added to each Worker.
 */
const WATCH = `
  // Kept over a reload (a replace reloads the app onto the new copy of the database it wrote), in epoch milliseconds.
  const kept = JSON.parse(sessionStorage.getItem('bench.backup') || 'null');
  window.__backup = kept || { longTasks: [], longTaskStarts: [], progress: [] };
  if (kept) window.__backup.progress.push([performance.timeOrigin + performance.now(), 'reloaded', '', 0, 0]);
  addEventListener('pagehide', () => sessionStorage.setItem('bench.backup', JSON.stringify(window.__backup)));
  new PerformanceObserver((list) => { for (const e of list.getEntries()) { window.__backup.longTasks.push(e.duration); window.__backup.longTaskStarts.push(performance.timeOrigin + e.startTime); } }).observe({ type: 'longtask', buffered: true });
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      super(url, options);
      this.addEventListener('message', (event) => {
        const d = event.data;
        if (d && d.type === 'progress') {
          const p = d.progress;
          window.__backup.progress.push([performance.timeOrigin + performance.now(), p.stage, p.rows ? p.rows.table : '', p.done, p.total]);
        }
      });
    }
  };
`;

/** seed-page.ts's rawWrite: the same rows added raw in one transaction (IndexedDB busy only), then cleared. */
interface RawFloor {
  rows: Record<string, number>;
  writeMs: number;
  commitMs: number;
  clearMs: number;
  deleteDatabaseMs: number;
  error?: string;
}

type ProgressEntry = [at: number, stage: string, table: string, done: number, total: number];

interface ProgressFigures {
  /** Progress reports that reached the page during the restore. */
  reports: number;
  /** The longest time (s) the screen had no new report: from the click to the first, between two, the last to "Restored". */
  longestGapS: number;
  /** What the restore was doing during that gap (the report before it; "start" before the first). */
  longestGapAfter: string;
  firstReportAfterS: number | null;
  lastReportToDoneS: number | null;
  /** The last report's done / total (equal when the restore got to the end). */
  lastDone: number | null;
  total: number | null;
}

function progressFigures(entries: ProgressEntry[], startedAt: number, doneAt: number): ProgressFigures {
  const times = [startedAt, ...entries.map((e) => e[0]), doneAt];
  let longest = 0;
  let after = 'start';
  for (let i = 1; i < times.length; i++) {
    const gap = times[i] - times[i - 1];
    if (gap > longest) {
      longest = gap;
      const e = entries[i - 2];
      after = e ? `${e[1]}${e[2] ? ` ${e[2]}` : ''} at ${e[3]} of ${e[4]}` : 'start';
    }
  }
  const s = (ms: number) => Math.round(ms / 100) / 10;
  const reports = entries.filter((e) => e[1] !== 'reloaded');
  const last = reports[reports.length - 1];
  return {
    reports: reports.length,
    longestGapS: s(longest),
    longestGapAfter: after,
    firstReportAfterS: entries.length ? s(entries[0][0] - startedAt) : null,
    lastReportToDoneS: last ? s(doneAt - last[0]) : null,
    lastDone: last ? last[3] : null,
    total: last ? last[4] : null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Memory sampling from outside the page (the page's own thread may be busy for seconds), with support's
// rendererPids and rssBytes.

interface Sampler {
  stop(): Promise<{
    peakPageHeapMb: number | null;
    peakRendererRssMb: number;
    peakUtilityRssMb: number;
    cpuS: Record<string, number>;
  }>;
}

/** Sample the JS heap (DevTools protocol: answered between JS slices, even in a long task) and the renderers' RSS. */
async function sample(page: Page, profile: string): Promise<Sampler> {
  const cdp = await page.context().newCDPSession(page);
  let peakHeap = 0;
  let peakRss = 0;
  let peakUtility = 0;
  let running = true;
  const cpuAtStart = processCpuMs(profile);
  const loop = (async () => {
    while (running) {
      const rss = rendererPids(profile).reduce((max, pid) => Math.max(max, rssBytes(pid)), 0);
      peakRss = Math.max(peakRss, rss);
      for (const pid of rendererPids(profile, 'utility')) peakUtility = Math.max(peakUtility, rssBytes(pid));
      try {
        const { usedSize } = (await Promise.race([
          cdp.send('Runtime.getHeapUsage'),
          new Promise((_, reject) => setTimeout(() => reject(new Error('slow')), 1000)),
        ])) as { usedSize: number };
        peakHeap = Math.max(peakHeap, usedSize);
      } catch {
        // busy or gone: the RSS sample still counts
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await cdp.detach().catch(() => undefined);
      const cpuAtEnd = processCpuMs(profile);
      return {
        peakPageHeapMb: peakHeap ? mb(peakHeap) : null,
        peakRendererRssMb: mb(peakRss),
        peakUtilityRssMb: mb(peakUtility),
        // Where the step's work ran (a process that ended meanwhile, e.g. a renderer replaced on reload, is left out).
        cpuS: Object.fromEntries(
          Object.entries(cpuAtEnd).map(([kind, ms]) => [
            kind,
            round((ms - cpuAtStart[kind as keyof typeof cpuAtStart]) / 1000),
          ]),
        ),
      };
    },
  };
}

interface Step {
  ms: number;
  longTasks: number;
  longestTaskMs: number;
  peakPageHeapMb: number | null;
  peakRendererRssMb: number;
  /** The largest utility process (IndexedDB's storage service among them). */
  peakUtilityRssMb: number;
  /** Whether the longest task ran after the app reloaded onto a replace's new copy (a replace only). */
  longestTaskAfterReload?: boolean;
  /** CPU seconds the step used, by process kind (support.ts processCpuMs). */
  cpuS: Record<string, number>;
  error?: string;
}

/** Run one user step, timing it from Node and collecting the page's long tasks and the memory peaks meanwhile. */
async function step(page: Page, profile: string, run: () => Promise<void>): Promise<Step> {
  await page.evaluate(() => Object.assign((window as any).__backup, { longTasks: [], longTaskStarts: [] }));
  const sampler = await sample(page, profile);
  const t0 = performance.now();
  let error: string | undefined;
  try {
    await run();
  } catch (e) {
    error = e instanceof Error ? e.message.split('\n')[0] : String(e);
  }
  const ms = performance.now() - t0;
  const memory = await sampler.stop();
  // Long tasks are reported once they end; give the observer a frame.
  await page.waitForTimeout(300).catch(() => undefined);
  const watched = (await page
    .evaluate(() => {
      const w = (window as any).__backup;
      const reloaded = (w.progress as ProgressEntry[]).find((p) => p[1] === 'reloaded')?.[0] ?? null;
      return { tasks: w.longTasks as number[], starts: w.longTaskStarts as number[], reloaded };
    })
    .catch(() => null)) ?? { tasks: [], starts: [], reloaded: null };
  const { tasks, starts, reloaded } = watched;
  const longest = tasks.length ? tasks.indexOf(Math.max(...tasks)) : -1;
  return {
    ms: round(ms),
    longTasks: tasks.length,
    longestTaskMs: round(tasks.length ? Math.max(...tasks) : 0),
    // Whether the longest task came after a replace reloaded the app onto the new copy (the app starting, not the restore).
    ...(reloaded !== null && longest >= 0 ? { longestTaskAfterReload: starts[longest] >= reloaded } : {}),
    ...memory,
    ...(error ? { error } : {}),
  };
}

async function main() {
  const loadAtStart = loadAverage();
  buildWebApp(log);
  const server = startPreview();
  const keep = process.env.BENCH_PROFILE;
  const profile = keep ?? mkdtempSync(join(tmpdir(), 'redress-bench-backup-'));
  const downloads = mkdtempSync(join(tmpdir(), 'redress-bench-backup-files-'));
  try {
    await waitForServer(BASE);
    const bundle = await seedBundle();
    log(`seeding ${CASES} cases (profile ${profile})…`);
    const seeded = await seedProfile(profile, bundle, CASES);
    log(`seeded: ${JSON.stringify(seeded)}`);
    let attachments: Record<string, unknown> | null = null;
    if (ATTACHMENTS_MB > 0) {
      log(`seeding ${ATTACHMENTS_MB} MB of attachments…`);
      const seeding = await launch(profile);
      try {
        const blank = await blankPage(seeding, bundle);
        attachments = await blank.evaluate((n) => (window as any).redressBench.seedAttachments(n), ATTACHMENTS_MB);
      } finally {
        await seeding.close();
      }
      log(`attachments: ${JSON.stringify(attachments)}`);
    }

    const context = await launch(profile, downloads);
    await context.addInitScript(WATCH);
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    let crashed = false;
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('crash', () => {
      crashed = true;
      errors.push('the page crashed');
    });
    // BENCH_CONSOLE=1 prints what the page and its workers write to the console (to time a step's parts).
    if (process.env.BENCH_CONSOLE) page.on('console', (m) => log(`page: ${m.text()}`));
    page.on('console', (m) => {
      // An error, or the warning that the backup worker stopped and the work fell back to the page's thread.
      if (m.type() === 'error' || (m.type() === 'warning' && /backup worker/.test(m.text())))
        errors.push(m.text().slice(0, 300));
    });
    await page.goto(`${BASE}/#/data`);
    await page.getByRole('button', { name: 'Make a backup now' }).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1000);

    log('making a backup…');
    let file = '';
    let fileBytes = 0;
    const make = await step(page, profile, async () => {
      const download = page.waitForEvent('download', { timeout: STEP_TIMEOUT_MS });
      await page.locator('[data-action="backup-now"]').click();
      const failed = page.getByRole('alert').filter({ hasText: 'could not be made' });
      const got = await Promise.race([download, failed.waitFor({ timeout: STEP_TIMEOUT_MS }).then(() => null)]);
      if (!got) throw new Error((await failed.textContent()) ?? 'The backup could not be made');
      file = join(downloads, got.suggestedFilename());
      await got.saveAs(file);
      fileBytes = statSync(file).size;
    });
    log(`made: ${JSON.stringify(make)} (${mb(fileBytes)} MB)`);

    let check: Step | null = null;
    let restore: Step | null = null;
    let restoreProgress: ProgressFigures | null = null;
    let casesAfter: string | null = null;
    if (file && !crashed) {
      log('checking it for a restore…');
      check = await step(page, profile, async () => {
        const chooser = page.waitForEvent('filechooser');
        await page.getByRole('button', { name: 'Choose a backup file…' }).click();
        await (await chooser).setFiles(file);
        const ok = page.getByText('The checksum matches.');
        const refused = page.getByRole('alert').filter({ hasText: 'Not restored' });
        await Promise.race([ok.waitFor({ timeout: STEP_TIMEOUT_MS }), refused.waitFor({ timeout: STEP_TIMEOUT_MS })]);
        if (await refused.isVisible()) throw new Error((await refused.textContent()) ?? 'refused');
      });
      log(`checked: ${JSON.stringify(check)}`);

      if (RESTORE && !check.error && !crashed) {
        log('restoring it (replace)…');
        await page.getByRole('radio', { name: 'Replace what is here' }).check();
        await page.getByRole('button', { name: 'Restore…' }).click();
        let startedAt = 0;
        let doneAt = 0;
        restore = await step(page, profile, async () => {
          startedAt = await page.evaluate(() => {
            (window as any).__backup.progress = [];
            return performance.timeOrigin + performance.now();
          });
          await page.getByRole('button', { name: 'Replace this desk’s data' }).click();
          const done = page.getByRole('status').filter({ hasText: 'this desk now has' });
          const refused = page.getByRole('alert').filter({ hasText: 'Not restored' });
          try {
            await Promise.race([
              done.waitFor({ timeout: STEP_TIMEOUT_MS }),
              refused.waitFor({ timeout: STEP_TIMEOUT_MS }),
            ]);
          } finally {
            // Also when it timed out: how far the progress got, and how long it stood still.
            doneAt = await page.evaluate(() => performance.timeOrigin + performance.now()).catch(() => 0);
          }
          if (await refused.isVisible()) throw new Error((await refused.textContent()) ?? 'refused');
          casesAfter = await done.locator('p').first().textContent();
        });
        const entries =
          ((await page.evaluate(() => (window as any).__backup.progress).catch(() => [])) as ProgressEntry[]) ?? [];
        if (startedAt && doneAt) restoreProgress = progressFigures(entries, startedAt, doneAt);
        log(`restored: ${JSON.stringify(restore)}; progress: ${JSON.stringify(restoreProgress)}`);
      }
    }
    await page.screenshot({ path: join(root, 'test/output/screenshots/bench-backup.png') }).catch(() => undefined);
    await context.close();

    // IndexedDB's own floor, in the same run: the same rows added raw in one transaction, then cleared (seed-page.ts).
    let raw: RawFloor | null = null;
    if (RAW) {
      log('writing the same rows raw (the floor)…');
      const rawContext = await launch(profile);
      try {
        const blank = await blankPage(rawContext, bundle);
        raw = await blank.evaluate((n) => (window as any).redressBench.rawWrite(n), CASES);
      } catch (e) {
        raw = { error: e instanceof Error ? e.message.split('\n')[0] : String(e) } as RawFloor;
      } finally {
        await rawContext.close();
      }
      log(`raw: ${JSON.stringify(raw)}`);
    }

    console.log(
      JSON.stringify(
        {
          benchmark: 'redress backup and restore at scale',
          cases: CASES,
          seeded,
          attachments,
          makeBackup: { ...make, fileMb: mb(fileBytes) },
          checkForRestore: check,
          replaceRestore: restore ? { ...restore, progress: restoreProgress } : null,
          afterRestore: casesAfter,
          rawFloor:
            raw && !raw.error
              ? {
                  ...raw,
                  // What a replace must at least do in its one transaction: remove the desk's rows, write the file's.
                  floorS: round((raw.writeMs + raw.commitMs + raw.clearMs) / 1000),
                  restoreOverFloor:
                    restore && !restore.error
                      ? round((restore.ms / (raw.writeMs + raw.commitMs + raw.clearMs)) * 100) / 100
                      : null,
                }
              : raw,
          targets: {
            replaceRestoreS: restore
              ? target(round(restore.ms / 1000), restore.error ? [-1] : [60], '≤ 60 s (issue #19)')
              : null,
            restorePageFrozenMs: restore
              ? target(restore.longestTaskMs, [200], 'longest main-thread task ≤ 200 ms')
              : null,
            restoreProgressStillS: restoreProgress
              ? target((restoreProgress as ProgressFigures).longestGapS, [2], 'progress never still > 2 s')
              : null,
            peakRendererRssMb: target(
              Math.max(make.peakRendererRssMb, check?.peakRendererRssMb ?? 0, restore?.peakRendererRssMb ?? 0),
              [500],
              'renderer process (page and workers) ≤ 500 MB RSS while making, checking and restoring',
            ),
            peakUtilityRssMb: target(
              Math.max(make.peakUtilityRssMb, check?.peakUtilityRssMb ?? 0, restore?.peakUtilityRssMb ?? 0),
              [500],
              'any utility process ≤ 500 MB RSS meanwhile',
            ),
          },
          pageErrors: errors,
          chromium: execSync(`${CHROMIUM} --version`, { encoding: 'utf8' }).trim(),
          loadAverage: { start: loadAtStart, end: loadAverage() },
        },
        null,
        2,
      ),
    );
  } finally {
    server.kill();
    rmSync(downloads, { recursive: true, force: true });
    if (!keep) rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
