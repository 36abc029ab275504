import { describe, expect, it } from 'vitest';
import { inTimelineOrder, recordedAfter, recordedMoment, type TimelineEvent } from './case';

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

describe('new entries recorded after a timeline whose latest entry a fast clock recorded', () => {
  const e = (id: string, at: string, type: TimelineEvent['type'] = 'note'): TimelineEvent => ({
    id,
    caseId: 'c',
    type,
    on: '2026-12-07',
    at,
    by: 'Sam',
    summary: id,
  });

  it('moves them on together after it, in their order and pairs, keeping each one’s true moment', () => {
    const moved = recordedAfter('2026-12-08T09:00:00.000Z', [
      e('letter', '2026-12-07T10:00:00.000Z', 'letter-issued'),
      e('step', '2026-12-07T10:00:00.000Z', 'acknowledged'),
      e('later', '2026-12-07T10:00:00.005Z'),
    ]);
    expect(moved.map((x) => x.at)).toEqual([
      '2026-12-08T09:00:00.001Z',
      '2026-12-08T09:00:00.001Z',
      '2026-12-08T09:00:00.006Z',
    ]);
    expect(moved.map(recordedMoment)).toEqual([
      '2026-12-07T10:00:00.000Z',
      '2026-12-07T10:00:00.000Z',
      '2026-12-07T10:00:00.005Z',
    ]);
  });

  it('leaves them as they are when they come after it already, or the timeline is empty', () => {
    const entries = [e('a', '2026-12-08T10:00:00.000Z')];
    expect(recordedAfter('2026-12-08T09:00:00.000Z', entries)).toEqual(entries);
    expect(recordedAfter('', entries)).toEqual(entries);
    expect(recordedMoment(entries[0]!)).toBe('2026-12-08T10:00:00.000Z');
  });
});
