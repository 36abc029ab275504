// The CCTS notice after a final position given before the second level of escalation (explore34a Q2; a reading to
// confirm in README.md): the complaint will go no further with the provider, so the customer is told about the CCTS.
import { describe, expect, it } from 'vitest';
import { Desk, caseRecord } from '#test/support/case-desk';
import type { Evaluation } from './types';

const jive = (today: string) =>
  new Desk(
    caseRecord({ procedureId: 'jive-ca', calendar: 'canada', stage: 'customer-support', receivedOn: '2026-11-02' }),
    today,
  );
const notice = (e: Evaluation) => e.clocks.find((c) => c.id === 'ccts-notice')!;

describe('the CCTS notice after a final position at the front line', () => {
  it('is due from the day of the final position, and asked for as a next step', () => {
    const desk = jive('2026-11-12');
    desk.do('record-deadlock', { on: '2026-11-10', summary: 'We will not waive the fee.' });
    const e = desk.evaluation();
    expect(notice(e).startsOn).toBe('2026-11-10');
    expect(notice(e).dueOn).toBe('2026-11-10');
    expect(e.nextActions.map((a) => a.id)).toContain('tell-customer-about-ccts');
    expect(notice(e).explanation).toMatch(
      /final position \(deadlock\) given 2026-11-10, before the second level of escalation \(the Head of support stage\): the complaint will go no further with us, so tell the customer about the CCTS/,
    );
  });

  it('is met by telling the customer, as at the second level', () => {
    const desk = jive('2026-11-12');
    desk.do('record-deadlock', { on: '2026-11-10', summary: 'We will not waive the fee.' });
    desk.do('ccts-informed', { on: '2026-11-10', how: 'phone' });
    expect(notice(desk.evaluation()).state).toBe('met');
  });

  it('is not needed when the complaint was resolved before any final position, and not yet due without one', () => {
    const resolved = jive('2026-11-12');
    resolved.do('resolve', { on: '2026-11-05', summary: 'Refunded' });
    expect(notice(resolved.evaluation()).state).toBe('not-applicable');
    const open = notice(jive('2026-11-12').evaluation());
    expect(open.state).toBe('not-applicable');
    expect(open.explanation).toMatch(/^Not yet due/);
  });
});
