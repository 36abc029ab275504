// Emails kept on a case (issue #18): an .eml and Outlook .msg attached to a case open in the preview as emails (the
// parser loaded on first use, in the browser: msgreader's iconv-lite needs no Node), their own attachments download
// byte for byte and an attached email opens in place; an email dropped on a case is also a contact from the customer.
import { mkdirSync, readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { canvasJpeg, sha256Hex, textPdf } from '#test/support/files';
import {
  adaByLetter,
  act,
  chooseBackupFile,
  chooseOption,
  expect,
  logComplaint,
  setUpDesk,
  submitComplaint,
  test,
  wipeDatabase,
} from './fixtures';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/e18-shots';
mkdirSync(SHOTS, { recursive: true });
const mail = (name: string) => readFileSync(new URL(`../fixtures/mail/${name}`, import.meta.url));

test('Outlook .msg files on a case open as emails in the browser; attachments download; a nested email opens', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await setUpDesk(page);
  await logComplaint(page, adaByLetter('2026-11-16'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-\d{6}$/);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add files…' }).click();
  await (
    await chooser
  ).setFiles([
    { name: 'attachments.msg', mimeType: 'application/vnd.ms-outlook', buffer: mail('outlook-attachmentfiles.msg') },
    { name: 'nested.msg', mimeType: 'application/vnd.ms-outlook', buffer: mail('outlook-msginmsg.msg') },
  ]);
  const add = page.getByRole('dialog', { name: 'Add files to the case' });
  await add.getByRole('button', { name: 'Add 2 files' }).click();
  await expect(add).toBeHidden();
  const list = page.getByRole('table', { name: 'Attachments' });

  await list.getByRole('button', { name: 'Preview attachments.msg' }).click();
  const preview = page.getByRole('dialog', { name: 'attachments.msg' });
  const view = preview.getByTestId('email-view');
  await expect(view).toBeVisible({ timeout: 20_000 });
  await expect(view.getByRole('table', { name: 'Email details' })).toContainText(
    'hmailuser <hmailuser@hmailserver.test>',
  );
  await expect(view.getByTestId('email-body')).toContainText('attachmentFiles');
  const download = page.waitForEvent('download');
  await view.getByRole('button', { name: 'Download jpg.jpg' }).click();
  const saved = readFileSync((await (await download).path())!);
  expect(saved.length).toBe(726);
  expect([...saved.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  await page.screenshot({ path: `${SHOTS}/preview-msg.png` });
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();

  await list.getByRole('button', { name: 'Preview nested.msg' }).click();
  const nested = page.getByRole('dialog', { name: 'nested.msg' }).getByTestId('email-view');
  await expect(nested.getByRole('heading', { name: 'I have attachments!' })).toBeVisible({ timeout: 20_000 });
  await nested.getByRole('button', { name: 'Open' }).click();
  await expect(nested.getByRole('heading', { name: 'Microsoft Outlook テスト メッセージ' })).toBeVisible();
  await expect(nested.getByTestId('email-body')).toContainText('Microsoft Outlook から自動送信されたものです');
  await page.screenshot({ path: `${SHOTS}/preview-msg-nested.png` });
  await nested.getByRole('button', { name: 'Back to the email it was attached to' }).click();
  await expect(nested.getByRole('heading', { name: 'I have attachments!' })).toBeVisible();
  expect(errors).toEqual([]);
});

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

/** Every attachment row: its name, the checksum stored, and the SHA-256 of the bytes its Blob holds now (or null). */
async function storedFiles(page: Page) {
  return page.evaluate(async () => {
    const database = (await redressDesk())!;
    const rows = (await redressAnswer(
      database,
      database.transaction('attachments').objectStore('attachments').getAll(),
      'the attachments',
    )) as { fileName: string; sha256: string; blob?: Blob }[];
    const hex = (b: ArrayBuffer) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
    const out = [];
    for (const r of rows)
      out.push({
        fileName: r.fileName,
        sha256: r.sha256,
        bytesSha: r.blob ? hex(await crypto.subtle.digest('SHA-256', await r.blob.arrayBuffer())) : null,
      });
    return out.sort((a, b) => a.sha256.localeCompare(b.sha256));
  });
}

const authorityPdf = () => textPdf([{ text: 'Authority to act: Renée Lefèvre allows José Lefèvre to act', size: 14 }]);

/** A real JPEG drawn by the browser: the customer's letter, scanned. */
const scannedLetter = (page: Page) =>
  canvasJpeg(page, {
    width: 600,
    height: 800,
    text: 'Dear Kijoma Broadband, I write about my October bill.',
    font: '22px serif',
    quality: 0.85,
  });

test('the proof: an emailed complaint logged from its .eml, its files kept byte for byte through backup and restore, erased with the case', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'e18-e2e-'));
  const eml = mail('outlook-accented-cp1252-pdf.eml');
  const billPdf = mail('bill-october-2026.pdf');
  await setUpDesk(page);
  await page.getByRole('link', { name: 'New complaint' }).click();

  // The .eml dropped on New complaint: accented sender (RFC 2047), Windows-1252 body, a PDF attached.
  await dropFile(page, 'Complaint.eml', eml, 'message/rfc822');
  await expect(page.locator('input[name="customerName"]')).toHaveValue('Renée Lefèvre');
  await expect(page.locator('input[name="email"]')).toHaveValue('renee.lefevre@example.org');
  await expect(page.locator('textarea[name="summary"]')).toHaveValue(/fee of €180 although I moved/);
  await chooseOption(page, 'Category', 'Billing');
  await submitComplaint(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-\d{6}$/);

  // The email is on the case; it opens in the preview as an email; its PDF downloads byte-identical.
  const list = page.getByRole('table', { name: 'Attachments' });
  await expect(list.locator('[data-attachment="Complaint.eml"]')).toContainText(sha256Hex(eml).slice(0, 12));
  await list.getByRole('button', { name: 'Preview Complaint.eml' }).click();
  const view = page.getByRole('dialog', { name: 'Complaint.eml' }).getByTestId('email-view');
  await expect(view.getByRole('table', { name: 'Email details' })).toContainText(
    'Renée Lefèvre <renee.lefevre@example.org>',
    { timeout: 20_000 },
  );
  await expect(view.getByTestId('email-body')).toContainText('fee of €180 although I moved to your “Fibre 500” plan');
  await page.screenshot({ path: `${SHOTS}/preview-eml-on-case.png` });
  const pdfDownload = page.waitForEvent('download');
  await view.getByRole('button', { name: 'Download Bill October 2026.pdf' }).click();
  expect(sha256Hex(readFileSync((await (await pdfDownload).path())!))).toBe(sha256Hex(billPdf));
  await page.keyboard.press('Escape');

  // A scanned letter (JPEG) and an authority to act (PDF) added; a Windows program renamed .pdf refused.
  const jpeg = await scannedLetter(page);
  const authority = await authorityPdf();
  const exe = Buffer.concat([Buffer.from('MZ'), Buffer.from([0x90, 0, 3, 0, 0, 0, 4, 0]), Buffer.alloc(200)]);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add files…' }).click();
  await (
    await chooser
  ).setFiles([
    { name: 'letter-scan.jpg', mimeType: 'image/jpeg', buffer: jpeg },
    { name: 'authority.pdf', mimeType: 'application/pdf', buffer: authority },
    { name: 'statement.pdf', mimeType: 'application/pdf', buffer: exe },
  ]);
  const add = page.getByRole('dialog', { name: 'Add files to the case' });
  await expect(add.locator('[data-refused-file="statement.pdf"]')).toContainText(
    'This file is a Windows program, not a PDF',
  );
  await chooseOption(page, 'What letter-scan.jpg is', 'Customer’s letter');
  await chooseOption(page, 'What authority.pdf is', 'Authority to act');
  await add.getByRole('button', { name: 'Add 2 files' }).click();
  await expect(add).toBeHidden();
  await expect(list.locator('[data-attachment]')).toHaveCount(3);

  // A further email from the customer (from another address) dropped on the case: attached as an email AND, ticked,
  // a contact from the customer,
  // dated the email's date (4 November), through the same 'log-contact' entry as any contact.
  const reply = mail('gmail-utf8-reply-signature.eml');
  await dropFile(page, 'Reply.eml', reply, 'message/rfc822');
  await expect(add.locator('[data-file="Reply.eml"]')).toBeVisible();
  // It is not from the address on file (explore39-letters #5): said, and ticked only by the desk.
  const asContact = add.getByRole('checkbox', { name: 'Log Reply.eml as contact from the customer' });
  await expect(asContact).not.toBeChecked();
  await expect(add.locator('[data-file="Reply.eml"]')).toContainText(
    'Sent by Siobhán Ó Briain <siobhan.obriain@example.net>, not the customer’s address on file.',
  );
  await asContact.check();
  await page.screenshot({ path: `${SHOTS}/drop-email-on-case.png` });
  await add.getByRole('button', { name: 'Add the file' }).click();
  await expect(add).toBeHidden();
  const timeline = page.getByRole('group', { name: 'Timeline' });
  const contact = timeline.locator('[data-event-type="contact"]');
  await expect(contact).toHaveCount(1);
  await expect(contact).toContainText(
    'The customer got in touch by email: Re: Engineer visit KJ-88120 - still no broadband in the evenings',
  );
  await expect(contact).toContainText(/4 Nov(ember)? 2026/);
  await expect(list.locator('[data-attachment="Reply.eml"]')).toContainText('Email');
  await page.screenshot({ path: `${SHOTS}/case-with-email-contact.png`, fullPage: true });

  const expected = [eml, jpeg, authority, reply].map(sha256Hex).sort();
  const before = await storedFiles(page);
  expect(before.map((f) => f.bytesSha)).toEqual(expected);
  expect(before.map((f) => f.sha256)).toEqual(expected);

  // Backup, wipe, restore: every attachment back byte for byte.
  await page.getByRole('link', { name: 'Your data' }).click();
  const backupDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Make a backup now' }).click();
  const backupPath = join(dir, 'desk.redress-backup');
  await (await backupDownload).saveAs(backupPath);
  await expect(page.getByRole('region', { name: 'Back up' }).getByRole('status')).toContainText('1 case');
  await wipeDatabase(page);
  await setUpDesk(page);
  expect(await storedFiles(page)).toEqual([]);
  await page.getByRole('link', { name: 'Your data' }).click();
  await chooseBackupFile(page, backupPath);
  await expect(page.getByLabel('The backup file')).toContainText('The checksum matches.');
  await page.getByRole('button', { name: 'Restore…' }).click();
  await page
    .getByRole('dialog', { name: 'Restore into this empty desk?' })
    .getByRole('button', { name: 'Restore', exact: true })
    .click();
  await expect(page.getByRole('region', { name: 'Restore from a backup' }).getByRole('status')).toContainText(
    'this desk now has 1 case',
  );
  expect(await storedFiles(page)).toEqual(before);

  // Erasure: the case closed, then the customer's data erased; the attachments' bytes go with it.
  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  await page.getByRole('link', { name: /^RDR-/ }).first().click();
  await act(page, 'Acknowledge', [['Date', '2026-11-05']], 'Complaint acknowledged');
  await act(
    page,
    'Resolve',
    [
      ['Resolved on', '2026-11-20'],
      ['How it was resolved', 'Early termination fee refunded'],
    ],
    'Resolved',
  );
  await act(page, 'Close the case', [['Closed on', '2026-11-21']], 'Case closed');
  await page.getByRole('button', { name: /Erase the customer.s personal data/ }).click();
  const erase = page.getByRole('dialog', { name: /Erase the customer.s personal data/ });
  await chooseOption(
    page,
    'Reason for erasing',
    'The customer asked us to erase their data (UK GDPR Art. 17 / PIPEDA 4.5.3)',
  );
  await erase.getByRole('textbox', { name: /Type ERASE to confirm/ }).fill('erase');
  await erase.getByRole('button', { name: 'Erase 1 case' }).click();
  await expect(erase).toBeHidden();
  const after = await storedFiles(page);
  expect(after).toHaveLength(4);
  expect(after.map((f) => f.bytesSha)).toEqual([null, null, null, null]);
  expect(after.map((f) => f.fileName).join(' ')).not.toMatch(/Complaint|Reply|authority|letter-scan/);
});

test('scanned PDFs with JBIG2 and JPEG 2000 images are drawn under the CSP without WebAssembly', async ({ page }) => {
  test.setTimeout(120_000);
  const pdf = (name: string) => readFileSync(new URL(`../fixtures/pdf/${name}`, import.meta.url));
  await setUpDesk(page);
  await logComplaint(page, {
    receivedOn: '2026-11-16',
    channel: 'Letter',
    category: 'Billing',
    summary: 'Scanned letters.',
    name: 'Ada Lovelace',
    address: '12 St James Square\nLondon',
    postcode: 'SW1Y 4JH',
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-\d{6}$/);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add files…' }).click();
  await (
    await chooser
  ).setFiles([
    { name: 'jbig2-scan.pdf', mimeType: 'application/pdf', buffer: pdf('jbig2_symbol_offset.pdf') },
    { name: 'jpx-scan.pdf', mimeType: 'application/pdf', buffer: pdf('jp2k-resetprob.pdf') },
  ]);
  const add = page.getByRole('dialog', { name: 'Add files to the case' });
  await add.getByRole('button', { name: 'Add 2 files' }).click();
  await expect(add).toBeHidden();
  const list = page.getByRole('table', { name: 'Attachments' });
  for (const name of ['jbig2-scan.pdf', 'jpx-scan.pdf']) {
    await list.getByRole('button', { name: `Preview ${name}` }).click();
    const preview = page.getByRole('dialog', { name });
    const first = preview.getByRole('group', { name: /^Page 1 of / });
    await expect(first).toBeVisible({ timeout: 30_000 });
    await expect(preview.getByText('The pages cannot be shown')).toHaveCount(0);
    // Decoded, so nothing is said about images that could not be (ui/pdf-pages counts the ones pdf.js gave up on).
    await expect(preview.getByText('Some of this PDF cannot be shown')).toHaveCount(0);
    // The image itself drawn: dark pixels on the page's canvas (a blank page would have none).
    await expect
      .poll(
        () =>
          first.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
            const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
            let dark = 0;
            for (let i = 0; i < data.length; i += 4) if (data[i]! < 100 && data[i + 3]! > 0) dark += 1;
            return dark;
          }),
        { timeout: 15_000 },
      )
      .toBeGreaterThan(200);
    await page.screenshot({ path: `${SHOTS}/preview-${name}.png` });
    await page.keyboard.press('Escape');
    await expect(preview).toBeHidden();
  }
});
