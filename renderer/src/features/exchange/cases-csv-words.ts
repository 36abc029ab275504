// The cases CSV's words in the interface language (shared/exports/cases-csv.ts `CasesCsvWords`). English keeps the file
// exactly as it always was; French takes its headers and values from the catalogue, as the screens say them (the
// import's field names, the case list's columns, the model's channels and categories), writes times in this
// computer's time zone rather than UTC, and separates the cells by « ; » for French Excel, as the report's CSV does.
import { ENGLISH_CASES_CSV_WORDS, type CaseCsvColumn, type CasesCsvWords } from '#shared/exports/cases-csv';
import { type InterfaceLocale, languageOfLocale } from '#shared/model/dates';
import { csvDelimiter, formatSheetTimestamp } from '#lib/format';
import { builtInWordsIn, clockLabel, type MessageKey, nameIn, type Translate } from '#lib/i18n/index';

/** Each column's header, by the catalogue key that says it (the screen's own name where it has one). */
const HEADER_KEYS: Record<CaseCsvColumn, MessageKey> = {
  Reference: 'caseTable.col.reference',
  'Received on': 'import.field.receivedOn',
  Channel: 'import.field.channel',
  Category: 'import.field.category',
  'Customer name': 'import.field.customerName',
  Address: 'import.field.addressLines',
  Postcode: 'import.field.postcode',
  Phone: 'import.field.phone',
  Email: 'import.field.email',
  'Account number': 'import.field.accountNumber',
  'Business customer': 'import.field.isBusiness',
  'Number of employees': 'import.field.employees',
  Representative: 'import.field.repName',
  'Representative relationship': 'import.field.repRelationship',
  'Representative address': 'import.field.repAddressLines',
  'Representative postcode': 'import.field.repPostcode',
  'Representative authority': 'exchange.csv.column.representativeAuthority',
  'Letter language': 'import.field.language',
  'Large print': 'import.field.largePrint',
  'Letters by post': 'import.field.prefersPost',
  Summary: 'import.field.summary',
  Provider: 'import.field.provider',
  Procedure: 'exchange.csv.column.procedure',
  Status: 'caseTable.col.status',
  Stage: 'caseTable.col.stage',
  Handler: 'caseTable.col.handler',
  'Next due on': 'exchange.csv.column.nextDueOn',
  'Next due': 'caseTable.col.nextDue',
  'ADR letter due on': 'exchange.csv.column.adrLetterDueOn',
  'ADR referral window ends on': 'exchange.csv.column.adrReferralEndsOn',
  'Logged at': 'exchange.csv.column.loggedAt',
  'Last changed at': 'exchange.csv.column.lastChangedAt',
  Attachments: 'exchange.csv.column.attachments',
};

/** The cases CSV's words in `locale` (`t` says that locale's catalogue). */
export function casesCsvWordsIn(locale: InterfaceLocale, t: Translate): CasesCsvWords {
  if (languageOfLocale(locale) !== 'fr') return ENGLISH_CASES_CSV_WORDS;
  return {
    delimiter: csvDelimiter(locale),
    header: (column) => t(HEADER_KEYS[column]),
    channel: (channel) => t(`model.channel.${channel}`),
    category: (category) => t(`model.category.${category}`),
    authority: (kind) => t(`model.authority.${kind}`),
    letterLanguage: (language) => t(`model.letterLanguage.${language}`),
    yesNo: (value) => t(value ? 'import.yes' : 'import.no'),
    status: (status) =>
      status === 'open' || status === 'resolved' || status === 'closed' ? t(`model.status.${status}`) : status,
    clock: (label) => clockLabel(t, label, locale),
    // A built-in procedure's stages as the case list says them (explore34a #7).
    stage: (name) => builtInWordsIn(locale, name),
    instant: formatSheetTimestamp,
    name: (name) => nameIn(t, name),
    fileName: { all: t('exchange.csv.fileName'), filtered: t('exchange.csv.fileNameFiltered') },
  };
}
