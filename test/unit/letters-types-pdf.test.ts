// Real PDFs of the letters after the acknowledgement (ADR, update, final response, CCTS notice, summary resolution),
// in each language and in large print, read back with poppler as a customer's PDF reader or a printer sees them.
// Set LETTERS_PNG_DIR to also keep a PNG of each first page (pdftoppm -r 60) for a person to look at.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LetterDocument,
  acknowledgementLetter,
  adrLetter,
  adrTermsFor,
  cctsNoticeLetter,
  finalResponseLetter,
  summaryResolutionLetter,
  updateLetter,
} from '#shared/letters/index';
import {
  sampleAcknowledgement,
  sampleAdrLetter,
  sampleCanadianCase,
  sampleCanadianSettings,
  sampleCase,
  sampleCctsNotice,
  sampleFinalResponse,
  sampleFrenchAcknowledgement,
  sampleSummaryResolution,
  sampleUpdate,
} from '#shared/letters/fixtures';
import { poppler, renderPdfInNode, waitForPoppler } from '#test/support/render-pdf-node';

let dir: string;
const pngDir = process.env.LETTERS_PNG_DIR;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redress-letter-types-'));
  if (!(await waitForPoppler())) throw new Error('poppler-utils (pdftotext, pdffonts, pdftoppm) is not installed');
}, 90_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function writePdf(name: string, doc: LetterDocument): Promise<string> {
  const bytes = await renderPdfInNode(doc);
  expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  if (pngDir) poppler('pdftoppm', ['-png', '-r', '60', file, join(pngDir, `letters-${name}`)]);
  return file;
}

/** pdftotext's reading order, with line breaks and runs of spaces (incl. no-break spaces) folded. */
const textOf = (file: string) => poppler('pdftotext', [file, '-']).replace(/\s+/g, ' ');
const pagesOf = (file: string) => Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', [file]))?.[1]);

function expectCommsOmbudsman(text: string) {
  expect(text).toContain('Communications Ombudsman');
  expect(text).toContain('commsombudsman.org');
  expect(text).toContain('0330 440 1614');
  expect(text).toContain('Post: PO Box 730, Warrington, WA4 6WU');
  expect(text).not.toContain('ombudsman-services.org');
}

describe('ADR letter as a PDF', () => {
  it('says 8 weeks for a complaint first made on 2026-03-30 (before the rule changed)', async () => {
    const file = await writePdf('adr-8-weeks', adrLetter(sampleAdrLetter('2026-03-30')));
    const text = textOf(file);
    expect(text).toContain('We received the complaint on 30 March 2026.');
    expect(text).toContain('We have not been able to resolve it within 8 weeks');
    expect(text).not.toContain('6 weeks');
    expectCommsOmbudsman(text);
    expect(text).toContain('You have 12 months from the date of this letter');
    expect(text).toContain('until 1 June 2027');
    expect(text).toContain('independent of us. It is free for you to use.');
    expect(text).toContain('binds us only if you accept it');
    expect(text).toContain('Where things stand');
    expect(text).toContain('asked our billing team to refund it');
    expect(text).toContain('RDR-2026-000042');
    expect(text).toContain('Priya Shah');
    expect(text).toMatch(/Page 1 of \d/);
  });

  it('says 6 weeks for a complaint first made on 2026-04-08 (the day the rule changed)', async () => {
    const file = await writePdf('adr-6-weeks', adrLetter(sampleAdrLetter('2026-04-08')));
    const text = textOf(file);
    expect(text).toContain('We received the complaint on 8 April 2026.');
    expect(text).toContain('We have not been able to resolve it within 6 weeks');
    expect(text).not.toContain('8 weeks');
    expectCommsOmbudsman(text);
    expect(text).toContain('You have 12 months from the date of this letter');
    expect(text).toContain('Our reference: RDR-2026-000042');
  });

  it('gives the final position when we can do no more, addressed to the representative with a copy line', async () => {
    const caseRecord = sampleCase({
      receivedOn: '2026-11-18',
      representative: {
        name: 'Daniel Okafor',
        relationship: 'son',
        address: { lines: ['Flat 3', '9 Harbour Way', 'Dover'], postcode: 'CT16 1AA' },
      },
    });
    const doc = adrLetter(
      sampleAdrLetter('2026-11-18', {
        caseRecord,
        issuedOn: '2026-12-01',
        reason: {
          kind: 'final-position',
          finalPosition: 'The October charge was correct: it covered your new router. We will not refund it.',
        },
      }),
    );
    const file = await writePdf('adr-final-position', doc);
    const text = textOf(file);
    expect(text).toContain('Our final position');
    expect(text).toContain('it covered your new router. We will not refund it.');
    expect(text).not.toMatch(/\d weeks/);
    expect(text).toContain('You can ask the Communications Ombudsman to look at the complaint now.');
    expect(text).toContain('until 1 December 2027');
    expect(text).toContain('Dear Daniel Okafor');
    expect(text).toContain('you are acting for Margaret Okafor');
    expect(text).toContain('cc: Margaret Okafor (our customer)');
    expectCommsOmbudsman(text);
  });

  it('takes the scheme’s name from the directory for the letter’s date: the old name before the rename', async () => {
    const text = textOf(
      await writePdf('adr-old-name', adrLetter(sampleAdrLetter('2023-06-01', { issuedOn: '2023-08-01' }))),
    );
    expect(text).toContain('Ombudsman Services: Communications');
    expect(text).toContain('within 8 weeks');
  });
});

describe('update and final response letters as PDFs', () => {
  it('update: progress, when we will reply, and from when the scheme can be asked', async () => {
    const text = textOf(await writePdf('update', updateLetter(sampleUpdate())));
    expect(text).toContain('An update on the complaint');
    expect(text).toContain('We are still working on the complaint we received on 18 November 2026.');
    expect(text).toContain('asked our billing team to check');
    expect(text).toContain('We expect to reply in full by Wednesday 16 December 2026.');
    expect(text).toContain(
      'If the complaint is not resolved by 30 December 2026, you can ask the Communications Ombudsman',
    );
    expect(text).toContain('Priya Shah');
    expect(text).toContain('Our reference: RDR-2026-000042');
  });

  it('final response: outcome, what was done, remedy, ADR from when, contact details and the 12-month limit', async () => {
    const text = textOf(await writePdf('final-response', finalResponseLetter(sampleFinalResponse())));
    expect(text).toContain('This letter is our final response.');
    expect(text).toContain('What we found');
    expect(text).toContain('a payment was sent again after a system fault');
    expect(text).toContain('We have refunded the second charge');
    expect(text).toContain('Putting things right');
    expect(text).toContain('credited £25.00 to your account');
    expect(text).toContain('You can ask the Communications Ombudsman to look at the complaint from 30 December 2026');
    expect(text).toContain('You have 12 months from the date of this letter');
    expect(text).toContain('until 9 December 2027');
    expectCommsOmbudsman(text);
  });

  it('final response without a remedy leaves the section out; a passed ADR date reads "now"', async () => {
    const doc = finalResponseLetter(sampleFinalResponse({ remedy: '', adrAvailableOn: '2026-12-01' }));
    const text = textOf(await writePdf('final-no-remedy', doc));
    expect(text).not.toContain('Putting things right');
    expect(text).toContain('look at the complaint now');
  });
});

describe('a business too large for the ADR scheme (25 employees; Ofcom and the schemes take 10 or fewer)', () => {
  const business = sampleCase({ customer: { ...sampleCase().customer, isBusiness: true, employees: 25 } });
  const adrOutOfScope = { employees: 25, maxEmployees: 10 };

  it('acknowledgement, update and final response never offer the scheme; the final response says why it cannot help', async () => {
    const ackText = textOf(
      await writePdf(
        'ack-out-of-scope',
        acknowledgementLetter(
          sampleAcknowledgement({
            caseRecord: business,
            nextSteps: { ...sampleAcknowledgement().nextSteps, adrAvailableOn: null, adrOutOfScope },
          }),
        ),
      ),
    );
    expect(ackText).toContain('We have received your complaint');
    expect(ackText).not.toContain('Independent help');
    expect(ackText).not.toContain('Ombudsman');

    const updateText = textOf(
      await writePdf(
        'update-out-of-scope',
        updateLetter(sampleUpdate({ caseRecord: business, adrAvailableOn: null, adrOutOfScope })),
      ),
    );
    expect(updateText).toContain('We expect to reply in full by');
    expect(updateText).not.toContain('Ombudsman');

    const finalText = textOf(
      await writePdf(
        'final-out-of-scope',
        finalResponseLetter(sampleFinalResponse({ caseRecord: business, adrAvailableOn: null, adrOutOfScope })),
      ),
    );
    expect(finalText).toContain('This letter is our final response.');
    expect(finalText).toContain(
      'The Communications Ombudsman only looks at complaints from individuals and from businesses with 10 or fewer employees. As your business has 25 employees, it cannot look at this complaint.',
    );
    expect(finalText).not.toContain('You have 12 months');
    expect(finalText).not.toContain('commsombudsman.org');
    expect(finalText).not.toContain('look at the complaint now');
  });

  it('in French (Canada) the reason reads in French, with the numbers as French writes them', async () => {
    const doc = finalResponseLetter(
      sampleFinalResponse({
        caseRecord: business,
        language: 'fr-CA',
        adrAvailableOn: null,
        adrOutOfScope: { employees: 1200, maxEmployees: 10 },
      }),
    );
    const text = textOf(await writePdf('final-out-of-scope-fr', doc));
    expect(text).toContain('n’examine que les plaintes des particuliers et des entreprises de 10 employés ou moins');
    expect(text).toMatch(/votre entreprise compte 1\s200 employés/);
  });
});

describe('languages', () => {
  it('fr-CA ADR-free final response: French words and dates, the CPRST, no UK schemes or UK words', async () => {
    const doc = finalResponseLetter(
      sampleFinalResponse({
        caseRecord: sampleCanadianCase(),
        settings: sampleCanadianSettings(),
        language: 'fr-CA',
        outcome: 'Vous avez été facturée deux fois pour octobre à la suite d’une erreur de notre système.',
        actionsTaken: 'Nous avons remboursé le deuxième montant et corrigé l’erreur.',
        remedy: 'Nous avons aussi porté un crédit de 25,00 $ à votre compte.',
        referralMonths: undefined,
        scheme: { schemeId: 'ccts' },
      }),
    );
    const text = textOf(await writePdf('final-fr-CA', doc));
    // The subject line above the greeting, as French letters have it (OQLF).
    expect(text).toContain('Date 9 décembre 2026 Notre réponse finale Madame, Monsieur, Merci');
    expect(text).toContain(
      'Nous avons reçu la plainte le 18 novembre 2026'.replace(
        'Nous avons reçu la plainte',
        'examinions votre plainte reçue',
      ),
    );
    expect(text).toContain('à compter du 30 décembre 2026');
    expect(text).toContain('Commission des plaintes relatives aux services de télécom-télévision (CPRST)');
    expect(text).toContain('ccts-cprst.ca');
    expect(text).toContain('1-888-221-1687');
    expect(text).toContain('Notre référence : RDR-2026-000042');
    expect(text).toMatch(/Page 1 sur \d/);
    // The sign-off says the greeting's appellation again.
    expect(text).toContain('Veuillez agréer, Madame, Monsieur, nos salutations distinguées.');
    for (const word of ['Ombudsman', 'Dear', 'Yours sincerely', 'December', 'text relay', '18001', 'months', '£']) {
      expect(text, word).not.toContain(word);
    }
  });

  it('fr-CA short acknowledgement from a Québec desk: one page, the sign-off on it (explore34a #15)', async () => {
    const file = await writePdf('ack-fr-CA', acknowledgementLetter(sampleFrenchAcknowledgement()));
    expect(pagesOf(file)).toBe(1);
    const text = textOf(file);
    expect(text).toContain('Cette lettre dans un autre format');
    expect(text).toContain('Veuillez agréer, Monsieur, nos salutations distinguées.');
    expect(text).toContain('Geneviève Côté');
    expect(text).toContain('Page 1 sur 1');
  });

  it('fr-CA CCTS notice, after the second level of escalation, to a customer titled Mme', async () => {
    const canadian = sampleCanadianCase();
    const caseRecord = { ...canadian, customer: { ...canadian.customer, title: 'ms' as const } };
    const text = textOf(await writePdf('ccts-fr-CA', cctsNoticeLetter(sampleCctsNotice({ caseRecord }))));
    // The window names her with the appellation in full (OQLF), and the greeting and sign-off say it.
    expect(text).toMatch(/^Jive Mobile .* Madame Élodie Tremblay 1250/);
    expect(text).toContain('Madame, Nous avons reçu');
    expect(text).toContain('Veuillez agréer, Madame, nos salutations distinguées.');
    expect(text).toContain('réexaminée à un niveau supérieur');
    expect(text).toContain('CPRST');
    expect(text).toContain('ccts-cprst.ca');
    expect(text).toContain('1-888-221-1687');
    expect(text).toContain('gratuits pour vous');
    expect(text).toContain('nous n’essaierons pas de le recouvrer');
    expect(text).toContain('2 décembre 2026');
    expect(text).toContain('Luc Gagnon');
    for (const word of ['Ombudsman', 'Dear', 'December', 'Warrington']) expect(text, word).not.toContain(word);
  });

  it('en-CA CCTS notice: Canadian dates and the CCTS by its English name', async () => {
    const text = textOf(await writePdf('ccts-en-CA', cctsNoticeLetter(sampleCctsNotice({ language: 'en-CA' }))));
    expect(text).toContain('Commission for Complaints for Telecom-television Services (CCTS)');
    expect(text).toContain('We received the complaint on November 18, 2026.');
    expect(text).toContain('reviewed at a second level');
    expect(text).toContain('ccts-cprst.ca');
    expect(text).toContain('1-888-221-1687');
    expect(text).toContain('we will not try to collect it');
    expect(text).not.toContain('Ombudsman');
  });

  it('CCTS notice after our final position at the front line: says so, in both languages, on one page', async () => {
    const en = await writePdf(
      'ccts-final-en-CA',
      cctsNoticeLetter(sampleCctsNotice({ language: 'en-CA', afterFinalPosition: true })),
    );
    const english = textOf(en);
    expect(english).toContain('given you our final position: we cannot do any more to resolve it');
    expect(english).not.toContain('second level');
    expect(english).not.toContain('We will keep working on it');
    expect(pagesOf(en)).toBe(1);
    const fr = await writePdf('ccts-final-fr-CA', cctsNoticeLetter(sampleCctsNotice({ afterFinalPosition: true })));
    expect(textOf(fr)).toContain('vous avons donné notre position finale');
    expect(textOf(fr)).not.toContain('niveau supérieur');
  });

  it('en-CA acknowledgement offers a relay service, not UK text relay', async () => {
    const doc = acknowledgementLetter(
      sampleAcknowledgement({
        caseRecord: sampleCanadianCase(),
        settings: sampleCanadianSettings(),
        language: 'en-CA',
        nextSteps: { firstResponseDueOn: '2026-11-25', adrAvailableOn: null },
      }),
    );
    const text = textOf(await writePdf('ack-en-CA', doc));
    expect(text).toContain('We received your complaint by letter on November 18, 2026.');
    expect(text).toContain('Wednesday, November 25, 2026');
    expect(text).toContain('relay service');
    expect(text).not.toContain('18001');
    expect(text).not.toContain('Ombudsman');
  });

  it('a CCTS notice refuses a UK scheme', () => {
    expect(() => cctsNoticeLetter(sampleCctsNotice({ scheme: { schemeId: 'communications-ombudsman' } }))).toThrow(
      /CCTS/,
    );
  });
});

describe('summary resolution communication (FCA DISP) as a PDF', () => {
  it('says the complaint is resolved and names the Financial Ombudsman Service from the directory', async () => {
    const text = textOf(await writePdf('summary-resolution', summaryResolutionLetter(sampleSummaryResolution())));
    expect(text).toContain('We have resolved the complaint');
    expect(text).toContain('We believe we resolved the complaint on 20 November 2026');
    expect(text).toContain('refunded the duplicate payment of £32.50');
    expect(text).toContain('Financial Ombudsman Service');
    expect(text).toContain('financial-ombudsman.org.uk');
    expect(text).toContain('free for you to use');
  });
});

describe('large print', () => {
  const letters: Array<[string, (largePrint: boolean) => LetterDocument]> = [
    ['adr', (largePrint) => adrLetter(sampleAdrLetter('2026-04-08', { largePrint }))],
    ['update', (largePrint) => updateLetter(sampleUpdate({ largePrint }))],
    ['final', (largePrint) => finalResponseLetter(sampleFinalResponse({ largePrint }))],
    ['ccts', (largePrint) => cctsNoticeLetter(sampleCctsNotice({ largePrint }))],
    ['summary', (largePrint) => summaryResolutionLetter(sampleSummaryResolution({ largePrint }))],
    ['ack', (largePrint) => acknowledgementLetter(sampleAcknowledgement({ largePrint }))],
  ];

  /**
   * Heights (pt) of the words of the body, read from the PDF: on page 1 from the greeting on (the letterhead, address
   * window and reference block above it keep their own sizes), on every page above the footer band.
   */
  function bodyWordHeights(file: string): number[] {
    const xhtml = poppler('pdftotext', ['-bbox', file, '-']);
    const footerTop = 841.89 - 20 * (72 / 25.4); // the bottom page margin, where the footer sits
    const pages = xhtml
      .split('<page ')
      .slice(1)
      .map((page) =>
        [...page.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)]
          .map((m) => ({ top: Number(m[1]), height: Number(m[2]) - Number(m[1]), word: m[3] }))
          .filter((w) => w.top < footerTop),
      );
    const start = pages[0].findIndex((w) => w.word === 'Dear' || w.word === 'Madame,' || w.word === 'Monsieur,');
    expect(start).toBeGreaterThan(0);
    pages[0] = pages[0].slice(start);
    return pages.flat().map((w) => w.height);
  }

  for (const [name, make] of letters) {
    it(`${name}: body text at least 16 pt in large print, and every page footed`, async () => {
      const doc = make(true);
      expect(doc.defaultStyle?.fontSize).toBeGreaterThanOrEqual(16);
      const bodyStyles = Object.entries(doc.styles ?? {}).filter(
        ([styleName, style]) =>
          ['paragraph', 'heading', 'letterHeading', 'salutation', 'signOff'].includes(styleName) && style.fontSize,
      );
      for (const [styleName, style] of bodyStyles) expect(style.fontSize, styleName).toBeGreaterThanOrEqual(16);
      const file = await writePdf(`${name}-large`, doc);
      const pages = pagesOf(file);
      expect(textOf(file)).toMatch(new RegExp(`(Page|Page) ${pages} (of|sur) ${pages}`));
      // A glyph box of 16 pt Roboto is about 18.75 pt tall (ascender + descender); 10.5 pt is about 12.3 pt.
      const heights = bodyWordHeights(file);
      expect(heights.length).toBeGreaterThan(50);
      expect(Math.min(...heights)).toBeGreaterThanOrEqual(18);
      const standard = bodyWordHeights(await writePdf(`${name}-standard`, make(false)));
      expect(Math.max(...standard)).toBeLessThan(18);
    });
  }
});

it('reads the ADR wait from the rules: 8 weeks before 2026-04-08, 6 weeks from then; 12 months to refer', () => {
  expect(adrTermsFor('ofcom-gc-c4', '2026-03-30')).toMatchObject({ waitWeeks: 8, referralMonths: 12 });
  expect(adrTermsFor('ofcom-gc-c4', '2026-04-07')).toMatchObject({ waitWeeks: 8 });
  expect(adrTermsFor('ofcom-gc-c4', '2026-04-08')).toMatchObject({ waitWeeks: 6, rule: 'Ofcom GC C4 from 2026-04-08' });
  expect(adrTermsFor('fca-disp', '2026-04-08')).toMatchObject({ waitWeeks: 8, referralMonths: 6 });
  expect(() => adrTermsFor('ccts', '2026-04-08')).toThrow(/No ADR letter/);
});
