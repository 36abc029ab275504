import { afterEach, describe, expect, it, vi } from 'vitest';
import { tickingClock } from './now';

describe('a clock read by several screens', () => {
  afterEach(() => vi.useRealTimers());

  it('gives every reader the same moment, moved on for all when one more starts reading (explore40-team #8a)', () => {
    vi.useFakeTimers({ now: new Date('2026-12-08T09:00:00Z') });
    const clock = tickingClock(30_000);
    const header = vi.fn();
    const panel = vi.fn();
    const leaveHeader = clock.subscribe(header);
    vi.advanceTimersByTime(25_000);
    expect(clock.snapshot().toISOString()).toBe('2026-12-08T09:00:00.000Z');
    const leavePanel = clock.subscribe(panel);
    // The screen opened 25 s after the header: both now read 09:00:25, not one 09:00:00 and the other 09:00:25.
    expect(clock.snapshot().toISOString()).toBe('2026-12-08T09:00:25.000Z');
    expect(header).toHaveBeenCalledTimes(2);
    // One timer for both, ticking from the first reader on.
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(30_000);
    expect(clock.snapshot().toISOString()).toBe('2026-12-08T09:00:30.000Z');
    expect(header).toHaveBeenCalledTimes(3);
    expect(panel).toHaveBeenCalledTimes(2);
    leavePanel();
    leaveHeader();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops ticking when no one reads it, and starts from the present when read again', () => {
    vi.useFakeTimers({ now: new Date('2026-12-08T09:00:00Z') });
    const clock = tickingClock(30_000);
    const leave = clock.subscribe(() => {});
    expect(vi.getTimerCount()).toBe(1);
    leave();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(600_000);
    const again = vi.fn();
    clock.subscribe(again);
    expect(clock.snapshot().toISOString()).toBe('2026-12-08T09:10:00.000Z');
    expect(vi.getTimerCount()).toBe(1);
  });
});
