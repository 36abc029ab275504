// Writing checked import rows as new cases: all in one transaction (db/repository.ts createCases), or nothing.
import type { ImportCheck } from '../../../../shared/exports/cases-import';
import type { DeskSettings } from '../../../../shared/model/case';
import { createCases, type Clock } from '../../db/repository';
import type { RedressDatabase } from '../../db/schema';

export interface ImportResult {
  count: number;
  firstReference?: string;
  lastReference?: string;
}

const CHANNEL_WORDS: Record<string, string> = { 'in-person': 'visit in person' };

export async function importCheckedCases(
  database: RedressDatabase,
  check: ImportCheck,
  options: { settings: DeskSettings; by: string; fileName: string; clock?: Clock },
): Promise<ImportResult> {
  if (check.problems.length > 0) throw new Error(`Nothing was imported: ${check.invalidRows} ${check.invalidRows === 1 ? 'row has' : 'rows have'} problems.`);
  if (check.cases.length === 0) return { count: 0 };
  const file = options.fileName.slice(0, 120);
  const records = await createCases(
    database,
    check.cases.map((c) => c.parts),
    {
      settings: options.settings,
      by: options.by,
      clock: options.clock,
      receivedSummary: (parts, index, reference) =>
        `Complaint received by ${CHANNEL_WORDS[parts.channel] ?? parts.channel}; imported from ${file} (row ${check.cases[index].row}); logged as ${reference}`,
      audit: {
        kind: 'import',
        summary: `${check.cases.length} ${check.cases.length === 1 ? 'case' : 'cases'} imported from a CSV file`,
        detail: { count: check.cases.length },
      },
    },
  );
  return { count: records.length, firstReference: records[0]?.reference, lastReference: records.at(-1)?.reference };
}
