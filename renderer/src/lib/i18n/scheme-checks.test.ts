import { describe, expect, it } from 'vitest';
import { en, fr } from '#test/support/translate';
import { schemeCheckIn, schemeFactsIn } from './scheme-checks';

const check = {
  schemeId: 'cisas',
  schemeName: 'CISAS',
  website: 'www.cedr.com/consumer/cisas',
  facts: ['postalAddress' as const],
};

describe('unverified scheme facts in the interface language', () => {
  it('names the facts, a field the catalogue does not know as the directory writes it', () => {
    expect(schemeFactsIn(en, 'en-GB', ['website', 'phone', 'postalAddress'])).toBe(
      'the website, the phone number and the postal address',
    );
    expect(schemeFactsIn(fr, 'fr-CA', ['email', 'postalAddress'])).toBe('l’adresse courriel et l’adresse postale');
    expect(schemeFactsIn(en, 'en-GB', ['fax'])).toBe('fax');
  });

  it('says which fact to check and where, before one letter is issued or a print run made', () => {
    expect(schemeCheckIn(en, 'en-GB', check)).toBe(
      'This letter gives the postal address of CISAS as Redress’s scheme directory has it, not yet verified against the scheme’s own publications. Check it on the scheme’s website, www.cedr.com/consumer/cisas, before you issue the letter.',
    );
    expect(schemeCheckIn(en, 'en-GB', check, ['RDR-2026-000001', 'RDR-2026-000002'])).toContain(
      'The letters for RDR-2026-000001 and RDR-2026-000002 give the postal address of CISAS',
    );
    expect(schemeCheckIn(fr, 'fr-CA', check, ['RDR-2026-000001'])).toContain(
      'La lettre du dossier RDR-2026-000001 donne l’adresse postale de CISAS d’après le répertoire',
    );
  });
});
