import { describe, expect, it } from 'vitest';
import { short, shortValue } from './short';

describe('a text cut short', () => {
  it('keeps a text within the limit and cuts a longer one with an ellipsis', () => {
    expect(short('Charged twice', 60)).toBe('Charged twice');
    expect(short('x'.repeat(61))).toBe(`${'x'.repeat(59)}…`);
    expect(short('Charged twice for the same bill', 14)).toBe('Charged twice…');
  });
});

describe('a value cut short for a headline', () => {
  it('is cut before a bracket it would leave open, never inside it', () => {
    expect(shortValue('Ravi Shah (son), written consent (2026-12-05)', 40)).toBe('Ravi Shah (son), written consent…');
    expect(shortValue('Nephew (through his late brother)', 20)).toBe('Nephew…');
    expect(shortValue('Charged twice (in November) for the same broadband bill', 40)).toBe(
      'Charged twice (in November) for the sam…',
    );
    expect(shortValue('Short (enough)', 40)).toBe('Short (enough)');
  });
});
