import { describe, expect, it } from 'vitest';
import { inTimelineOrder, type TimelineEvent } from './case';

const entry = (id: string, type: TimelineEvent['type'], on: string, at?: string) => ({ id, type, on, at });

describe('the order of a timeline', () => {
  it('reads a letter before the step it records in the same moment, whatever their ids (explore40-team #8e)', () => {
    const at = '2026-12-07T10:00:00.000Z';
    for (const [letterId, stepId] of [
      ['a', 'b'],
      ['b', 'a'],
    ]) {
      const letter = entry(letterId!, 'letter-issued', '2026-12-07', at);
      const step = entry(stepId!, 'acknowledged', '2026-12-07', at);
      expect(inTimelineOrder([step, letter]).map((e) => e.type)).toEqual(['letter-issued', 'acknowledged']);
      expect(inTimelineOrder([letter, step]).map((e) => e.type)).toEqual(['letter-issued', 'acknowledged']);
    }
  });

  it('orders by the day counted from, then the moment recorded, then id; entries without a moment keep their order', () => {
    const events = [
      entry('z', 'note', '2026-12-08', '2026-12-07T09:00:00.000Z'),
      entry('y', 'letter-issued', '2026-12-07', '2026-12-07T11:00:00.000Z'),
      entry('x', 'acknowledged', '2026-12-07', '2026-12-07T10:00:00.000Z'),
      entry('w', 'note', '2026-12-07', '2026-12-07T10:00:00.000Z'),
    ];
    expect(inTimelineOrder(events).map((e) => e.id)).toEqual(['w', 'x', 'y', 'z']);
    // Reports' slim entries (no moment, no id) keep the order they were given in.
    const slim = [
      { on: '2026-12-07', type: 'acknowledged' as const },
      { on: '2026-12-07', type: 'letter-issued' as const },
    ];
    expect(inTimelineOrder(slim)).toEqual(slim);
  });
});
