// say7: a coded message said through the catalogue (issue #17): the catalogue's `<prefix>.<code>` with plain values
// the interface's way, and the en-GB entries taken from shared/'s English table.
import { afterEach, describe, expect, it } from 'vitest';
import { MAIN_MESSAGES_EN } from '#shared/ipc/messages';
import { PROBLEMS_EN, sayProblem, problemOf } from '#shared/model/problems';
import { setFormatLocale } from '../format';
import { enGB } from './index';
import { catalogueWords, plainValueIn, sayingIn } from './sayings';
import { en, fr } from '#test/support/translate';

afterEach(() => setFormatLocale('en-GB'));

describe('sayingIn', () => {
  it('says a saying with its code’s catalogue entry, in each language', () => {
    const said = { code: 'passphrase-refused' as const, values: { reason: 'denied' } };
    expect(sayingIn(en, 'main', said)).toBe('The passphrase was not kept: the keychain refused it (denied).');
    expect(sayingIn(fr, 'main', said)).toBe(
      'La phrase de passe n’a pas été gardée\u00a0: le trousseau l’a refusée (denied).',
    );
  });

  it('says plain values the interface’s way', () => {
    setFormatLocale('fr-CA');
    expect(plainValueIn(fr, { bytes: 1536 * 1024 })).toBe(fr('size.mb', { n: '1,5' }));
    expect(plainValueIn(fr, { number: 12345 })).toMatch(/^12\s345$/);
    expect(plainValueIn(fr, 'logo.png')).toBe('logo.png');
    expect(plainValueIn(fr, 7)).toBe(7);
  });

  it('gives each value to the kind’s own function when it has one', () => {
    const p = problemOf(sayProblem('too-long', { label: 'Name', max: 100 }))!;
    expect(sayingIn(en, 'problem', p, (v) => (v === 'Name' ? 'Company name' : plainValueIn(en, v)))).toBe(
      'Company name must be at most 100 characters',
    );
  });
});

it('catalogueWords gives the en-GB catalogue shared’s English, with typographic apostrophes', () => {
  const words = catalogueWords('main', MAIN_MESSAGES_EN);
  expect(Object.keys(words)).toEqual(Object.keys(MAIN_MESSAGES_EN).map((code) => `main.${code}`));
  for (const [key, text] of Object.entries(words)) expect(enGB[key as keyof typeof enGB]).toBe(text);
  expect(catalogueWords('x', { a: "it's" })).toEqual({ 'x.a': 'it’s' });
  expect(enGB['problem.too-long']).toBe(PROBLEMS_EN['too-long']);
});
