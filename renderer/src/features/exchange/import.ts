// Writing checked import rows as new cases: all in one transaction (db/repository.ts createCases), or nothing.
import { leaveOutDuplicates, type DuplicateRow, type ImportCheck } from '#shared/exports/cases-import';
import type { DeskSettings } from '#shared/model/case';
import { receivedImported, summaryInEnglish } from '#shared/casework/summaries';
import { createCases, type Now } from '#db/repositories/cases';
import type { RedressDatabase } from '#db/schema';

export interface ImportResult {
  count: number;
  firstReference?: string;
  lastReference?: string;
  /** Valid rows left out because the complaint is already in Redress (or earlier in the file). */
  leftOut: DuplicateRow[];
}

/**
 * The check without the rows already in Redress: the cases received on the rows' dates are read (by the `receivedOn`
 * index) and compared by day, customer name and summary (shared/exports/cases-import.ts `leaveOutDuplicates`).
 */
export async function withoutDuplicates(
  database: RedressDatabase,
  check: ImportCheck,
): Promise<{ check: ImportCheck; duplicates: DuplicateRow[] }> {
  if (check.problems.length > 0 || check.cases.length === 0) return { check, duplicates: [] };
  const days = [...new Set(check.cases.map((c) => c.parts.receivedOn))];
  const existing = await database.cases.where('receivedOn').anyOf(days).toArray();
  return leaveOutDuplicates(check, existing);
}

/**
 * This desk's anonymised cases among those a file names by reference (a desk's own export), as reference → date
 * received: their rows are left out as already in Redress (shared/exports/cases-import.ts `anonymisedRows`).
 */
export async function anonymisedCasesNamed(
  database: RedressDatabase,
  references: readonly string[],
): Promise<Map<string, string>> {
  if (references.length === 0) return new Map();
  const cases = await database.cases
    .where('reference')
    .anyOf([...references])
    .toArray();
  return new Map(cases.filter((c) => c.anonymisedOn).map((c) => [c.reference, c.receivedOn]));
}

export async function importCheckedCases(
  database: RedressDatabase,
  check: ImportCheck,
  options: { settings: DeskSettings; by: string; fileName: string; clock?: Now },
): Promise<ImportResult> {
  if (check.problems.length > 0)
    throw new Error(
      `Nothing was imported: ${check.invalidRows} ${check.invalidRows === 1 ? 'row has' : 'rows have'} problems.`,
    );
  // Checked again just before writing: a case logged since the page looked is not logged twice either.
  const { check: fresh, duplicates: leftOut } = await withoutDuplicates(database, check);
  check = fresh;
  if (check.cases.length === 0) return { count: 0, leftOut };
  const file = options.fileName.slice(0, 120);
  const records = await createCases(
    database,
    check.cases.map((c) => c.parts),
    {
      settings: options.settings,
      providerIds: check.cases.map((c) => c.providerId),
      by: options.by,
      clock: options.clock,
      receivedSummary: (parts, index, reference) =>
        summaryInEnglish(receivedImported(parts.channel, file, check.cases[index].row, reference)),
      audit: {
        kind: 'import',
        summary: `${check.cases.length} ${check.cases.length === 1 ? 'case' : 'cases'} imported from a CSV file`,
        detail: { count: check.cases.length, leftOut: leftOut.length },
      },
    },
  );
  return {
    count: records.length,
    firstReference: records[0]?.reference,
    lastReference: records.at(-1)?.reference,
    leftOut,
  };
}
