import { describe, expect, it } from 'vitest';
import { stringTable } from './string-table';

describe('stringTable', () => {
  it('names each string by the position it first took, and keeps null as null', () => {
    const table = stringTable();
    expect(['open', 'closed', 'open', 'Sam', 'closed'].map((s) => table.n(s))).toEqual([0, 1, 0, 2, 1]);
    expect(table.maybe(null)).toBeNull();
    expect(table.maybe('Sam')).toBe(2);
    expect(table.strings).toEqual(['open', 'closed', 'Sam']);
  });
});
