import { describe, expect, it } from 'vitest';
import { deriveCaseIndex, searchText } from '#db/case-index/derive';
import { whenIndexed } from '#db/case-index/text-index';
import { generateCases } from '#test/fixtures/generate-cases';
import type { CaseRecord } from '#shared/model/case';
import { customer } from '#test/support/cases';
import { matchCommands, rankRow, searchCases, type PaletteRow } from './search';

/** A palette row as the case index holds it: its search text built as the index builds it. */
function row(
  r: Omit<PaletteRow, 'search'> & { customer?: Partial<CaseRecord['customer']>; summary?: string },
): PaletteRow {
  const { customer: details, summary, ...rest } = r;
  const record = {
    reference: r.reference,
    customer: customer({ name: r.customerName, ...details }),
    ...(r.representativeName ? { representative: { name: r.representativeName, relationship: 'Son' } } : {}),
    summary: summary ?? '',
  } as CaseRecord;
  return { ...rest, search: searchText(record) };
}

const rows: PaletteRow[] = [
  row({ caseId: '1', reference: 'RDR-2026-000042', customerName: 'Ada Lovelace', receivedOn: '2026-11-18' }),
  row({
    caseId: '2',
    reference: 'RDR-2026-000420',
    customerName: 'Alan Turing',
    representativeName: 'Sara Turing',
    receivedOn: '2026-11-19',
  }),
  row({
    caseId: '3',
    reference: 'RDR-2025-000042',
    customerName: 'José Núñez',
    receivedOn: '2025-03-01',
    status: 'closed',
  }),
  row({ caseId: '4', reference: 'RDR-2026-000007', customerName: 'Grace Hopper', receivedOn: '2026-10-01' }),
];

describe('searchCases', () => {
  it('finds a case by its whole reference first', () => {
    expect(searchCases(rows, 'rdr-2026-000420').map((h) => h.row.caseId)).toEqual(['2']);
  });
  it('finds a case by its number alone, newest first', () => {
    expect(searchCases(rows, '42').map((h) => h.row.caseId)).toEqual(['1', '3', '2']);
  });
  it('finds by a customer’s or representative’s name, ignoring case and accents', () => {
    expect(searchCases(rows, 'turing').map((h) => h.row.caseId)).toEqual(['2']);
    expect(searchCases(rows, 'sara').map((h) => h.row.caseId)).toEqual(['2']);
    expect(searchCases(rows, 'jose nunez').map((h) => h.row.caseId)).toEqual(['3']);
    expect(searchCases(rows, 'hop').map((h) => h.row.caseId)).toEqual(['4']);
  });
  it('ranks a name that starts with the query before one that only contains it', () => {
    expect(rankRow(rows[0], 'ada')).toBe(3);
    expect(rankRow(rows[0], 'love')).toBe(4);
    expect(rankRow(rows[0], 'elac')).toBe(5);
    expect(rankRow(rows[0], 'nobody')).toBe(-1);
    expect(rankRow(rows[0], '  ')).toBe(-1);
  });
  it('keeps only the best few of 100,000 cases', () => {
    const many: PaletteRow[] = Array.from({ length: 100_000 }, (_, i) => {
      const reference = `RDR-2026-${String(i + 1).padStart(6, '0')}`;
      const customerName = i % 1000 === 0 ? `Ada Smith ${i}` : `Customer ${i}`;
      return {
        caseId: String(i),
        reference,
        customerName,
        receivedOn: `2026-${String((i % 12) + 1).padStart(2, '0')}-01`,
        search: `${reference} ${customerName}`.toLowerCase().replace(/-/g, ''),
      };
    });
    const hits = searchCases(many, 'ada smith', 8);
    expect(hits).toHaveLength(8);
    expect(hits.every((h) => h.row.customerName.startsWith('Ada Smith'))).toBe(true);
    // The most recently received first.
    expect(hits.map((h) => h.row.receivedOn)).toEqual([...hits.map((h) => h.row.receivedOn)].sort().reverse());
  });

  it('gives the same best few from the shared text index (an array) as by testing every row (any iterable)', async () => {
    const rows = generateCases(1200, { today: '2026-11-20', seed: 5 }).map((c) => deriveCaseIndex(c.record, c.events));
    const queries = [
      'smith',
      'ada love',
      '0113 496',
      'RDR-2025',
      '42',
      '@example.com',
      'ls1',
      'a',
      'jo',
      'zz top',
      'refund',
    ];
    const compare = () => {
      for (const q of queries) expect(searchCases(rows, q, 8), q).toEqual(searchCases(new Set(rows), q, 8));
    };
    compare(); // by the scan of the joined text
    await whenIndexed(rows);
    compare(); // by the trigram index
  });
});

describe('the palette finds what people type (issue #15), as the case list does', () => {
  const people: PaletteRow[] = [
    row({
      caseId: 'f',
      reference: 'RDR-2026-000101',
      customerName: 'Françoise Dubois',
      receivedOn: '2026-11-01',
      customer: { phone: '+44 113 496 0101', email: 'f.dubois@example.org', accountNumber: 'AC-7788 1234' },
    }),
    row({
      caseId: 'm',
      reference: 'RDR-2026-000102',
      customerName: 'Jürgen Müller',
      receivedOn: '2026-11-02',
      customer: { address: { lines: ['2 High Street', 'Leeds'], postcode: 'LS6 2QT' } },
    }),
    row({ caseId: 'o', reference: 'RDR-2026-000103', customerName: "Siobhán O'Brien", receivedOn: '2026-11-03' }),
    row({ caseId: 's', reference: 'RDR-2026-000104', customerName: 'Seán Murphy', receivedOn: '2026-11-04' }),
  ];
  const found = (q: string) => searchCases(people, q).map((h) => h.row.caseId);
  it.each([
    ['Francoise', 'f'],
    ['muller', 'm'],
    ['obrien', 'o'],
    ['o brien', 'o'],
    ["O'Brien", 'o'],
    ['siobhan obrien', 'o'],
    ['Sean', 's'],
  ])('"%s" finds the case', (q, id) => {
    expect(found(q)).toEqual([id]);
  });
  it.each([
    ['the phone as typed', '0113 496 0101', 'f'],
    ['the phone in international form', '441134960101', 'f'],
    ['the postcode with or without its space', 'ls6 2qt', 'm'],
    ['the postcode without its space', 'LS62QT', 'm'],
    ['the email', 'f.dubois@example.org', 'f'],
    ['the account number', 'AC-7788 1234', 'f'],
    ['the account number without spaces', 'ac77881234', 'f'],
  ])('finds a case by %s', (_what, q, id) => {
    expect(found(q)).toEqual([id]);
  });
});

describe('matchCommands', () => {
  it('lists every command for an empty query and filters by words and keywords', () => {
    expect(matchCommands('').map((c) => c.label)).toEqual([
      'New complaint',
      'Dashboard',
      'Cases',
      'My cases',
      'Settings',
    ]);
    expect(matchCommands('new').map((c) => c.label)).toEqual(['New complaint']);
    expect(matchCommands('my').map((c) => c.label)).toEqual(['My cases']);
    expect(matchCommands('logo').map((c) => c.label)).toEqual(['Settings']);
  });
});
