import { describe, expect, it } from 'vitest';
import type { TimelineEvent, TimelineType } from '#shared/model/case';
import { isAdrLetterWithFinalPosition, standingFinalPosition } from './final-position';
import { SUMMARIES_EN } from './summaries';

let seq = 0;
function entry(type: TimelineType, on: string, summary: string = type, data?: Record<string, unknown>): TimelineEvent {
  seq += 1;
  return {
    id: `e${seq}`,
    caseId: 'c',
    type,
    on,
    at: `${on}T09:00:${String(seq % 60).padStart(2, '0')}.000Z`,
    by: 'Sam',
    summary,
    ...(data ? { data } : {}),
  };
}

/** What issuing "ADR letter: our final position" records beside the letter (features/letters/build.ts). */
const adrWithFinalPosition = (on: string) => entry('adr-letter-sent', on, SUMMARIES_EN['adr-letter-final-position']);
const received = () => entry('received', '2026-10-20');

describe('our final position that stands (explore39-letters #1)', () => {
  it('is the ADR letter sent with our final position when no deadlock was recorded', () => {
    const letter = adrWithFinalPosition('2026-12-07');
    expect(isAdrLetterWithFinalPosition(letter)).toBe(true);
    expect(standingFinalPosition([received(), letter])).toBe(letter);
  });

  it('is not the time-based ADR letter, nor an ADR letter recorded as sent by hand', () => {
    const timeBased = entry('adr-letter-sent', '2026-12-07', 'ADR letter sent (unresolved after 6 weeks)');
    const byHand = entry('adr-letter-sent', '2026-12-07', 'ADR letter sent by letter', { channel: 'letter' });
    expect(standingFinalPosition([received(), timeBased, byHand])).toBeNull();
  });

  it('is the deadlock when one was recorded, before or after its ADR letter', () => {
    const deadlock = entry('deadlock', '2026-12-04', 'Final position given (deadlock): No refund', {
      details: 'No refund',
    });
    expect(standingFinalPosition([received(), deadlock, adrWithFinalPosition('2026-12-04')])).toBe(deadlock);
    const later = entry('deadlock', '2026-12-08', 'Final position given (deadlock): No refund', {
      details: 'No refund',
    });
    expect(standingFinalPosition([received(), adrWithFinalPosition('2026-12-07'), later])).toBe(later);
  });

  it('does not stand once voided, or once the case was reopened or escalated after it', () => {
    const letter = adrWithFinalPosition('2026-12-07');
    const voided = entry('voided', '2026-12-08', 'Voided', { entryId: letter.id, reason: 'Never posted' });
    expect(standingFinalPosition([received(), letter, voided])).toBeNull();
    const reopened = entry('reopened', '2026-12-09', 'Case reopened: new evidence', { reason: 'New evidence' });
    expect(standingFinalPosition([received(), letter, reopened])).toBeNull();
    const escalated = entry('escalated', '2026-12-09', 'Escalated', { stage: 'complaints-team' });
    expect(standingFinalPosition([received(), letter, escalated])).toBeNull();
  });
});
