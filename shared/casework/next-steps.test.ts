import { describe, expect, it } from 'vitest';
import { Desk, caseRecord } from '#test/support/case-desk';
import { caseNextSteps } from './next-steps';

describe('what to do next on a case', () => {
  const steps = (desk: Desk) => caseNextSteps(desk.record, desk.events, desk.evaluation()).map((s) => s.id);

  it('once the customer accepts a proposed resolution, recording it comes first, before the ADR letter', () => {
    const desk = new Desk(caseRecord({ procedureId: 'ofcom', receivedOn: '2026-10-01' }), '2026-11-20');
    desk.do('acknowledge', { on: '2026-10-02' });
    desk.do('propose-resolution', { on: '2026-11-16', summary: 'A refund of £12.50' });
    expect(steps(desk)).not.toContain('confirm-resolution');
    desk.do('record-acceptance', { on: '2026-11-18', who: 'The customer' });
    const [first] = caseNextSteps(desk.record, desk.events, desk.evaluation());
    expect(first).toMatchObject({ id: 'confirm-resolution', label: 'Record the resolution the customer accepted' });
    expect(first!.why).toBe(
      'On 2026-11-18 the customer accepted the resolution proposed on 2026-11-16. Once it is in place, record the complaint as resolved: a complaint resolved before its ADR letter is due is owed none.',
    );
    // The ADR letter is still owed until then: the engine's step stays.
    expect(steps(desk)).toEqual(['confirm-resolution', 'send-adr-letter']);

    desk.do('resolve', { on: '2026-11-20', summary: 'Refund made' });
    expect(steps(desk)).not.toContain('confirm-resolution');
    // Reopened: the customer came back unhappy, and the old acceptance is not the next step.
    desk.do('reopen', { on: '2026-11-20', reason: 'The refund never arrived' });
    expect(desk.evaluation().status).toBe('open');
    expect(steps(desk)).not.toContain('confirm-resolution');
  });

  it('under the CCTS (no ADR letter) the accepted resolution says nothing of an ADR letter (explore34a #10)', () => {
    const desk = new Desk(
      caseRecord({ procedureId: 'jive-ca', calendar: 'canada', stage: 'customer-support', receivedOn: '2026-11-02' }),
      '2026-11-20',
    );
    desk.do('propose-resolution', { on: '2026-11-16', summary: 'A month’s credit' });
    desk.do('record-acceptance', { on: '2026-11-18', who: 'The customer' });
    const [first] = caseNextSteps(desk.record, desk.events, desk.evaluation());
    expect(first!.why).toBe(
      'On 2026-11-18 the customer accepted the resolution proposed on 2026-11-16. Once it is in place, record the complaint as resolved.',
    );
  });

  it('a rejected proposal adds nothing', () => {
    const desk = new Desk(caseRecord({ procedureId: 'ofcom', receivedOn: '2026-11-02' }), '2026-11-20');
    desk.do('propose-resolution', { on: '2026-11-16', summary: 'A refund of £12.50' });
    desk.do('record-rejection', { on: '2026-11-18', who: 'The customer' });
    expect(steps(desk)).toEqual(desk.evaluation().nextActions.map((a) => a.id));
  });

  it('a reopened case with nothing due by the rules says the customer came back, not "nothing is due" (explore34a Q4)', () => {
    const desk = new Desk(
      caseRecord({ procedureId: 'jive-ca', calendar: 'canada', stage: 'customer-support', receivedOn: '2026-11-02' }),
      '2026-11-20',
    );
    desk.do('acknowledge', { on: '2026-11-03' });
    desk.do('resolve', { on: '2026-11-10', summary: 'Credit applied' });
    desk.do('close', { on: '2026-11-11' });
    expect(steps(desk)).toEqual([]);
    desk.do('reopen', { on: '2026-11-19', reason: 'The credit never showed on the bill' });
    expect(desk.evaluation().nextActions).toEqual([]);
    const [only, ...rest] = caseNextSteps(desk.record, desk.events, desk.evaluation());
    expect(rest).toEqual([]);
    expect(only).toMatchObject({
      id: 'reopened-open',
      label: 'Resolve the reopened complaint, or escalate it',
      dueOn: null,
    });
    expect(only!.why).toBe(
      'Reopened 2026-11-19: the customer came back. No rule sets a date for what comes next; reply to the customer, then record the complaint as resolved again, or escalate it.',
    );
    // Resolved again: nothing is said.
    desk.do('resolve', { on: '2026-11-20', summary: 'Credit applied again, checked on the bill' });
    expect(steps(desk)).not.toContain('reopened-open');
  });

  it('a reopened case with a step due by the rules shows that step only', () => {
    const desk = new Desk(caseRecord({ procedureId: 'ofcom', receivedOn: '2026-09-01' }), '2026-11-20');
    desk.do('acknowledge', { on: '2026-09-02' });
    desk.do('resolve', { on: '2026-09-20', summary: 'Refund made' });
    desk.do('reopen', { on: '2026-11-19', reason: 'The refund never arrived' });
    expect(steps(desk)).toEqual(desk.evaluation().nextActions.map((a) => a.id));
    expect(steps(desk)).not.toContain('reopened-open');
    expect(steps(desk).length).toBeGreaterThan(0);
  });
});
