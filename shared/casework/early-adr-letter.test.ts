import { describe, expect, it } from 'vitest';
import { Desk, caseRecord } from '#test/support/case-desk';
import { earlyAdrLetter } from './early-adr-letter';

// Received 4 Dec 2026 under the Ofcom rules in force since 8 April 2026: the time-based ADR letter is due from
// 15 Jan 2027 (6 weeks), as the case page says.
const desk = (today = '2026-12-20') => new Desk(caseRecord({ procedureId: 'ofcom', receivedOn: '2026-12-04' }), today);

describe('earlyAdrLetter: an ADR letter recorded as sent before it was due', () => {
  it('is the day the letter is due from, for a letter sent before it with no final position', () => {
    const d = desk();
    expect(d.evaluation().timeBasedAdrLetterFrom).toBe('2027-01-15');
    expect(earlyAdrLetter('2026-12-18', d.context())).toEqual({ dueFrom: '2027-01-15', receivedOn: '2026-12-04' });
  });

  it('is nothing from the day it is due', () => {
    const d = desk('2027-01-20');
    expect(earlyAdrLetter('2027-01-14', d.context())).not.toBeNull();
    expect(earlyAdrLetter('2027-01-15', d.context())).toBeNull();
    expect(earlyAdrLetter('2027-01-20', d.context())).toBeNull();
  });

  it('is nothing once the final position was given on or before the day it was sent (then it is due at once)', () => {
    const d = desk();
    d.do('record-deadlock', { on: '2026-12-10', summary: 'We will not refund the roaming charge.' });
    expect(earlyAdrLetter('2026-12-10', d.context())).toBeNull();
    expect(earlyAdrLetter('2026-12-18', d.context())).toBeNull();
    // A letter dated before the final position still went early.
    expect(earlyAdrLetter('2026-12-09', d.context())).toEqual({ dueFrom: '2027-01-15', receivedOn: '2026-12-04' });
  });

  it('is nothing for a case whose rules have no ADR letter (the CCTS), or that could not be evaluated', () => {
    const ccts = new Desk(
      caseRecord({ procedureId: 'jive-ca', calendar: 'canada', receivedOn: '2026-12-04' }),
      '2026-12-20',
    );
    expect(ccts.evaluation().timeBasedAdrLetterFrom).toBeNull();
    expect(earlyAdrLetter('2026-12-18', ccts.context())).toBeNull();
    expect(earlyAdrLetter('2026-12-18', { ...desk().context(), evaluation: null })).toBeNull();
  });
});
