// The Reports screen's words and formats, shared by the screen and its downloads: a figure, an amount of money, a
// period, a volume's label in the interface language, and the report's CSV and PDF words (ReportWords) built from the
// catalogue, so the CSV and PDF read as the screen does. English keeps the reports module's own words and formats
// (shared/reports/words.ts), as its downloads always had.
import {
  ENGLISH_REPORT_WORDS,
  type Measure,
  moneyLabel,
  procedureLabel,
  REPORT_TEXT,
  type ReportPeriod,
  type ReportTextId,
  type ReportWords,
  type VolumeRow,
} from '#shared/reports/index';
import { csvDelimiter, formatLocale, formatNumber, formatShortDate } from '#lib/format';
import { type InterfaceLocale, languageOfLocale } from '#shared/model/dates';
import type { MessageKey, Translate } from '#lib/i18n/index';

/** A figure in the interface language: English (UK) as the reports module writes it. */
export function figure(m: Measure, locale: string = formatLocale()): string {
  if (locale === 'en-GB' || m.value === null) return m.display;
  if (m.kind === 'percent')
    return new Intl.NumberFormat(locale, {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(m.value / 100);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(m.value);
}

export function money(amount: number, currency: string, locale: string = formatLocale()): string {
  return locale === 'en-GB'
    ? moneyLabel(amount, currency)
    : new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
}

/** "1 Dec 2026" or "1 Dec 2026 to 31 Dec 2026" in the interface language. */
export function periodWords(t: Translate, period: ReportPeriod, locale: string = formatLocale()): string {
  return period.from === period.to
    ? formatShortDate(period.from, locale)
    : t('reports.period.range', { from: formatShortDate(period.from, locale), to: formatShortDate(period.to, locale) });
}

/** A volume row's label in the interface language (categories, channels, months; names and procedures as they are). */
export function volumeLabel(t: Translate, key: string, r: VolumeRow, locale: string = formatLocale()): string {
  if (key === 'byCategory' && r.key !== '') return t(`model.category.${r.key}` as MessageKey);
  if (key === 'byChannel' && r.key !== '') return t(`model.channel.${r.key}` as MessageKey);
  if (key === 'byHandler' && r.key === '') return t('reports.unassigned');
  if (key === 'byMonth' && /^\d{4}-\d{2}$/.test(r.key) && locale !== 'en-GB')
    return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${r.key}-15T12:00:00Z`),
    );
  return r.label;
}

/** Each of the report's fixed words, by the catalogue key that says it (the screen's own where it has one). */
const TEXT_KEYS: Record<ReportTextId, MessageKey> = {
  title: 'reports.export.title',
  subject: 'reports.export.subject',
  figures: 'reports.figures',
  figure: 'reports.export.figure',
  value: 'reports.export.value',
  cases: 'common.cases',
  whatItCounts: 'reports.export.whatItCounts',
  noCases: 'reports.noCases',
  currency: 'reports.compensation.currency',
  compensation: 'reports.compensation.compensation',
  goodwill: 'reports.compensation.goodwill',
  total: 'common.total',
  payments: 'reports.compensation.payments',
  noneRecorded: 'reports.compensation.none',
  period: 'reports.period',
  madeOn: 'reports.export.madeOn',
  clocksNote: 'reports.export.clocksNote',
  received: 'reports.measure.received',
  compensationPaid: 'reports.compensation.title',
  volumesDefinition: 'reports.definition.volumes',
  compensationDefinition: 'reports.definition.compensation',
  rulesErrorsDefinition: 'reports.definition.rulesErrors',
  section: 'reports.export.section',
  item: 'reports.export.item',
  casesMet: 'reports.export.casesMet',
  casesMeasured: 'reports.export.casesMeasured',
  definition: 'reports.export.definition',
  report: 'reports.export.report',
  desk: 'reports.export.desk',
  none: 'reports.export.none',
  notCounted: 'reports.export.notCounted',
  unreadable: 'reports.export.unreadable',
  fileName: 'reports.export.fileName',
  fileTo: 'reports.export.fileTo',
  fileUnassigned: 'reports.export.fileUnassigned',
};

/**
 * The report's CSV and PDF words in the interface language. English keeps the downloads exactly as they were (the
 * reports module's words and formats); French takes the catalogue's words and the screen's formats, and a CSV that
 * French Excel opens in columns: separated by « ; », since its decimal separator is the comma ("60,0 %").
 */
export function reportWordsIn(locale: InterfaceLocale, t: Translate): ReportWords {
  if (languageOfLocale(locale) !== 'fr') return ENGLISH_REPORT_WORDS;
  // The letter font has the no-break space but not the narrow one some Intl versions put in French numbers.
  const nbsp = (text: string) => text.replace(/\u202f/g, '\u00a0');
  const text = Object.fromEntries(
    (Object.keys(REPORT_TEXT) as ReportTextId[]).map((id) => [id, t(TEXT_KEYS[id])]),
  ) as Record<ReportTextId, string>;
  const count = (n: number) => nbsp(formatNumber(n, locale));
  return {
    language: locale,
    csvDelimiter: csvDelimiter(locale),
    text,
    period: (p) => nbsp(periodWords(t, p, locale)),
    periodDays: (p) => t('reports.export.periodDays', { from: p.from, to: p.to }),
    date: (iso) => nbsp(formatShortDate(iso, locale)),
    filters: ({ filters }, procedures, providerName = (id) => id) => {
      const part = (name: MessageKey, value: string) => t('reports.export.filter', { name: t(name), value });
      const parts: string[] = [];
      if (filters.desk) parts.push(part('reports.export.desk', filters.desk.prefix));
      if (filters.providerId) parts.push(part('filter.provider', providerName(filters.providerId)));
      if (filters.category) parts.push(part('reports.category', t(`model.category.${filters.category}` as MessageKey)));
      if (filters.channel) parts.push(part('reports.channel', t(`model.channel.${filters.channel}` as MessageKey)));
      if (filters.procedureId) parts.push(part('reports.procedure', procedureLabel(filters.procedureId, procedures)));
      if (filters.handler !== undefined)
        parts.push(part('reports.handler', filters.handler || t('reports.unassigned')));
      return parts.length ? parts.join('\u00a0; ') : t('reports.export.allCases');
    },
    measureLabel: (m) => t(`reports.measure.${m.id}`),
    measureDefinition: (m) => t(`reports.measureDefinition.${m.id}`),
    figure: (m) => nbsp(figure(m, locale)),
    share: (numerator, denominator) =>
      nbsp(t('reports.detail.of', { numerator: formatNumber(numerator, locale), denominator })),
    count,
    integer: count,
    money: (amount, currency) => nbsp(money(amount, currency, locale)),
    noMoney: nbsp(new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(0)),
    volumeTitle: (key) => t(`reports.volume.${key}`),
    volumeLabel: (key, row) => nbsp(volumeLabel(t, key, row, locale)),
    notCounted: (n) => `${t('reports.notCounted', { count: n })}.`,
    moneyRow: (kind, currency, payments) => t(`reports.export.moneyRow.${kind}`, { currency, payments }),
    page: (page, pages) => t('reports.export.page', { page, pages }),
  };
}
