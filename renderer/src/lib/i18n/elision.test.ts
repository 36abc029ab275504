import { describe, expect, it } from 'vitest';
import { plainArguments } from './elision';
import { translate } from './index';

describe('French elision in the interface', () => {
  it('writes "de" and "que" short before a name that starts with a vowel or an h', () => {
    expect(translate('fr-CA', 'sharing.passwordFor', { user: 'Élodie' })).toBe('Mot de passe d’Élodie');
    expect(translate('fr-CA', 'sharing.passwordFor', { user: 'Luc' })).toBe('Mot de passe de Luc');
    expect(translate('fr-CA', 'caseTable.via', { name: 'Hélène Roy' })).toBe('(par l’entremise d’Hélène Roy)');
    expect(translate('fr-CA', 'settings.people.addedMessage', { name: 'Omar' })).toMatch(/^Le nom d’Omar figure/);
    expect(translate('fr-CA', 'import.loggedOne', { file: 'export.csv', first: 'RDR-2026-000001' })).toMatch(
      /^D’export\.csv\u00a0: inscrit sous RDR-2026-000001/,
    );
    expect(
      translate('fr-CA', 'backupProblem.same-as', {
        where: 'Ligne 3',
        field: 'numéro',
        other: 'un autre dossier',
        key: 'RDR-1',
      }),
    ).toBe('Ligne 3\u00a0: le même numéro qu’un autre dossier (RDR-1)');
  });

  it('leaves the mark nowhere, English as it is, and a value a message selects on unmarked', () => {
    const text = translate('fr-CA', 'caseTable.via', { name: 'Anne' });
    expect(text).not.toMatch(/\u2063/);
    expect(translate('en-GB', 'caseTable.via', { name: 'Anne' })).toBe('(via Anne)');
    expect(translate('fr-CA', 'explain.value.ordinal', { n: 2 })).toBe('deuxième');
    expect(plainArguments('{n, select, 1 {premier} other {{n}e}}').has('n')).toBe(false);
    expect([...plainArguments('Mot de passe de {user} ({count, plural, one {#} other {#}})')]).toEqual(['user']);
  });
});
