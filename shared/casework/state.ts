// Where the case stands, read from its timeline and the rules engine's evaluation: what the availability of the
// actions (./availability.ts) and the checks on an entry (./entry.ts) need to know.
import type { Procedure, ProcedureStage } from '#shared/rules/procedure';
import type { Evaluation } from '#shared/rules/types';
import type { CaseRecord, TimelineEvent } from '#shared/model/case';
import { effectiveTimeline } from '#shared/model/effective';

interface CaseState {
  closedOn: string | null;
  resolvedOn: string | null;
  pausedSince: string | null;
  acknowledgedOn: string | null;
  deadlockOn: string | null;
  adrLetterOn: string | null;
  referredToAdrOn: string | null;
  cctsReferralOn: string | null;
  /** The latest proposal, and the customer's answer to it if any. */
  proposal: { on: string; answer: TimelineEvent | null } | null;
  stage: ProcedureStage | null;
}

export function readState(
  record: CaseRecord,
  events: readonly TimelineEvent[],
  evaluation: Evaluation | null,
  procedure: Procedure | null,
): CaseState {
  const s: CaseState = {
    closedOn: null,
    resolvedOn: null,
    pausedSince: null,
    acknowledgedOn: null,
    deadlockOn: null,
    adrLetterOn: null,
    referredToAdrOn: null,
    cctsReferralOn: null,
    proposal: null,
    stage: null,
  };
  // Voided entries do not count; a reopening takes back the closure and resolution before it.
  const effective = effectiveTimeline(events);
  for (const e of effective) {
    switch (e.type) {
      case 'closed':
        s.closedOn ??= e.on;
        break;
      case 'resolved':
        s.resolvedOn ??= e.on;
        break;
      case 'paused':
        s.pausedSince = e.on;
        break;
      case 'resumed':
        s.pausedSince = null;
        break;
      case 'acknowledged':
        s.acknowledgedOn ??= e.on;
        break;
      case 'deadlock':
        s.deadlockOn ??= e.on;
        break;
      case 'adr-letter-sent':
        s.adrLetterOn ??= e.on;
        break;
      case 'referred-to-adr':
        s.referredToAdrOn ??= e.on;
        break;
      case 'ccts-referral':
        s.cctsReferralOn ??= e.on;
        break;
      case 'resolution-proposed':
        s.proposal = { on: e.on, answer: null };
        break;
      case 'resolution-accepted':
      case 'resolution-rejected':
        if (s.proposal && !s.proposal.answer) s.proposal.answer = e;
        break;
      default:
        break;
    }
  }
  if (record.status === 'closed' && !s.closedOn && !effective.some((e) => e.type === 'reopened'))
    s.closedOn = record.updatedAt.slice(0, 10);
  if (evaluation) s.pausedSince = evaluation.pausedSince ?? (evaluation.status === 'open' ? null : s.pausedSince);
  if (procedure) {
    const id = evaluation?.stage ?? record.stage;
    s.stage = procedure.stages.find((st) => st.id === id) ?? (evaluation ? null : procedure.stages[0]);
  }
  return s;
}

/** The stage an escalation from `stageId` moves to: the next internal stage that escalation can enter, or null. */
export function nextStage(procedure: Procedure, stageId: string): ProcedureStage | null {
  const from = procedure.stages.findIndex((s) => s.id === stageId);
  if (from < 0) return null;
  return (
    procedure.stages.find(
      (s, i) => i > from && !s.external && (s.enteredBy === undefined || s.enteredBy.includes('escalated')),
    ) ?? null
  );
}

export function isCanadian(procedure: Procedure): boolean {
  return procedure.provider.country === 'CA' || procedure.stages.some((s) => s.enteredBy?.includes('ccts-referral'));
}

export function adrStage(procedure: Procedure): ProcedureStage | undefined {
  return procedure.stages.find((s) => s.enteredBy?.includes('referred-to-adr'));
}
