import { describe, expect, it } from 'vitest';
import { findForbiddenCharacter, textCharacterProblem } from './text';

// One character of each class the rule refuses, with the name the message gives it.
const REFUSED: Array<[string, string, string]> = [
  ['NUL', '\u0000', 'U+0000 NULL'],
  ['C0 control', '\u0007', 'U+0007 BELL'],
  ['vertical tab', '\u000b', 'U+000B LINE TABULATION'],
  ['escape', '\u001b', 'U+001B ESCAPE'],
  ['DEL', '\u007f', 'U+007F DELETE'],
  ['C1 control', '\u0085', 'U+0085 NEXT LINE'],
  ['C1 control (undefined in Windows-1252)', '\u0081', 'U+0081 HIGH OCTET PRESET'],
  ['bidi embedding', '\u202a', 'U+202A LEFT-TO-RIGHT EMBEDDING'],
  ['bidi override', '\u202e', 'U+202E RIGHT-TO-LEFT OVERRIDE'],
  ['bidi isolate', '\u2066', 'U+2066 LEFT-TO-RIGHT ISOLATE'],
  ['bidi pop isolate', '\u2069', 'U+2069 POP DIRECTIONAL ISOLATE'],
  ['left-to-right mark', '\u200e', 'U+200E LEFT-TO-RIGHT MARK'],
  ['right-to-left mark', '\u200f', 'U+200F RIGHT-TO-LEFT MARK'],
  ['Arabic letter mark', '\u061c', 'U+061C ARABIC LETTER MARK'],
  ['zero width space', '\u200b', 'U+200B ZERO WIDTH SPACE'],
  ['word joiner', '\u2060', 'U+2060 WORD JOINER'],
  ['byte order mark inside text', '\ufeff', 'U+FEFF ZERO WIDTH NO-BREAK SPACE (BYTE ORDER MARK)'],
  ['line separator', '\u2028', 'U+2028 LINE SEPARATOR'],
  ['soft hyphen', '\u00ad', 'U+00AD SOFT HYPHEN'],
  ['Hangul filler', '\u3164', 'U+3164 HANGUL FILLER'],
  ['unpaired surrogate', '\ud800', 'U+D800 UNPAIRED SURROGATE (a broken character)'],
];

describe('characters a text field may hold', () => {
  it.each(REFUSED)('refuses a %s in one-line and multi-line fields, named, saying where it is', (_, char, name) => {
    for (const lines of ['single-line', 'multi-line'] as const) {
      expect(findForbiddenCharacter(`Ann${char}Lee`, lines)).toEqual({
        codePoint: char.codePointAt(0),
        name,
        index: 3,
        kind: 'control',
      });
      expect(textCharacterProblem(`Ann${char}Lee`, lines)).toBe(
        `contains an invisible control character (${name}) after “Ann”; remove it`,
      );
    }
    expect(textCharacterProblem(`${char}Ann`, 'single-line')).toBe(
      `contains an invisible control character (${name}) at the start; remove it`,
    );
  });

  it('allows tabs and line breaks only in multi-line fields (an address, a summary)', () => {
    for (const text of ['1 High St\nLeeds', '1 High St\r\nLeeds', 'Amount:\t£12'])
      expect(textCharacterProblem(text, 'multi-line')).toBeNull();
    expect(textCharacterProblem('Ann\nLee', 'single-line')).toBe(
      'contains a tab or line break (U+000A LINE FEED) after “Ann”, and this field is one line; remove it',
    );
    expect(textCharacterProblem('Ann\tLee', 'single-line')).toBe(
      'contains a tab or line break (U+0009 CHARACTER TABULATION) after “Ann”, and this field is one line; remove it',
    );
    expect(findForbiddenCharacter('Ann\rLee', 'single-line')?.kind).toBe('line-break');
  });

  it('keeps every script, accents, emoji (with joiners and variation selectors) and Persian non-joiners', () => {
    const names = [
      'Zoë “Zed” O’Brien, Jr.',
      '王小明',
      'محمد عبد الله',
      'שרה כהן',
      'Ζωή Παπαδοπούλου',
      'Łukasz Żółć',
      'Дмитрий',
      'मोहन\u200dदास',
      'می\u200cخواهم',
      'Family 👨\u200d👩\u200d👧 ❤\ufe0f',
      'England 🏴\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}',
      'Non\u00a0breaking space',
    ];
    for (const name of names) expect(textCharacterProblem(name, 'single-line'), name).toBeNull();
  });

  it('reports the first refused character, reading surrogate pairs whole', () => {
    expect(findForbiddenCharacter('😡\u202e\u0000', 'single-line')).toMatchObject({ codePoint: 0x202e, index: 2 });
    expect(textCharacterProblem(`${'😡'.repeat(12)}x\u0000`, 'single-line')).toBe(
      `contains an invisible control character (U+0000 NULL) after “${'😡'.repeat(9)}x”; remove it`,
    );
  });
});
