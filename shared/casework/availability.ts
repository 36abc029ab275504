// Which actions the case's procedure allows now and, for the others, why not. Pure: the case, its timeline, the
// evaluation and the procedure are arguments. The renderer's `performAction` asks again inside its write transaction.
import type { Procedure } from '#shared/rules/procedure';
import type { Evaluation } from '#shared/rules/types';
import type { CaseRecord, TimelineEvent } from '#shared/model/case';
import { type CaseActionId, type ActionGroup, SPECS } from './catalogue';
import { readState, nextStage, isCanadian, adrStage } from './state';

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
/** Possible on a closed case: they add to the record without reopening it (or reopen it). */
const AFTER_CLOSE: ReadonlySet<CaseActionId> = new Set([
  'add-note',
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
  if (record.anonymisedOn)
    return `This case was anonymised on ${record.anonymisedOn}: nothing more can be recorded on it.`;
  const s = readState(record, events, evaluation, procedure);
  if (s.closedOn && !AFTER_CLOSE.has(id))
    return `This case is closed (closed ${s.closedOn}): reopen it first, or add a note.`;
  if ((!evaluation || !procedure) && !RECORD_ONLY.has(id)) {
    return 'The rules engine cannot read this case (see the clocks), so only contacts, updates, notes, payments and details can be recorded.';
  }
  if (!evaluation || !procedure) return null;
  if (s.pausedSince && NOT_WHILE_PAUSED.has(id))
    return `The case is paused, waiting for the customer since ${s.pausedSince}: resume it first.`;
  const resolved = s.resolvedOn ? `The case was resolved on ${s.resolvedOn}` : null;
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
      return s.closedOn || s.resolvedOn ? null : 'Only a closed or resolved case can be reopened.';
    case 'acknowledge':
      return s.acknowledgedOn ? `The complaint was acknowledged on ${s.acknowledgedOn}.` : null;
    case 'escalate': {
      if (resolved) return `${resolved}: escalation is for unresolved complaints.`;
      const stage = s.stage;
      if (!stage) return `The case's stage "${evaluation.stage}" is not in ${procedure.id}.`;
      if (stage.external)
        return `The case is with ${stage.owner}, outside ${procedure.provider.name}'s own procedure: there is no internal stage to escalate to.`;
      const next = nextStage(procedure, stage.id);
      return next ? null : `${procedure.id} has no stage after ${stage.name}.`;
    }
    case 'pause':
      if (s.pausedSince) return `The case is already paused (since ${s.pausedSince}).`;
      return resolved ? `${resolved}: there is nothing to wait for.` : null;
    case 'resume':
      return s.pausedSince ? null : 'Resume is only possible while the case is paused.';
    case 'propose-resolution':
      return resolved ? `${resolved}.` : null;
    case 'record-acceptance':
    case 'record-rejection':
      if (!s.proposal) return 'No resolution has been proposed yet.';
      if (s.proposal.answer) {
        const word = s.proposal.answer.type === 'resolution-accepted' ? 'accepted' : 'rejected';
        return `The customer already ${word} the proposal of ${s.proposal.on} (on ${s.proposal.answer.on}); propose a new resolution first.`;
      }
      return null;
    case 'resolve':
      return resolved ? `${resolved}.` : null;
    case 'record-deadlock':
      if (s.deadlockOn) return `The final position was recorded on ${s.deadlockOn}.`;
      return resolved ? `${resolved}: there is no deadlock.` : null;
    case 'close': {
      if (s.resolvedOn || s.adrLetterOn) return null;
      const hasAdrLetter = evaluation.clocks.some((c) => c.id === 'adr-letter');
      if (!hasAdrLetter && s.deadlockOn) return null;
      return hasAdrLetter
        ? 'Resolve the complaint, or send the ADR letter, before closing it: closing an unresolved case would end its clocks.'
        : 'Resolve the complaint, or record the final position, before closing it.';
    }
    case 'adr-letter-sent': {
      const clock = evaluation.clocks.find((c) => c.id === 'adr-letter');
      if (!clock) {
        return isCanadian(procedure)
          ? `The ADR letter applies only to UK procedures; ${procedure.id} uses the CCTS.`
          : `${procedure.id} has no ADR letter clock.`;
      }
      return s.adrLetterOn ? `The ADR letter has already been sent (on ${s.adrLetterOn}).` : null;
    }
    case 'referred-to-adr': {
      const stage = adrStage(procedure);
      if (!stage) {
        return isCanadian(procedure)
          ? `Referral to an ADR scheme applies to UK procedures; for ${procedure.id} record the CCTS referral.`
          : `${procedure.id} has no ADR scheme stage.`;
      }
      if (s.referredToAdrOn) return `The referral to ADR was recorded on ${s.referredToAdrOn}.`;
      const clock = evaluation.clocks.find((c) => c.id === 'adr-letter');
      if (s.adrLetterOn || s.deadlockOn || clock?.state === 'missed') return null;
      return (
        `The customer can go to ${stage.owner} once the ADR letter is sent, a final position is given` +
        `${clock?.dueOn ? `, or the ADR letter's date (${clock.dueOn}) has passed` : ''}.`
      );
    }
    case 'ccts-referral':
      if (!isCanadian(procedure)) return 'CCTS actions apply only to Canadian procedures.';
      return s.cctsReferralOn ? `The CCTS referral was recorded on ${s.cctsReferralOn}.` : null;
    case 'ccts-informed':
      return isCanadian(procedure) ? null : 'CCTS actions apply only to Canadian procedures.';
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
