// The shared-font patch (font-cache.ts) on pdfmake's browser build, under Node: later documents reuse the parsed
// fontkit fonts, get their own embedded font subsets (starting with the common glyphs, so letters of ordinary text
// share one encoded font file), and show exactly the text pdfmake alone makes, at the same places (read back by pdf.js).
import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
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

// pdf.js 6 expects Node 22's Promise.withResolvers; Node 20 runs the tests too.
(Promise as unknown as { withResolvers?: unknown }).withResolvers ??= function withResolvers<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};

/** Every piece of text on every page as pdf.js reads it from the file: the words and where they are drawn. */
async function drawnText(bytes: Uint8Array): Promise<string[]> {
  // A copy: pdf.js hands its input to its worker, which empties the buffer it was given.
  const task = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, stopAtErrors: true });
  const pdf = await task.promise;
  const out: string[] = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const { items } = await (await pdf.getPage(n)).getTextContent();
    for (const item of items)
      if ('str' in item)
        out.push(
          `${n} ${item.transform.map((v: number) => v.toFixed(2)).join(' ')} ${item.width.toFixed(2)} ${item.str}`,
        );
  }
  await task.destroy();
  return out;
}

/** The embedded font files (FontFile2 streams) of a PDF, inflated, by font name: their size and SHA-256. */
function fontFiles(bytes: Uint8Array): Map<string, string> {
  const text = new TextDecoder('latin1').decode(bytes);
  const objects = new Map<string, { dict: string; start: number; length: number }>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*(<<[^<>]*>>)\s*stream\n/g))
    objects.set(m[1], { dict: m[2], start: m.index + m[0].length, length: Number(/\/Length (\d+)/.exec(m[2])![1]) });
  const out = new Map<string, string>();
  for (const m of text.matchAll(/\/FontName \/[A-Z]{6}\+(\S+?)\s*\/[\s\S]*?\/FontFile2 (\d+) 0 R/g)) {
    const stream = objects.get(m[2])!;
    const file = inflateSync(bytes.subarray(stream.start, stream.start + stream.length));
    out.set(m[1], `${file.length} ${createHash('sha256').update(file).digest('hex')}`);
  }
  return out;
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

  it('reuses parsed fonts and laid-out words across documents, drawing the same text as unpatched pdfmake', async () => {
    const plain = await freshPdfMake();
    const expected: string[][] = [];
    for (const doc of letters()) expected.push(await drawnText(await plain.createPdf(doc).getBuffer()));

    const patched = await freshPdfMake();
    const first = patched.createPdf(letters()[0]);
    const firstDoc = await first.getStream();
    expect(shareParsedFonts(firstDoc)).toBe(true);
    expect(shareParsedFonts(firstDoc)).toBe(true);
    const files = [await first.getBuffer()];
    const docs: Doc[] = [firstDoc];
    for (const doc of [...letters().slice(1), ...letters()]) {
      const output = patched.createPdf(doc);
      docs.push(await output.getStream());
      files.push(await output.getBuffer());
    }
    const actual = await Promise.all(files.map(drawnText));
    expect(actual).toEqual([...expected, ...expected]);
    expect(actual[0].join('\n')).toContain('Margaret Okafor');

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
    for (const file of files) expect([...fontFiles(file).keys()]).toContain('Roboto-Regular');
  });

  it('gives letters of ordinary text one and the same embedded font file, and a letter with other letters its own', async () => {
    const customer = (name: string) => ({ ...sampleCase().customer, name });
    const made = [];
    for (const name of ['Margaret Okafor', 'John Smith', 'Xavier Quinn', 'Zoë Ångström-Ünal'])
      made.push(
        fontFiles(
          await renderPdf(
            acknowledgementLetter(sampleAcknowledgement({ caseRecord: { ...sampleCase(), customer: customer(name) } })),
          ),
        ),
      );
    const regular = made.map((fonts) => fonts.get('Roboto-Regular'));
    expect(regular[0]).toBeDefined();
    // Different capitals first used in a different order: still the same glyphs, in the same order, the same file.
    expect(regular[1]).toBe(regular[0]);
    expect(regular[2]).toBe(regular[0]);
    // ë, Å and Ü are not among the common glyphs: that letter's font holds them too.
    expect(regular[3]).not.toBe(regular[0]);
    expect(Number.parseInt(regular[3]!)).toBeGreaterThan(Number.parseInt(regular[0]!));
    expect(made[1].get('Roboto-Medium')).toBe(made[0].get('Roboto-Medium'));
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
