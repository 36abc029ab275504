// An email dropped on a case is a contact from the customer: one 'log-contact' entry like any other, dated the email's
// date in the desk's zone (an email sent after midnight in +01:00 is the day before in London), summary the subject.
import 'fake-indexeddb/auto';
import '#test/support/windows-1252';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { contactFromEmail } from '#shared/mail/intake';
import { caseFacts } from '#shared/rules/facts';
import { deskSettings } from '#test/support/desk';
import { newCaseParts } from '#test/support/cases';
import { addAttachments } from './attachments';
import { performAction } from './case-actions';
import { createCase } from './cases';
import { logEmailContact } from './email-contact';
import { RedressDatabase } from '../schema';
import { countEntries, readTimeline } from '../timeline';

const mail = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../../test/fixtures/mail/${name}`, import.meta.url)));
const settings = deskSettings();
const clock = { now: () => new Date('2026-11-20T10:00:00Z') };
const opened: RedressDatabase[] = [];
afterEach(() => {
  for (const d of opened.splice(0)) d.close();
});

describe('logEmailContact', () => {
  it('records one contact from the customer by email, dated in the desk’s zone, the subject as its summary', async () => {
    const database = new RedressDatabase(`redress-email-contact-${process.pid}`);
    opened.push(database);
    const record = await createCase(
      database,
      { ...newCaseParts(), receivedOn: '2026-11-01' },
      { settings, by: 'Sam', clock },
    );
    // Attached first (an entry dated today, the 20th): the contact is still dated the email's own day.
    const eml = new Blob([mail('outlook-accented-cp1252-pdf.eml') as BlobPart]);
    const [added] = await addAttachments(
      database,
      record.id,
      [{ fileName: 'Complaint.eml', bytes: eml, kind: 'email' }],
      'Kim Lee',
      clock,
    );
    expect(added?.ok).toBe(true);
    const event = await logEmailContact(
      database,
      record.id,
      { fileName: 'Complaint.eml', bytes: eml },
      { by: 'Kim Lee', today: '2026-11-20', timeZone: 'Europe/London', clock },
    );
    expect(event).toMatchObject({
      type: 'contact',
      on: '2026-11-02',
      by: 'Kim Lee',
      data: { channel: 'email', direction: 'from-customer' },
    });
    expect(event.summary).toBe(
      'The customer got in touch by email: Complaint – early termination fee on my October bill',
    );
    const stored = await readTimeline(database, record.id);
    expect(stored.filter((e) => e.type === 'contact')).toHaveLength(1);
    // The rules engine does not count contacts (no procedure's clock depends on one): it leaves them out.
    expect(caseFacts(record, stored).events.map((e) => e.type)).not.toContain('contact');
  });

  it('an email sent before the last entry on the timeline is dated that entry’s day, saying when it was sent', async () => {
    const database = new RedressDatabase(`redress-email-contact-${process.pid}-c`);
    opened.push(database);
    const record = await createCase(
      database,
      { ...newCaseParts(), receivedOn: '2026-11-01' },
      { settings, by: 'Sam', clock },
    );
    await performAction(
      database,
      record.id,
      'acknowledge',
      { on: '2026-11-06', channel: 'email' },
      {
        by: 'Sam',
        today: '2026-11-20',
        clock,
      },
    );
    const event = await logEmailContact(
      database,
      record.id,
      { fileName: 'Complaint.eml', bytes: mail('outlook-accented-cp1252-pdf.eml') },
      { by: 'Sam', today: '2026-11-20', timeZone: 'Europe/London', clock },
    );
    expect(event.on).toBe('2026-11-06');
    expect(event.summary).toMatch(/October bill \(sent 2026-11-02\)$/); // the default words; the dialog gives the day in words
  });

  it('a file that is not an email is refused with the reason and records nothing', async () => {
    const database = new RedressDatabase(`redress-email-contact-${process.pid}-b`);
    opened.push(database);
    const record = await createCase(database, newCaseParts(), { settings, by: 'Sam', clock });
    const before = await countEntries(database);
    await expect(
      logEmailContact(
        database,
        record.id,
        { fileName: 'bill.pdf', bytes: mail('bill-october-2026.pdf') },
        {
          by: 'Kim',
          today: '2026-11-20',
          timeZone: 'Europe/London',
        },
      ),
    ).rejects.toThrow(/This file is not an email: “bill.pdf”/);
    expect(await countEntries(database)).toBe(before);
  });
});

describe('contactFromEmail', () => {
  const desk = { today: '2026-11-20', timeZone: 'Europe/London', notBefore: '2026-11-10' };
  it('an undated or future-dated email is today; one sent before the last entry (or the complaint) is that day, saying when it was sent', () => {
    expect(contactFromEmail({ subject: 'Refund', date: null }, desk).on).toBe('2026-11-20');
    expect(contactFromEmail({ subject: 'Refund', date: '2027-01-01T00:00:00Z' }, desk).on).toBe('2026-11-20');
    expect(contactFromEmail({ subject: '', date: '2026-11-03T09:00:00Z' }, desk)).toEqual({
      on: '2026-11-10',
      channel: 'email',
      direction: 'from-customer',
      summary: '(no subject) (sent 2026-11-03)',
    });
  });

  it('adds its words in the language of the desk dropping it (explore33-team #4)', () => {
    const words = { noSubject: '(sans objet)', sent: (on: string) => `(envoyé le ${on})` };
    expect(contactFromEmail({ subject: '', date: '2026-11-03T09:00:00Z' }, { ...desk, words }).summary).toBe(
      '(sans objet) (envoyé le 2026-11-03)',
    );
  });
});
