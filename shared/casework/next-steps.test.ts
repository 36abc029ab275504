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
});
