import { describe, expect, it } from 'vitest';
import { providerToForm, validateProvider } from '#shared/model/provider-form';
import { settingsToForm, validateSettings } from '#shared/model/settings';
import { en, fr } from '#test/support/translate';
import { formErrorsIn } from './form-errors';

describe('the settings and provider forms say their errors in the interface language', () => {
  const settings = {
    ...settingsToForm(null),
    deskPrefix: '1ab',
    handlerName: '',
    email: 'not an email',
    phone: '0'.repeat(200),
  };
  const checked = validateSettings(settings, { procedureIds: ['ofcom-baseline'] });
  if (checked.ok) throw new Error('the form is wrong on purpose');

  it('in French, each field as the screen names it, nothing in English', () => {
    const said = formErrorsIn(fr, checked.errors);
    expect(said.companyName).toBe('Indiquez le nom de l’entreprise pour l’en-tête');
    expect(said.email).toBe('Indiquez une adresse courriel comme plaintes@exemple.com');
    expect(said.deskPrefix).toMatch(/^Utilisez de 2 à 6 lettres majuscules/);
    expect(said.handlerName).toBe('Indiquez le nom de la personne qui travaille à ce poste');
    expect(said.phone).toMatch(/^Téléphone\u00a0: au plus \d+ caractères$/);
    for (const [field, message] of Object.entries(said))
      expect(message, field).not.toMatch(/\b(Enter|Choose|must|the|Use)\b/);
  });

  it('a desk in a team changing its prefix is told why, in French (p8b, G5)', () => {
    const inTeam = validateSettings(
      { ...settingsToForm(null), companyName: 'Acme', addressLines: '1 High Street', postcode: 'LS1 1AA' },
      { procedureIds: ['ofcom-baseline'], teamPrefix: 'LDS' },
    );
    if (inTeam.ok) throw new Error('RDR is not the team’s prefix for this desk');
    expect(formErrorsIn(fr, inTeam.errors).deskPrefix).toBe(
      'Ce poste partage ses dossiers avec une équipe, dont chaque poste garde son propre préfixe\u00a0: quittez l’équipe pour le changer',
    );
  });

  it('in English, the same words the checks return', () => {
    const said = formErrorsIn(en, checked.errors);
    expect(said.email).toBe(checked.errors.email);
    expect(said.phone).toBe(checked.errors.phone);
    expect(said.companyName).toBe('Enter the company’s name for the letterhead');
  });

  it('a provider with no name and no language', () => {
    const provider = validateProvider(
      { ...providerToForm(null), name: '', languages: [] },
      { procedureIds: ['ofcom-baseline'] },
    );
    if (provider.ok) throw new Error('the form is wrong on purpose');
    const said = formErrorsIn(fr, provider.errors);
    expect(said.name).toBe('Indiquez le nom sous lequel le poste connaît ce fournisseur');
    expect(Object.values(said).join(' ')).not.toMatch(/\b(Enter|Choose|must|the)\b/);
  });

  it('a provider named as another is, letter case and spacing aside (explore34b #6)', () => {
    const named = (name: string, others: string[]) =>
      validateProvider({ ...providerToForm(null), name }, { procedureIds: ['ofcom-baseline'] }, [], others);
    const taken = named('northwind  telecom ltd ', ['Jive Canada', 'Northwind Telecom Ltd']);
    if (taken.ok) throw new Error('the name is taken');
    expect(formErrorsIn(en, taken.errors).name).toBe(
      'Another provider is already called “Northwind Telecom Ltd”: give this one a name of its own',
    );
    expect(formErrorsIn(fr, taken.errors).name).toBe(
      'Un autre fournisseur s’appelle déjà «\u00a0Northwind Telecom Ltd\u00a0»\u00a0: donnez à celui-ci un nom qui lui est propre',
    );
    // Its own name (an edit) is not among the others; another name is free.
    const free = named('Northwind Telecom', ['Northwind Telecom Ltd']);
    expect(free.ok ? undefined : free.errors.name).toBeUndefined();
  });

  it('a message with no code is kept as it is', () => {
    expect(formErrorsIn(fr, { phone: 'Something else' })).toEqual({ phone: 'Something else' });
  });
});
