import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BOM, toCsv } from './csv';

describe('toCsv', () => {
  it('writes rows alone (the first being the header) with a BOM, CRLF and every formula cell guarded', () => {
    const text = toCsv(
      [
        ['Name', 'Value'],
        ['=1+1', '-5'],
        ['@cmd', 'fine'],
        ['+44 113', 'a\r\n=b'],
      ],
      ';',
    );
    expect(text.startsWith(`${BOM}Name;Value\r\n`)).toBe(true);
    expect(Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data).toEqual([
      ['Name', 'Value'],
      ["'=1+1", "'-5"],
      ["'@cmd", 'fine'],
      ["'+44 113", 'a\r\n=b'],
    ]);
  });
});
