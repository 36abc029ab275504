// IndexedDB's floor for a replace-restore, by how the rows are laid out: `npm run bench:restore-floor` → prints ONE
// JSON object (issue #19).
//
// The replace-restore target (≤ 60 s at 100,000 cases) is far under what `bench:backup`'s raw floor measures for the
// app's rows (one per case, per timeline entry, per case-index row and per report row). This asks what the floor would
// be with fewer, larger rows holding the same data and the same indexes (seed-page.ts's `rawWrite` and its layouts):
// `rows` (the app's schema), `timeline-per-case` (with `-ids`: its entries' ids indexed too) and `case-per-row`. Each layout is written in a fresh browser
// profile (no earlier database's files beside it), in one read-write transaction with the app's durability, timing
// only IndexedDB's work; then cleared in one transaction. Needs no seeded desk.
// CASES (default 100,000); BENCH_LAYOUTS=rows,case-per-row picks layouts; BENCH_PORT, REDRESS_WEB_OUT and
// BENCH_SKIP_BUILD=1 as for the other benchmarks. Not a test: nothing fails on a slow figure.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BASE,
  blankPage,
  buildWebApp,
  launch,
  loadAverage,
  round,
  seedBundle,
  startPreview,
  waitForServer,
} from './support';

const CASES = Number(process.env.CASES ?? 100_000);
const LAYOUTS = (process.env.BENCH_LAYOUTS ?? 'rows,timeline-per-case,timeline-per-case-ids,case-per-row').split(',');
const TARGET_S = 60;
// BENCH_TX_PER_CHUNK=1: a transaction per chunk of cases (relaxed, the last strict) instead of one for all.
const PER_CHUNK = process.env.BENCH_TX_PER_CHUNK === '1';
const CHUNK = Number(process.env.BENCH_CHUNK ?? 2000);
const log = (message: string) => process.stderr.write(`[bench:restore-floor] ${message}\n`);

interface LayoutFloor {
  layout: string;
  rows: Record<string, number>;
  jsonMb: number;
  writeMs: number;
  commitMs: number;
  clearMs: number;
  deleteDatabaseMs: number;
}

async function main() {
  const loadAtStart = loadAverage();
  buildWebApp(log);
  const server = startPreview();
  const results: Array<LayoutFloor & { rowsTotal: number; writeS: number; replaceFloorS: number }> = [];
  try {
    await waitForServer(BASE);
    const bundle = await seedBundle();
    for (const layout of LAYOUTS) {
      const profile = mkdtempSync(join(tmpdir(), 'redress-floor-'));
      const context = await launch(profile);
      try {
        log(`${layout}: writing ${CASES} cases…`);
        const page = await blankPage(context, bundle);
        const floor: LayoutFloor = await page.evaluate(
          ([n, l, c, p]) => (window as any).redressBench.rawWrite(n, l, c, p),
          [CASES, layout, CHUNK, PER_CHUNK] as const,
        );
        const figures = {
          ...floor,
          rowsTotal: Object.values(floor.rows).reduce((a, b) => a + b, 0),
          // Writing alone (what a restore into a new, empty database would at least take) …
          writeS: round((floor.writeMs + floor.commitMs) / 1000),
          // … and what a replace in place must at least do: remove the desk's rows and write the file's.
          replaceFloorS: round((floor.writeMs + floor.commitMs + floor.clearMs) / 1000),
        };
        log(JSON.stringify(figures));
        results.push(figures);
      } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    }
  } finally {
    server.kill();
  }
  console.log(
    JSON.stringify(
      {
        benchmark: 'IndexedDB floor of a replace-restore, by row layout (issue #19)',
        cases: CASES,
        layouts: results,
        loadAverage: { start: loadAtStart, end: loadAverage() },
        targets: Object.fromEntries(
          results.map((r) => [
            r.layout,
            {
              value: r.writeS,
              target: `writing alone ≤ ${TARGET_S} s (the whole restore's target; its own work comes on top)`,
              ok: r.writeS <= TARGET_S,
            },
          ]),
        ),
      },
      null,
      2,
    ),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
