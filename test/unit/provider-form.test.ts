import { describe, expect, it } from 'vitest';
import { providerMismatches } from '#shared/rules/provider-checks';
import { providerToForm, validateProvider, type ProviderForm } from '#shared/model/provider-form';

const choices = { procedureIds: ['kijoma', 'jive-ca'], adrSchemeIds: ['ccts', 'cisas'] };
const jiveForm: ProviderForm = {
  ...providerToForm(null),
  name: 'Jive Canada',
  companyName: 'Jive Communications Canada',
  addressLines: '1000 rue De La Gauchetière\nMontréal QC',
  postcode: 'h3b 4w5',
  procedureId: 'jive-ca',
  calendar: 'canada',
  languages: ['fr-CA', 'en-CA'],
  defaultLanguage: 'fr-CA',
  region: 'CA',
};
const warnings = (f: ProviderForm) =>
  providerMismatches({
    procedureId: f.procedureId,
    calendar: f.calendar as never,
    adrSchemeId: f.adrSchemeId || undefined,
    languages: f.languages as never,
    region: f.region as never,
  });

describe('the provider form', () => {
  it('turns into a provider, and back into the same form', () => {
    const result = validateProvider(jiveForm, choices, warnings(jiveForm));
    expect(result).toEqual({
      ok: true,
      value: {
        name: 'Jive Canada',
        company: {
          name: 'Jive Communications Canada',
          addressLines: ['1000 rue De La Gauchetière', 'Montréal QC'],
          postcode: 'H3B 4W5',
        },
        procedureId: 'jive-ca',
        calendar: 'canada',
        languages: ['en-CA', 'fr-CA'],
        defaultLanguage: 'fr-CA',
        region: 'CA',
      },
    });
    if (!result.ok) return;
    expect(providerToForm({ ...result.value, id: 'x' })).toEqual({
      ...jiveForm,
      postcode: 'H3B 4W5',
      languages: ['en-CA', 'fr-CA'],
    });
  });

  it('names each bad field with the letterhead checks the desk settings use', () => {
    const result = validateProvider(
      {
        ...jiveForm,
        name: '',
        email: 'nope',
        procedureId: 'other',
        languages: ['en-CA'],
        addressLines: 'a\nb\nc\nd\ne\nf',
      },
      choices,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      name: 'Enter the name the desk knows this provider by',
      email: 'Enter an email address like complaints@example.com',
      procedureId: 'Choose the complaints procedure this provider follows',
      defaultLanguage: 'The default language must be one of the languages offered',
      addressLines: expect.stringContaining('The address has 6 lines'),
    });
  });

  it('with a mismatch (Jive on the England & Wales calendar) asks for a reason, and keeps it with the warnings', () => {
    const form = { ...jiveForm, calendar: 'england-and-wales' };
    const found = warnings(form);
    expect(found.map((m) => m.code)).toEqual(['procedure-calendar']);
    const refused = validateProvider(form, choices, found);
    expect(refused).toEqual({
      ok: false,
      errors: { mismatchReason: 'Say why this provider is set up this way despite the warnings above' },
    });
    const accepted = validateProvider({ ...form, mismatchReason: 'Our Canadian desk works UK hours' }, choices, found);
    expect(accepted.ok && accepted.value).toMatchObject({
      mismatchReason: 'Our Canadian desk works UK hours',
      mismatchesAccepted: ['procedure-calendar'],
    });
  });
});
