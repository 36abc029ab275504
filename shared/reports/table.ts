// The report as one table of text, for the CSV file (the renderer turns it into CSV with papaparse, whose types bring
// Node into scope and so stay out of this layer). One row per figure: section, item, value, and for shares the cases
// that met it and the cases measured, then the definition, so the file stands on its own in a spreadsheet.
import { moneyLabel } from './format';
import { describePeriod } from './periods';
import {
  COMPENSATION_DEFINITION,
  describeFilters,
  type Report,
  RULES_ERROR_DEFINITION,
  VOLUMES_DEFINITION,
  type VolumeRow,
} from './report';
import type { ProcedureRegistry } from '#shared/rules/index';

export const REPORT_TABLE_HEADER = [
  'Section',
  'Item',
  'Value',
  'Cases that met it',
  'Cases measured',
  'Definition',
] as const;

export interface ReportMeta {
  /** The desk's company name, printed on the report. */
  company: string;
  procedures?: ProcedureRegistry;
  /** The desk's providers' names by id, for the filter's words (issue #16). */
  providerNames?: Readonly<Record<string, string>>;
}

export const VOLUME_SECTIONS: ReadonlyArray<{ key: keyof Report['volumes']; title: string }> = [
  { key: 'byMonth', title: 'Received by month' },
  { key: 'byCategory', title: 'Received by category' },
  { key: 'byChannel', title: 'Received by channel' },
  { key: 'byProcedure', title: 'Received by procedure' },
  { key: 'byHandler', title: 'Received by handler' },
];

export function reportTable(report: Report, meta: ReportMeta): string[][] {
  const rows: string[][] = [[...REPORT_TABLE_HEADER]];
  const row = (...cells: Array<string | number | undefined>) =>
    rows.push(
      cells
        .map((c) => (c === undefined ? '' : String(c)))
        .concat(Array(6).fill(''))
        .slice(0, 6),
    );
  row('Report', 'Desk', meta.company);
  row(
    'Report',
    'Period',
    describePeriod(report.period),
    undefined,
    undefined,
    `${report.period.from} to ${report.period.to}, both days included`,
  );
  row(
    'Report',
    'Cases',
    describeFilters(report.filters, meta.procedures, (id) => meta.providerNames?.[id] ?? id),
  );
  row(
    'Report',
    'Made on',
    report.today,
    undefined,
    undefined,
    'Clocks due after this day are not yet counted as met or missed.',
  );
  for (const m of report.measures) {
    row(
      'Figures',
      m.label,
      m.display,
      m.kind === 'percent' ? m.numerator : undefined,
      m.kind === 'count' ? undefined : m.denominator,
      m.definition,
    );
  }
  const volume = (title: string, list: VolumeRow[]) => {
    for (const r of list) row(title, r.label, r.count, undefined, undefined, VOLUMES_DEFINITION);
  };
  for (const s of VOLUME_SECTIONS) volume(s.title, report.volumes[s.key]);
  if (report.compensation.length === 0)
    row('Compensation paid', 'None', '0.00', undefined, undefined, COMPENSATION_DEFINITION);
  for (const c of report.compensation) {
    row(
      'Compensation paid',
      `${c.currency} compensation`,
      moneyLabel(c.compensation, c.currency),
      undefined,
      undefined,
      COMPENSATION_DEFINITION,
    );
    row(
      'Compensation paid',
      `${c.currency} goodwill`,
      moneyLabel(c.goodwill, c.currency),
      undefined,
      undefined,
      COMPENSATION_DEFINITION,
    );
    row(
      'Compensation paid',
      `${c.currency} total (${c.payments} ${c.payments === 1 ? 'payment' : 'payments'})`,
      moneyLabel(c.total, c.currency),
      undefined,
      undefined,
      COMPENSATION_DEFINITION,
    );
  }
  if (report.rulesErrors)
    row(
      'Not counted',
      'Cases the rules engine cannot read',
      report.rulesErrors,
      undefined,
      undefined,
      RULES_ERROR_DEFINITION,
    );
  return rows;
}

/** The file name for an export: "complaints-report-2026-04-01-to-2026-06-30.csv". */
/**
 * "complaints-report-2026-01-01-to-2026-12-05.csv", with the filters' values after the period
 * ("…-kijoma-broadband-billing.csv"): two downloads of one period with different filters never share a name.
 */
export function reportFileName(
  report: Report,
  extension: 'csv' | 'pdf',
  meta: Pick<ReportMeta, 'providerNames'> = {},
): string {
  const f = report.filters;
  const provider = f.providerId
    ? fileNamePart(meta.providerNames?.[f.providerId] ?? '') || fileNamePart(f.providerId)
    : '';
  const words = [
    f.desk ? fileNamePart(f.desk.prefix) : '',
    provider,
    f.category ?? '',
    f.channel ?? '',
    f.procedureId ? fileNamePart(f.procedureId) : '',
    f.handler === undefined ? '' : fileNamePart(f.handler) || 'unassigned',
  ].filter(Boolean);
  return `${['complaints-report', report.period.from, 'to', report.period.to, ...words].join('-')}.${extension}`;
}

/** Words as a part of a file name: "Kijoma Broadband" → "kijoma-broadband", accents dropped; '' when none is left. */
function fileNamePart(words: string): string {
  return words
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}
