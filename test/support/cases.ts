// The customer and the new complaint the tests log: one builder each instead of a literal in every file. Pure (types
// from #shared/model only), so tests under shared/ may import it too.
import type { CaseRecord, Customer, TimelineEvent, TimelineType } from '#shared/model/case';
import type { NewCaseParts } from '#shared/model/intake';

/** Ada Lovelace of 12 St James Square, London SW1Y 4JH; `overrides` replace whole fields (appended in their order). */
export function customer(overrides: Partial<Customer> = {}): Customer {
  return {
    name: 'Ada Lovelace',
    address: { lines: ['12 St James Square', 'London'], postcode: 'SW1Y 4JH' },
    ...overrides,
  };
}

/** A billing complaint by letter received on 2026-11-18 from `customer()`: "Charged twice for October". */
export function newCaseParts(overrides: Partial<NewCaseParts> = {}): NewCaseParts {
  return {
    receivedOn: '2026-11-18',
    channel: 'letter',
    customer: customer(),
    category: 'billing',
    summary: 'Charged twice for October',
    ...overrides,
  };
}

/**
 * A stored case: case-1, RDR-2026-000001, the `newCaseParts()` complaint ("Charged twice") on the Kijoma procedure and
 * the England & Wales calendar, open, created at 09:00 on the day it was received.
 */
export function caseRecord(overrides: Partial<CaseRecord> = {}): CaseRecord {
  const receivedOn = overrides.receivedOn ?? '2026-11-18';
  return {
    id: 'case-1',
    reference: 'RDR-2026-000001',
    ...newCaseParts({ receivedOn, summary: 'Charged twice' }),
    procedureId: 'kijoma',
    calendar: 'england-and-wales',
    stage: '',
    status: 'open',
    createdAt: `${receivedOn}T09:00:00.000Z`,
    updatedAt: `${receivedOn}T09:00:00.000Z`,
    ...overrides,
  };
}

/** A note by Sam on the case `caseId`, recorded at `at` (its date is `at`'s), with a fresh id. */
export function noteEntry(caseId: string, at: string, summary: string): TimelineEvent {
  return { id: crypto.randomUUID(), caseId, type: 'note', on: at.slice(0, 10), at, by: 'Sam', summary };
}

/**
 * Entries by Sam Patel, each with the next id (`e001`, `e002`…) and a time of 10:00 on its day with the next second,
 * so entries made in order sort in that order: one maker per test file.
 */
export function entryMaker(): (
  caseId: string,
  type: TimelineType,
  on: string,
  data?: Record<string, unknown>,
) => TimelineEvent {
  let made = 0;
  return (caseId, type, on, data) => {
    made += 1;
    return {
      id: `e${String(made).padStart(3, '0')}`,
      caseId,
      type,
      on,
      at: `${on}T10:00:${String(made % 60).padStart(2, '0')}.000Z`,
      by: 'Sam Patel',
      summary: type,
      ...(data ? { data } : {}),
    };
  };
}
