// The CCTS notice after a final position given before the second level of escalation (explore34a Q2; a reading to
// confirm in README.md): the complaint will go no further with the provider, so the customer is told about the CCTS.
import { describe, expect, it } from 'vitest';
import type { TimelineEvent, TimelineType } from '#shared/model/case';
import { caseFacts } from './facts';
import { evaluateCase } from './index';
import type { Evaluation } from './types';

type Row = [TimelineType, string, Record<string, unknown>?];

function evaluate(rows: readonly Row[], today: string): Evaluation {
  const events: TimelineEvent[] = rows.map(([type, on, data], i) => ({
    id: `e${i}`,
    caseId: 'c',
    type,
    on,
    at: `${on}T10:00:${String(i).padStart(2, '0')}.000Z`,
    by: 'Sam',
    summary: type,
    ...(data ? { data } : {}),
  }));
  return evaluateCase(
    caseFacts(
      { procedureId: 'jive-ca', calendar: 'canada', receivedOn: '2026-11-02', channel: 'phone', category: 'billing' },
      events,
    ),
    today,
  );
}
const notice = (e: Evaluation) => e.clocks.find((c) => c.id === 'ccts-notice')!;

describe('the CCTS notice after a final position at the front line', () => {
  it('is due from the day of the final position, and asked for as a next step', () => {
    const e = evaluate([['deadlock', '2026-11-10', { details: 'We will not waive the fee.' }]], '2026-11-12');
    expect(notice(e).state).not.toBe('not-applicable');
    expect(notice(e).startsOn).toBe('2026-11-10');
    expect(notice(e).dueOn).toBe('2026-11-10');
    expect(e.nextActions.map((a) => a.id)).toContain('tell-customer-about-ccts');
    expect(notice(e).explanation).toMatch(
      /final position \(deadlock\) given 2026-11-10, before the second level of escalation \(the Head of support stage\): the complaint will go no further with us, so tell the customer about the CCTS/,
    );
  });

  it('is met by telling the customer, as at the second level', () => {
    const e = evaluate(
      [
        ['deadlock', '2026-11-10', { details: 'We will not waive the fee.' }],
        ['ccts-informed', '2026-11-10', { channel: 'phone' }],
      ],
      '2026-11-12',
    );
    expect(notice(e).state).toBe('met');
  });

  it('is not needed when the complaint was resolved before any final position, and not yet due without one', () => {
    expect(notice(evaluate([['resolved', '2026-11-05', { details: 'Refunded' }]], '2026-11-12')).state).toBe(
      'not-applicable',
    );
    const open = notice(evaluate([], '2026-11-12'));
    expect(open.state).toBe('not-applicable');
    expect(open.explanation).toMatch(/^Not yet due/);
  });
});
