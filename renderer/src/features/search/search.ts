// Finding cases: search as you type, filters and sorting over the in-memory case index (db/case-index-store.ts).
// Pure functions of the rows, so they are tested and benchmarked without a screen.
//
// The match is THE search of shared/model/search-text.ts (the palette uses it too): every folded query word occurs in
// the row's folded `search` text.
// Speed at 100,000 cases (docs/performance.md): the matching rows come from db/case-index/text-index.ts (the rows'
// folded texts joined into one string, and a trigram index over it), built once per version of the rows and shared
// with the command palette. Each sort order is computed once per version of the rows and kept as row numbers, so
// typing never sorts.
import { isOpenWithNothingDue } from '#db/case-index/due';
import { matchingRows } from '#db/case-index/text-index';
import type { CaseIndexRow } from '#db/schema';
import { fold, searchTerms } from '#shared/model/search-text';

export const SORTS = {
  received: 'Newest first',
  reference: 'Reference',
  nextDue: 'Next due',
  customer: 'Customer',
} as const;
export type SortKey = keyof typeof SORTS;

export interface CaseFilters {
  status?: CaseIndexRow['status'] | null;
  /** A stage name (procedures name their stages differently; the name is what the desk sees). */
  stageName?: string | null;
  category?: CaseIndexRow['category'] | null;
  channel?: CaseIndexRow['channel'] | null;
  /** The handler's name; '' for cases nobody handles. */
  assignee?: string | null;
  procedureId?: string | null;
  /** The case's provider (a desk serving several, issue #16). */
  providerId?: string | null;
  /** Only cases (not closed) whose next due date is before today. */
  overdue?: boolean;
  /** Only open cases on which nothing is due (the dashboard's "Open, nothing due": a reopened complaint, say). */
  nothingDue?: boolean;
}

export interface CaseQuery {
  text: string;
  filters: CaseFilters;
  sort: SortKey;
  /** YYYY-MM-DD, for the overdue filter. */
  today: string;
}

/** The words of a query, folded (shared/model/search-text.ts). Every one must occur in a case's search text. */
export const queryTerms = searchTerms;

export function isOverdue(row: CaseIndexRow, today: string): boolean {
  return row.status !== 'closed' && row.nextDueOn !== null && row.nextDueOn < today;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The row numbers of `rows` in the order `sort` gives (ties keep the rows' own order). Newest first, the list's
 * opening order, is grouped by day and sorts only within a day (a few hundred days for 100,000 cases: about three
 * times quicker than comparing every pair, measured in Node).
 */
export function sortIndex(rows: readonly CaseIndexRow[], sort: SortKey): Int32Array {
  const n = rows.length;
  if (sort === 'received') {
    const byDay = new Map<string, number[]>();
    for (let i = 0; i < n; i += 1) {
      const day = rows[i].receivedOn;
      const list = byDay.get(day);
      if (list) list.push(i);
      else byDay.set(day, [i]);
    }
    const out = new Int32Array(n);
    let k = 0;
    for (const day of [...byDay.keys()].sort((a, b) => compareText(b, a))) {
      const list = byDay.get(day)!;
      if (list.length > 1) list.sort((a, b) => compareText(rows[b].reference, rows[a].reference));
      for (const i of list) out[k++] = i;
    }
    return out;
  }
  const index = Array.from({ length: n }, (_, i) => i);
  switch (sort) {
    case 'reference':
      index.sort((a, b) => compareText(rows[a].reference, rows[b].reference));
      break;
    case 'nextDue':
      index.sort(
        (a, b) =>
          compareText(rows[a].nextDueOn ?? '\uffff', rows[b].nextDueOn ?? '\uffff') ||
          compareText(rows[a].receivedOn, rows[b].receivedOn) ||
          compareText(rows[a].reference, rows[b].reference),
      );
      break;
    case 'customer': {
      // Folded as search folds them: Élodie, Émile and Ève sort with E, not after Z (code-point order would put them
      // there); a key each, compared as plain strings, stays quick at 100,000 rows.
      const keys = rows.map((r) => fold(r.customerName));
      index.sort((a, b) => compareText(keys[a], keys[b]) || compareText(rows[b].receivedOn, rows[a].receivedOn));
      break;
    }
  }
  return Int32Array.from(index);
}

function filterTest(filters: CaseFilters, today: string): ((row: CaseIndexRow) => boolean) | null {
  const tests: Array<(row: CaseIndexRow) => boolean> = [];
  const f = filters;
  if (f.status) tests.push((r) => r.status === f.status);
  if (f.stageName) tests.push((r) => r.stageName === f.stageName);
  if (f.category) tests.push((r) => r.category === f.category);
  if (f.channel) tests.push((r) => r.channel === f.channel);
  if (f.assignee != null) tests.push((r) => r.assignee === f.assignee);
  if (f.procedureId) tests.push((r) => r.procedureId === f.procedureId);
  if (f.providerId) tests.push((r) => r.providerId === f.providerId);
  if (f.overdue) tests.push((r) => isOverdue(r, today));
  if (f.nothingDue) tests.push(isOpenWithNothingDue);
  if (tests.length === 0) return null;
  if (tests.length === 1) return tests[0];
  return (r) => {
    for (const t of tests) if (!t(r)) return false;
    return true;
  };
}

interface Order {
  index: Int32Array;
  rows: CaseIndexRow[];
  /** Each row's place in this order (rank[index[k]] === k), made on the first query with few matches. */
  rank?: Int32Array;
}

interface Prepared {
  rows: readonly CaseIndexRow[];
  /** Row numbers in each sort order, and the rows themselves in that order (the answer to an empty query). */
  orders: Map<SortKey, Order>;
}

/** Fewer matches than the rows over this: they are put in order by their places (sorted), not by a pass over every row. */
const FEW = 16;

/** The sort orders made for each version of the rows, shared by every searcher (kept while that rows array lives). */
const preparedByRows = new WeakMap<readonly CaseIndexRow[], Prepared>();

function preparedOf(rows: readonly CaseIndexRow[]): Prepared {
  let p = preparedByRows.get(rows);
  if (!p) {
    p = { rows, orders: new Map() };
    preparedByRows.set(rows, p);
  }
  return p;
}

/**
 * Make the case list's opening order (newest first) and its filter choices for these rows now, in the background,
 * so the list opens without sorting (the app calls it once every row is read, before the list is opened).
 */
export function prepareCaseList(rows: readonly CaseIndexRow[]): void {
  new CaseSearch().sorted(rows, 'received');
  filterChoices(rows);
}

/**
 * A searcher for one window: keeps the joined text and each sort order for the current version of the rows (a new
 * rows array, after any change, prepares again: tens of milliseconds at 100,000 cases).
 */
export class CaseSearch {
  private prepared: Prepared | null = null;
  private mark = new Uint8Array(0);

  private prepare(rows: readonly CaseIndexRow[]): Prepared {
    if (this.prepared?.rows !== rows) this.prepared = preparedOf(rows);
    return this.prepared;
  }

  private order(p: Prepared, sort: SortKey): Order {
    let order = p.orders.get(sort);
    if (!order) {
      const index = sortIndex(p.rows, sort);
      const sorted = new Array<CaseIndexRow>(index.length);
      for (let k = 0; k < index.length; k += 1) sorted[k] = p.rows[index[k]];
      order = { rows: sorted, index };
      p.orders.set(sort, order);
    }
    return order;
  }

  /** The rows sorted by `sort` (cached until the rows change). */
  sorted(rows: readonly CaseIndexRow[], sort: SortKey): CaseIndexRow[] {
    return this.order(this.prepare(rows), sort).rows;
  }

  /** The cases matching the query, in the query's sort order. */
  run(rows: readonly CaseIndexRow[], query: CaseQuery): CaseIndexRow[] {
    const p = this.prepare(rows);
    const order = this.order(p, query.sort);
    const terms = queryTerms(query.text);
    const test = filterTest(query.filters, query.today);
    if (terms.length === 0 && !test) return order.rows;
    const n = p.rows.length;
    let mark: Uint8Array | null = null;
    if (terms.length) {
      const hits = matchingRows(p.rows, terms);
      // Few matches (a name, a reference, a postcode): their places in the order, sorted, are the answer's order.
      if (hits.length * FEW < n) {
        if (!order.rank) {
          const rank = new Int32Array(n);
          for (let k = 0; k < n; k += 1) rank[order.index[k]] = k;
          order.rank = rank;
        }
        const rank = order.rank;
        const places = new Int32Array(hits.length);
        let m = 0;
        for (const i of hits) if (!test || test(p.rows[i])) places[m++] = rank[i];
        const sorted = places.subarray(0, m).sort();
        const result = new Array<CaseIndexRow>(m);
        for (let k = 0; k < m; k += 1) result[k] = order.rows[sorted[k]];
        return result;
      }
      if (this.mark.length !== n) this.mark = new Uint8Array(n);
      else this.mark.fill(0);
      mark = this.mark;
      for (const row of hits) mark[row] = 1;
    }
    const result: CaseIndexRow[] = [];
    const index = order.index;
    for (let k = 0; k < index.length; k += 1) {
      const i = index[k];
      if (mark !== null && mark[i] === 0) continue;
      const r = p.rows[i];
      if (test && !test(r)) continue;
      result.push(r);
    }
    return result;
  }
}

const choicesByRows = new WeakMap<readonly CaseIndexRow[], { stageNames: string[]; assignees: string[] }>();

/** The distinct values a filter can take, from the rows (stage names and handlers vary by desk). Kept per rows array. */
export function filterChoices(rows: readonly CaseIndexRow[]): { stageNames: string[]; assignees: string[] } {
  const kept = choicesByRows.get(rows);
  if (kept) return kept;
  const stages = new Set<string>();
  const assignees = new Set<string>();
  for (const r of rows) {
    if (r.stageName) stages.add(r.stageName);
    assignees.add(r.assignee);
  }
  const byName = (a: string, b: string) => a.localeCompare(b);
  const choices = { stageNames: [...stages].sort(byName), assignees: [...assignees].sort(byName) };
  choicesByRows.set(rows, choices);
  return choices;
}
