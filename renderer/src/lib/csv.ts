// Writing a CSV file for people to open in a spreadsheet: the one home of how the app writes one (the cases export,
// the Reports CSV). Written with papaparse (quotes, separators and line breaks inside cells), starting with a UTF-8
// byte order mark so Excel reads accents and emoji correctly, with CRLF line ends as Excel writes them; and every cell
// a spreadsheet would run as a formula (CSV injection: shared/exports/cases-csv.ts FORMULA_START) gets a leading
// apostrophe, OWASP's advice, which Excel and LibreOffice show as text (the cases import takes it off again).
import Papa from 'papaparse';
import { FORMULA_START } from '#shared/exports/cases-csv';

export const BOM = '\uFEFF';

/**
 * CSV text (BOM first, CRLF line ends) for a table of text cells, separated by `delimiter`: headers and rows, or rows
 * alone (the first row then being the header, as the report writes it).
 */
export function toCsv(table: { fields: string[]; data: string[][] } | string[][], delimiter = ','): string {
  // papaparse's own `escapeFormulae: true` misses a formula followed by a line break in the same cell (its pattern is
  // /^[=+\-@\t\r].*$/ without the dotall flag), so the anchored pattern is passed instead.
  return BOM + Papa.unparse(table, { escapeFormulae: FORMULA_START, newline: '\r\n', header: true, delimiter });
}
