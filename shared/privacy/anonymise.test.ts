import { describe, expect, it } from 'vitest';
import { TIMELINE_TYPES, type CaseRecord, type TimelineEvent } from '#shared/model/case';
import { storedEvent } from '#shared/model/stored';
import {
  ANONYMISED_NAME,
  anonymiseCase,
  anonymiseEvent,
  CASE_FIELDS,
  describeRemoval,
  neutralSummary,
} from './anonymise';

const record: CaseRecord = {
  id: 'c1',
  reference: 'RDR-2019-000007',
  receivedOn: '2019-03-04',
  channel: 'letter',
  customer: {
    name: 'Ada Lovelace',
    address: { lines: ['12 St James Square'], postcode: 'SW1Y 4JH' },
    phone: '0113 496 0000',
    email: 'ada@example.com',
    accountNumber: 'A-1',
  },
  representative: { name: 'Byron', relationship: 'father' },
  communication: { largePrint: true, language: 'en-GB' },
  category: 'billing',
  summary: 'Charged twice',
  procedureId: 'kinex',
  calendar: 'england-and-wales',
  stage: 'escalation-team',
  status: 'closed',
  assignee: 'Sam Patel',
  createdAt: '2019-03-04T09:00:00.000Z',
  updatedAt: '2019-03-21T09:00:00.000Z',
  vulnerability: {
    details: 'Hearing aid',
    reason: 'reasonable-adjustments',
    recordedOn: '2019-03-05',
    recordedBy: 'Sam Patel',
  },
};
const ev = (type: TimelineEvent['type'], summary: string, data?: Record<string, unknown>): TimelineEvent => ({
  id: `e-${type}`,
  caseId: 'c1',
  type,
  on: '2019-03-10',
  at: '2019-03-10T10:00:00.000Z',
  by: 'Kim Lee',
  summary,
  ...(data ? { data } : {}),
});
const options = { on: '2026-06-01', at: '2026-06-01T10:00:00.000Z' };

describe('anonymiseCase', () => {
  it('keeps the facts reports need and removes the customer, their representative, needs, summary and vulnerability', () => {
    const { record: out } = anonymiseCase(record, [], options);
    expect(out).toEqual({
      id: 'c1',
      reference: 'RDR-2019-000007',
      receivedOn: '2019-03-04',
      channel: 'letter',
      customer: { name: ANONYMISED_NAME },
      category: 'billing',
      summary: '',
      procedureId: 'kinex',
      calendar: 'england-and-wales',
      stage: 'escalation-team',
      status: 'closed',
      assignee: 'Sam Patel',
      createdAt: '2019-03-04T09:00:00.000Z',
      updatedAt: options.at,
      anonymisedOn: '2026-06-01',
    });
  });

  it('keeps only whether the customer was a business and its size (the ADR scope), so reports count the case the same', () => {
    const business: CaseRecord = { ...record, customer: { ...record.customer, isBusiness: true, employees: 25 } };
    expect(anonymiseCase(business, [], options).record.customer).toEqual({
      name: ANONYMISED_NAME,
      isBusiness: true,
      employees: 25,
    });
    const unknownSize: CaseRecord = { ...record, customer: { ...record.customer, isBusiness: true } };
    expect(anonymiseCase(unknownSize, [], options).record.customer).toEqual({
      name: ANONYMISED_NAME,
      isBusiness: true,
    });
  });

  it('drops a field the policy does not know (an allow-list): a field added later is removed until someone decides', () => {
    const extended = { ...record, desiredOutcome: 'A refund to Ada Lovelace' } as CaseRecord;
    expect(JSON.stringify(anonymiseCase(extended, [], options).record)).not.toContain('Ada');
    expect(Object.keys(CASE_FIELDS)).toContain('vulnerability');
  });

  it('keeps entry types, dates, authors, stages and payment figures; removes every text and personal detail', () => {
    const events = [
      ev('escalated', 'Escalated: Ada asked', {
        stage: 'escalation-team',
        fromStage: 'customer-service',
        reason: 'Ada asked',
      }),
      ev('compensation', 'Compensation of £30.00: sorry Ada', {
        kind: 'compensation',
        amount: 30,
        currency: 'GBP',
        reason: 'sorry Ada',
        atStage: 'x',
      }),
      ev('resolution-accepted', 'Ada accepted', { who: 'Ada Lovelace', channel: 'phone', details: 'happy' }),
      ev('customer-edited', 'Customer’s details changed: name', {
        changed: ['customerName'],
        before: { customerName: 'Ada' },
        after: { customerName: 'Ada King' },
      }),
      ev('letter-issued', 'Acknowledgement letter issued (Ada.pdf)', {
        letterId: 'l1',
        kind: 'acknowledgement',
        fileName: 'Ada.pdf',
        sha256: 'ab',
        addressedTo: 'Ada Lovelace\n1 Byron Row\nLondon\nW1 1AA',
      }),
      ev('referred-to-adr', 'Referred (ref CISAS-1)', { scheme: 'CISAS', reference: 'CISAS-1' }),
      ev('reassigned', 'Handed over from Sam to Kim: Ada asked', {
        from: 'Sam Patel',
        to: 'Kim Lee',
        reason: 'Ada asked',
      }),
      ev('vulnerability', 'Vulnerability details recorded', { change: 'recorded' }),
    ];
    const out = anonymiseCase(record, events, options).events;
    expect(JSON.stringify(out)).not.toMatch(/Ada|CISAS-1|sha256|letterId|addressedTo|Byron/);
    expect(out.map((e) => [e.type, e.on, e.at, e.by, e.summary, e.data])).toEqual([
      [
        'escalated',
        '2019-03-10',
        '2019-03-10T10:00:00.000Z',
        'Kim Lee',
        'Escalated to the next stage',
        { stage: 'escalation-team', fromStage: 'customer-service' },
      ],
      [
        'compensation',
        '2019-03-10',
        '2019-03-10T10:00:00.000Z',
        'Kim Lee',
        'Compensation of £30.00',
        { kind: 'compensation', amount: 30, currency: 'GBP', atStage: 'x' },
      ],
      [
        'resolution-accepted',
        '2019-03-10',
        '2019-03-10T10:00:00.000Z',
        'Kim Lee',
        'Proposed resolution accepted (by phone)',
        { channel: 'phone' },
      ],
      ['customer-edited', '2019-03-10', '2019-03-10T10:00:00.000Z', 'Kim Lee', 'Customer’s details changed', undefined],
      [
        'letter-issued',
        '2019-03-10',
        '2019-03-10T10:00:00.000Z',
        'Kim Lee',
        'Acknowledgement letter issued',
        { kind: 'acknowledgement' },
      ],
      ['referred-to-adr', '2019-03-10', '2019-03-10T10:00:00.000Z', 'Kim Lee', 'Referred to ADR', { scheme: 'CISAS' }],
      [
        'reassigned',
        '2019-03-10',
        '2019-03-10T10:00:00.000Z',
        'Kim Lee',
        'Handed over from Sam Patel to Kim Lee',
        { from: 'Sam Patel', to: 'Kim Lee' },
      ],
      [
        'vulnerability',
        '2019-03-10',
        '2019-03-10T10:00:00.000Z',
        'Kim Lee',
        'Vulnerability details changed',
        undefined,
      ],
    ]);
  });

  it('has a neutral headline for every kind of entry, and one for kinds it does not know', () => {
    for (const type of TIMELINE_TYPES) expect(neutralSummary(type, undefined), type).toMatch(/^[A-Z]/);
    expect(neutralSummary('future-kind', { details: 'Ada' })).toBe('Timeline entry (future-kind)');
  });

  it('names a handover only from a handler named in text (a damaged entry is not headed "[object Object]")', () => {
    expect(neutralSummary('reassigned', { from: 'Sam Patel', to: 'Kim Lee' })).toBe(
      'Handed over from Sam Patel to Kim Lee',
    );
    expect(neutralSummary('reassigned', { from: { name: 'Sam Patel' }, to: 'Kim Lee' })).toBe('Assigned to Kim Lee');
    expect(neutralSummary('reassigned', { from: '', to: 'Kim Lee' })).toBe('Assigned to Kim Lee');
  });

  it('is idempotent: anonymising twice gives the same case and timeline, and the first date stays', () => {
    const events = [ev('note', 'Ada rang'), ev('compensation', 'x', { kind: 'goodwill', amount: 5, currency: 'GBP' })];
    const once = anonymiseCase(record, events, options);
    expect(anonymiseCase(once.record, once.events, options)).toEqual(once);
    expect(anonymiseCase(once.record, once.events, { on: '2027-01-01', at: options.at }).record.anonymisedOn).toBe(
      '2026-06-01',
    );
    expect(events.map(anonymiseEvent).map(anonymiseEvent)).toEqual(once.events);
  });

  it('describes what it removes, for the preview', () => {
    expect(describeRemoval(record, [ev('received', 'Complaint received')], 2)).toEqual([
      'name',
      'postal address',
      'phone',
      'email',
      'account number',
      'representative',
      'communication needs',
      'vulnerability details',
      'summary',
      '2 letters (PDF)',
    ]);
    const done = anonymiseCase(record, [ev('note', 'Ada')], options);
    expect(describeRemoval(done.record, done.events, 0)).toEqual([]);
  });
});

describe('a withdrawn letter (letter-withdrawn)', () => {
  it('is anonymised to its kind: the reason and the file name are removed, and it is still a valid stored row', () => {
    const entry = ev(
      'letter-withdrawn',
      'Letter withdrawn (RDR-2026-000001-acknowledgement.pdf): Sent to Ada at her old flat',
      {
        letterId: 'L1',
        kind: 'acknowledgement',
        fileName: 'RDR-2026-000001-acknowledgement.pdf',
        sha256: 'b'.repeat(64),
        reason: 'Sent to Ada at her old flat',
      },
    );
    const out = anonymiseEvent(entry);
    expect(out.summary).toBe('Acknowledgement letter withdrawn');
    expect(JSON.stringify(out)).not.toContain('Ada');
    expect(JSON.stringify(out)).not.toContain('RDR-2026');
    expect(storedEvent.safeParse(out).success).toBe(true);
  });
});
