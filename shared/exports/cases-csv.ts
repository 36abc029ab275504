// Cases as a table for a CSV file: one row per case, the desk's words for every value (labels, not ids), so the file
// reads well in Excel. Pure: the renderer turns the table into CSV text with papaparse (features/exchange/csv.ts),
// whose types bring Node into scope and so stay out of this layer.
import {
  AUTHORITY_LABELS,
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  LETTER_LANGUAGE_LABELS,
  type CaseRecord,
  type PostalAddress,
} from '#shared/model/case';

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

const lines = (address?: PostalAddress) => (address ? address.lines.join('\n') : '');
const yesNo = (value?: boolean) => (value ? 'Yes' : 'No');
const STATUS_LABELS: Record<string, string> = { open: 'Open', resolved: 'Resolved', closed: 'Closed' };

/** One case as a row of text cells, keyed by column header. */
export function caseCsvRow(input: CaseCsvInput): Record<CaseCsvColumn, string> {
  const { record: r, derived: d } = input;
  const status = d?.status ?? r.status;
  return {
    Reference: r.reference,
    'Received on': r.receivedOn,
    Channel: CHANNEL_LABELS[r.channel] ?? r.channel,
    Category: CATEGORY_LABELS[r.category] ?? r.category,
    'Customer name': r.customer.name,
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
          AUTHORITY_LABELS[r.representative.authority.kind],
          r.representative.authority.on,
          r.representative.authority.details,
        ]
          .filter(Boolean)
          .join(', ')
      : '',
    'Letter language': r.communication?.language ? LETTER_LANGUAGE_LABELS[r.communication.language] : '',
    'Large print': yesNo(r.communication?.largePrint),
    'Letters by post': yesNo(r.communication?.prefersPost),
    Summary: r.summary,
    Provider: input.providerName ?? r.providerId ?? '',
    Procedure: input.procedureName ?? r.procedureId,
    Status: STATUS_LABELS[status] ?? status,
    Stage: d?.stageName ?? '',
    Handler: r.assignee ?? '',
    'Next due on': d?.nextDueOn ?? '',
    'Next due': d?.nextClockLabel ?? '',
    'ADR letter due on': d?.adrLetterDueOn ?? '',
    'ADR referral window ends on': d?.adrReferralEndsOn ?? '',
    'Logged at': r.createdAt,
    'Last changed at': r.updatedAt,
    Attachments: String(input.attachments ?? 0),
  };
}

/** The whole table: headers and one row of cells per case, in the order given. */
export function casesCsvTable(inputs: readonly CaseCsvInput[]): { fields: string[]; data: string[][] } {
  return {
    fields: [...CASE_CSV_COLUMNS],
    data: inputs.map((input) => {
      const row = caseCsvRow(input);
      return CASE_CSV_COLUMNS.map((column) => row[column]);
    }),
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

/** A file name for the export, e.g. "redress-cases-2026-11-18.csv". */
export function casesCsvFileName(today: string, filtered: boolean): string {
  return `redress-cases${filtered ? '-filtered' : ''}-${today}.csv`;
}
