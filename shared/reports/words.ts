// The words and formats the report's downloads (the CSV and the PDF) are written in. English (UK) is written here, as
// the reports module has always written it (the en-GB catalogue quotes these strings); another interface language's
// words are built by the renderer from its catalogue and Intl (renderer/src/features/reports/words.ts) and passed in
// ReportMeta.words, so the downloads read as the Reports screen does and shared/ holds no other language.
import { dateLabel, moneyLabel } from './format';
import { describePeriod, type ReportPeriod } from './periods';
import {
  COMPENSATION_DEFINITION,
  describeFilters,
  type Measure,
  type Report,
  RULES_ERROR_DEFINITION,
  VOLUMES_DEFINITION,
  type VolumeRow,
} from './report';
import type { ProcedureRegistry } from '#shared/rules/index';

/** The report's fixed words in English (UK); the catalogue's "reports.export.*" keys quote the new ones. */
export const REPORT_TEXT = {
  title: 'Complaints report',
  subject: 'Complaint handling figures',
  figures: 'Figures',
  figure: 'Figure',
  value: 'Value',
  cases: 'Cases',
  whatItCounts: 'What it counts',
  noCases: 'No cases',
  currency: 'Currency',
  compensation: 'Compensation',
  goodwill: 'Goodwill',
  total: 'Total',
  payments: 'Payments',
  noneRecorded: 'None recorded in the period',
  period: 'Period',
  madeOn: 'Made on',
  clocksNote: 'Clocks due after this day are not yet counted as met or missed.',
  received: 'Complaints received',
  compensationPaid: 'Compensation paid',
  volumesDefinition: VOLUMES_DEFINITION,
  compensationDefinition: COMPENSATION_DEFINITION,
  rulesErrorsDefinition: RULES_ERROR_DEFINITION,
  // The CSV's columns and rows.
  section: 'Section',
  item: 'Item',
  casesMet: 'Cases that met it',
  casesMeasured: 'Cases measured',
  definition: 'Definition',
  report: 'Report',
  desk: 'Desk',
  none: 'None',
  notCounted: 'Not counted',
  unreadable: 'Cases the rules engine cannot read',
  // The downloads' file names ("complaints-report-2026-04-01-to-2026-06-30-unassigned.csv": table.ts reportFileName).
  fileName: 'complaints-report',
  fileTo: 'to',
  fileUnassigned: 'unassigned',
} as const;
export type ReportTextId = keyof typeof REPORT_TEXT;

export type VolumeKey = keyof Report['volumes'];

/** What the report's CSV and PDF say and how they write numbers, money and dates, in one language. */
export interface ReportWords {
  /** The PDF's Lang ("en-GB", "fr-CA"). */
  language: string;
  /** The CSV's column separator: "," in English; ";" where Excel writes decimal commas (French). */
  csvDelimiter: string;
  text: Readonly<Record<ReportTextId, string>>;
  /** "1 Apr 2026 to 30 Jun 2026" */
  period(period: ReportPeriod): string;
  /** The CSV's period row's definition: "2026-04-01 to 2026-06-30, both days included" */
  periodDays(period: ReportPeriod): string;
  /** "6 Dec 2026" */
  date(iso: string): string;
  /** The filters in words: "Category: Billing; Handler: Unassigned", or "All cases". */
  filters(report: Report, procedures?: ProcedureRegistry, providerName?: (id: string) => string): string;
  measureLabel(m: Measure): string;
  measureDefinition(m: Measure): string;
  /** A figure's value: "40.0%", "10", "—". */
  figure(m: Measure): string;
  /** A share's cases in the PDF: "2 of 5". */
  share(numerator: number, denominator: number): string;
  /** A volume's count in the PDF: "1,234". */
  count(n: number): string;
  /** The PDF's other counts (days' cases, payments): "1234" in English, as they have always been. */
  integer(n: number): string;
  /** "£1,234.50", "CAD 25.00" */
  money(amount: number, currency: string): string;
  /** The CSV's value when no money was paid: "0.00". */
  noMoney: string;
  volumeTitle(key: VolumeKey): string;
  volumeLabel(key: VolumeKey, row: VolumeRow): string;
  /** The PDF's note: "Not counted: 1 case." (the definition follows). */
  notCounted(count: number): string;
  /** The CSV's money rows: "CAD compensation", "CAD goodwill", "CAD total (1 payment)". */
  moneyRow(kind: 'compensation' | 'goodwill' | 'total', currency: string, payments: number): string;
  /** "Page 1 of 2" */
  page(current: number, count: number): string;
}

export const VOLUME_SECTIONS: ReadonlyArray<{ key: VolumeKey; title: string }> = [
  { key: 'byMonth', title: 'Received by month' },
  { key: 'byCategory', title: 'Received by category' },
  { key: 'byChannel', title: 'Received by channel' },
  { key: 'byProvider', title: 'Received by provider' },
  { key: 'byProcedure', title: 'Received by procedure' },
  { key: 'byHandler', title: 'Received by handler' },
];

/** English (UK): the words and formats the report's downloads have always had. */
export const ENGLISH_REPORT_WORDS: ReportWords = {
  language: 'en-GB',
  csvDelimiter: ',',
  text: REPORT_TEXT,
  period: describePeriod,
  periodDays: (p) => `${p.from} to ${p.to}, both days included`,
  date: dateLabel,
  filters: (report, procedures, providerName) => describeFilters(report.filters, procedures, providerName),
  measureLabel: (m) => m.label,
  measureDefinition: (m) => m.definition,
  figure: (m) => m.display,
  share: (numerator, denominator) => `${numerator} of ${denominator}`,
  count: (n) => n.toLocaleString('en-GB'),
  integer: String,
  money: moneyLabel,
  noMoney: '0.00',
  volumeTitle: (key) => VOLUME_SECTIONS.find((v) => v.key === key)!.title,
  volumeLabel: (_key, row) => row.label,
  notCounted: (count) => `Not counted: ${count} ${count === 1 ? 'case' : 'cases'}.`,
  moneyRow: (kind, currency, payments) =>
    kind === 'total'
      ? `${currency} total (${payments} ${payments === 1 ? 'payment' : 'payments'})`
      : `${currency} ${kind}`,
  page: (current, count) => `Page ${current} of ${count}`,
};
