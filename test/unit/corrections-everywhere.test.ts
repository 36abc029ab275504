// Corrections and voids everywhere the data goes (#15): reports and anonymisation read the same void-filtered timeline.
import { describe, expect, it } from 'vitest';
import { anonymiseCase } from '#shared/privacy/anonymise';
import { summariseCase } from '#shared/reports/summary';
import { caseRecord, Desk } from '#test/support/case-desk';

const record = caseRecord;

describe('corrections and voids in reports and anonymisation', () => {
  it('a voided entry counts nowhere in the reports, before and after anonymisation', () => {
    const desk = new Desk(record(), '2026-12-02');
    desk.do('record-deadlock', { on: '2026-11-28', summary: 'No refund' });
    const letter = desk.do('adr-letter-sent', { on: '2026-11-28' });
    expect(summariseCase(desk.record, desk.events, desk.today).adrLettersSent).toEqual(['2026-11-28']);
    desk.do('void-entry', { entryId: letter.id, reason: 'Recorded on the wrong case' });
    expect(summariseCase(desk.record, desk.events, desk.today).adrLettersSent).toEqual([]);
    // The deadlock of 28 November made the letter due at once: without the voided letter it is missed again.
    expect(summariseCase(desk.record, desk.events, desk.today).adrLetterState).toBe('missed');
    const anon = anonymiseCase(desk.record, desk.events, { on: '2026-12-02', at: '2026-12-02T12:00:00.000Z' });
    const voidEntry = anon.events.find((e) => e.type === 'voided')!;
    expect(voidEntry.data).toEqual({ entryId: letter.id, entryType: 'adr-letter-sent', entryOn: '2026-11-28' });
    expect(voidEntry.summary).toBe('An entry was voided');
    expect(summariseCase(anon.record, anon.events, desk.today).adrLettersSent).toEqual([]);
  });
  it('corrections anonymise without their old and new personal values', () => {
    const desk = new Desk(record(), '2026-12-02');
    desk.do('correct-facts', {
      summary: 'Charged twice for the router',
      repName: 'Ann Lee',
      repRelationship: 'Daughter',
      repAuthority: 'other',
      repAuthorityOn: '2026-12-01',
      repAuthorityDetails: 'Court order',
      reason: 'Ann Lee phoned',
    });
    const anon = anonymiseCase(desk.record, desk.events, { on: '2026-12-02', at: '2026-12-02T12:00:00.000Z' });
    const text = JSON.stringify(anon.events);
    for (const s of ['Ann Lee', 'router', 'Court order', 'Daughter']) expect(text).not.toContain(s);
    expect(anon.events.find((e) => e.type === 'corrected')?.summary).toBe("The complaint's facts were corrected");
  });
});
