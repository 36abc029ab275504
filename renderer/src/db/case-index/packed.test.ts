import { describe, expect, it } from 'vitest';
import { generateCases } from '#test/fixtures/generate-cases';
import type { CaseIndexRow } from '../schema';
import { deriveCaseIndex } from './derive';
import { packCaseIndexRows, unpackCaseIndexRows } from './packed';

const cases = generateCases(300, { today: '2026-11-20', seed: 11, spanDays: 400 });
// Whole timelines and their first halves (clocks pending, pauses open), as the rows are stored.
const rows: CaseIndexRow[] = structuredClone(
  cases.flatMap((c) => [
    deriveCaseIndex(c.record, c.events),
    deriveCaseIndex(c.record, c.events.slice(0, Math.ceil(c.events.length / 2))),
  ]),
);

describe('packed case index rows', () => {
  it('read back exactly as written, optional fields left out where they were', () => {
    const refused = deriveCaseIndex({ ...cases[0].record, procedureId: 'no-such-procedure' }, cases[0].events);
    const all = [...rows, structuredClone(refused)];
    expect(unpackCaseIndexRows(packCaseIndexRows(all))).toStrictEqual(all);
    // The sample has every kind of field in it.
    expect(all.some((r) => r.representativeName)).toBe(true);
    expect(all.some((r) => r.representativeName === undefined)).toBe(true);
    expect(all.some((r) => r.rulesError)).toBe(true);
    expect(all.some((r) => r.nextDueOn !== null)).toBe(true);
    expect(all.some((r) => r.pausedSince !== null)).toBe(true);
    expect(all.some((r) => r.openNothingDue)).toBe(true);
    expect(unpackCaseIndexRows(packCaseIndexRows([]))).toEqual([]);
  });

  it('is much smaller than the rows as JSON', () => {
    expect(packCaseIndexRows(rows).length * 1.5).toBeLessThan(JSON.stringify(rows).length);
  });
});
