// Cases as a CSV file: every case, or the case list's current results, one row each (shared/exports/cases-csv.ts).
import type { MainMessage } from '#shared/ipc/messages';
import { casesCsvFileName, casesCsvTable, type CaseCsvInput } from '#shared/exports/cases-csv';
import type { CaseRecord } from '#shared/model/case';
import type { InterfaceLocale } from '#shared/model/dates';
import { deskRegions, providerName } from '#shared/model/provider';
import { translate } from '#lib/i18n/index';
import { procedureName } from '#lib/rules';
import { getSettings } from '#db/repositories/cases';
import type { RedressDatabase } from '#db/schema';
import { platform } from '#platform';
import { recordExport } from './audit';
import { casesCsvWordsIn } from './cases-csv-words';
import { toCsv } from '#lib/csv';
import { csvBytes } from './csv';

const byReceived = (a: CaseRecord, b: CaseRecord) =>
  a.receivedOn.localeCompare(b.receivedOn) || a.reference.localeCompare(b.reference);

/**
 * The CSV text for the given cases (in that order), or every case (oldest first) when `caseIds` is absent, in the
 * interface language `locale` (cases-csv-words.ts).
 */
export async function casesCsv(
  database: RedressDatabase,
  caseIds?: readonly string[],
  locale: InterfaceLocale = 'en-GB',
): Promise<{ text: string; count: number; fileName: (filtered: boolean, today: string) => string }> {
  let records: CaseRecord[];
  if (caseIds) records = (await database.cases.bulkGet([...caseIds])).filter((r): r is CaseRecord => !!r);
  else records = (await database.cases.toArray()).sort(byReceived);
  const index = await database.caseIndex.bulkGet(records.map((r) => r.id));
  const settings = await getSettings(database);
  // Files kept on each case (removed ones not counted); the rows hold Blob handles, never the bytes read.
  const files = new Map<string, number>();
  await database.attachments.each((a) => {
    if (!a.deleted) files.set(a.caseId, (files.get(a.caseId) ?? 0) + 1);
  });
  const names = new Map<string, string | undefined>();
  const inputs: CaseCsvInput[] = records.map((record, i) => {
    if (!names.has(record.procedureId)) names.set(record.procedureId, procedureName(record.procedureId));
    return {
      record,
      derived: index[i] ?? undefined,
      procedureName: names.get(record.procedureId),
      ...(settings ? { providerName: providerName(record, settings) } : {}),
      attachments: files.get(record.id) ?? 0,
    };
  });
  const words = casesCsvWordsIn(locale, (key, values) => translate(locale, key, values));
  return {
    // Ofcom's clock columns are left out at a desk with no UK provider (casesCsvTable).
    text: toCsv(casesCsvTable(inputs, words, settings ? deskRegions(settings) : undefined), words.delimiter),
    count: records.length,
    // Named in the file's words too.
    fileName: (filtered, today) => casesCsvFileName(today, filtered, words),
  };
}

export interface ExportOutcome {
  saved: boolean;
  count: number;
  fileName?: string;
  error?: string;
  /** The failure as a code and values (from main or the browser), for the interface to say in its language. */
  message?: MainMessage;
}

/** Make the CSV and hand it to the shell (a save dialog on the desktop, a download in the browser). */
export async function exportCasesCsv(
  database: RedressDatabase,
  options: { caseIds?: readonly string[]; today: string; by: string; locale: InterfaceLocale },
): Promise<ExportOutcome> {
  const { text, count, fileName } = await casesCsv(database, options.caseIds, options.locale);
  const result = await platform().saveFile({
    suggestedName: fileName(!!options.caseIds, options.today),
    mimeType: 'text/csv',
    data: csvBytes(text),
  });
  if (!result.ok) return { saved: false, count, error: result.error, message: result.message };
  if (!result.saved) return { saved: false, count };
  await recordExport(database, {
    kind: 'export-cases-csv',
    by: options.by,
    summary: `${count} ${count === 1 ? 'case' : 'cases'} exported as CSV${options.caseIds ? ' (a filtered list)' : ''}`,
    detail: { count, filtered: !!options.caseIds },
  });
  return { saved: true, count, fileName: result.fileName };
}
