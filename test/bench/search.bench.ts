// Search at scale without a browser (issue #19): `npm run bench:search` → prints ONE JSON object.
//
// Generates CASES (default 100,000) cases, derives their case-index rows as the app stores them, and times in Node,
// for the twenty queries of app.bench.ts pasted whole and typed letter by letter: the case list's search
// (renderer/src/features/search CaseSearch) by the scan of the joined text (how it searched before) and by the trigram
// index (db/case-index/text-index.ts), and the command palette's search (features/palette searchCases) by testing
// every row (as before) and from the text index. The answers are checked equal. Also the one-off costs (joined text,
// trigram index, sort orders). The machine's load average at start and end; each target with `ok`. The screen's own
// figures (Chromium, with drawing) come from `npm run bench`. Not a test: nothing fails on a slow figure.
import { deriveCaseIndex } from '#db/case-index/derive';
import { matchingRows, whenIndexed } from '#db/case-index/text-index';
import type { CaseIndexRow } from '#db/schema';
import { searchCases } from '#renderer/features/palette/search';
import { CaseSearch } from '#renderer/features/search/search';
import { iterateCases } from '#test/fixtures/generate-cases';
import { loadAverage, percentile, round, SEARCH_QUERIES, target } from './support';

const CASES = Number(process.env.CASES ?? 100_000);
const TODAY = '2026-12-01';
const log = (message: string) => process.stderr.write(`[bench:search] ${message}\n`);

const time = <T>(f: () => T): [number, T] => {
  const t = performance.now();
  const out = f();
  return [performance.now() - t, out];
};

async function main() {
  const loadAtStart = loadAverage();
  log(`generating ${CASES} cases…`);
  const rows: CaseIndexRow[] = [];
  for (const c of iterateCases(CASES, { today: TODAY })) rows.push(deriveCaseIndex(c.record, c.events));
  const inputs = SEARCH_QUERIES.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
  const search = new CaseSearch();
  const query = (text: string) => ({ text, filters: {}, sort: 'received' as const, today: TODAY });

  const [sortMs] = time(() => search.run(rows, query('')));
  const [joinMs] = time(() => matchingRows(rows, ['xq'])); // the joined text (a short word: no trigram index)

  // Before the trigram index exists, every query scans the joined text (the case list's search until now).
  const scan = { pasted: [] as number[], typed: [] as number[] };
  const answers = new Map<string, number>();
  for (const q of SEARCH_QUERIES) {
    const [ms, found] = time(() => search.run(rows, query(q)));
    scan.pasted.push(ms);
    answers.set(q, found.length);
  }
  for (const q of inputs) scan.typed.push(time(() => search.run(rows, query(q)))[0]);
  const paletteAll = SEARCH_QUERIES.map((q) => time(() => searchCases(new Set(rows), q, 8)));

  const t = performance.now();
  await whenIndexed(rows);
  const trigramMs = performance.now() - t;
  const indexed = { pasted: [] as number[], typed: [] as number[] };
  const mismatches: string[] = [];
  for (const q of SEARCH_QUERIES) {
    const [ms, found] = time(() => search.run(rows, query(q)));
    indexed.pasted.push(ms);
    if (found.length !== answers.get(q)) mismatches.push(`list: ${q}`);
  }
  for (const q of inputs) indexed.typed.push(time(() => search.run(rows, query(q)))[0]);
  const palette = SEARCH_QUERIES.map((q, i) => {
    const [ms, hits] = time(() => searchCases(rows, q, 8));
    if (JSON.stringify(hits) !== JSON.stringify(paletteAll[i][1])) mismatches.push(`palette: ${q}`);
    return ms;
  });

  const all = (xs: number[]) => ({
    p50Ms: percentile(xs, 50),
    p95Ms: percentile(xs, 95),
    maxMs: round(Math.max(...xs)),
  });
  const listP95 = percentile([...indexed.pasted, ...indexed.typed], 95);
  const paletteP95 = percentile(palette, 95);
  console.log(
    JSON.stringify(
      {
        benchmark: 'redress search in Node (issue #19)',
        cases: CASES,
        node: process.version,
        loadAverage: { start: loadAtStart, end: loadAverage() },
        oneOff: { sortOrderMs: round(sortMs), joinedTextMs: round(joinMs), trigramIndexMs: round(trigramMs) },
        caseList: {
          scanBefore: { pasted: all(scan.pasted), typed: all(scan.typed) },
          trigramIndex: { pasted: all(indexed.pasted), typed: all(indexed.typed) },
          perQuery: Object.fromEntries(
            SEARCH_QUERIES.map((q, i) => [
              q,
              { matches: answers.get(q), scanMs: round(scan.pasted[i]), indexMs: round(indexed.pasted[i]) },
            ]),
          ),
        },
        palette: { everyRowBefore: all(paletteAll.map(([ms]) => ms)), textIndex: all(palette) },
        mismatches,
        targets: {
          caseListSearchP95Ms: target(listP95, [16], '≤ 16 ms (one frame), pasted and typed, without drawing'),
          paletteP95Ms: target(paletteP95, [16], '≤ 16 ms (one frame)'),
        },
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
