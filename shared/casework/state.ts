// Where the case stands, read from its timeline and the rules engine's evaluation: what the availability of the
// actions (./availability.ts) and the checks on an entry (./entry.ts) need to know.
import { firstStage, recordedStageId, type Procedure, type ProcedureStage } from '#shared/rules/procedure';
import { type RegimeCctsEvent, type RegimeVersion, regimeCctsEvents, regimeVersionFor } from '#shared/rules/regimes';
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
  cctsReportOn: string | null;
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
    cctsReportOn: null,
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
      case 'ccts-report':
        s.cctsReportOn ??= e.on;
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
    const id = evaluation?.stage ?? recordedStageId(record.stage, procedure);
    s.stage = procedure.stages.find((st) => st.id === id) ?? (evaluation ? null : firstStage(procedure));
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

/**
 * The version of the case's regime in force on the day it was received (REGULATION.md §5.5): the evaluated regime's,
 * else its procedure's. Null when no version was in force; undefined when the case names no regime the app knows.
 */
export function caseRegimeVersion(
  record: Pick<CaseRecord, 'receivedOn'>,
  evaluation: Pick<Evaluation, 'regime'> | null,
  procedure: Pick<Procedure, 'regimeId'> | null,
): RegimeVersion | null | undefined {
  const regimeId = evaluation?.regime?.id ?? procedure?.regimeId;
  if (!regimeId) return undefined;
  try {
    return regimeVersionFor(regimeId, record.receivedOn);
  } catch {
    return undefined;
  }
}

/**
 * The CCTS's events the case's regime version gives a meaning to (`regimeCctsEvents`): which CCTS actions the desk can
 * record, and whether an ADR action is refused in the CCTS's words. Read from the regime's data, never the country.
 */
export function cctsEventsOf(
  record: Pick<CaseRecord, 'receivedOn'>,
  evaluation: Pick<Evaluation, 'regime'> | null,
  procedure: Pick<Procedure, 'regimeId'> | null,
): RegimeCctsEvent[] {
  return regimeCctsEvents(caseRegimeVersion(record, evaluation, procedure) ?? null);
}

export function adrStage(procedure: Procedure): ProcedureStage | undefined {
  return procedure.stages.find((s) => s.enteredBy?.includes('referred-to-adr'));
}
