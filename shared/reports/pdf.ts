// The report as a pdfmake document definition: a pure function of the report (no personal data in it, only figures).
// The renderer turns it into bytes with the same lazily loaded pdfmake as the letters (renderer/src/letters/render.ts).
//
// The types below are the part of pdfmake's document definition used here, declared locally for the same reason as
// shared/letters/document.ts (pdfmake's own declarations would bring the DOM and Node into this layer). The renderer
// proves at compile time that a ReportDocument is a pdfmake TDocumentDefinitions (features/reports/export.ts).
import type { Report, VolumeRow } from './report';
import type { ReportMeta } from './table';
import type { PaperSize } from '#shared/model/paper';
import { ENGLISH_REPORT_WORDS, type ReportWords, type VolumeKey } from './words';

type Margins = number | [number, number] | [number, number, number, number];

interface PdfStyle {
  fontSize?: number;
  bold?: boolean;
  color?: string;
  alignment?: 'left' | 'right' | 'center';
  margin?: Margins;
  lineHeight?: number;
}
export interface PdfText extends PdfStyle {
  text: string | Array<string | PdfText>;
  style?: string;
}
export interface PdfRect {
  type: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  color: string;
}
export interface PdfCanvas extends PdfStyle {
  canvas: PdfRect[];
}
export interface PdfStack extends PdfStyle {
  stack: PdfContent[];
  unbreakable?: boolean;
}
export type PdfColumn = (PdfText | PdfStack | PdfTable) & { width?: number | '*' | 'auto' };
export interface PdfColumns extends PdfStyle {
  columns: PdfColumn[];
  columnGap?: number;
}
export interface PdfTableLayout {
  hLineWidth(i: number): number;
  vLineWidth(i: number): number;
  hLineColor(i: number): string;
  paddingTop(i: number): number;
  paddingBottom(i: number): number;
}
export interface PdfTable extends PdfStyle {
  table: {
    headerRows?: number;
    widths: Array<number | '*' | 'auto'>;
    body: Array<Array<PdfText | PdfCanvas>>;
    dontBreakRows?: boolean;
  };
  layout?: PdfTableLayout;
}
export type PdfContent = PdfText | PdfStack | PdfColumns | PdfTable | PdfCanvas;

export interface ReportDocument {
  pageSize: PaperSize;
  pageOrientation: 'portrait';
  pageMargins: Margins;
  language: string;
  info: { title: string; author: string; subject: string; creator: string };
  defaultStyle: PdfStyle & { font: string };
  styles: Record<string, PdfStyle>;
  footer: (currentPage: number, pageCount: number) => PdfContent;
  content: PdfContent[];
}

const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#d0d5da';
const BAR = '#2f7f7a';

const lines: PdfTableLayout = {
  hLineWidth: (i) => (i === 0 ? 0 : 0.5),
  vLineWidth: () => 0,
  hLineColor: () => RULE,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

const head = (text: string, alignment: 'left' | 'right' = 'left'): PdfText => ({
  text,
  bold: true,
  fontSize: 8.5,
  color: MUTED,
  alignment,
});
const cell = (text: string, extra: PdfStyle = {}): PdfText => ({ text, ...extra });

function headlineTable(report: Report, w: ReportWords): PdfTable {
  const x = w.text;
  const body: PdfTable['table']['body'] = [
    [head(x.figure), head(x.value, 'right'), head(x.cases, 'right'), head(x.whatItCounts)],
  ];
  for (const m of report.measures) {
    body.push([
      cell(w.measureLabel(m), { bold: true }),
      cell(w.figure(m), { alignment: 'right', fontSize: 11, bold: true }),
      cell(
        m.kind === 'percent'
          ? m.denominator
            ? w.share(m.numerator ?? 0, m.denominator)
            : '—'
          : m.kind === 'days'
            ? w.integer(m.denominator ?? 0)
            : '',
        { alignment: 'right', color: MUTED },
      ),
      cell(w.measureDefinition(m), { fontSize: 7.5, color: MUTED, lineHeight: 1.15 }),
    ]);
  }
  return { table: { headerRows: 1, widths: [120, 46, 40, '*'], body, dontBreakRows: true }, layout: lines };
}

/** A volume table: label, count and a bar drawn to scale (the largest count is the full width). */
function volumeTable(key: VolumeKey, rows: VolumeRow[], w: ReportWords): PdfStack {
  const max = Math.max(1, ...rows.map((r) => r.count));
  const width = 90;
  const body: PdfTable['table']['body'] = [[head(w.volumeTitle(key)), head(w.text.cases, 'right'), head('')]];
  for (const r of rows) {
    const bar = r.count === 0 ? 0 : Math.max(1, (r.count / max) * width);
    body.push([
      cell(w.volumeLabel(key, r)),
      cell(w.count(r.count), { alignment: 'right' }),
      { canvas: bar ? [{ type: 'rect', x: 0, y: 2, w: bar, h: 7, color: BAR }] : [] },
    ]);
  }
  if (rows.length === 0)
    body.push([cell(w.text.noCases, { color: MUTED }), cell(w.count(0), { alignment: 'right' }), cell('')]);
  return {
    stack: [{ table: { headerRows: 1, widths: ['*', 36, width], body, dontBreakRows: true }, layout: lines }],
    margin: [0, 0, 0, 14],
    unbreakable: rows.length <= 14,
  };
}

function compensationTable(report: Report, w: ReportWords): PdfTable {
  const x = w.text;
  const body: PdfTable['table']['body'] = [
    [
      head(x.currency),
      head(x.compensation, 'right'),
      head(x.goodwill, 'right'),
      head(x.total, 'right'),
      head(x.payments, 'right'),
    ],
  ];
  for (const c of report.compensation) {
    body.push([
      cell(c.currency),
      cell(w.money(c.compensation, c.currency), { alignment: 'right' }),
      cell(w.money(c.goodwill, c.currency), { alignment: 'right' }),
      cell(w.money(c.total, c.currency), { alignment: 'right', bold: true }),
      cell(w.integer(c.payments), { alignment: 'right' }),
    ]);
  }
  if (report.compensation.length === 0)
    body.push([cell(x.noneRecorded, { color: MUTED }), cell(''), cell(''), cell(''), cell('')]);
  return { table: { headerRows: 1, widths: ['*', 80, 80, 80, 50], body }, layout: lines };
}

/** The complaints report for printing or sending to a regulator: figures with their definitions, then volumes. */
export function reportDocument(report: Report, meta: ReportMeta): ReportDocument {
  const w = meta.words ?? ENGLISH_REPORT_WORDS;
  const x = w.text;
  const period = w.period(report.period);
  const table = (key: VolumeKey) => volumeTable(key, report.volumes[key], w);
  // Short labels side by side; procedure names are long, so that table takes the full width.
  const pair = (a: PdfStack, b: PdfStack): PdfColumns => ({
    columns: [
      { ...a, width: '*' },
      { ...b, width: '*' },
    ],
    columnGap: 24,
  });
  const received: PdfStack = {
    stack: [
      { text: x.received, style: 'heading', margin: [0, 16, 0, 2] },
      { text: x.volumesDefinition, style: 'note', margin: [0, 0, 0, 6] },
      pair(table('byMonth'), table('byCategory')),
    ],
    unbreakable: true,
  };
  const content: PdfContent[] = [
    { text: x.title, style: 'title' },
    { text: meta.company, style: 'subtitle' },
    {
      table: {
        widths: [70, '*'],
        body: [
          [cell(x.period, { color: MUTED }), cell(period, { bold: true })],
          [
            cell(x.cases, { color: MUTED }),
            cell(w.filters(report, meta.procedures, (id) => meta.providerNames?.[id] ?? id)),
          ],
          [cell(x.madeOn, { color: MUTED }), cell(`${w.date(report.today)}. ${x.clocksNote}`)],
        ],
      },
      layout: { ...lines, hLineWidth: () => 0 },
      margin: [0, 0, 0, 12],
    },
    { text: x.figures, style: 'heading' },
    headlineTable(report, w),
    received,
    pair(table('byChannel'), table('byHandler')),
    // On a desk of several providers, unfiltered: what each provider is sent, adding up to the desk's figure.
    ...(report.volumes.byProvider.length ? [table('byProvider')] : []),
    table('byProcedure'),
    {
      stack: [
        { text: x.compensationPaid, style: 'heading' },
        { text: x.compensationDefinition, style: 'note', margin: [0, 0, 0, 6] },
        compensationTable(report, w),
      ],
      unbreakable: true,
    },
  ];
  if (report.rulesErrors) {
    content.push({
      text: `${w.notCounted(report.rulesErrors)} ${x.rulesErrorsDefinition}`,
      style: 'note',
      margin: [0, 12, 0, 0],
    });
  }
  return {
    pageSize: meta.paper ?? 'A4',
    pageOrientation: 'portrait',
    pageMargins: [48, 48, 48, 56],
    language: w.language,
    info: {
      title: `${x.title}, ${period}`,
      author: meta.company,
      subject: x.subject,
      creator: 'Redress',
    },
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.2, color: INK },
    styles: {
      title: { fontSize: 18, bold: true, color: '#14365d' },
      subtitle: { fontSize: 11, color: MUTED, margin: [0, 2, 0, 10] },
      heading: { fontSize: 12, bold: true, color: '#14365d', margin: [0, 14, 0, 6] },
      note: { fontSize: 8, color: MUTED },
    },
    footer: (currentPage, pageCount) => ({
      columns: [
        { text: `${x.title}, ${period}`, fontSize: 8, color: MUTED },
        { text: w.page(currentPage, pageCount), fontSize: 8, color: MUTED, alignment: 'right' },
      ],
      margin: [48, 20, 48, 0],
    }),
    content,
  };
}
