import { describe, expect, it } from 'vitest';
import { searchText } from '#db/case-index/derive';
import type { CaseIndexRow } from '#db/schema';
import type { CaseRecord } from '#shared/model/case';
import { customer } from '#test/support/cases';
import {
  CaseSearch,
  filterChoices,
  isOverdue,
  queryTerms,
  SORTS,
  sortIndex,
  type CaseQuery,
  type SortKey,
} from './search';

let n = 0;
function row(over: Partial<CaseIndexRow>): CaseIndexRow {
  n += 1;
  const base: CaseIndexRow = {
    caseId: `c${n}`,
    reference: `RDR-2026-${String(n).padStart(6, '0')}`,
    customerName: 'Someone',
    status: 'open',
    stage: 's1',
    stageName: 'Customer services',
    assignee: 'Sam Patel',
    procedureId: 'kijoma',
    providerId: 'first',
    category: 'billing',
    channel: 'phone',
    calendar: 'england-and-wales',
    receivedOn: '2026-11-01',
    search: '',
    nextDueOn: null,
    nextClockId: null,
    nextClockLabel: null,
    acknowledged: 1,
    adrLetterDueOn: null,
    adrReferralEndsOn: null,
    pausedSince: null,
    updatedAt: '2026-11-01T10:00:00Z',
    ...over,
  };
  base.search ||= `${base.reference} ${base.customerName}`.toLowerCase();
  return base;
}

const rows = [
  row({
    customerName: 'Ada Lovelace',
    receivedOn: '2026-11-18',
    search: 'rdr-2026-000001 ada lovelace 01134960000 ada@example.com sw1y4jh charged twice',
    nextDueOn: '2026-11-25',
  }),
  row({
    customerName: 'alan Turing',
    receivedOn: '2026-10-02',
    status: 'closed',
    category: 'fault-repair',
    nextDueOn: '2026-10-09',
  }),
  row({
    customerName: 'Grace Hopper',
    receivedOn: '2026-11-20',
    assignee: '',
    channel: 'letter',
    procedureId: 'kinex',
    nextDueOn: '2026-11-19',
    stageName: 'Escalation team',
  }),
  row({
    customerName: 'Zed Brown',
    receivedOn: '2026-09-01',
    status: 'resolved',
    nextDueOn: null,
    providerId: 'maple',
  }),
];
const q = (over: Partial<CaseQuery>): CaseQuery => ({
  text: '',
  filters: {},
  sort: 'received',
  today: '2026-11-21',
  ...over,
});
const refsOf = (list: CaseIndexRow[]) => list.map((r) => r.customerName);

describe('case search', () => {
  it('splits a query into lowercased words', () => {
    expect(queryTerms('  Ada  LOVELACE ')).toEqual(['ada', 'lovelace']);
  });

  it('matches every word anywhere: names, phone digits, postcode without its space, summary words', () => {
    const s = new CaseSearch();
    expect(refsOf(s.run(rows, q({ text: 'lovelace ada' })))).toEqual(['Ada Lovelace']);
    expect(refsOf(s.run(rows, q({ text: '0113 496' })))).toEqual(['Ada Lovelace']);
    expect(refsOf(s.run(rows, q({ text: 'SW1Y 4JH' })))).toEqual(['Ada Lovelace']);
    expect(refsOf(s.run(rows, q({ text: 'twice' })))).toEqual(['Ada Lovelace']);
    expect(refsOf(s.run(rows, q({ text: 'lovelace turing' })))).toEqual([]);
  });

  it('sorts customers with accents among the others, as a reader expects (É with E, not after Z)', () => {
    const named = ['Zoé Lefebvre', 'Ève Côté', 'Eric Roy', 'Élodie Gagnon', 'Amélie Pelletier', 'Émile Bouchard'].map(
      (customerName, i) => row({ customerName, reference: `BOR-2026-00000${i}` }),
    );
    expect(refsOf(new CaseSearch().run(named, q({ sort: 'customer' })))).toEqual([
      'Amélie Pelletier',
      'Élodie Gagnon',
      'Émile Bouchard',
      'Eric Roy',
      'Ève Côté',
      'Zoé Lefebvre',
    ]);
  });

  it('sorts by received (newest first), reference, next due (none last) and customer', () => {
    const s = new CaseSearch();
    expect(refsOf(s.run(rows, q({ sort: 'received' })))).toEqual([
      'Grace Hopper',
      'Ada Lovelace',
      'alan Turing',
      'Zed Brown',
    ]);
    expect(refsOf(s.run(rows, q({ sort: 'reference' })))).toEqual([
      'Ada Lovelace',
      'alan Turing',
      'Grace Hopper',
      'Zed Brown',
    ]);
    expect(refsOf(s.run(rows, q({ sort: 'nextDue' })))).toEqual([
      'alan Turing',
      'Grace Hopper',
      'Ada Lovelace',
      'Zed Brown',
    ]);
    expect(refsOf(s.run(rows, q({ sort: 'customer' })))).toEqual([
      'Ada Lovelace',
      'alan Turing',
      'Grace Hopper',
      'Zed Brown',
    ]);
  });

  it('sorts many rows exactly as comparing every pair would (days shared by many cases, ties kept in order)', () => {
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const definitions: Record<SortKey, (a: CaseIndexRow, b: CaseIndexRow) => number> = {
      received: (a, b) => cmp(b.receivedOn, a.receivedOn) || cmp(b.reference, a.reference),
      reference: (a, b) => cmp(a.reference, b.reference),
      nextDue: (a, b) =>
        cmp(a.nextDueOn ?? '\uffff', b.nextDueOn ?? '\uffff') ||
        cmp(a.receivedOn, b.receivedOn) ||
        cmp(a.reference, b.reference),
      customer: (a, b) =>
        cmp(a.customerName.toLowerCase(), b.customerName.toLowerCase()) || cmp(b.receivedOn, a.receivedOn),
    };
    let seed = 7;
    const next = (m: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % m;
    const many = Array.from({ length: 3000 }, () =>
      row({
        reference: `RDR-${2025 + next(2)}-${String(next(400)).padStart(6, '0')}`,
        receivedOn: `2026-0${1 + next(3)}-1${next(10)}`,
        customerName: ['ada', 'Ada', 'Zed', 'bob'][next(4)],
        nextDueOn: next(3) ? `2026-12-0${1 + next(9)}` : null,
      }),
    );
    for (const sort of Object.keys(definitions) as SortKey[]) {
      const expected = many.slice().sort(definitions[sort]);
      expect(
        Array.from(sortIndex(many, sort), (i) => many[i]),
        sort,
      ).toEqual(expected);
      expect(new CaseSearch().run(many, q({ sort })), sort).toEqual(expected);
    }
  });

  it('orders few matches and many alike: every sort, with and without a filter, as filtering the sorted rows', () => {
    let seed = 11;
    const next = (m: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % m;
    const names = ['ada lovelace', 'alan turing', 'grace hopper', 'mary jones', 'zed brown', 'rare person'];
    const many = Array.from({ length: 3000 }, (_, i) => {
      const name = names[i % 97 === 0 ? 5 : next(5)];
      return row({
        customerName: name,
        reference: `RDR-${2025 + next(2)}-${String(next(400)).padStart(6, '0')}`,
        receivedOn: `2026-0${1 + next(3)}-1${next(10)}`,
        status: (['open', 'resolved', 'closed'] as const)[next(3)],
        nextDueOn: next(3) ? `2026-12-0${1 + next(9)}` : null,
        search: `${name} ${next(2) ? 'broadband' : 'mobile'}`,
      });
    });
    const s = new CaseSearch();
    // "rare person" matches 31 rows (few: sorted by place); "a" most of them (a pass over every row).
    for (const text of ['rare person', 'rare', 'a', 'ada broadband', 'zz'])
      for (const sort of Object.keys(SORTS) as SortKey[])
        for (const filters of [{}, { status: 'open' as const }]) {
          const terms = queryTerms(text);
          const want = s
            .sorted(many, sort)
            .filter((r) => terms.every((t) => r.search.includes(t)))
            .filter((r) => !('status' in filters) || r.status === filters.status);
          expect(s.run(many, q({ text, sort, filters })), `${text} ${sort}`).toEqual(want);
        }
    expect(s.run(many, q({ text: 'rare person' })).length).toBe(31);
  });

  it('filters by status, stage, category, channel, handler (including nobody), procedure, provider, overdue and nothing due', () => {
    const s = new CaseSearch();
    expect(refsOf(s.run(rows, q({ filters: { status: 'closed' } })))).toEqual(['alan Turing']);
    expect(refsOf(s.run(rows, q({ filters: { stageName: 'Escalation team' } })))).toEqual(['Grace Hopper']);
    expect(refsOf(s.run(rows, q({ filters: { category: 'fault-repair' } })))).toEqual(['alan Turing']);
    expect(refsOf(s.run(rows, q({ filters: { channel: 'letter' } })))).toEqual(['Grace Hopper']);
    expect(refsOf(s.run(rows, q({ filters: { assignee: '' } })))).toEqual(['Grace Hopper']);
    expect(refsOf(s.run(rows, q({ filters: { procedureId: 'kinex' } })))).toEqual(['Grace Hopper']);
    expect(refsOf(s.run(rows, q({ filters: { providerId: 'maple' } })))).toEqual(['Zed Brown']);
    expect(refsOf(s.run(rows, q({ text: 'ada', filters: { providerId: 'maple' } })))).toEqual([]);
    // Overdue: due before today and not closed (Turing's missed date is on a closed case).
    expect(refsOf(s.run(rows, q({ filters: { overdue: true } })))).toEqual(['Grace Hopper']);
    expect(isOverdue(rows[0], '2026-11-25')).toBe(false);
    expect(isOverdue(rows[0], '2026-11-26')).toBe(true);
    // Open with nothing due (the dashboard's "Open, nothing due"): not Zed Brown's resolved case, which has none either.
    const idle = row({ customerName: 'Ida Idle', nextDueOn: null });
    expect(refsOf(s.run([...rows, idle], q({ filters: { nothingDue: true } })))).toEqual(['Ida Idle']);
  });

  it('gives the same answers typing letter by letter as searching afresh', () => {
    const many: CaseIndexRow[] = [];
    const names = ['ada lovelace', 'adam smith', 'alan turing', 'grace hopper', 'mary jones', 'adele adkins'];
    for (let i = 0; i < 600; i += 1) {
      const name = names[i % names.length];
      many.push(
        row({
          customerName: name,
          search: `rdr-2026-${String(i).padStart(6, '0')} ${name} ${i % 7 === 0 ? 'broadband' : 'mobile'}`,
        }),
      );
    }
    const typing = new CaseSearch();
    const typed = 'ada 00012 broad';
    for (let i = 1; i <= typed.length; i += 1) {
      const text = typed.slice(0, i);
      expect(typing.run(many, q({ text })), text).toEqual(new CaseSearch().run(many, q({ text })));
    }
    // Deleting letters widens again.
    expect(typing.run(many, q({ text: 'ad' }))).toEqual(new CaseSearch().run(many, q({ text: 'ad' })));
  });

  it('finds exactly the rows holding every word (against a brute-force scan)', () => {
    const words = ['ab', 'abc', 'bca', 'cab', 'a', 'b', 'zz', 'abab'];
    const many: CaseIndexRow[] = [];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 400; i += 1) {
      const text = Array.from(
        { length: 1 + Math.floor(random() * 5) },
        () => words[Math.floor(random() * words.length)],
      ).join(random() < 0.5 ? ' ' : '');
      many.push(row({ search: text }));
    }
    const s = new CaseSearch();
    for (const text of ['ab', 'abc', 'a b', 'bca ab', 'abab', 'zz a', 'cabab', 'b a c', 'zzz', 'ab zz abc']) {
      const terms = queryTerms(text);
      const want = s.sorted(many, 'received').filter((r) => terms.every((t) => r.search.includes(t)));
      expect(s.run(many, q({ text })), text).toEqual(want);
    }
  });

  it('finds what people type (issue #15): no accents, apostrophes or hyphens needed', () => {
    // Search texts built as the case index builds them (derive.ts), folded once when the row is written.
    const person = (name: string, over: Partial<CaseRecord['customer']> = {}) =>
      row({
        customerName: name,
        search: searchText({
          reference: `RDR-2026-${String(n + 1).padStart(6, '0')}`,
          customer: customer({ name, ...over }),
          summary: '',
        } as unknown as CaseRecord),
      });
    const people = [
      person('Françoise Dubois'),
      person('Jürgen Müller'),
      person("Siobhán O'Brien"),
      person('Seán Murphy'),
      person('Anne-Marie Smith-Jones', { phone: '0113 496 0222' }),
    ];
    const s = new CaseSearch();
    const found = (text: string) => refsOf(s.run(people, q({ text })));
    expect(found('Francoise')).toEqual(['Françoise Dubois']);
    expect(found('FRANÇOISE')).toEqual(['Françoise Dubois']);
    expect(found('muller')).toEqual(['Jürgen Müller']);
    expect(found('jurgen')).toEqual(['Jürgen Müller']);
    expect(found('obrien')).toEqual(["Siobhán O'Brien"]);
    expect(found('o brien')).toEqual(["Siobhán O'Brien"]);
    expect(found('O’Brien')).toEqual(["Siobhán O'Brien"]);
    expect(found('Sean')).toEqual(['Seán Murphy']);
    expect(found('smith jones')).toEqual(['Anne-Marie Smith-Jones']);
    expect(found('annemarie')).toEqual(['Anne-Marie Smith-Jones']);
    expect(found('0113 496 0222')).toEqual(['Anne-Marie Smith-Jones']);
    // A reference typed with its hyphens, or without.
    const ref = people[0].reference;
    expect(found(ref)).toEqual(['Françoise Dubois']);
    expect(found(ref.replace(/-/g, ''))).toEqual(['Françoise Dubois']);
  });

  it('offers the stage names and handlers found in the cases', () => {
    expect(filterChoices(rows)).toEqual({
      stageNames: ['Customer services', 'Escalation team'],
      assignees: ['', 'Sam Patel'],
    });
  });
});
