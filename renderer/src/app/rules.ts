// The renderer's view of the rules engine: case records and timelines in, clocks out. Clocks are computed from
// the facts every time, never stored as the truth.
import { inTimelineOrder, type CaseRecord, type TimelineEvent } from '../../../shared/model/case';
import { evaluateCase, getProcedure, listProcedures } from '../../../shared/rules';
import { reportFacts } from '../../../shared/reports/summary';
import type { CaseFacts, Evaluation } from '../../../shared/rules/types';

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

/**
 * The facts the rules engine needs, taken from a case and its timeline in any order: the entries are put in THE order
 * (`inTimelineOrder`, shared/model/case.ts) and read as reports read them, so the case page, the case index (written
 * entry by entry or rebuilt) and the reports always agree.
 */
export function caseFacts(record: CaseRecord, events: readonly TimelineEvent[]): CaseFacts {
  return reportFacts(record, inTimelineOrder(events));
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
    return { error: `The clocks for this case cannot be worked out: ${error instanceof Error ? error.message : String(error)}`, procedureName: name };
  }
}
