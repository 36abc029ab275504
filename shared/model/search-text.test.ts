import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, matchesSearch, searchTerms } from './search-text';

describe('fold: text as search compares it', () => {
  it.each([
    ['Françoise', 'francoise'],
    ['Müller', 'muller'],
    ["O'Brien", 'obrien'],
    ['O’Brien', 'obrien'],
    ['Seán', 'sean'],
    ['José Núñez', 'jose nunez'],
    ['Straße', 'strasse'],
    ['STRAẞE', 'strasse'],
    ['Ærø', 'aero'],
    ['Œuvre', 'oeuvre'],
    ['Søren Kierkegaard', 'soren kierkegaard'],
    ['Łódź', 'lodz'],
    ['Þórður Ðór', 'thordur dor'],
    ['Smith-Jones', 'smithjones'],
    ['Anne‐Marie', 'annemarie'], // U+2010 hyphen
    ['İstanbul', 'istanbul'],
    ['ﬁnch', 'finch'], // a ligature
    ['Zoë Ångström', 'zoe angstrom'],
    ['RDR-2026-000042', 'rdr2026000042'],
    ['ada@example.com 0113 496', 'ada@example.com 0113 496'],
  ])('%s → %s', (text, folded) => {
    expect(fold(text)).toBe(folded);
  });

  it('is idempotent and keeps plain lower-case ASCII letters, digits and spaces as they are', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        expect(fold(fold(s))).toBe(fold(s));
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9 @.]{0,30}$/), (s) => {
        expect(fold(s)).toBe(s);
      }),
    );
  });
});

describe('searchTerms and matchesSearch: one match for the case list and Ctrl/Cmd+K', () => {
  const indexed = fold("RDR-2026-000042 Siobhán O'Brien 01134960000 ls62qt");
  it.each(['obrien', 'o brien', "O'Brien", 'Siobhan', 'rdr-2026-000042', '42', '0113 496', 'LS6 2QT', ''])(
    '"%s" matches',
    (q) => {
      expect(matchesSearch(indexed, searchTerms(q))).toBe(true);
    },
  );
  it.each(['obrian', 'o brien x', 'ls7'])('"%s" does not', (q) => {
    expect(matchesSearch(indexed, searchTerms(q))).toBe(false);
  });
  it('splits a query into folded words', () => {
    expect(searchTerms("  Ada  LOVELACE  O'Brien ")).toEqual(['ada', 'lovelace', 'obrien']);
    expect(searchTerms('   ')).toEqual([]);
  });
});
