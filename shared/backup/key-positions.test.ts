import { describe, expect, it } from 'vitest';
import { KeyPositions } from './key-positions';

/** A lower-case UUID from a seeded generator, as crypto.randomUUID writes them. */
function uuids(count: number, seed = 1): string[] {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
  const hex = (n: number, digits: number) => n.toString(16).padStart(8, '0').slice(0, digits);
  return Array.from({ length: count }, () => {
    const [a, b, c, d] = [next(), next(), next(), next()];
    return `${hex(a, 8)}-${hex(b, 4)}-4${hex(b >>> 16, 3)}-${hex(c, 4)}-${hex(c >>> 16, 4)}${hex(d, 8)}`;
  });
}

describe('KeyPositions', () => {
  it('answers as a Map does for 200,000 UUIDs, through its growth', () => {
    const keys = uuids(200_000);
    const positions = new KeyPositions();
    const map = new Map<string, number>();
    keys.forEach((key, i) => {
      if (!map.has(key)) map.set(key, i);
      if (!positions.has(key)) positions.set(key, i);
    });
    expect(positions.size).toBe(map.size);
    // Ids never added are not found (those of another seed), even one digit away from an id held (below).
    const differing = [...keys, ...uuids(1_000, 99)].filter((key) => positions.get(key) !== map.get(key));
    expect(differing).toEqual([]);
    const nearly = keys[123].slice(0, 35) + (keys[123][35] === '0' ? '1' : '0');
    expect(positions.has(nearly)).toBe(false);
  });

  it('tells a repeated id from a new one, keeping the first position', () => {
    const positions = new KeyPositions();
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(positions.get(id)).toBeUndefined();
    positions.set(id, 3);
    expect(positions.get(id)).toBe(3);
    expect(positions.get('0f8fad5b-d9cb-469f-a165-70867728950f')).toBeUndefined();
    expect(positions.size).toBe(1);
  });

  it('keeps any other key exactly too: upper case, other shapes, numbers, nothing', () => {
    const positions = new KeyPositions();
    const lower = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const others: unknown[] = [lower.toUpperCase(), 'case-1', '', 'g'.repeat(36), `${lower} `, 42, undefined, null];
    positions.set(lower, 0);
    others.forEach((key, i) => positions.set(key, i + 1));
    expect(positions.get(lower)).toBe(0);
    others.forEach((key, i) => expect(positions.get(key)).toBe(i + 1));
    expect(positions.get('42')).toBeUndefined();
    expect(positions.size).toBe(others.length + 1);
  });

  it('refuses a position it cannot hold', () => {
    const positions = new KeyPositions();
    expect(() => positions.set('0f8fad5b-d9cb-469f-a165-70867728950e', -1)).toThrow(RangeError);
    expect(() => positions.set('x', 2 ** 31)).toThrow(RangeError);
  });
});
