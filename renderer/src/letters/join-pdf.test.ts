// The print file's joiner (join-pdf.ts): letters made by the app's pdfmake (render.ts) joined as they are, read back
// by pdf.js (every word of every page where the letter alone has it) and by pdf-lib; font files shared; a file it
// cannot read directly (pdf-lib's object streams) rewritten first; a broken file refused with nothing added.
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { acknowledgementLetter, adrLetter } from '#shared/letters/index';
import { sampleAcknowledgement, sampleAdrLetter } from '#shared/letters/fixtures';
import { readPdf } from '#test/support/pdf-text';
import { joinPdfs, PdfJoiner } from './join-pdf';
import { renderPdf } from './render';

/** Each page's text items (words, sizes and places), page by page. */
async function pagesOf(bytes: Uint8Array): Promise<string[][]> {
  const read = await readPdf(bytes);
  return Array.from({ length: read.pages }, (_, i) =>
    read.items
      .filter((item) => item.page === i + 1)
      .map((item) => `${item.text} ${item.fontSize.toFixed(2)} ${item.left.toFixed(2)} ${item.top.toFixed(2)}`),
  );
}

/** How many embedded font files (FontFile2 streams) a PDF holds. */
const fontFiles = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes).match(/\/FontFile2 \d+ 0 R/g) ?? [];
const fontFileObjects = (bytes: Uint8Array) =>
  new Set(fontFiles(bytes).map((ref) => ref.replace('/FontFile2 ', ''))).size;

describe('joining letters into one PDF', () => {
  it('keeps every page of every letter exactly as the letter alone draws it, in order, font files shared', async () => {
    const ack = await renderPdf(acknowledgementLetter(sampleAcknowledgement()));
    const adr = await renderPdf(adrLetter(sampleAdrLetter()));
    const joiner = new PdfJoiner();
    expect(await joiner.add(ack)).toBe(1);
    expect(await joiner.add(adr)).toBe(1);
    expect(await joiner.add(ack)).toBe(1);
    const joined = joiner.finish({ title: 'Lettres à poster — 3 lettres' });

    expect(joiner.pageCount).toBe(3);
    const [ackPages, adrPages] = [await pagesOf(ack), await pagesOf(adr)];
    expect(ackPages[0].length).toBeGreaterThan(20);
    expect(await pagesOf(joined)).toEqual([...ackPages, ...adrPages, ...ackPages]);

    const doc = await PDFDocument.load(joined, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(3);
    expect(doc.getTitle()).toBe('Lettres à poster — 3 lettres');
    // The second acknowledgement's font files are the first's: 3 letters, no more font files than 2.
    expect(fontFiles(joined).length).toBe(fontFiles(ack).length * 2 + fontFiles(adr).length);
    expect(fontFileObjects(joined)).toBeLessThanOrEqual(fontFileObjects(ack) + fontFileObjects(adr));
    expect(joined.length).toBeLessThan(ack.length + adr.length + ack.length / 2);
  });

  it('adds a blank page of the letters’ size, with nothing on it, where asked', async () => {
    const ack = await renderPdf(acknowledgementLetter(sampleAcknowledgement()));
    const joiner = new PdfJoiner();
    await joiner.add(ack);
    joiner.addBlankPage(595.28, 841.89);
    await joiner.add(ack);
    const joined = joiner.finish();
    expect(joiner.pageCount).toBe(3);
    const ackPages = await pagesOf(ack);
    expect(await pagesOf(joined)).toEqual([...ackPages, [], ...ackPages]);
    const doc = await PDFDocument.load(joined, { updateMetadata: false });
    expect(doc.getPages().map((page) => [page.getWidth(), page.getHeight()])).toEqual([
      [595.28, 841.89],
      [595.28, 841.89],
      [595.28, 841.89],
    ]);
  });

  it('takes a file written with object streams (pdf-lib’s own) by having pdf-lib rewrite it first', async () => {
    const ack = await renderPdf(acknowledgementLetter(sampleAcknowledgement()));
    const adr = await renderPdf(adrLetter(sampleAdrLetter()));
    const both = await PDFDocument.create();
    for (const part of [ack, adr]) {
      const doc = await PDFDocument.load(part);
      for (const page of await both.copyPages(doc, doc.getPageIndices())) both.addPage(page);
    }
    const withObjectStreams = await both.save({ useObjectStreams: true });
    expect(new TextDecoder('latin1').decode(withObjectStreams)).toContain('/ObjStm');

    const joined = await joinPdfs([withObjectStreams, ack]);
    expect(await pagesOf(joined)).toEqual([...(await pagesOf(ack)), ...(await pagesOf(adr)), ...(await pagesOf(ack))]);
  });

  it('refuses a file that is not a readable PDF, with the reason, and adds nothing of it', async () => {
    const ack = await renderPdf(acknowledgementLetter(sampleAcknowledgement()));
    const joiner = new PdfJoiner();
    await joiner.add(ack);
    await expect(joiner.add(new TextEncoder().encode('not a PDF at all'))).rejects.toThrow(/not a PDF/);
    // Cut short: its cross-reference table is gone.
    await expect(joiner.add(ack.subarray(0, ack.length - 400))).rejects.toThrow();
    expect(joiner.pageCount).toBe(1);
    const joined = joiner.finish();
    expect(await pagesOf(joined)).toEqual(await pagesOf(ack));
  });

  it('gives one file back as it is', async () => {
    const ack = await renderPdf(acknowledgementLetter(sampleAcknowledgement()));
    expect(await joinPdfs([ack])).toBe(ack);
  });
});
