// The provider form (Settings → Providers): checked with the letterhead checks the desk's settings use
// (./settings.ts `letterheadShape`), and turned into the stored provider (./provider.ts).
import { z } from 'zod';
import { CALENDARS, LETTER_LANGUAGES, type LetterLanguageCode } from './case';
import { REGULATOR_REGIONS, regionLanguages, type Provider, type RegulatorRegion } from './provider';
import { companyFromForm, type LetterheadForm, letterheadShape, text, type SettingsChoices } from './settings';
import { STORED_LIMITS as L } from './stored';
import { PROBLEMS_EN, sayProblem } from './problems';
import { sameName } from './text';

export interface ProviderForm extends LetterheadForm {
  name: string;
  procedureId: string;
  calendar: string;
  /** '' for the scheme of the provider's procedure. */
  adrSchemeId: string;
  languages: string[];
  defaultLanguage: string;
  region: string;
  /** Why the desk saves it despite the mismatch warnings; required only when there are some. */
  mismatchReason: string;
}
export type ProviderField = keyof ProviderForm;

const schema = ({ procedureIds, adrSchemeIds = [] }: SettingsChoices) =>
  z
    .object({
      name: text(L.companyName, 'Name').min(1, PROBLEMS_EN['provider-name-missing']),
      ...letterheadShape({ adrSchemeIds }),
      procedureId: z.string().refine((id) => procedureIds.includes(id), PROBLEMS_EN['provider-procedure-choose']),
      calendar: z.enum(CALENDARS, { error: PROBLEMS_EN['provider-calendar-choose'] }),
      languages: z
        .array(z.enum(LETTER_LANGUAGES, { error: PROBLEMS_EN['languages-from-list'] }))
        .min(1, PROBLEMS_EN['languages-at-least-one']),
      defaultLanguage: z.enum(LETTER_LANGUAGES, { error: PROBLEMS_EN['default-language-choose'] }),
      region: z.enum(REGULATOR_REGIONS, { error: PROBLEMS_EN['region-choose'] }),
      mismatchReason: z
        .string()
        .trim()
        .max(2000, sayProblem('at-most-characters', { max: 2000 })),
    })
    .refine((f) => f.languages.includes(f.defaultLanguage), {
      path: ['defaultLanguage'],
      message: PROBLEMS_EN['default-language-offered'],
    });

export type ProviderResult =
  { ok: true; value: Omit<Provider, 'id'> } | { ok: false; errors: Partial<Record<ProviderField, string>> };

/**
 * Check the provider form and turn it into a provider (without its id). `mismatches` are the warnings of
 * shared/rules/provider-checks.ts for these values: with any, a reason is required and kept with their codes.
 */
export function validateProvider(
  form: ProviderForm,
  choices: SettingsChoices,
  mismatches: readonly { code: string }[] = [],
  /** The desk's other providers' names: no two providers share one (letter case and spacing aside). */
  otherNames: readonly string[] = [],
): ProviderResult {
  const parsed = schema(choices).safeParse(form);
  const errors: Partial<Record<ProviderField, string>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as ProviderField;
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  const taken = otherNames.find((n) => sameName(n, form.name));
  if (taken && !errors.name) errors.name = sayProblem('provider-name-taken', { name: taken });
  if (mismatches.length > 0 && form.mismatchReason.trim() === '')
    errors.mismatchReason = PROBLEMS_EN['mismatch-reason-missing'];
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const f = parsed.data;
  return {
    ok: true,
    value: {
      name: f.name,
      company: companyFromForm(f),
      ...(f.logoDataUrl ? { logoDataUrl: f.logoDataUrl } : {}),
      procedureId: f.procedureId,
      calendar: f.calendar,
      ...(f.adrSchemeId ? { adrSchemeId: f.adrSchemeId } : {}),
      languages: LETTER_LANGUAGES.filter((l) => f.languages.includes(l)),
      defaultLanguage: f.defaultLanguage,
      region: f.region,
      ...(mismatches.length > 0
        ? { mismatchReason: f.mismatchReason, mismatchesAccepted: mismatches.map((m) => m.code) }
        : {}),
    },
  };
}

export function providerToForm(p: Provider | null): ProviderForm {
  const defaultLanguage: LetterLanguageCode = p?.defaultLanguage ?? 'en-GB';
  return {
    name: p?.name ?? '',
    companyName: p?.company.name ?? '',
    addressLines: p?.company.addressLines.join('\n') ?? '',
    postcode: p?.company.postcode ?? '',
    phone: p?.company.phone ?? '',
    email: p?.company.email ?? '',
    logoDataUrl: p?.logoDataUrl ?? '',
    procedureId: p?.procedureId ?? 'ofcom',
    calendar: p?.calendar ?? 'england-and-wales',
    adrSchemeId: p?.adrSchemeId ?? '',
    languages: p?.languages ?? [defaultLanguage],
    defaultLanguage,
    region: p?.region ?? 'UK',
    mismatchReason: p?.mismatchReason ?? '',
  };
}

/**
 * The form with its regulator region changed to `region`. Letter languages left as the region before starts them
 * (`regionLanguages`: English (UK) in the UK; English and French in Canada, French first for a desk working in French)
 * follow the new region, so a provider made Canadian does not keep writing to Québec in British English
 * (explore32-desk #2); languages the desk chose stay as chosen. `working`: the desk's interface language.
 */
export function withRegion(values: ProviderForm, region: RegulatorRegion, working?: string): ProviderForm {
  const before = regionLanguages(values.region as RegulatorRegion, working);
  const untouched =
    values.defaultLanguage === before.defaultLanguage &&
    values.languages.length === before.languages.length &&
    before.languages.every((l) => values.languages.includes(l));
  return untouched ? { ...values, region, ...regionLanguages(region, working) } : { ...values, region };
}
