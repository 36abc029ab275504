// Which rows match a search (THE match, shared/model/search-text.ts `matchesSearch`: every folded query term occurs in
// the row's folded `search` text), found without testing every row. Shared by the case list and the command palette,
// built once per version of the rows (a new rows array after any change) and kept while that array lives.
//
// Two structures over the same text, both typed arrays:
// - every row's text joined into one string with each row's start (`starts`): a term is found with `indexOf` over the
//   whole string, a few milliseconds for 10 MB, and each hit mapped to its row;
// - for terms of 3 characters or more, once built (in a web worker, from the moment the case list has every row or
//   from the first query, about a second of work at 100,000 cases; queries scan until then), an inverted index of hashed trigrams: for each of 2^16 buckets, the rows whose
//   text holds a trigram that hashes there (ascending row numbers). A row holding a term holds every trigram of it, so
//   the rows listed under the term's rarest trigram are a superset of the matches; each is then checked with the
//   real match. At 100,000 cases a selective word ("tremblay", a postcode, an account number) is checked on a few
//   thousand rows instead of found in 10 MB of text.
// - for terms of one or two characters (built with the trigrams), every one- and two-character string of the rows,
//   exactly (not hashed), sorted for a binary search: for each, the rows holding it, as a bitset when at least a 32nd
//   of the rows hold it, else as a list. A short term is answered from it without reading the text (several short
//   terms: the smallest set, and-ed with the other bitsets or its rows checked); typing a word's first letters scanned
//   the whole text before (issue #19).
// The answer is always exactly the rows `matchesSearch` accepts (test: text-index.test.ts).
import { matchesSearch } from '#shared/model/search-text';

export interface Searchable {
  /** The folded search text (db/case-index/derive.ts `searchText`). */
  search: string;
}

interface TextIndex {
  haystack: string;
  /** Where row i's text starts in `haystack`; starts[n] is one past the end. */
  starts: Int32Array;
  /** Row i's text (a slice of `haystack`). */
  texts: string[];
  /** The trigram index, built in the background from the first query that can use it. */
  grams: Grams | null;
  building?: Promise<void>;
}

interface Grams {
  /** Bucket b's rows are rows[offsets[b]] to rows[offsets[b + 1] - 1], ascending. */
  offsets: Int32Array;
  rows: Int32Array;
  /** The one- and two-character strings. */
  shorts: Shorts;
}

/**
 * Every one- and two-character string found in a row, and the rows holding it. A set held by at least a 32nd of the
 * rows is a bitset (n / 8 bytes, no more than the list would take), any other a list of row numbers, ascending; so the
 * whole is never larger than one list entry per (row, string) pair (at 100,000 generated cases: 41 one-character
 * strings, 1,357 two-character ones, about 7.6 MB).
 */
interface Shorts {
  /** The strings' keys (`shortKey`), ascending. */
  keys: Float64Array;
  /** How many rows hold each string. */
  counts: Int32Array;
  /** Where each string's rows start: in `bits` (a bitset of `bitWords(n)` words) when `isBitset`, else in `lists`. */
  at: Int32Array;
  bits: Uint32Array;
  lists: Int32Array;
}

const BUCKET_BITS = 16;
const BUCKETS = 1 << BUCKET_BITS;
const gram = (a: number, b: number, c: number) =>
  (Math.imul(a * 961 + b * 31 + c, 0x9e3779b1) >>> (32 - BUCKET_BITS)) >>> 0;

const indexes = new WeakMap<readonly Searchable[], TextIndex>();

function textIndex(rows: readonly Searchable[]): TextIndex {
  let index = indexes.get(rows);
  if (index) return index;
  const n = rows.length;
  const starts = new Int32Array(n + 1);
  const parts = new Array<string>(n);
  let at = 0;
  for (let i = 0; i < n; i += 1) {
    // A newline in the stored text (there should be none) must not join two rows' words.
    const text = rows[i].search.includes('\n') ? rows[i].search.replace(/\n/g, ' ') : rows[i].search;
    parts[i] = text;
    starts[i] = at;
    at += text.length + 1;
  }
  starts[n] = at;
  const haystack = parts.join('\n');
  const texts = new Array<string>(n);
  for (let i = 0; i < n; i += 1) texts[i] = haystack.slice(starts[i], starts[i + 1] - 1);
  index = { haystack, starts, texts, grams: null };
  indexes.set(rows, index);
  return index;
}

/** Rows of text hashed per step of the in-thread trigram build: a few milliseconds of work, so typing never waits on it. */
const BUILD_STEP_ROWS = 4000;

/**
 * Each bucket's rows, in two passes over the text (count, then fill), each row listed once per bucket; yields after
 * every `step` rows so the build can run in short tasks (about a second of work at 100,000 cases).
 */
export function* buildGrams(h: string, starts: Int32Array, step = BUILD_STEP_ROWS): Generator<void, Grams> {
  const n = starts.length - 1;
  const last = new Int32Array(BUCKETS);
  const counts = new Int32Array(BUCKETS + 1);
  function* each(visit: (bucket: number, row: number) => void): Generator<void, void> {
    last.fill(-1);
    for (let row = 0; row < n; row += 1) {
      const end = starts[row + 1] - 1;
      let a = -1;
      let b = -1;
      for (let i = starts[row]; i < end; i += 1) {
        const c = h.charCodeAt(i);
        if (a >= 0) {
          const g = gram(a, b, c);
          if (last[g] !== row) {
            last[g] = row;
            visit(g, row);
          }
        }
        a = b;
        b = c;
      }
      if (row % step === step - 1) yield;
    }
  }
  yield* each((g) => (counts[g + 1] += 1));
  for (let g = 0; g < BUCKETS; g += 1) counts[g + 1] += counts[g];
  const offsets = counts.slice();
  const fill = counts;
  const rows = new Int32Array(offsets[BUCKETS]);
  yield* each((g, row) => (rows[fill[g]++] = row));
  const shorts = yield* buildShorts(h, starts, step);
  return { offsets, rows, shorts };
}

/** A one-character string's key is its UTF-16 code; a two-character one's is above every one-character key. */
const shortKey = (a: number, b: number) => (b < 0 ? a : 65536 + a * 65536 + b);
const bitWords = (n: number) => (n + 31) >>> 5;
/** A string held by at least a 32nd of the rows keeps them as a bitset (no larger than their list). */
const isBitset = (count: number, n: number) => count * 32 >= n;
/** Slots of strings of two characters under 256 (most of a folded text) are direct; others are numbered as met. */
const DIRECT = 256;
const DIRECT_SLOTS = DIRECT + DIRECT * DIRECT;

/**
 * The one- and two-character strings of every row (see `Shorts`), in two passes over the text (count, then fill), a
 * string counted once per row; yields after every `step` rows, as `buildGrams` does.
 */
export function* buildShorts(h: string, starts: Int32Array, step = BUILD_STEP_ROWS): Generator<void, Shorts> {
  const n = starts.length - 1;
  let last = new Int32Array(DIRECT_SLOTS);
  let counts = new Int32Array(DIRECT_SLOTS);
  /** Keys of the slots past DIRECT_SLOTS, and the slot of each such key. */
  const extraKeys: number[] = [];
  const extraSlots = new Map<number, number>();
  const slotOf = (a: number, b: number): number => {
    if (a < DIRECT && b < DIRECT) return b < 0 ? a : DIRECT + a * DIRECT + b;
    const key = shortKey(a, b);
    let slot = extraSlots.get(key);
    if (slot === undefined) {
      slot = DIRECT_SLOTS + extraKeys.length;
      extraKeys.push(key);
      extraSlots.set(key, slot);
      if (slot >= last.length) {
        const grow = (from: Int32Array) => {
          const to = new Int32Array(from.length * 2);
          to.set(from);
          return to;
        };
        last = grow(last);
        counts = grow(counts);
      }
    }
    return slot;
  };
  const keyOfSlot = (slot: number): number =>
    slot < DIRECT
      ? slot
      : slot < DIRECT_SLOTS
        ? shortKey((slot - DIRECT) >>> 8, (slot - DIRECT) & 255)
        : extraKeys[slot - DIRECT_SLOTS];
  function* each(visit: (slot: number, row: number) => void): Generator<void, void> {
    last.fill(-1);
    for (let row = 0; row < n; row += 1) {
      const end = starts[row + 1] - 1;
      let previous = -1;
      for (let i = starts[row]; i < end; i += 1) {
        const c = h.charCodeAt(i);
        const one = slotOf(c, -1);
        if (last[one] !== row) {
          last[one] = row;
          visit(one, row);
        }
        if (previous >= 0) {
          const two = slotOf(previous, c);
          if (last[two] !== row) {
            last[two] = row;
            visit(two, row);
          }
        }
        previous = c;
      }
      if (row % step === step - 1) yield;
    }
  }
  yield* each((slot) => (counts[slot] += 1));
  // The strings in key order; each one's place in `bits` (as -1 - word) or `lists`.
  const used: number[] = [];
  for (let slot = 0; slot < DIRECT_SLOTS + extraKeys.length; slot += 1) if (counts[slot] > 0) used.push(slot);
  const slotKeys = used.map(keyOfSlot);
  const order = used.map((_, i) => i).sort((x, y) => slotKeys[x] - slotKeys[y]);
  const words = bitWords(n);
  const keys = new Float64Array(used.length);
  const setCounts = new Int32Array(used.length);
  const at = new Int32Array(used.length);
  const fill = new Int32Array(last.length);
  let bitsetCount = 0;
  let listed = 0;
  order.forEach((i, j) => {
    const slot = used[i];
    const count = counts[slot];
    keys[j] = slotKeys[i];
    setCounts[j] = count;
    if (isBitset(count, n)) {
      at[j] = bitsetCount * words;
      fill[slot] = -1 - at[j];
      bitsetCount += 1;
    } else {
      at[j] = listed;
      fill[slot] = listed;
      listed += count;
    }
  });
  const bits = new Uint32Array(bitsetCount * words);
  const lists = new Int32Array(listed);
  yield* each((slot, row) => {
    const f = fill[slot];
    if (f >= 0) {
      lists[f] = row;
      fill[slot] = f + 1;
    } else bits[-1 - f + (row >>> 5)] |= 1 << (row & 31);
  });
  return { keys, counts: setCounts, at, bits, lists };
}

/** The place of a one- or two-character term in `shorts.keys`, or -1 when no row holds it. */
function shortSet(shorts: Shorts, term: string): number {
  const key = shortKey(term.charCodeAt(0), term.length > 1 ? term.charCodeAt(1) : -1);
  let lo = 0;
  let hi = shorts.keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = shorts.keys[mid];
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The rows holding every term, all of one or two characters: the smallest set, and-ed with or checked against the rest. */
function shortMatches(shorts: Shorts, n: number, texts: readonly string[], terms: readonly string[]): Int32Array {
  const sets = terms.map((t) => shortSet(shorts, t));
  if (sets.includes(-1)) return new Int32Array(0);
  let smallest = 0;
  for (let i = 1; i < sets.length; i += 1) if (shorts.counts[sets[i]] < shorts.counts[sets[smallest]]) smallest = i;
  const set = sets[smallest];
  const count = shorts.counts[set];
  const out = new Int32Array(count);
  let m = 0;
  if (!isBitset(count, n)) {
    // Few rows: each checked for the other terms.
    const others = terms.filter((_, i) => i !== smallest);
    for (let k = shorts.at[set]; k < shorts.at[set] + count; k += 1) {
      const row = shorts.lists[k];
      if (others.length === 0 || matchesSearch(texts[row], others)) out[m++] = row;
    }
    return out.subarray(0, m);
  }
  // Every set a bitset (the smallest is one): and them, then list the rows left.
  const words = bitWords(n);
  const bitsetStarts = sets.map((s) => shorts.at[s]);
  const { bits } = shorts;
  for (let w = 0; w < words; w += 1) {
    let word = bits[bitsetStarts[0] + w];
    for (let i = 1; i < bitsetStarts.length && word !== 0; i += 1) word &= bits[bitsetStarts[i] + w];
    while (word !== 0) {
      const low = word & -word;
      out[m++] = w * 32 + 31 - Math.clz32(low);
      word ^= low;
    }
  }
  return out.subarray(0, m);
}

/** The trigram index of a joined text in one go (the worker's job: ./text-index.worker.ts). */
export function gramsOf(haystack: string, starts: Int32Array): Grams {
  const steps = buildGrams(haystack, starts, Number.MAX_SAFE_INTEGER);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** What the worker is sent, and what it answers. */
export interface GramsRequest {
  haystack: string;
  starts: Int32Array;
}
export type GramsReply = Grams | { error: string };

/** The trigram index built on the page's thread in short tasks (where there is no worker: tests, a failed worker). */
function gramsInThread(index: TextIndex): Promise<Grams> {
  return new Promise<Grams>((resolve) => {
    const steps = buildGrams(index.haystack, index.starts);
    const step = () => {
      const next = steps.next();
      if (next.done) resolve(next.value);
      else setTimeout(step, 0);
    };
    setTimeout(step, 0);
  });
}

/**
 * The trigram index built in a web worker, off the page's thread: the page only copies the joined text to it (one
 * string, a few milliseconds at 10 MB) and receives two typed arrays (moved, not copied). Null where there is no
 * worker or it fails (then the page builds it itself, in short tasks).
 */
function gramsInWorker(index: TextIndex): Promise<Grams | null> {
  if (typeof Worker === 'undefined') return Promise.resolve(null);
  return new Promise<Grams | null>((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./text-index.worker.ts', import.meta.url), {
        type: 'module',
        name: 'redress-search-index',
      });
    } catch {
      resolve(null);
      return;
    }
    const done = (grams: Grams | null) => {
      worker.terminate();
      resolve(grams);
    };
    worker.onmessage = (event: MessageEvent<GramsReply>) => done('error' in event.data ? null : event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      done(null);
    };
    const request: GramsRequest = { haystack: index.haystack, starts: index.starts.slice() };
    worker.postMessage(request, [request.starts.buffer]);
  });
}

/** Build the trigram index of `index` once, in a worker when there is one; resolves when it is there. */
function startGrams(index: TextIndex): Promise<void> {
  index.building ??= gramsInWorker(index)
    .then((grams) => grams ?? gramsInThread(index))
    .then((grams) => {
      index.grams = grams;
    });
  return index.building;
}

/**
 * Start building the search structures of these rows now (the joined text at once, the trigram index in a worker),
 * so that the first query finds them ready. The case list calls it once every row is loaded.
 */
export function prepareSearch(rows: readonly Searchable[]): void {
  if (rows.length > 0) void startGrams(textIndex(rows));
}

/**
 * Resolves once the trigram index of these rows is built (it is built in the background on the first query; until
 * then queries scan the joined text, which gives the same answer). For tests and benchmarks.
 */
export function whenIndexed(rows: readonly Searchable[]): Promise<void> {
  return startGrams(textIndex(rows));
}

/** The bucket with the fewest rows among the term's trigrams. */
function rarestBucket(grams: Grams, term: string): number {
  let best = -1;
  let bestSize = Infinity;
  for (let i = 2; i < term.length; i += 1) {
    const g = gram(term.charCodeAt(i - 2), term.charCodeAt(i - 1), term.charCodeAt(i));
    const size = grams.offsets[g + 1] - grams.offsets[g];
    if (size < bestSize) {
      best = g;
      bestSize = size;
    }
  }
  return best;
}

/**
 * The numbers of the rows (positions in `rows`) whose search text holds every term, ascending. `terms` come from
 * `searchTerms` (folded, no spaces); at least one. Calls with the same rows array reuse the structures built for it.
 */
export function matchingRows(rows: readonly Searchable[], terms: readonly string[]): Int32Array {
  const index = textIndex(rows);
  const { texts } = index;
  const out: number[] = [];
  const long = terms.filter((t) => t.length >= 3);
  if (!index.grams) void startGrams(index);
  if (long.length === 0 && index.grams) return shortMatches(index.grams.shorts, rows.length, texts, terms);
  if (long.length > 0 && index.grams) {
    const grams = index.grams;
    let bucket = -1;
    let size = Infinity;
    for (const term of long) {
      const b = rarestBucket(grams, term);
      const s = grams.offsets[b + 1] - grams.offsets[b];
      if (s < size) {
        bucket = b;
        size = s;
      }
    }
    for (let k = grams.offsets[bucket]; k < grams.offsets[bucket + 1]; k += 1) {
      const row = grams.rows[k];
      if (matchesSearch(texts[row], terms)) out.push(row);
    }
    return Int32Array.from(out);
  }
  // Short terms only, or the trigram index not built yet: scan the joined text for the longest one, check the others on each hit's row.
  const { haystack, starts } = index;
  const anchor = terms.reduce((a, b) => (b.length > a.length ? b : a));
  const others = terms.filter((t) => t !== anchor);
  let row = 0;
  let at = haystack.indexOf(anchor);
  while (at !== -1) {
    while (starts[row + 1] <= at) row += 1;
    if (matchesSearch(texts[row], others)) out.push(row);
    at = haystack.indexOf(anchor, starts[row + 1]);
  }
  return Int32Array.from(out);
}
