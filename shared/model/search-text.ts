// What a search compares: the case list and Ctrl/Cmd+K match a query against a case's search text with these
// functions only (issue #15), so "Francoise" finds Françoise, "muller" Müller, "obrien" and "o brien" O'Brien, "Sean"
// Seán, in both. `fold` is applied once when a case's index row is written (its search text) and once to each query;
// never per keystroke over every row. Pure: no DOM, Node or database.

/** Letters that Unicode does not decompose into a base letter and a mark, written as people type them. */
const LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'n',
  ĸ: 'k',
};
const LETTERS_RE = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'g');
const MARKS_RE = /\p{M}+/gu;
/**
 * Apostrophes and hyphens are removed: "O'Brien" is searched as "obrien", so "obrien", "o'brien" and "o brien" (two
 * words, each found in it) all find it; "Smith-Jones" as "smithjones", found by "smith jones" too.
 */
const JOINERS_RE = /['\u2018\u2019\u02bc\u02b9`\u00b4\u2032\-\u2010\u2011\u2012\u2013\u2014\u2212\u00ad]/g;
const ASCII_RE = /^[\x20-\x7e]*$/;

/**
 * Text as search compares it: compatibility-decomposed (NFKD: "é" is "e" and a combining accent, "ﬁ" is "fi"), marks
 * removed, lower case, letters with no decomposition spelled out (ß → ss, æ → ae, ø → o, ł → l …), apostrophes and
 * hyphens removed. Spaces and other characters (digits, "@", ".") are kept.
 */
export function fold(text: string): string {
  if (ASCII_RE.test(text)) return text.toLowerCase().replace(JOINERS_RE, '');
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(MARKS_RE, '')
    .replace(LETTERS_RE, (c) => LETTERS[c])
    .replace(JOINERS_RE, '');
}

/** The words of a query, folded. Every one must occur in a case's search text (`matchesSearch`). */
export function searchTerms(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

/**
 * THE match of a search: every term (from `searchTerms`) occurs somewhere in the case's search text (already folded
 * when its index row was written). An empty list of terms matches everything.
 */
export function matchesSearch(searchText: string, terms: readonly string[]): boolean {
  for (const term of terms) if (!searchText.includes(term)) return false;
  return true;
}
