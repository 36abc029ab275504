// The cases CSV in the interface language: French headers and values separated by « ; » with local times, English
// exactly as before, and a French file the import reads back.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  CASE_CSV_COLUMNS,
  casesCsvFileName,
  casesCsvTable,
  ENGLISH_CASES_CSV_WORDS,
  type CaseCsvInput,
} from '#shared/exports/cases-csv';
import { checkImport, guessMapping, guessProviderSource, referenceColumn } from '#shared/exports/cases-import';
import { CATEGORIES, CHANNELS, LETTER_LANGUAGES, type CaseRecord } from '#shared/model/case';
import { ANONYMISED_NAME } from '#shared/model/personal-data';
import { en, fr } from '#test/support/translate';
import { casesCsvWordsIn } from './cases-csv-words';
import { toCsv } from '#lib/csv';

const record = (over: Partial<CaseRecord> = {}): CaseRecord => ({
  id: 'c1',
  reference: 'RSL-2026-000001',
  receivedOn: '2026-11-11',
  channel: 'web',
  customer: {
    name: 'Élodie Tremblay',
    address: { lines: ['1250, boul. René-Lévesque Ouest', 'Montréal (Québec)'], postcode: 'H3B 4W8' },
    phone: '+1 514 555 0100',
    isBusiness: true,
    employees: 12,
  },
  representative: {
    name: 'Marc Côté',
    relationship: 'fils',
    authority: { kind: 'power-of-attorney', on: '2026-11-20' },
  },
  communication: { language: 'fr-CA', prefersPost: true },
  category: 'fault-repair',
  summary: '=SUM(A1) ; la ligne est coupée',
  procedureId: 'jive-canada',
  calendar: 'canada',
  stage: 'front-line',
  status: 'open',
  // 23:30 UTC is 00:30 the next day in London, where the tests run (test/vitest.config.ts).
  createdAt: '2026-07-06T23:30:00.000Z',
  updatedAt: '2026-12-06T05:15:17.954Z',
  ...over,
});

const input = (over: Partial<CaseRecord> = {}): CaseCsvInput => ({
  record: record(over),
  derived: {
    status: 'resolved',
    stageName: 'Premier niveau',
    nextDueOn: '2026-11-18',
    nextClockLabel: 'Acknowledgement',
    adrLetterDueOn: null,
    adrReferralEndsOn: '2027-11-20',
  },
  procedureName: 'Jive Canada',
  providerName: 'Réseaux Saint-Laurent inc.',
  attachments: 2,
});

const frenchText = (inputs: CaseCsvInput[]) => {
  const words = casesCsvWordsIn('fr-CA', fr);
  return toCsv(casesCsvTable(inputs, words), words.delimiter);
};

describe('the cases CSV in French', () => {
  it('names its columns and values in French, separated by « ; », with times in local time', () => {
    const text = frenchText([input()]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, line] = text.slice(1).split('\r\n');
    expect(header.split(';').slice(0, 5)).toEqual([
      'Numéro',
      'Date de réception',
      'Mode de réception',
      'Catégorie',
      'Nom de la personne cliente',
    ]);
    const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const row = Object.fromEntries(parsed.data[0].map((h, i) => [h, parsed.data[1][i]]));
    expect(row).toMatchObject({
      Numéro: 'RSL-2026-000001',
      'Date de réception': '2026-11-11',
      'Mode de réception': 'Formulaire Web',
      Catégorie: 'Réparation de panne',
      Adresse: '1250, boul. René-Lévesque Ouest\nMontréal (Québec)',
      Entreprise: 'Oui',
      'Nombre de membres du personnel': '12',
      'Autorisation d’agir de la personne représentante': 'Procuration, 2026-11-20',
      'Langue des lettres': 'Français (Canada)',
      'Gros caractères': 'Non',
      'Lettres par la poste': 'Oui',
      Fournisseur: 'Réseaux Saint-Laurent inc.',
      Procédure: 'Jive Canada',
      État: 'Réglé',
      Étape: 'Premier niveau',
      'Date de la prochaine échéance': '2026-11-18',
      'Prochaine échéance': 'Accusé de réception',
      'Échéance de la lettre de recours externe': '',
      'Fin du délai de recours externe': '2027-11-20',
      'Inscrit le': '2026-07-07 00:30',
      'Modifié le': '2026-12-06 05:15',
      'Pièces jointes': '2',
    });
    // Still guarded against formulas, the phone number and the summary alike.
    expect(row['Téléphone']).toBe("'+1 514 555 0100");
    expect(row['Résumé']).toBe("'=SUM(A1) ; la ligne est coupée");
    expect(line.startsWith('RSL-2026-000001;2026-11-11;Formulaire Web;')).toBe(true);
  });

  it('says a built-in procedure’s stage in French, as the case list does (explore34a #7)', () => {
    const words = casesCsvWordsIn('fr-CA', fr);
    const jive = { ...input(), derived: { ...input().derived!, stageName: 'With the CCTS' } };
    const french = casesCsvTable([jive], words);
    expect(french.data[0][french.fields.indexOf('Étape')]).toBe('À la CPRST');
    // English keeps the rules engine's words.
    const english = casesCsvTable([jive], ENGLISH_CASES_CSV_WORDS);
    expect(english.data[0][english.fields.indexOf('Stage')]).toBe('With the CCTS');
  });

  it('says an anonymised customer’s name in French (explore36-manager #7), and keeps every other name', () => {
    const words = casesCsvWordsIn('fr-CA', fr);
    const anonymised = input({ customer: { name: ANONYMISED_NAME }, anonymisedOn: '2026-12-01' });
    const french = casesCsvTable([anonymised, input()], words);
    const column = french.fields.indexOf('Nom de la personne cliente');
    expect(french.data.map((row) => row[column])).toEqual(['Anonymisé', 'Élodie Tremblay']);
    const english = casesCsvTable([anonymised], ENGLISH_CASES_CSV_WORDS);
    expect(english.data[0][english.fields.indexOf('Customer name')]).toBe('Anonymised');
  });

  it('leaves out Ofcom’s clock columns at a desk with no UK provider, unless a case has a date in one (explore34a #12)', () => {
    const words = casesCsvWordsIn('fr-CA', fr);
    const quiet = { ...input(), derived: { ...input().derived!, adrReferralEndsOn: null } };
    const adrHeaders = ['ADR letter due on', 'ADR referral window ends on'] as const;
    const canadian = casesCsvTable([quiet], words, new Set(['CA'] as const));
    for (const column of adrHeaders) expect(canadian.fields).not.toContain(words.header(column));
    expect(canadian.fields).toHaveLength(CASE_CSV_COLUMNS.length - 2);
    expect(canadian.data[0]).toHaveLength(CASE_CSV_COLUMNS.length - 2);
    expect(canadian.data[0][canadian.fields.indexOf('Étape')]).toBe('Premier niveau');
    // A column in which a case has a date is kept (nothing a case holds is dropped); a desk with a UK provider keeps both.
    const withDate = casesCsvTable([quiet, input()], words, new Set(['CA'] as const));
    expect(withDate.fields).toContain(words.header('ADR referral window ends on'));
    expect(withDate.fields).not.toContain(words.header('ADR letter due on'));
    expect(withDate.data[1][withDate.fields.indexOf(words.header('ADR referral window ends on'))]).toBe('2027-11-20');
    expect(casesCsvTable([quiet], words, new Set(['CA', 'UK'] as const)).fields).toHaveLength(CASE_CSV_COLUMNS.length);
  });

  it('is read back by the import: every column found, every channel, category and language understood', () => {
    const inputs = CHANNELS.map((channel, i) =>
      input({
        id: `c${i}`,
        reference: `RSL-2026-00000${i}`,
        channel,
        category: CATEGORIES[i % CATEGORIES.length],
        communication: { language: LETTER_LANGUAGES[i % LETTER_LANGUAGES.length], largePrint: i % 2 === 0 },
        summary: `Plainte ${i}`,
      }),
    );
    const parsed = Papa.parse<string[]>(frenchText(inputs).slice(1), { delimiter: ';', skipEmptyLines: true });
    const [headers, ...rows] = parsed.data;
    // The French headers are found as the English ones are.
    const english = guessMapping(CASE_CSV_COLUMNS);
    expect(guessMapping(headers)).toEqual(english);
    expect(referenceColumn(headers)).toBe(0);
    expect(guessProviderSource(headers, 'p1')).toEqual({ column: CASE_CSV_COLUMNS.indexOf('Provider') });
    const check = checkImport(rows, headers, guessMapping(headers), { today: '2026-12-06', dateOrder: 'day-first' });
    expect(check.problems).toEqual([]);
    expect(check.cases.map((c) => [c.parts.channel, c.parts.category, c.parts.communication?.language])).toEqual(
      inputs.map(({ record: r }) => [r.channel, r.category, r.communication?.language]),
    );
    expect(check.cases.map((c) => c.parts.communication?.largePrint ?? false)).toEqual(
      inputs.map(({ record: r }) => !!r.communication?.largePrint),
    );
    expect(check.cases[0].parts.customer).toMatchObject({ isBusiness: true, employees: 12 });
  });
});

describe('the cases CSV in English', () => {
  it('keeps the words and formats it always had, separated by commas', () => {
    expect(casesCsvWordsIn('en-GB', en)).toBe(ENGLISH_CASES_CSV_WORDS);
    expect(casesCsvWordsIn('en-CA', en)).toBe(ENGLISH_CASES_CSV_WORDS);
    const text = toCsv(casesCsvTable([input()], casesCsvWordsIn('en-GB', en)), ',');
    expect(text).toBe(toCsv(casesCsvTable([input()])));
    expect(text).toContain('2026-07-06T23:30:00.000Z');
    expect(text.slice(1).split('\r\n')[0]).toBe(CASE_CSV_COLUMNS.join(','));
  });

  it('the catalogue’s English column names quote the file’s', () => {
    const quoted = {
      'Representative authority': en('exchange.csv.column.representativeAuthority'),
      Procedure: en('exchange.csv.column.procedure'),
      'Next due on': en('exchange.csv.column.nextDueOn'),
      'ADR letter due on': en('exchange.csv.column.adrLetterDueOn'),
      'ADR referral window ends on': en('exchange.csv.column.adrReferralEndsOn'),
      'Logged at': en('exchange.csv.column.loggedAt'),
      'Last changed at': en('exchange.csv.column.lastChangedAt'),
      Attachments: en('exchange.csv.column.attachments'),
    };
    for (const [column, word] of Object.entries(quoted)) expect(word).toBe(column);
  });
});

describe('the cases CSV’s file name', () => {
  it('is in the interface language, in ASCII only; English as it always was', () => {
    expect(casesCsvFileName('2026-12-06', false, casesCsvWordsIn('fr-CA', fr))).toBe('redress-dossiers-2026-12-06.csv');
    expect(casesCsvFileName('2026-12-06', true, casesCsvWordsIn('fr-CA', fr))).toBe(
      'redress-dossiers-filtres-2026-12-06.csv',
    );
    expect(casesCsvFileName('2026-12-06', false, casesCsvWordsIn('en-CA', en))).toBe('redress-cases-2026-12-06.csv');
    expect(casesCsvFileName('2026-12-06', true)).toBe('redress-cases-filtered-2026-12-06.csv');
  });
});
