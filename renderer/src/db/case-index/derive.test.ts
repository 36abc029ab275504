import { describe, expect, it } from 'vitest';
import type { CaseRecord, TimelineEvent, TimelineType } from '#shared/model/case';
import { evaluateCase } from '#shared/rules/index';
import { caseFacts } from '#shared/rules/facts';
import { customer } from '#test/support/cases';
import { deriveCaseIndex, indexDay, isPendingClock, searchText } from './derive';

const record = (over: Partial<CaseRecord> = {}): CaseRecord => ({
  id: 'c1',
  reference: 'RDR-2026-000042',
  receivedOn: '2026-11-18',
  channel: 'letter',
  customer: customer({ phone: '+44 113 496 0000', email: 'Ada@Example.com', accountNumber: 'AC 1234 5678' }),
  representative: { name: 'Byron King', relationship: 'Son', address: { lines: ['1 Road'], postcode: 'LS1 1AA' } },
  category: 'billing',
  summary: 'Charged   twice for October',
  procedureId: 'kijoma',
  calendar: 'england-and-wales',
  stage: '',
  status: 'open',
  assignee: 'Sam Patel',
  createdAt: '2026-11-18T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
  ...over,
});

let n = 0;
const event = (type: TimelineType, on: string, data?: Record<string, unknown>): TimelineEvent => {
  n += 1;
  return {
    id: `e${n}`,
    caseId: 'c1',
    type,
    on,
    at: `${on}T10:${String(n % 60).padStart(2, '0')}:00.000Z`,
    by: 'Sam',
    summary: type,
    ...(data ? { data } : {}),
  };
};

describe('deriveCaseIndex', () => {
  it("folds the search text once, when the row is written: Françoise, Müller, O'Brien, Seán, Smith-Jones", () => {
    const names = "Françoise Müller O'Brien Seán Smith-Jones Straße Ærø";
    expect(searchText(record({ representative: undefined, customer: { name: names }, summary: '' }))).toBe(
      'rdr2026000042 francoise muller obrien sean smithjones strasse aero',
    );
  });

  it('copies what lists show and builds the folded search text', () => {
    const row = deriveCaseIndex(record(), [event('received', '2026-11-18')]);
    expect(row).toMatchObject({
      caseId: 'c1',
      reference: 'RDR-2026-000042',
      customerName: 'Ada Lovelace',
      representativeName: 'Byron King',
      status: 'open',
      stage: 'customer-services',
      assignee: 'Sam Patel',
      procedureId: 'kijoma',
      category: 'billing',
      channel: 'letter',
      calendar: 'england-and-wales',
      receivedOn: '2026-11-18',
      acknowledged: 0,
      pausedSince: null,
      updatedAt: '2026-11-20T10:00:00.000Z',
    });
    expect(row.stageName).not.toBe('');
    // Folded (issue #15): lower case, no accents, no apostrophes or hyphens (the reference's hyphens too; a query is
    // folded the same way, so "RDR-2026-000042" still finds it).
    expect(row.search).toBe(
      'rdr2026000042 ada lovelace byron king 441134960000 01134960000 ada@example.com sw1y4jh ls11aa ac12345678 charged twice for october',
    );
    expect(searchText(record({ representative: undefined, customer: { name: 'Bo' } }))).toBe(
      'rdr2026000042 bo charged twice for october',
    );
  });

  it("gives the most urgent pending clock as the case's next due date", () => {
    const facts = [event('received', '2026-11-18')];
    const row = deriveCaseIndex(record(), facts);
    const evaluation = evaluateCase(caseFacts(record(), facts), '2026-11-18');
    const pending = evaluation.clocks
      .filter((c) => isPendingClock(c, evaluation))
      .sort((a, b) => (a.dueOn! < b.dueOn! ? -1 : 1));
    expect(pending.length).toBeGreaterThan(1);
    expect(row.nextDueOn).toBe(pending[0].dueOn);
    expect(row.nextClockId).toBe(pending[0].id);
    expect(row.nextClockLabel).toBe(pending[0].label);
    // Kijoma: 5 working days for the response; Ofcom: the ADR letter at 6 weeks.
    expect(row.nextDueOn).toBe('2026-11-25');
    expect(row.adrLetterDueOn).toBe('2026-12-30');
    expect(row.adrReferralEndsOn).toBeNull();
  });

  it('marks the complaint acknowledged once the timeline says so', () => {
    expect(
      deriveCaseIndex(record(), [event('received', '2026-11-18'), event('acknowledged', '2026-11-19')]).acknowledged,
    ).toBe(1);
    expect(deriveCaseIndex(record(), [event('received', '2026-11-18'), event('note', '2026-11-19')]).acknowledged).toBe(
      0,
    );
  });

  it('a voided acknowledgement no longer counts: the case is unacknowledged again, as the case page says', () => {
    const ack = event('acknowledged', '2026-11-19');
    const voided = event('voided', '2026-11-20', { entryId: ack.id, reason: 'Clicked by mistake' });
    expect(deriveCaseIndex(record(), [event('received', '2026-11-18'), ack, voided]).acknowledged).toBe(0);
    // Acknowledged again afterwards: counts.
    const again = event('acknowledged', '2026-11-21');
    expect(deriveCaseIndex(record(), [event('received', '2026-11-18'), ack, voided, again]).acknowledged).toBe(1);
  });

  it('marks an open case with nothing due (a reopened complaint whose clocks are met) for the dashboard, and only it', () => {
    const canadian = record({ procedureId: 'jive-ca', calendar: 'canada', receivedOn: '2026-11-02' });
    const answered = [
      event('received', '2026-11-02'),
      event('acknowledged', '2026-11-02', { channel: 'phone' }),
      event('responded', '2026-11-05', { channel: 'phone' }),
    ];
    const closed = [...answered, event('resolved', '2026-11-06'), event('closed', '2026-11-06')];
    const reopened = deriveCaseIndex(canadian, [...closed, event('reopened', '2026-11-20', { reason: 'Came back' })]);
    expect(reopened).toMatchObject({ status: 'open', nextDueOn: null, openNothingDue: canadian.updatedAt });
    // Closed: nothing to do, and not marked.
    const done = deriveCaseIndex(canadian, closed);
    expect(done.status).toBe('closed');
    expect(done).not.toHaveProperty('openNothingDue');
    // Something due: on a due list, not marked.
    const due = deriveCaseIndex(record(), [event('received', '2026-11-18')]);
    expect(due.nextDueOn).not.toBeNull();
    expect(due).not.toHaveProperty('openNothingDue');
    // A case the rules cannot read has nothing due either: marked, so it is seen.
    const refused = deriveCaseIndex(record({ procedureId: 'no-such-procedure' }), [event('received', '2026-11-18')]);
    expect(refused).toMatchObject({ status: 'open', nextDueOn: null, openNothingDue: '2026-11-20T10:00:00.000Z' });
  });

  it('after a deadlock and the ADR letter: no ADR letter due, the referral window runs 12 months', () => {
    const row = deriveCaseIndex(record(), [
      event('received', '2026-11-18'),
      event('acknowledged', '2026-11-18'),
      event('deadlock', '2026-12-01'),
      event('adr-letter-sent', '2026-12-01'),
    ]);
    expect(row.adrLetterDueOn).toBeNull();
    expect(row.adrReferralEndsOn).toBe('2027-12-01');
    expect(row.stage).toBe('customer-services');
  });

  it('a case the CCTS referred: the report to the CCTS is its next due date until recorded, a reply does not end it', () => {
    const ca = record({ procedureId: 'jive-ca', calendar: 'canada', receivedOn: '2026-11-02' });
    const referred = [
      event('received', '2026-11-02'),
      event('acknowledged', '2026-11-02'),
      event('escalated', '2026-11-04', { stage: 'senior-manager' }),
      event('escalated', '2026-11-06', { stage: 'head-of-support' }),
      event('ccts-informed', '2026-11-06'),
      event('ccts-referral', '2026-11-20'),
      event('responded', '2026-11-25', { channel: 'phone' }),
    ];
    expect(deriveCaseIndex(ca, referred)).toMatchObject({ nextDueOn: '2026-12-10', nextClockId: 'ccts-response' });
    const report = event('ccts-report', '2026-11-26', { sentBy: 'ccts-portal' });
    expect(deriveCaseIndex(ca, [...referred, report])).toMatchObject({ nextDueOn: null, nextClockId: null });
    // The report voided: owed again.
    const voided = event('voided', '2026-11-27', { entryId: report.id, reason: 'Wrong case' });
    expect(deriveCaseIndex(ca, [...referred, report, voided])).toMatchObject({ nextClockId: 'ccts-response' });
  });

  it('takes the status and stage from the timeline, not the stored record', () => {
    const row = deriveCaseIndex(record({ status: 'open', stage: 'stale' }), [
      event('received', '2026-11-18'),
      event('escalated', '2026-11-20', { stage: 'management-review' }),
      event('resolved', '2026-11-24'),
      event('closed', '2026-11-25'),
    ]);
    expect(row).toMatchObject({ status: 'closed', stage: 'management-review', acknowledged: 1 });
  });

  it('leaves stopped provider clocks out while the case is paused, and keeps regulatory ones', () => {
    const row = deriveCaseIndex(record(), [event('received', '2026-11-18'), event('paused', '2026-11-19')]);
    expect(row.pausedSince).toBe('2026-11-19');
    expect(row.nextClockId).toBe('adr-letter');
    expect(row.nextDueOn).toBe('2026-12-30');
  });

  it('keeps a row, with the reason, when the rules cannot evaluate the case', () => {
    const row = deriveCaseIndex(record({ procedureId: 'no-such-procedure' }), [event('received', '2026-11-18')]);
    expect(row.rulesError).toMatch(/procedure/i);
    expect(row).toMatchObject({ caseId: 'c1', status: 'open', nextDueOn: null, reference: 'RDR-2026-000042' });
  });

  it('keeps the stored stage, named, on a row the rules cannot evaluate, a stored empty one read as the first stage', () => {
    // Paused twice: the rules refuse the timeline, so the row can only say the stage the record stored.
    const events = [event('received', '2026-11-18'), event('paused', '2026-11-19'), event('paused', '2026-11-20')];
    const logged = deriveCaseIndex(record({ stage: 'customer-services' }), events);
    expect(logged.rulesError).toMatch(/already paused/);
    expect(logged).toMatchObject({ stage: 'customer-services', stageName: 'Customer services' });
    // A case logged before new cases stored their first stage reads the same.
    expect(deriveCaseIndex(record({ stage: '' }), events)).toMatchObject({
      stage: 'customer-services',
      stageName: 'Customer services',
    });
    expect(deriveCaseIndex(record({ stage: 'management-review' }), events)).toMatchObject({
      stage: 'management-review',
      stageName: 'Management review',
    });
    // Nothing to read it against: the procedure is not known here.
    expect(deriveCaseIndex(record({ stage: '', procedureId: 'no-such-procedure' }), events)).toMatchObject({
      stage: '',
      stageName: '',
    });
  });

  it('is evaluated on the latest date of the case, whatever the order of the timeline', () => {
    expect(indexDay({ receivedOn: '2026-11-18' }, [])).toBe('2026-11-18');
    expect(indexDay({ receivedOn: '2026-11-18' }, [{ on: '2026-12-02' }, { on: '2026-11-20' }])).toBe('2026-12-02');
    const events = [
      event('received', '2026-11-18'),
      event('acknowledged', '2026-11-19'),
      event('responded', '2026-11-21'),
    ];
    expect(deriveCaseIndex(record(), [...events].reverse())).toEqual(deriveCaseIndex(record(), events));
  });
});
