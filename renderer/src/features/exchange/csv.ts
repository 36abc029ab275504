// CSV text in, with papaparse (a real CSV parser: quotes, commas, line breaks inside cells). Files are written by
// #lib/csv (`toCsv`: byte order mark, formula guard), which the Reports CSV uses too.
import Papa from 'papaparse';
import { BOM } from '#lib/csv';
import { translate, type Translate } from '#lib/i18n/index';

export const csvBytes = (text: string): Uint8Array => new TextEncoder().encode(text);

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  /**
   * 'utf-8'; 'utf-16le' or 'utf-16be' (Excel's "Unicode Text", Notepad's "UTF-16", PowerShell 5 `Out-File`), found by
   * the byte order mark or, without one, by where the zero bytes fall; else 'windows-1252' when the file is not valid
   * UTF-8 (Excel's "CSV (Comma delimited)" on Windows).
   */
  encoding: CsvEncoding;
}

/** Bytes looked at to tell UTF-16 without a byte order mark from 8-bit text. */
const SNIFF_BYTES = 4096;

/**
 * UTF-16 without a byte order mark, told by its zero bytes: a CSV always holds some ASCII (separators, digits, line
 * breaks, usually the headers), and in UTF-16 every ASCII character has a zero byte in the high half, at odd offsets
 * (little-endian) or even ones (big-endian). 8-bit text (UTF-8, Windows-1252) has no zero bytes at all, unless a cell
 * holds a stray NUL: so at least one code unit in eight must have the zero on one side, and almost none on the other.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  const units = n / 2;
  if (units < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const strong = (a: number, b: number) => a >= Math.max(4, units / 8) && b <= a / 10;
  if (strong(oddZeros, evenZeros)) return 'utf-16le';
  if (strong(evenZeros, oddZeros)) return 'utf-16be';
  return null;
}

/** The encoding named by a byte order mark at the start, if any. */
function byteOrderMark(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * The file's text (any byte order mark dropped): UTF-16 when a byte order mark or the zero bytes say so, UTF-8 when it
 * is valid UTF-8, else Windows-1252. A UTF-16 file with a broken character (an odd number of bytes, half a surrogate
 * pair) is refused with an error rather than read with replacement characters.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  const binary = binaryKind(bytes);
  if (binary) throw new NotTextError(binary);
  const mark = byteOrderMark(bytes);
  const utf16 = mark === 'utf-8' ? null : (mark ?? sniffUtf16(bytes));
  if (utf16) {
    try {
      // The decoder drops a byte order mark of its own byte order.
      return { text: new TextDecoder(utf16, { fatal: true }).decode(bytes), encoding: utf16 };
    } catch {
      throw new CsvDecodeError(utf16, bytes.length % 2 === 1);
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** What a file that is not text at all looks like: a PDF, an Office file (a workbook saved as .xlsx or .xls), other. */
export type BinaryKind = 'pdf' | 'office' | 'other';

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);

/**
 * Whether the file is not text: by its first bytes (a PDF, a ZIP such as .xlsx or .docx, an old Office file such as
 * .xls), or by its control characters (more than 1 in 100 of the first 4,096 bytes, where text has none but tab and
 * line ends, and a UTF-16 file is told apart by its byte order mark or its zero bytes first). Null for text.
 */
export function binaryKind(bytes: Uint8Array): BinaryKind | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf'; // %PDF
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'office';
  if (byteOrderMark(bytes) !== null || sniffUtf16(bytes) !== null) return null;
  const head = bytes.subarray(0, 4096);
  let control = 0;
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  return control * 100 > head.length ? 'other' : null;
}

/** A file that is not text (`binaryKind`); the screen says it in its language (`import.notText`). */
export class NotTextError extends Error {
  constructor(readonly kind: BinaryKind) {
    super(translate('en-GB', 'import.notText', { kind }));
    this.name = 'NotTextError';
  }
}

/** A UTF-16 file with a broken character; the screen says it in its language (`import.brokenCharacter`). */
export class CsvDecodeError extends Error {
  constructor(
    readonly encoding: 'utf-16le' | 'utf-16be',
    /** An odd number of bytes: probably cut short. */
    readonly oddLength: boolean,
  ) {
    super(csvDecodeErrorIn((key, values) => translate('en-GB', key, values), encoding, oddLength));
    this.name = 'CsvDecodeError';
  }
}

/** The broken-character refusal in a language (`t`): the catalogue's `import.brokenCharacter`. */
export function csvDecodeErrorIn(t: Translate, encoding: CsvEncoding, oddLength: boolean): string {
  return t('import.brokenCharacter', { encoding: t(`import.encoding.${encoding}`), odd: oddLength ? 'yes' : 'no' });
}

/** A problem reading the file as a table, in a language (`t`). */
export function csvProblemIn(t: Translate, p: CsvProblem): string {
  const problem = p.code === 'other' ? p.message : t(`import.csv.${p.code}`, p.code === 'too-many-cells' ? p : {});
  return p.row === undefined || p.code === 'too-many-cells' ? problem : t('import.csv.row', { row: p.row, problem });
}

/** Windows-1252's bytes 0x80 to 0x9F (the rest is Latin-1); the five unused bytes stay as they are, as WHATWG says. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Windows-1252 decoded by table, not TextDecoder: some runtimes (Node 20's, which the unit tests use) decode the
 * 'windows-1252' label as Latin-1, turning ’ “ ” € into invisible C1 control characters that the text rule refuses.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    parts.push(String.fromCharCode(...chunk).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]));
  }
  return parts.join('');
}

export interface ParsedCsv {
  headers: string[];
  /** Data rows (the header row removed, empty rows skipped), each padded to the header's width. */
  rows: string[][];
  delimiter: string;
  /** Problems the parser found, e.g. an unclosed quote, with the row number as the spreadsheet shows it. */
  errors: CsvProblem[];
}

/**
 * A problem reading the file as a table, as data (the screen words it with the catalogue's `import.csv.<code>`):
 * `row` is the row as the spreadsheet numbers it (the header is row 1).
 */
export type CsvProblem =
  | { code: 'too-many-cells'; row: number; cells: number; width: number }
  | { code: 'unclosed-quote' | 'bad-quote' | 'too-few-cells' | 'too-many-fields'; row?: number }
  /** Anything else papaparse says, in its own (English) words. */
  | { code: 'other'; row?: number; message: string };

/** papaparse's error codes (https://www.papaparse.com/docs#errors) as ours. */
const PAPA_CODES: Record<string, CsvProblem['code']> = {
  MissingQuotes: 'unclosed-quote',
  InvalidQuotes: 'bad-quote',
  TooFewFields: 'too-few-cells',
  TooManyFields: 'too-many-fields',
};

/** Parse CSV text: comma, semicolon or tab separated (guessed), quoted cells may hold separators and line breaks. */
export function parseCsv(text: string): ParsedCsv {
  const input = text.startsWith(BOM) ? text.slice(1) : text;
  const result = Papa.parse<string[]>(input, { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] });
  const [headerRow = [], ...rows] = result.data;
  const headers = headerRow.map((h) => h.trim());
  const width = headers.length;
  const extra = rows.flatMap((r, i) =>
    r.length > width && r.slice(width).some((c) => c.trim() !== '')
      ? [{ code: 'too-many-cells' as const, row: i + 2, cells: r.length, width }]
      : [],
  );
  return {
    headers,
    rows: rows.map((r) => (r.length >= width ? r : [...r, ...Array<string>(width - r.length).fill('')])),
    delimiter: result.meta.delimiter,
    // papaparse counts data rows from 0 after the header; the spreadsheet shows the header as row 1.
    errors: result.errors
      .filter((e) => e.code !== 'UndetectableDelimiter')
      .map((e): CsvProblem => {
        const row = typeof e.row === 'number' ? { row: e.row + 1 } : {};
        const code = PAPA_CODES[e.code];
        return code && code !== 'other' && code !== 'too-many-cells'
          ? { code, ...row }
          : { code: 'other', ...row, message: e.message };
      })
      .concat(extra),
  };
}
