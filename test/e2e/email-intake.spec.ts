// A complaint that arrives by email (issue #18): the customer's .eml dropped on the window opens New complaint filled
// in from it; the email shows in the app with its HTML sanitised and its PDF attachment downloadable byte for byte;
// a file that is not an email is refused with the reason.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { chooseOption, expect, setUpDesk, submitComplaint, test } from './fixtures';

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
