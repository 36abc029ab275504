// The report's PDF is refused, with the characters and where they are, when its font cannot print a name in it. Its
// CSV writes a name the desk typed that a spreadsheet would run as a formula as text.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { unprintableMessage, UnprintableError } from '#shared/letters/index';
import { FIXTURE_CASES, FIXTURE_PERIOD, FIXTURE_TODAY } from '#shared/reports/fixtures';
import { buildReport } from '#shared/reports/report';
import { summariseCase } from '#shared/reports/summary';
import { reportCsv, reportUnprintable, saveReportPdf } from './export';

const summaries = FIXTURE_CASES.map((c) => summariseCase(c.record, c.events, FIXTURE_TODAY));
const report = (filters = {}) => buildReport(summaries, { period: FIXTURE_PERIOD, today: FIXTURE_TODAY, filters });
const meta = { company: 'Northwind Broadband Ltd', providerNames: { fibre: '光纤 Fibre 😀', northwind: 'Northwind' } };

describe('the report PDF’s characters', () => {
  it('prints a report whose names the font has', () => {
    expect(reportUnprintable(report(), meta)).toBeNull();
    // A provider the report does not name (no filter on it) is not its concern.
    expect(reportUnprintable(report({ providerId: 'northwind' }), meta)).toBeNull();
  });

  it('names the characters of a provider filtered on, and says where they are', () => {
    const found = reportUnprintable(report({ providerId: 'fibre' }), meta);
    expect(found?.characters.map((c) => c.shown)).toEqual(['光', '纤', '😀']);
    expect(found?.places).toEqual([{ place: 'report-provider' }]);
    expect(unprintableMessage(found!, 'report')).toBe(
      'This report contains characters the letter font cannot print: 光, 纤, 😀 (in a provider’s name). ' +
        'Emoji cannot be printed in a report. ' +
        'Correct it (for example, write the name in Latin letters) and make the report again.',
    );
  });

  it('finds them in the company name and a handler’s name too', () => {
    const base = report();
    const withHandler = {
      ...base,
      volumes: {
        ...base.volumes,
        byHandler: [...base.volumes.byHandler, { key: 'Zoë 王', label: 'Zoë 王', count: 1 }],
      },
    };
    // The first provider is named after the company, as a new desk's is; unfiltered, the report does not print it.
    const found = reportUnprintable(withHandler, { company: 'Northwind ★ Ltd', providerNames: { p1: 'Northwind ★' } });
    expect(found?.places).toEqual([{ place: 'report-company' }, { place: 'report-handler' }]);
  });

  it('refuses to make the PDF, before pdfmake is loaded', async () => {
    await expect(saveReportPdf(report({ providerId: 'fibre' }), meta)).rejects.toBeInstanceOf(UnprintableError);
  });
});

describe('the report CSV and formulas (CSV injection)', () => {
  it('writes a handler, procedure, provider or desk name that starts with = + - @ as text, with an apostrophe', () => {
    const base = report({ providerId: 'evil' });
    // Handler names and procedure names are what the desk typed (a desk procedure is named by the desk).
    const typed = {
      ...base,
      volumes: {
        ...base.volumes,
        byHandler: [...base.volumes.byHandler, { key: '=HYPERLINK("x")', label: '=HYPERLINK("x")', count: 1 }],
        byProcedure: [...base.volumes.byProcedure, { key: 'desk-1', label: '@SUM(A1:A9)', count: 2 }],
      },
    };
    const csv = reportCsv(typed, { company: '+Northwind', providerNames: { evil: '-1+1' } });
    expect(csv.startsWith('\uFEFFSection,Item,Value,')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    const cell = (section: string, item: string) => rows.find((r) => r[0] === section && r[1] === item);
    expect(cell('Received by handler', '\'=HYPERLINK("x")')?.[2]).toBe('1');
    expect(cell('Received by procedure', "'@SUM(A1:A9)")?.[2]).toBe('2');
    expect(cell('Report', 'Desk')?.[2]).toBe("'+Northwind");
    expect(cell('Report', 'Cases')?.[2]).toBe('Provider: -1+1');
    // No cell left that a spreadsheet would run.
    expect(rows.flat().filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  });
});
