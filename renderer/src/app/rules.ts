// The renderer's view of the rules engine: case records and timelines in, clocks out. Clocks are computed from
// the facts every time, never stored as the truth.
import type { CaseRecord, TimelineEvent } from '#shared/model/case';
import { customerScopeFacts, evaluateCase, getProcedure, listProcedures } from '#shared/rules/index';
import { RULE_EVENT_TYPES, type CaseFacts, type Evaluation, type RuleEvent, type RuleEventType } from '#shared/rules/types';

const RULE_TYPES = new Set<string>(RULE_EVENT_TYPES);

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

/** The facts the rules engine needs, taken from a case and its timeline (events in date order). */
export function caseFacts(record: CaseRecord, events: readonly TimelineEvent[]): CaseFacts {
  const ruleEvents: RuleEvent[] = events
    .filter((e) => RULE_TYPES.has(e.type))
    .map((e) => {
      const stage = typeof e.data?.stage === 'string' ? e.data.stage : undefined;
      return { type: e.type as RuleEventType, on: e.on, ...(stage ? { stage } : {}) };
    })
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  return {
    procedureId: record.procedureId,
    calendar: record.calendar,
    receivedOn: record.receivedOn,
    channel: record.channel,
    category: record.category,
    ...customerScopeFacts(record.customer),
    events: ruleEvents,
  };
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
