// The house glossary for what customers and staff read (issue #17): terms a text must not use, each with what to
// write instead and why. One list for the letters (scanned by shared/letters/glossary.test.ts, every kind of letter in
// every language) and for the interface's message catalogue, which scans its strings with the same functions.
//
// - `glossaryFindings(text, language, { reader })` checks one string against the word rules (any text: a catalogue
//   message, an interface string, a whole letter). Each rule says whom it is for: most hold everywhere, but some are
//   rules of a letter to the customer ("votre plainte", not "la plainte"; the appellation, not "Bonjour"), and one is
//   the interface's: a handler's screen says "la plainte", never "votre plainte" (the complaint is not the handler's).
//   The interface's scan passes `reader: 'staff'`; a letter's (the default) `reader: 'customer'`.
// - `letterGlossaryFindings(text, language, context)` adds the rules that need a whole letter: the scheme's full name
//   once and then its short name, one name for the CCTS, no "them" for a customer whose title was recorded.
// Text the desk typed (a customer's name such as O'Brien, an address, the desk's own paragraphs) is passed as
// `verbatim`: it is masked before scanning, because it keeps what the desk typed.
import { type Language, languageOfLocale } from '#shared/model/dates';

/** 'en' or 'fr' (a full tag such as 'fr-CA' is read by `languageOfLocale`): rules are per language. */
export type GlossaryLanguage = Language;

/**
 * Who reads the text: 'customer' (a letter, addressed to the customer) or 'staff' (the interface, read by the desk's
 * handlers): each takes the rules for everyone and its own ('letters' or 'interface').
 */
export type GlossaryReader = 'customer' | 'staff';

export interface GlossaryRule {
  id: string;
  language: GlossaryLanguage;
  /** What must not appear (global, so every occurrence is reported). */
  forbidden: RegExp;
  /** What to write instead. */
  instead: string;
  why: string;
  /**
   * 'letters': a rule of a text addressed to the customer only; 'interface': of a text the desk's staff read only;
   * 'everywhere': letters and interface alike.
   */
  appliesTo: 'letters' | 'interface' | 'everywhere';
}

export interface GlossaryFinding {
  rule: string;
  /** The text found, with a few words around it. */
  found: string;
  instead: string;
  why: string;
}

/** `\b` that knows accented letters (JavaScript's own stops at "é", so "client" would match in "clientèle"). */
const WORD_EDGE = String.raw`(?:(?<![\p{L}\p{N}_])(?=[\p{L}\p{N}_])|(?<=[\p{L}\p{N}_])(?![\p{L}\p{N}_]))`;

const rule = (
  language: GlossaryLanguage,
  id: string,
  forbidden: RegExp,
  instead: string,
  why: string,
  appliesTo: GlossaryRule['appliesTo'] = 'everywhere',
): GlossaryRule => ({
  id,
  language,
  forbidden: new RegExp(
    forbidden.source.replaceAll(String.raw`\b`, WORD_EDGE),
    `${forbidden.flags.replace(/[gu]/g, '')}gu`,
  ),
  instead,
  why,
  appliesTo,
});

const MASCULINE = 'no masculine agreement for a customer whose gender we do not know: write a gender-neutral sentence';
const ANGLICISM = 'an anglicism a Quebec reader notices';

export const GLOSSARY: readonly GlossaryRule[] = [
  // Both languages
  rule('en', 'typewriter-apostrophe', /'/, '’ (typographic apostrophe)', 'typography: curly apostrophes everywhere'),
  rule('fr', 'typewriter-apostrophe', /'/, '’ (apostrophe typographique)', 'typographie : apostrophe courbe partout'),
  rule(
    'fr',
    'guillemets-espace',
    /« | »/,
    '«\u00a0…\u00a0» (espace insécable)',
    'typography: a no-break space inside guillemets, or a line can break between the guillemet and its word',
  ),

  // French: the complaint is the customer's (in a letter to them; a handler's screen says "la plainte")
  rule(
    'fr',
    'la-plainte',
    /\b(la|cette) plainte\b/i,
    'votre plainte',
    'the complaint is the reader’s: "votre plainte"',
    'letters',
  ),
  rule(
    'fr',
    'votre-plainte',
    /\bvotre plainte\b/i,
    'la plainte',
    'a handler reads the interface: the complaint is the customer’s, not the reader’s',
    'interface',
  ),
  // French: no masculine agreement for the customer
  rule('fr', 'satisfait', /\b(in)?satisfaite?s?\b/i, 'ne vous convient pas', MASCULINE),
  rule('fr', 'informé', /\binformée?s?\b/i, 'nous vous tiendrons au courant', MASCULINE),
  rule('fr', 'sourd', /\b(sourde?s?|malentendante?s?)\b/i, 'si vous avez une surdité ou une perte auditive', MASCULINE),
  rule('fr', 'client', /\b(notre |le |un |du |au |cher |chère )?clients?\b/i, 'titulaire du compte, vous', MASCULINE),
  rule(
    'fr',
    'cher',
    /\b(cher|chère) (monsieur|madame|client)/i,
    'Madame, / Monsieur, / Madame, Monsieur,',
    MASCULINE,
    'letters',
  ),
  rule(
    'fr',
    'bonjour',
    /^\s*Bonjour\b/im,
    'Madame, / Monsieur, / Madame, Monsieur,',
    'a letter opens with the appellation',
    'letters',
  ),
  // French: anglicisms
  rule('fr', 'travailler-sur', /\btravaill\w* sur\b/i, 'traiter votre plainte', ANGLICISM),
  rule('fr', 'appliquer', /\bappliqu\w* (pour|sur)\b/i, 'présenter une demande', ANGLICISM),
  rule('fr', 'à-date', /\bà date\b/i, 'jusqu’à maintenant', ANGLICISM),
  rule('fr', 'en-charge', /\ben charge (de|du|des)\b/i, 'responsable de', ANGLICISM),
  rule('fr', 'céduler', /\b(re)?cédul\w*/i, 'planifier, fixer', ANGLICISM),
  rule('fr', 'canceller', /\bcancell?\w*/i, 'annuler', ANGLICISM),
  rule('fr', 'email', /\be-?mails?\b/i, 'courriel', ANGLICISM),
  rule('fr', 'opportunité', /\bopportunités?\b/i, 'occasion', ANGLICISM),
  rule('fr', 'éligible', /\béligibles?\b/i, 'admissible', ANGLICISM),
  rule('fr', 'faire-du-sens', /\bfai\w* du sens\b/i, 'avoir du sens', ANGLICISM),
  rule('fr', 'supposé', /\b(être|est|sont|êtes) supposée?s?\b/i, 'être censé, devoir', ANGLICISM),
  rule('fr', 'prendre-action', /\bprendre action\b/i, 'agir', ANGLICISM),
  rule('fr', 'en-autant', /\ben autant que\b/i, 'pourvu que', ANGLICISM),
  rule('fr', 'compléter-formulaire', /\bcompl[ée]t\w* (le|un|ce) formulaire\b/i, 'remplir le formulaire', ANGLICISM),
  rule('fr', 'chat', /\bchat\b/i, 'clavardage', ANGLICISM),
  // French: the CCTS has one name in French
  rule('fr', 'ccts', /\bCCTS\b/, 'la CPRST', 'one name for the CCTS in French: la CPRST'),
  rule('fr', 'organisme-cprst', /\b(l’organisme|l'organisme) CPRST\b/i, 'la CPRST', 'one name for the CCTS: la CPRST'),
  // French typography: a non-breaking space before : ; ? ! (never an ordinary one, which may start a line with it)
  rule('fr', 'espace-deux-points', / [:;?!]/, '\u00a0: (espace insécable)', 'French typography: a non-breaking space'),

  // English
  rule('en', 'deadlock', /\bdeadlock\w*/i, 'final response', 'jargon the customer does not use'),
];

/** `text` with every verbatim string (what the desk typed) blanked out, keeping its length. */
function masked(text: string, verbatim: readonly string[]): string {
  let out = text;
  for (const piece of verbatim) {
    const trimmed = piece.trim();
    if (trimmed) out = out.split(trimmed).join('\u2060'.repeat(trimmed.length));
  }
  return out;
}

function around(text: string, index: number, length: number): string {
  return text
    .slice(Math.max(0, index - 25), index + length + 25)
    .replace(/\u2060+/g, '…')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The rules for a text in this language read by this reader (a letter's: all of them; the interface's: fewer). */
export function glossaryRules(language: string, reader: GlossaryReader = 'customer'): GlossaryRule[] {
  const lang = languageOfLocale(language);
  const applies = reader === 'customer' ? 'letters' : 'interface';
  return GLOSSARY.filter((r) => r.language === lang && (r.appliesTo === 'everywhere' || r.appliesTo === applies));
}

/**
 * Every glossary rule `text` breaks, in this language, for its reader (a letter, the customer, unless told 'staff');
 * text the desk typed (`verbatim`) is not checked.
 */
export function glossaryFindings(
  text: string,
  language: string,
  options: { verbatim?: readonly string[]; skip?: readonly string[]; reader?: GlossaryReader } = {},
): GlossaryFinding[] {
  const scanned = masked(text, options.verbatim ?? []);
  const findings: GlossaryFinding[] = [];
  for (const r of glossaryRules(language, options.reader)) {
    if (options.skip?.includes(r.id)) continue;
    for (const m of scanned.matchAll(r.forbidden)) {
      findings.push({ rule: r.id, found: around(scanned, m.index, m[0].length), instead: r.instead, why: r.why });
    }
  }
  return findings;
}

/** What a whole-letter check needs to know besides the text. */
export interface LetterGlossaryContext {
  /** What the desk typed (names, addresses, the desk's paragraphs): kept as typed, not scanned. */
  verbatim?: readonly string[];
  /** The desk recorded the customer's title: they are named ("Ms Okafor"), never "them". */
  customerTitled?: boolean;
  /** The scheme the letter names, as catalogue.schemeNamesIn gives it. */
  schemeNames?: { long: string; short: string };
}

const count = (text: string, part: string) => (part ? text.split(part).length - 1 : 0);
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The word rules, and those of a whole letter: scheme names, the CPRST, the customer not "them". */
export function letterGlossaryFindings(
  text: string,
  language: string,
  context: LetterGlossaryContext = {},
): GlossaryFinding[] {
  const findings = glossaryFindings(text, language, { verbatim: context.verbatim });
  const lang = languageOfLocale(language);
  const scanned = masked(text, context.verbatim ?? []);
  const names = context.schemeNames;
  if (names && names.long !== names.short) {
    const longs = count(scanned, names.long) + count(scanned, capitalised(names.long));
    const firstShort = Math.min(
      ...[scanned.indexOf(names.short), scanned.indexOf(capitalised(names.short))].filter((i) => i >= 0),
    );
    const firstLong = Math.min(
      ...[scanned.indexOf(names.long), scanned.indexOf(capitalised(names.long))].filter((i) => i >= 0),
    );
    const mentioned = Number.isFinite(firstShort) || Number.isFinite(firstLong);
    if (mentioned && longs !== 1) {
      findings.push({
        rule: 'scheme-long-name-once',
        found: `${longs} times: ${names.long}`,
        instead: `${names.long} once, then ${names.short}`,
        why: 'the scheme’s full name appears once per letter, then its short name',
      });
    } else if (mentioned && firstShort < firstLong) {
      findings.push({
        rule: 'scheme-long-name-first',
        found: around(scanned, firstShort, names.short.length),
        instead: `${names.long} at the first mention`,
        why: 'the reader meets the full name before the short one',
      });
    }
  }
  if (lang === 'fr') {
    // "la CPRST" in a sentence, "(CPRST)" closing its full name, or "CPRST" alone heading its contact details.
    for (const m of scanned.matchAll(/CPRST/g)) {
      const lineStart = scanned.lastIndexOf('\n', m.index) + 1;
      const lineEnd = scanned.indexOf('\n', m.index);
      const line = scanned.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).trim();
      const before = scanned.slice(Math.max(0, m.index - 3), m.index);
      if (/(la|La) $/.test(before) || before.endsWith('(') || line === 'CPRST') continue;
      findings.push({
        rule: 'la-cprst',
        found: around(scanned, m.index, 5),
        instead: 'la CPRST',
        why: 'one name for the CCTS per letter: la CPRST',
      });
    }
  }
  if (lang === 'en' && context.customerTitled) {
    for (const m of scanned.matchAll(/\bthem\b/gi)) {
      findings.push({
        rule: 'customer-not-them',
        found: around(scanned, m.index, m[0].length),
        instead: 'the customer’s title and surname ("Ms Okafor")',
        why: 'a customer whose title was recorded is not "them"',
      });
    }
  }
  return findings;
}
