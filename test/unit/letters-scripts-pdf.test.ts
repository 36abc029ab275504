// Names in other scripts (issue #12, finding 3): a letter prints every character of a Greek, Cyrillic or Polish name
// (pdftotext of the real PDF holds it, in order), and a Chinese, Arabic or emoji name is refused with the characters
// named, by every path that makes a letter (renderLetterPdf) and by the subject-access summary. The check's coverage
// table is proved to be the font's own, read from the very font files the app embeds.
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acknowledgementLetter, letterPrintProblem } from '#shared/letters/index';
import { sampleAcknowledgement, sampleCase } from '#shared/letters/fixtures';
import { LETTER_FONT_COVERAGE } from '#shared/letters/font-coverage';
import type { CaseRecord } from '#shared/model/case';
import { appendEvent, createCase } from '#db/repositories/cases';
import { RedressDatabase } from '#db/schema';
import { buildSubjectAccessBundle } from '#renderer/features/exchange/subject-access';
import { renderLetterPdf } from '#letters/letter-pdf';
import { poppler, renderPdfInNode, waitForPoppler } from '#test/support/render-pdf-node';
import { deskSettings, NORTHWIND } from '#test/support/desk';

const require = createRequire(import.meta.url);
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redress-scripts-'));
  if (!(await waitForPoppler())) throw new Error('poppler-utils (pdftotext, pdftoppm) is not installed');
}, 90_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The text a PDF reader gets from the file, line breaks and runs of spaces folded. */
function pdfText(name: string, bytes: Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return poppler('pdftotext', [file, '-']).replace(/\s+/g, ' ');
}

const withName = (name: string, addressLine = '14 Albion Terrace'): CaseRecord =>
  sampleCase({
    customer: { ...sampleCase().customer, name, address: { lines: [addressLine, 'Folkestone'], postcode: 'CT20 1QB' } },
  });

describe('the letter font’s coverage table', () => {
  it('is exactly the code points all four Roboto files the app embeds have glyphs for', () => {
    const fontkit = require('fontkit') as { create(buffer: Buffer): { characterSet: number[] } };
    // The browser build's fonts (what the app and its workers load), not a copy.
    const vfs = require('pdfmake/build/vfs_fonts.js') as Record<string, string>;
    const files = ['Roboto-Regular.ttf', 'Roboto-Medium.ttf', 'Roboto-Italic.ttf', 'Roboto-MediumItalic.ttf'];
    const sets = files.map((f) => new Set(fontkit.create(Buffer.from(vfs[f], 'base64')).characterSet));
    const common = [...sets[0]].filter((cp) => sets.every((s) => s.has(cp))).sort((a, b) => a - b);
    const ranges: Array<[number, number]> = [];
    for (const cp of common) {
      const last = ranges.at(-1);
      if (last && last[1] === cp - 1) last[1] = cp;
      else ranges.push([cp, cp]);
    }
    // On a mismatch (a new pdfmake), paste these ranges into shared/letters/font-coverage.ts.
    expect(LETTER_FONT_COVERAGE).toEqual(ranges);
  });
});

describe('names in other scripts', () => {
  const printable: Array<[string, string, string]> = [
    ['Greek', 'Γεώργιος Παπαδόπουλος', 'Οδός Ερμού 12'],
    ['Cyrillic', 'Дмитрий Шостакович', 'ул. Тверская 7'],
    ['Polish', 'Łucja Żółkiewska-Ślęzak', 'ul. Źródlana 5'],
  ];
  for (const [script, name, line] of printable) {
    it(`prints a ${script} name and address: the PDF's text holds every character, in order`, async () => {
      const record = withName(name, line);
      const doc = acknowledgementLetter(sampleAcknowledgement({ caseRecord: record }));
      expect(letterPrintProblem(doc, record)).toBeNull();
      const { bytes } = await renderLetterPdf(doc, record, renderPdfInNode);
      const text = pdfText(`${script}.pdf`, bytes);
      expect(text).toContain(name);
      expect(text).toContain(line);
      expect(text).toContain(`Dear ${name}`);
    });
  }

  const refused: Array<[string, string, string]> = [
    ['Chinese', '王小明', 'cannot print: 王, 小, 明 (in the customer’s name).'],
    [
      'Arabic',
      'محمد علي',
      'cannot print: م, ح, د, ع, ل, ي (in the customer’s name). Right-to-left writing (such as Arabic or Hebrew) cannot be laid out in a letter',
    ],
    ['emoji', 'Ann Smith 😀', 'cannot print: 😀 (in the customer’s name). Emoji cannot be printed in a letter.'],
  ];
  for (const [script, name, expected] of refused) {
    it(`refuses a letter with ${script === 'Arabic' ? 'an' : 'a'} ${script} name, naming the characters, and makes no PDF`, async () => {
      const record = withName(name);
      const doc = acknowledgementLetter(sampleAcknowledgement({ caseRecord: record }));
      let rendered = 0;
      const render = (d: Parameters<typeof renderPdfInNode>[0]) => {
        rendered += 1;
        return renderPdfInNode(d);
      };
      await expect(renderLetterPdf(doc, record, render)).rejects.toThrow(
        `This letter contains characters the letter font ${expected}`,
      );
      expect(rendered).toBe(0);
    });
  }

  it('refuses when only the customer’s copy would hold them (a letter to their representative)', async () => {
    const record = sampleCase({
      customer: { ...sampleCase().customer, name: 'Ann Smith', address: { lines: ['北京路 1'], postcode: 'CT20 1QB' } },
      representative: {
        name: 'Bob Smith',
        relationship: 'son',
        address: { lines: ['2 Low Road'], postcode: 'CT20 1QC' },
      },
    });
    const doc = acknowledgementLetter(sampleAcknowledgement({ caseRecord: record }));
    await expect(renderLetterPdf(doc, record, renderPdfInNode)).rejects.toThrow(
      'cannot print: 北, 京, 路 (in the customer’s address).',
    );
  });
});

describe('the subject-access summary', () => {
  const settings = deskSettings({ defaultProcedureId: 'kijoma', company: NORTHWIND });
  const clock = { now: () => new Date('2026-11-20T10:00:00Z') };

  async function bundleFor(name: string, summary: string, note?: string) {
    const database = new RedressDatabase(`scripts-sar-${process.pid}-${Math.random()}`);
    try {
      const start = await createCase(
        database,
        {
          receivedOn: '2026-11-02',
          channel: 'email',
          customer: { name, email: 'x@example.com' },
          category: 'billing',
          summary,
        },
        { settings, by: 'Sam Patel', clock },
      );
      if (note)
        await appendEvent(
          database,
          start.id,
          { type: 'note', on: '2026-11-03', by: 'Sam Patel', summary: note },
          clock,
        );
      return await buildSubjectAccessBundle(database, {
        start,
        caseIds: [start.id],
        requestReceivedOn: '2026-11-19',
        settings,
        by: 'Sam Patel',
        today: '2026-11-20',
        render: renderPdfInNode,
      });
    } finally {
      database.close();
      await database.delete();
    }
  }

  it('prints a Cyrillic name whole', async () => {
    const { fflate } = { fflate: await import('fflate') };
    const { bytes } = await bundleFor('Олена Ґудзь', 'Двічі списали кошти');
    const files = fflate.unzipSync(bytes);
    const summary = Object.entries(files).find(([path]) => path.endsWith('.pdf'))![1];
    const text = pdfText('sar-cyrillic.pdf', summary);
    expect(text).toContain('Олена Ґудзь');
    expect(text).toContain('Двічі списали кошти');
  });

  it('writes a character it cannot draw in a timeline entry (which cannot be corrected) as its code, and says so', async () => {
    const { fflate } = { fflate: await import('fflate') };
    // An email's subject, as the app copies it into a contact entry: an emoji is common in real mail.
    const { bytes } = await bundleFor('Renée Lefèvre', 'Charged twice', 'Email received: Réclamation 😠 octobre');
    const files = fflate.unzipSync(bytes);
    const text = pdfText('sar-coded.pdf', Object.entries(files).find(([path]) => path.endsWith('.pdf'))![1]);
    expect(text).toContain('Email received: Réclamation [U+1F620] octobre');
    expect(text).toContain('are written as their code, such as [U+1F620]; data.json and the files hold them exactly.');
    // The data file holds the entry exactly.
    const data = new TextDecoder().decode(Object.entries(files).find(([path]) => path.endsWith('data.json'))![1]);
    expect(data).toContain('Réclamation 😠 octobre');
  });

  it('refuses a Chinese name and an emoji in the complaint, naming both and where they are', async () => {
    await expect(bundleFor('王小明', 'Charged twice 😡')).rejects.toThrow(
      /^This summary contains characters the letter font cannot print: 王, 小, 明, 😡 \(in the customer’s name and the summary of RDR-\d{4}-\d{6}\)\. Emoji cannot be printed in a summary\./,
    );
  });
});
