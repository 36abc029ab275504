// Steps that do not fit the ones before them (explore34-team #5). A desk checks each step against the case as it
// stands before recording it (`whyNot`), but two desks apart each check against their own copy: an escalation made
// offline lands on a case the other desk closed, an acceptance stands on a proposal the other desk voided. Entries
// are never changed, so the merged timeline keeps both; this finds such steps, by asking of each step whether it would
// have been possible after the steps before it in the timeline's order, with the voids as they stand now. A desk
// alone meets one too when it voids a step a later one leans on (the void form lists those), or backdates a step.
import { type CaseRecord, inTimelineOrder, type TimelineEvent } from '#shared/model/case';
import { localIsoDate } from '#shared/model/dates';
import { standingDeadlock, voidsByEntry } from '#shared/model/effective';
import { standingFinalPosition } from './final-position';
import { caseFacts } from '#shared/rules/facts';
import { evaluateCase } from '#shared/rules/evaluate';
import type { Procedure } from '#shared/rules/procedure';
import type { Evaluation } from '#shared/rules/types';
import { lettersOnTimeline, recordedBeside } from '#shared/model/letters-issued';
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
      fitsAfter(action, entry, asItStood, before, procedure, events) ??
      // Dated before steps recorded earlier (by `at`), which the desk that recorded it could not have seen: another
      // desk's, made while the two were apart. An escalation dated Friday, recorded offline on Monday after the other
      // desk closed the case that morning, fits by date alone (explore36-team #6). Such a step is asked after every
      // step recorded before it; a reopening (or a resumption) recorded since, which lets it stand, settles it
      // (explore37-team #6). A desk alone cannot date a step before its timeline's last (entry.ts), so this finds
      // only steps from two desks. A response backdated before our final position is a record of the past (null).
      (counted.some((e, j) => j > i && recordedBefore(e, entry))
        ? fitsAfter(action, entry, asItStood, counted.filter(settledBy(entry)), procedure, null)
        : null);
    if (reason) misfits.push({ entry, reason });
  });
  return misfits;
}

/**
 * Why `entry` would not have been possible after the steps `before` (in the timeline's order), or null; with the
 * case's `events`, a final response after our final position too.
 */
function fitsAfter(
  action: CaseActionId,
  entry: TimelineEvent,
  asItStood: CaseRecord,
  before: readonly TimelineEvent[],
  procedure: Procedure,
  events: readonly TimelineEvent[] | null,
): string | null {
  let evaluation: Evaluation;
  // On the day it was recorded, as the desk's own check was made (a referral dated back to before the ADR letter's
  // date, recorded once it had passed, was allowed: explore37-team #7), or on a later day a step before it is dated.
  const recordedOn = entry.at ? localIsoDate(new Date(entry.at)) : entry.on;
  const on = before.reduce(
    (latest, e) => (e.on > latest ? e.on : latest),
    recordedOn > entry.on ? recordedOn : entry.on,
  );
  try {
    evaluation = evaluateCase(caseFacts(asItStood, before), on);
  } catch {
    return null; // a timeline the rules cannot read says so elsewhere
  }
  // Two final answers first: a second deadlock is refused at one desk ("The final position was recorded…"), which says
  // nothing of the two the customer may hold (explore37-team, question 3).
  return afterFinalPosition(entry, action, before, events) ?? whyNot(action, asItStood, before, evaluation, procedure);
}

/** Steps that let a step recorded at another desk stand once recorded after it: it was made on an open, running case. */
const SETTLING: ReadonlySet<string> = new Set(['reopened', 'resumed']);

/** The steps `entry` is asked after, in the timeline's order: those recorded before it, and any settling one since. */
const settledBy =
  (entry: TimelineEvent) =>
  (e: TimelineEvent): boolean =>
    e !== entry && (recordedBefore(e, entry) || (SETTLING.has(e.type) && e.type !== entry.type));

/** Whether `e` was recorded before `entry`: both have the moment they were recorded, and e's is earlier. */
const recordedBefore = (e: TimelineEvent, entry: TimelineEvent): boolean => !!e.at && !!entry.at && e.at < entry.at;

/**
 * A second final position (a deadlock after a deadlock that stands), or a final response (the response a final
 * response's letter records) after our final position that stands (`standingFinalPosition`: a deadlock, or the ADR
 * letter sent with our final position): the customer then holds two final answers, such as a refusal with the ADR letter
 * from one desk and a refund in a final response from another that worked offline (explore36-team #5). A plain
 * response after a deadlock (what the ombudsman decided, say) is no second final answer (explore37-team #5); a desk
 * alone is asked before it issues a final response after one (the letter dialog), and refused a second deadlock.
 */
function afterFinalPosition(
  entry: TimelineEvent,
  action: CaseActionId,
  before: readonly TimelineEvent[],
  events: readonly TimelineEvent[] | null,
): string | null {
  // A second final position, from another desk that gave its own while the two were apart (a desk alone is refused).
  // A deadlock after the ADR letter that carried our final position writes that position down (a desk alone may).
  if (action === 'record-deadlock') {
    const first = standingDeadlock(before);
    return first ? say('misfit-second-final-position', { on: { date: first.on } }) : null;
  }
  if (action !== 'respond' || !events) return null;
  const letter = finalResponseLetterOf(entry, events);
  if (!letter) return null;
  // Our final position stands whether recorded (a deadlock) or sent in the ADR letter that carries it (explore39-letters
  // #1: that letter records no deadlock).
  const given = standingFinalPosition(before);
  if (given)
    return say(
      given.type === 'deadlock'
        ? 'misfit-response-after-final-position'
        : 'misfit-response-after-final-position-letter',
      { on: { date: given.on } },
    );
  return secondFinalResponse(letter, before, events);
}

/**
 * A final response issued while another stood that the desk issuing it had not seen: two desks apart each sent the
 * customer a final answer (explore40-team #6). A desk alone is asked before it issues another, and its letter names the
 * ones it knew of (`issuedAfter`), so a second one issued knowingly fits, and so does one recorded before letters kept
 * that. Either letter withdrawn (now) settles it.
 */
function secondFinalResponse(
  letter: TimelineEvent,
  before: readonly TimelineEvent[],
  events: readonly TimelineEvent[],
): string | null {
  const letters = lettersOnTimeline(events);
  const own = letters.find((l) => l.letterId === letter.data?.letterId);
  if (!own || own.withdrawn || !own.issuedAfter) return null;
  const known = new Set(own.issuedAfter);
  const earlier = new Set(
    before.flatMap((e) => (e.type === 'letter-issued' && e !== letter ? [e.data?.letterId] : [])),
  );
  const unseen = letters.find(
    (l) => l.kind === 'final-response' && !l.withdrawn && earlier.has(l.letterId) && !known.has(l.letterId),
  );
  return unseen ? say('misfit-second-final-response', { on: { date: unseen.issuedOn }, by: unseen.issuedBy }) : null;
}

/** The final response letter's entry a response was recorded beside (issuing the letter recorded it), if any. */
const finalResponseLetterOf = (entry: TimelineEvent, events: readonly TimelineEvent[]): TimelineEvent | undefined =>
  events.find((e) => e.type === 'letter-issued' && e.data?.kind === 'final-response' && recordedBeside(e, entry));
