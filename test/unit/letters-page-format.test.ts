// A letter's paper and envelope follow its provider's region: A4 for a DL window envelope in the UK (as always), US
// Letter for a No. 10 window envelope in Canada. Rendered with pdfmake and read back with pdf.js: the page size, the
// address inside the No. 10 window, the fold marks at thirds of the sheet.
import { describe, expect, it } from 'vitest';
import { customerCopy, type LetterContent, type LetterDocument, windowLinesFor } from '#shared/letters/index';
import {
  sampleAcknowledgement,
  sampleCanadianCase,
  sampleCanadianSettings,
  sampleCase,
  sampleLetterOfEveryKind,
} from '#shared/letters/fixtures';
import { LARGE_PRINT, PAGE_FORMATS, mm, pageFormatOf, typeSizesFor, windowLineCapacity } from '#shared/letters/layout';
import { acknowledgementLetter } from '#shared/letters/acknowledgement';
import { ADDRESS_LINE_MAX_CHARS, ADDRESS_MAX_LINES, ADDRESS_WINDOW_LINES } from '#shared/model/stored';
import { readPdf } from '#test/support/pdf-text';
import { windowText } from '#test/support/letter-window';
import { renderPdfInNode } from '#test/support/render-pdf-node';

const inch = (n: number) => n * 72;
const NO10 = PAGE_FORMATS['letter-no10'];
const DL = PAGE_FORMATS['a4-dl'];

/** The page's MediaBox as pdfmake wrote it. */
function mediaBox(bytes: Uint8Array): number[] {
  const box = /\/MediaBox \[([^\]]+)\]/.exec(new TextDecoder('latin1').decode(bytes));
  if (!box) throw new Error('no MediaBox');
  return box[1].trim().split(/\s+/).map(Number);
}

/** The heights of the fold marks drawn on page 1. */
function foldMarksOf(doc: LetterDocument): number[] {
  const background = doc.background?.(1) as Extract<LetterContent, { canvas: unknown }> | null | undefined;
  return (background?.canvas ?? []).map((line) => line.y1);
}

/** A Canadian customer's address of the most lines the store allows, one of them of the most capitals. */
const longestCanadianAddress = {
  name: 'ÉLODIE TREMBLAY-GAGNON',
  address: {
    lines: [
      'A/S JEAN-PHILIPPE DESROCHERS',
      'APPARTEMENT 1204',
      '1250 RUE SAINTE-CATHERINE OUEST',
      'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.repeat(2).slice(0, ADDRESS_LINE_MAX_CHARS),
      'MONTRÉAL QC',
    ],
    postcode: 'H3G 1P1',
  },
  accountNumber: 'JV-4410027',
};

describe('the No. 10 window on a Letter page', () => {
  it('is where a standard No. 10 window (1 1/8 × 4 1/2 in, 7/8 in from the left, 1/2 in up) shows on a sheet folded in three', () => {
    expect([NO10.width, NO10.height]).toEqual([612, 792]);
    // The folded sheet (11/3 in) settled on its fold: the window's bottom 1/2 in and its top 1 5/8 in above the fold.
    expect(NO10.window.top).toBeCloseTo(inch(2.0417), 1);
    expect(NO10.window.bottom).toBeCloseTo(inch(3.1667), 1);
    expect(NO10.window.left).toBeCloseTo(inch(0.875));
    expect(NO10.window.right - NO10.window.left).toBeCloseTo(inch(4.5));
    expect(NO10.foldMarks).toEqual([264, 528]);
    // The address shows wherever the sheet lies across the envelope (1 in of play): 7/8 in from its left edge at the
    // most, 4 3/8 in at the least; the reference block is right of the window wherever it is.
    expect(NO10.addressLeft).toBeGreaterThanOrEqual(inch(0.875));
    expect(NO10.addressLeft + NO10.addressWidth).toBeLessThanOrEqual(inch(4.375));
    expect(NO10.infoLeft).toBeGreaterThan(NO10.window.right);
    expect(NO10.addressTop).toBeGreaterThan(NO10.window.top);
    expect(NO10.bodyTopFirstPage).toBeGreaterThan(NO10.window.bottom);
  });

  it('holds the lines the store allows in standard print, and fewer than the DL window in large print', () => {
    expect(windowLineCapacity(typeSizesFor(NO10, false), NO10)).toBeGreaterThanOrEqual(ADDRESS_WINDOW_LINES);
    expect(windowLineCapacity(LARGE_PRINT, NO10)).toBe(4);
    expect(windowLineCapacity(LARGE_PRINT, DL)).toBe(5);
  });

  it('refuses, saying the window’s own capacity, a large-print address the DL window holds but the No. 10 one does not', () => {
    const addressee = {
      name: 'Élodie Tremblay',
      addressLines: ['Appartement 12', '1250 rue Sainte-Catherine O', 'Montréal QC', 'H3G 1P1'],
    };
    expect(windowLinesFor(addressee, true, DL)).toHaveLength(5);
    expect(windowLinesFor(addressee, false, NO10)).toHaveLength(5);
    expect(() => windowLinesFor(addressee, true, NO10)).toThrow(
      /In large print \(16 pt\) the envelope window holds 4 lines, name and postcode included, but .* take 5/,
    );
    // And so does every letter to such an address from a Canadian provider, never printing it outside the window (one
    // line more here: the letter puts the postal code on the municipality's line, as Canada Post has it).
    const lines = ['Appartement 12', 'Tour B', '1250 rue Sainte-Catherine O', 'Montréal QC'];
    const caseRecord = sampleCanadianCase({
      customer: { name: addressee.name, address: { lines, postcode: 'H3G 1P1' } },
    });
    expect(() =>
      acknowledgementLetter(
        sampleAcknowledgement({ caseRecord, settings: sampleCanadianSettings(), language: 'fr-CA', largePrint: true }),
      ),
    ).toThrow(/holds 4 lines/);
  });
});

describe('a Canadian letter', () => {
  it('is a Letter page (612 × 792 pt) with its address inside the No. 10 window and fold marks at thirds', async () => {
    for (const { kind, doc } of sampleLetterOfEveryKind('fr-CA')) {
      expect(doc.pageSize, kind).toBe('LETTER');
      expect(pageFormatOf(doc), kind).toBe(NO10);
      expect(foldMarksOf(doc), kind).toEqual([inch(11 / 3), inch(22 / 3)]);
    }
    const [{ doc }] = sampleLetterOfEveryKind('en-CA');
    const bytes = await renderPdfInNode(doc);
    expect(mediaBox(bytes)).toEqual([0, 0, 612, 792]);
    const pdf = await readPdf(bytes);
    // The postal code on the municipality's line (two spaces before it; the text read back has one).
    expect(windowText(pdf.items, NO10)).toEqual([
      'Élodie Tremblay',
      '1250 rue Sainte-Catherine Ouest',
      'Montréal QC H3G 1P1',
    ]);
    // The footer is on the page: nothing falls below the bottom margin's foot.
    expect(pdf.items.every((item) => item.bottom <= 792)).toBe(true);
    expect(pdf.items.some((item) => item.top > 792 - NO10.marginBottom && /RDR-2026-000042/.test(item.text))).toBe(
      true,
    );
  });

  it('prints the longest address the store allows wholly inside the No. 10 window, and in the customer’s copy', async () => {
    expect(longestCanadianAddress.address.lines).toHaveLength(ADDRESS_MAX_LINES);
    const caseRecord = sampleCanadianCase({
      customer: longestCanadianAddress,
      representative: { name: 'Daniel Okafor', relationship: 'fils', address: longestCanadianAddress.address },
    });
    const [{ doc }] = sampleLetterOfEveryKind('fr-CA', { caseRecord });
    const { lines: stored, postcode } = longestCanadianAddress.address;
    const lines = [...stored.slice(0, -1), `${stored.at(-1)} ${postcode}`];
    expect(windowText((await readPdf(await renderPdfInNode(doc))).items, NO10)).toEqual(['Daniel Okafor', ...lines]);
    const copy = customerCopy(doc, caseRecord);
    if (copy.kind !== 'copy') throw new Error('expected a copy');
    expect(copy.doc.pageSize).toBe('LETTER');
    expect(windowText((await readPdf(await renderPdfInNode(copy.doc))).items, NO10)).toEqual([
      longestCanadianAddress.name,
      ...lines,
    ]);
  });

  it('in large print, has its address inside the No. 10 window at 16 pt', async () => {
    const [{ doc }] = sampleLetterOfEveryKind('fr-CA', { largePrint: true });
    const items = (await readPdf(await renderPdfInNode(doc))).items;
    expect(windowText(items, NO10)).toEqual([
      'Élodie Tremblay',
      '1250 rue Sainte-Catherine Ouest',
      'Montréal QC H3G 1P1',
    ]);
  });

  it('follows the provider’s region, not the letter’s language: a French letter from a UK provider is A4', () => {
    const doc = acknowledgementLetter(sampleAcknowledgement({ language: 'fr-CA' }));
    expect(doc.pageSize).toBe('A4');
  });
});

describe('a UK letter', () => {
  it('is still A4 (595 × 842 pt) laid out for the DL window, fold marks at 99 and 198 mm', async () => {
    const doc = acknowledgementLetter(sampleAcknowledgement());
    expect(doc.pageSize).toBe('A4');
    expect(pageFormatOf(doc)).toBe(DL);
    expect(foldMarksOf(doc)).toEqual([mm(99), mm(198)]);
    expect(doc.pageMargins).toEqual([mm(20), mm(20), mm(20), mm(20)]);
    expect(doc.styles?.address).toEqual({ fontSize: 10.5, lineHeight: 1.15 });
    const bytes = await renderPdfInNode(doc);
    expect(mediaBox(bytes)).toEqual([0, 0, 595.28, 841.89]);
    const { customer } = sampleCase();
    expect(windowText((await readPdf(bytes)).items, DL)).toEqual([
      customer.name,
      ...customer.address!.lines,
      customer.address!.postcode,
    ]);
  });
});

describe('pageFormatOf', () => {
  it('refuses a paper size no layout is made for', () => {
    expect(() => pageFormatOf({ pageSize: 'A5' } as unknown as LetterDocument)).toThrow(
      /No letter layout for paper size A5/,
    );
  });
});
