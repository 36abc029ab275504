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
async function openCase(page: Page, id: string, files: number): Promise<Record<string, number>> {
  return page.evaluate(
    async ({ id, files }) => {
      // When each part is first there: the heading, the attachments table with every file, the timeline's entries.
      const parts: Record<string, () => boolean> = {
        heading: () => !!document.querySelector('main h1')?.textContent?.startsWith('RDR'),
        attachments: () => document.querySelectorAll('[data-attachments] [data-attachment]').length === files,
        timeline: () => document.querySelectorAll('[data-event-type="attachment-added"]').length === files,
      };
      const at: Record<string, number> = {};
      const t0 = performance.now();
      location.hash = `#/cases/${id}`;
      await new Promise<void>((resolve) => {
        const check = () => {
          for (const [name, test] of Object.entries(parts))
            if (at[name] === undefined && test()) at[name] = performance.now() - t0;
          if (Object.keys(at).length < Object.keys(parts).length) return;
          observer.disconnect();
          resolve();
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        check();
      });
      await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return { ...at, interactive: performance.now() - t0 };
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
      caseId = await blank.evaluate(async () => {
        const database = (await redressDesk())!;
        return new Promise<string>((resolve) => {
          const req = database.transaction('cases').objectStore('cases').openCursor();
          req.onsuccess = () => {
            const id = (req.result?.value as { id: string } | undefined)?.id ?? '';
            database.close();
            resolve(id);
          };
        });
      });
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
      const runs: Record<string, number>[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        runs.push(await openCase(page, caseId, FILES));
        await page.evaluate(() => (location.hash = '#/cases'));
        await page.waitForSelector('[data-ready="case-list"]');
      }
      const [first, ...rest] = runs;
      const median = (part: string) =>
        percentile(
          rest.map((r) => r[part]!),
          50,
        );
      // The baseline: the case's attachment rows (with their Blobs) read straight from IndexedDB, and their keys only.
      const raw = await page.evaluate(async (id) => {
        const database = (await redressDesk())!;
        return new Promise<{ rowsMs: number; keysMs: number }>((resolve) => {
          const index = database.transaction('attachments').objectStore('attachments').index('caseId');
          const t0 = performance.now();
          index.getAll(id).onsuccess = () => {
            const rowsMs = performance.now() - t0;
            const t1 = performance.now();
            index.getAllKeys(id).onsuccess = () => {
              database.close();
              resolve({ rowsMs, keysMs: performance.now() - t1 });
            };
          };
        });
      }, caseId);
      const result = {
        rawReadMs: { rows: round(raw.rowsMs), keys: round(raw.keysMs) },
        benchmark: 'attachments: a case page with many files',
        cases: CASES,
        files: FILES,
        fileBytes: 1024 * 1024,
        seeded: attachments,
        casePageToInteractiveMs: {
          first: round(first!.interactive!),
          median: median('interactive'),
          max: round(Math.max(...rest.map((r) => r.interactive!))),
          runs: rest.map((r) => round(r.interactive!)),
          // When each part was first drawn (median): the heading, every file listed, every entry on the timeline.
          parts: { heading: median('heading'), attachments: median('attachments'), timeline: median('timeline') },
        },
        heapAfterMb: await heapMb(page),
        target: target(
          median('interactive'),
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
