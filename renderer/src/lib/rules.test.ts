// caseFacts hands the customer's business size to the rules engine, so the case page and the index see the scope.
import { describe, expect, it } from 'vitest';
import type { CaseRecord, TimelineEvent } from '#shared/model/case';
import { caseFacts } from '#shared/rules/facts';
import { getProcedure, installDeskProcedures } from '#shared/rules/index';
import type { Translate } from '#lib/i18n/index';
import { evaluateRecord, procedureChoiceOptions, procedureLabel } from './rules';

const record = (customer: CaseRecord['customer']): CaseRecord => ({
  id: 'c1',
  reference: 'RDR-2026-000001',
  receivedOn: '2026-09-01',
  channel: 'phone',
  customer,
  category: 'billing',
  summary: 'Charged twice',
  procedureId: 'kinex',
  calendar: 'england-and-wales',
  stage: 'customer-service',
  status: 'open',
  createdAt: '2026-09-01T09:00:00.000Z',
  updatedAt: '2026-09-01T09:00:00.000Z',
});
const events: TimelineEvent[] = [
  {
    id: 'e1',
    caseId: 'c1',
    type: 'received',
    on: '2026-09-01',
    at: '2026-09-01T09:00:00.000Z',
    by: 'Sam',
    summary: 'Received',
  },
];

describe('caseFacts: business size', () => {
  it('passes a business and its number of employees', () => {
    expect(caseFacts(record({ name: 'Shop Ltd', isBusiness: true, employees: 25 }), events).customer).toEqual({
      isBusiness: true,
      employees: 25,
    });
    expect(caseFacts(record({ name: 'Shop Ltd', isBusiness: true }), events).customer).toEqual({ isBusiness: true });
  });

  it('passes nothing for an individual, as for cases recorded before business size existed', () => {
    expect(caseFacts(record({ name: 'Ada Lovelace' }), events)).not.toHaveProperty('customer');
    expect(caseFacts(record({ name: 'Ada Lovelace', isBusiness: false, employees: 40 }), events)).not.toHaveProperty(
      'customer',
    );
  });

  it('drops a malformed number of employees instead of stopping the clocks', () => {
    const odd = record({ name: 'Shop Ltd', isBusiness: true, employees: 2.5 });
    expect(caseFacts(odd, events).customer).toEqual({ isBusiness: true });
    expect(evaluateRecord(odd, events, '2026-09-10').error).toBeUndefined();
  });

  it('the case page evaluation carries the scope warning for 25 employees and none for 5', () => {
    const big = evaluateRecord(record({ name: 'Shop Ltd', isBusiness: true, employees: 25 }), events, '2026-09-10');
    expect(big.evaluation?.warnings.join(' ')).toMatch(/Business customer with 25 employees: outside .*scope/);
    const small = evaluateRecord(record({ name: 'Shop Ltd', isBusiness: true, employees: 5 }), events, '2026-09-10');
    expect(small.evaluation?.warnings.join(' ') ?? '').not.toMatch(/employees/);
  });
});

describe('a procedure named as a choice or in a list', () => {
  // The catalogue's words for a retired choice, as the interface would put them.
  const t: Translate = (key, values) => (key === 'procedures.choiceRetired' ? `${values?.name} (retired)` : key);

  it('says a retired procedure is retired where it is still chosen, and names an unknown one by its id', () => {
    const copy = { ...getProcedure('kinex'), id: 'kinex-copy-1', name: 'Kinex (copy)' };
    installDeskProcedures([copy], [copy.id]);
    try {
      expect(procedureLabel(copy.id, t)).toBe('Kinex (copy) (retired)');
      expect(procedureLabel(copy.id)).toBe('Kinex (copy)');
      expect(procedureLabel('kinex', t)).toBe(getProcedure('kinex').name);
      expect(procedureLabel('no-such-procedure', t)).toBe('no-such-procedure');
      // Left out of the choices for new work, unless it is the choice already made, then said retired.
      expect(procedureChoiceOptions(undefined, t).map((o) => o.value)).not.toContain(copy.id);
      expect(procedureChoiceOptions(copy.id, t).find((o) => o.value === copy.id)?.label).toBe('Kinex (copy) (retired)');
    } finally {
      installDeskProcedures([]);
    }
  });
});
