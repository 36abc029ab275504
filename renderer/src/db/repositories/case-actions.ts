// Performing a case action: ONE Dexie transaction that re-reads the case and its timeline, checks again that the
// procedure allows the action and that the input is valid (the screen may be stale, another window may have acted),
// appends the one timeline event, brings the case's status, stage and customer details in line with the timeline,
// and rebuilds the case's index row. A refused action throws and writes nothing.
import {
  buildActionEvent,
  type ActionContext,
  rebaseEdit,
  withFacts,
  type ActionInput,
  type CaseActionId,
  type EditConflict,
} from '#shared/casework/index';
import type { CaseRecord, TimelineEvent } from '#shared/model/case';
import { PROBLEMS_EN } from '#shared/model/problems';
import { evaluateCase, procedureForCaseOrNull, recordedStageId, type Evaluation } from '#shared/rules/index';
import { caseFacts } from '#shared/rules/facts';
import { caseWriteTables, refreshCaseIndex } from '#db/case-index/derive';
import { systemNow, type Now } from './cases';
import type { RedressDatabase } from '../schema';
import { recordEntries, readTimeline } from '../timeline';

/** An action the case's procedure does not allow now, or input that is not valid. Nothing was written. */
export class ActionRefusedError extends Error {
  /** Message per field (`action` when the action itself is refused, `form` for the whole form). */
  readonly errors: Partial<Record<string, string>>;

  constructor(message: string, errors: Partial<Record<string, string>>) {
    super(message);
    this.name = 'ActionRefusedError';
    this.errors = errors;
  }
}

/**
 * An edit refused because a field the person changed was also changed elsewhere (another window) since the form was
 * opened. Nothing was written; the form asks "keep theirs / use yours" for each and saves again.
 */
export class EditConflictError extends ActionRefusedError {
  readonly conflicts: EditConflict[];

  constructor(message: string, conflicts: EditConflict[]) {
    super(message, { form: message });
    this.name = 'EditConflictError';
    this.conflicts = conflicts;
  }
}

export interface PerformOptions {
  /** The person working: the event's author. */
  by: string;
  /** The desk's date (YYYY-MM-DD): the clocks are evaluated on it and no event may be dated after it. */
  today: string;
  /**
   * For an edit of stored fields (the customer's details, vulnerability details): the fields as the form was opened
   * on. Only what the person changed from them is saved; fields changed meanwhile elsewhere are kept, and a field
   * changed on both sides is refused with `EditConflictError`.
   */
  base?: Record<string, string>;
  /** The desk's providers, for a correction that moves the case to another provider. */
  providers?: ActionContext['providers'];
  clock?: Now;
}

export interface PerformResult {
  event: TimelineEvent;
  record: CaseRecord;
  /** The case evaluated on `today` with the new event (null when the rules engine cannot read the case). */
  evaluation: Evaluation | null;
}

function tryEvaluate(record: CaseRecord, events: readonly TimelineEvent[], today: string): Evaluation | null {
  try {
    return evaluateCase(caseFacts(record, events), today);
  } catch {
    return null;
  }
}

/**
 * Perform `action` on a case: check it and append its one timeline event, in one transaction. Throws
 * `ActionRefusedError` (and writes nothing) when the procedure does not allow it now or the input is not valid.
 */
export async function performAction(
  database: RedressDatabase,
  caseId: string,
  action: CaseActionId,
  input: ActionInput,
  options: PerformOptions,
): Promise<PerformResult> {
  const { by, today } = options;
  const now = (options.clock ?? systemNow).now().toISOString();
  return database.transaction('rw', caseWriteTables(database), async () => {
    const record = await database.cases.get(caseId);
    if (!record)
      throw new ActionRefusedError(`There is no case with id ${caseId}; nothing was recorded.`, {
        action: PROBLEMS_EN['refused-no-case'],
      });
    const events = await readTimeline(database, caseId);
    const procedure = procedureForCaseOrNull(record);
    const evaluation = tryEvaluate(record, events, today);

    // Only what the person changed, on top of what is stored now (another window may have saved meanwhile).
    const rebased = rebaseEdit(action, input, options.base, record, options.providers);
    if (!rebased.ok) throw new EditConflictError(rebased.message, rebased.conflicts);
    const built = buildActionEvent(action, rebased.input, {
      record,
      events,
      evaluation,
      procedure,
      today,
      by,
      providers: options.providers,
    });
    if (!built.ok) throw new ActionRefusedError(built.message, built.errors);

    // Kept after every earlier entry even if clocks disagree, its true moment beside it (recordEntries).
    const event = (await recordEntries(database, [{ id: crypto.randomUUID(), caseId, at: now, ...built.event }]))[0]!;
    const at = event.at;

    const timeline = [...events, event];
    // The customer's new business size changes the rules' scope, a correction the facts: evaluate with them.
    let edited: CaseRecord = built.customer ? { ...record, customer: built.customer } : record;
    if (built.corrections) edited = withFacts(edited, built.corrections);
    let evaluationAfter: Evaluation | null = null;
    try {
      evaluationAfter = evaluateCase(caseFacts(edited, timeline), today);
    } catch (error) {
      // The rules engine refuses the new timeline: abort, so nothing is half-written. (A case it could not read
      // before only takes record-keeping actions, which leave the rules' facts as they were.)
      if (evaluation) {
        const message = error instanceof Error ? error.message : String(error);
        throw new ActionRefusedError(`Not recorded: the procedure does not allow this here. ${message}`, {
          action: message,
        });
      }
    }
    const changes: Partial<CaseRecord> = { updatedAt: at };
    if (evaluationAfter) {
      changes.status = evaluationAfter.status === 'closed' ? 'closed' : 'open';
      // The stage only when the timeline moved it: an edit that moves nothing leaves the stored one as it was (a
      // record's '' is its procedure's first stage: `recordedStageId`), so no unrelated edit rewrites it.
      const procedureAfter = procedureForCaseOrNull(edited);
      const storedStage = procedureAfter ? recordedStageId(record.stage, procedureAfter) : record.stage;
      if (evaluationAfter.stage !== storedStage) changes.stage = evaluationAfter.stage;
    }
    if (built.customer) changes.customer = built.customer;
    if (built.communication) changes.communication = built.communication;
    let updated: CaseRecord = { ...(built.corrections ? edited : record), ...changes };
    if (built.communication === null) {
      // No communication needs left: remove the field rather than store an empty one.
      const { communication: _none, ...rest } = updated;
      updated = rest;
    }
    if (built.vulnerability !== undefined) {
      // Removed details must be gone from the stored record, not left behind: write the whole record.
      const { vulnerability: _old, ...rest } = updated;
      updated = built.vulnerability ? { ...rest, vulnerability: built.vulnerability } : rest;
    }
    if (built.vulnerability !== undefined || built.communication === null || built.corrections) {
      await database.cases.put(updated);
    } else {
      await database.cases.update(caseId, changes);
    }
    await refreshCaseIndex(database, caseId);
    return { event, record: updated, evaluation: evaluationAfter };
  });
}
