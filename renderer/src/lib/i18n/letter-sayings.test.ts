// p8e: why a letter cannot be addressed, and why no copy for the customer is printed (shared/letters), said in the
// interface language: the English is shared's table, French its own words, every code in both.
import { describe, expect, it } from 'vitest';
import { ADDRESSEE_PROBLEMS_EN, AddresseeError, COPY_MISSING_EN, letterAddressee } from '#shared/letters/index';
import { codesOf } from '#shared/model/saying';
import type { CaseRecord } from '#shared/model/case';
import { enGB, frCA } from './index';
import { sayingIn } from './sayings';
import { en, fr } from '#test/support/translate';

describe('the letters’ refusals in the interface language', () => {
  it('has every code in English (shared’s words) and in French, with no English left', () => {
    for (const code of codesOf(ADDRESSEE_PROBLEMS_EN)) {
      expect(enGB[`addresseeProblem.${code}`], code).toBe(ADDRESSEE_PROBLEMS_EN[code]);
      const french = sayingIn(fr, 'addresseeProblem', { code, values: { name: 'Ada Lovelace' } });
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
    expect(thrown).toBeInstanceOf(AddresseeError);
    const error = thrown as AddresseeError;
    expect(error.message).toBe(
      'The customer (Ada Lovelace) has no postcode in their address: add one before issuing a letter.',
    );
    expect(sayingIn(en, 'addresseeProblem', error.said)).toBe(error.message);
    expect(sayingIn(fr, 'addresseeProblem', error.said)).toBe(
      'L’adresse du ou de la titulaire (Ada Lovelace) n’a pas de code postal\u00a0: ajoutez-le avant de produire une lettre.',
    );
    const unnamed = { customer: { name: ' ' } } as unknown as CaseRecord;
    expect(() => letterAddressee(unnamed)).toThrow(
      'The customer (no name) has no postal address: add one before issuing a letter.',
    );
  });
});
