// The interface's one message catalogue (issue #17): react-intl (FormatJS) with ICU MessageFormat messages, in
// English (UK) — the source —, English (Canada) — only where it differs — and French (Canada) — complete.
// A screen asks `const t = useT()` and writes `t('dashboard.title')`; plurals and values are ICU:
// `t('caseList.count', { count })` with "{count, plural, one {# case} other {# cases}}". See docs/i18n.md.
import { createElement, useCallback, useMemo, type ReactNode } from 'react';
import { createIntl, createIntlCache, IntlProvider, type IntlShape, useIntl } from 'react-intl';
import type { InterfaceLocale } from '#shared/model/dates';
import { formatNumber, setFormatLocale } from '../format';
import { formatElided } from './elision';
import { enCA } from './messages/en-CA';
import { enGB, type MessageKey } from './messages/en-GB';
import { frCA } from './messages/fr-CA';

export type { MessageKey } from './messages/en-GB';
export { enGB, enCA, frCA };
export { clockLabel } from './clocks';
export { calendarNameIn, holidayNameIn } from './holidays';
export { describeDueIn } from './due';
export { explanationIn, phraseIn, reasonIn } from './explain';
export { type EntryNamer, messageIn, problemIn } from './problems';
export { correctedValueIn, entrySummaryIn, summaryIn } from './timeline';
export { unprintableIn } from './printable';
export { backupErrorIn, backupProblemIn } from './backup';
export { attachmentRefusalIn } from './attachments';
export { procedureIssueIn, procedureProblemIn } from './procedures';
export { failureIn, mainMessageIn } from './main-messages';
export { plainValueIn, sayingIn } from './sayings';
export { mismatchIn } from './mismatches';
export { schemeCheckIn, schemeFactsIn } from './scheme-checks';
export { regimeNameIn, regulationIn } from './regulations';
export { emailProblemIn, errorDetailIn, errorIn, refusalIn, technicalDetail } from './refusals'; // say9
export {
  chosenLocale,
  interfaceLocaleFor,
  isInterfaceLocale,
  localeFromSystem,
  pageLocale,
  rememberShownLocale,
  setInterfaceLocale,
  useInterfaceLocaleFor,
} from './choice';

/** Every language's whole catalogue: en-CA is en-GB with its overrides. */
export const CATALOGUES: Record<InterfaceLocale, Record<MessageKey, string>> = {
  'en-GB': enGB,
  'en-CA': { ...enGB, ...enCA },
  'fr-CA': frCA,
};

/** Each language named in itself, for the language picker. */
export const LANGUAGE_NAMES: Record<InterfaceLocale, string> = {
  'en-GB': 'English (UK)',
  'en-CA': 'English (Canada)',
  'fr-CA': 'Français (Canada)',
};

/** The dayjs locale of Mantine's date fields and calendars for each interface language. */
export const DAYJS_LOCALES: Record<InterfaceLocale, string> = { 'en-GB': 'en-gb', 'en-CA': 'en-ca', 'fr-CA': 'fr' };

export type MessageValues = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

const intlCache = createIntlCache();
const outside = new Map<InterfaceLocale, IntlShape>();

/** A message outside React (plain functions, tests): the same parser and plural rules as the screens. */
export function translate(locale: InterfaceLocale, key: MessageKey, values?: MessageValues): string {
  let intl = outside.get(locale);
  if (!intl) {
    intl = createIntl({ locale, messages: CATALOGUES[locale], defaultLocale: 'en-GB', onError }, intlCache);
    outside.set(locale, intl);
  }
  return formatElided(intl, key, values);
}

/** A missing message is a bug the catalogue test catches; at run time it is shown in English and logged. */
function onError(error: { code?: string; message: string }) {
  console.error(`[i18n] ${error.code ?? ''} ${error.message}`);
}

/** The interface in one language: messages, dates and numbers, and the page's `lang`. */
export function I18nProvider({ locale, children }: { locale: InterfaceLocale; children: ReactNode }) {
  // Set before the screens below draw, so every date and number they format is in this language.
  setFormatLocale(locale);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  return createElement(
    IntlProvider,
    { locale, messages: CATALOGUES[locale], defaultLocale: 'en-GB', onError, textComponent: 'span' },
    children,
  );
}

/** The message function of the interface language; components that call it redraw when the language changes. */
export function useT(): Translate {
  const intl = useIntl();
  return useCallback((key, values) => formatElided(intl, key, values), [intl]);
}

/** The interface language, and its number format (the date helpers are in lib/format.ts). */
export function useLocale(): { locale: InterfaceLocale; number: (n: number) => string } {
  const intl = useIntl();
  const locale = intl.locale as InterfaceLocale;
  return useMemo(() => ({ locale, number: (n: number) => formatNumber(n, locale) }), [locale]);
}
export { fileSizeIn } from './sizes';
export { nameIn } from './names';
export { builtInWordsIn } from './built-in-procedures';
