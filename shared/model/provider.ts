// Providers (brands) a desk handles complaints for (issue #16): each has its own letterhead, complaints procedure,
// working-day calendar, ADR scheme, letter languages and regulator region. They are kept in the desk's settings
// (`DeskSettings.providers`); a case keeps the one it was logged for (`CaseRecord.providerId`).
//
// THE rule for "which provider does this case follow" is `providerForCase`, and what the letters read as the case's
// letterhead is `settingsForCase`: every letter, clock and report of a case goes through them, never through the
// desk's current letterhead.
import {
  LETTER_LANGUAGES,
  type CalendarId,
  type CaseRecord,
  type CompanyDetails,
  type DeskSettings,
  type LetterLanguageCode,
} from './case';
import { sayingInEnglish } from './saying';
import { languageOfLocale } from './dates';

export const REGULATOR_REGIONS = ['UK', 'CA'] as const;
export type RegulatorRegion = (typeof REGULATOR_REGIONS)[number];
export const REGULATOR_REGION_LABELS: Record<RegulatorRegion, string> = {
  UK: 'United Kingdom (Ofcom)',
  CA: 'Canada (CRTC)',
};

export interface Provider {
  id: string;
  /** The brand's name, as the desk picks it at intake. */
  name: string;
  /** The letterhead. */
  company: CompanyDetails;
  /** A PNG or JPEG `data:` URL (model/settings.ts for the limits). */
  logoDataUrl?: string;
  /** The complaints procedure the provider follows (a procedure id of the rules). */
  procedureId: string;
  calendar: CalendarId;
  /** The ADR scheme its letters name; absent: the procedure's own scheme. */
  adrSchemeId?: string;
  /** The languages its letters are offered in; the default one first in the picker. */
  languages: LetterLanguageCode[];
  defaultLanguage: LetterLanguageCode;
  region: RegulatorRegion;
  /** Retired: no new cases; its existing cases keep working. The day it was retired. */
  retiredOn?: string;
  /** Why the desk saved it despite the mismatch warnings (shared/rules/provider-checks.ts), and which ones. */
  mismatchReason?: string;
  mismatchesAccepted?: string[];
}

/**
 * The id of the provider made from the desk's own settings by a desk set up before providers had ids of their own,
 * and the provider of older cases (with no `providerId`). A desk set up now names its first provider with an id of its own
 * (`first-<uuid>`, given by the repository): in a team every desk's providers are documents of one database, and
 * two desks that each had a provider `first` would write one document (p8b, issue #16 gap G6).
 */
export const FIRST_PROVIDER_ID = 'first';

/** The region a calendar belongs to. */
export const regionOfCalendar = (calendar: CalendarId): RegulatorRegion => (calendar === 'canada' ? 'CA' : 'UK');

/**
 * The letter languages a provider of a region starts with: English (UK); in Canada English and French, French first
 * when the desk works in French (`working`: its interface language; a Québec desk owes its customers French, Charte de
 * la langue française), else English first.
 */
export function regionLanguages(
  region: RegulatorRegion,
  working?: string,
): Pick<Provider, 'languages' | 'defaultLanguage'> {
  return region === 'CA'
    ? { languages: ['en-CA', 'fr-CA'], defaultLanguage: languageOfLocale(working) === 'fr' ? 'fr-CA' : 'en-CA' }
    : { languages: ['en-GB'], defaultLanguage: 'en-GB' };
}

/** The first provider, made from the letterhead, procedure and calendar the desk's settings held before #16. */
export function providerFromSettings(settings: DeskSettings, id = FIRST_PROVIDER_ID, working?: string): Provider {
  const region = regionOfCalendar(settings.calendar);
  return {
    id,
    name: settings.company.name,
    company: settings.company,
    ...(settings.logoDataUrl ? { logoDataUrl: settings.logoDataUrl } : {}),
    procedureId: settings.defaultProcedureId,
    calendar: settings.calendar,
    ...(settings.adrSchemeId ? { adrSchemeId: settings.adrSchemeId } : {}),
    ...regionLanguages(region, working),
    region,
  };
}

/** The desk's providers: those stored, or (settings from before #16, e.g. restored from an old backup) the first one made from them. */
export function deskProviders(settings: DeskSettings): Provider[] {
  return settings.providers?.length ? settings.providers : [providerFromSettings(settings)];
}

/** The regulator regions of the desk's providers (retired ones too): which regulators' rows, columns and laws apply. */
export function deskRegions(settings: DeskSettings): Set<RegulatorRegion> {
  return new Set(deskProviders(settings).map((p) => p.region));
}

/**
 * The settings with their providers made explicit (the schema upgrade and the first-run setup store this). `firstId`:
 * the id of a first provider made from the settings (the first run gives a new one; older settings keep `first`).
 */
export function withProviders(settings: DeskSettings, firstId = FIRST_PROVIDER_ID, working?: string): DeskSettings {
  const providers = settings.providers?.length
    ? settings.providers
    : [providerFromSettings(settings, firstId, working)];
  const usual = providers.some((p) => p.id === settings.defaultProviderId)
    ? settings.defaultProviderId!
    : providers[0].id;
  return { ...settings, providers, defaultProviderId: usual };
}

/**
 * The settings form's values saved over the stored settings. The form shows and edits the USUAL provider's letterhead,
 * logo, procedure, calendar and ADR scheme (`settingsForUsual`), so those go to that provider; the other providers,
 * and which one is usual, are kept. Settings with no stored providers (the first run) get their first one from them.
 * `accepted`: the mismatch warnings the desk went on despite (shared/rules/provider-checks.ts), and why.
 * `firstId`: the id the first run gives the desk's first provider (one of its own, so no two desks of a team share it).
 * `working`: the interface language of the person saving: a Canadian provider made or moved here writes French first
 * when it is French (`regionLanguages`).
 */
export function savedDeskForm(
  next: DeskSettings,
  stored: DeskSettings | undefined,
  accepted?: { reason: string; codes: string[] },
  firstId = FIRST_PROVIDER_ID,
  working?: string,
): DeskSettings {
  const saved = savedDeskFormValues(next, stored, firstId, working);
  if (!accepted) return saved;
  const usualId = usualProvider(saved).id;
  return {
    ...saved,
    providers: saved.providers!.map((p) =>
      p.id === usualId ? { ...p, mismatchReason: accepted.reason, mismatchesAccepted: accepted.codes } : p,
    ),
  };
}

function savedDeskFormValues(
  next: DeskSettings,
  stored: DeskSettings | undefined,
  firstId: string,
  working?: string,
): DeskSettings {
  // Stored settings without providers (from before #16): their cases follow `first`, so the first provider keeps it.
  if (next.providers !== undefined || !stored?.providers?.length)
    return withProviders(next, stored ? FIRST_PROVIDER_ID : firstId, working);
  const usualId = usualProvider(stored).id;
  const providers = stored.providers.map((p) => {
    if (p.id !== usualId) return p;
    const { logoDataUrl: _oldLogo, adrSchemeId: _oldScheme, ...rest } = p;
    // The form has no region: its calendar moves the provider to the calendar's region, with that region's languages.
    const region = regionOfCalendar(next.calendar);
    return {
      ...rest,
      ...(region === p.region ? {} : { region, ...regionLanguages(region, working) }),
      company: next.company,
      procedureId: next.defaultProcedureId,
      calendar: next.calendar,
      ...(next.logoDataUrl ? { logoDataUrl: next.logoDataUrl } : {}),
      ...(next.adrSchemeId ? { adrSchemeId: next.adrSchemeId } : {}),
    };
  });
  return withProviders({ ...next, providers, defaultProviderId: stored.defaultProviderId });
}

/** The settings as the settings form shows them: the usual provider's letterhead, procedure, calendar and scheme. */
export const settingsForUsual = (settings: DeskSettings): DeskSettings =>
  settingsForCase({ providerId: usualProvider(settings).id }, settings);

/** The desk's usual provider: the one intake offers first (an active one when the usual one has been retired). */
export function usualProvider(settings: DeskSettings): Provider {
  const providers = deskProviders(settings);
  const usual = providers.find((p) => p.id === settings.defaultProviderId);
  if (usual && !usual.retiredOn) return usual;
  return providers.find((p) => !p.retiredOn) ?? usual ?? providers[0];
}

/**
 * The desk's name where one name stands for it (the header, the deadlines calendar, an unfiltered report): its usual
 * provider's company. Not `settings.company`, the letterhead last saved under Settings, which making another provider
 * the usual one leaves as it was.
 */
export const deskCompanyName = (settings: DeskSettings): string => usualProvider(settings).company.name;

/**
 * The active providers other than `id`: those that can take a retiring provider's place (as the usual one), none when
 * `id` is the only active provider (which is then not retired).
 */
export const successorsOf = (providers: readonly Provider[], id: string): Provider[] =>
  providers.filter((p) => p.id !== id && !p.retiredOn);

/** Providers a new case can be logged for. */
export const activeProviders = (settings: DeskSettings): Provider[] =>
  deskProviders(settings).filter((p) => !p.retiredOn);

/**
 * THE provider of a case: the one it was logged for (`caseProviderId`: its id, for reports and filters). A case from before providers existed follows the desk's first
 * provider (made from the settings it was logged with); a case whose provider this desk does not hold (merged from
 * another desk's backup) follows the first provider too, and says so (`known: false`). A desk set up with a first
 * provider of its own id (no `first`) lets such a case follow its usual provider.
 */
/**
 * What choosing a provider for a case needs to know of it (a correction, an import): a retired one takes no cases. A
 * correction that moves a case also reads its procedure (the form's procedure follows it) and what the mismatch
 * checks need (region, scheme, languages), when the desk's providers are given in full.
 */
export type ProviderChoice = Pick<Provider, 'id' | 'name' | 'calendar' | 'retiredOn'> &
  Partial<Pick<Provider, 'procedureId' | 'region' | 'adrSchemeId' | 'languages'>>;

export const caseProviderId = (record: Pick<CaseRecord, 'providerId'>): string =>
  record.providerId ?? FIRST_PROVIDER_ID;

export function providerForCase(
  record: Pick<CaseRecord, 'providerId'>,
  settings: DeskSettings,
): { provider: Provider; known: boolean } {
  const providers = deskProviders(settings);
  const id = caseProviderId(record);
  const found = providers.find((p) => p.id === id);
  if (found) return { provider: found, known: true };
  return { provider: providers.find((p) => p.id === FIRST_PROVIDER_ID) ?? usualProvider(settings), known: false };
}

/** A case's provider's name for exports and reports; a provider this desk does not hold is named by its id. */
export function providerName(record: Pick<CaseRecord, 'providerId'>, settings: DeskSettings): string {
  const { provider, known } = providerForCase(record, settings);
  return known ? provider.name : caseProviderId(record);
}

/**
 * The settings as a case's letters read them: the desk's own (prefix, handler, retention) with the case's provider's
 * letterhead, logo, procedure, calendar and ADR scheme. Every letter and export of a case is built from this.
 */
export function settingsForCase(record: Pick<CaseRecord, 'providerId'>, settings: DeskSettings): DeskSettings {
  const { provider } = providerForCase(record, settings);
  const { logoDataUrl: _logo, adrSchemeId: _scheme, ...desk } = settings;
  return {
    ...desk,
    company: provider.company,
    defaultProcedureId: provider.procedureId,
    calendar: provider.calendar,
    ...(provider.logoDataUrl ? { logoDataUrl: provider.logoDataUrl } : {}),
    ...(provider.adrSchemeId ? { adrSchemeId: provider.adrSchemeId } : {}),
  };
}

/** The language a case's letters are written in unless the desk picks another: the customer's, else the provider's. */
export function letterLanguageForCase(
  record: Pick<CaseRecord, 'providerId' | 'communication'>,
  settings: DeskSettings,
): LetterLanguageCode {
  return record.communication?.language ?? providerForCase(record, settings).provider.defaultLanguage;
}

/**
 * The languages a case's letters are offered in: the provider's, and the customer's own if it is not among them. The
 * one its letters start in (`letterLanguageForCase`) comes first, as the provider's default does in the picker; the
 * others follow in the catalogue's order.
 */
export function letterLanguagesForCase(
  record: Pick<CaseRecord, 'providerId' | 'communication'>,
  settings: DeskSettings,
): LetterLanguageCode[] {
  const offered = providerForCase(record, settings).provider.languages;
  const first = letterLanguageForCase(record, settings);
  return [first, ...LETTER_LANGUAGES.filter((l) => l !== first && offered.includes(l))];
}

export const isLetterLanguage = (value: string): value is LetterLanguageCode =>
  (LETTER_LANGUAGES as readonly string[]).includes(value);

// ---------------------------------------------------------------------------------------------------------------
// h17: why a change to the desk's providers is refused, with a code and values: the one home of its English (the
// error's message); the Settings screen says it in its language from `code` (the catalogue's `providerRefusal.<code>`).
export const PROVIDER_REFUSALS_EN = {
  'no-desk': 'Set up the desk first: its settings are not saved yet.',
  unknown: 'This desk has no provider “{id}”.',
  'only-active': "{name} is the desk's only active provider: add another before retiring it.",
  'retired-not-usual': '{name} is retired: bring it back before making it the usual one.',
  'usual-needs-successor': '{name} is the usual provider: choose the provider that takes its place before retiring it.',
  'procedure-retired':
    'The procedure “{procedure}” is retired: reinstate it (Settings → Procedures) or choose another for {name} first.',
} as const;
export type ProviderRefusalCode = keyof typeof PROVIDER_REFUSALS_EN;

export class ProviderRefusal extends Error {
  constructor(
    readonly code: ProviderRefusalCode,
    readonly values: Readonly<Record<string, string>> = {},
  ) {
    super(sayingInEnglish(PROVIDER_REFUSALS_EN, { code, values }));
    this.name = 'ProviderRefusal';
  }
}
