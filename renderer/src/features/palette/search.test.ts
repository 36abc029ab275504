import { describe, expect, it } from 'vitest';
import { matchCommands, rankRow, searchCases, type PaletteRow } from './search';

const rows: PaletteRow[] = [
  { caseId: '1', reference: 'RDR-2026-000042', customerName: 'Ada Lovelace', receivedOn: '2026-11-18' },
  {
    caseId: '2',
    reference: 'RDR-2026-000420',
    customerName: 'Alan Turing',
    representativeName: 'Sara Turing',
    receivedOn: '2026-11-19',
  },
  { caseId: '3', reference: 'RDR-2025-000042', customerName: 'José Núñez', receivedOn: '2025-03-01', status: 'closed' },
  { caseId: '4', reference: 'RDR-2026-000007', customerName: 'Grace Hopper', receivedOn: '2026-10-01' },
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
    const many: PaletteRow[] = Array.from({ length: 100_000 }, (_, i) => ({
      caseId: String(i),
      reference: `RDR-2026-${String(i + 1).padStart(6, '0')}`,
      customerName: i % 1000 === 0 ? `Ada Smith ${i}` : `Customer ${i}`,
      receivedOn: `2026-${String((i % 12) + 1).padStart(2, '0')}-01`,
    }));
    const hits = searchCases(many, 'ada smith', 8);
    expect(hits).toHaveLength(8);
    expect(hits.every((h) => h.row.customerName.startsWith('Ada Smith'))).toBe(true);
    // The most recently received first.
    expect(hits.map((h) => h.row.receivedOn)).toEqual([...hits.map((h) => h.row.receivedOn)].sort().reverse());
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
