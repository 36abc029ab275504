// p8e: why a letter cannot be made from what the desk gave, and why no copy for the customer is printed (shared/letters), said in the
// interface language: the English is shared's table, French its own words, every code in both.
import { describe, expect, it } from 'vitest';
import { COPY_MISSING_EN, LETTER_REFUSALS_EN, LetterRefusalError, letterAddressee } from '#shared/letters/index';
import { deskText } from '#shared/letters/common';
import { codesOf } from '#shared/model/saying';
import type { CaseRecord } from '#shared/model/case';
import { enGB, frCA } from './index';
import { sayingIn } from './sayings';
import { en, fr } from '#test/support/translate';

describe('the letters’ refusals in the interface language', () => {
  it('has every code in English (shared’s words) and in French, with no English left', () => {
    for (const code of codesOf(LETTER_REFUSALS_EN)) {
      expect(enGB[`letterRefusal.${code}`], code).toBe(LETTER_REFUSALS_EN[code]);
      const values = {
        ...{ name: 'Ada Lovelace', lines: 6, max: 5, size: 16, capacity: 5, printed: 7, company: 'Acme' },
        ...{ availableOn: '2026-12-30', weeks: 6, receivedOn: '2026-11-18', resolvedOn: '2026-11-01' },
      };
      const french = sayingIn(fr, 'letterRefusal', { code, values: { ...values, start: 'Vous pouvez' } });
      expect(french, code).not.toMatch(/\b(the|has|no|letter|before)\b|\{/i);
    }
    for (const code of codesOf(COPY_MISSING_EN)) {
      expect(enGB[`copyMissing.${code}`], code).toBe(COPY_MISSING_EN[code].replaceAll("'", '’'));
      expect(frCA[`copyMissing.${code}`], code).not.toMatch(/\b(the|has|copy|address)\b/i);
    }
  });

  it('a customer with no postcode: the error keeps its English, the screen says it in French', () => {
    const record = {
      customer: { name: 'Ada Lovelace', address: { lines: ['12 St James Square'], postcode: ' ' } },
    } as unknown as CaseRecord;
    let thrown: unknown;
    try {
      letterAddressee(record);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(LetterRefusalError);
    const error = thrown as LetterRefusalError;
    expect(error.message).toBe(
      'The customer (Ada Lovelace) has no postcode in their address: add one before issuing a letter.',
    );
    expect(sayingIn(en, 'letterRefusal', error.said)).toBe(error.message);
    expect(sayingIn(fr, 'letterRefusal', error.said)).toBe(
      'L’adresse du ou de la titulaire (Ada Lovelace) n’a pas de code postal\u00a0: ajoutez-le avant de produire une lettre.',
    );
    const unnamed = { customer: { name: ' ' } } as unknown as CaseRecord;
    expect(() => letterAddressee(unnamed)).toThrow(
      'The customer (no name) has no postal address: add one before issuing a letter.',
    );
  });

  it('an empty text box and a window too small for the address: English kept, French on screen', () => {
    let thrown: unknown;
    try {
      deskText('  \n\n ', 'progress-made');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(LetterRefusalError);
    const empty = thrown as LetterRefusalError;
    expect(empty.message).toBe('The letter needs the progress made so far.');
    expect(sayingIn(fr, 'letterRefusal', empty.said)).toBe('La lettre doit indiquer les progrès réalisés jusqu’ici.');
    const tooLong = new LetterRefusalError({ code: 'window-lines', values: { name: 'Ada', lines: 7, max: 5 } });
    expect(tooLong.message).toBe(
      'The address for Ada has 7 lines, but only 5 fit the envelope window: shorten it before issuing a letter.',
    );
    expect(sayingIn(en, 'letterRefusal', tooLong.said)).toBe(tooLong.message);
    expect(sayingIn(fr, 'letterRefusal', tooLong.said)).toBe(
      'L’adresse d’Ada compte 7 lignes, mais seulement 5 tiennent dans la fenêtre de l’enveloppe\u00a0: raccourcissez-la avant de produire une lettre.',
    );
  });
});
