import { describe, expect, it } from 'vitest';
import { adrLetter } from './adr-letter';
import { sampleAdrLetter } from './fixtures';
import { LetterRefusalError } from './refusals';

describe('the time-based ADR letter', () => {
  // Received 2026-11-18 under Ofcom GC C4 from 2026-04-08: 6 weeks (42 calendar days) is 2026-12-30.
  const refusal = (issuedOn: string, kind: 'time-based' | 'final-position' = 'time-based') => {
    try {
      adrLetter(
        sampleAdrLetter('2026-11-18', {
          issuedOn,
          reason:
            kind === 'time-based'
              ? { kind, progress: 'We are waiting for the engineer.' }
              : { kind, finalPosition: 'We will not refund the charge.' },
        }),
      );
      return null;
    } catch (e) {
      if (e instanceof LetterRefusalError) return e.said;
      throw e;
    }
  };

  it('is refused before the wait is over: it would tell the customer the weeks had passed', () => {
    expect(refusal('2026-11-19')).toEqual({
      code: 'adr-time-too-early',
      values: { availableOn: { date: '2026-12-30' }, weeks: 6, receivedOn: { date: '2026-11-18' } },
    });
    expect(refusal('2026-12-29')?.code).toBe('adr-time-too-early');
  });

  it('is made from the day the weeks are over', () => {
    expect(refusal('2026-12-30')).toBeNull();
    expect(refusal('2027-02-01')).toBeNull();
  });

  it('the letter with our final position can be made at once (deadlock)', () => {
    expect(refusal('2026-11-19', 'final-position')).toBeNull();
  });
});
