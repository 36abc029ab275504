// The report's downloads in the interface language: a French desk's CSV and PDF read as its Reports screen does
// (French words, decimal commas, French months and money, « ; » between the CSV's columns, the PDF tagged fr-CA);
// English ones are as they always were.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poppler, renderPdfInNode, waitForPoppler } from '#test/support/render-pdf-node';
import { FIXTURE_CASES, FIXTURE_PERIOD, FIXTURE_TODAY } from '#shared/reports/fixtures';
import { buildReport } from '#shared/reports/report';
import { summariseCase } from '#shared/reports/summary';
import { ENGLISH_REPORT_WORDS, reportDocument, reportFileName } from '#shared/reports/index';
import { translate } from '#lib/i18n/index';
import { reportCsv, reportUnprintable } from './export';
import { reportWordsIn } from './words';

const summaries = FIXTURE_CASES.map((c) => summariseCase(c.record, c.events, FIXTURE_TODAY));
const report = (filters = {}) => buildReport(summaries, { period: FIXTURE_PERIOD, today: FIXTURE_TODAY, filters });
const french = reportWordsIn('fr-CA', (key, values) => translate('fr-CA', key, values));
const meta = { company: 'Télécom Boréal inc.', words: french };
const nb = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redress-report-fr-'));
  if (!(await waitForPoppler())) throw new Error('poppler-utils is not installed');
}, 90_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the French report PDF', () => {
  it('reads back in French with French numbers, months and money, tagged fr-CA', async () => {
    const doc = reportDocument(report(), meta);
    expect(doc.language).toBe('fr-CA');
    expect(doc.info.subject).toBe('Chiffres du traitement des plaintes');
    const file = join(dir, 'rapport.pdf');
    writeFileSync(file, await renderPdfInNode(doc as never));
    const text = nb(poppler('pdftotext', [file, '-'])).replace(/\s+/g, ' ');
    expect(text).toContain('Rapport sur les plaintes');
    expect(text).toContain('Période du 1er avr. 2026 au 30 juin 2026');
    expect(text).toContain('Tous les dossiers');
    expect(text).toContain('Les délais qui échoient après ce jour');
    // The cases column is narrow: "2 sur 5 dossiers" wraps after "2 sur 5".
    expect(text).toMatch(/Réception confirmée dans les délais 40,0 % 2 sur 5 /);
    expect(text).toMatch(/Réglées en 6 ou 8 semaines 77,8 %/);
    expect(text).toContain('Réglées en 6 ou 8 semaines');
    expect(text).toContain(translate('fr-CA', 'reports.measureDefinition.received'));
    expect(text).toMatch(/avr\. 2026 7/);
    expect(text).toContain('Facturation');
    expect(text).toContain('Indemnités versées');
    expect(text).toMatch(/GBP 50,00 £ 20,00 £ 70,00 £ 2/);
    expect(text).toMatch(/CAD 0,00 \$ 25,00 \$ 25,00 \$ 1/);
    expect(text).toContain('Non comptés : 1 dossier.');
    expect(text).toMatch(/Page 1 sur \d/);
    expect(text).not.toMatch(/Complaints|Acknowledged|Page \d of|40\.0%|Apr 2026|CAD 25\.00|Billing/);
  });

  it('prints its French text, and still refuses a name the font cannot print', () => {
    expect(reportUnprintable(report(), meta)).toBeNull();
    const found = reportUnprintable(report({ providerId: 'fibre' }), {
      ...meta,
      providerNames: { fibre: '光纤 Fibre' },
    });
    expect(found?.places).toEqual([{ place: 'report-provider' }]);
  });

  it('says the filters in French', () => {
    const doc = reportDocument(report({ category: 'billing', handler: '' }), meta);
    expect(nb(JSON.stringify(doc.content))).toContain('Catégorie : Facturation ; Responsable : Sans responsable');
  });
});

describe('the French report CSV', () => {
  it('has French headers and labels, the screen’s formats, and « ; » between columns for French Excel', () => {
    const csv = reportCsv(report(), meta);
    expect(csv.startsWith('\uFEFFRubrique;Élément;Valeur;Dossiers conformes;Dossiers mesurés;Définition\r\n')).toBe(
      true,
    );
    const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data.map((r) => r.map(nb));
    const find = (section: string, item: string) => rows.find((r) => r[0] === section && r[1] === item);
    expect(find('Rapport', 'Période')?.[2]).toBe('du 1er avr. 2026 au 30 juin 2026');
    expect(find('Rapport', 'Période')?.[5]).toBe('du 2026-04-01 au 2026-06-30, les deux jours compris');
    expect(find('Rapport', 'Dossiers')?.[2]).toBe('Tous les dossiers');
    expect(find('Chiffres', 'Réception confirmée dans les délais')?.slice(2, 5)).toEqual(['40,0 %', '2', '5']);
    expect(find('Chiffres', 'Nombre moyen de jours pour régler')?.slice(2, 5)).toEqual(['20,8', '', '10']);
    expect(find('Reçues par mois', 'mai 2026')?.[2]).toBe('4');
    expect(find('Reçues par catégorie', 'Facturation')).toBeDefined();
    expect(find('Reçues par responsable', 'Sans responsable')?.[2]).toBe('2');
    expect(find('Indemnités versées', 'Total en GBP (2 versements)')?.[2]).toBe('70,00 £');
    expect(find('Indemnités versées', 'Gestes commerciaux en CAD')?.[2]).toBe('25,00 $');
    expect(find('Non comptés', 'Dossiers que le moteur de règles ne peut pas lire')?.[2]).toBe('1');
    expect(csv).not.toMatch(/Section|Figures|Received by|CAD 25\.00|May 2026|40\.0%/);
  });
});

describe('the English report downloads', () => {
  it('are as they always were', () => {
    const english = reportWordsIn('en-GB', (key, values) => translate('en-GB', key, values));
    expect(english).toBe(ENGLISH_REPORT_WORDS);
    expect(reportWordsIn('en-CA', (key, values) => translate('en-CA', key, values))).toBe(ENGLISH_REPORT_WORDS);
    const csv = reportCsv(report(), { company: 'Northwind Broadband Ltd', words: english });
    expect(csv).toBe(reportCsv(report(), { company: 'Northwind Broadband Ltd' }));
    expect(csv.startsWith('\uFEFFSection,Item,Value,Cases that met it,Cases measured,Definition\r\n')).toBe(true);
    expect(csv).toContain('Figures,Acknowledged on time,40.0%,2,5,');
    expect(reportDocument(report(), { company: 'N', words: english }).language).toBe('en-GB');
  });
});

describe('the report downloads’ file names', () => {
  it('are in the interface language, in ASCII only; English as they always were', () => {
    const unassigned = report({ handler: '' });
    expect(reportFileName(unassigned, 'csv', meta)).toBe('rapport-plaintes-2026-04-01-au-2026-06-30-non-attribue.csv');
    expect(reportFileName(report(), 'pdf', meta)).toBe('rapport-plaintes-2026-04-01-au-2026-06-30.pdf');
    // A category or channel filtered on, in the report's words too (without accents).
    expect(reportFileName(report({ category: 'fault-repair', channel: 'phone' }), 'csv', meta)).toBe(
      'rapport-plaintes-2026-04-01-au-2026-06-30-reparation-de-panne-telephone.csv',
    );
    const english = reportWordsIn('en-CA', (key, values) => translate('en-CA', key, values));
    expect(reportFileName(unassigned, 'csv', { words: english })).toBe(
      'complaints-report-2026-04-01-to-2026-06-30-unassigned.csv',
    );
    expect(reportFileName(report({ category: 'fault-repair', channel: 'in-person' }), 'csv', { words: english })).toBe(
      'complaints-report-2026-04-01-to-2026-06-30-fault-repair-in-person.csv',
    );
  });
});
