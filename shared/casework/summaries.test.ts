// The timeline entries' summaries as phrases (issue #17): every action's entry is written from a phrase, and its type
// and data read back into the same phrase (so the interface can say it), only when they say exactly the summary.
import { describe, expect, it } from 'vitest';
import { caseFacts, evaluateCase, getProcedure } from '#shared/rules/index';
import type { CaseRecord, TimelineEvent } from '#shared/model/case';
import { customer } from '#test/support/cases';
import { buildActionEvent, type CaseActionId, defaultInput } from './index';
import { summaryInEnglish, summaryPhrase } from './summaries';

const record: CaseRecord = {
  id: 'case-1',
  reference: 'RDR-2026-000001',
  receivedOn: '2026-09-01',
  channel: 'in-person',
  customer: customer({ phone: '0113 496 0000' }),
  category: 'billing',
  summary: 'Charged twice',
  procedureId: 'kijoma',
  calendar: 'england-and-wales',
  stage: '',
  status: 'open',
  createdAt: '2026-09-01T10:00:00.000Z',
  updatedAt: '2026-09-01T10:00:00.000Z',
};
const received: TimelineEvent = {
  id: 'e0',
  caseId: record.id,
  type: 'received',
  on: record.receivedOn,
  at: '2026-09-01T09:00:00.000Z',
  by: 'Sam',
  summary: summaryInEnglish({
    kind: 'received',
    values: { how: { receivedBy: 'in-person' }, reference: record.reference },
  }),
};

function entry(id: CaseActionId, input: Record<string, string>): TimelineEvent {
  const ctx = {
    record,
    events: [received],
    evaluation: evaluateCase(caseFacts(record, [received]), '2026-09-10'),
    procedure: getProcedure('kijoma'),
    today: '2026-09-10',
    by: 'Sam Patel',
  };
  const r = buildActionEvent(id, { ...defaultInput(id, ctx), on: '2026-09-05', ...input }, ctx);
  if (!r.ok) throw new Error(r.message);
  return { id: 'e1', caseId: record.id, at: '2026-09-05T10:00:00.000Z', ...r.event } as TimelineEvent;
}

describe('timeline summaries as phrases', () => {
  it('writes the first entry from its phrase, and reads it back with the case’s channel and reference', () => {
    expect(received.summary).toBe('Complaint received by visit in person; logged as RDR-2026-000001');
    expect(summaryPhrase(received, { record })).toEqual({
      kind: 'received',
      values: { how: { receivedBy: 'in-person' }, reference: 'RDR-2026-000001' },
    });
    expect(summaryPhrase(received)).toBeNull();
  });

  it('reads each action’s entry back into the phrase it was written from', () => {
    const cases: Array<[CaseActionId, Record<string, string>, string]> = [
      ['acknowledge', { channel: 'email' }, 'Complaint acknowledged by email'],
      [
        'log-contact',
        { channel: 'web', direction: 'to-customer', summary: 'Left a message' },
        'Contacted the customer by web form: Left a message',
      ],
      ['send-update', { channel: 'phone', summary: 'Bills checked' }, 'Update sent by phone: Bills checked'],
      ['pause', { reason: 'Waiting for bills' }, 'Paused, waiting for the customer: Waiting for bills'],
      ['propose-resolution', { channel: 'letter', summary: 'A refund' }, 'Resolution proposed by letter: A refund'],
      [
        'record-payment',
        { kind: 'goodwill', amount: '25', currency: 'GBP', reason: 'Sorry' },
        'Goodwill payment of £25.00: Sorry',
      ],
      ['resolve', { summary: 'Refunded' }, 'Resolved: Refunded'],
      ['escalate', { reason: 'Not answered' }, 'Escalated from Customer services to Management review: Not answered'],
    ];
    for (const [id, input, words] of cases) {
      const e = entry(id, input);
      expect(e.summary, id).toBe(words);
      const p = summaryPhrase(e, { procedure: getProcedure('kijoma') });
      expect(p, id).not.toBeNull();
      expect(summaryInEnglish(p!), id).toBe(e.summary);
    }
    expect(
      summaryPhrase(entry('log-contact', { channel: 'web', direction: 'to-customer', summary: 'Left a message' })),
    ).toEqual({
      kind: 'with-details',
      values: { headline: { kind: 'contact-to', values: { channel: { channel: 'web' } } }, details: 'Left a message' },
    });
  });

  it('leaves an entry whose data does not say its summary as it is stored', () => {
    const e = entry('acknowledge', { channel: 'email' });
    expect(summaryPhrase({ ...e, summary: 'Acknowledgement letter sent (acknowledgement.pdf)' })).toBeNull();
    expect(summaryPhrase({ ...e, data: {} })).toBeNull();
    expect(summaryPhrase(entry('add-note', { summary: 'Called back' }))).toBeNull();
  });
});
