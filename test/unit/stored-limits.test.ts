// The stored address limits (shared/model/stored.ts) are what the letter's envelope window holds, measured with the
// letter font itself (Roboto, as pdfmake embeds it) at the size the address is printed in standard and large print.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ADDRESS_TYPE, LARGE_PRINT_ADDRESS_TYPE, letterDocument, mm, PAGE } from '#shared/letters/layout';
import { ADDRESS_LINE_MAX_CHARS, ADDRESS_MAX_LINES } from '#shared/model/stored';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as {
  create(buffer: Buffer): { unitsPerEm: number; layout(text: string): { glyphs: { advanceWidth: number }[] } };
};
const font = fontkit.create(readFileSync(require.resolve('pdfmake/build/fonts/Roboto/Roboto-Regular.ttf')));
const width = (text: string, size: number) =>
  (font.layout(text).glyphs.reduce((sum, g) => sum + g.advanceWidth, 0) / font.unitsPerEm) * size;

/** The DL window shows 50-85 mm from the top of the page (shared/letters/layout.ts). */
const WINDOW_BOTTOM = mm(85);

describe('the address limits fit the envelope window', () => {
  it('name, the most address lines and the postcode fit the window height; one line more would not', () => {
    const lineHeight = ADDRESS_TYPE.fontSize * ADDRESS_TYPE.lineHeight;
    const printed = 1 + ADDRESS_MAX_LINES + 1;
    expect(printed).toBe(PAGE.addressMaxLines);
    expect(PAGE.addressTop + printed * lineHeight).toBeLessThanOrEqual(WINDOW_BOTTOM);
    expect(PAGE.addressTop + (printed + 1) * lineHeight).toBeGreaterThan(WINDOW_BOTTOM);
    // At the large-print size (16 pt) the same lines would not fit: large print holds fewer (windowLinesFor).
    expect(PAGE.addressTop + printed * 16 * ADDRESS_TYPE.lineHeight).toBeGreaterThan(WINDOW_BOTTOM);
  });

  it('a line of the most characters fits the window width in capitals (and lower case), one more capital letter line need not', () => {
    const capitals = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.repeat(3);
    const lower = 'abcdefghijklmnopqrstuvwxyz'.repeat(3);
    expect(width(capitals.slice(0, ADDRESS_LINE_MAX_CHARS), ADDRESS_TYPE.fontSize)).toBeLessThanOrEqual(
      PAGE.addressWidth,
    );
    expect(width(lower.slice(0, ADDRESS_LINE_MAX_CHARS), ADDRESS_TYPE.fontSize)).toBeLessThanOrEqual(PAGE.addressWidth);
    // The limit is the most that fits: the capitals' average width into the window's width, rounded down.
    const perCapital = width(capitals.slice(0, 26), ADDRESS_TYPE.fontSize) / 26;
    expect(ADDRESS_LINE_MAX_CHARS).toBe(Math.floor(PAGE.addressWidth / perCapital));
  });

  it('a large-print letter prints the address at 16 pt; the most lines the store allows are refused with a message', () => {
    const frame = {
      language: 'en-GB' as const,
      company: { name: 'Acme', addressLines: ['1 High Street'], postcode: 'LS1 1AA' },
      reference: 'RDR-2026-000001',
      issuedOn: '2026-11-20',
      addressee: {
        role: 'customer' as const,
        name: 'Ada Lovelace',
        addressLines: [
          ...Array.from({ length: ADDRESS_MAX_LINES }, () => 'X'.repeat(ADDRESS_LINE_MAX_CHARS)),
          'LS1 1AA',
        ],
      },
      title: 'Test',
      heading: 'Test',
      body: ['Body'],
      handlerName: 'Sam Patel',
    };
    // Standard print takes the most the store allows (7 lines) at the window size.
    expect(letterDocument(frame).styles?.address).toEqual(ADDRESS_TYPE);
    // Large print: 16 pt, 5 lines at most (test/unit/letters-large-print.test.ts measures the window with pdf.js).
    expect(() => letterDocument({ ...frame, largePrint: true })).toThrow(
      /In large print \(16 pt\) the envelope window holds 5 lines/,
    );
    const short = { ...frame.addressee, addressLines: ['1 High Street', 'Leeds', 'LS1 1AA'] };
    expect(letterDocument({ ...frame, addressee: short, largePrint: true }).styles?.address).toEqual(
      LARGE_PRINT_ADDRESS_TYPE,
    );
  });
});
