import { describe, expect, it } from 'vitest';
import type { CaseRecord, DeskSettings } from './case';
import {
  activeProviders,
  deskCompanyName,
  deskProviders,
  FIRST_PROVIDER_ID,
  letterLanguageForCase,
  letterLanguagesForCase,
  providerForCase,
  providerFromSettings,
  savedDeskForm,
  settingsForCase,
  usualProvider,
  withProviders,
  type Provider,
} from './provider';
import { checkStoredRow } from './stored';

const desk: DeskSettings = {
  deskPrefix: 'RDR',
  calendar: 'england-and-wales',
  defaultProcedureId: 'kijoma',
  handlerName: 'Sam',
  company: { name: 'Kijoma Broadband', addressLines: ['1 High Street', 'Leeds'], postcode: 'LS1 1AA' },
  adrSchemeId: 'cisas',
};
const jive: Provider = {
  id: 'jive',
  name: 'Jive Canada',
  company: {
    name: 'Jive Communications Canada',
    addressLines: ['1 rue Sainte-Catherine', 'Montréal QC'],
    postcode: 'H3B 1A7',
  },
  procedureId: 'jive-ca',
  calendar: 'canada',
  languages: ['fr-CA', 'en-CA'],
  defaultLanguage: 'fr-CA',
  region: 'CA',
};
const two = withProviders({ ...withProviders(desk) });
two.providers = [...two.providers!, jive];
const record = (providerId?: string): Pick<CaseRecord, 'providerId' | 'communication'> =>
  providerId ? { providerId } : {};

describe('providers', () => {
  it('the first run gives the first provider the id it is handed; settings stored without providers keep `first` (p8b, G6)', () => {
    const firstRun = savedDeskForm(desk, undefined, undefined, 'first-abc');
    expect(firstRun.providers!.map((p) => p.id)).toEqual(['first-abc']);
    expect(firstRun.defaultProviderId).toBe('first-abc');
    expect(savedDeskForm(desk, desk, undefined, 'first-abc').providers!.map((p) => p.id)).toEqual([FIRST_PROVIDER_ID]);
    // A case of a provider the desk does not hold follows `first` when the desk has it, else its usual provider.
    // (listed first, as the providers table's key order may put it: the usual one is still followed)
    const own = { ...firstRun, providers: [{ ...jive, id: 'provider-000' }, ...firstRun.providers!] };
    expect(providerForCase(record('elsewhere'), own)).toMatchObject({ provider: { id: 'first-abc' }, known: false });
    expect(providerForCase(record(), own)).toMatchObject({ provider: { id: 'first-abc' }, known: false });
    expect(providerForCase(record('elsewhere'), two)).toMatchObject({ provider: { id: FIRST_PROVIDER_ID } });
  });

  it('a Canadian desk set up in French writes its letters in French first; in English, English first (explore27 Québec)', () => {
    const canadian: DeskSettings = {
      ...desk,
      calendar: 'canada',
      defaultProcedureId: 'jive-ca',
      adrSchemeId: undefined,
    };
    const usual = (s: DeskSettings) => s.providers!.find((p) => p.id === s.defaultProviderId)!;
    const inFrench = usual(savedDeskForm(canadian, undefined, undefined, 'first-fr', 'fr-CA'));
    expect(inFrench).toMatchObject({ languages: ['en-CA', 'fr-CA'], defaultLanguage: 'fr-CA' });
    expect(usual(savedDeskForm(canadian, undefined, undefined, 'first-en', 'en-GB')).defaultLanguage).toBe('en-CA');
    expect(usual(savedDeskForm(canadian, undefined, undefined, 'first-none')).defaultLanguage).toBe('en-CA');
    // A UK desk writes English (UK), whatever the interface.
    expect(usual(savedDeskForm(desk, undefined, undefined, 'first-uk', 'fr-CA')).defaultLanguage).toBe('en-GB');
    // A UK provider moved to a Canadian calendar from a French interface: French first too.
    const uk = savedDeskForm(desk, undefined, undefined, 'first-uk');
    expect(usual(savedDeskForm({ ...canadian }, uk, undefined, 'first-x', 'fr-CA')).defaultLanguage).toBe('fr-CA');
  });

  it('settings from before providers have one provider, made from their letterhead, procedure, calendar and scheme', () => {
    expect(deskProviders(desk)).toEqual([
      {
        id: FIRST_PROVIDER_ID,
        name: 'Kijoma Broadband',
        company: desk.company,
        procedureId: 'kijoma',
        calendar: 'england-and-wales',
        adrSchemeId: 'cisas',
        languages: ['en-GB'],
        defaultLanguage: 'en-GB',
        region: 'UK',
      },
    ]);
    const stored = withProviders(desk);
    expect(stored.providers).toEqual([providerFromSettings(desk)]);
    expect(stored.defaultProviderId).toBe(FIRST_PROVIDER_ID);
    expect(checkStoredRow('settings', { key: 'desk', value: stored })).toEqual({ refused: [], overLimits: [] });
  });

  it("a case follows its own provider's letterhead, procedure, calendar and scheme, whatever the desk's usual one is", () => {
    const usualJive = { ...two, defaultProviderId: 'jive' };
    const forJive = settingsForCase(record('jive'), usualJive);
    expect(forJive.company.name).toBe('Jive Communications Canada');
    expect(forJive.calendar).toBe('canada');
    expect(forJive.defaultProcedureId).toBe('jive-ca');
    expect(forJive.adrSchemeId).toBeUndefined();
    expect(forJive.handlerName).toBe('Sam');
    const forFirst = settingsForCase(record(FIRST_PROVIDER_ID), usualJive);
    expect(forFirst.company.name).toBe('Kijoma Broadband');
    expect(forFirst.adrSchemeId).toBe('cisas');
    // A case logged before providers existed follows the first provider, even when Jive is the usual one now.
    expect(settingsForCase(record(), usualJive).company.name).toBe('Kijoma Broadband');
    expect(providerForCase(record('elsewhere'), usualJive)).toEqual({ provider: two.providers![0], known: false });
  });

  it("the letters' language is the customer's, else the provider's default", () => {
    expect(letterLanguageForCase(record('jive'), two)).toBe('fr-CA');
    expect(letterLanguageForCase({ providerId: 'jive', communication: { language: 'en-CA' } }, two)).toBe('en-CA');
    expect(letterLanguageForCase(record(), two)).toBe('en-GB');
  });

  it("a case's letters carry its own provider's logo, never the desk's usual provider's", () => {
    const KIJOMA_LOGO = 'data:image/png;base64,iVBORw0KGgoKIJOMA';
    const JIVE_LOGO = 'data:image/jpeg;base64,/9j/JIVE';
    const logos = withProviders({ ...desk, logoDataUrl: KIJOMA_LOGO });
    logos.providers = [...logos.providers!, { ...jive, logoDataUrl: JIVE_LOGO }];
    expect(logos.providers[0].logoDataUrl).toBe(KIJOMA_LOGO);
    // Kijoma is the usual provider (its logo is the desk settings' own): a Jive case still gets Jive's.
    expect(settingsForCase(record('jive'), logos).logoDataUrl).toBe(JIVE_LOGO);
    expect(settingsForCase(record(FIRST_PROVIDER_ID), logos).logoDataUrl).toBe(KIJOMA_LOGO);
    // Jive usual now: a Kijoma case, and one from before providers existed, keep Kijoma's.
    const usualJive = { ...logos, defaultProviderId: 'jive', logoDataUrl: JIVE_LOGO };
    expect(settingsForCase(record(FIRST_PROVIDER_ID), usualJive).logoDataUrl).toBe(KIJOMA_LOGO);
    expect(settingsForCase(record(), usualJive).logoDataUrl).toBe(KIJOMA_LOGO);
    // A provider with no logo of its own prints none: not the desk settings' (the usual provider's).
    const noLogo = { ...usualJive, providers: [logos.providers[0], jive] };
    expect(settingsForCase(record('jive'), { ...noLogo, logoDataUrl: KIJOMA_LOGO })).not.toHaveProperty('logoDataUrl');
  });

  it("a case's letters are offered in its provider's languages and the customer's own, the one they start in first", () => {
    // A UK provider offers English (UK) only.
    expect(letterLanguagesForCase(record(FIRST_PROVIDER_ID), two)).toEqual(['en-GB']);
    // Jive offers French and English (Canada), French (its default) first.
    expect(letterLanguagesForCase(record('jive'), two)).toEqual(['fr-CA', 'en-CA']);
    // A Jive customer who reads English: English (Canada) first, French still offered.
    expect(letterLanguagesForCase({ providerId: 'jive', communication: { language: 'en-CA' } }, two)).toEqual([
      'en-CA',
      'fr-CA',
    ]);
    // A customer whose language the provider does not offer: theirs is added, and first (the letter starts in it).
    expect(
      letterLanguagesForCase({ providerId: FIRST_PROVIDER_ID, communication: { language: 'fr-CA' } }, two),
    ).toEqual(['fr-CA', 'en-GB']);
    expect(letterLanguagesForCase({ providerId: 'jive', communication: { language: 'en-GB' } }, two)).toEqual([
      'en-GB',
      'en-CA',
      'fr-CA',
    ]);
    // A case from before providers existed, or of a provider this desk does not hold: the first provider's.
    expect(letterLanguagesForCase(record(), two)).toEqual(['en-GB']);
    expect(letterLanguagesForCase(record('elsewhere'), two)).toEqual(['en-GB']);
    // Whatever the case, the language its letters start in is always on offer, first.
    for (const r of [record('jive'), record(), { providerId: 'jive', communication: { language: 'en-GB' as const } }])
      expect(letterLanguagesForCase(r, two)[0]).toBe(letterLanguageForCase(r, two));
  });

  it('a retired provider takes no new cases; the usual one falls back to an active one', () => {
    const retired = {
      ...two,
      defaultProviderId: 'jive',
      providers: two.providers!.map((p) => (p.id === 'jive' ? { ...p, retiredOn: '2026-12-01' } : p)),
    };
    expect(activeProviders(retired).map((p) => p.id)).toEqual([FIRST_PROVIDER_ID]);
    expect(usualProvider(retired).id).toBe(FIRST_PROVIDER_ID);
    expect(providerForCase(record('jive'), retired).provider.name).toBe('Jive Canada');
  });

  it('the desk is named by its usual provider’s company, not the letterhead last saved under Settings', () => {
    expect(deskCompanyName(two)).toBe('Kijoma Broadband');
    expect(deskCompanyName({ ...two, defaultProviderId: 'jive' })).toBe('Jive Communications Canada');
  });

  it('the stored settings refuse a provider twice, a usual provider not held, or a default language not offered', () => {
    const check = (value: DeskSettings) =>
      checkStoredRow('settings', { key: 'desk', value }).refused.map((p) => p.message);
    expect(check({ ...two, providers: [...two.providers!, jive] })).toEqual(['holds provider "jive" twice']);
    expect(check({ ...two, defaultProviderId: 'nobody' })).toEqual(['names no provider of the desk']);
    expect(check({ ...two, providers: [two.providers![0], { ...jive, defaultLanguage: 'en-GB' }] })).toEqual([
      'must be one of its languages',
    ]);
  });
});
