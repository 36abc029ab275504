// Whether a letter (or the subject-access summary, or the complaints report) can print every character it holds. pdfmake draws a character the
// font has no glyph for as an empty box (or nothing), and it lays text out left to right with no bidirectional
// algorithm and no colour emoji: a Chinese or Arabic name or an emoji would leave the letter unreadable and still be
// recorded as issued. So every character of the text a document draws is checked against the letter font's own
// coverage (./font-coverage.ts, generated from the font files) before it is made, and the document is refused with
// the characters named, and where they are, instead of being printed wrong. Pure: no DOM, no fonts loaded.
import type { CaseRecord } from '#shared/model/case';
import { LETTER_FONT_COVERAGE } from './font-coverage';

export type UnprintableReason = 'right-to-left' | 'emoji' | 'control' | 'not-in-font';

/** One character (or emoji sequence) the letter cannot print, as it is shown to the desk, and why. */
export interface UnprintableCharacter {
  /** What is shown: the character, an emoji sequence whole, or U+XXXX for an invisible one. */
  shown: string;
  reason: UnprintableReason;
}

/** A piece of the text with where it comes from in words, e.g. "the customer's name", and as data (m17b). */
export interface TextSource {
  where: string;
  text: string;
  place?: TextPlace;
}

/** Where a text is, as data: a place of CASE_, SUMMARY_ or REPORT_TEXT_PLACES, with the case it is in. */
export interface TextPlace {
  place: CaseTextPlace | SummaryTextPlace | ReportTextPlace;
  reference?: string;
}

export interface Unprintable {
  /** Distinct, in the order they first appear. */
  characters: UnprintableCharacter[];
  /** Where they are, in words ("the customer's name"), in the order of the sources given. */
  where: string[];
  /** The same places as data, where the sources said (null: only in words). */
  places?: Array<TextPlace | null>;
}

/** Whether the letter font has a glyph for a code point (a binary search of the coverage ranges). */
export function fontHasGlyph(codePoint: number): boolean {
  let lo = 0;
  let hi = LETTER_FONT_COVERAGE.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [first, last] = LETTER_FONT_COVERAGE[mid];
    if (codePoint < first) hi = mid - 1;
    else if (codePoint > last) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Scripts written right to left: pdfmake would print their letters in the wrong order, unjoined. */
const RIGHT_TO_LEFT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Mende_Kikakui}\p{Script=Old_Hungarian}\p{Script=Imperial_Aramaic}\p{Script=Phoenician}\p{Script=Avestan}\p{Script=Yezidi}\u200F\u202B\u202E\u2067]/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}/u;
/** Parts of an emoji sequence after its first character: variation selector 16, skin tones, keycap, tags. */
const EMOJI_COMPONENT = (cp: number) =>
  cp === 0xfe0f || (cp >= 0x1f3fb && cp <= 0x1f3ff) || cp === 0x20e3 || (cp >= 0xe0020 && cp <= 0xe007f);
const ZWJ = 0x200d;
/** Laid out by pdfmake itself (line breaks, tab), never drawn as glyphs. */
const LAYOUT = new Set([0x09, 0x0a, 0x0d]);
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Cs}]/u;
const MARK = /\p{M}/u;

const isEmojiStart = (cp: number, ch: string) =>
  EMOJI_PRESENTATION.test(ch) || (PICTOGRAPHIC.test(ch) && !fontHasGlyph(cp));
const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** Every character of `text` the letter cannot print, in order (repeats included). */
export function unprintableIn(text: string): UnprintableCharacter[] {
  const out: UnprintableCharacter[] = [];
  const points = Array.from(text);
  /** The index of the last code point taken into the last character pushed. */
  let lastEnd = -1;
  for (let i = 0; i < points.length; i += 1) {
    const ch = points[i];
    const cp = ch.codePointAt(0)!;
    if (LAYOUT.has(cp)) continue;
    if (isEmojiStart(cp, ch) || (cp >= 0x1f1e6 && cp <= 0x1f1ff)) {
      // The whole sequence, shown as one: 👍🏽, 👩‍💻, 🇬🇧, 1️⃣.
      let shown = ch;
      while (i + 1 < points.length) {
        const next = points[i + 1].codePointAt(0)!;
        if (
          EMOJI_COMPONENT(next) ||
          (cp >= 0x1f1e6 && cp <= 0x1f1ff && next >= 0x1f1e6 && next <= 0x1f1ff && shown.length === 2)
        ) {
          shown += points[++i];
        } else if (
          next === ZWJ &&
          i + 2 < points.length &&
          isEmojiStart(points[i + 2].codePointAt(0)!, points[i + 2])
        ) {
          shown += points[++i] + points[++i];
        } else break;
      }
      out.push({ shown, reason: 'emoji' });
      lastEnd = i;
      continue;
    }
    if (RIGHT_TO_LEFT.test(ch)) {
      out.push({ shown: INVISIBLE.test(ch) ? hex(cp) : MARK.test(ch) ? `\u25CC${ch}` : ch, reason: 'right-to-left' });
      continue;
    }
    if (EMOJI_COMPONENT(cp)) {
      // A keycap or emoji selector after a character the font has (1️⃣, ©️): shown with what it follows.
      const last = out.at(-1);
      if (last && lastEnd === i - 1 && last.reason === 'emoji') last.shown += ch;
      else
        out.push({
          shown:
            cp === 0xfe0f || cp === 0x20e3
              ? (i > 0 && !LAYOUT.has(points[i - 1].codePointAt(0)!) ? points[i - 1] : '') + ch
              : hex(cp),
          reason: 'emoji',
        });
      lastEnd = i;
      continue;
    }
    if (INVISIBLE.test(ch) && (cp < 0x20 || !fontHasGlyph(cp) || cp === 0x7f)) {
      out.push({ shown: hex(cp), reason: 'control' });
      continue;
    }
    if (!fontHasGlyph(cp)) out.push({ shown: MARK.test(ch) ? `\u25CC${ch}` : ch, reason: 'not-in-font' });
  }
  return out;
}

/**
 * `text` with every character the letter font cannot print written as its code ("[U+1F620]"), joiners and emoji
 * selectors left out: for a record that cannot be corrected (a timeline entry, a file's name as received) printed in a
 * summary whose data file holds the text exactly. Lines and tabs are kept.
 */
export function withUnprintableAsCodes(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp === ZWJ || cp === 0xfe0f || cp === 0xfe0e) continue;
    out += ch === '\n' || ch === '\t' || unprintableIn(ch).length === 0 ? ch : `[${hex(cp)}]`;
  }
  return out;
}

/**
 * What `texts` (everything a document draws) hold that the letter font cannot print, or null when every character
 * prints. `sources` name where a character comes from ("the customer's name"); a character found in none of them
 * is said to be in `elsewhere`.
 */
export function findUnprintable(
  texts: readonly string[],
  sources: readonly TextSource[],
  elsewhere: string,
  elsewherePlace?: TextPlace,
): Unprintable | null {
  const seen = new Map<string, UnprintableCharacter>();
  for (const text of texts) for (const c of unprintableIn(text)) if (!seen.has(c.shown)) seen.set(c.shown, c);
  if (seen.size === 0) return null;
  // Named in the order of the sources (the customer's name first), then whatever else the document draws.
  const ordered = new Map<string, UnprintableCharacter>();
  const where: string[] = [];
  const places: Array<TextPlace | null> = [];
  for (const source of sources) {
    const here = unprintableIn(source.text).filter((c) => seen.has(c.shown));
    if (here.length === 0) continue;
    if (!where.includes(source.where)) {
      where.push(source.where);
      places.push(source.place ?? null);
    }
    for (const c of here) if (!ordered.has(c.shown)) ordered.set(c.shown, seen.get(c.shown)!);
  }
  if (ordered.size < seen.size) {
    where.push(elsewhere);
    places.push(elsewherePlace ?? null);
  }
  for (const [key, c] of seen) if (!ordered.has(key)) ordered.set(key, c);
  return places.some(Boolean)
    ? { characters: [...ordered.values()], where, places }
    : { characters: [...ordered.values()], where };
}

/** At most this many characters are named; more are shown as "…". */
const NAMED = 12;

/**
 * The refusal in words: "This letter contains characters the letter font cannot print: 王, 小, … (in the customer's
 * name)." with why, for right-to-left writing and emoji, and what to do.
 */
export function unprintableMessage(found: Unprintable, what: PrintedDocument = 'letter'): string {
  const where =
    found.where.length <= 1 ? found.where.join('') : `${found.where.slice(0, -1).join(', ')} and ${found.where.at(-1)}`;
  const say = (part: UnprintablePart) =>
    UNPRINTABLE_EN[part].replace('{what}', what).replace('{names}', unprintableNames(found)).replace('{where}', where);
  return unprintableParts(found).map(say).join(' ');
}

/** The refusal's sentences, in English (i17c: the interface says them in its language, from the same parts). */
export const UNPRINTABLE_EN = {
  contains: 'This {what} contains characters the letter font cannot print: {names} (in {where}).',
  'right-to-left':
    'Right-to-left writing (such as Arabic or Hebrew) cannot be laid out in a {what}: it would print in the wrong order.',
  emoji: 'Emoji cannot be printed in a {what}.',
  control: 'Invisible control characters (shown as U+…) cannot be printed.',
  fix: 'Correct it (for example, write the name in Latin letters) and make the {what} again.',
  /** When every character is in what the desk typed for the letter (explore39-letters #8): no name to rewrite. */
  'fix-typed': 'Correct it where you typed it (leave it out, or write it in Latin letters) and make the {what} again.',
} as const;
export type UnprintablePart = keyof typeof UNPRINTABLE_EN;

/** The letterhead's fields, as the settings and provider forms name them. */
export type LetterheadField = 'companyName' | 'addressLines' | 'postcode' | 'phone' | 'email';
const LETTERHEAD_FIELDS: readonly LetterheadField[] = ['companyName', 'addressLines', 'postcode', 'phone', 'email'];

/**
 * The characters of a letterhead the letter font cannot print, named by field ("★, 光"). Every letter prints the
 * letterhead, so the forms refuse them where they are typed rather than have every letter refused later.
 */
export function letterheadUnprintable(
  form: Readonly<Record<LetterheadField, string>>,
): Partial<Record<LetterheadField, string>> {
  const out: Partial<Record<LetterheadField, string>> = {};
  for (const field of LETTERHEAD_FIELDS) {
    const names = printedTextUnprintable(form[field] ?? '');
    if (names) out[field] = names;
  }
  return out;
}

/** The characters of a text every letter prints (a letterhead's field, a signature) the font cannot, or null. */
export function printedTextUnprintable(text: string): string | null {
  const characters = [...new Map(unprintableIn(text).map((c) => [c.shown, c])).values()];
  return characters.length > 0 ? unprintableNames({ characters, where: [] }) : null;
}

/** The characters named: at most twelve, then "…". */
export function unprintableNames(found: Unprintable): string {
  const names = found.characters.slice(0, NAMED).map((c) => c.shown);
  if (found.characters.length > NAMED) names.push('…');
  return names.join(', ');
}

/**
 * The refusal's sentences in order: what is wrong, why for each reason found, what to do (correct it where it was typed
 * when every character is in the letter dialog's boxes).
 */
export function unprintableParts(found: Unprintable): UnprintablePart[] {
  const reasons = new Set(found.characters.map((c) => c.reason));
  const typed = found.places?.length && found.places.every((p) => p !== null && TYPED_PLACES.has(p.place));
  return [
    'contains',
    ...(['right-to-left', 'emoji', 'control'] as const).filter((r) => reasons.has(r)),
    typed ? 'fix-typed' : 'fix',
  ];
}

/** Every string a pdfmake document draws: its content, footer and background (for page 1 of 1), not its metadata. */
export function drawnTexts(doc: { content: unknown; footer?: unknown; background?: unknown }): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') out.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        // Names of styles, fonts and colours are not drawn (and are ASCII anyway), nor is an image's data URL.
        if (
          key === 'style' ||
          key === 'font' ||
          key === 'color' ||
          key === 'fillColor' ||
          key === 'lineColor' ||
          key === 'image'
        )
          continue;
        walk(value);
      }
    }
  };
  walk(doc.content);
  if (typeof doc.footer === 'function') walk((doc.footer as (page: number, pages: number) => unknown)(1, 1));
  if (typeof doc.background === 'function') walk((doc.background as (page: number) => unknown)(1));
  return out;
}

/** The parts of a case a letter prints, named for the desk. */
/** Where a case's text is, in words (i17c: one home, so the interface can name each place in its language). */
export const CASE_TEXT_PLACES = {
  'customer-name': 'the customer’s name',
  'customer-address': 'the customer’s address',
  'customer-account': 'the customer’s account number',
  'representative-name': 'the representative’s name',
  'representative-address': 'the representative’s address',
  'letter-other': 'the letter’s other text',
  // What the desk typed for this letter in the letter dialog (explore39-letters #8): its boxes, by their labels.
  'letter-progress': '“Progress so far”',
  'letter-outcome': '“What we found”',
  'letter-actions': '“What we have done”',
  'letter-remedy': '“Remedy or compensation”',
  'letter-final-position': '“Our final position”',
  'letter-resolution': '“What was agreed”',
  'letter-edited': 'the wording edited under “Edit text”',
} as const;
export type CaseTextPlace = keyof typeof CASE_TEXT_PLACES;

/** The places that are what the desk typed in the letter dialog: the refusal tells them to correct it there. */
const TYPED = [
  'letter-progress',
  'letter-outcome',
  'letter-actions',
  'letter-remedy',
  'letter-final-position',
  'letter-resolution',
  'letter-edited',
] as const satisfies readonly CaseTextPlace[];
export type TypedTextPlace = (typeof TYPED)[number];
const TYPED_PLACES: ReadonlySet<string> = new Set<TypedTextPlace>(TYPED);

/** Where a subject-access summary's text is, in words (m17b: one home; {reference} is the case's). */
export const SUMMARY_TEXT_PLACES = {
  'case-summary': 'the summary of {reference}',
  'case-timeline': 'the timeline of {reference}',
  'summary-other': 'the summary’s other text',
} as const;
export type SummaryTextPlace = keyof typeof SUMMARY_TEXT_PLACES;

/** Where the complaints report's text is, in words (the names it prints come from the desk's settings and cases). */
export const REPORT_TEXT_PLACES = {
  'report-company': 'the company name at its top',
  'report-provider': 'a provider’s name',
  'report-procedure': 'a procedure’s name',
  'report-handler': 'a handler’s name',
  'report-other': 'the report’s other text',
} as const;
export type ReportTextPlace = keyof typeof REPORT_TEXT_PLACES;

/** What is printed: a letter, the subject-access summary, or the complaints report. */
export type PrintedDocument = 'letter' | 'summary' | 'report';

/** A place in words, in English (CASE_, SUMMARY_ and REPORT_TEXT_PLACES' words). */
export function textPlaceInEnglish(p: TextPlace): string {
  const words: string =
    p.place in CASE_TEXT_PLACES
      ? CASE_TEXT_PLACES[p.place as CaseTextPlace]
      : p.place in REPORT_TEXT_PLACES
        ? REPORT_TEXT_PLACES[p.place as ReportTextPlace]
        : SUMMARY_TEXT_PLACES[p.place as SummaryTextPlace];
  return words.replace('{reference}', p.reference ?? '');
}

/** A source of text named by its place: its words are the place's English. */
export function placedSource(place: TextPlace, text: string): TextSource {
  return { where: textPlaceInEnglish(place), text, place };
}

/** Why a document cannot be printed (thrown where the refusal must stop a bundle): its words and its data. */
export class UnprintableError extends Error {
  constructor(
    readonly found: Unprintable,
    readonly what: PrintedDocument,
  ) {
    super(unprintableMessage(found, what));
    this.name = 'UnprintableError';
  }
}

export function caseTextSources(record: Pick<CaseRecord, 'customer' | 'representative'>): TextSource[] {
  const address = (a: { lines: readonly string[]; postcode: string } | undefined) =>
    a ? [...a.lines, a.postcode].join('\n') : '';
  const sources: TextSource[] = [
    placedSource({ place: 'customer-name' }, record.customer.name),
    placedSource({ place: 'customer-address' }, address(record.customer.address)),
    placedSource({ place: 'customer-account' }, record.customer.accountNumber ?? ''),
  ];
  if (record.representative) {
    sources.push(
      placedSource({ place: 'representative-name' }, record.representative.name),
      placedSource({ place: 'representative-address' }, address(record.representative.address)),
    );
  }
  return sources;
}

/** Why a document cannot be printed, in words (`what` it is, where its characters come from), or null. */
export function documentPrintProblem(
  doc: { content: unknown; footer?: unknown; background?: unknown },
  sources: readonly TextSource[],
  what: PrintedDocument,
): string | null {
  const found = documentUnprintable(doc, sources, what);
  return found ? unprintableMessage(found, what) : null;
}

const OTHER_TEXT = { letter: 'letter-other', summary: 'summary-other', report: 'report-other' } as const;

/** What a document (a letter, the summary, the report) holds that cannot be printed, with the places as data. */
export function documentUnprintable(
  doc: { content: unknown; footer?: unknown; background?: unknown },
  sources: readonly TextSource[],
  what: PrintedDocument,
): Unprintable | null {
  const other = OTHER_TEXT[what];
  return findUnprintable(drawnTexts(doc), sources, textPlaceInEnglish({ place: other }), { place: other });
}

/**
 * What the desk typed for a letter in the letter dialog, named by its box (`typed`: box → its words), as sources for
 * `documentUnprintable`: a character there is said to be in that box, not in "the letter's other text".
 */
export function typedTextSources(typed: Partial<Record<TypedTextPlace, string>>): TextSource[] {
  return Object.entries(typed).flatMap(([place, text]) =>
    text ? [placedSource({ place: place as TypedTextPlace }, text)] : [],
  );
}

/** Why a letter built for `record` cannot be printed, in words, or null when every character it draws prints. */
export function letterPrintProblem(
  doc: { content: unknown; footer?: unknown; background?: unknown },
  record: Pick<CaseRecord, 'customer' | 'representative'>,
): string | null {
  return documentPrintProblem(doc, caseTextSources(record), 'letter');
}

/**
 * Why the letters of a case cannot be printed, from the case alone (the parts of it every letter prints), or null.
 * For listing a letter as "cannot be printed" before it is made; the letter itself is checked whole when it is made.
 */
export function casePrintProblem(record: Pick<CaseRecord, 'customer' | 'representative'>): string | null {
  const found = caseUnprintable(record);
  return found ? unprintableMessage(found) : null;
}

/** The characters of a case's letters the font cannot print, and where they are (CASE_TEXT_PLACES' words), or null. */
export function caseUnprintable(record: Pick<CaseRecord, 'customer' | 'representative'>): Unprintable | null {
  const sources = caseTextSources(record);
  return findUnprintable(
    sources.map((s) => s.text),
    sources,
    CASE_TEXT_PLACES['letter-other'],
    { place: 'letter-other' },
  );
}
