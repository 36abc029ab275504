import { describe, expect, it } from 'vitest';
import { msUntilMidnight } from './today';

const at = (iso: string) => new Date(iso);

describe('msUntilMidnight', () => {
  it('is the time to just after the next local midnight, across a clock change', () => {
    expect(msUntilMidnight(at('2026-11-21T23:59:00'))).toBe(61_000);
    // 25 October 2026: the clocks go back an hour in London, so the day is 25 hours long.
    expect(msUntilMidnight(at('2026-10-25T00:00:00'))).toBe(25 * 3600_000 + 1000);
  });
});
