// Ofcom GC C4's scope (REGULATION.md §1): individuals and businesses with 10 or fewer employees. A bigger business
// gets a warning and no ADR clocks, on every built-in Ofcom procedure; a small one is treated like anyone else.
import { describe, expect, it } from 'vitest';
import { evaluateCase, listProcedures } from './index';
import type { CaseFacts } from './types';

const OFCOM = listProcedures().filter((p) => p.regimeId === 'ofcom-gc-c4');

function facts(procedureId: string, customer?: CaseFacts['customer']): CaseFacts {
  return {
    procedureId,
    calendar: 'england-and-wales',
    receivedOn: '2026-09-01',
    channel: 'phone',
    category: 'billing',
    ...(customer ? { customer } : {}),
    events: [],
  };
}

const scopeWarnings = (warnings: readonly string[]) => warnings.filter((w) => /employees/.test(w));
const adrClocks = (procedureId: string, customer?: CaseFacts['customer']) =>
  evaluateCase(facts(procedureId, customer), '2026-09-10').clocks.filter(
    (c) => c.id === 'adr-letter' || c.id === 'adr-referral-window',
  );

describe('Ofcom scope: business size', () => {
  it('covers every built-in Ofcom procedure', () => {
    expect(OFCOM.map((p) => p.id).sort()).toEqual(['infinity', 'kijoma', 'kinex', 'miso', 'ofcom']);
  });

  it.each(OFCOM.map((p) => p.id))('%s: a business with 25 employees gets the scope warning and no ADR clocks', (id) => {
    const e = evaluateCase(facts(id, { isBusiness: true, employees: 25 }), '2026-09-10');
    const warnings = scopeWarnings(e.warnings);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^Business customer with 25 employees: outside .+'s scope \(10 or fewer employees\), so no ADR letter or referral window applies\.$/,
    );
    for (const clock of adrClocks(id, { isBusiness: true, employees: 25 })) {
      expect(clock.state).toBe('not-applicable');
      expect(clock.explanation).toMatch(
        /a business with 25 employees is outside the ADR scheme's scope \(10 or fewer\)/,
      );
    }
  });

  it.each(OFCOM.map((p) => p.id))(
    '%s: a business with 5 employees gets no warning and the same clocks as an individual',
    (id) => {
      const small = evaluateCase(facts(id, { isBusiness: true, employees: 5 }), '2026-09-10');
      expect(scopeWarnings(small.warnings)).toEqual([]);
      expect(small.warnings).toEqual(evaluateCase(facts(id), '2026-09-10').warnings);
      expect(adrClocks(id, { isBusiness: true, employees: 5 })).toEqual(adrClocks(id));
      expect(adrClocks(id).some((c) => c.id === 'adr-letter' && c.state === 'running')).toBe(true);
    },
  );

  it('a business whose size is not recorded is asked for it; a non-business with a stray number is not', () => {
    expect(scopeWarnings(evaluateCase(facts('kinex', { isBusiness: true }), '2026-09-10').warnings)).toEqual([
      expect.stringMatching(/only takes businesses with 10 or fewer employees; record the number of employees\.$/),
    ]);
    expect(
      scopeWarnings(evaluateCase(facts('kinex', { isBusiness: false, employees: 25 }), '2026-09-10').warnings),
    ).toEqual([]);
  });

  it('the line is at 10: 10 employees are in scope, 11 are not', () => {
    expect(
      scopeWarnings(evaluateCase(facts('kinex', { isBusiness: true, employees: 10 }), '2026-09-10').warnings),
    ).toEqual([]);
    expect(
      scopeWarnings(evaluateCase(facts('kinex', { isBusiness: true, employees: 11 }), '2026-09-10').warnings),
    ).toHaveLength(1);
  });
});
