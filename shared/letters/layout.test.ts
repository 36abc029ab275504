// A letter posted to a worker: plain data without its page furniture's functions, made whole again there.
import { describe, expect, it } from 'vitest';
import { type PdfRead, readPdf } from '#test/support/pdf-text';
import { renderPdfInNode } from '#test/support/render-pdf-node';
import { acknowledgementLetter } from './acknowledgement';
import { adrLetter } from './adr-letter';
import type { LetterContent, LetterDocument } from './document';
import {
  contentText,
  documentText,
  sampleAcknowledgement,
  sampleAdrLetter,
  sampleFrenchAcknowledgement,
  sampleLetterOfEveryKind,
} from './fixtures';
import { letterParagraphs } from './edits';
import {
  LARGE_PRINT,
  flowHeight,
  letterDocument,
  type LetterFrame,
  pageFormatOf,
  postableLetter,
  section,
  withPageFurniture,
} from './layout';

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
    expect(footerText(whole, 2, 3)).toContain('Page 2 sur 3');
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

/** The lines of text of each page's body (between the top and bottom margins), top to bottom, with their type size. */
function bodyLines(pdf: PdfRead, doc: LetterDocument): Array<Array<{ text: string; size: number; bottom: number }>> {
  const format = pageFormatOf(doc);
  return Array.from({ length: pdf.pages }, (_, i) => {
    const lines = new Map<number, { text: string; size: number; bottom: number }>();
    for (const item of pdf.items) {
      if (item.page !== i + 1 || item.top < format.marginTop - 1 || item.bottom > format.height - format.marginBottom)
        continue;
      const key = Math.round(item.bottom);
      const line = lines.get(key) ?? { text: '', size: 0, bottom: item.bottom };
      lines.set(key, { ...line, text: `${line.text} ${item.text}`.trim(), size: Math.max(line.size, item.fontSize) });
    }
    return [...lines.values()].sort((a, b) => a.bottom - b.bottom);
  });
}

const isSectionHeading = (line: { size: number }) => Math.abs(line.size - LARGE_PRINT.heading) < 0.1;

describe('a large-print letter fills its pages as far as its headings and sign-off allow', () => {
  const longFinalPosition =
    'We have looked again at the charges on your account. The second charge for October was correct: it was for the line rental of your second line, which you ordered on 2 September. We will not refund it.';
  const finalPositionLetters = [
    ...(['en-CA', 'fr-CA'] as const).map((language) => ({
      name: language,
      doc: sampleLetterOfEveryKind(language, { largePrint: true }).find((l) => l.kind === 'adr-final')!.doc,
    })),
    {
      name: 'en-GB',
      doc: adrLetter(
        sampleAdrLetter('2026-04-08', {
          largePrint: true,
          reason: { kind: 'final-position', finalPosition: longFinalPosition },
        }),
      ),
    },
  ];

  const helpAndFoot = async (doc: LetterDocument) => {
    const pdf = await readPdf(await renderPdfInNode(doc));
    const [page1, page2] = bodyLines(pdf, doc);
    const format = pageFormatOf(doc);
    return { page1, page2: page2 ?? [], empty: format.height - format.marginBottom - page1.at(-1)!.bottom };
  };
  const isHelp = (line: { text: string }) => /^(Independent help|Une aide indépendante)/.test(line.text);
  const LINE = LARGE_PRINT.body * 1.2 * 1.17;

  it.each(finalPositionLetters.filter((l) => l.name !== 'fr-CA'))(
    '$name ADR letter with our final position: "Independent help" starts on page 1, which ends a few lines from the foot',
    async ({ doc }) => {
      const { page1, empty } = await helpAndFoot(doc);
      const help = page1.findIndex(isHelp);
      // The heading, with at least the first two lines of its paragraph under it.
      expect(help, page1.map((line) => line.text).join('\n')).toBeGreaterThan(0);
      expect(page1.length - help - 1).toBeGreaterThanOrEqual(2);
      // The page's last line is within three lines of the bottom margin (the whole section on page 2 left six or more).
      expect(empty).toBeLessThan(3 * LINE);
    },
  );

  it('fr-CA ADR letter with our final position: "Une aide indépendante" goes to page 2 with its whole first paragraph, which would leave a line alone', async () => {
    // Its first paragraph, five lines, has room for four on page 1: before, its last line stood alone at the top of
    // page 2. Now it goes whole to page 2 with its heading, leaving no more of page 1 empty than they take.
    const { page1, page2, empty } = await helpAndFoot(finalPositionLetters.find((l) => l.name === 'fr-CA')!.doc);
    expect(page1.some(isHelp)).toBe(false);
    expect(isHelp(page2[0]!)).toBe(true);
    expect(empty).toBeLessThan(7 * LINE);
  });

  it.each(['en-GB', 'en-CA', 'fr-CA'] as const)(
    '%s: no section heading ends a page, and the sign-off keeps the last paragraph',
    async (language) => {
      for (const { kind, doc } of [
        ...sampleLetterOfEveryKind(language, { largePrint: true }),
        ...finalPositionLetters.filter((l) => l.name === language).map((l) => ({ kind: 'adr-final-long', doc: l.doc })),
      ]) {
        const pages = bodyLines(await readPdf(await renderPdfInNode(doc)), doc);
        expect(pages.length, kind).toBeGreaterThan(1);
        // A heading is never alone at the foot of a page: text of its own follows it there.
        const alone = pages.flatMap((lines, p) =>
          lines
            .filter((line, i) => isSectionHeading(line) && (!lines[i + 1] || isSectionHeading(lines[i + 1]!)))
            .map((line) => `page ${p + 1}: ${line.text}`),
        );
        expect(alone, kind).toEqual([]);
        // The sign-off is on the last page with (at least) two lines of the last paragraph above it.
        const closing = pages.at(-1)!.findIndex((line) => /^(Yours sincerely|Veuillez agréer)/.test(line.text));
        expect(closing, kind).toBeGreaterThanOrEqual(2);
      }
    },
  );
});

/** A letter of these body paragraphs, in large print or standard. */
const frameOf = (body: LetterFrame['body'], largePrint: boolean): LetterFrame => ({
  language: 'en-GB',
  company: { name: 'Kijoma Broadband', addressLines: ['21 Ship Street'], postcode: 'CT19 5BE' },
  reference: 'RDR-2026-000042',
  issuedOn: '2026-11-21',
  addressee: { role: 'customer', name: 'A B', addressLines: ['1 Road', 'CT1 1AA'] },
  title: 't',
  heading: 'h',
  body,
  handlerName: 'Priya Shah',
  largePrint,
});

describe('large print: how sections and the sign-off are kept together', () => {
  const frame = (body: LetterFrame['body']): LetterFrame => frameOf(body, true);
  const p = (text: string) => ({ text, style: 'paragraph' });

  it('keeps only the last paragraph of a last section of several with the sign-off', () => {
    const doc = letterDocument(frame([p('Intro.'), section('Last', [p('First.'), p('Second.')])]));
    const last = doc.content.at(-1)!;
    expect(typeof last === 'object' && 'stack' in last && !last.unbreakable).toBe(true);
    const signedOff = (last as { stack: LetterContent[] }).stack.at(-1)!;
    expect(typeof signedOff === 'object' && signedOff.unbreakable).toBe(true);
    expect(contentText(signedOff)).toMatch(/^Second\.[\s\S]*Priya Shah/);
    expect(contentText(last)).toMatch(/^Last[\s\S]*First\.[\s\S]*Second\./);
  });

  it('keeps a last section of one paragraph whole with the sign-off, as in standard print', () => {
    const doc = letterDocument(frame([p('Intro.'), section('Last', [p('Only.')])]));
    const last = doc.content.at(-1)!;
    expect(typeof last === 'object' && last.unbreakable).toBe(true);
    expect(contentText(last)).toMatch(/^Last[\s\S]*Only\.[\s\S]*Priya Shah/);
  });

  it('gives "Edit text" the same paragraphs, in the same sections, as standard print', () => {
    for (const language of ['en-GB', 'fr-CA'] as const) {
      const standard = sampleLetterOfEveryKind(language);
      const large = sampleLetterOfEveryKind(language, { largePrint: true });
      for (const [i, { kind, doc }] of large.entries()) {
        expect(letterParagraphs(doc), kind).toEqual(letterParagraphs(standard[i]!.doc));
        expect(letterParagraphs(doc).filter((paragraph) => paragraph.section).length, kind).toBeGreaterThan(0);
      }
    }
  });
});

describe('a paragraph never leaves one line alone at the top or foot of a page', () => {
  const frame = frameOf;
  const p = (text: string): LetterContent => ({ text, style: 'paragraph' });
  // Paragraph n is made of the word "Pn…" again and again, so each printed line says whose it is.
  const words = (n: number, count: number) => Array.from({ length: count }, (_, i) => `P${n}${'abcdefg'[i % 7]}x`);
  const target = (n: number, count: number) => p(`${words(n, count).join(' ')}.`);
  const owner = (text: string) => /^P(\d+)[a-g]x/.exec(text)?.[1];

  it.each([
    { print: 'large print', largePrint: true, lengths: [30, 22, 38, 13, 47] },
    { print: 'standard print', largePrint: false, lengths: [48, 35, 61, 22, 75] },
  ])(
    '$print: wherever the page breaks, at least two lines of a paragraph are on each side',
    async ({ largePrint, lengths }) => {
      const lone: string[] = [];
      const broken = new Set<string>();
      const fillers = largePrint ? 18 : 40;
      for (let k = 0; k <= fillers; k += 1) {
        const body = [
          ...Array.from({ length: k }, (_, i) => p(`Filler ${i + 1}.`)),
          ...lengths.map((count, i) => target(i + 1, count)),
          p('Last.'),
        ];
        const doc = letterDocument(frame(body, largePrint));
        const pages = bodyLines(await readPdf(await renderPdfInNode(doc)), doc);
        const linesOf = (n: string) => pages.flat().filter((line) => owner(line.text) === n).length;
        pages.forEach((lines, i) => {
          const ends = [lines[0], lines.at(-1)].filter((line) => line !== undefined);
          for (const line of ends) {
            const n = owner(line.text);
            if (n === undefined || linesOf(n) < 2) continue;
            const here = lines.filter((l) => owner(l.text) === n).length;
            if (here < linesOf(n)) broken.add(`${k} fillers: P${n}`);
            if (here === 1)
              lone.push(
                `${k} fillers: page ${i + 1} ${line === lines[0] ? 'starts' : 'ends'} with P${n}'s only line there`,
              );
          }
        });
      }
      expect(lone).toEqual([]);
      // Each of these paragraphs (none longer than a quarter of a page) goes whole to the next page.
      expect([...broken]).toEqual([]);
    },
  );
});
