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
    const reason =
      fitsAfter(action, entry, asItStood, before, procedure, true) ??
      // Dated before steps recorded earlier (by `at`), which the desk that recorded it could not have seen: another
      // desk's, made while the two were apart. Asked again after every step recorded before it: an escalation dated
      // Friday, recorded offline on Monday after the other desk closed the case that morning, fits by date alone
      // (explore36-team #6). A desk alone checks each step against all those before it is recorded, so this finds
      // only steps from two desks.
      (counted.some((e, j) => j > i && recordedBefore(e, entry))
        ? fitsAfter(
            action,
            entry,
            asItStood,
            counted.filter((e) => e !== entry && recordedBefore(e, entry)),
            procedure,
            false, // a response backdated before our final position, by a desk that had it, is a record of the past
          )
        : null);
    if (reason) misfits.push({ entry, reason });
  });
  return misfits;
}

/**
 * Why `entry` would not have been possible after the steps `before` (in the timeline's order), or null; with
 * `finalPosition`, a response after our final position too.
 */
function fitsAfter(
  action: CaseActionId,
  entry: TimelineEvent,
  asItStood: CaseRecord,
  before: readonly TimelineEvent[],
  procedure: Procedure,
  finalPosition: boolean,
): string | null {
  let evaluation: Evaluation;
  // On the step's day, or the latest of the steps before it when one is dated later (recorded before, dated after).
  const on = before.reduce((latest, e) => (e.on > latest ? e.on : latest), entry.on);
  try {
    evaluation = evaluateCase(caseFacts(asItStood, before), on);
  } catch {
    return null; // a timeline the rules cannot read says so elsewhere
  }
  return (
    whyNot(action, asItStood, before, evaluation, procedure) ??
    (finalPosition ? afterFinalPosition(action, before) : null)
  );
}

/** Whether `e` was recorded before `entry`: both have the moment they were recorded, and e's is earlier. */
const recordedBefore = (e: TimelineEvent, entry: TimelineEvent): boolean => !!e.at && !!entry.at && e.at < entry.at;

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
