// Find a case to jump to from the command palette: by reference (whole, its number, or a part), the customer's or
// representative's name, phone, postcode, email, account number: whatever the case list finds. The match is THE
// search of shared/model/search-text.ts, over the same folded search text of the case index (db/case-index/derive.ts),
// so "Francoise" finds Françoise and "o brien" O'Brien here as in the list; the rank only orders what matched. Pure:
// rows in, the best few out. The matching rows of an array come from the text index the case list uses
// (db/case-index/text-index.ts), built once per version of the rows; only those are ranked, and nothing is sorted.
import { matchingRows } from '#db/case-index/text-index';
import { fold, matchesSearch, searchTerms } from '#shared/model/search-text';

export interface PaletteRow {
  caseId: string;
  reference: string;
  customerName: string;
  representativeName?: string;
  receivedOn: string;
  status?: string;
  /** The case index's folded search text (db/case-index/derive.ts `searchText`). */
  search: string;
}

export interface PaletteHit<R extends PaletteRow = PaletteRow> {
  row: R;
  /** Lower is better. */
  rank: number;
}

/**
 * Rank of a row for the query, or -1 when it does not match. 0: the whole reference; 1: the reference's number
 * ("42" finds RDR-2026-000042); 2: the start of the reference; 3: the start of the customer's name; 4: the start of a
 * word of a name; 5: anywhere in the case's search text (a phone number, postcode, email, account, a part of a name).
 */
export function rankRow(row: PaletteRow, query: string): number {
  return rankPrepared(row, prepareQuery(query));
}

interface PreparedQuery {
  /** The whole query, folded. */
  q: string;
  words: string[];
  /** "000042" when the query is a reference's number. */
  numberSuffix: string | null;
}

function prepareQuery(query: string): PreparedQuery {
  const q = fold(query.trim());
  return {
    q,
    words: searchTerms(query),
    numberSuffix: /^\d{1,6}$/.test(q) ? q.padStart(6, '0') : null,
  };
}

/** Each row's folded reference and names, worked out once per row object (rows are replaced when they change). */
const preparedRows = new WeakMap<PaletteRow, { ref: string; names: string }>();

function texts(row: PaletteRow) {
  let t = preparedRows.get(row);
  if (!t) {
    t = { ref: fold(row.reference), names: fold(`${row.customerName} ${row.representativeName ?? ''}`.trim()) };
    preparedRows.set(row, t);
  }
  return t;
}

function rankPrepared(row: PaletteRow, { q, words, numberSuffix }: PreparedQuery): number {
  if (!q || words.length === 0) return -1;
  if (!matchesSearch(row.search, words)) return -1;
  const { ref, names } = texts(row);
  if (ref === q) return 0;
  if (numberSuffix && ref.endsWith(numberSuffix)) return 1;
  if (ref.startsWith(q)) return 2;
  if (names.startsWith(q)) return 3;
  if (words.every((w) => names.startsWith(w) || names.includes(` ${w}`))) return 4;
  return 5;
}

/** The best `limit` matches: best rank first, then the most recently received, then open before closed. */
export function searchCases<R extends PaletteRow>(rows: Iterable<R>, query: string, limit = 8): Array<PaletteHit<R>> {
  const best: Array<PaletteHit<R>> = [];
  const worse = (a: PaletteHit<R>, b: PaletteHit<R>) =>
    a.rank - b.rank ||
    // YYYY-MM-DD: compared as text, as localeCompare orders them, without its cost (tens of thousands of hits).
    (a.row.receivedOn < b.row.receivedOn ? 1 : a.row.receivedOn > b.row.receivedOn ? -1 : 0) ||
    Number(a.row.status === 'closed') - Number(b.row.status === 'closed') ||
    a.row.reference.localeCompare(b.row.reference);
  const pq = prepareQuery(query);
  if (!pq.q || pq.words.length === 0) return best;
  // The rows that match at all, from the text index shared with the case list (no test of every row).
  const candidates: Iterable<R> = Array.isArray(rows)
    ? Array.from(matchingRows(rows as R[], pq.words), (i) => (rows as R[])[i])
    : rows;
  for (const row of candidates) {
    const rank = rankPrepared(row, pq);
    if (rank < 0) continue;
    const hit = { row, rank };
    if (best.length === limit && worse(hit, best[best.length - 1]) >= 0) continue;
    // Insert in order (the list is short).
    let i = best.length;
    while (i > 0 && worse(hit, best[i - 1]) < 0) i--;
    best.splice(i, 0, hit);
    if (best.length > limit) best.pop();
  }
  return best;
}

export interface PaletteCommand {
  id: string;
  label: string;
  description: string;
  href: string;
  keywords: string[];
}

export const PALETTE_COMMANDS: readonly PaletteCommand[] = [
  {
    id: 'new',
    label: 'New complaint',
    description: 'Log a complaint',
    href: '/new',
    keywords: ['log', 'add', 'create', 'intake'],
  },
  {
    id: 'dashboard',
    label: 'Dashboard',
    description: 'What is due today, overdue and this week',
    href: '/',
    keywords: ['home', 'today', 'overdue', 'due'],
  },
  {
    id: 'cases',
    label: 'Cases',
    description: 'Search and filter every case',
    href: '/cases',
    keywords: ['list', 'search', 'find', 'all'],
  },
  {
    id: 'my',
    label: 'My cases',
    description: 'The cases you handle',
    href: '/my',
    keywords: ['mine', 'assigned', 'handler'],
  },
  {
    id: 'settings',
    label: 'Settings',
    description: 'Desk, letterhead, people, ADR scheme, procedures',
    href: '/settings',
    keywords: ['people', 'logo', 'letterhead', 'prefix', 'calendar', 'procedure'],
  },
];

/** The commands whose label or keywords contain every word of the query (all of them for an empty query). */
export function matchCommands(query: string, commands: readonly PaletteCommand[] = PALETTE_COMMANDS): PaletteCommand[] {
  const words = searchTerms(query);
  if (!words.length) return [...commands];
  return commands.filter((c) => matchesSearch(fold(`${c.label} ${c.keywords.join(' ')}`), words));
}
