// The intake form filled in from each email fixture.
import '#test/support/windows-1252';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { validateIntake, emptyIntakeForm } from '#shared/model/intake';
import { STORED_LIMITS } from '#shared/model/stored';
import {
  EMAIL_SUMMARY_SUBJECT_CHARS,
  dateInZone,
  emailReceivedOn,
  fillFromEmail,
  firstParagraphs,
  intakeFromEmail,
  isFromAddress,
  newWords,
  senderName,
} from './intake';
import { parseEmail, type ParsedEmail } from './parse';

const desk = { today: '2026-12-02', timeZone: 'Europe/London' };

async function parsed(name: string): Promise<ParsedEmail> {
  const bytes = new Uint8Array(readFileSync(new URL(`../../test/fixtures/mail/${name}`, import.meta.url)));
  const result = await parseEmail(bytes, name);
  if (!result.ok) throw new Error(result.error);
  return result.email;
}

describe('intakeFromEmail on the fixtures', () => {
  test('Outlook: name and address from the sender, the date in the desk’s zone, the subject and the new words', async () => {
    const email = await parsed('outlook-accented-cp1252-pdf.eml');
    const fields = intakeFromEmail(email, desk);
    expect(fields).toMatchObject({
      channel: 'email',
      customerName: 'Renée Lefèvre',
      email: 'renee.lefevre@example.org',
    });
    // Sent Tue 3 Nov 00:30:58 +0100 = 2 Nov 23:30:58 UTC: 2 November in London, 3 November in Paris.
    expect(fields.receivedOn).toBe('2026-11-02');
    expect(intakeFromEmail(email, { ...desk, timeZone: 'Europe/Paris' }).receivedOn).toBe('2026-11-03');
    expect(fields.summary).toBe(
      'Complaint – early termination fee on my October bill\n\n' +
        'Dear Kijoma Broadband,\n\n' +
        'I am writing to complain about my October bill. You charged me an early termination fee of €180 although I moved to your “Fibre 500” plan on your own advice, and I was told on the phone that no fee would apply.\n\n' +
        'I have attached the bill. Please refund the fee and confirm in writing. I’d also like to know why nobody called me back as promised on 21 October.',
    );
    // The sign-off and the quoted "-----Original Message-----" are cut.
    expect(fields.summary).not.toMatch(/Kind regards|Original Message|Your bill is ready/);
  });

  test('Gmail: the signature ("--") and the quoted reply are cut', async () => {
    const fields = intakeFromEmail(await parsed('gmail-utf8-reply-signature.eml'), desk);
    expect(fields.customerName).toBe('Siobhán Ó Briain');
    expect(fields.receivedOn).toBe('2026-11-04');
    expect(
      fields.summary.startsWith('Re: Engineer visit KJ-88120 - still no broadband in the evenings\n\nHello,'),
    ).toBe(true);
    expect(fields.summary).toContain('a refund for the weeks without service.');
    expect(fields.summary).not.toMatch(/Translator|07700|wrote:|> Our engineer/);
  });

  test('Apple Mail: "Sent from my iPad" and the closing are cut; Thunderbird: the forwarded email is not in the summary', async () => {
    const apple = intakeFromEmail(await parsed('apple-mail-inline-image.eml'), desk);
    expect(apple.summary).toMatch(/nine years\.$/);
    expect(apple.receivedOn).toBe('2026-11-09');
    const tb = intakeFromEmail(await parsed('thunderbird-latin1-forwarded.eml'), desk);
    expect(tb.customerName).toBe('Gwën Harri');
    expect(tb.summary).toContain('£45');
    expect(tb.summary).not.toContain('Heol y Bont');
  });

  test('HTML-only: the summary is the text of the HTML, without the script', async () => {
    const fields = intakeFromEmail(await parsed('html-only-remote-content.eml'), desk);
    expect(fields.customerName).toBe('Dev Patel');
    expect(fields.summary).toContain('My direct debit was taken twice this month');
    expect(fields.summary).not.toMatch(/fetch|tracker/);
    // Sent 12:00 -05:00 = 17:00 UTC on 3 November.
    expect(fields.receivedOn).toBe('2026-11-03');
  });

  test('Outlook .msg: sender from the message, the RTF-only body in the summary', async () => {
    const fields = intakeFromEmail(await parsed('outlook-rtf-only.msg'), desk);
    expect(fields).toEqual({
      receivedOn: '2023-11-01',
      channel: 'email',
      customerName: 'hmailuser',
      email: 'hmailuser@hmailserver.test',
      title: '',
      summary: 'attachmentFiles\n\nattachmentFiles',
    });
  });

  test('Outlook .msg: an RTF-only body that is only a no-break space adds nothing to the summary', async () => {
    const fields = intakeFromEmail(await parsed('outlook-attachandinline.msg'), desk);
    expect(fields.summary).toBe('Attach and inline');
  });

  test.each([
    'outlook-accented-cp1252-pdf.eml',
    'gmail-utf8-reply-signature.eml',
    'apple-mail-inline-image.eml',
    'thunderbird-latin1-forwarded.eml',
    'html-only-remote-content.eml',
    'outlook-subject.msg',
    'outlook-msginmsg.msg',
  ])('%s: the filled-in form passes the intake checks once a category is chosen', async (name) => {
    const email = await parsed(name);
    const form = { ...emptyIntakeForm(desk.today), ...intakeFromEmail(email, desk), category: 'billing' };
    if (!form.customerName) form.customerName = 'Typed by the handler';
    if (!form.email) form.phone = '020 7946 0000';
    const result = validateIntake(form, desk.today, { by: 'Sam' });
    expect(result.ok ? 'ok' : result.errors).toBe('ok');
  });
});

describe('the pieces', () => {
  test('dateInZone gives the calendar date in the zone', () => {
    expect(dateInZone('2026-03-29T00:30:00Z', 'Europe/London')).toBe('2026-03-29');
    expect(dateInZone('2026-07-01T23:30:00Z', 'Europe/London')).toBe('2026-07-02');
    expect(dateInZone('2026-07-02T03:00:00Z', 'America/Toronto')).toBe('2026-07-01');
    expect(dateInZone('not a date', 'Europe/London')).toBeNull();
  });

  test('an email dated after the desk’s today, or not dated, is taken as received today', () => {
    const email: ParsedEmail = {
      format: 'eml',
      from: { name: '', address: 'a@example.org' },
      to: [],
      cc: [],
      date: '2027-01-05T10:00:00Z',
      subject: 'Hello',
      text: 'Body',
      attachments: [],
    };
    expect(intakeFromEmail(email, desk).receivedOn).toBe(desk.today);
    expect(intakeFromEmail({ ...email, date: null }, desk).receivedOn).toBe(desk.today);
  });

  test('invisible characters are removed, line breaks in the name become spaces, the summary stays within its limit', () => {
    const email: ParsedEmail = {
      format: 'eml',
      from: { name: '"Ann\u202e Lee"', address: 'ann@example.org' },
      to: [],
      cc: [],
      date: null,
      subject: 'Sub\u200bject',
      text: `${'word '.repeat(3000)}\n\nSecond paragraph`,
      attachments: [],
    };
    const fields = intakeFromEmail(email, desk);
    expect(fields.customerName).toBe('Ann Lee');
    expect(fields.summary.startsWith('Subject\n\nword word')).toBe(true);
    expect(fields.summary.length).toBeLessThanOrEqual(STORED_LIMITS.summary);
    expect(fields.summary.endsWith('…')).toBe(true);
    expect(fields.summary).not.toContain('Second paragraph');
  });

  test('newWords stops at an Outlook quoted header block; firstParagraphs keeps whole paragraphs', () => {
    expect(newWords('Please call me.\n\nFrom: Desk <d@example.org>\nSent: 1 May 2026\n\nOld text')).toBe(
      'Please call me.',
    );
    expect(newWords('From: the start of my story\nit goes on')).toBe('From: the start of my story\nit goes on');
    expect(firstParagraphs('One.\n\nTwo two.\n\nThree three three.', 15)).toBe('One.\n\nTwo two.');
  });
});

describe('filling a form the handler has started from an email', () => {
  const untouched = { receivedOn: '2026-12-06', channel: '', customerName: '', email: '', title: '', summary: '' };
  const email = {
    receivedOn: '2026-12-04',
    channel: 'email',
    customerName: '',
    email: 'customer@example.com',
    title: '' as const,
    summary: 'Refund\n\nPlease refund the second charge.',
  };

  test('fills a form not started yet', () => {
    expect(fillFromEmail(untouched, untouched, email)).toEqual({ values: { ...email, customerName: '' }, kept: [] });
  });

  test('keeps what the handler typed, lists where the email differs, and never blanks a field it has nothing for', () => {
    const typed = {
      receivedOn: '2026-12-01',
      channel: 'phone',
      customerName: 'Dev Patel',
      email: '',
      title: '',
      summary: 'Rang on 1 Dec: charged twice for October.',
    };
    const { values, kept } = fillFromEmail(typed, untouched, email);
    expect(values).toEqual({ ...typed, email: 'customer@example.com' });
    expect(kept).toEqual(['receivedOn', 'channel', 'summary']);
  });
});

describe('the day an email was received', () => {
  const desk = { today: '2026-12-06', timeZone: 'Europe/London' };
  test('is the day it was sent, where the desk is; an undated or future email is today, and says so', () => {
    expect(emailReceivedOn({ date: '2026-12-04T23:30:00-05:00' }, desk)).toEqual({
      receivedOn: '2026-12-05',
      fromEmail: true,
    });
    expect(emailReceivedOn({ date: null }, desk)).toEqual({ receivedOn: '2026-12-06', fromEmail: false });
    expect(emailReceivedOn({ date: '2027-03-01T10:00:00Z' }, desk)).toEqual({
      receivedOn: '2026-12-06',
      fromEmail: false,
    });
    expect(emailReceivedOn({ date: 'not a date' }, desk)).toEqual({ receivedOn: '2026-12-06', fromEmail: false });
  });
});

const plain = (over: Partial<ParsedEmail>): ParsedEmail => ({
  format: 'eml',
  from: { name: '', address: 'someone@example.com' },
  to: [],
  cc: [],
  date: '2026-12-01T10:00:00Z',
  subject: 'Hello',
  text: 'Body',
  attachments: [],
  ...over,
});

describe('the sender’s name (explore39-letters #3)', () => {
  test('Outlook’s "Last, First (Title)" is turned round, its title taken, and says what it was', () => {
    expect(senderName('Smith, John (Mr)')).toEqual({ name: 'John Smith', title: 'mr', writtenAs: 'Smith, John (Mr)' });
    expect(senderName('Smith, John')).toEqual({ name: 'John Smith', title: '', writtenAs: 'Smith, John' });
    expect(senderName("O'Brien, Zoë (Dr.)")).toMatchObject({ name: "Zoë O'Brien", title: 'dr' });
    expect(senderName('Lovelace, Ada [Ms]')).toMatchObject({ name: 'Ada Lovelace', title: 'ms' });
    expect(senderName('Smith, Mrs Jane')).toMatchObject({ name: 'Jane Smith', title: 'mrs' });
    expect(senderName('Crawley-Pelham, Marigold Anne')).toMatchObject({ name: 'Marigold Anne Crawley-Pelham' });
    expect(senderName('SMITH, John (Jr)')).toMatchObject({ name: 'John SMITH Jr', title: '' });
    expect(senderName('de la Cruz, María')).toMatchObject({ name: 'María de la Cruz' });
    // A title the form has no choice for ("Miss", "Prof", the French "Mme") is left out of the name, Title left to
    // the handler; "M." is Mr.
    expect(senderName('Smith, Jane (Miss)')).toEqual({
      name: 'Jane Smith',
      title: '',
      writtenAs: 'Smith, Jane (Miss)',
    });
    expect(senderName('Tremblay, Mme Renée')).toMatchObject({ name: 'Renée Tremblay', title: '' });
    expect(senderName('Côté, François (M.)')).toMatchObject({ name: 'François Côté', title: 'mr' });
    expect(senderName('Hopper, Prof. Grace')).toMatchObject({ name: 'Grace Hopper', title: '' });
    expect(senderName('Smith, M. John')).toMatchObject({ name: 'M. John Smith', title: '' });
  });

  test('a name without a comma, or one that may be a company or not a name, is left as written', () => {
    for (const name of [
      'John Smith',
      'Mr John Smith',
      'Smith, Jones & Co',
      'Smith and Jones, Solicitors',
      'Acme, Ltd',
      'Northwind Broadband, Ltd.',
      'Smith, John, Jr',
      'Smith, John (Finance)',
      'Smith, John Paul George Ringo Starr',
      'Flat 4, 22 High Street',
      'Smith,',
      ', John',
      'Tremblay, Services Inc',
    ])
      expect(senderName(name)).toEqual({ name, title: '' });
  });

  test('the intake fills Name and Title from it', () => {
    const fields = intakeFromEmail(
      plain({ from: { name: 'Smith, John (Mr)', address: 'john.smith@example.com' } }),
      desk,
    );
    expect(fields).toMatchObject({ customerName: 'John Smith', title: 'mr', email: 'john.smith@example.com' });
  });
});

describe('a second email read into the form (explore39-letters #6)', () => {
  const first = intakeFromEmail(
    plain({
      from: { name: 'Smith, John (Mr)', address: 'john@example.com' },
      subject: 'Refund',
      text: 'Still waiting.',
    }),
    desk,
  );
  const second = intakeFromEmail(
    plain({
      from: { name: 'Zoë O’Brien', address: 'zoe@example.co.uk' },
      date: '2026-11-30T10:00:00Z',
      subject: 'Broadband outage',
      text: 'Down since 28 November.',
    }),
    desk,
  );
  const untouched = { receivedOn: desk.today, channel: '', customerName: '', email: '', title: '', summary: '' };

  test('replaces what the first email filled in, not keeping it as if typed', () => {
    const afterFirst = fillFromEmail(untouched, untouched, first).values;
    const { values, kept } = fillFromEmail(afterFirst, untouched, second, first);
    expect(values).toEqual(second);
    expect(kept).toEqual([]);
  });

  test('keeps what the handler typed over the first email, and clears what only the first email said', () => {
    const afterFirst = { ...fillFromEmail(untouched, untouched, first).values, summary: 'Typed by the handler' };
    const noName = { ...second, customerName: '', title: '' as const };
    const { values, kept } = fillFromEmail(afterFirst, untouched, noName, first);
    expect(values).toEqual({ ...noName, summary: 'Typed by the handler' });
    expect(kept).toEqual(['summary']);
  });
});

describe('a very long subject (explore39-letters #11)', () => {
  test('is cut at a word in the summary, the body still follows', () => {
    const subject = 'my bill being wrong again and again '.repeat(60).trim();
    const fields = intakeFromEmail(plain({ subject, text: 'I was charged twice.' }), desk);
    const [first, rest] = fields.summary.split('\n\n');
    expect(first.length).toBeLessThanOrEqual(EMAIL_SUMMARY_SUBJECT_CHARS);
    expect(first).toMatch(/again…$|wrong…$|being…$|bill…$|my…$/);
    expect(rest).toBe('I was charged twice.');
  });
});

describe('whether an email came from the case’s customer (explore39-letters #5)', () => {
  test('the sender’s address is one on file, whatever its case and spaces', () => {
    expect(isFromAddress({ name: 'Ada', address: 'Ada@Example.com ' }, ['ada@example.com'])).toBe(true);
    expect(isFromAddress({ name: 'Zoë', address: 'zoe@example.co.uk' }, ['ada@example.com', undefined])).toBe(false);
    expect(isFromAddress({ name: 'Zoë', address: 'zoe@example.co.uk' }, [])).toBe(false);
    expect(isFromAddress(null, ['ada@example.com'])).toBe(false);
    expect(isFromAddress({ name: '', address: '' }, [''])).toBe(false);
  });
});
