// Real PDFs: the acknowledgement letter rendered with pdfmake in Node and read back with poppler, as a customer's
// PDF reader or a printer would see it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acknowledgementLetter } from '#shared/letters/index';
import { sampleAcknowledgement, sampleCase } from '#shared/letters/fixtures';
import { poppler, renderPdfInNode, waitForPoppler } from '#test/support/render-pdf-node';
import { SAMPLE_LOGO_DATA_URL } from '#test/support/desk';
import { checkLogoDataUrl } from '#shared/model/settings';

let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redress-letters-'));
  if (!(await waitForPoppler())) throw new Error('poppler-utils (pdftotext, pdffonts, pdftoppm) is not installed');
}, 90_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function writePdf(name: string, doc: Parameters<typeof renderPdfInNode>[0]): Promise<string> {
  const bytes = await renderPdfInNode(doc);
  expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** pdftotext's reading order, with line breaks and runs of spaces folded so sentences can be matched whole. */
const textOf = (file: string) => poppler('pdftotext', [file, '-']).replace(/\s+/g, ' ');

describe('acknowledgement letter as a PDF', () => {
  it('reads back with the reference, the customer, the date received and the channel', async () => {
    const file = await writePdf('ack.pdf', acknowledgementLetter(sampleAcknowledgement()));
    const text = textOf(file);
    expect(text).toContain('RDR-2026-000042');
    expect(text).toContain('Margaret Okafor');
    expect(text).toContain('18 November 2026');
    expect(text).toContain('We received your complaint by letter on 18 November 2026.');
    expect(text).toContain('Wednesday 25 November 2026');
    expect(text).toContain('30 December 2026');
    expect(text).toContain('Page 1 of 1');
    expect(poppler('pdfinfo', [file])).toMatch(/Pages:\s+1\n/);
  });

  it('embeds its font', async () => {
    const file = await writePdf('ack-fonts.pdf', acknowledgementLetter(sampleAcknowledgement()));
    const rows = poppler('pdffonts', [file]).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/Roboto/);
      // Columns: name type encoding emb sub uni object-id; "emb" must be yes for every font.
      expect(row).toMatch(/\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
    }
  });

  it("prints the letterhead's logo at the top right, beside the company's details; none without one", async () => {
    expect(checkLogoDataUrl(SAMPLE_LOGO_DATA_URL)).toBeNull();
    const withLogo = (largePrint: boolean) =>
      acknowledgementLetter(
        sampleAcknowledgement({
          settings: { ...sampleAcknowledgement().settings, logoDataUrl: SAMPLE_LOGO_DATA_URL },
          largePrint,
        }),
      );
    for (const [name, doc] of [
      ['ack-logo.pdf', withLogo(false)],
      ['ack-logo-large.pdf', withLogo(true)],
    ] as const) {
      const file = await writePdf(name, doc);
      // pdfimages -list: two header lines, then one row per image (page, num, type, width, height, …).
      const images = poppler('pdfimages', ['-list', file]).trim().split('\n').slice(2);
      expect(images, name).toHaveLength(1);
      expect(images[0].trim().split(/\s+/).slice(0, 5), name).toEqual(['1', '0', 'image', '240', '80']);
      const text = textOf(file);
      expect(text).toContain('Kijoma Broadband');
      expect(text).toContain('21 Ship Street');
      // The logo moves nothing below the letterhead: as many pages as without it.
      const without = await writePdf(
        `no-${name}`,
        acknowledgementLetter(sampleAcknowledgement({ largePrint: name.includes('large') })),
      );
      const pages = (f: string) => /Pages:\s+(\d+)/.exec(poppler('pdfinfo', [f]))?.[1];
      expect(pages(file), name).toBe(pages(without));
    }
    const plain = await writePdf('ack-no-logo.pdf', acknowledgementLetter(sampleAcknowledgement()));
    expect(poppler('pdfimages', ['-list', plain]).trim().split('\n').slice(2)).toEqual([]);
  });

  it('puts the addressee in the envelope window: the representative, with a copy line for the customer', async () => {
    const caseRecord = sampleCase({
      representative: {
        name: 'Daniel Okafor',
        relationship: 'son',
        address: { lines: ['Flat 3', '9 Harbour Way', 'Dover'], postcode: 'CT16 1AA' },
      },
    });
    const file = await writePdf('ack-rep.pdf', acknowledgementLetter(sampleAcknowledgement({ caseRecord })));
    // Crop to the window of a DL envelope (20-110 mm from the left, 50-85 mm from the top; 1 mm = 72/25.4 pt).
    const pt = (millimetres: number) => String(Math.round((millimetres * 72) / 25.4));
    const windowText = poppler('pdftotext', [
      ...['-f', '1', '-l', '1', '-r', '72'],
      ...['-x', pt(20), '-y', pt(50), '-W', pt(90), '-H', pt(35)],
      ...[file, '-'],
    ]);
    expect(
      windowText
        .trim()
        .split('\n')
        .map((line) => line.trim()),
    ).toEqual(['Daniel Okafor', 'Flat 3', '9 Harbour Way', 'Dover', 'CT16 1AA']);
    expect(textOf(file)).toContain('cc: Margaret Okafor (our customer)');
    // The longer of the two openings still fits one sheet.
    expect(poppler('pdfinfo', [file])).toMatch(/Pages:\s+1\n/);
  });

  it('repeats the reference and page number in the footer of every page', async () => {
    const letter = acknowledgementLetter(sampleAcknowledgement());
    // A letter runs to a second page when a desk adds to it: force one and read each page's footer.
    const twoPages = { ...letter, content: [...letter.content, { text: 'Continued.', pageBreak: 'before' as const }] };
    const file = await writePdf('ack-two-pages.pdf', twoPages);
    for (const page of [1, 2]) {
      const text = poppler('pdftotext', ['-f', String(page), '-l', String(page), file, '-']).replace(/\s+/g, ' ');
      expect(text).toContain('Our reference: RDR-2026-000042');
      expect(text).toContain(`Page ${page} of 2`);
    }
  });

  it('stays on one page in large print too, or runs on with every page footed', async () => {
    const file = await writePdf('ack-large.pdf', acknowledgementLetter(sampleAcknowledgement({ largePrint: true })));
    const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', [file]))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(textOf(file)).toContain(`Page ${pages} of ${pages}`);
  });
});
