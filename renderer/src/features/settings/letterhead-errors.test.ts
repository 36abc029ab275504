import { describe, expect, it } from 'vitest';
import { en, fr } from '#test/support/translate';
import { letterheadErrorsIn } from './letterhead-errors';

const letterhead = {
  companyName: 'Northwind Broadband Ltd',
  addressLines: 'Unit 4, Canal Wharf\nLeeds',
  postcode: 'LS11 5PS',
  phone: '',
  email: '',
};

describe('a letterhead the letters could not print, refused in the form', () => {
  it('says so under the field, naming the characters, in the interface language', () => {
    expect(letterheadErrorsIn(en, letterhead)).toBeNull();
    expect(letterheadErrorsIn(en, { ...letterhead, companyName: 'Northwind ★ Broadband' })).toEqual({
      companyName:
        'The letter font cannot print ★: every letter with this letterhead would be refused. Write it without them (for example, in Latin letters).',
    });
    expect(letterheadErrorsIn(fr, { ...letterhead, addressLines: '光纤大厦\nLeeds' })?.addressLines).toBe(
      'La police des lettres ne peut pas imprimer 光, 纤, 大, 厦\u00a0: toutes les lettres portant cet en-tête seraient refusées. Écrivez-le sans eux (par exemple, en lettres latines).',
    );
    expect(letterheadErrorsIn(en, { ...letterhead, handlerName: 'Zoë 王' })).toEqual({
      handlerName:
        'The letter font cannot print 王: letters signed with this name would be refused. Write the name in Latin letters.',
    });
  });
});
