// The renderer's view of the rules engine: case records and timelines in, clocks out. Clocks are computed from
// the facts every time, never stored as the truth.
import type { CaseRecord, TimelineEvent } from '#shared/model/case';
import {
  caseFacts,
  evaluateCase,
  isProcedureRetired,
  isRulesError,
  listProcedures,
  type Phrase,
  procedureChoices,
  procedureName,
} from '#shared/rules/index';
import type { Evaluation } from '#shared/rules/types';
import type { Translate } from '#lib/i18n/index';

/** Every procedure the desk knows, retired ones too: for lists and filters over the cases it holds. */
export function procedureOptions(): Array<{ value: string; label: string }> {
  return listProcedures().map((p) => ({ value: p.id, label: p.name }));
}

/**
 * The procedures to choose from for new work (a provider's, the desk's default): those the desk has not retired, and
 * `keep`, the choice already made, even when it is retired and then said so (shared/rules `procedureChoices`).
 */
export function procedureChoiceOptions(
  keep: string | undefined,
  t: Translate,
): Array<{ value: string; label: string }> {
  return procedureChoices(keep).map((p) => ({ value: p.id, label: procedureLabel(p.id, t) }));
}

/**
 * A procedure as a choice or a list names it: its name, "… (retired)" in the interface's words when the desk has retired
 * it (with `t`; without, the name alone); its id when the desk does not have it.
 */
export function procedureLabel(id: string, t?: Translate): string {
  const name = procedureName(id) ?? id;
  return t && isProcedureRetired(id) ? t('procedures.choiceRetired', { name }) : name;
}

/** A procedure's name by id, undefined when the desk does not have it (the one home: shared/rules). */
export { procedureName };

/** Why a case has no clocks, in English (m17b: the one home; the catalogue's `case.clocksUnreadable` takes it). */
export const CLOCKS_UNREADABLE_EN = 'The clocks for this case cannot be worked out: {reason}';

export interface EvaluatedCase {
  evaluation?: Evaluation;
  /** Why the engine cannot read the case, in English (the engine's own technical words). */
  error?: string;
  /** The engine's own words alone (the error's message), to put in another sentence (p8e: the print run's). */
  detail?: string;
  /** The same, as a phrase the interface can say in its language, when the timeline itself is at fault. */
  reason?: Phrase;
  procedureName?: string;
}

export function evaluateRecord(record: CaseRecord, events: readonly TimelineEvent[], today: string): EvaluatedCase {
  const name = procedureName(record.procedureId);
  try {
    return { evaluation: evaluateCase(caseFacts(record, events), today), procedureName: name };
  } catch (error) {
    const reason = isRulesError(error) ? error.reason : undefined;
    const detail = error instanceof Error ? error.message : String(error);
    return {
      error: CLOCKS_UNREADABLE_EN.replace('{reason}', detail),
      detail,
      ...(reason ? { reason } : {}),
      procedureName: name,
    };
  }
}
