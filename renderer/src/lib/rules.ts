// The renderer's view of the rules engine: case records and timelines in, clocks out. Clocks are computed from
// the facts every time, never stored as the truth.
import type { CaseRecord, TimelineEvent } from '#shared/model/case';
import { caseFacts, evaluateCase, getProcedure, listProcedures } from '#shared/rules/index';
import type { Evaluation } from '#shared/rules/types';

export function procedureOptions(): Array<{ value: string; label: string }> {
  return listProcedures().map((p) => ({ value: p.id, label: p.name }));
}

export function procedureName(id: string): string | undefined {
  try {
    return getProcedure(id)?.name;
  } catch {
    return undefined;
  }
}

export interface EvaluatedCase {
  evaluation?: Evaluation;
  error?: string;
  procedureName?: string;
}

export function evaluateRecord(record: CaseRecord, events: readonly TimelineEvent[], today: string): EvaluatedCase {
  const name = procedureName(record.procedureId);
  try {
    return { evaluation: evaluateCase(caseFacts(record, events), today), procedureName: name };
  } catch (error) {
    return {
      error: `The clocks for this case cannot be worked out: ${error instanceof Error ? error.message : String(error)}`,
      procedureName: name,
    };
  }
}
