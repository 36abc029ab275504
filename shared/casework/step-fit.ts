// Steps that do not fit the ones before them (explore34-team #5). A desk checks each step against the case as it
// stands before recording it (`whyNot`), but two desks apart each check against their own copy: an escalation made
// offline lands on a case the other desk closed, an acceptance stands on a proposal the other desk voided. Entries
// are never changed, so the merged timeline keeps both; this finds such steps, by asking of each step whether it would
// have been possible after the steps before it in the timeline's order, with the voids as they stand now. A desk
// alone meets one too when it voids a step a later one leans on (the void form lists those), or backdates a step.
import { type CaseRecord, inTimelineOrder, type TimelineEvent } from '#shared/model/case';
import { voidsByEntry } from '#shared/model/effective';
import { caseFacts } from '#shared/rules/facts';
import { evaluateCase } from '#shared/rules/evaluate';
import type { Procedure } from '#shared/rules/procedure';
import type { Evaluation } from '#shared/rules/types';
import { sayProblem as say } from '#shared/model/problems';
import { whyNot } from './availability';
import { SPECS, type CaseActionId } from './catalogue';

/** The steps checked: those that move the case on. Notes, contacts, payments and edits fit anywhere. */
const STEP_ACTIONS: ReadonlyMap<string, CaseActionId> = new Map(
  SPECS.filter((s) =>
    [
      'acknowledge',
      'respond',
      'escalate',
      'pause',
      'resume',
      'propose-resolution',
      'record-acceptance',
      'ccts-informed',
      'record-rejection',
      'resolve',
      'record-deadlock',
      'close',
      'reopen',
      'adr-letter-sent',
      'referred-to-adr',
      'ccts-referral',
      'ccts-report',
    ].includes(s.id),
  ).map((s) => [s.eventType, s.id]),
);

export interface MisfitStep {
  entry: TimelineEvent;
  /** Why the step would not have been possible after the ones before it (whyNot's words). */
  reason: string;
}

/** The steps of the timeline that do not fit the ones before them, in the timeline's order; none on most cases. */
export function stepsThatDoNotFit(
  record: CaseRecord,
  events: readonly TimelineEvent[],
  procedure: Procedure | null,
): MisfitStep[] {
  // An anonymised case refuses every step (it holds figures only), and a case whose procedure is not known here
  // cannot be asked.
  if (record.anonymisedOn || !procedure) return [];
  const voids = voidsByEntry(events);
  const counted = inTimelineOrder(events).filter((e) => e.type !== 'voided' && !(e.id && voids.has(e.id)));
  // The record as it stood before each step: open, its closures read from the entries before it (a record's own
  // status stands in only for a case with no closing entry, such as one imported closed).
  const asItStood: CaseRecord = { ...record, status: 'open' };
  const misfits: MisfitStep[] = [];
  counted.forEach((entry, i) => {
    const action = STEP_ACTIONS.get(entry.type);
    if (!action) return;
    const before = counted.slice(0, i);
    let evaluation: Evaluation;
    try {
      evaluation = evaluateCase(caseFacts(asItStood, before), entry.on);
    } catch {
      return; // a timeline the rules cannot read says so elsewhere
    }
    const reason = whyNot(action, asItStood, before, evaluation, procedure) ?? afterFinalPosition(action, before);
    if (reason) misfits.push({ entry, reason });
  });
  return misfits;
}

/**
 * A response after our final position (a deadlock), with no reopening or escalation between: a desk alone may record
 * one (a final response's letter records one), but the customer then holds two final answers, such as a refusal with
 * the ADR letter from one desk and a refund in a final response from another that worked offline (explore36-team #5).
 */
function afterFinalPosition(action: CaseActionId, before: readonly TimelineEvent[]): string | null {
  if (action !== 'respond') return null;
  const since = before.slice(before.findLastIndex((e) => e.type === 'reopened' || e.type === 'escalated') + 1);
  const deadlock = since.find((e) => e.type === 'deadlock');
  return deadlock ? say('misfit-response-after-final-position', { on: { date: deadlock.on } }) : null;
}
