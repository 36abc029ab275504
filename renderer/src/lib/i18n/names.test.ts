import { describe, expect, it } from 'vitest';
import { ANONYMISED_NAME } from '#shared/model/personal-data';
import { nameIn } from './names';
import { translate } from './index';

describe('a name as the screens show it', () => {
  it('says the anonymised name in the interface language, and any other name as given', () => {
    const fr = (key: Parameters<typeof translate>[1]) => translate('fr-CA', key);
    const en = (key: Parameters<typeof translate>[1]) => translate('en-GB', key);
    expect(nameIn(fr, ANONYMISED_NAME)).toBe('Anonymisé');
    expect(nameIn(en, ANONYMISED_NAME)).toBe('Anonymised');
    expect(nameIn(fr, 'Ada Lovelace')).toBe('Ada Lovelace');
    expect(nameIn(fr, 'anonymised')).toBe('anonymised');
  });
});
