// Cases as a table for a CSV file: one row per case, the desk's words for every value (labels, not ids), so the file
// reads well in Excel. Pure: the renderer turns the table into CSV text with papaparse (features/exchange/csv.ts),
// whose types bring Node into scope and so stay out of this layer. English (UK) is written here, as the file has always
// been; another interface language's words are built by the renderer from its catalogue (features/exchange/
// cases-csv-words.ts) and passed in as CasesCsvWords, so shared/ holds no other language.
import {
  AUTHORITY_LABELS,
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  LETTER_LANGUAGE_LABELS,
  type AuthorityKind,
  type CaseRecord,
  type Category,
  type Channel,
  type LetterLanguageCode,
  type PostalAddress,
} from '#shared/model/case';
import type { RegulatorRegion } from '#shared/model/provider';

/** The derived facts a row shows besides the record: the case index row (renderer/src/db/schema.ts) has them all. */
export interface CaseCsvDerived {
  status: string;
  stageName: string;
  nextDueOn: string | null;
  nextClockLabel: string | null;
  adrLetterDueOn: string | null;
  adrReferralEndsOn: string | null;
}

export interface CaseCsvInput {
  record: CaseRecord;
  /** Absent when the case has no index row (it is then exported from the record alone). */
  derived?: CaseCsvDerived;
  /** The procedure's name, when known. */
  procedureName?: string;
  /** The provider's name (model/provider.ts `providerName`). */
  providerName?: string;
  /** How many files are kept on the case (attachments not removed; issue #18). */
  attachments?: number;
}

/**
 * The columns, in order. Headers are also what the CSV import (./cases-import.ts) recognises, so a file exported here
 * can be imported again after editing in a spreadsheet.
 */
export const CASE_CSV_COLUMNS = [
  'Reference',
  'Received on',
  'Channel',
  'Category',
  'Customer name',
  'Address',
  'Postcode',
  'Phone',
  'Email',
  'Account number',
  'Business customer',
  'Number of employees',
  'Representative',
  'Representative relationship',
  'Representative address',
  'Representative postcode',
  'Representative authority',
  'Letter language',
  'Large print',
  'Letters by post',
  'Summary',
  'Provider',
  'Procedure',
  'Status',
  'Stage',
  'Handler',
  'Next due on',
  'Next due',
  'ADR letter due on',
  'ADR referral window ends on',
  'Logged at',
  'Last changed at',
  'Attachments',
] as const;
export type CaseCsvColumn = (typeof CASE_CSV_COLUMNS)[number];

/** What the cases CSV says and how it writes its values, in one language. */
export interface CasesCsvWords {
  /** The column separator: "," in English; ";" where Excel writes decimal commas (French), as the report's CSV. */
  delimiter: string;
  /** A column's header ("Received on", « Date de réception »). */
  header(column: CaseCsvColumn): string;
  channel(channel: Channel): string;
  category(category: Category): string;
  authority(kind: AuthorityKind): string;
  letterLanguage(language: LetterLanguageCode): string;
  yesNo(value: boolean): string;
  /** A case's status: "open", "resolved", "closed". */
  status(status: string): string;
  /** The next clock's label as the rules engine writes it ("Acknowledgement", "CCTS response"). */
  clock(label: string): string;
  /** A stage's name as the rules engine gives it (a built-in procedure's said in the file's language). */
  stage(name: string): string;
  /** An instant ("2026-12-06T05:15:17.954Z"): when the case was logged, last changed. */
  instant(iso: string): string;
  /** A customer's name: as given, but the one anonymising puts in place of it in the file's language. */
  name(name: string): string;
  /**
   * The file's name before the date, for every case and for the case list's results ("redress-cases",
   * "redress-cases-filtered"): ASCII letters, digits and hyphens only (`casesCsvFileName`).
   */
  fileName: { all: string; filtered: string };
}

const STATUS_LABELS: Record<string, string> = { open: 'Open', resolved: 'Resolved', closed: 'Closed' };

/** English (UK): the words and formats the cases CSV has always had (times as UTC instants, as stored). */
export const ENGLISH_CASES_CSV_WORDS: CasesCsvWords = {
  delimiter: ',',
  header: (column) => column,
  channel: (channel) => CHANNEL_LABELS[channel] ?? channel,
  category: (category) => CATEGORY_LABELS[category] ?? category,
  authority: (kind) => AUTHORITY_LABELS[kind],
  letterLanguage: (language) => LETTER_LANGUAGE_LABELS[language],
  yesNo: (value) => (value ? 'Yes' : 'No'),
  status: (status) => STATUS_LABELS[status] ?? status,
  clock: (label) => label,
  stage: (name) => name,
  instant: (iso) => iso,
  name: (name) => name,
  fileName: { all: 'redress-cases', filtered: 'redress-cases-filtered' },
};

const lines = (address?: PostalAddress) => (address ? address.lines.join('\n') : '');

/** One case as a row of text cells, keyed by column (its English header), in the words given. */
export function caseCsvRow(
  input: CaseCsvInput,
  words: CasesCsvWords = ENGLISH_CASES_CSV_WORDS,
): Record<CaseCsvColumn, string> {
  const { record: r, derived: d } = input;
  const status = d?.status ?? r.status;
  const yesNo = (value?: boolean) => words.yesNo(!!value);
  return {
    Reference: r.reference,
    'Received on': r.receivedOn,
    Channel: words.channel(r.channel),
    Category: words.category(r.category),
    'Customer name': words.name(r.customer.name),
    Address: lines(r.customer.address),
    Postcode: r.customer.address?.postcode ?? '',
    Phone: r.customer.phone ?? '',
    Email: r.customer.email ?? '',
    'Account number': r.customer.accountNumber ?? '',
    'Business customer': yesNo(r.customer.isBusiness),
    'Number of employees':
      r.customer.isBusiness && typeof r.customer.employees === 'number' ? String(r.customer.employees) : '',
    Representative: r.representative?.name ?? '',
    'Representative relationship': r.representative?.relationship ?? '',
    'Representative address': lines(r.representative?.address),
    'Representative postcode': r.representative?.address?.postcode ?? '',
    // What shows they may act for the customer, and since when (#15): "Power of attorney, 2026-11-25".
    'Representative authority': r.representative?.authority
      ? [
          words.authority(r.representative.authority.kind),
          r.representative.authority.on,
          r.representative.authority.details,
        ]
          .filter(Boolean)
          .join(', ')
      : '',
    'Letter language': r.communication?.language ? words.letterLanguage(r.communication.language) : '',
    'Large print': yesNo(r.communication?.largePrint),
    'Letters by post': yesNo(r.communication?.prefersPost),
    Summary: r.summary,
    Provider: input.providerName ?? r.providerId ?? '',
    Procedure: input.procedureName ?? r.procedureId,
    Status: words.status(status),
    Stage: d?.stageName ? words.stage(d.stageName) : '',
    Handler: r.assignee ?? '',
    'Next due on': d?.nextDueOn ?? '',
    'Next due': d?.nextClockLabel ? words.clock(d.nextClockLabel) : '',
    'ADR letter due on': d?.adrLetterDueOn ?? '',
    'ADR referral window ends on': d?.adrReferralEndsOn ?? '',
    'Logged at': words.instant(r.createdAt),
    'Last changed at': words.instant(r.updatedAt),
    Attachments: String(input.attachments ?? 0),
  };
}

/** The columns of Ofcom's clocks: a desk none of whose providers is in the UK has no use for them. */
const UK_COLUMNS: ReadonlySet<CaseCsvColumn> = new Set(['ADR letter due on', 'ADR referral window ends on']);

/**
 * The whole table: headers and one row of cells per case, in the order given, in the words given. `regions`: the
 * regulator regions of the desk's providers; without the UK, Ofcom's clock columns are left out when no case has a
 * date in them (a desk on the CCTS alone, explore34a #12), so nothing a case holds is ever dropped.
 */
export function casesCsvTable(
  inputs: readonly CaseCsvInput[],
  words: CasesCsvWords = ENGLISH_CASES_CSV_WORDS,
  regions?: ReadonlySet<RegulatorRegion>,
): { fields: string[]; data: string[][] } {
  const rows = inputs.map((input) => caseCsvRow(input, words));
  const columns =
    regions && !regions.has('UK')
      ? CASE_CSV_COLUMNS.filter((column) => !UK_COLUMNS.has(column) || rows.some((row) => row[column] !== ''))
      : CASE_CSV_COLUMNS;
  return {
    fields: columns.map((column) => words.header(column)),
    data: rows.map((row) => columns.map((column) => row[column])),
  };
}

/**
 * Cells a spreadsheet would run as a formula (CSV injection): text starting with = + - @, a tab or a carriage return.
 * The CSV writer puts an apostrophe in front of them (OWASP's advice), which Excel and LibreOffice show as text.
 * Anchored at the start only, so a cell with a line break after its first character is caught too.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** Undo the guard on import: an apostrophe followed by a formula character is dropped again. */
export function unguardCell(cell: string): string {
  return cell.length > 1 && cell[0] === "'" && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * A file name for the export, in the words of the file (the interface language): "redress-cases-2026-11-18.csv",
 * "redress-cases-filtered-2026-11-18.csv", « redress-dossiers-2026-11-18.csv ».
 */
export function casesCsvFileName(
  today: string,
  filtered: boolean,
  words: Pick<CasesCsvWords, 'fileName'> = ENGLISH_CASES_CSV_WORDS,
): string {
  return `${filtered ? words.fileName.filtered : words.fileName.all}-${today}.csv`;
}
