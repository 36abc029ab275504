// A letter posted to a worker: plain data without its page furniture's functions, made whole again there.
import { describe, expect, it } from 'vitest';
import { renderPdfInNode } from '#test/support/render-pdf-node';
import { acknowledgementLetter } from './acknowledgement';
import type { LetterDocument } from './document';
import {
  contentText,
  documentText,
  sampleAcknowledgement,
  sampleFrenchAcknowledgement,
  sampleLetterOfEveryKind,
} from './fixtures';
import { flowHeight, pageFormatOf, postableLetter, withPageFurniture } from './layout';

const footerText = (doc: LetterDocument, page: number, pages: number) => contentText(doc.footer?.(page, pages));

describe('postableLetter and withPageFurniture', () => {
  it('leaves nothing structured clone refuses, and the letter comes back with the same fold marks and footer', () => {
    const doc = acknowledgementLetter(sampleAcknowledgement());
    const posted = postableLetter(doc)!;
    expect(posted.footer).toBeUndefined();
    expect(posted.background).toBeUndefined();
    expect(posted.furniture).toEqual({ language: 'en-GB', reference: 'RDR-2026-000042' });
    // What postMessage does to it.
    const arrived = structuredClone(posted);
    const whole = withPageFurniture(arrived);
    for (const [page, pages] of [
      [1, 1],
      [1, 2],
      [2, 2],
    ])
      expect(footerText(whole, page, pages)).toBe(footerText(doc, page, pages));
    expect(whole.background?.(1)).toEqual(doc.background?.(1));
    expect(whole.background?.(2)).toBeNull();
    const { footer: _f, background: _b, ...rest } = whole;
    const { footer: _f2, background: _b2, ...restBefore } = doc;
    expect(rest).toEqual(restBefore);
  });

  it('keeps the footer in the letter’s language', () => {
    const doc = acknowledgementLetter({ ...sampleAcknowledgement(), language: 'fr-CA' });
    const whole = withPageFurniture(structuredClone(postableLetter(doc)!));
    expect(footerText(whole, 2, 3)).toBe(footerText(doc, 2, 3));
    expect(footerText(whole, 2, 3)).toContain('Page 2 de 3');
  });

  it('will not post a document whose furniture it could not make again', () => {
    const doc: LetterDocument = { pageSize: 'A4', pageMargins: 40, footer: () => 'x', content: [] };
    expect(postableLetter(doc)).toBeNull();
    const plain: LetterDocument = { pageSize: 'A4', pageMargins: 40, content: ['x'] };
    expect(postableLetter(plain)).toEqual(plain);
    expect(withPageFurniture(plain)).toBe(plain);
  });
});

/** The pages pdfmake sets a letter on (its footer is told the count), and the words of each page's footer. */
async function pagesOf(doc: LetterDocument): Promise<number> {
  let pages = 0;
  await renderPdfInNode({
    ...doc,
    footer: (page, count) => {
      pages = count;
      return doc.footer!(page, count);
    },
  });
  return pages;
}

/** Where the layout's measure of a letter says its flow ends on page 1, and the most room page 1 has. */
function measured(doc: LetterDocument): { bottom: number; room: number } {
  const format = pageFormatOf(doc);
  const width = format.width - format.marginLeft - format.marginRight;
  const bottom = format.marginTop + flowHeight(doc.content, doc.styles ?? {}, doc.defaultStyle ?? {}, width);
  return { bottom, room: format.height - format.marginBottom };
}

describe('a letter that fits on one page prints on one page', () => {
  it('sets a short French acknowledgement on one page: its last section and sign-off no longer go alone to page 2', async () => {
    const doc = acknowledgementLetter(sampleFrenchAcknowledgement());
    expect(documentText(doc)).toContain('Cette lettre dans un autre format');
    expect(await pagesOf(doc)).toBe(1);
    // The type keeps its sizes: only the gaps between paragraphs are closer.
    expect(doc.defaultStyle?.fontSize).toBe(10.5);
    expect(doc.styles?.heading?.fontSize).toBe(11);
  });

  it('keeps the usual gaps where the letter fits with them, and in large print', async () => {
    const usualGap = acknowledgementLetter(sampleAcknowledgement()).styles?.paragraph?.margin;
    expect(usualGap).toEqual([0, 0, 0, 10.5 * 0.5]);
    const large = acknowledgementLetter(sampleFrenchAcknowledgement({ largePrint: true }));
    expect(large.styles?.paragraph?.margin).toEqual([0, 0, 0, 16 * 0.5]);
    expect(await pagesOf(large)).toBeGreaterThan(1);
  });

  it('keeps the sign-off with the last section when the letter needs two pages', async () => {
    const doc = sampleLetterOfEveryKind('fr-CA').find((letter) => letter.kind === 'acknowledgement')!.doc;
    expect(await pagesOf(doc)).toBe(2);
    const last = doc.content.at(-1)!;
    expect(typeof last === 'object' && last.unbreakable).toBe(true);
    expect(contentText(last)).toMatch(/^Cette lettre dans un autre format[\s\S]*Priya Shah/);
  });

  it('measures the body as pdfmake sets it: a letter it says fits page 1 is one page', async () => {
    const letters: Array<{ letter: string; fits: boolean; pages: number }> = [];
    for (const language of ['en-GB', 'en-CA', 'fr-CA'] as const) {
      for (const { kind, doc } of sampleLetterOfEveryKind(language)) {
        // pdfmake writes its layout into the nodes it renders: measure first.
        const { bottom, room } = measured(doc);
        letters.push({ letter: `${language} ${kind}`, fits: bottom <= room, pages: await pagesOf(doc) });
      }
    }
    // (It may count a line more than pdfmake sets, where pdfmake breaks after a hyphen: never fewer.)
    expect(letters.filter((l) => l.fits && l.pages !== 1)).toEqual([]);
    expect(letters.filter((l) => l.fits).length).toBeGreaterThan(15);
  });
});
