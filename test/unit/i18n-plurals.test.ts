// h17 (issue #17): every message with a count, formatted at 0, 1 and 2 in English (UK) and French (Canada), reads as a
// person would write it at that count: no "the first 1", "les 1 premières", "1 lignes", "1 entry … (kept as they
// are)", "1 lettre … enregistrées". Counts are the plural and number arguments; the messages' other values are
// stand-ins.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, translate } from '#lib/i18n/index';

type Locale = 'en-GB' | 'fr-CA';

/** Plain placeholders that hold a count by their name ({n} letters, {days} days): said at each count too. */
const COUNT_NAMES = new Set(['n', 'count', 'total', 'rows', 'days', 'pages', 'shown', 'done', 'more', 'files']);

/** The counts (plural and number arguments) and the other values of a message. */
function argumentsOf(message: string): { counts: Set<string>; others: Set<string> } {
  const counts = new Set<string>();
  const others = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      if (e.type === TYPE.plural) {
        counts.add(e.value);
        for (const option of Object.values(e.options)) walk(option.value);
      } else if (e.type === TYPE.number || (e.type === TYPE.argument && COUNT_NAMES.has(e.value))) counts.add(e.value);
      else if (e.type === TYPE.select) {
        others.add(e.value);
        for (const option of Object.values(e.options)) walk(option.value);
      } else if (e.type === TYPE.argument || e.type === TYPE.date || e.type === TYPE.time) others.add(e.value);
      else if (e.type === TYPE.tag) walk(e.children);
    }
  };
  walk(parse(message));
  for (const c of counts) others.delete(c);
  return { counts, others };
}

/** Every message with a count, said at `n` (every count at `n`). */
function saidAt(locale: Locale, n: number): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [];
  for (const [key, message] of Object.entries(CATALOGUES[locale])) {
    const { counts, others } = argumentsOf(message);
    if (counts.size === 0) continue;
    const values: Record<string, string | number> = {};
    for (const o of others) values[o] = `‹${o}›`;
    for (const c of counts) values[c] = n;
    out.push({ key, text: translate(locale, key as never, values as never) });
  }
  return out;
}

/** What reads wrong at a count of 1. */
const WRONG_AT_ONE: Record<Locale, RegExp[]> = {
  'en-GB': [
    /\b(first|last|next) 1\b/i,
    /(?<![\d.,])1 (?!(?:is|was|has|does|its|this|plus|as)\b)[a-z]+s\b/,
    /(?<![\d.,])1 [a-z]+ (?:are|were|have)\b/,
    /\b(they are|them|their)\b/,
  ],
  'fr-CA': [
    /\b[Ll](?:es|e) 1\b/,
    /(?<![\d.,\u00a0\u202f])1 (?!(?:mois|fois|jours? ouvrables?)\b)\p{L}+[sx]\b/u,
    /(?<![\d.,])1 \p{L}+ (?:sont|ont|dépassent|restent)\b/u,
    /\b(ils|elles) sont\b|\bleurs?\b.*\b1\b|\b1\b.*\bleurs?\b/u,
    /(?<![\d.,])1 \p{L}+e\b[^.;:]*\b\p{L}+ées\b/u,
  ],
};

/**
 * Said at 1 where the pattern is right: the pronoun or plural word is about something else than the count.
 * Each with why.
 */
const RIGHT_AT_ONE: Record<string, string> = {
  'en-GB import.fine': '“the rows below” are the rows with problems, not the one that is fine',
  'fr-CA privacy.policyOn': '“leur fermeture” is the closed cases’, not the one year’s',
  'fr-CA retention.savedOn': '“leur fermeture” is the closed cases’, not the one year’s',
  'fr-CA import.summary': 'the file’s cells are “séparées par” its delimiter, whatever the count of columns',
  'fr-CA import.summaryEncoding': 'the file’s cells are “séparées par” its delimiter, whatever the count of columns',
  'fr-CA import.summaryNotUtf8': 'the file’s cells are “séparées par” its delimiter, whatever the count of columns',
  'en-GB procedureProblem.date-days': 'a month has 28 to 31 days, never 1',
  'en-GB sharingProblem.reference-prefix-clash':
    '“one of them” is of the two complaints that would share a reference, not of the cases counted',
  'fr-CA procedureProblem.date-days': 'a month has 28 to 31 days, never 1',
};

describe('messages with a count', () => {
  for (const locale of ['en-GB', 'fr-CA'] as const)
    it(`read right at 0, 1 and 2 in ${locale}`, () => {
      const wrong = new Set<string>();
      for (const { key, text } of saidAt(locale, 1))
        for (const pattern of WRONG_AT_ONE[locale])
          if (pattern.test(text) && !RIGHT_AT_ONE[`${locale} ${key}`]) wrong.add(`${key}: ${text}`);
      // Every message formats at 0 and 2 too, and says its count (no stand-in left, nothing lost).
      for (const n of [0, 2]) for (const { text } of saidAt(locale, n)) expect(text).not.toMatch(/NaN|undefined/);
      expect([...wrong]).toEqual([]);
    });
});

describe('the restore’s “anonymised again” lines', () => {
  const listed = (locale: Locale, letters: number) =>
    translate(locale, 'restore.anonymisedAgainListed', { n: 1, list: 'RDR-2026-000001', letters });
  const lettersOnly = (locale: Locale, letters: number) =>
    translate(locale, 'restore.lettersDeletedAgain', { letters });

  it('say nothing of letters when none were deleted, in English and in French', () => {
    expect(listed('en-GB', 0)).toBe('Anonymised again, as this desk had done before: 1 case (RDR-2026-000001).');
    expect(listed('fr-CA', 0)).toBe(
      'Anonymisé de nouveau, comme ce service l’avait déjà fait\u00a0: 1 dossier (RDR-2026-000001).',
    );
  });

  it('say one letter and many letters deleted', () => {
    expect(listed('en-GB', 2)).toBe(
      'Anonymised again, as this desk had done before: 1 case (RDR-2026-000001); 2 letters deleted.',
    );
    expect(listed('fr-CA', 1)).toBe(
      'Anonymisé de nouveau, comme ce service l’avait déjà fait\u00a0: 1 dossier (RDR-2026-000001)\u00a0; 1 lettre supprimée.',
    );
  });

  it('count the letters, not "0 cases", when no case was anonymised again', () => {
    expect(lettersOnly('en-GB', 1)).toBe(
      'Deleted again, as this desk had done before: 1 letter of cases it had anonymised.',
    );
    expect(lettersOnly('fr-CA', 2)).toBe(
      'Supprimées de nouveau, comme ce service l’avait déjà fait\u00a0: 2 lettres de dossiers qu’il avait anonymisés.',
    );
  });
});
