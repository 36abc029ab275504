// Benchmark of a case with many attachments (issue #18): `npm run bench:attachments` → prints ONE JSON object.
//
// Builds the web app into REDRESS_WEB_OUT (BENCH_SKIP_BUILD=1 to reuse it), serves it with vite preview on BENCH_PORT
// (default 4173), seeds CASES (default 200) generated cases into a fresh profile, then keeps FILES (default 50) files
// of 1 MB on the first case, each with its 'attachment-added' entry (test/bench/seed-page.ts). Then, in a restarted
// browser, opens the app and goes RUNS (default 7) times from the case list to that case: the time from the route
// change to the frame after the case page is interactive (its heading, the attachments table with every file, and the
// timeline drawn), from the page's own clock. The first opening is reported apart (it loads the case page's code).
// Not a test: nothing fails on a slow figure; `target` says how it compares with the 300 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  BASE,
  blankPage,
  buildWebApp,
  heapMb,
  launch,
  loadAverage,
  percentile,
  round,
  seedBundle,
  seedProfile,
  startPreview,
  target,
  waitForServer,
} from './support';

const CASES = Number(process.env.CASES ?? 200);
const FILES = Number(process.env.FILES ?? 50);
const RUNS = Number(process.env.RUNS ?? 7);
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/** Go to the case from elsewhere in the app and time until it is interactive (the frame after it is drawn). */
async function openCase(page: Page, id: string, files: number): Promise<number> {
  return page.evaluate(
    async ({ id, files }) => {
      const ready = () =>
        document.querySelector('main h1')?.textContent?.startsWith('RDR') &&
        document.querySelectorAll('[data-attachments] [data-attachment]').length === files &&
        document.querySelector('[data-event-type="attachment-added"]') !== null;
      const t0 = performance.now();
      location.hash = `#/cases/${id}`;
      await new Promise<void>((resolve) => {
        const check = () => {
          if (!ready()) return;
          observer.disconnect();
          resolve();
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        check();
      });
      await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - t0;
    },
    { id, files },
  );
}

async function main() {
  if (!process.env.BENCH_SKIP_BUILD) buildWebApp(log);
  const server = startPreview();
  const profile = mkdtempSync(join(tmpdir(), 'redress-bench-attachments-'));
  try {
    await waitForServer(BASE);
    const bundle = await seedBundle();
    log(`seeding ${CASES} cases…`);
    await seedProfile(profile, bundle, CASES);
    const seeding = await launch(profile);
    let caseId: string;
    let attachments: unknown;
    try {
      const blank = await blankPage(seeding, bundle);
      caseId = await blank.evaluate(
        () =>
          new Promise<string>((resolve, reject) => {
            const open = indexedDB.open('redress');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const req = open.result.transaction('cases').objectStore('cases').openCursor();
              req.onsuccess = () => {
                const id = (req.result?.value as { id: string } | undefined)?.id ?? '';
                open.result.close();
                resolve(id);
              };
            };
          }),
      );
      log(`keeping ${FILES} files of 1 MB on case ${caseId}…`);
      attachments = await blank.evaluate(({ n, id }) => (window as any).redressBench.seedAttachments(n, id), {
        n: FILES,
        id: caseId,
      });
    } finally {
      await seeding.close();
    }

    const context = await launch(profile);
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${BASE}/#/cases`);
      await page.waitForSelector('[data-ready="case-list"]', { timeout: 120_000 });
      const times: number[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        times.push(await openCase(page, caseId, FILES));
        await page.evaluate(() => (location.hash = '#/cases'));
        await page.waitForSelector('[data-ready="case-list"]');
      }
      const [first, ...rest] = times;
      const median = percentile(rest, 50);
      const result = {
        benchmark: 'attachments: a case page with many files',
        cases: CASES,
        files: FILES,
        fileBytes: 1024 * 1024,
        seeded: attachments,
        casePageToInteractiveMs: {
          first: round(first!),
          median: round(median),
          max: round(Math.max(...rest)),
          runs: rest.map(round),
        },
        heapAfterMb: await heapMb(page),
        target: target(
          round(median),
          [300],
          'case page to interactive with 50 files of 1 MB (median of repeat openings)',
        ),
        loadAverage: loadAverage(),
      };
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } finally {
      await context.close();
    }
  } finally {
    server.kill();
    rmSync(profile, { recursive: true, force: true });
  }
}

await main();
