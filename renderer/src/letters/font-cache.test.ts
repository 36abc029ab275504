// The shared-font patch (font-cache.ts) on pdfmake's browser build, under Node: later documents reuse the parsed
// fontkit fonts, get their own embedded font subsets, and come out byte for byte as pdfmake alone makes them (but for
// the creation date and the file ID).
import { describe, expect, it } from 'vitest';
import { acknowledgementLetter, adrLetter } from '#shared/letters/index';
import { sampleAcknowledgement, sampleAdrLetter, sampleCase } from '#shared/letters/fixtures';
import { shareParsedFonts } from './font-cache';
import { renderPdf } from './render';

type Doc = { fontCache: Record<string, Record<string, { font: unknown; document: unknown; layoutCache?: object }>> };
type PdfMake = {
  addVirtualFileSystem(vfs: Record<string, string>): void;
  createPdf(doc: unknown): { getStream(): Promise<Doc>; getBuffer(): Promise<Uint8Array> };
};

/** A separate copy of pdfmake's browser build (not the one render.ts patches), as shipped. */
async function freshPdfMake(): Promise<PdfMake> {
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  const buildPath = require.resolve('pdfmake/build/pdfmake.js');
  delete require.cache[buildPath];
  const pdfMake = require(buildPath) as PdfMake;
  delete require.cache[buildPath];
  pdfMake.addVirtualFileSystem(require('pdfmake/build/vfs_fonts.js') as Record<string, string>);
  return pdfMake;
}

/** PDF text without what differs between any two renders (creation date, file ID). */
function comparable(bytes: Uint8Array): string {
  return new TextDecoder('latin1')
    .decode(bytes)
    .replace(/\(D:\d{14}[^)]*\)/g, '(D:)')
    .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/, '/ID []');
}

const letters = () => [
  acknowledgementLetter(sampleAcknowledgement()),
  adrLetter(sampleAdrLetter()),
  acknowledgementLetter(
    sampleAcknowledgement({
      caseRecord: { ...sampleCase(), customer: { ...sampleCase().customer, name: 'Zoë Ångström-Ünal' } },
    }),
  ),
];

describe('shareParsedFonts', () => {
  it('ignores anything that is not a pdfmake document', () => {
    expect(shareParsedFonts(undefined)).toBe(false);
    expect(shareParsedFonts({ provideFont() {} })).toBe(false);
  });

  it('reuses parsed fonts and laid-out words across documents, with the same bytes as unpatched pdfmake', async () => {
    const plain = await freshPdfMake();
    const expected: string[] = [];
    for (const doc of letters()) expected.push(comparable(await plain.createPdf(doc).getBuffer()));

    const patched = await freshPdfMake();
    const first = patched.createPdf(letters()[0]);
    const firstDoc = await first.getStream();
    expect(shareParsedFonts(firstDoc)).toBe(true);
    expect(shareParsedFonts(firstDoc)).toBe(true);
    const actual = [comparable(await first.getBuffer())];
    const docs: Doc[] = [firstDoc];
    for (const doc of letters().slice(1)) {
      const output = patched.createPdf(doc);
      docs.push(await output.getStream());
      actual.push(comparable(await output.getBuffer()));
    }
    expect(actual).toEqual(expected);

    const regular = docs.map((d) => d.fontCache.Roboto.normal);
    expect(regular[1].font).toBe(regular[0].font);
    expect(regular[2].font).toBe(regular[0].font);
    expect(regular[1]).not.toBe(regular[0]);
    expect(regular[1].document).toBe(docs[1]);
    // Words laid out once serve every later document (and the bytes above are still pdfmake's own).
    expect(regular[0].layoutCache).toBeTypeOf('object');
    expect(regular[1].layoutCache).toBe(regular[0].layoutCache);
    expect(regular[2].layoutCache).toBe(regular[0].layoutCache);
    expect(Object.keys(regular[0].layoutCache!).length).toBeGreaterThan(50);
    for (const text of actual) {
      expect(text).toMatch(/\/FontFile2/);
      expect(text).toMatch(/Roboto-Regular/);
    }
  });

  it('leaves renderPdf making complete PDFs letter after letter', async () => {
    for (const doc of [...letters(), ...letters()]) {
      const text = new TextDecoder('latin1').decode(await renderPdf(doc));
      expect(text.startsWith('%PDF-')).toBe(true);
      expect(text).toMatch(/\/FontFile2/);
      expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    }
  });
});
