// shared/letters/font-metrics.ts holds the letter font's advance widths so the layout can measure text without the
// font files; this reads the font files pdfmake embeds and fails when the table and the fonts disagree.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  ROBOTO_EXTRA_WIDTHS,
  ROBOTO_MEDIUM_WIDTHS,
  ROBOTO_REGULAR_WIDTHS,
  textWidth,
  wrappedLineCount,
} from '#shared/letters/font-metrics';

const require = createRequire(import.meta.url);
interface Font {
  unitsPerEm: number;
  glyphForCodePoint(code: number): { id: number; advanceWidth: number };
  layout(text: string): { glyphs: { advanceWidth: number }[] };
}
const fontkit = require('fontkit') as { create(buffer: Buffer): Font };
const load = (name: string) => fontkit.create(readFileSync(require.resolve(`pdfmake/build/fonts/Roboto/${name}.ttf`)));
const regular = load('Roboto-Regular');
const medium = load('Roboto-Medium');

describe('the letter font metrics', () => {
  it('match the Roboto files pdfmake embeds', () => {
    const table = (font: Font) =>
      ROBOTO_REGULAR_WIDTHS.map((_, i) => {
        const glyph = font.glyphForCodePoint(0x20 + i);
        return glyph.id ? glyph.advanceWidth : 0;
      });
    expect(ROBOTO_REGULAR_WIDTHS).toEqual(table(regular));
    expect(ROBOTO_MEDIUM_WIDTHS).toEqual(table(medium));
    for (const [code, [r, m]] of Object.entries(ROBOTO_EXTRA_WIDTHS)) {
      expect([r, m]).toEqual([regular, medium].map((font) => font.glyphForCodePoint(Number(code)).advanceWidth));
    }
  });

  it('measure text as the font lays it out, within kerning', () => {
    for (const text of ['Margaret Okafor', '1250 rue Sainte-Catherine Ouest', 'RDR-2026-000042', 'Élodie’s']) {
      const fromFont = (regular.layout(text).glyphs.reduce((sum, g) => sum + g.advanceWidth, 0) / 2048) * 16;
      expect(Math.abs(textWidth(text, 16) - fromFont)).toBeLessThan(2);
    }
  });

  it('count wrapped lines at spaces', () => {
    const width = textWidth('Flat 2 Albion', 16);
    expect(wrappedLineCount('Flat 2 Albion', 16, width)).toBe(1);
    expect(wrappedLineCount('Flat 2 Albion Terrace', 16, width)).toBe(2);
    expect(wrappedLineCount('Flat\u00a02\u00a0Albion', 16, width - 1)).toBe(2); // one word, cut
  });
});
