// A case in memory for the tests of corrections, voids and reopening (#15): actions are built with shared/casework's
// pure functions and the record brought in line with the timeline, as performAction does in its transaction.
import { caseFacts, evaluateCase, getProcedure } from '#shared/rules/index';
import type { CaseRecord, TimelineEvent } from '#shared/model/case';
import {
  type ActionInput,
  availableActions,
  buildActionEvent,
  type CaseActionId,
  defaultInput,
  withFacts,
} from '#shared/casework/index';
import type { ProviderChoice } from '#shared/model/provider';
import { customer } from './cases';

export function caseRecord(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id: 'case-1',
    reference: 'RDR-2026-000001',
    receivedOn: '2026-11-27',
    channel: 'email',
    customer: customer({ phone: '0113 496 0000' }),
    category: 'billing',
    summary: 'Charged twice',
    procedureId: 'kijoma',
    calendar: 'england-and-wales',
    stage: 'customer-services',
    status: 'open',
    createdAt: '2026-11-27T10:00:00.000Z',
    updatedAt: '2026-11-27T10:00:00.000Z',
    ...overrides,
  };
}

/** A case in memory, written as performAction writes it: the entry appended, the record brought in line. */
export class Desk {
  events: TimelineEvent[];
  private n = 0;
  constructor(
    public record: CaseRecord,
    public today: string,
    /** The desk's providers, for corrections that move the case to another. */
    public providers?: ProviderChoice[],
  ) {
    this.events = [
      {
        id: 'e0',
        caseId: record.id,
        type: 'received',
        on: record.receivedOn,
        at: `${record.receivedOn}T09:00:00.000Z`,
        by: 'Sam',
        summary: 'Complaint received',
      },
    ];
  }
  evaluation() {
    return evaluateCase(caseFacts(this.record, this.events), this.today);
  }
  context() {
    let evaluation = null;
    try {
      evaluation = this.evaluation();
    } catch {
      // The rules cannot read the case: only record-keeping actions.
    }
    const procedure = getProcedure(this.record.procedureId);
    return {
      record: this.record,
      events: this.events,
      evaluation,
      procedure,
      today: this.today,
      by: 'Sam Patel',
      providers: this.providers,
    };
  }
  build(id: CaseActionId, input: ActionInput) {
    const ctx = this.context();
    return buildActionEvent(id, { ...defaultInput(id, ctx), ...input }, ctx);
  }
  do(id: CaseActionId, input: ActionInput = {}) {
    const result = this.build(id, input);
    if (!result.ok) throw new Error(result.message);
    this.n += 1;
    const event: TimelineEvent = {
      id: `e${this.n}`,
      caseId: this.record.id,
      at: `${this.today}T10:00:${String(this.n).padStart(2, '0')}.000Z`,
      ...result.event,
    };
    this.events.push(event);
    if (result.corrections) this.record = withFacts(this.record, result.corrections);
    const e = this.evaluation();
    this.record = { ...this.record, stage: e.stage, status: e.status === 'closed' ? 'closed' : 'open' };
    return event;
  }
  allowed() {
    const c = this.context();
    return availableActions(c.record, c.events, c.evaluation, c.procedure)
      .filter((a) => a.allowed)
      .map((a) => a.id);
  }
}
