// "What to do next" on a case: the rules engine's next actions, and first the step only the timeline shows. A
// resolution the customer accepted is not a rule event (the clocks run until the complaint is resolved), so the
// engine alone would offer nothing but the ADR letter to a customer who has agreed a settlement.
import type { CaseRecord, TimelineEvent } from '#shared/model/case';
import { effectiveTimeline } from '#shared/model/effective';
import { NEXT_STEPS_EN, phrase, phraseInEnglish, type Evaluation, type NextAction } from '#shared/rules/index';
import { readState } from './state';

export function caseNextSteps(
  record: CaseRecord,
  events: readonly TimelineEvent[],
  evaluation: Evaluation,
): NextAction[] {
  const steps = stepsFromTheRules(record, events, evaluation);
  if (steps.length > 0 || evaluation.status !== 'open') return steps;
  // A reopened case with nothing due by the rules (its acknowledgement and stage targets stay met, a CCTS case or
  // one whose ADR letter went out has no clock left): the customer came back, so it is not left saying "Nothing is
  // due", as if it were finished (explore34a Q4).
  const reopened = effectiveTimeline(events).findLast((e) => e.type === 'reopened');
  if (!reopened) return steps;
  const lead = phrase('reopened-nothing-due', { on: { date: reopened.on } });
  return [
    {
      id: 'reopened-open',
      label: NEXT_STEPS_EN.reopenedOpen,
      dueOn: null,
      why: phraseInEnglish(lead),
      reason: { lead, explanation: [] },
    },
  ];
}

function stepsFromTheRules(record: CaseRecord, events: readonly TimelineEvent[], evaluation: Evaluation): NextAction[] {
  const s = readState(record, events, evaluation, null);
  const answer = s.proposal?.answer;
  if (evaluation.status !== 'open' || s.resolvedOn || answer?.type !== 'resolution-accepted')
    return [...evaluation.nextActions];
  // A case reopened since the acceptance came back unresolved: the accepted resolution is no longer the next step.
  const effective = effectiveTimeline(events);
  const acceptedAt = effective.findIndex((e) => e.id === answer.id);
  if (effective.some((e, i) => i > acceptedAt && e.type === 'reopened')) return [...evaluation.nextActions];
  // Under a regime with no ADR letter (the CCTS), nothing is said of one.
  const adrLetter = evaluation.clocks.some((c) => c.id === 'adr-letter' && c.state !== 'not-applicable');
  const lead = phrase(adrLetter ? 'accepted-unresolved' : 'accepted-unresolved-no-adr', {
    proposedOn: { date: s.proposal!.on },
    on: { date: answer.on },
  });
  const reason = { lead, explanation: [] };
  const accepted: NextAction = {
    id: 'confirm-resolution',
    label: NEXT_STEPS_EN.recordAccepted,
    dueOn: null,
    why: phraseInEnglish(lead),
    reason,
  };
  return [accepted, ...evaluation.nextActions];
}
