import { describe, expect, it } from 'vitest';
import { elideBefore, FRENCH_ELISION } from './elision';

const before = (fixed: string, value: string) => elideBefore(fixed, value, FRENCH_ELISION) + value;

describe('French elision', () => {
  it('writes "de" and "que" short before a vowel or an h', () => {
    expect(before('au nom de ', 'Élodie Tremblay')).toBe('au nom d’Élodie Tremblay');
    expect(before('le compte de ', 'Hélène Roy')).toBe('le compte d’Hélène Roy');
    expect(before('le même numéro que ', 'un autre dossier')).toBe('le même numéro qu’un autre dossier');
    expect(before('De ', 'export.csv')).toBe('D’export.csv');
    expect(before('(par l’entremise de ', 'André')).toBe('(par l’entremise d’André');
  });

  it('leaves every other case as it is', () => {
    expect(before('au nom de ', 'Luc Gagnon')).toBe('au nom de Luc Gagnon');
    expect(before('au nom de ', 'Yannick Roy')).toBe('au nom de Yannick Roy');
    expect(before('une entreprise de ', '11 employés')).toBe('une entreprise de 11 employés');
    // Only the whole word: "monde" ends in "de" but is not it.
    expect(before('le monde ', 'entier')).toBe('le monde entier');
    expect(before('de', 'Anne')).toBe('deAnne');
    expect(before('', 'Anne')).toBe('Anne');
  });
});
