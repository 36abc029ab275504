// Type-ahead as a native select has it (explore34-keyboard): a prefix typed within a pause, a letter typed again
// stepping through the options that start with it, case and accents ignored.
import { describe, expect, it } from 'vitest';
import { TYPE_AHEAD_PAUSE_MS, TypedPrefix, typeAheadIndex } from './type-ahead';

const CHANNELS = ['Phone', 'Email', 'Web form', 'Letter', 'In person', 'Social media'];

describe('typeAheadIndex', () => {
  it('finds the first option that starts with the letters typed, whatever the case', () => {
    expect(typeAheadIndex(CHANNELS, 'pho', 3)).toBe(0);
    expect(typeAheadIndex(CHANNELS, 'W', -1)).toBe(2);
    expect(typeAheadIndex(CHANNELS, 'in', 0)).toBe(4);
  });

  it('ignores accents both ways', () => {
    const fr = ['Téléphone', 'Courriel', 'Écrit', 'En personne'];
    expect(typeAheadIndex(fr, 'e', -1)).toBe(2);
    expect(typeAheadIndex(fr, 'tél', -1)).toBe(0);
    expect(typeAheadIndex(['Email', 'Écrit'], 'é', 0)).toBe(1);
  });

  it('steps through the options starting with one letter typed again, and back to the first', () => {
    const titles = ['Mr (M.)', 'Mrs (Mme)', 'Ms (Mme)', 'Mx', 'Dr'];
    expect(typeAheadIndex(titles, 'm', -1)).toBe(0);
    expect(typeAheadIndex(titles, 'mm', 0)).toBe(1);
    expect(typeAheadIndex(titles, 'mmm', 1)).toBe(2);
    expect(typeAheadIndex(titles, 'mmmm', 2)).toBe(3);
    expect(typeAheadIndex(titles, 'mmmmm', 3)).toBe(0);
  });

  it('keeps the option chosen while the prefix still fits it', () => {
    const categories = ['Billing', 'Broadband speed', 'Bundle'];
    expect(typeAheadIndex(categories, 'b', -1)).toBe(0);
    expect(typeAheadIndex(categories, 'br', 0)).toBe(1);
    expect(typeAheadIndex(categories, 'bro', 1)).toBe(1);
  });

  it('finds nothing for letters no option starts with, or in an empty list', () => {
    expect(typeAheadIndex(CHANNELS, 'x', 0)).toBe(-1);
    expect(typeAheadIndex([], 'p', -1)).toBe(-1);
    expect(typeAheadIndex(CHANNELS, '', 0)).toBe(-1);
  });
});

describe('TypedPrefix', () => {
  it('joins letters typed within the pause and starts again after it', () => {
    const typed = new TypedPrefix();
    expect(typed.add('p', 1000)).toBe('p');
    expect(typed.add('h', 1200)).toBe('ph');
    expect(typed.add('o', 1200 + TYPE_AHEAD_PAUSE_MS)).toBe('pho');
    expect(typed.add('e', 1201 + 2 * TYPE_AHEAD_PAUSE_MS)).toBe('e');
  });
});
