// CSV text in and out, with papaparse (a real CSV parser and writer: quotes, commas, line breaks inside cells).
// Written files start with a UTF-8 byte order mark so Excel reads accents and emoji correctly; cells that a spreadsheet
// would run as a formula get a leading apostrophe (OWASP's advice against CSV injection).
import Papa from 'papaparse';
import { FORMULA_START } from '#shared/exports/cases-csv';

export const BOM = '\uFEFF';

/** CSV text (BOM first, CRLF line ends as Excel writes them) for a table of text cells. */
export function toCsv(table: { fields: string[]; data: string[][] }): string {
  // papaparse's own `escapeFormulae: true` misses a formula followed by a line break in the same cell (its pattern is
  // /^[=+\-@\t\r].*$/ without the dotall flag), so the anchored pattern is passed instead.
  return BOM + Papa.unparse(table, { escapeFormulae: FORMULA_START, newline: '\r\n', header: true });
}

export const csvBytes = (text: string): Uint8Array => new TextEncoder().encode(text);

export interface DecodedText {
  text: string;
  /** 'utf-8', or 'windows-1252' when the file is not valid UTF-8 (Excel's "CSV (Comma delimited)" on Windows). */
  encoding: 'utf-8' | 'windows-1252';
}

/** The file's text: UTF-8 (BOM dropped) when it is valid UTF-8, else Windows-1252. */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

export interface ParsedCsv {
  headers: string[];
  /** Data rows (the header row removed, empty rows skipped), each padded to the header's width. */
  rows: string[][];
  delimiter: string;
  /** Problems the parser found, e.g. an unclosed quote, with the row number as the spreadsheet shows it. */
  errors: string[];
}

/** Parse CSV text: comma, semicolon or tab separated (guessed), quoted cells may hold separators and line breaks. */
export function parseCsv(text: string): ParsedCsv {
  const input = text.startsWith(BOM) ? text.slice(1) : text;
  const result = Papa.parse<string[]>(input, { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] });
  const [headerRow = [], ...rows] = result.data;
  const headers = headerRow.map((h) => h.trim());
  const width = headers.length;
  const extra = rows.flatMap((r, i) =>
    r.length > width && r.slice(width).some((c) => c.trim() !== '')
      ? [`Row ${i + 2} has ${r.length} cells but the header row has ${width}: is there a separator inside a cell without quotes?`]
      : [],
  );
  return {
    headers,
    rows: rows.map((r) => (r.length >= width ? r : [...r, ...Array<string>(width - r.length).fill('')])),
    delimiter: result.meta.delimiter,
    // papaparse counts data rows from 0 after the header; the spreadsheet shows the header as row 1.
    errors: result.errors
      .filter((e) => e.code !== 'UndetectableDelimiter')
      .map((e) => (typeof e.row === 'number' ? `Row ${e.row + 1}: ${e.message}` : e.message))
      .concat(extra),
  };
}
