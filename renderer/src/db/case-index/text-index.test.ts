// The text index (./text-index.ts) finds exactly the rows THE match accepts (shared/model/search-text.ts
// `matchesSearch`), by its scan and by its trigram index alike, for any query: parts of real rows' texts, words of
// one or two letters, several words, words found nowhere, characters outside ASCII.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesSearch, searchTerms } from '#shared/model/search-text';
import { generateCases } from '#test/fixtures/generate-cases';
import { deriveCaseIndex } from './derive';
import { matchingRows, whenIndexed } from './text-index';

const rows = generateCases(1500, { today: '2026-11-20', seed: 3 }).map((c) => deriveCaseIndex(c.record, c.events));
// A row with a newline and accents in its stored text (there should be none, but the index must not join rows).
rows.push({ ...rows[0], caseId: 'odd', search: 'zoë\nbrontë 0113' });

const expected = (terms: string[]) =>
  rows.flatMap((r, i) => (matchesSearch(r.search.replace(/\n/g, ' '), terms) ? [i] : []));

/** A query: a piece of some row's text (1 to 12 characters, maybe split in two words), or random letters. */
const query = fc.oneof(
  fc
    .tuple(fc.nat(rows.length - 1), fc.nat(200), fc.integer({ min: 1, max: 12 }), fc.boolean())
    .map(([row, from, length, split]) => {
      const text = rows[row].search;
      const piece = text.slice(from % Math.max(1, text.length), (from % Math.max(1, text.length)) + length);
      return split && piece.length > 4 ? `${piece.slice(0, 2)} ${piece.slice(3)}` : piece;
    }),
  fc.stringMatching(/^[a-z0-9@. ]{1,8}$/),
  fc.constantFrom('ë', 'zoë', 'brontë 0113', 'e\nb', 'xyzzyq', '@example.com', 'a'),
);

describe('the text index', () => {
  it('finds exactly the rows matchesSearch accepts, before and after its trigram index is built', async () => {
    const check = () =>
      fc.assert(
        fc.property(query, (q) => {
          const terms = searchTerms(q);
          fc.pre(terms.length > 0);
          expect([...matchingRows(rows, terms)]).toEqual(expected(terms));
        }),
        { numRuns: 400 },
      );
    check(); // the scan (the trigram index is built in the background meanwhile)
    await whenIndexed(rows);
    check(); // the trigram index
  });

  it('builds one index per rows array: another array (after a change) gets its own', async () => {
    const changed = rows.slice(1);
    await whenIndexed(changed);
    const terms = searchTerms(rows[0].search.slice(0, 8));
    expect([...matchingRows(changed, terms)]).toEqual(
      changed.flatMap((r, i) => (matchesSearch(r.search.replace(/\n/g, ' '), terms) ? [i] : [])),
    );
  });
});
