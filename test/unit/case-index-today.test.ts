// The case index stores due dates evaluated on the case's own latest date (derive.ts `indexDay`), not on the real
// today, so a row never goes stale as days pass. This checks that claim on thousands of realistic cases: evaluated on
// any later day, every pending clock has the same due date, and no other clock has become pending.
import { describe, expect, it } from 'vitest';
import { addCalendarDays, evaluateCase } from '#shared/rules/index';
import { caseFacts } from '#shared/rules/facts';
import { deriveCaseIndex, indexDay, isPendingClock } from '#db/case-index/derive';
import { generateCases } from '#test/fixtures/generate-cases';

const cases = generateCases(4000, { today: '2026-11-20', seed: 7 });

describe('index due dates do not depend on today', () => {
  it.each([1, 7, 45, 400])(
    'evaluated %i days after the index day, the pending clocks and their due dates are the same',
    (later) => {
      let compared = 0;
      for (const { record, events } of cases) {
        const day = indexDay(record, events);
        const facts = caseFacts(record, events);
        const atIndex = evaluateCase(facts, day);
        const atLater = evaluateCase(facts, addCalendarDays(day, later));
        const pending = (e: typeof atIndex) =>
          e.clocks
            .filter((c) => isPendingClock(c, e))
            .map((c) => `${c.id}@${c.dueOn}`)
            .sort();
        expect(pending(atLater), `${record.reference} (${record.procedureId}) on ${day} + ${later}`).toEqual(
          pending(atIndex),
        );
        const row = deriveCaseIndex(record, events);
        const referral = atLater.clocks.find((c) => c.id === 'adr-referral-window');
        if (row.adrReferralEndsOn) expect(referral?.dueOn).toBe(row.adrReferralEndsOn);
        compared += atIndex.clocks.length;
      }
      expect(compared).toBeGreaterThan(10_000);
    },
  );

  it('covers every procedure and calendar, and paused, deadlocked and referred cases', () => {
    const rows = cases.map((c) => deriveCaseIndex(c.record, c.events));
    expect(new Set(rows.map((r) => r.procedureId)).size).toBe(6);
    expect(new Set(rows.map((r) => r.calendar)).size).toBe(4);
    expect(rows.filter((r) => r.pausedSince).length).toBeGreaterThan(10);
    expect(rows.filter((r) => r.adrReferralEndsOn).length).toBeGreaterThan(10);
    expect(rows.filter((r) => r.adrLetterDueOn).length).toBeGreaterThan(10);
    expect(rows.filter((r) => r.rulesError)).toEqual([]);
  });
});
