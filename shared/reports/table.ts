// The report as one table of text, for the CSV file (the renderer turns it into CSV with papaparse, whose types bring
// Node into scope and so stay out of this layer). One row per figure: section, item, value, and for shares the cases
// that met it and the cases measured, then the definition, so the file stands on its own in a spreadsheet.
import type { Report } from './report';
import { ENGLISH_REPORT_WORDS, REPORT_TEXT, type ReportWords, VOLUME_SECTIONS } from './words';
import type { ProcedureRegistry } from '#shared/rules/index';
import type { PaperSize } from '#shared/model/paper';

export { VOLUME_SECTIONS };

export const REPORT_TABLE_HEADER = [
  REPORT_TEXT.section,
  REPORT_TEXT.item,
  REPORT_TEXT.value,
  REPORT_TEXT.casesMet,
  REPORT_TEXT.casesMeasured,
  REPORT_TEXT.definition,
] as const;

export interface ReportMeta {
  /** The desk's company name, printed on the report. */
  company: string;
  procedures?: ProcedureRegistry;
  /** The desk's providers' names by id, for the filter's words (issue #16). */
  providerNames?: Readonly<Record<string, string>>;
  /** The language the CSV and PDF are written in, as the Reports screen shows it; English (UK) when absent. */
  words?: ReportWords;
  /** The PDF's paper: the desk's (`deskPaperSize`, shared/model/paper.ts: US Letter in Canada); A4 when absent. */
  paper?: PaperSize;
}

export function reportTable(report: Report, meta: ReportMeta): string[][] {
  const w = meta.words ?? ENGLISH_REPORT_WORDS;
  const x = w.text;
  const rows: string[][] = [[x.section, x.item, x.value, x.casesMet, x.casesMeasured, x.definition]];
  const row = (...cells: Array<string | number | undefined>) =>
    rows.push(
      cells
        .map((c) => (c === undefined ? '' : String(c)))
        .concat(Array(6).fill(''))
        .slice(0, 6),
    );
  row(x.report, x.desk, meta.company);
  row(x.report, x.period, w.period(report.period), undefined, undefined, w.periodDays(report.period));
  row(
    x.report,
    x.cases,
    w.filters(report, meta.procedures, (id) => meta.providerNames?.[id] ?? id),
  );
  row(x.report, x.madeOn, report.today, undefined, undefined, x.clocksNote);
  for (const m of report.measures) {
    row(
      x.figures,
      w.measureLabel(m),
      w.figure(m),
      m.kind === 'percent' ? m.numerator : undefined,
      m.kind === 'count' ? undefined : m.denominator,
      w.measureDefinition(m),
    );
  }
  for (const s of VOLUME_SECTIONS) {
    for (const r of report.volumes[s.key])
      row(w.volumeTitle(s.key), w.volumeLabel(s.key, r), r.count, undefined, undefined, x.volumesDefinition);
  }
  if (report.compensation.length === 0)
    row(x.compensationPaid, x.none, w.noMoney, undefined, undefined, x.compensationDefinition);
  for (const c of report.compensation) {
    const paid = (kind: 'compensation' | 'goodwill' | 'total', amount: number) =>
      row(
        x.compensationPaid,
        w.moneyRow(kind, c.currency, c.payments),
        w.money(amount, c.currency),
        undefined,
        undefined,
        x.compensationDefinition,
      );
    paid('compensation', c.compensation);
    paid('goodwill', c.goodwill);
    paid('total', c.total);
  }
  if (report.rulesErrors)
    row(x.notCounted, x.unreadable, report.rulesErrors, undefined, undefined, x.rulesErrorsDefinition);
  return rows;
}

/**
 * "complaints-report-2026-01-01-to-2026-12-05.csv", with the filters' values after the period
 * ("…-kijoma-broadband-billing.csv"): two downloads of one period with different filters never share a name. In the
 * report's language (meta.words: the interface's), in ASCII only: « rapport-plaintes-2026-01-01-au-2026-12-05.csv ».
 */
export function reportFileName(
  report: Report,
  extension: 'csv' | 'pdf',
  meta: Pick<ReportMeta, 'providerNames' | 'words'> = {},
): string {
  const w = meta.words ?? ENGLISH_REPORT_WORDS;
  const x = w.text;
  const f = report.filters;
  // A category or channel as the report's language names it ("facturation"); English keeps its id ("fault-repair").
  const named = (key: 'byCategory' | 'byChannel', id: string) =>
    fileNamePart(w.volumeLabel(key, { key: id, label: id, count: 0 })) || id;
  const provider = f.providerId
    ? fileNamePart(meta.providerNames?.[f.providerId] ?? '') || fileNamePart(f.providerId)
    : '';
  const words = [
    f.desk ? fileNamePart(f.desk.prefix) : '',
    provider,
    f.category ? named('byCategory', f.category) : '',
    f.channel ? named('byChannel', f.channel) : '',
    f.procedureId ? fileNamePart(f.procedureId) : '',
    f.handler === undefined ? '' : fileNamePart(f.handler) || fileNamePart(x.fileUnassigned),
  ].filter(Boolean);
  const name = [fileNamePart(x.fileName), report.period.from, fileNamePart(x.fileTo), report.period.to, ...words];
  return `${name.join('-')}.${extension}`;
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
