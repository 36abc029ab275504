// The stored-row schemas (what a backup or a merge is checked against) take the entries and fields of #15.
import { describe, expect, it } from 'vitest';
import { storedCase, storedEvent } from './stored';

const event = (type: string, data?: Record<string, unknown>) => ({
  id: 'e1',
  caseId: 'c1',
  type,
  on: '2026-12-02',
  at: '2026-12-02T10:00:00.000Z',
  by: 'Sam Patel',
  summary: 'x',
  ...(data ? { data } : {}),
});

const record = (representative: unknown) => ({
  id: 'c1',
  reference: 'RDR-2026-000001',
  receivedOn: '2026-11-27',
  channel: 'email',
  customer: { name: 'Ann Lee' },
  representative,
  category: 'billing',
  summary: 'Charged twice',
  procedureId: 'kijoma',
  calendar: 'england-and-wales',
  stage: 'customer-services',
  status: 'open',
  createdAt: '2026-11-27T10:00:00.000Z',
  updatedAt: '2026-11-27T10:00:00.000Z',
});

describe('stored rows of corrections, voids and reopenings', () => {
  it('accepts the corrected, voided and reopened entries', () => {
    for (const type of ['corrected', 'voided', 'reopened'])
      expect(storedEvent.safeParse(event(type)).success).toBe(true);
    expect(storedEvent.safeParse(event('withdrawn-by-magic')).success).toBe(false);
  });

  it("accepts a representative's authority to act and refuses one of an unknown kind or without a real date", () => {
    const rep = (authority: unknown) => ({ name: 'Bo Lee', relationship: 'Son', authority });
    expect(storedCase.safeParse(record(rep({ kind: 'power-of-attorney', on: '2026-11-25' }))).success).toBe(true);
    expect(storedCase.safeParse(record(rep({ kind: 'a-hunch', on: '2026-11-25' }))).success).toBe(false);
    expect(storedCase.safeParse(record(rep({ kind: 'other', on: '2026-02-30' }))).success).toBe(false);
  });
});
