// The interface catalogue (issue #17): every English (UK) key exists in every language, every message parses as ICU
// MessageFormat, both sides use the same placeholders (and the same plural/select arguments), and the French
// reads as a Quebec customer expects (the interface glossary below; the letters' glossary is added when it exists).
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, enCA, enGB, frCA, localeFromSystem, translate } from '#lib/i18n/index';
import { glossaryFindings } from '#shared/letters/glossary';
import { INTERFACE_LOCALES } from '#shared/model/dates';

/** The arguments a message uses: "name" for {name}, "count:plural" for {count, plural, …}, nested ones too. */
export function argumentsOf(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      if (e.type === TYPE.argument) found.add(e.value);
      else if (e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) found.add(e.value);
      else if (e.type === TYPE.plural) {
        found.add(`${e.value}:plural`);
        for (const option of Object.values(e.options)) walk(option.value);
      } else if (e.type === TYPE.select) {
        found.add(`${e.value}:select`);
        for (const option of Object.values(e.options)) walk(option.value);
      } else if (e.type === TYPE.tag) {
        found.add(`<${e.value}>`);
        walk(e.children);
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

const keys = Object.keys(enGB) as (keyof typeof enGB)[];

describe('the interface catalogue', () => {
  it('has every English (UK) key in French (Canada), and no key English does not have', () => {
    expect(keys.length).toBeGreaterThan(200);
    expect(keys.filter((k) => !(k in frCA))).toEqual([]);
    expect(Object.keys(frCA).filter((k) => !(k in enGB))).toEqual([]);
    expect(Object.keys(enCA).filter((k) => !(k in enGB))).toEqual([]);
    for (const locale of INTERFACE_LOCALES) expect(Object.keys(CATALOGUES[locale]).sort()).toEqual([...keys].sort());
  });

  it('parses every message of every language as ICU MessageFormat', () => {
    const broken: string[] = [];
    for (const locale of INTERFACE_LOCALES)
      for (const [key, message] of Object.entries(CATALOGUES[locale]))
        try {
          parse(message);
        } catch (e) {
          broken.push(`${locale} ${key}: ${(e as Error).message}`);
        }
    expect(broken).toEqual([]);
  });

  it('uses the same placeholders on both sides of every translation', () => {
    const differ: string[] = [];
    for (const locale of INTERFACE_LOCALES)
      for (const key of keys) {
        const english = argumentsOf(enGB[key]);
        const other = argumentsOf(CATALOGUES[locale][key]);
        if (english.join() !== other.join()) differ.push(`${locale} ${key}: [${english.join()}] ≠ [${other.join()}]`);
      }
    expect(differ).toEqual([]);
  });

  it('writes plurals that ICU formats in each language', () => {
    expect(translate('en-GB', 'caseList.count', { total: 1 })).toBe('1 case');
    expect(translate('en-GB', 'caseList.count', { total: 12345 })).toBe('12,345 cases');
    expect(translate('fr-CA', 'caseList.count', { total: 1 })).toBe('1 dossier');
    // French: 0 and 1 are singular; thousands are grouped with a (narrow) no-break space.
    expect(translate('fr-CA', 'dashboard.due.overdue', { days: 0 })).toBe('0 jour de retard');
    expect(translate('fr-CA', 'caseList.count', { total: 12345 })).toMatch(/^12\s345 dossiers$/u);
    expect(translate('en-CA', 'app.nav.post')).toBe('Letters to mail');
    expect(translate('en-CA', 'app.nav.cases')).toBe('Cases');
  });

  it('takes the default language from the operating system', () => {
    expect(localeFromSystem(['fr-FR', 'en-GB'])).toBe('fr-CA');
    expect(localeFromSystem(['fr'])).toBe('fr-CA');
    expect(localeFromSystem(['en-CA', 'fr-CA'])).toBe('en-CA');
    expect(localeFromSystem(['en-US'])).toBe('en-GB');
    expect(localeFromSystem(['de-DE', 'fr-CA'])).toBe('fr-CA');
    expect(localeFromSystem([])).toBe('en-GB');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The interface glossary: what French (Canada) must and must not say. The word rules are the house glossary's
// (shared/letters/glossary.ts, one home for the letters and the interface), those that hold for a text the desk's
// staff read (`reader: 'staff'`: not the letters' "votre plainte", which a handler's screen writes "la plainte");
// only what is particular to the interface (English words left in the French, "(e)", the point médian) is added here.

const INTERFACE_ONLY: Array<{ term: RegExp; why: string }> = [
  { term: /\b(Customer|Handler|Settings|Dashboard|Reports)\b/, why: 'English left in the French' },
  { term: /\b(choisi|inscrit|ajouté|désactivé|connecté)\s*\(e\)/i, why: 'write gender-neutral, not “(e)”' },
  { term: /·e\b/, why: 'no point médian: write gender-neutral sentences' },
];

describe('the French of the interface', () => {
  it('keeps to the glossary: typographic apostrophes, no anglicisms, la CPRST, gender-neutral', () => {
    const found: string[] = [];
    for (const [key, message] of Object.entries(frCA)) {
      for (const { term, why } of INTERFACE_ONLY) if (term.test(message)) found.push(`${key}: ${why} — ${message}`);
      for (const f of glossaryFindings(message, 'fr-CA', { reader: 'staff' }))
        found.push(`${key}: ${f.rule} (${f.instead}) — ${f.found}`);
    }
    expect(found).toEqual([]);
  });

  it('speaks of the complaint to a handler, not to the customer: no “votre plainte” on a staff screen', () => {
    // "Votre plainte" is the letters' rule (the complaint is the reader's); the interface is read by the desk, and
    // the glossary's own 'votre-plainte' rule (for staff) is run on every message by the test above.
    const staff = (text: string) => glossaryFindings(text, 'fr-CA', { reader: 'staff' }).map((f) => f.rule);
    expect(staff('Date de réception de la plainte')).toEqual([]);
    expect(staff('Date de réception de votre plainte')).toEqual(['votre-plainte']);
    expect(glossaryFindings('Date de réception de la plainte', 'fr-CA').map((f) => f.rule)).toEqual(['la-plainte']);
  });

  it('names the CPRST wherever the English names the CCTS', () => {
    const missing = keys.filter((k) => /\bCCTS\b/.test(enGB[k]) && !/\bCPRST\b/.test(frCA[k]));
    expect(missing).toEqual([]);
  });

  it('calls one thing by one name: the same English words read the same in French, unless listed here with why', () => {
    // The English words of several keys, translated differently on purpose (French agrees with its noun and tells a
    // verb from an adjective where English does not). Anything else that differs is the same thing named twice, as
    // the ADR scheme once was ("organisme de recours externe" on one screen, "… de règlement des différends" on two).
    const MEANT: Record<string, string> = {
      Open: 'a case that is open (Ouvert) and a button that opens an email (Ouvrir)',
      Closed: 'a status (Fermé) and a column of dates (Fermé le)',
      Summary: 'the dashboard’s overview (Sommaire) and the complaint’s summary (Résumé)',
      Handler: 'a column or filter (Responsable) and the case page’s field (Responsable du dossier)',
      'Next due':
        'the sort box, a seventh of the filter row, has room for « Échéance »; the column for « Prochaine échéance »',
      Customer: 'the person in a list (Personne cliente) and the account holder of a case',
      Received: 'a column of dates (Reçue le) and the case page’s field',
      Compensation: 'amounts in a report (Indemnités) and a kind of payment (Indemnisation)',
      'no date': 'a reminder’s date (sans date) and a procedure’s field (aucune date)',
      Details: 'a column (Détails) and the vulnerability form’s field (Précisions)',
      'Vulnerability and health details': 'in a sentence (Les renseignements…) and as a title',
      '{message}': 'a technical detail, said with what it is about',
      Added: 'restored rows (Ajoutés) and a file (Ajouté)',
      Removed: 'restored rows (Retirés) and a file (Retiré)',
      Preview: 'a panel (Aperçu) and a button (Prévisualiser)',
      Remove: 'a stage taken out of the form being edited (Retirer) and a procedure deleted from the desk (Supprimer)',
      Channel:
        'how a complaint was received (Mode de réception) and a contact, which may go out (Mode de communication)',
      'Choose the channel': 'the same two: a complaint received and a contact either way',
      '{name} (retired)': 'a provider (le fournisseur, retiré) and a procedure (la procédure, retirée)',
      'No copy for the customer':
        'a print run’s column (la clientèle) and a letter to a representative (le ou la titulaire)',
      From: 'the first day of a period (Du) and an email’s sender (De)',
      To: 'the last day of a period (Au) and an email’s recipients (À)',
    };
    const frenchOf = new Map<string, Map<string, string[]>>();
    for (const key of keys) {
      const french = frCA[key].toLocaleLowerCase('fr');
      const byFrench = frenchOf.get(enGB[key]) ?? new Map<string, string[]>();
      byFrench.set(french, [...(byFrench.get(french) ?? []), key]);
      frenchOf.set(enGB[key], byFrench);
    }
    const twice = [...frenchOf]
      .filter(([english, byFrench]) => byFrench.size > 1 && !(english in MEANT))
      .map(([english, byFrench]) => `${english}: ${[...byFrench.values()].map((k) => k.join(', ')).join(' / ')}`);
    expect(twice).toEqual([]);
    // The list stays true: each entry still names English that is translated more than one way.
    const stale = Object.keys(MEANT).filter((english) => (frenchOf.get(english)?.size ?? 0) < 2);
    expect(stale).toEqual([]);
  });

  it('translates every message that is words (no English left as it was)', () => {
    const SAME_IN_BOTH =
      /^(\{[^}]+\}|—|Redress|Total|Menu|Logo|Mx|Canada \(CRTC\)|Cc|SHA-256|SHA-256 \{sha\}|PDF|\{type\}, \{size\}|\{name\} \(\{relationship\}\)|Actions|Date|Notes|Note|\{date\} — \{when\}|Licences|UTF-8|Windows-1252|Redress \{version\}|Service|Canada \(fédéral\)|\{screen\} — Redress|\{scheme\} · Canada|\{name\} v\{version\}\.)$/;
    const untranslated = keys.filter((k) => enGB[k] === frCA[k] && !SAME_IN_BOTH.test(enGB[k]));
    expect(untranslated).toEqual([]);
  });
});
