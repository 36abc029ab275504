// Large print means every piece of text at 16 pt or more (letterhead, envelope window, reference, date, footer), and
// the address still in the envelope window (DL on A4 in the UK, No. 10 on Letter in Canada): every letter kind, in
// English and French, rendered with pdfmake and read back with pdf.js (the app's own PDF library), whose text items
// carry their size and position. Also the PDF metadata.
import { describe, expect, it } from 'vitest';
import { acknowledgementLetter, customerCopy, type LetterLanguage } from '#shared/letters/index';
import { sampleAcknowledgement, sampleCase, sampleLetterOfEveryKind } from '#shared/letters/fixtures';
import { LARGE_PRINT_MIN_SIZE, letterDocument, pageFormatOf, windowLinesFor } from '#shared/letters/layout';
import { readPdf } from '#test/support/pdf-text';
import { windowText } from '#test/support/letter-window';
import { renderPdfInNode } from '#test/support/render-pdf-node';

const LANGUAGES: LetterLanguage[] = ['en-GB', 'en-CA', 'fr-CA'];

describe.each(LANGUAGES)('large-print letters in %s', (language) => {
  const letters = sampleLetterOfEveryKind(language, { largePrint: true });

  it.each(letters.map((l) => [l.kind, l.doc] as const))(
    '%s: no text under 16 pt, and the address alone in the window',
    async (_kind, doc) => {
      const pdf = await readPdf(await renderPdfInNode(doc));
      const small = pdf.items.filter((item) => item.fontSize < LARGE_PRINT_MIN_SIZE - 0.01);
      expect(small.map((item) => `${item.fontSize.toFixed(1)} pt: ${item.text}`)).toEqual([]);
      // The letterhead, the reference block and the footer are there, at 16 pt or more.
      const text = pdf.items.map((item) => item.text).join(' ');
      expect(text).toContain('RDR-2026-000042');
      expect(pdf.items.some((item) => /1.?800.?555.?0142|01798.?888001/.test(item.text))).toBe(true);
      const record = language === 'en-GB' ? sampleCase() : undefined;
      const name = record ? record.customer.name : 'Élodie Tremblay';
      const format = pageFormatOf(doc);
      expect(format.pageSize).toBe(language === 'en-GB' ? 'A4' : 'LETTER');
      expect(windowText(pdf.items, format)[0]).toBe(name);
      expect(pdf.info.Language).toBe(language);
      // Every page's footer, below the bottom margin, carries the whole reference on one line.
      for (let page = 1; page <= pdf.pages; page += 1) {
        const footer = pdf.items.filter((item) => item.page === page && item.top > format.height - format.marginBottom);
        expect(
          footer.some((item) => item.text.includes('RDR-2026-000042')),
          `page ${page} footer`,
        ).toBe(true);
        expect(
          footer.every((item) => item.bottom <= format.height),
          `page ${page} footer on the page`,
        ).toBe(true);
      }
    },
  );
});

describe('standard-print letters', () => {
  it.each(LANGUAGES)(
    '%s: the address alone in the window, and Title, Author, Subject and Lang metadata',
    async (language) => {
      for (const { kind, doc } of sampleLetterOfEveryKind(language)) {
        const pdf = await readPdf(await renderPdfInNode(doc));
        const lines = windowText(pdf.items, pageFormatOf(doc));
        expect(lines.length, kind).toBeGreaterThanOrEqual(3);
        expect(pdf.info.Title, kind).toMatch(/RDR-2026-000042/);
        expect(pdf.info.Subject, kind).toBe(pdf.info.Title);
        expect(pdf.info.Author, kind).toBe(language === 'en-GB' ? 'Kijoma Broadband' : 'Jive Mobile');
        expect(pdf.info.Language, kind).toBe(language);
      }
    },
  );
});

describe('the envelope window at 16 pt', () => {
  it('five lines (name, three address lines, postcode) fit the window; the customer’s copy too', async () => {
    const caseRecord = sampleCase({
      representative: {
        name: 'Daniel Okafor',
        relationship: 'son',
        address: { lines: ['Flat 3', '9 Harbour Way', 'Dover'], postcode: 'CT16 1AA' },
      },
    });
    const [{ doc }] = sampleLetterOfEveryKind('en-GB', { largePrint: true, caseRecord });
    expect(windowText((await readPdf(await renderPdfInNode(doc))).items)).toEqual([
      'Daniel Okafor',
      'Flat 3',
      '9 Harbour Way',
      'Dover',
      'CT16 1AA',
    ]);
    const copy = customerCopy(doc, caseRecord);
    if (copy.kind !== 'copy') throw new Error('expected a copy');
    expect(windowText((await readPdf(await renderPdfInNode(copy.doc))).items)).toEqual([
      'Margaret Okafor',
      '14 Albion Terrace',
      'Folkestone',
      'Kent',
      'CT20 1QB',
    ]);
  });

  it('a longer address is refused for large print with a message saying what to shorten', () => {
    const addressee = {
      name: 'Margaret Okafor',
      addressLines: ['Flat 2', '14 Albion Terrace', 'Sandgate', 'Folkestone', 'CT20 1QB'],
    };
    expect(windowLinesFor(addressee)).toHaveLength(6); // standard print holds it
    expect(() => windowLinesFor(addressee, true)).toThrow(/holds 5 lines.*take 6.*Shorten the address/s);
  });

  it('a line too wide for the window at 16 pt counts as the lines it wraps into', () => {
    // 36 capitals: the most the standard window line takes; at 16 pt it wraps onto a second line.
    const wide = {
      name: 'Margaret Okafor',
      addressLines: ['FLAT 2 ALBION TERRACE MANSIONS LOWER', 'Folkestone', 'CT20 1QB'],
    };
    expect(() => windowLinesFor(wide, true)).not.toThrow();
    expect(() =>
      windowLinesFor(
        { ...wide, addressLines: [...wide.addressLines.slice(0, 1), 'Sandgate', ...wide.addressLines.slice(1)] },
        true,
      ),
    ).toThrow(/take 6/);
    expect(() =>
      windowLinesFor({ ...wide, addressLines: ['Flat 2', 'Sandgate', 'Folkestone', 'CT20 1QB'] }, true),
    ).not.toThrow();
  });

  it('a letterhead that would reach into the window is refused in large print', () => {
    const frame = {
      language: 'en-GB' as const,
      company: {
        name: 'Kijoma Broadband',
        addressLines: [
          'Unit 21, The Old Harbour Arm Business',
          'Centre, Harbour Approach Road East',
          'Ship Street Industrial Estate North',
          'Folkestone and Hythe District',
          'Kent, South East England',
        ],
        postcode: 'CT19 5BE',
        phone: '01798 888001',
        email: 'customercare@kijoma.co.uk',
      },
      reference: 'RDR-2026-000042',
      issuedOn: '2026-11-21',
      addressee: { role: 'customer' as const, name: 'A B', addressLines: ['1 Road', 'CT1 1AA'] },
      title: 't',
      heading: 'h',
      body: [{ text: 'x' }],
      handlerName: 'Priya Shah',
    };
    expect(() => letterDocument(frame)).not.toThrow();
    expect(() => letterDocument({ ...frame, largePrint: true })).toThrow(
      /letterhead .* would reach into the envelope window/,
    );
  });
});

describe('phone numbers', () => {
  it('never break across lines, wherever the line ends', async () => {
    const phone = '0330 440 1614';
    // A website a letter longer each time moves the phone number along the line until it meets the line's end.
    for (let extra = 0; extra < 12; extra += 1) {
      const website = `commsombudsman${'x'.repeat(extra)}.org.uk/complaints`;
      const base = sampleAcknowledgement({ largePrint: true });
      const doc = acknowledgementLetter({
        ...base,
        nextSteps: { ...base.nextSteps, adrScheme: { name: 'Communications Ombudsman', website, phone } },
      });
      const pdf = await readPdf(await renderPdfInNode(doc));
      const lines = new Map<string, string>();
      for (const item of pdf.items) {
        const key = `${item.page}:${Math.round(item.bottom)}`;
        lines.set(key, `${lines.get(key) ?? ''}${item.text}`);
      }
      const withPhone = [...lines.values()].filter((line) => /0330|1614/.test(line));
      expect(withPhone.length, website).toBeGreaterThan(0);
      for (const line of withPhone) expect(line, website).toContain(phone);
    }
  }, 60_000);
});
