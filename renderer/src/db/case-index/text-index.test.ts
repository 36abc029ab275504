// The text index (./text-index.ts) finds exactly the rows THE match accepts (shared/model/search-text.ts
// `matchesSearch`), by its scan and by its trigram index alike, for any query: parts of real rows' texts, words of
// one or two letters, several words, words found nowhere, characters outside ASCII.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesSearch, searchTerms } from '#shared/model/search-text';
import { generateCases } from '#test/fixtures/generate-cases';
import { deriveCaseIndex } from './derive';
import {
  buildGrams,
  buildShorts,
  gramsOf,
  type GramsReply,
  type GramsRequest,
  matchingRows,
  prepareSearch,
  whenIndexed,
} from './text-index';

const rows = generateCases(1500, { today: '2026-11-20', seed: 3 }).map((c) => deriveCaseIndex(c.record, c.events));
// A row with a newline and accents in its stored text (there should be none, but the index must not join rows).
rows.push({ ...rows[0], caseId: 'odd', search: 'zoë\nbrontë 0113' });

const expected = (terms: string[]) =>
  rows.flatMap((r, i) => (matchesSearch(r.search.replace(/\n/g, ' '), terms) ? [i] : []));

/** A query: a piece of some row's text (1 to 12 characters, maybe split in two words), or random letters. */
const query = fc.oneof(
  fc
    .tuple(fc.nat(rows.length - 1), fc.nat(200), fc.integer({ min: 1, max: 12 }), fc.boolean())
    .map(([row, from, length, split]) => {
      const text = rows[row].search;
      const piece = text.slice(from % Math.max(1, text.length), (from % Math.max(1, text.length)) + length);
      return split && piece.length > 4 ? `${piece.slice(0, 2)} ${piece.slice(3)}` : piece;
    }),
  fc.stringMatching(/^[a-z0-9@. ]{1,8}$/),
  fc.constantFrom('ë', 'zoë', 'brontë 0113', 'e\nb', 'xyzzyq', '@example.com', 'a'),
);

describe('the text index', () => {
  it('finds exactly the rows matchesSearch accepts, before and after its trigram index is built', async () => {
    const check = () =>
      fc.assert(
        fc.property(query, (q) => {
          const terms = searchTerms(q);
          fc.pre(terms.length > 0);
          expect([...matchingRows(rows, terms)]).toEqual(expected(terms));
        }),
        { numRuns: 400 },
      );
    check(); // the scan (the trigram index is built in the background meanwhile)
    await whenIndexed(rows);
    check(); // the trigram index
  });

  it('builds one index per rows array: another array (after a change) gets its own', async () => {
    const changed = rows.slice(1);
    await whenIndexed(changed);
    const terms = searchTerms(rows[0].search.slice(0, 8));
    expect([...matchingRows(changed, terms)]).toEqual(
      changed.flatMap((r, i) => (matchesSearch(r.search.replace(/\n/g, ' '), terms) ? [i] : [])),
    );
  });
});

/** A stand-in for the browser's Worker (vitest runs in Node): answers like ./text-index.worker.ts, or fails. */
function installWorker(behaviour: 'answer' | 'fail') {
  const made: string[] = [];
  class FakeWorker {
    onmessage: ((event: { data: GramsReply }) => void) | null = null;
    onerror: ((event: { preventDefault(): void }) => void) | null = null;
    terminated = false;
    constructor(url: URL) {
      made.push(String(url));
    }
    postMessage(request: GramsRequest) {
      setTimeout(() => {
        if (behaviour === 'fail') this.onerror?.({ preventDefault() {} });
        else this.onmessage?.({ data: gramsOf(request.haystack, request.starts) });
      }, 0);
    }
    terminate() {
      this.terminated = true;
    }
  }
  (globalThis as { Worker?: unknown }).Worker = FakeWorker;
  return { made, remove: () => delete (globalThis as { Worker?: unknown }).Worker };
}

describe('the trigram index off the page thread', () => {
  it('is built in a worker as soon as the search is prepared, and answers exactly as matchesSearch', async () => {
    const worker = installWorker('answer');
    try {
      const fresh = rows.slice(2);
      prepareSearch(fresh);
      expect(worker.made).toHaveLength(1);
      expect(worker.made[0]).toMatch(/text-index\.worker\.ts$/);
      await whenIndexed(fresh);
      prepareSearch(fresh); // once per rows array
      expect(worker.made).toHaveLength(1);
      for (const q of ['tremblay', 'zoë', '0113 49', 'billing', 'ab']) {
        const terms = searchTerms(q);
        expect([...matchingRows(fresh, terms)]).toEqual(
          fresh.flatMap((r, i) => (matchesSearch(r.search.replace(/\n/g, ' '), terms) ? [i] : [])),
        );
      }
    } finally {
      worker.remove();
    }
  });

  it('is built on the page in short tasks when the worker fails, with the same answers', async () => {
    const worker = installWorker('fail');
    try {
      const fresh = rows.slice(3);
      prepareSearch(fresh);
      await whenIndexed(fresh);
      expect(worker.made).toHaveLength(1);
      const terms = searchTerms(fresh[10].search.slice(4, 12));
      expect([...matchingRows(fresh, terms)]).toEqual(
        fresh.flatMap((r, i) => (matchesSearch(r.search.replace(/\n/g, ' '), terms) ? [i] : [])),
      );
    } finally {
      worker.remove();
    }
  });

  it('builds the same index in one go as in steps', () => {
    const haystack = rows.map((r) => r.search.replace(/\n/g, ' ')).join('\n');
    const starts = new Int32Array(rows.length + 1);
    let at = 0;
    rows.forEach((r, i) => {
      starts[i] = at;
      at += r.search.length + 1;
    });
    starts[rows.length] = at;
    const steps = buildGrams(haystack, starts, 100);
    let next = steps.next();
    while (!next.done) next = steps.next();
    const once = gramsOf(haystack, starts);
    expect([...once.offsets]).toEqual([...next.value.offsets]);
    expect([...once.rows]).toEqual([...next.value.rows]);
    for (const [name, array] of Object.entries(once.shorts))
      expect([...array], name).toEqual([...next.value.shorts[name as keyof typeof once.shorts]]);
  });
});

describe('terms of one or two characters (issue #19)', () => {
  // 1,501 rows: not a multiple of 32 (the bitsets' last word is partial); characters outside the direct slots too.
  const odd = [...rows, { ...rows[1], caseId: 'far', search: 'łódź ω 東京 ωω 0113' }];
  const pieces = fc.oneof(
    fc.tuple(fc.nat(odd.length - 1), fc.nat(200), fc.integer({ min: 1, max: 2 })).map(([row, from, length]) => {
      const text = odd[row].search;
      const start = from % Math.max(1, text.length);
      return text.slice(start, start + length);
    }),
    fc.stringMatching(/^[a-z0-9@.]{1,2}$/),
    fc.constantFrom('ł', 'łó', 'ω', 'ωω', '東京', '京', 'ë', 'q', 'zz', '.', '@'),
  );
  const terms = fc
    .array(pieces, { minLength: 1, maxLength: 3 })
    .map((ts) => ts.map((t) => t.replace(/\s+/g, '')).filter((t) => t.length > 0));
  const definition = (ts: string[]) =>
    odd.flatMap((r, i) => (matchesSearch(r.search.replace(/\n/g, ' '), ts) ? [i] : []));

  it('are answered from the sets exactly as the scan of the text answers them, on random queries', async () => {
    const scanned = odd.slice(); // a rows array of its own, never indexed while the checks run: the scan
    await whenIndexed(odd);
    fc.assert(
      fc.property(terms, (ts) => {
        fc.pre(ts.length > 0);
        const fromSets = [...matchingRows(odd, ts)];
        expect(fromSets).toEqual([...matchingRows(scanned, ts)]);
        expect(fromSets).toEqual(definition(ts));
      }),
      { numRuns: 600 },
    );
    // Typed letter by letter, as a desk types (the one- and two-letter prefixes are the short ones).
    for (const q of ['smith', 'ada love', "o'neill", '0113 496', 'LS12', 'sw3 4', '@example.com']) {
      for (let i = 1; i <= q.length; i += 1) {
        const ts = searchTerms(q.slice(0, i)); // never empty: no query above starts with a space
        expect([...matchingRows(odd, ts)], q.slice(0, i)).toEqual(definition(ts));
      }
    }
  });

  it('keeps a bitset only where it is no larger than the list of rows, and each string once, in key order', () => {
    const haystack = odd.map((r) => r.search.replace(/\n/g, ' ')).join('\n');
    const starts = new Int32Array(odd.length + 1);
    odd.forEach((r, i) => (starts[i + 1] = starts[i] + r.search.length + 1));
    const steps = buildShorts(haystack, starts);
    let next = steps.next();
    while (!next.done) next = steps.next();
    const shorts = next.value;
    const n = odd.length;
    const words = Math.ceil(n / 32);
    let pairs = 0;
    let bitsets = 0;
    expect([...shorts.keys]).toEqual([...new Set(shorts.keys)].sort((a, b) => a - b));
    for (let j = 0; j < shorts.keys.length; j += 1) {
      pairs += shorts.counts[j];
      if (shorts.counts[j] * 32 >= n) bitsets += 1;
    }
    expect(shorts.bits.length).toBe(bitsets * words);
    expect(shorts.bits.length * 4 + shorts.lists.length * 4).toBeLessThanOrEqual(pairs * 4);
    expect(bitsets).toBeGreaterThan(0);
    expect(shorts.lists.length).toBeGreaterThan(0);
  });
});
