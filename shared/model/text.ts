// Which characters a text field may hold. One rule for every path that writes text typed or imported by a person
// (the intake form, the CSV import): control characters (NUL, C0, DEL, C1), Unicode text-direction controls and other
// invisible format characters are refused, with the character named, because nobody can see them on screen, they
// reorder or hide what a letter or a list shows (U+202E turns "Ann" into what reads as something else), notifications
// refuse them, and two names that look the same would not match. Refused rather than cleaned: a name is what the
// customer is called, and Redress does not change it silently. Tabs and line breaks are allowed only where the field
// is multi-line (an address, a summary). Pure: no DOM, Node or database.

import { type ProblemCode, sayProblem as say } from './problems';

/** A field on one line (a name, a postcode) or on several (an address, a summary: tabs and line breaks allowed). */
export type TextLines = 'single-line' | 'multi-line';

export interface ForbiddenCharacter {
  /** The code point, e.g. 0x202e. */
  codePoint: number;
  /** "U+202E RIGHT-TO-LEFT OVERRIDE". */
  name: string;
  /** Where it is: the index in the text (UTF-16 units). */
  index: number;
  /** Why it is refused: an invisible control or format character, or a tab/line break in a one-line field. */
  kind: 'control' | 'line-break';
}

const C0_NAMES = [
  'NULL',
  'START OF HEADING',
  'START OF TEXT',
  'END OF TEXT',
  'END OF TRANSMISSION',
  'ENQUIRY',
  'ACKNOWLEDGE',
  'BELL',
  'BACKSPACE',
  'CHARACTER TABULATION',
  'LINE FEED',
  'LINE TABULATION',
  'FORM FEED',
  'CARRIAGE RETURN',
  'SHIFT OUT',
  'SHIFT IN',
  'DATA LINK ESCAPE',
  'DEVICE CONTROL ONE',
  'DEVICE CONTROL TWO',
  'DEVICE CONTROL THREE',
  'DEVICE CONTROL FOUR',
  'NEGATIVE ACKNOWLEDGE',
  'SYNCHRONOUS IDLE',
  'END OF TRANSMISSION BLOCK',
  'CANCEL',
  'END OF MEDIUM',
  'SUBSTITUTE',
  'ESCAPE',
  'INFORMATION SEPARATOR FOUR',
  'INFORMATION SEPARATOR THREE',
  'INFORMATION SEPARATOR TWO',
  'INFORMATION SEPARATOR ONE',
];
const C1_NAMES = [
  'PADDING CHARACTER',
  'HIGH OCTET PRESET',
  'BREAK PERMITTED HERE',
  'NO BREAK HERE',
  'INDEX',
  'NEXT LINE',
  'START OF SELECTED AREA',
  'END OF SELECTED AREA',
  'CHARACTER TABULATION SET',
  'CHARACTER TABULATION WITH JUSTIFICATION',
  'LINE TABULATION SET',
  'PARTIAL LINE FORWARD',
  'PARTIAL LINE BACKWARD',
  'REVERSE LINE FEED',
  'SINGLE SHIFT TWO',
  'SINGLE SHIFT THREE',
  'DEVICE CONTROL STRING',
  'PRIVATE USE ONE',
  'PRIVATE USE TWO',
  'SET TRANSMIT STATE',
  'CANCEL CHARACTER',
  'MESSAGE WAITING',
  'START OF GUARDED AREA',
  'END OF GUARDED AREA',
  'START OF STRING',
  'SINGLE GRAPHIC CHARACTER INTRODUCER',
  'SINGLE CHARACTER INTRODUCER',
  'CONTROL SEQUENCE INTRODUCER',
  'STRING TERMINATOR',
  'OPERATING SYSTEM COMMAND',
  'PRIVACY MESSAGE',
  'APPLICATION PROGRAM COMMAND',
];

/**
 * Invisible format characters refused in every field, by name. Text-direction controls (embeddings, overrides,
 * isolates, marks), zero-width spaces and joiners that hide words, the byte order mark inside text, line and paragraph
 * separators (line breaks that the address lines do not split on), and fillers that draw nothing. Kept: U+200C ZERO
 * WIDTH NON-JOINER and U+200D ZERO WIDTH JOINER (Persian and Indic names, emoji sequences need them) and variation
 * selectors (emoji).
 */
const FORMAT_NAMES: Readonly<Record<number, string>> = {
  0x00ad: 'SOFT HYPHEN',
  0x034f: 'COMBINING GRAPHEME JOINER',
  0x061c: 'ARABIC LETTER MARK',
  0x115f: 'HANGUL CHOSEONG FILLER',
  0x1160: 'HANGUL JUNGSEONG FILLER',
  0x17b4: 'KHMER VOWEL INHERENT AQ',
  0x17b5: 'KHMER VOWEL INHERENT AA',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x206a: 'INHIBIT SYMMETRIC SWAPPING',
  0x206b: 'ACTIVATE SYMMETRIC SWAPPING',
  0x206c: 'INHIBIT ARABIC FORM SHAPING',
  0x206d: 'ACTIVATE ARABIC FORM SHAPING',
  0x206e: 'NATIONAL DIGIT SHAPES',
  0x206f: 'NOMINAL DIGIT SHAPES',
  0x3164: 'HANGUL FILLER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (BYTE ORDER MARK)',
  0xffa0: 'HALFWIDTH HANGUL FILLER',
  0xfff9: 'INTERLINEAR ANNOTATION ANCHOR',
  0xfffa: 'INTERLINEAR ANNOTATION SEPARATOR',
  0xfffb: 'INTERLINEAR ANNOTATION TERMINATOR',
};

/** Tab, line feed and carriage return: allowed in multi-line fields only. */
const LAYOUT = new Set([0x09, 0x0a, 0x0d]);

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** The name of a refused code point ("U+0000 NULL"), or null when the character is allowed in any field. */
function refusedName(cp: number): string | null {
  if (cp < 0x20) return C0_NAMES[cp];
  if (cp === 0x7f) return 'DELETE';
  if (cp >= 0x80 && cp <= 0x9f) return C1_NAMES[cp - 0x80];
  if (cp >= 0xd800 && cp <= 0xdfff) return 'UNPAIRED SURROGATE (a broken character)';
  return FORMAT_NAMES[cp] ?? null;
}

/**
 * The first character in `text` that the field may not hold, or null when every character is allowed. The rule for
 * every text field of a case (intake form, CSV import): see the comment at the top of this file.
 */
export function findForbiddenCharacter(text: string, lines: TextLines): ForbiddenCharacter | null {
  for (let index = 0; index < text.length;) {
    const cp = text.codePointAt(index)!;
    const width = cp > 0xffff ? 2 : 1;
    const name = refusedName(cp);
    if (name !== null && !(lines === 'multi-line' && LAYOUT.has(cp))) {
      return { codePoint: cp, name: `${hex(cp)} ${name}`, index, kind: LAYOUT.has(cp) ? 'line-break' : 'control' };
    }
    index += width;
  }
  return null;
}

/** Where the refused character is, for the message: the words before it, or '' at the start (it cannot be seen). */
function wordsBefore(text: string, found: ForbiddenCharacter): string {
  // Up to 20 characters before it (not starting inside a surrogate pair), line breaks shown as spaces.
  return text
    .slice(Math.max(0, found.index - 20), found.index)
    .replace(/^[\udc00-\udfff]/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The refusal as a form message with a code and values (./problems.ts), the field named by `label`: "Name contains an
 * invisible control character (U+202E RIGHT-TO-LEFT OVERRIDE) after “Ann”; remove it". The interface says it in its
 * own language (the character's code point and Unicode name are identifiers, the same in every language).
 */
export function forbiddenCharacterProblem(text: string, found: ForbiddenCharacter, label: string): string {
  const before = wordsBefore(text, found);
  const code: ProblemCode =
    found.kind === 'line-break'
      ? before === ''
        ? 'character-line-break-start'
        : 'character-line-break'
      : before === ''
        ? 'character-control-start'
        : 'character-control';
  return say(code, { label, character: found.name, before });
}

/**
 * What to tell the person about a refused character, without the field's name: "contains an invisible control
 * character (U+202E RIGHT-TO-LEFT OVERRIDE) after “Ann”; remove it". The words before it say where to look.
 */
export function forbiddenCharacterMessage(text: string, found: ForbiddenCharacter): string {
  // The form message's English with the field's name left out (the one home of the words is ./problems.ts).
  return forbiddenCharacterProblem(text, found, '').trimStart();
}

/** The message for the first refused character in `text`, or null when the text may be saved. */
export function textCharacterProblem(text: string, lines: TextLines): string | null {
  const found = findForbiddenCharacter(text, lines);
  return found ? forbiddenCharacterMessage(text, found) : null;
}

/** The form message ("Name contains …; remove it") for the first refused character in `text`, or null. */
export function fieldCharacterProblem(text: string, lines: TextLines, label: string): string | null {
  const found = findForbiddenCharacter(text, lines);
  return found ? forbiddenCharacterProblem(text, found, label) : null;
}

/** A name as it is shown and kept: trimmed, each run of spaces inside it one space. */
export const singleSpaced = (name: string): string => name.trim().replace(/\s+/g, ' ');

/**
 * Two names a list would show alike: the same words, letter case and spacing aside (providers, people). One home, so
 * no list refuses "Sam Patel" but takes "sam  patel" (explore36-manager #4).
 */
export const sameName = (a: string, b: string): boolean =>
  singleSpaced(a).toLocaleLowerCase() === singleSpaced(b).toLocaleLowerCase();
