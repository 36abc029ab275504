import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CASE_CSV_COLUMNS, casesCsvTable, unguardCell } from '#shared/exports/cases-csv';
import type { CaseRecord } from '#shared/model/case';
import { checkImport, guessMapping } from '#shared/exports/cases-import';
import { BOM, toCsv } from '#lib/csv';
import {
  CsvDecodeError,
  NotTextError,
  csvBytes,
  csvDecodeErrorIn,
  csvProblemIn,
  decodeCsvBytes,
  decodeWindows1252,
  parseCsv,
  sniffUtf16,
} from './csv';
import { en, fr } from '#test/support/translate';

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
    const cases = [
      record(),
      record({
        id: 'c2',
        reference: 'RDR-2026-000043',
        summary: 'Plain',
        customer: { name: 'Ann Lee', isBusiness: true, employees: 25 },
        representative: undefined,
        communication: undefined,
      }),
    ];
    const table = casesCsvTable(
      cases.map((r) => ({
        record: r,
        derived: {
          status: 'open',
          stageName: 'Customer services',
          nextDueOn: '2026-11-25',
          nextClockLabel: 'Acknowledgement',
          adrLetterDueOn: '2026-12-30',
          adrReferralEndsOn: null,
        },
      })),
    );
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
    const attacks = [
      '=HYPERLINK("http://evil.example","click")',
      '+1+2',
      '-2+3',
      '@SUM(A1:A9)',
      '\t=1+1',
      '\r=1+1',
      "=cmd|' /C calc'!A0\nsecond line",
    ];
    const table = casesCsvTable(
      attacks.map((summary, i) => ({ record: record({ id: `c${i}`, summary, customer: { name: summary } }) })),
    );
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
    expect(parsed.errors).toEqual([{ code: 'too-many-cells', row: 3, cells: 3, width: 2 }]);
    expect(csvProblemIn(en, parsed.errors[0])).toBe(
      'Row 3 has 3 cells but the header row has 2: is there a separator inside a cell without quotes?',
    );
    expect(csvProblemIn(fr, parsed.errors[0])).toBe(
      'La ligne 3 a 3 cellules, mais la ligne d’en-tête en a 2\u00a0: un séparateur se trouve-t-il dans une cellule sans guillemets\u00a0?',
    );
  });

  it('reports an unclosed quote', () => {
    const errors = parseCsv('a,b\n1,"never closed\n').errors;
    expect(errors).toContainEqual({ code: 'unclosed-quote', row: 2 });
    expect(errors.map((e) => csvProblemIn(en, e))).toContain('Row 2: a cell opens a quote (") that is never closed');
    expect(errors.map((e) => csvProblemIn(fr, e))).toContain(
      'Ligne 2\u00a0: une cellule ouvre des guillemets (") qui ne sont jamais fermés',
    );
  });

  it('decodes UTF-8 (dropping the BOM) and falls back to Windows-1252 for files Excel saved that way', () => {
    expect(decodeCsvBytes(csvBytes(`${BOM}Zoë,😡`))).toEqual({ text: 'Zoë,😡', encoding: 'utf-8' });
    // "Zoë" in Windows-1252: ë is one byte 0xEB, not valid UTF-8.
    expect(decodeCsvBytes(new Uint8Array([0x5a, 0x6f, 0xeb]))).toEqual({ text: 'Zoë', encoding: 'windows-1252' });
  });

  it('refuses a file that is not text, saying what it looks like, instead of reading it as a table of noise', () => {
    const bytes = (...parts: Array<string | number[]>) =>
      new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));
    const kindOf = (b: Uint8Array) => {
      try {
        decodeCsvBytes(b);
        return null;
      } catch (e) {
        return e instanceof NotTextError ? e.kind : 'other error';
      }
    };
    expect(kindOf(bytes('%PDF-1.7\n%', [0xe2, 0xe3, 0xcf, 0xd3]))).toBe('pdf');
    expect(kindOf(bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toBe('office'); // .xlsx (a ZIP)
    expect(kindOf(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('office'); // .xls
    expect(kindOf(bytes('GIF89a', [0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00]))).toBe('other');
    // Text with tabs, line ends and one stray NUL in a cell is still text.
    expect(kindOf(bytes('a\tb\r\nc', [0x00], 'd\r\n', 'x'.repeat(200)))).toBeNull();
    expect(en('import.notText', { kind: 'office' })).toBe(
      'it is not a CSV file but an Excel workbook or another Office file. Save the spreadsheet as “CSV UTF-8” (File → Save as) and choose that file.',
    );
  });
});

describe('reading UTF-16 files (Excel "Unicode Text", Notepad, PowerShell)', () => {
  const TEXT =
    'Received on\tChannel\tCategory\tCustomer name\tPhone\tSummary\r\n2026-11-18\tPhone\tBilling\tZoë O’Brien 王小明 😡\t0113 496 0000\tCharged “twice”\r\n';
  /** The text as UTF-16 bytes, in either byte order, with or without a byte order mark. */
  const utf16 = (text: string, order: 'le' | 'be', bom: boolean): Uint8Array => {
    const units = (bom ? BOM : '') + text;
    const bytes = new Uint8Array(units.length * 2);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < units.length; i++) view.setUint16(i * 2, units.charCodeAt(i), order === 'le');
    return bytes;
  };
  const importRow = (text: string) => {
    const parsed = parseCsv(text);
    return checkImport(parsed.rows, parsed.headers, guessMapping(parsed.headers), {
      today: '2026-11-20',
      dateOrder: 'day-first',
    });
  };

  it.each([
    ['little-endian with a byte order mark', 'le', true, 'utf-16le'],
    ['little-endian without one', 'le', false, 'utf-16le'],
    ['big-endian with a byte order mark', 'be', true, 'utf-16be'],
    ['big-endian without one', 'be', false, 'utf-16be'],
  ] as const)('decodes UTF-16 %s, and every row imports', (_, order, bom, encoding) => {
    const decoded = decodeCsvBytes(utf16(TEXT, order, bom));
    expect(decoded).toEqual({ text: TEXT, encoding });
    const check = importRow(decoded.text);
    expect(check.problems).toEqual([]);
    expect(check.cases[0].parts.customer).toEqual({ name: 'Zoë O’Brien 王小明 😡', phone: '0113 496 0000' });
  });

  it('tells UTF-16 without a byte order mark by its zero bytes, even when most of the text is not Latin', () => {
    const chinese = 'a,b\r\n' + '王小明,李'.repeat(30);
    expect(sniffUtf16(utf16(chinese, 'le', false))).toBe('utf-16le');
    expect(sniffUtf16(utf16(chinese, 'be', false))).toBe('utf-16be');
    // 8-bit text has no zero bytes, or only a stray NUL in a cell: not UTF-16.
    expect(sniffUtf16(csvBytes(TEXT))).toBeNull();
    expect(sniffUtf16(csvBytes('a,b\n1,x\u0000y\n'))).toBeNull();
    expect(sniffUtf16(new Uint8Array([0x41]))).toBeNull();
  });

  it('still reads UTF-8 (with or without a BOM) and Windows-1252, and a stray NUL in a UTF-8 file stays UTF-8 (and is refused by the row check)', () => {
    expect(decodeCsvBytes(csvBytes(BOM + TEXT))).toEqual({ text: TEXT, encoding: 'utf-8' });
    expect(decodeCsvBytes(csvBytes(TEXT))).toEqual({ text: TEXT, encoding: 'utf-8' });
    // "Zoë O’Brien" in Windows-1252: ë is 0xEB, ’ is 0x92.
    const cp1252 = new Uint8Array([
      ...csvBytes('a,b\r\n1,Zo'),
      0xeb,
      ...csvBytes(' O'),
      0x92,
      ...csvBytes('Brien\r\n'),
    ]);
    expect(decodeCsvBytes(cp1252)).toEqual({ text: 'a,b\r\n1,Zoë O’Brien\r\n', encoding: 'windows-1252' });
    // Every byte of 0x80 to 0x9F as WHATWG's windows-1252 table says (Node 20's TextDecoder reads them as C1 controls).
    expect(
      decodeWindows1252(new Uint8Array([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x99, 0x9f, 0xa0, 0xe9, 0x41])),
    ).toBe('€…‘’“”–™Ÿ\u00a0éA');
    expect(
      Array.from(decodeWindows1252(new Uint8Array([0x81, 0x8d, 0x8f, 0x90, 0x9d])), (c) => c.codePointAt(0)),
    ).toEqual([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
    const withNul = decodeCsvBytes(csvBytes(TEXT.replace('Zoë', 'Zo\u0000ë')));
    expect(withNul.encoding).toBe('utf-8');
    expect(importRow(withNul.text).problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [2, 'Customer name', 'Name contains an invisible control character (U+0000 NULL) after “Zo”; remove it'],
    ]);
  });

  it('refuses a UTF-16 file with a broken character instead of reading replacement characters', () => {
    const cut = utf16(TEXT, 'le', true).subarray(0, 41);
    expect(() => decodeCsvBytes(cut)).toThrow(
      'the file looks like UTF-16 (little-endian) text but has a broken character (an odd number of bytes: is it cut short?). Save it again from the spreadsheet as “CSV UTF-8”.',
    );
    const halfPair = utf16('a,b\r\n1,\ud83d\r\n', 'be', false);
    expect(() => decodeCsvBytes(halfPair)).toThrow(/UTF-16 \(big-endian\) text but has a broken character\./);
    // The screen says it in its language, from the error's facts.
    const error = (() => {
      try {
        decodeCsvBytes(cut);
      } catch (e) {
        return e as CsvDecodeError;
      }
    })()!;
    expect(error).toBeInstanceOf(CsvDecodeError);
    expect(csvDecodeErrorIn(fr, error.encoding, error.oddLength)).toBe(
      'le fichier semble être du texte UTF-16 (petit-boutiste), mais un caractère y est endommagé (le nombre d’octets est impair\u00a0: le fichier est-il incomplet\u00a0?). Enregistrez-le de nouveau depuis le tableur au format «\u00a0CSV UTF-8\u00a0».',
    );
  });
});
