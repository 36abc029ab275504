// The engine's clock and next-step English (m17b): one home, read back to its word and values.
import { describe, expect, it } from 'vitest';
import { evaluateCase } from './evaluate';
import { CLOCK_LABELS_EN, clockWordOf, NEXT_STEPS_EN, nextStepOf } from './words';

describe('the rules engine’s clock and next-step words', () => {
  it('reads every label the engine writes back to its word and values', () => {
    expect(clockWordOf('First response (email)')).toEqual({ word: 'firstResponse', values: { channel: 'email' } });
    expect(clockWordOf('Tell the customer about the CCTS')).toEqual({ word: 'cctsNotice', values: {} });
    expect(clockWordOf('Front line target')).toBeNull();
    expect(nextStepOf('Escalate to Complaints team (overdue)')).toEqual({
      word: 'overdue',
      values: { label: 'Escalate to Complaints team' },
    });
    expect(nextStepOf('Send the ADR letter (deadlock: at once) (overdue)')).toEqual({
      word: 'overdue',
      values: { label: 'Send the ADR letter (deadlock: at once)' },
    });
    const fixed = (all: Readonly<Record<string, string>>) => Object.entries(all).filter(([, w]) => !w.includes('{'));
    for (const [word, words] of fixed(CLOCK_LABELS_EN)) expect(clockWordOf(words)?.word).toBe(word);
    for (const [word, words] of fixed(NEXT_STEPS_EN)) expect(nextStepOf(words)?.word).toBe(word);
  });

  it('writes the same English into an evaluation as before (the words moved, the records did not change)', () => {
    const e = evaluateCase(
      { procedureId: 'kijoma', calendar: 'england-and-wales', receivedOn: '2026-09-01', channel: 'email', events: [] },
      '2026-12-02',
    );
    const labels = e.clocks.map((c) => c.label);
    expect(labels).toContain('Acknowledgement');
    expect(labels).toContain('First response (email)');
    expect(labels).toContain('Stage response (Customer services)');
    expect(labels).toContain('ADR letter');
    expect(labels).toContain('ADR referral window');
    expect(e.nextActions.map((a) => a.label)).toEqual([
      'Send a substantive reply (overdue)',
      'Send the ADR letter (overdue)',
      'Acknowledge the complaint',
    ]);
  });
});
