// Elision: a word written short before a word that starts with a vowel sound, as French writes "d’Élodie" for
// "de Élodie" and "qu’Orange" for "que Orange". The letters (shared/letters) and the interface
// (renderer/src/lib/i18n) apply it where a value follows fixed words: the fixed words are written elided already.

/** Which words are written short, and before what. */
export interface Elision {
  /** Each word and its short form: "de" → "d’". */
  words: Readonly<Record<string, string>>;
  /** What a value starts with for the word before it to be written short. */
  before: RegExp;
}

/**
 * French: "de" and "que" before a vowel or an h ("d’Hélène", "d’Hydro-Québec"). A value that starts with a Y is left
 * as it is ("de Yannick", but "d’Yves": which one, only its owner knows).
 */
export const FRENCH_ELISION: Elision = {
  words: { de: 'd’', De: 'D’', que: 'qu’', Que: 'Qu’' },
  before: /^[aeiouhàâäéèêëîïôöùûüœæ]/iu,
};

const LAST_WORD = /(?:^|[^\p{L}’'])(\p{L}+) $/u;

/** `fixed` (the words written before `value`), its last word written short when `value` asks for it. */
export function elideBefore(fixed: string, value: string, elision: Elision): string {
  if (!elision.before.test(value)) return fixed;
  const last = LAST_WORD.exec(fixed);
  if (!last || !Object.hasOwn(elision.words, last[1])) return fixed;
  return fixed.slice(0, fixed.length - last[1].length - 1) + elision.words[last[1]];
}
