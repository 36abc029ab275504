// A letter posted to a worker: plain data without its page furniture's functions, made whole again there.
import { describe, expect, it } from 'vitest';
import { acknowledgementLetter } from './acknowledgement';
import type { LetterDocument } from './document';
import { contentText, sampleAcknowledgement } from './fixtures';
import { postableLetter, withPageFurniture } from './layout';

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
