import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CASE_CSV_COLUMNS, casesCsvTable, unguardCell } from '#shared/exports/cases-csv';
import type { CaseRecord } from '#shared/model/case';
import { BOM, csvBytes, decodeCsvBytes, parseCsv, toCsv } from './csv';

const record = (over: Partial<CaseRecord> = {}): CaseRecord => ({
  id: 'c1',
  reference: 'RDR-2026-000042',
  receivedOn: '2026-11-18',
  channel: 'letter',
  customer: {
    name: 'Zoë “Zed” O’Brien, Jr.',
    address: { lines: ['Flat 2, "The Maltings"', '12 Rue de l’Église', 'Leeds'], postcode: 'LS1 1AA' },
    phone: '+44 113 496 0000',
    email: 'zoe@example.com',
    accountNumber: 'AC-998',
  },
  representative: { name: 'Émile Durand', relationship: 'son' },
  communication: { language: 'fr-CA', largePrint: true },
  category: 'fault-repair',
  summary: 'Line down since Monday 😡, engineer missed two visits;\nsecond line: "urgent"\r\nthird, line',
  procedureId: 'kijoma',
  calendar: 'england-and-wales',
  stage: 'customer-services',
  status: 'open',
  assignee: 'Sam Patel',
  createdAt: '2026-11-18T09:00:00.000Z',
  updatedAt: '2026-11-19T10:00:00.000Z',
  ...over,
});

describe('cases CSV', () => {
  it('starts with a UTF-8 byte order mark and uses CRLF line ends', () => {
    const text = toCsv(casesCsvTable([{ record: record() }]));
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const bytes = csvBytes(text);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.slice(1).split('\r\n')[0]).toBe(CASE_CSV_COLUMNS.join(','));
  });

  it('round-trips through papaparse: commas, quotes, line breaks, accents and emoji come back identical', () => {
    const cases = [record(), record({ id: 'c2', reference: 'RDR-2026-000043', summary: 'Plain', customer: { name: 'Ann Lee', isBusiness: true, employees: 25 }, representative: undefined, communication: undefined })];
    const table = casesCsvTable(cases.map((r) => ({ record: r, derived: { status: 'open', stageName: 'Customer services', nextDueOn: '2026-11-25', nextClockLabel: 'Acknowledgement', adrLetterDueOn: '2026-12-30', adrReferralEndsOn: null } })));
    const text = toCsv(table);
    // Parse the bytes as a reader would: decode UTF-8 (the BOM is dropped), then a real CSV parser.
    const decoded = new TextDecoder().decode(csvBytes(text));
    const parsed = Papa.parse<string[]>(decoded, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(table.fields);
    // Every value comes back as it was, once the formula guard's apostrophe is taken off again (as the import does).
    expect(parsed.data.slice(1).map((cells) => cells.map(unguardCell))).toEqual(table.data);
    const row = Object.fromEntries(table.fields.map((f, i) => [f, parsed.data[1][i]]));
    expect(row['Customer name']).toBe('Zoë “Zed” O’Brien, Jr.');
    expect(row.Address).toBe('Flat 2, "The Maltings"\n12 Rue de l’Église\nLeeds');
    expect(row.Summary).toBe(record().summary);
    expect(row.Channel).toBe('Letter');
    expect(row.Category).toBe('Fault repair');
    expect(row['Letter language']).toBe('French (Canada)');
    expect(row['Large print']).toBe('Yes');
    expect(row['Next due on']).toBe('2026-11-25');
    expect(row['ADR letter due on']).toBe('2026-12-30');
    expect(row['Business customer']).toBe('No');
    const business = Object.fromEntries(table.fields.map((f, i) => [f, parsed.data[2][i]]));
    expect([business['Business customer'], business['Number of employees']]).toEqual(['Yes', '25']);
    // The phone number starts with "+": a spreadsheet would read it as a formula, so it is guarded.
    expect(row.Phone).toBe("'+44 113 496 0000");
    expect(unguardCell(row.Phone)).toBe('+44 113 496 0000');
  });

  it('guards every cell a spreadsheet would run as a formula (CSV injection), including one with a line break', () => {
    const attacks = ['=HYPERLINK("http://evil.example","click")', '+1+2', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '=cmd|\' /C calc\'!A0\nsecond line'];
    const table = casesCsvTable(attacks.map((summary, i) => ({ record: record({ id: `c${i}`, summary, customer: { name: summary } }) })));
    const parsed = Papa.parse<string[]>(toCsv(table).slice(1), { skipEmptyLines: true });
    const summaryColumn = table.fields.indexOf('Summary');
    const nameColumn = table.fields.indexOf('Customer name');
    parsed.data.slice(1).forEach((cells, i) => {
      expect(cells[summaryColumn]).toBe(`'${attacks[i]}`);
      expect(cells[nameColumn]).toBe(`'${attacks[i]}`);
      expect(unguardCell(cells[summaryColumn])).toBe(attacks[i]);
    });
    // Harmless text is left alone, including an apostrophe the customer typed.
    const safe = casesCsvTable([{ record: record({ summary: "'quoted' and a-b = c", customer: { name: "O'Neil" } }) }]);
    const cells = Papa.parse<string[]>(toCsv(safe).slice(1)).data[1];
    expect(cells[summaryColumn]).toBe("'quoted' and a-b = c");
    expect(cells[nameColumn]).toBe("O'Neil");
  });
});

describe('reading a CSV made in a spreadsheet', () => {
  it('handles a BOM, semicolons and quoted line breaks', () => {
    const text = `${BOM}Date received;Name;Summary\r\n2026-11-18;"Lee; Ann";"two\r\nlines"\r\n\r\n2026-11-19;Bo;x\r\n`;
    const parsed = parseCsv(text);
    expect(parsed.delimiter).toBe(';');
    expect(parsed.headers).toEqual(['Date received', 'Name', 'Summary']);
    expect(parsed.rows).toEqual([
      ['2026-11-18', 'Lee; Ann', 'two\r\nlines'],
      ['2026-11-19', 'Bo', 'x'],
    ]);
    expect(parsed.errors).toEqual([]);
  });

  it('reads commas and tabs, pads short rows and reports rows with too many cells', () => {
    expect(parseCsv('a,b,c\n1,2\n').rows).toEqual([['1', '2', '']]);
    expect(parseCsv('a\tb\n1\t2\n').delimiter).toBe('\t');
    const parsed = parseCsv('a,b\n1,2\n3,4,5\n');
    expect(parsed.errors).toEqual(['Row 3 has 3 cells but the header row has 2: is there a separator inside a cell without quotes?']);
  });

  it('reports an unclosed quote', () => {
    expect(parseCsv('a,b\n1,"never closed\n').errors.join(' ')).toMatch(/quote/i);
  });

  it('decodes UTF-8 (dropping the BOM) and falls back to Windows-1252 for files Excel saved that way', () => {
    expect(decodeCsvBytes(csvBytes(`${BOM}Zoë,😡`))).toEqual({ text: 'Zoë,😡', encoding: 'utf-8' });
    // "Zoë" in Windows-1252: ë is one byte 0xEB, not valid UTF-8.
    expect(decodeCsvBytes(new Uint8Array([0x5a, 0x6f, 0xeb]))).toEqual({ text: 'Zoë', encoding: 'windows-1252' });
  });
});
