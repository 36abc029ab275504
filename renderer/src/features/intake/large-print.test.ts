import { describe, expect, it } from 'vitest';
import { emptyIntakeForm } from '#shared/model/intake';
import { largePrintMisfits } from './large-print';
import { translate } from '#lib/i18n/index';

const form = (over: Partial<ReturnType<typeof emptyIntakeForm>>) => ({ ...emptyIntakeForm('2026-12-06'), ...over });

describe('large print and the envelope window, at intake', () => {
  // The explorer's case: an ordinary four-line London address, accepted, then every large-print letter refused.
  const florence = {
    customerName: 'Florence Nightingale',
    addressLines: 'Flat 2\n10 South Street\nMayfair\nLondon',
    postcode: 'w1k 1de',
  };

  it('names the addressee whose address the window cannot hold at 16 pt, with the lines it holds and takes', () => {
    expect(largePrintMisfits(form({ ...florence, largePrint: true }), 'UK')).toEqual([
      { name: 'Florence Nightingale', size: 16, capacity: 5, printed: 6 },
    ]);
  });

  it('says nothing without large print, for an address that fits, or before an address is typed', () => {
    expect(largePrintMisfits(form({ ...florence, largePrint: false }), 'UK')).toEqual([]);
    expect(
      largePrintMisfits(form({ ...florence, addressLines: '10 South Street\nLondon', largePrint: true }), 'UK'),
    ).toEqual([]);
    expect(largePrintMisfits(form({ customerName: 'Ada', largePrint: true }), 'UK')).toEqual([]);
  });

  it('holds the address to the window of the provider’s letters: a Canadian one’s No. 10 window holds 4 lines', () => {
    const montreal = {
      customerName: 'Élodie Tremblay',
      addressLines: '1250 rue Sainte-Catherine O\nMontréal QC',
      postcode: 'H3G 1P1',
      largePrint: true,
    };
    expect(largePrintMisfits(form(montreal), 'CA')).toEqual([]);
    const withFlat = { ...montreal, addressLines: `Appartement 12\n${montreal.addressLines}` };
    expect(largePrintMisfits(form(withFlat), 'UK')).toEqual([]);
    expect(largePrintMisfits(form(withFlat), 'CA')).toEqual([
      { name: 'Élodie Tremblay', size: 16, capacity: 4, printed: 5 },
    ]);
  });

  it('checks the representative’s address too: the letter goes there, and the customer’s copy in the same print', () => {
    const rep = {
      repName: 'Sidney Herbert',
      repAddressLines: '49 Belgrave Square\nBelgravia\nWestminster\nLondon',
      repPostcode: 'SW1X 8QZ',
    };
    expect(
      largePrintMisfits(
        form({ ...florence, addressLines: '10 South Street\nLondon', ...rep, largePrint: true }),
        'UK',
      ).map((m) => m.name),
    ).toEqual(['Sidney Herbert']);
  });
});

describe('what the large-print warning advises', () => {
  const misfit = { name: 'Marie Côté', size: 16, capacity: 4, printed: 5 };
  it('for a Canadian address, Canada Post’s short forms; for a UK one, the county left out', () => {
    expect(translate('fr-CA', 'intake.largePrintWindow', { ...misfit, region: 'CA' })).toContain(
      'comme l’écrit Postes Canada\u00a0: le numéro d’appartement avant le numéro civique, 1204-2300',
    );
    expect(translate('en-GB', 'intake.largePrintWindow', { ...misfit, region: 'CA' })).toContain(
      'as Canada Post writes it',
    );
    expect(translate('en-GB', 'intake.largePrintWindow', { ...misfit, region: 'UK' })).toContain(
      'leave out the county',
    );
  });
});
