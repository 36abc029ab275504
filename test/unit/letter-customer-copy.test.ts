// A letter to someone acting for the customer comes with the customer's copy (issue #5: "addressed to the
// representative when someone acts for the customer, with a copy to the customer"): the same letter, with the
// customer in the envelope window and a line saying whose copy it is, after the original in one PDF. Read back with
// poppler, page by page, as the printer and the envelope window see it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acknowledgementLetter, customerCopy, finalResponseLetter } from '#shared/letters/index';
import {
  contentText,
  sampleAcknowledgement,
  sampleCanadianCase,
  sampleCase,
  sampleFinalResponse,
  sampleLetterOfEveryKind,
} from '#shared/letters/fixtures';
import type { CaseRecord } from '#shared/model/case';
import { renderLetterPdf } from '#letters/letter-pdf';
import { poppler, renderPdfInNode, waitForPoppler } from '#test/support/render-pdf-node';

const representative = {
  name: 'Daniel Okafor',
  relationship: 'son',
  address: { lines: ['Flat 3', '9 Harbour Way', 'Dover'], postcode: 'CT16 1AA' },
};
const withRepresentative = (overrides: Partial<CaseRecord> = {}) => sampleCase({ representative, ...overrides });

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redress-copy-'));
  if (!(await waitForPoppler())) throw new Error('poppler-utils (pdftotext, pdfinfo) is not installed');
}, 90_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The text of one page, as pdftotext reads it. */
function pageText(file: string, page: number): string {
  return poppler('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-']);
}
/** What shows through a DL window: the text in the window's area of page 1 of a part (x 20-110 mm, y 50-85 mm). */
function windowText(file: string, page: number): string {
  const pt = (mm: number) => String(Math.round((mm * 72) / 25.4));
  return poppler('pdftotext', [
    '-f',
    String(page),
    '-l',
    String(page),
    '-x',
    pt(20),
    '-y',
    pt(50),
    '-W',
    pt(90),
    '-H',
    pt(35),
    file,
    '-',
  ])
    .replace(/\s+/g, ' ')
    .trim();
}

describe("the customer's copy", () => {
  it('is the same letter readdressed: the customer in the window, a line saying whose copy, nothing else changed', () => {
    const doc = acknowledgementLetter(sampleAcknowledgement({ caseRecord: withRepresentative() }));
    const copy = customerCopy(doc, withRepresentative());
    expect(copy.kind).toBe('copy');
    if (copy.kind !== 'copy') return;
    const original = contentText(doc.content).replace(/\s+/g, ' ');
    const copied = contentText(copy.doc.content).replace(/\s+/g, ' ');
    expect(original).toContain('Daniel Okafor Flat 3 9 Harbour Way Dover CT16 1AA');
    expect(copied).toContain('Margaret Okafor 14 Albion Terrace Folkestone Kent CT20 1QB');
    expect(copied).not.toContain('9 Harbour Way');
    expect(copied).toContain(
      'Copy for Margaret Okafor. We have sent this letter to Daniel Okafor, who is acting for you.',
    );
    // Everything after the notice reads as the original does.
    expect(copied.slice(copied.indexOf('Dear Daniel Okafor'))).toBe(
      original.slice(original.indexOf('Dear Daniel Okafor')),
    );
  });

  it('in French, says whose copy it is above the subject line, which comes before the greeting', () => {
    const record = { ...sampleCanadianCase(), representative };
    const [{ doc }] = sampleLetterOfEveryKind('fr-CA', { caseRecord: record });
    const copy = customerCopy(doc, record);
    if (copy.kind !== 'copy') throw new Error(`no copy: ${copy.kind}`);
    const original = contentText(doc.content).replace(/\s+/g, ' ');
    const copied = contentText(copy.doc.content).replace(/\s+/g, ' ');
    const subject = 'Nous avons bien reçu votre plainte concernant le compte d’Élodie Tremblay Madame, Monsieur,';
    expect(original).toContain(subject);
    expect(copied).toContain(
      `Copie pour ${record.customer.name}. Nous avons envoyé cette lettre à Daniel Okafor, qui agit en votre nom. ${subject}`,
    );
    expect(copied.slice(copied.indexOf(subject))).toBe(original.slice(original.indexOf(subject)));
  });

  it('is not made for a letter to the customer; with no postal address for the customer the desk is told why', () => {
    const plain = sampleCase();
    expect(customerCopy(acknowledgementLetter(sampleAcknowledgement({ caseRecord: plain })), plain)).toEqual({
      kind: 'none',
    });
    const noAddress = withRepresentative({ customer: { name: 'Margaret Okafor', email: 'm@example.com' } });
    const outcome = customerCopy(acknowledgementLetter(sampleAcknowledgement({ caseRecord: noAddress })), noAddress);
    expect(outcome).toEqual({
      kind: 'no-address',
      message: expect.stringContaining(
        'Margaret Okafor has no postal address recorded, so no copy for them is printed',
      ),
      said: { code: 'no-address', values: { name: 'Margaret Okafor' } },
    });
    // p8e: a customer with no name yet is "the customer", by its own code (French says it its own way).
    const unnamed = withRepresentative({ customer: { name: ' ', email: 'm@example.com' } });
    const nameless = customerCopy(acknowledgementLetter(sampleAcknowledgement({ caseRecord: unnamed })), unnamed);
    expect(nameless).toMatchObject({
      message: expect.stringMatching(/^The customer has no postal address recorded/),
      said: { code: 'no-address-unnamed' },
    });
  });

  it('follows the original in one PDF: each part numbered on its own, each window showing its own addressee', async () => {
    const record = withRepresentative();
    const doc = finalResponseLetter(sampleFinalResponse({ caseRecord: record }));
    const alone = await renderPdfInNode(doc);
    const pdf = await renderLetterPdf(doc, record, renderPdfInNode);
    expect(pdf.customerCopy).toBe('included');
    const aloneFile = join(dir, 'alone.pdf');
    const file = join(dir, 'with-copy.pdf');
    writeFileSync(aloneFile, alone);
    writeFileSync(file, pdf.bytes);
    const pagesOf = (f: string) => Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', [f]))?.[1]);
    const n = pagesOf(aloneFile);
    expect(pagesOf(file)).toBe(2 * n);

    expect(windowText(file, 1)).toBe('Daniel Okafor Flat 3 9 Harbour Way Dover CT16 1AA');
    expect(windowText(file, n + 1)).toBe('Margaret Okafor 14 Albion Terrace Folkestone Kent CT20 1QB');
    expect(pageText(file, 1)).not.toContain('Copy for');
    expect(pageText(file, n + 1)).toContain('Copy for Margaret Okafor.');
    expect(pageText(file, n)).toMatch(new RegExp(`Page ${n} of ${n}`));
    expect(pageText(file, n + 1)).toMatch(new RegExp(`Page 1 of ${n}`));
    expect(pageText(file, 2 * n)).toContain('cc: Margaret Okafor (our customer)');
    expect(poppler('pdfinfo', [file])).toMatch(/Title:\s+Our final response to complaint RDR-2026-000042/);
  });

  it('prints the copy exactly as it prints on its own, though the original was rendered first (no layout shared)', async () => {
    const record = withRepresentative();
    const build = () => acknowledgementLetter(sampleAcknowledgement({ caseRecord: record }));
    const joined = join(dir, 'joined.pdf');
    writeFileSync(joined, (await renderLetterPdf(build(), record, renderPdfInNode)).bytes);
    const fresh = customerCopy(build(), record);
    if (fresh.kind !== 'copy') throw new Error('expected a copy');
    const alone = join(dir, 'copy-alone.pdf');
    writeFileSync(alone, await renderPdfInNode(fresh.doc));
    // The same pixels: pdfmake keeps layout state in the nodes it renders, so a copy sharing them drew its lines astray.
    poppler('pdftoppm', ['-png', '-r', '40', '-f', '2', '-l', '2', '-singlefile', joined, join(dir, 'joined-copy')]);
    poppler('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', '-singlefile', alone, join(dir, 'alone-copy')]);
    expect(readFileSync(join(dir, 'joined-copy.png')).equals(readFileSync(join(dir, 'alone-copy.png')))).toBe(true);
  });

  it('leaves a letter to the customer as it is: one part, the bytes pdfmake made', async () => {
    const record = sampleCase();
    const doc = finalResponseLetter(sampleFinalResponse({ caseRecord: record }));
    const pdf = await renderLetterPdf(doc, record, renderPdfInNode);
    expect(pdf.customerCopy).toBe('none');
    expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });
});
