// The glossary (./glossary.ts) held against every letter: every kind, in English and French, to a customer with each
// title and with none, to a representative, with a name typed with a straight apostrophe (O'Brien). The text is the
// letter builder's (the words pdfmake will set), footer and PDF title included.
import { describe, expect, it } from 'vitest';
import type { CaseRecord, CustomerTitle } from '#shared/model/case';
import { DEFAULT_ADR_DIRECTORY, getAdrScheme } from '#shared/rules/adr-schemes';
import { LANGUAGES, type LetterLanguage, schemeNamesIn } from './catalogue';
import type { LetterDocument } from './document';
import { documentText, contentText, sampleCanadianCase, sampleCase, sampleLetterOfEveryKind } from './fixtures';
import { glossaryFindings, glossaryRules, letterGlossaryFindings } from './glossary';
import { greeting } from './salutation';

const LETTER_LANGUAGES: LetterLanguage[] = ['en-GB', 'en-CA', 'fr-CA'];
const TITLES: Array<CustomerTitle | undefined> = [undefined, 'ms', 'mrs', 'mr', 'mx', 'dr'];

/** The letter's words in reading order, then its footer. (Its PDF title is metadata: checked word by word below.) */
function allText(doc: LetterDocument): string {
  const footer = doc.footer ? contentText(doc.footer(1, 2)) : '';
  return [documentText(doc), footer].join('\n');
}

function caseFor(
  language: LetterLanguage,
  title: CustomerTitle | undefined,
  options: { representative?: boolean } = {},
) {
  const base = language === 'en-GB' ? sampleCase() : sampleCanadianCase();
  const record: CaseRecord = {
    ...base,
    customer: { ...base.customer, name: "Siobhán O'Brien", ...(title ? { title } : {}) },
    ...(options.representative
      ? {
          representative: {
            name: "Daniel O'Neill",
            relationship: 'son',
            address: { lines: ['Flat 3', '9 Harbour Way', 'Dover'], postcode: 'CT16 1AA' },
          },
        }
      : {}),
  };
  return record;
}

const schemeFor = (language: LetterLanguage, kind: string) =>
  schemeNamesIn(
    language,
    getAdrScheme(
      language === 'en-GB'
        ? kind === 'summary-resolution'
          ? 'financial-ombudsman'
          : 'communications-ombudsman'
        : 'ccts',
      '2026-11-21',
      DEFAULT_ADR_DIRECTORY,
    ),
  );

describe.each(LETTER_LANGUAGES)('every %s letter keeps the glossary', (language) => {
  for (const representative of [false, true]) {
    it.each(TITLES.map((t) => [t ?? 'no title'] as const))(
      `to a customer with %s${representative ? ', through a representative' : ''}`,
      (titleName) => {
        const title = titleName === 'no title' ? undefined : (titleName as CustomerTitle);
        const caseRecord = caseFor(language, title, { representative });
        for (const { kind, doc } of sampleLetterOfEveryKind(language, { caseRecord })) {
          const text = allText(doc);
          const verbatim = ["Siobhán O'Brien", "O'Brien", "Daniel O'Neill"];
          expect(glossaryFindings(doc.info?.title ?? '', language, { verbatim }), kind).toEqual([]);
          const findings = letterGlossaryFindings(text, language, {
            verbatim,
            customerTitled: title !== undefined,
            schemeNames: schemeFor(language, kind),
          });
          expect(findings, `${kind}\n${text}`).toEqual([]);
          // O'Brien keeps what the desk typed.
          expect(text).toContain("O'Brien");
        }
      },
    );
  }
});

describe('the greeting follows the recorded title', () => {
  it('English: "Dear Ms O’Brien," with a title, the full name without one', () => {
    const letters = (title?: CustomerTitle, language: LetterLanguage = 'en-GB') =>
      sampleLetterOfEveryKind(language, { caseRecord: caseFor(language, title) }).map(({ doc }) => documentText(doc));
    for (const text of letters('ms')) expect(text).toContain("Dear Ms O'Brien,");
    for (const text of letters()) expect(text).toContain("Dear Siobhán O'Brien,");
    for (const text of letters('dr', 'en-CA')) expect(text).toContain("Dear Dr. O'Brien,");
    expect(greeting('en-GB', { name: 'Ludwig van Beethoven', title: 'mr' })).toBe('Dear Mr van Beethoven,');
    expect(greeting('en-GB', { name: 'Amara Okafor' })).toBe('Dear Amara Okafor,');
  });

  it('French: "Madame," / "Monsieur," from the title, "Madame, Monsieur," when it says no gender or there is none', () => {
    const opening = (title?: CustomerTitle) =>
      sampleLetterOfEveryKind('fr-CA', { caseRecord: caseFor('fr-CA', title) }).map(({ doc }) =>
        documentText(doc)
          .split('\n')
          .find((line) => /^(Madame|Monsieur)(, Monsieur)?,$/.test(line)),
      );
    expect(new Set(opening('ms'))).toEqual(new Set(['Madame,']));
    expect(new Set(opening('mrs'))).toEqual(new Set(['Madame,']));
    expect(new Set(opening('mr'))).toEqual(new Set(['Monsieur,']));
    for (const title of [undefined, 'mx', 'dr'] as const)
      expect(new Set(opening(title))).toEqual(new Set(['Madame, Monsieur,']));
  });

  it('French: the envelope window names the addressee with the appellation in full when the title says it (OQLF)', () => {
    const lines = (language: 'fr-CA' | 'en-GB', title?: CustomerTitle) =>
      sampleLetterOfEveryKind(language, { caseRecord: caseFor(language, title) }).map(({ doc }) =>
        documentText(doc).split('\n'),
      );
    for (const [title, line] of [
      ['ms', "Madame Siobhán O'Brien"],
      ['mrs', "Madame Siobhán O'Brien"],
      ['mr', "Monsieur Siobhán O'Brien"],
    ] as const)
      for (const letter of lines('fr-CA', title)) expect(letter).toContain(line);
    // Mx, Dr or no title: the name alone; English prints the name as typed.
    for (const title of [undefined, 'mx', 'dr'] as const)
      for (const letter of lines('fr-CA', title)) {
        expect(letter).toContain("Siobhán O'Brien");
        expect(letter.filter((l) => /^(Madame|Monsieur) Siobhán/.test(l))).toEqual([]);
      }
    for (const letter of lines('en-GB', 'ms')) expect(letter.filter((l) => /^Ms Siobhán/.test(l))).toEqual([]);
  });

  it('French: the subject line comes before the greeting, and the sign-off says the appellation again (OQLF)', () => {
    const appellations = { ms: 'Madame', mr: 'Monsieur', dr: 'Madame, Monsieur' } as const;
    for (const [title, appellation] of Object.entries(appellations) as [CustomerTitle, string][]) {
      for (const { kind, doc } of sampleLetterOfEveryKind('fr-CA', { caseRecord: caseFor('fr-CA', title) })) {
        const lines = documentText(doc).split('\n');
        const at = lines.indexOf(`${appellation},`);
        expect(at, kind).toBeGreaterThan(0);
        // The line before the greeting is the letter's subject line (its bold heading).
        const subject = doc.content.find(
          (node) => typeof node === 'object' && 'style' in node && [node.style].flat().includes('letterHeading'),
        );
        expect(typeof subject === 'object' && 'text' in subject ? subject.text : undefined, kind).toBe(lines[at - 1]);
        expect(lines, kind).toContain(`Veuillez agréer, ${appellation}, nos salutations distinguées.`);
      }
    }
    // English keeps the greeting first.
    const [ack] = sampleLetterOfEveryKind('en-GB', { caseRecord: caseFor('en-GB', 'ms') });
    const lines = documentText(ack.doc).split('\n');
    expect(lines[lines.indexOf("Dear Ms O'Brien,") + 1]).toBe('We have received your complaint');
    expect(lines).toContain('Yours sincerely');
  });

  it('a representative letter names a titled customer, never "them"', () => {
    const [ack] = sampleLetterOfEveryKind('en-GB', { caseRecord: caseFor('en-GB', 'ms', { representative: true }) });
    expect(documentText(ack.doc)).toContain("We are sending Ms O'Brien a copy of this letter.");
    const [untitled] = sampleLetterOfEveryKind('en-GB', {
      caseRecord: caseFor('en-GB', undefined, { representative: true }),
    });
    expect(documentText(untitled.doc)).toContain('We are sending them a copy of this letter.');
    // The representative is greeted by name (no title is recorded for them).
    expect(documentText(ack.doc)).toContain("Dear Daniel O'Neill,");
  });

  it('in French, a customer titled Dr or Mx is named in full in a sentence; M. and Mme are kept', () => {
    const copyLine = (title?: CustomerTitle) => {
      const [ack] = sampleLetterOfEveryKind('fr-CA', { caseRecord: caseFor('fr-CA', title, { representative: true }) });
      return documentText(ack.doc)
        .split('\n')
        .find((line) => line.includes('une copie de cette lettre à'));
    };
    expect(copyLine('ms')).toContain("une copie de cette lettre à Mme O'Brien.");
    expect(copyLine('mr')).toContain("une copie de cette lettre à M. O'Brien.");
    for (const title of ['dr', 'mx'] as const)
      expect(copyLine(title)).toContain("une copie de cette lettre à Siobhán O'Brien.");
  });
});

describe('the catalogue itself', () => {
  it.each(Object.keys(LANGUAGES) as LetterLanguage[])('%s: every message keeps the word rules', (language) => {
    const findings = Object.entries(LANGUAGES[language].messages).flatMap(([key, template]) =>
      // A placeholder is a value filled in later ({email}), not a word of the message.
      glossaryFindings(template.replace(/\{\w+\}/g, '…'), language).map((f) => `${key}: ${f.rule}: ${f.found}`),
    );
    expect(findings).toEqual([]);
  });
});

describe('the glossary finds what it forbids', () => {
  it('French: "la plainte", an anglicism, masculine agreement, a straight apostrophe, the CCTS by another name', () => {
    const rules = (text: string, verbatim: string[] = []) =>
      glossaryFindings(text, 'fr-CA', { verbatim }).map((f) => f.rule);
    expect(rules('Nous continuerons de travailler sur la plainte.')).toEqual(['la-plainte', 'travailler-sur']);
    expect(rules('Nous vous tiendrons informé. Si vous n’êtes pas satisfait, écrivez-nous.')).toEqual([
      'satisfait',
      'informé',
    ]);
    expect(rules("Merci d'avoir écrit.")).toEqual(['typewriter-apostrophe']);
    expect(rules("Madame O'Brien,", ["O'Brien"])).toEqual([]);
    expect(rules('Notre clientèle nous écrit.')).toEqual([]);
    expect(rules('Notre client nous écrit.')).toEqual(['client']);
    expect(rules('Site Web : ccts-cprst.ca')).toEqual(['espace-deux-points']);
    expect(rules('Site Web\u00a0: ccts-cprst.ca')).toEqual([]);
    expect(rules('Le bouton « Fermer » ferme.')).toEqual(['guillemets-espace', 'guillemets-espace']);
    expect(rules('Le bouton «\u00a0Fermer\u00a0» ferme.')).toEqual([]);
    expect(rules('Demandez à la CCTS.')).toEqual(['ccts']);
  });

  it('knows whom a rule is for: "votre plainte" in a letter, "la plainte" on a handler’s screen', () => {
    const rules = (text: string, reader?: 'customer' | 'staff') =>
      glossaryFindings(text, 'fr-CA', { reader }).map((f) => f.rule);
    expect(rules('Nous avons reçu la plainte.')).toEqual(['la-plainte']);
    expect(rules('Nous avons reçu la plainte.', 'customer')).toEqual(['la-plainte']);
    expect(rules('Date de réception de la plainte', 'staff')).toEqual([]);
    expect(rules('Date de réception de votre plainte', 'staff')).toEqual(['votre-plainte']);
    expect(rules('Nous avons reçu votre plainte.')).toEqual([]);
    expect(rules('Bonjour,\nMerci.', 'staff')).toEqual([]);
    // Rules for everyone hold on both sides.
    expect(rules('Travailler sur la demande', 'staff')).toEqual(['travailler-sur']);
    expect(glossaryRules('fr-CA', 'customer').map((r) => r.id)).toContain('la-plainte');
    expect(glossaryRules('fr-CA', 'staff').map((r) => r.id)).not.toContain('la-plainte');
    expect(glossaryRules('fr-CA', 'customer').map((r) => r.id)).not.toContain('votre-plainte');
  });

  it('a whole letter: the full name once and first, then the short name; la CPRST; no "them" for a titled customer', () => {
    const fr = {
      long: 'la Commission des plaintes relatives aux services de télécom-télévision (CPRST)',
      short: 'la CPRST',
    };
    const ok = `Demandez à ${fr.long}. La CPRST est gratuite.\nCPRST\nSite Web\u00a0: ccts-cprst.ca`;
    expect(letterGlossaryFindings(ok, 'fr-CA', { schemeNames: fr })).toEqual([]);
    const rules = (text: string) => letterGlossaryFindings(text, 'fr-CA', { schemeNames: fr }).map((f) => f.rule);
    expect(rules(`Demandez à ${fr.long}. Écrivez à ${fr.long}.`)).toEqual(['scheme-long-name-once']);
    expect(rules('Demandez à la CPRST.')).toEqual(['scheme-long-name-once']);
    expect(rules(`La CPRST vous aide. Demandez à ${fr.long}.`)).toEqual(['scheme-long-name-first']);
    expect(rules(`Demandez à ${fr.long}. L’organisme CPRST vous aide.`)).toEqual(['organisme-cprst', 'la-cprst']);
    const en = (text: string, customerTitled: boolean) =>
      letterGlossaryFindings(text, 'en-GB', { customerTitled }).map((f) => f.rule);
    expect(en('We are sending them a copy.', true)).toEqual(['customer-not-them']);
    expect(en('We are sending them a copy.', false)).toEqual([]);
  });
});
