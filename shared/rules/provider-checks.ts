// What does not fit together in a provider (issue #16): a Canadian procedure counted on a UK calendar (or the
// reverse), a UK provider naming the CCTS (or a Canadian one a UK scheme), French-only letters for a UK regulator
// region, British English only for a Canadian one. These are warnings, not errors: the desk may have a reason (a UK brand with a Québec office), so it can go
// on after saying why. Shown before a provider is saved (Settings → Providers, first-run setup).
import { CALENDAR_LABELS } from '#shared/model/case';
import type { Provider } from '#shared/model/provider';
import { DEFAULT_ADR_DIRECTORY, type AdrDirectory } from './adr-schemes';
import type { ProcedureRegistry } from './procedure';
import { deskProcedures } from './procedures';

export type ProviderMismatchCode =
  'procedure-calendar' | 'procedure-region' | 'calendar-region' | 'scheme-region' | 'language-region';

export interface ProviderMismatch {
  code: ProviderMismatchCode;
  /** The form field the warning sits next to. */
  field: 'procedureId' | 'calendar' | 'adrSchemeId' | 'languages';
  message: string;
  /** What the message names, for the interface to say it in its own language (`providerMismatch.<code>`). */
  values: MismatchValues;
}

/** The facts a mismatch message names: countries as 'GB' / 'CA', the calendar by its id. */
export interface MismatchValues {
  procedure: string;
  procedureCountry: 'GB' | 'CA';
  calendar: Provider['calendar'];
  calendarCountry: 'GB' | 'CA';
  region: 'GB' | 'CA';
  scheme: string;
  schemeCountry: 'GB' | 'CA';
}

type Checked = Pick<Provider, 'procedureId' | 'calendar' | 'adrSchemeId' | 'languages' | 'region'>;

const countryWords = (c: 'GB' | 'CA') => (c === 'CA' ? 'Canadian' : 'UK');
const regionCountry = (region: Provider['region']): 'GB' | 'CA' => (region === 'CA' ? 'CA' : 'GB');
const calendarCountry = (calendar: Provider['calendar']): 'GB' | 'CA' => (calendar === 'canada' ? 'CA' : 'GB');

/** Every mismatch of a provider's settings, in plain words; [] when they fit together. */
export function providerMismatches(
  provider: Checked,
  registries: { procedures?: ProcedureRegistry; adrSchemes?: AdrDirectory } = {},
): ProviderMismatch[] {
  const procedures = registries.procedures ?? deskProcedures();
  const schemes = registries.adrSchemes ?? DEFAULT_ADR_DIRECTORY;
  const out: ProviderMismatch[] = [];
  const procedure = procedures.byId.get(provider.procedureId);
  const calendar = calendarCountry(provider.calendar);
  const region = regionCountry(provider.region);
  const schemeId = provider.adrSchemeId || procedure?.adrSchemeId;
  const scheme = schemeId ? schemes.byId.get(schemeId) : undefined;
  const values: MismatchValues = {
    procedure: procedure?.name ?? provider.procedureId,
    procedureCountry: procedure?.provider.country ?? region,
    calendar: provider.calendar,
    calendarCountry: calendar,
    region,
    // The scheme by its name ("Communications Ombudsman": its latest version's), not its id.
    scheme: scheme?.versions.at(-1)?.name ?? scheme?.id ?? '',
    schemeCountry: scheme?.country ?? region,
  };

  if (procedure && procedure.provider.country !== calendar) {
    out.push({
      code: 'procedure-calendar',
      field: 'calendar',
      values,
      message: `The ${countryWords(procedure.provider.country)} procedure “${procedure.name}” is counted on the ${CALENDAR_LABELS[provider.calendar]} calendar: its working days and holidays are ${countryWords(calendar)}.`,
    });
  }
  if (procedure && procedure.provider.country !== region) {
    out.push({
      code: 'procedure-region',
      field: 'procedureId',
      values,
      message: `The ${countryWords(procedure.provider.country)} procedure “${procedure.name}” is chosen for a provider regulated in ${region === 'CA' ? 'Canada' : 'the UK'}.`,
    });
  }
  if (calendar !== region && !(procedure && procedure.provider.country !== calendar)) {
    out.push({
      code: 'calendar-region',
      field: 'calendar',
      values,
      message: `The ${CALENDAR_LABELS[provider.calendar]} calendar is chosen for a ${countryWords(region)} provider.`,
    });
  }
  if (scheme && scheme.country !== region) {
    out.push({
      code: 'scheme-region',
      field: 'adrSchemeId',
      values,
      message:
        scheme.country === 'CA'
          ? `A UK provider's letters would name the CCTS, which handles only Canadian complaints.`
          : `A Canadian provider's letters would name a UK scheme (${values.scheme}); Canadian customers go to the CCTS.`,
    });
  }
  // Letters in no language of the region: French only in the UK, British English only in Canada (the language a new
  // provider's form starts with, left as it was when its region was changed: explore32-desk #2).
  const theirs = region === 'GB' ? (l: string) => l !== 'fr-CA' : (l: string) => l !== 'en-GB';
  if (provider.languages.length > 0 && !provider.languages.some(theirs)) {
    out.push({
      code: 'language-region',
      field: 'languages',
      values,
      message:
        region === 'GB'
          ? 'Letters only in French for a UK provider: UK customers are written to in English.'
          : 'Letters only in English (UK) for a Canadian provider: Canadian customers are written to in English (Canada) or French (Canada).',
    });
  }
  return out;
}
