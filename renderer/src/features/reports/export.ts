// The report's two downloads: a CSV file (the table from shared/reports, written as the cases CSV is, by #lib/csv: a
// UTF-8 byte-order mark so Excel reads £ and accents, and no cell a spreadsheet would run as a formula) and a PDF (the document from shared/reports/pdf.ts, rendered by the letters' lazily
// loaded pdfmake). Both are saved through the platform: a save dialog on the desktop, a download in web mode.
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  ENGLISH_REPORT_WORDS,
  type Report,
  type ReportDocument,
  reportDocument,
  reportFileName,
  type ReportMeta,
  reportTable,
} from '#shared/reports/index';
import { documentUnprintable, placedSource, type Unprintable, UnprintableError } from '#shared/letters/index';
import { renderPdf } from '#letters/render';
import { toCsv } from '#lib/csv';
import { platform } from '#platform';
import type { SaveFileResult } from '#shared/ipc/contract';

// Fails to compile if the report's document ever stops being one pdfmake accepts (shared/ declares its own subset).
type Holds<T extends true> = T;
export type ReportIsPdfmakeDocument = Holds<ReportDocument extends TDocumentDefinitions ? true : false>;

/**
 * The CSV text, starting with a byte-order mark; lines end with CRLF as spreadsheets expect. It is for people opening
 * it in a spreadsheet, in the report's language (meta.words): English separated by commas, as always; French by « ; »,
 * the separator French Excel reads, since its numbers have decimal commas ("60,0 %", "25,50 $").
 */
export function reportCsv(report: Report, meta: ReportMeta): string {
  const delimiter = (meta.words ?? ENGLISH_REPORT_WORDS).csvDelimiter;
  // A procedure, handler, provider or desk is named as the desk typed it: "=HYPERLINK(…)" is written as text.
  return toCsv(reportTable(report, meta), delimiter);
}

export async function saveReportCsv(report: Report, meta: ReportMeta): Promise<SaveFileResult> {
  const data = new TextEncoder().encode(reportCsv(report, meta));
  return platform().saveFile({ suggestedName: reportFileName(report, 'csv', meta), mimeType: 'text/csv', data });
}

/**
 * What the report's PDF would draw that its font cannot print (a provider, procedure or handler named in Chinese, an
 * emoji), with where it is, or null. The PDF is refused, as a letter is, rather than printed with empty boxes; the CSV
 * keeps every character.
 */
export function reportUnprintable(
  report: Report,
  meta: ReportMeta,
  doc: ReportDocument = reportDocument(report, meta),
): Unprintable | null {
  const names = (rows: ReadonlyArray<{ label: string }>) => rows.map((r) => r.label);
  const sources = [
    placedSource({ place: 'report-company' }, meta.company),
    // Only the provider the report is filtered on is printed (in its "Cases" line).
    ...(report.filters.providerId
      ? [placedSource({ place: 'report-provider' }, meta.providerNames?.[report.filters.providerId] ?? '')]
      : []),
    ...names(report.volumes.byProcedure).map((name) => placedSource({ place: 'report-procedure' }, name)),
    ...names(report.volumes.byHandler).map((name) => placedSource({ place: 'report-handler' }, name)),
    ...names(report.volumes.byProvider).map((name) => placedSource({ place: 'report-provider' }, name)),
  ];
  return documentUnprintable(doc, sources, 'report');
}

export async function saveReportPdf(report: Report, meta: ReportMeta): Promise<SaveFileResult> {
  // One document, checked and then rendered.
  const doc = reportDocument(report, meta);
  const found = reportUnprintable(report, meta, doc);
  if (found) throw new UnprintableError(found, 'report');
  const data = await renderPdf(doc as TDocumentDefinitions);
  return platform().saveFile({ suggestedName: reportFileName(report, 'pdf', meta), mimeType: 'application/pdf', data });
}
