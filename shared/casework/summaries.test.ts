// The timeline entries' summaries as phrases (issue #17): every action's entry is written from a phrase, and its type
// and data read back into the same phrase (so the interface can say it), only when they say exactly the summary.
import { describe, expect, it } from 'vitest';
import { caseFacts, evaluateCase, getProcedure } from '#shared/rules/index';
import type { TimelineEvent } from '#shared/model/case';
import { caseRecord, customer } from '#test/support/cases';
import { buildActionEvent, type CaseActionId, defaultInput } from './index';
import { summaryInEnglish, summaryPhrase } from './summaries';

const record = caseRecord({
  receivedOn: '2026-09-01',
  channel: 'in-person',
  customer: customer({ phone: '0113 496 0000' }),
  createdAt: '2026-09-01T10:00:00.000Z',
  updatedAt: '2026-09-01T10:00:00.000Z',
});
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
    // A web form is called one thing everywhere: "received by web form", as the complaint's panel says it.
    expect(summaryInEnglish({ kind: 'received', values: { how: { receivedBy: 'web' }, reference: 'RDR-1' } })).toBe(
      'Complaint received by web form; logged as RDR-1',
    );
    // An entry written before then still reads back, so it is said in French too.
    const before = { ...received, summary: `Complaint received by web; logged as ${record.reference}` };
    expect(summaryPhrase(before, { record: { ...record, channel: 'web' } })).toEqual({
      kind: 'received',
      values: { how: { receivedBy: 'web' }, reference: record.reference },
    });
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

  // i17c: letters, hand-overs, corrections, voids, vulnerability and attachments.
  describe('the record-keeping entries', () => {
    const at = (type: TimelineEvent['type'], summary: string, data: Record<string, unknown>): TimelineEvent => ({
      id: 'e9',
      caseId: record.id,
      type,
      on: '2026-09-05',
      at: '2026-09-05T10:00:00.000Z',
      by: 'Sam',
      summary,
      data,
    });
    const rebuilt = (e: TimelineEvent) => {
      const p = summaryPhrase(e);
      expect(p, e.summary).not.toBeNull();
      return summaryInEnglish(p!);
    };
    const letter = { letterId: 'l1', kind: 'acknowledgement', fileName: 'RDR-1-acknowledgement.pdf', sha256: 'ab' };

    it('reads back every wording an issued letter was written with, as it was written before phrases', () => {
      // The summaries exactly as the letters screen and "Letters to post" wrote them.
      for (const summary of [
        'Acknowledgement letter issued (RDR-1-acknowledgement.pdf)',
        'Acknowledgement letter issued (RDR-1-acknowledgement.pdf; wording edited before issue)',
        'Acknowledgement letter issued (RDR-1-acknowledgement.pdf, printed for post in letters-2026-09-05.pdf)',
      ])
        expect(rebuilt(at('letter-issued', summary, letter))).toBe(summary);
      expect(
        summaryPhrase(at('letter-issued', 'Final response issued (RDR-1-acknowledgement.pdf)', letter)),
      ).toBeNull();
      expect(
        summaryPhrase(at('letter-issued', 'ADR letter issued (x.pdf)', { kind: 'mystery', fileName: 'x.pdf' })),
      ).toBeNull();
    });

    it('reads back what issuing a letter also records, with no data, as the letters screens write it', () => {
      const also = (type: TimelineEvent['type'], summary: string) => ({ ...at(type, summary, {}), data: undefined });
      for (const [type, summary] of [
        ['acknowledged', 'Complaint acknowledged by letter'],
        ['update-sent', 'Update sent by letter'],
        ['responded', 'Final response sent by letter'],
        ['adr-letter-sent', 'ADR letter sent (unresolved after 8 weeks)'],
        ['adr-letter-sent', 'ADR letter sent with our final position'],
        ['ccts-informed', 'Customer told about the CCTS by letter'],
      ] as const)
        expect(rebuilt(also(type, summary))).toBe(summary);
      expect(summaryPhrase(also('adr-letter-sent', 'ADR letter sent (unresolved after some weeks)'))).toBeNull();
      expect(summaryPhrase(also('responded', 'Response sent by letter'))).toBeNull();
    });

    it('reads back a report sent to the CCTS, by its portal or by another way, with or without a summary', () => {
      for (const [summary, data] of [
        ['Report sent to the CCTS through its portal', { sentBy: 'ccts-portal' }],
        ['Report sent to the CCTS by email: Credit offered', { sentBy: 'email', details: 'Credit offered' }],
        ['Report sent to the CCTS by letter', { sentBy: 'letter' }],
      ] as const)
        expect(rebuilt(at('ccts-report', summary, data))).toBe(summary);
      expect(summaryPhrase(at('ccts-report', 'Report sent to the CCTS by web form', { sentBy: 'web' }))).toBeNull();
    });

    it('reads back a withdrawn letter (as shared/letters/issued.ts writes it)', () => {
      const summary = 'Letter withdrawn (RDR-1-acknowledgement.pdf): Wrong address';
      expect(rebuilt(at('letter-withdrawn', summary, { ...letter, reason: 'Wrong address' }))).toBe(summary);
    });

    it('reads back a hand-over and a first assignment, with or without a reason', () => {
      for (const [summary, data] of [
        [
          'Handed over from Sam Patel to Alex Roy: Sam is on leave',
          { from: 'Sam Patel', to: 'Alex Roy', reason: 'Sam is on leave' },
        ],
        ['Handed over from Sam Patel to Alex Roy', { from: 'Sam Patel', to: 'Alex Roy' }],
        ['Assigned to Alex Roy', { from: null, to: 'Alex Roy' }],
      ] as const)
        expect(rebuilt(at('reassigned', summary, data))).toBe(summary);
      expect(summaryPhrase(at('reassigned', 'Assigned to Alex Roy', { from: 'Sam', to: 'Alex Roy' }))).toBeNull();
    });

    it('reads back a vulnerability change from the entry the action writes', () => {
      const e = entry('record-vulnerability', { details: 'Hard of hearing', reason: 'reasonable-adjustments' });
      expect(e.summary).toBe('Vulnerability details recorded');
      expect(summaryPhrase(e)).toEqual({ kind: 'vulnerability-recorded' });
      expect(rebuilt(at('vulnerability', 'Vulnerability details removed', { change: 'removed' }))).toBe(
        'Vulnerability details removed',
      );
    });

    it('reads back a correction, its values as the entry wrote them', () => {
      const e = entry('correct-facts', { channel: 'letter', reason: 'It came by post' });
      expect(e.summary).toBe('Corrected channel in-person → letter: It came by post');
      expect(rebuilt(e)).toBe(e.summary);
      expect(summaryPhrase(e)?.values?.changes).toEqual({
        changes: [{ field: 'channel', from: { channel: 'in-person' }, to: { channel: 'letter' } }],
      });
    });

    it('reads back a correction of who acts for the customer and of the procedure, by name and with the day as data', () => {
      const e = entry('correct-facts', {
        repName: 'Ravi Shah',
        repRelationship: 'Son',
        repAuthority: 'written-consent',
        repAuthorityOn: '2026-09-04',
        procedureId: 'ofcom',
        reason: 'Consent form arrived',
      });
      expect(e.summary).toBe(
        'Corrected procedure Kijoma Broadband complaints procedure → Ofcom baseline procedure; ' +
          'representative (none) → Ravi Shah (Son), written consent (2026-09-04): Consent form arrived',
      );
      expect(rebuilt(e)).toBe(e.summary);
      expect(summaryPhrase(e)?.values?.changes).toEqual({
        changes: [
          { field: 'procedureId', from: 'Kijoma Broadband complaints procedure', to: 'Ofcom baseline procedure' },
          {
            field: 'representative',
            from: { none: true },
            to: {
              representative: {
                name: 'Ravi Shah',
                relationship: 'Son',
                authority: { kind: 'written-consent', on: '2026-09-04' },
              },
            },
          },
        ],
      });
    });

    it('still reads back a correction written before: procedures by id, values cut at 40 characters', () => {
      const summary =
        'Corrected procedure kijoma → ofcom; representative (none) → Ravi Shah (son), written consent (2026-…: Moved';
      const e = at('corrected', summary, {
        changed: ['procedureId', 'representative'],
        before: { procedureId: 'kijoma', representative: null },
        after: {
          procedureId: 'ofcom',
          representative: {
            name: 'Ravi Shah',
            relationship: 'son',
            authority: { kind: 'written-consent', on: '2026-12-05' },
          },
        },
        reason: 'Moved',
      });
      expect(summaryPhrase(e)?.values?.changes).toEqual({
        changes: [
          { field: 'procedureId', from: 'kijoma', to: 'ofcom' },
          { field: 'representative', from: { none: true }, to: 'Ravi Shah (son), written consent (2026-…' },
        ],
      });
      expect(rebuilt(e)).toBe(summary);
    });

    it('reads back a void, the voided entry’s summary quoted as it was', () => {
      const summary = 'Voided “Update sent by phone: Bills checked” of 2026-09-05: Logged on the wrong case';
      const e = at('voided', summary, {
        entryId: 'e1',
        entryType: 'update-sent',
        entryOn: '2026-09-05',
        reason: 'Logged on the wrong case',
      });
      expect(summaryPhrase(e)?.values).toEqual({
        entry: 'Update sent by phone: Bills checked',
        on: { day: '2026-09-05' },
        reason: 'Logged on the wrong case',
      });
      expect(rebuilt(e)).toBe(summary);
    });

    it('reads back attachments added and removed (as shared/files/entries.ts writes them)', () => {
      const added = { attachmentId: 'a1', fileName: 'bill.pdf', kind: 'evidence', note: '', sha256: 'cd' };
      expect(rebuilt(at('attachment-added', 'Evidence attached: bill.pdf', added))).toBe('Evidence attached: bill.pdf');
      expect(
        rebuilt(
          at('attachment-added', 'Evidence attached: bill.pdf (October bill)', { ...added, note: 'October bill' }),
        ),
      ).toBe('Evidence attached: bill.pdf (October bill)');
      const removed = 'Attachment removed: bill.pdf (the file was deleted). Reason: Wrong file';
      const data = {
        attachmentId: 'a1',
        kind: 'evidence',
        fileName: 'bill.pdf',
        reason: 'Wrong file',
        fileDeleted: true,
      };
      expect(rebuilt(at('attachment-removed', removed, data))).toBe(removed);
      // Written before the entry kept the file's name: the name is read from the summary.
      const older = at('attachment-removed', 'Attachment removed: bill.pdf. Reason: Wrong file', {
        attachmentId: 'a1',
        kind: 'evidence',
        reason: 'Wrong file',
        fileDeleted: false,
      });
      expect(summaryPhrase(older)?.values?.file).toBe('bill.pdf');
      expect(rebuilt(older)).toBe(older.summary);
      expect(summaryPhrase({ ...older, data: { ...older.data, fileDeleted: true } })).toBeNull();
    });
  });
});
