// Which actions the case's procedure allows now and, for the others, why not. Pure: the case, its timeline, the
// evaluation and the procedure are arguments. The renderer's `performAction` asks again inside its write transaction.
import { sayProblem as say } from '#shared/model/problems';
import type { Procedure } from '#shared/rules/procedure';
import type { Evaluation } from '#shared/rules/types';
import type { CaseRecord, TimelineEvent } from '#shared/model/case';
import { type CaseActionId, type ActionGroup, SPECS } from './catalogue';
import { readState, nextStage, adrStage, cctsEventsOf } from './state';

export interface ActionAvailability {
  id: CaseActionId;
  label: string;
  group: ActionGroup;
  allowed: boolean;
  /** Why the action is not possible now (only when `allowed` is false). */
  reason?: string;
}

/** Actions that never change where the case stands: possible even when the rules cannot read the timeline. */
const RECORD_ONLY: ReadonlySet<CaseActionId> = new Set([
  'log-contact',
  'send-update',
  'add-note',
  'record-payment',
  'edit-customer',
  'record-vulnerability',
  'correct-facts',
  'void-entry',
]);
/**
 * Possible on a closed case: they add to the record without reopening it (or reopen it). A payment among them: the
 * redress agreed is often paid after the case is closed, and reopening to record it would take back the resolution
 * the reports count (explore33-manager #3).
 */
const AFTER_CLOSE: ReadonlySet<CaseActionId> = new Set([
  'add-note',
  'record-payment',
  'edit-customer',
  'record-vulnerability',
  'correct-facts',
  'void-entry',
  'reopen',
]);
/** Provider work that means the provider is no longer waiting for the customer. */
const NOT_WHILE_PAUSED: ReadonlySet<CaseActionId> = new Set([
  'respond',
  'escalate',
  'propose-resolution',
  'record-deadlock',
]);

/** Why `id` is not possible now, or null when it is. */
export function whyNot(
  id: CaseActionId,
  record: CaseRecord,
  events: readonly TimelineEvent[],
  evaluation: Evaluation | null,
  procedure: Procedure | null,
): string | null {
  // An anonymised case keeps only figures (shared/privacy): writing on it again could bring personal data back.
  if (record.anonymisedOn) return say('refused-anonymised', { on: { date: record.anonymisedOn } });
  const s = readState(record, events, evaluation, procedure);
  // A report to the CCTS may be recorded on a case closed before it was (shared/rules/README.md, "CCTS report-back").
  const lateReport = id === 'ccts-report' && s.cctsReferralOn !== null;
  if (s.closedOn && !AFTER_CLOSE.has(id) && !lateReport) return say('refused-closed', { on: { date: s.closedOn } });
  if ((!evaluation || !procedure) && !RECORD_ONLY.has(id)) {
    return say('refused-unreadable');
  }
  if (!evaluation || !procedure) return null;
  if (s.pausedSince && NOT_WHILE_PAUSED.has(id)) return say('refused-paused', { on: { date: s.pausedSince } });
  const resolved = s.resolvedOn ? { on: { date: s.resolvedOn } } : null;
  const ccts = cctsEventsOf(record, evaluation, procedure);
  switch (id) {
    case 'log-contact':
    case 'send-update':
    case 'respond':
    case 'add-note':
    case 'record-payment':
    case 'edit-customer':
    case 'record-vulnerability':
    case 'correct-facts':
    case 'void-entry':
      return null;
    case 'reopen':
      return s.closedOn || s.resolvedOn ? null : say('refused-reopen');
    case 'acknowledge':
      return s.acknowledgedOn ? say('refused-acknowledged', { on: { date: s.acknowledgedOn } }) : null;
    case 'escalate': {
      if (resolved) return say('refused-resolved-escalate', resolved);
      const stage = s.stage;
      if (!stage) return say('refused-stage-unknown', { stage: evaluation.stage, procedure: procedure.name });
      if (stage.external)
        return say('refused-external-stage', { owner: stage.owner, provider: procedure.provider.name });
      const next = nextStage(procedure, stage.id);
      return next ? null : say('refused-last-stage', { procedure: procedure.name, stage: stage.name });
    }
    case 'pause':
      if (s.pausedSince) return say('refused-already-paused', { on: { date: s.pausedSince } });
      return resolved ? say('refused-resolved-pause', resolved) : null;
    case 'resume':
      return s.pausedSince ? null : say('refused-not-paused');
    case 'propose-resolution':
      return resolved ? say('refused-resolved', resolved) : null;
    case 'record-acceptance':
    case 'record-rejection':
      if (!s.proposal) return say('refused-no-proposal');
      if (s.proposal.answer) {
        const accepted = s.proposal.answer.type === 'resolution-accepted';
        return say(accepted ? 'refused-proposal-accepted' : 'refused-proposal-rejected', {
          on: { date: s.proposal.on },
          answeredOn: { date: s.proposal.answer.on },
        });
      }
      return null;
    case 'resolve':
      return resolved ? say('refused-resolved', resolved) : null;
    case 'record-deadlock':
      if (s.deadlockOn) return say('refused-deadlock-recorded', { on: { date: s.deadlockOn } });
      return resolved ? say('refused-resolved-deadlock', resolved) : null;
    case 'close': {
      // The CCTS waits for the provider's report whatever the desk did with the customer, and a closure does not end
      // the report-back clock (evaluate.ts `CCTS_RESPONSE_CLOSERS`): the report is recorded first.
      const report = evaluation.clocks.find((c) => c.id === 'ccts-response');
      if (report && report.startsOn !== null && report.closedOn === null) return say('refused-close-ccts');
      if (s.resolvedOn || s.adrLetterOn) return null;
      const hasAdrLetter = evaluation.clocks.some((c) => c.id === 'adr-letter');
      if (!hasAdrLetter && s.deadlockOn) return null;
      return hasAdrLetter ? say('refused-close-adr') : say('refused-close');
    }
    case 'adr-letter-sent': {
      const clock = evaluation.clocks.find((c) => c.id === 'adr-letter');
      if (!clock) {
        return ccts.includes('ccts-referral')
          ? say('refused-adr-letter-ccts', { procedure: procedure.name })
          : say('refused-no-adr-letter', { procedure: procedure.name });
      }
      return s.adrLetterOn ? say('refused-adr-letter-sent', { on: { date: s.adrLetterOn } }) : null;
    }
    case 'referred-to-adr': {
      const stage = adrStage(procedure);
      if (!stage) {
        return ccts.includes('ccts-referral')
          ? say('refused-referral-ccts', { procedure: procedure.name })
          : say('refused-no-adr-stage', { procedure: procedure.name });
      }
      if (s.referredToAdrOn) return say('refused-referred', { on: { date: s.referredToAdrOn } });
      const clock = evaluation.clocks.find((c) => c.id === 'adr-letter');
      if (s.adrLetterOn || s.deadlockOn || clock?.state === 'missed') return null;
      return clock?.dueOn
        ? say('refused-referral-not-yet', { scheme: stage.owner, on: { date: clock.dueOn } })
        : say('refused-referral-not-yet-undated', { scheme: stage.owner });
    }
    case 'ccts-referral':
      if (!ccts.includes('ccts-referral')) return say('refused-ccts-only');
      return s.cctsReferralOn ? say('refused-ccts-referred', { on: { date: s.cctsReferralOn } }) : null;
    case 'ccts-informed':
      return ccts.includes('ccts-informed') ? null : say('refused-ccts-only');
    case 'ccts-report':
      if (!ccts.includes('ccts-report')) return say('refused-ccts-only');
      if (!s.cctsReferralOn) return say('refused-ccts-not-referred');
      return s.cctsReportOn ? say('refused-ccts-reported', { on: { date: s.cctsReportOn } }) : null;
  }
}

/** Every action with whether the case's procedure allows it now and, if not, why. In menu order. */
export function availableActions(
  record: CaseRecord,
  events: readonly TimelineEvent[],
  evaluation: Evaluation | null,
  procedure: Procedure | null,
): ActionAvailability[] {
  // Voiding is offered on each timeline entry, not in the list of actions.
  return SPECS.filter((spec) => spec.id !== 'void-entry').map((spec) => {
    const reason = whyNot(spec.id, record, events, evaluation, procedure);
    return reason === null
      ? { id: spec.id, label: spec.label, group: spec.group, allowed: true }
      : { id: spec.id, label: spec.label, group: spec.group, allowed: false, reason };
  });
}
