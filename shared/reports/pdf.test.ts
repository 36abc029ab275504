// The PDF report rendered with pdfmake in Node and read back with poppler; the CSV table; the period presets.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poppler, renderPdfInNode, waitForPoppler } from '#test/support/render-pdf-node';
import { FIXTURE_CASES, FIXTURE_PERIOD, FIXTURE_TODAY } from './fixtures';
import { checkPeriod, describePeriod, monthsIn, presetPeriod } from './periods';
import { reportDocument } from './pdf';
import { buildReport } from './report';
import { summariseCase } from './summary';
import { reportFileName, reportTable } from './table';

const report = buildReport(
  FIXTURE_CASES.map((c) => summariseCase(c.record, c.events, FIXTURE_TODAY)),
  { period: FIXTURE_PERIOD, today: FIXTURE_TODAY },
);
const meta = { company: 'Northwind Broadband Ltd' };
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redress-report-'));
  if (!(await waitForPoppler())) throw new Error('poppler-utils is not installed');
}, 90_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the PDF report', () => {
  it('reads back with the period, every figure and its definition, the volumes and the money; no personal data', async () => {
    const bytes = await renderPdfInNode(reportDocument(report, meta) as never);
    const file = join(dir, 'report.pdf');
    writeFileSync(file, bytes);
    if (process.env.REPORT_PDF_OUT) writeFileSync(process.env.REPORT_PDF_OUT, bytes);
    const text = poppler('pdftotext', [file, '-']).replace(/\s+/g, ' ');
    expect(text).toContain('Complaints report');
    expect(text).toContain('Northwind Broadband Ltd');
    expect(text).toContain('1 Apr 2026 to 30 Jun 2026');
    expect(text).toContain('All cases');
    for (const m of report.measures) {
      expect(text).toContain(m.label);
      expect(text).toContain(m.definition.slice(0, 40));
    }
    expect(text).toMatch(/Acknowledged on time 40\.0% 2 of 5/);
    expect(text).toMatch(/Resolved within 6 or 8 weeks 77\.8% 7 of 9/);
    expect(text).toMatch(/Median days to resolve 10 10/);
    expect(text).toMatch(/Apr 2026 7/);
    // Side-by-side tables interleave in reading order; the layout view keeps each row on its line.
    const layout = poppler('pdftotext', ['-layout', file, '-']);
    expect(layout).toMatch(/Kijoma Broadband complaints procedure v1 +6\n/);
    expect(layout).toMatch(/Phone +6 /);
    expect(text).toMatch(/GBP £50\.00 £20\.00 £70\.00 2/);
    expect(text).toMatch(/CAD CAD 0\.00 CAD 25\.00 CAD 25\.00 1/);
    expect(text).toContain('Not counted: 1 case.');
    expect(text).toMatch(/Page 1 of \d/);
    expect(text).not.toMatch(/Customer c\d\d|Free text|example\.com|Personal Street/);
    // A desk of one provider: no table by provider.
    expect(text).not.toContain('Received by provider');
    // No paper given (a UK desk's report): A4, as it always was.
    expect(poppler('pdfinfo', [file])).toMatch(/Page size: +595\.\d* x 841\.\d* pts \(A4\)/);
  });

  it('on a desk of several providers, prints the cases received by each (explore40-manager #2)', async () => {
    // c06 and c07 (received 05-15 and 06-30) are Jive Canada's; the other 12 received in the period the first's.
    const several = buildReport(
      FIXTURE_CASES.map((c) =>
        summariseCase(
          c.record.procedureId === 'jive-ca' ? { ...c.record, providerId: 'jive' } : c.record,
          c.events,
          FIXTURE_TODAY,
        ),
      ),
      {
        period: FIXTURE_PERIOD,
        today: FIXTURE_TODAY,
        providers: [
          { id: 'first', name: 'Northwind Broadband' },
          { id: 'jive', name: 'Jive Canada' },
        ],
      },
    );
    const file = join(dir, 'several.pdf');
    writeFileSync(file, await renderPdfInNode(reportDocument(several, meta) as never));
    if (process.env.REPORT_PDF_OUT)
      writeFileSync(process.env.REPORT_PDF_OUT.replace(/\.pdf$/, '-providers.pdf'), readFileSync(file));
    const layout = poppler('pdftotext', ['-layout', file, '-']);
    expect(layout).toContain('Received by provider');
    expect(layout).toMatch(/Northwind Broadband +12\n/);
    expect(layout).toMatch(/Jive Canada +2\n/);
  });

  it('is laid out on US Letter for a Canadian desk (meta.paper), with every figure still on it', async () => {
    const doc = reportDocument(report, { ...meta, paper: 'LETTER' });
    expect(doc.pageSize).toBe('LETTER');
    const file = join(dir, 'report-letter.pdf');
    const bytes = await renderPdfInNode(doc as never);
    writeFileSync(file, bytes);
    if (process.env.REPORT_LETTER_PDF_OUT) writeFileSync(process.env.REPORT_LETTER_PDF_OUT, bytes);
    expect(poppler('pdfinfo', [file])).toMatch(/Page size: +612 x 792 pts \(letter\)/);
    const layout = poppler('pdftotext', ['-layout', file, '-']);
    expect(layout).toMatch(/Kijoma Broadband complaints procedure v1 +6\n/);
    expect(layout.replace(/\s+/g, ' ')).toContain('Not counted: 1 case.');
  });
});

describe('the CSV table', () => {
  it('one row per figure with value, cases met, cases measured and definition', () => {
    const rows = reportTable(report, meta);
    expect(rows[0]).toEqual(['Section', 'Item', 'Value', 'Cases that met it', 'Cases measured', 'Definition']);
    expect(rows.every((r) => r.length === 6)).toBe(true);
    const find = (section: string, item: string) => rows.find((r) => r[0] === section && r[1] === item);
    expect(find('Report', 'Period')?.[2]).toBe('1 Apr 2026 to 30 Jun 2026');
    expect(find('Figures', 'Acknowledged on time')?.slice(2, 5)).toEqual(['40.0%', '2', '5']);
    expect(find('Figures', 'Average days to resolve')?.slice(2, 5)).toEqual(['20.8', '', '10']);
    expect(find('Figures', 'Complaints received')?.slice(2, 5)).toEqual(['14', '', '']);
    expect(find('Received by month', 'May 2026')?.[2]).toBe('4');
    expect(find('Received by handler', 'Unassigned')?.[2]).toBe('2');
    expect(find('Compensation paid', 'GBP total (2 payments)')?.[2]).toBe('£70.00');
    expect(find('Not counted', 'Cases the rules engine cannot read')?.[2]).toBe('1');
    expect(reportFileName(report, 'csv')).toBe('complaints-report-2026-04-01-to-2026-06-30.csv');
    // A filtered report says its filters, so it never takes the name of the whole one.
    const filtered = {
      ...report,
      filters: { providerId: 'p2', category: 'billing', handler: 'Zoë Côté' } as const,
    };
    expect(reportFileName(filtered, 'pdf', { providerNames: { p2: 'Kijoma Broadband' } })).toBe(
      'complaints-report-2026-04-01-to-2026-06-30-kijoma-broadband-billing-zoe-cote.pdf',
    );
    // A name with nothing to write in a file name is given by its id; nobody assigned, as "unassigned".
    expect(
      reportFileName({ ...report, filters: { providerId: 'p2', handler: '' } }, 'csv', {
        providerNames: { p2: '光纤' },
      }),
    ).toBe('complaints-report-2026-04-01-to-2026-06-30-p2-unassigned.csv');
  });
});

describe('periods', () => {
  it('presets on a given day', () => {
    expect(presetPeriod('this-month', '2026-11-22')).toEqual({ from: '2026-11-01', to: '2026-11-22' });
    expect(presetPeriod('last-month', '2026-03-05')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetPeriod('last-month', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetPeriod('this-quarter', '2026-11-22')).toEqual({ from: '2026-10-01', to: '2026-11-22' });
    expect(presetPeriod('this-quarter', '2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(presetPeriod('last-12-months', '2026-11-22')).toEqual({ from: '2025-12-01', to: '2026-11-22' });
    expect(monthsIn(presetPeriod('last-12-months', '2026-01-10'))).toHaveLength(12);
    expect(monthsIn({ from: '2025-11-15', to: '2026-02-01' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(describePeriod({ from: '2026-04-01', to: '2026-04-01' })).toBe('1 Apr 2026');
  });
  it('a custom period in the wrong order or half empty is refused in plain words', () => {
    expect(checkPeriod({ from: '2026-05-01', to: '2026-04-01' })).toMatch(/ends before it starts/);
    expect(checkPeriod({ from: '2026-05-01', to: null })).toMatch(/first and the last day/);
    expect(checkPeriod({ from: '2026-04-01', to: '2026-05-01' })).toBeNull();
  });
});
