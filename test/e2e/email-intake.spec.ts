// A complaint that arrives by email (issue #18): the customer's .eml dropped on the window opens New complaint filled
// in from it; the email shows in the app with its HTML sanitised and its PDF attachment downloadable byte for byte;
// a file that is not an email is refused with the reason.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { axeViolations } from '#test/support/axe';
import { adaByLetter, chooseOption, expect, logComplaint, setUpDesk, submitComplaint, test } from './fixtures';

const mail = (name: string) => readFileSync(new URL(`../fixtures/mail/${name}`, import.meta.url));
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const shotDir = process.env.SHOTS_DIR ?? '/tmp/m18-shots';
mkdirSync(shotDir, { recursive: true });

/** A notification's words. */
const notice = (page: Page, text: string) => page.locator('.mantine-Notification-description', { hasText: text });

/** Drop a file on the page as the system does: a drag carrying it, then the drop, on the main area. */
async function dropFile(page: Page, name: string, bytes: Buffer, type: string) {
  await page.evaluate(
    ({ name, b64, type }) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, { type }));
      const target = document.querySelector('main') ?? document.body;
      for (const kind of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    },
    { name, b64: bytes.toString('base64'), type },
  );
}

test('an email dropped on the window opens New complaint filled in; the email and its PDF open; it is logged', async ({
  page,
}) => {
  const remote: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1') && !r.url().startsWith('http://localhost')) remote.push(r.url());
  });
  await setUpDesk(page);
  await page.getByRole('link', { name: 'Cases', exact: true }).click();

  // A file that is not an email is refused with the reason, and nothing opens.
  await dropFile(page, 'bill.pdf', mail('bill-october-2026.pdf'), 'application/pdf');
  await expect(notice(page, 'This file is not an email: “bill.pdf”: it is not text with mail headers')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();

  // The Outlook email: accented sender (RFC 2047), Windows-1252 quoted-printable body, a PDF attached.
  await dropFile(page, 'Complaint.eml', mail('outlook-accented-cp1252-pdf.eml'), 'message/rfc822');
  await expect(page.getByRole('heading', { name: 'New complaint', level: 1 })).toBeVisible();
  await expect(page.getByTestId('from-email')).toContainText(
    'From the email “Complaint – early termination fee on my October bill” — it will be attached to the case',
  );
  await expect(page.locator('input[name="customerName"]')).toHaveValue('Renée Lefèvre');
  await expect(page.locator('input[name="email"]')).toHaveValue('renee.lefevre@example.org');
  await expect(page.getByRole('combobox', { name: 'Channel' })).toHaveValue('Email');
  const summary = page.locator('textarea[name="summary"]');
  await expect(summary).toHaveValue(/^Complaint – early termination fee on my October bill\n\nDear Kijoma Broadband,/);
  await expect(summary).toHaveValue(/fee of €180 although I moved to your “Fibre 500” plan/);
  await expect(summary).not.toHaveValue(/Original Message/);
  // Sent 3 Nov 2026 00:30 +01:00: 2 November at a desk in London.
  await expect(page.getByLabel('Date received')).toHaveValue(/2 Nov(ember)? 2026|2026-11-02|02\/11\/2026/);
  await page.screenshot({ path: `${shotDir}/email-intake-prefilled.png`, fullPage: true });

  // The email itself, as sent: sender, recipients, date, body; its PDF downloads with the exact bytes.
  await page.getByRole('button', { name: 'Show the email' }).click();
  const view = page.getByRole('dialog', { name: 'Email preview' });
  await expect(view.getByRole('table', { name: 'Email details' })).toContainText(
    'Renée Lefèvre <renee.lefevre@example.org>',
  );
  await expect(view.getByRole('table', { name: 'Email details' })).toContainText(
    'José Lefèvre <jose.lefevre@example.org>',
  );
  await expect(view.getByTestId('email-body')).toContainText('fee of €180 although I moved to your “Fibre 500” plan');
  const downloading = page.waitForEvent('download');
  await view.getByRole('button', { name: 'Download Bill October 2026.pdf' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Bill October 2026.pdf');
  const saved = readFileSync(await download.path());
  expect(sha(saved)).toBe(sha(mail('bill-october-2026.pdf')));
  await page.screenshot({ path: `${shotDir}/email-view.png`, fullPage: true });
  await page.keyboard.press('Escape');

  await chooseOption(page, 'Category', 'Billing');
  await submitComplaint(page);
  await expect(page.getByRole('heading', { level: 1, name: /^[A-Z0-9]+-\d{4}-\d{6}$/ })).toBeVisible();
  await expect(page.getByText('Renée Lefèvre').first()).toBeVisible();
  // The email it came in is on the case, with its own timeline entry.
  await expect(page.getByText(/attached: Complaint\.eml \(The email the complaint came in\)/).first()).toBeVisible();
  expect(remote).toEqual([]);
});

test('an HTML-only email is shown without scripts, forms or anything remote; the picker is the keyboard way', async ({
  page,
}) => {
  const remote: string[] = [];
  page.on('request', (r) => {
    if (/tracker\.example|example\.org/.test(r.url())) remote.push(r.url());
  });
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await setUpDesk(page);
  await page.getByRole('link', { name: 'New complaint' }).click();
  await page.getByLabel('Email file').setInputFiles({
    name: 'Direct debit.eml',
    mimeType: 'message/rfc822',
    buffer: mail('html-only-remote-content.eml'),
  });
  await expect(page.locator('input[name="customerName"]')).toHaveValue('Dev Patel');
  await expect(page.locator('textarea[name="summary"]')).toHaveValue(/My direct debit was taken twice this month/);
  await page.getByRole('button', { name: 'Show the email' }).click();
  const body = page.getByRole('dialog', { name: 'Email preview' }).getByTestId('email-body');
  await expect(body).toContainText('My direct debit was taken twice this month');
  const html = await body.innerHTML();
  expect(html).not.toMatch(/<script|<form|<input|<link|<style|onerror|srcset|javascript:|tracker\.example/i);
  expect(html).toContain('href="https://example.org/help"');
  expect(await body.locator('img[src]').count()).toBe(0);
  expect(dialogs).toEqual([]);
  expect(remote).toEqual([]);

  // A file that is not an email, picked: refused with the reason; the form keeps what it had.
  await page.keyboard.press('Escape');
  await page
    .getByLabel('Email file')
    .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Call back on Monday.\n') });
  await expect(
    notice(page, 'This file is not an email: “notes.txt”: it does not start with mail headers'),
  ).toBeVisible();
  await expect(page.locator('input[name="customerName"]')).toHaveValue('Dev Patel');
});

/** An email as a mail program saves it: headers, a blank line, the body (the tester's fixtures, explore39-letters). */
const eml = (headers: string, body: string) =>
  Buffer.from(
    `${headers.trim()}\r\nMIME-Version: 1.0\r\n${body.startsWith('Content-Type') ? '' : 'Content-Type: text/plain; charset=utf-8\r\n\r\n'}${body}`.replace(
      /\r?\n/g,
      '\r\n',
    ),
  );
const lastFirst = eml(
  `From: "Smith, John (Mr)" <john.smith@example.com>
To: complaints@northwind.example
Subject: Re: FW: RE: Your ref RDR-2026-000001 - still no refund
Date: Sun, 06 Dec 2026 22:10:00 +0000`,
  `Still waiting for my refund.

John

-----Original Message-----
From: Northwind
Sent: 1 Dec 2026
We are looking into it.`,
);
const zoeHtml = eml(
  `From: "Zoë O'Brien" <zoe.obrien@example.co.uk>
To: complaints@northwind.example
Subject: =?UTF-8?B?QnJvYWRiYW5kIG91dGFnZSDigJMgcGhvdG8gb2Ygcm91dGVyIGF0dGFjaGVkIOKclA==?=
Date: Fri, 04 Dec 2026 23:45:00 +0000`,
  `Content-Type: text/html; charset=utf-8

<html><head><script>alert('xss')</script></head>
<body onload="alert(1)"><p>Dear Northwind,</p><p>My broadband has been <b>down since 28 November</b>. Here is the router:</p>
<p><a href="javascript:alert(2)">click</a> <a href="https://example.co.uk/status">the status page</a></p>
<p>Account 99887766. Please call me on 07700 900123.</p><p>Zoë</p></body></html>`,
);
const longSubject =
  'Complaint about my bill being wrong again and again' + ' my bill being wrong again and again'.repeat(60);
const graceLong = eml(
  `From: Grace Hopper <grace@example.com>
To: complaints@northwind.example
Subject: ${longSubject}
Date: Mon, 07 Dec 2026 09:15:00 +0000`,
  `Hello,

I was charged £45.99 twice in November. Please refund.

Grace Hopper`,
);

test('explore39-letters: an Outlook "Last, First (Title)" sender turned round; a quoted case named; a second email replaces the first; no script link; a long subject clipped', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await setUpDesk(page);
  await logComplaint(page, adaByLetter('2026-11-20'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('RDR-2026-000001');
  await page.getByRole('link', { name: 'New complaint' }).click();
  const pick = (name: string, buffer: Buffer) =>
    page.getByLabel('Email file').setInputFiles({ name, mimeType: 'message/rfc822', buffer });
  const name = page.locator('input[name="customerName"]');
  const email = page.locator('input[name="email"]');
  const title = page.getByRole('combobox', { name: 'Title' });
  const summary = page.locator('textarea[name="summary"]');
  const banner = page.getByTestId('from-email');
  const quoted = page.getByTestId('quoted-cases');

  // #3: "Smith, John (Mr)" is John Smith, Mr, and the form says it was turned round. #7: the case it quotes is named.
  await pick('lastfirst.eml', lastFirst);
  await expect(name).toHaveValue('John Smith');
  await expect(title).toHaveValue('Mr (M.)');
  await expect(banner).toContainText(
    'The email gives the sender as “Smith, John (Mr)”: Name is filled in as “John Smith” and Title as Mr (M.); check it.',
  );
  await expect(quoted).toContainText('This email quotes a case already logged');
  await expect(quoted).toContainText('RDR-2026-000001 — Ada Lovelace (Open)');
  await expect(quoted.getByRole('link', { name: 'RDR-2026-000001' })).toBeVisible();
  await page.screenshot({ path: `${shotDir}/explore39-lastfirst.png`, fullPage: true });
  expect(await axeViolations(page, 'main')).toEqual([]);

  // #6: a second email replaces what the first filled in (nothing was typed); #9: no script link in the summary.
  await pick('html-inline.eml', zoeHtml);
  await expect(banner).toContainText('Broadband outage – photo of router attached ✔');
  await expect(name).toHaveValue("Zoë O'Brien");
  await expect(email).toHaveValue('zoe.obrien@example.co.uk');
  await expect(title).toHaveValue('');
  await expect(page.getByLabel('Date received')).toHaveValue('04/12/2026');
  await expect(summary).toHaveValue(/^Broadband outage – photo of router attached ✔\n\nDear Northwind,/);
  await expect(summary).toHaveValue(
    /Here is the router:\n\nclick \(https:\/\/example\.co\.uk\/status\) the status page/,
  );
  await expect(summary).not.toHaveValue(/javascript|alert|Still waiting/);
  await expect(banner).not.toContainText('What you had typed is kept');
  await expect(quoted).toBeHidden();
  await page.screenshot({ path: `${shotDir}/explore39-second-email.png`, fullPage: true });

  // What the handler types is theirs: kept when a third email is read, and said. #11: a subject of pages is clipped.
  await name.fill('Grace M. Hopper');
  await pick('long-subject.eml', graceLong);
  await expect(name).toHaveValue('Grace M. Hopper');
  await expect(email).toHaveValue('grace@example.com');
  await expect(banner).toContainText('What you had typed is kept where the email says otherwise: Name.');
  const subject = page.getByTestId('from-email-subject');
  await expect(subject).toHaveAttribute('title', longSubject);
  expect((await subject.boundingBox())!.height).toBeLessThan(60);
  expect((await banner.boundingBox())!.height).toBeLessThan(200);
  const whole = banner.getByRole('button', { name: 'Show the whole subject' });
  await expect(whole).toHaveAttribute('aria-expanded', 'false');
  const firstParagraph = (await summary.inputValue()).split('\n\n')[0];
  expect(firstParagraph.length).toBeLessThanOrEqual(200);
  expect(firstParagraph).toMatch(/^Complaint about my bill being wrong again and again .*…$/);
  await expect(summary).toHaveValue(/\n\nI was charged £45\.99 twice in November\. Please refund\./);
  await page.screenshot({ path: `${shotDir}/explore39-long-subject.png`, fullPage: true });
  await whole.focus();
  await page.keyboard.press('Enter');
  await expect(banner.getByRole('button', { name: 'Shorten the subject' })).toHaveAttribute('aria-expanded', 'true');
  expect((await subject.boundingBox())!.height).toBeGreaterThan(100);
  await page.screenshot({ path: `${shotDir}/explore39-long-subject-whole.png`, fullPage: true });

  // The quoted case opens from its link.
  await pick('lastfirst.eml', lastFirst);
  await expect(email).toHaveValue('john.smith@example.com');
  await expect(name).toHaveValue('Grace M. Hopper');
  await quoted.getByRole('link', { name: 'RDR-2026-000001' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('RDR-2026-000001');
});

test('explore39-letters #5: an email added to a case is logged as contact from the customer by default only when it is from their address', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await setUpDesk(page);
  await page.getByRole('link', { name: 'New complaint' }).click();
  await page
    .getByLabel('Email file')
    .setInputFiles({ name: 'lastfirst.eml', mimeType: 'message/rfc822', buffer: lastFirst });
  await expect(page.locator('input[name="email"]')).toHaveValue('john.smith@example.com');
  await chooseOption(page, 'Category', 'Billing');
  await page.getByLabel('Postal address').first().fill('1 Quay Street\nLeeds');
  await page.getByLabel('Postcode').first().fill('LS1 4AP');
  await submitComplaint(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-2026-\d{6}$/);
  // #3 as the customer reads it: the letter greets Mr Smith, not "Smith, John (Mr)".
  await page.getByRole('button', { name: 'Other letters…' }).click();
  const letter = page.getByRole('dialog', { name: 'Write a letter' });
  await chooseOption(page, 'Letter', 'Acknowledgement');
  await letter.getByRole('button', { name: 'Preview' }).click();
  await expect(letter.getByLabel('Letter preview')).toContainText('Dear Mr Smith,');
  await expect(letter.getByLabel('Letter preview')).not.toContainText('Smith, John');
  await page.keyboard.press('Escape');
  await expect(letter).toBeHidden();

  const fromJohn = eml(
    `From: John Smith <John.Smith@Example.com>
To: complaints@northwind.example
Subject: Any news?
Date: Thu, 03 Dec 2026 08:00:00 +0000`,
    'Any news on my refund?',
  );
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add files…' }).click();
  await (
    await chooser
  ).setFiles([
    { name: 'zoe.eml', mimeType: 'message/rfc822', buffer: zoeHtml },
    { name: 'john.eml', mimeType: 'message/rfc822', buffer: fromJohn },
  ]);
  const add = page.getByRole('dialog', { name: 'Add files to the case' });
  await expect(add.getByRole('checkbox', { name: 'Log john.eml as contact from the customer' })).toBeChecked();
  await expect(add.getByRole('checkbox', { name: 'Log zoe.eml as contact from the customer' })).not.toBeChecked();
  await expect(add.locator('[data-file="zoe.eml"]')).toContainText(
    "Sent by Zoë O'Brien <zoe.obrien@example.co.uk>, not the customer’s address on file.",
  );
  await expect(add.locator('[data-file="john.eml"] [data-not-from-customer]')).toHaveCount(0);
  await page.screenshot({ path: `${shotDir}/explore39-add-emails.png` });
  expect(await axeViolations(page, '[role="dialog"]')).toEqual([]);
  await add.getByRole('button', { name: 'Add 2 files' }).click();
  await expect(add).toBeHidden();
  const contact = page.getByRole('group', { name: 'Timeline' }).locator('[data-event-type="contact"]');
  await expect(contact).toHaveCount(1);
  await expect(contact).toContainText('The customer got in touch by email: Any news?');
  // Sent before the complaint's date received, so dated that day, its own day said as the timeline says days
  // (explore39-letters #14: "(sent 2026-12-03)").
  await expect(contact).toContainText('Any news? (sent Thu 3 Dec 2026)');
});
