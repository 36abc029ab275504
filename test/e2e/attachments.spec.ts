// Attachments on the case page (issue #18): several files added at once with the file dialog (a JPEG scan and a PDF
// authority), a text file dropped on the case, each with its kind and note and one timeline entry; the PDF previewed
// by pdf.js (its canvas drawn, no CSP violation: the shared fixture fails on any); the download byte-identical; a
// Windows program renamed .pdf refused with the reason while the others are added; removal with a reason keeps the
// adding entry; "Your data" shows the space attachments use. axe on the add, preview and remove dialogs.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { axeViolations } from '#test/support/axe';
import { canvasJpeg, sha256Hex, textPdf, undecodableScanPdf } from '#test/support/files';
import { adaByLetter, chooseOption, expect, logComplaint, setUpDesk, test } from './fixtures';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/c18-shots';
mkdirSync(SHOTS, { recursive: true });

/** The authority to act, a PDF with words and ink on it. */
const authorityPdf = () =>
  textPdf(
    [
      { text: 'Authority to act', size: 28 },
      { text: 'I, Ada Lovelace, allow Charles Babbage to act for me on my complaint.', size: 12 },
    ],
    { box: true },
  );

/** A real JPEG, drawn on a canvas by the browser (a photo of a bill). */
const billJpeg = (page: Page) =>
  canvasJpeg(page, {
    width: 480,
    height: 320,
    text: 'October bill: £42.50 charged twice',
    font: '28px sans-serif',
    bar: true,
  });

async function axe(page: Page, what: string, include = '[role="dialog"]') {
  expect.soft(await axeViolations(page, include), what).toEqual([]);
}

test('files on a case: added, refused with the reason, previewed, downloaded byte for byte, removed with a reason', async ({
  page,
}) => {
  // One long story on one desk (set-up, a case, three dialogs, pdf.js's first load): more than the default minute on
  // a loaded machine.
  test.setTimeout(180_000);
  await setUpDesk(page);
  await logComplaint(page, adaByLetter('2026-11-16'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-\d{6}$/);
  const pdf = await authorityPdf();
  const jpeg = await billJpeg(page);
  const exe = Buffer.concat([Buffer.from('MZ'), Buffer.from([0x90, 0, 3, 0, 0, 0, 4, 0]), Buffer.alloc(200)]);

  // Three files through the file dialog at once: the .exe renamed .pdf is refused with the reason, the others wait
  // for their kind and note.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add files…' }).click();
  await (
    await chooser
  ).setFiles([
    { name: 'bill-photo.jpg', mimeType: 'image/jpeg', buffer: jpeg },
    { name: 'authority.pdf', mimeType: 'application/pdf', buffer: pdf },
    { name: 'invoice.pdf', mimeType: 'application/pdf', buffer: exe },
  ]);
  const add = page.getByRole('dialog', { name: 'Add files to the case' });
  await expect(add.getByRole('table', { name: 'Files to add' }).getByRole('row')).toHaveCount(3);
  await expect(add.locator('[data-refused-file="invoice.pdf"]')).toContainText(
    'This file is a Windows program, not a PDF: Redress accepts PDF, JPEG',
  );
  await chooseOption(page, 'What bill-photo.jpg is', 'Customer’s letter');
  await add.getByLabel('Note on bill-photo.jpg').fill('Photo of the October bill');
  await chooseOption(page, 'What authority.pdf is', 'Authority to act');
  await axe(page, 'the add files dialog');
  await page.screenshot({ path: `${SHOTS}/attachments-add-dialog.png` });
  await add.getByRole('button', { name: 'Add 2 files' }).click();
  await expect(add).toBeHidden();

  const list = page.getByRole('table', { name: 'Attachments' });
  await expect(list.locator('[data-attachment]')).toHaveCount(2);
  await expect(list.locator('[data-attachment="authority.pdf"]')).toContainText('Authority to act');
  await expect(list.locator('[data-attachment="bill-photo.jpg"]')).toContainText('Customer’s letter');
  await expect(list.locator('[data-attachment="bill-photo.jpg"]')).toContainText('Photo of the October bill');
  await expect(list.locator('[data-attachment="authority.pdf"]')).toContainText(sha256Hex(pdf).slice(0, 12));
  const timeline = page.getByRole('group', { name: 'Timeline' });
  await expect(timeline.locator('[data-event-type="attachment-added"]')).toHaveCount(2);
  await expect(timeline).toContainText('Authority to act attached: authority.pdf');

  // A text file dropped anywhere on the case opens the same dialog.
  const dropped = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(
      new File(['Call notes: she rang at 10:00 about the refund.\n'], 'call-notes.txt', { type: 'text/plain' }),
    );
    return dt;
  });
  await page.dispatchEvent('[data-drop-area]', 'dragover', { dataTransfer: dropped });
  await expect(page.getByRole('status').filter({ hasText: 'Drop the files to add them to this case' })).toBeVisible();
  // Dropped outside the case's own area (on the navigation): still added to this case, the app stays.
  await page.getByRole('navigation').first().dispatchEvent('drop', { dataTransfer: dropped });
  await expect(add.locator('[data-file="call-notes.txt"]')).toContainText('plain text');
  await add.getByRole('button', { name: 'Add the file' }).click();
  await expect(list.locator('[data-attachment]')).toHaveCount(3);
  await axe(page, 'the case page’s attachments', '[data-attachments]');
  await page.screenshot({ path: `${SHOTS}/attachments-case-page.png`, fullPage: true });

  // The PDF previewed: pdf.js draws its page on a canvas, with ink on it.
  await list.getByRole('button', { name: 'Preview authority.pdf' }).click();
  const preview = page.getByRole('dialog', { name: 'authority.pdf' });
  const first = preview.getByRole('group', { name: 'Page 1 of 1' });
  // pdf.js is loaded the first time a PDF is shown (on a loaded 2-core machine that takes some seconds).
  await expect(first).toBeVisible({ timeout: 20_000 });
  const inked = await first.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 128 && data[i + 3]! > 0) dark += 1;
    return dark;
  });
  expect(inked).toBeGreaterThan(1000);
  await expect(first.locator('.textLayer')).toContainText('Authority to act');
  await expect(preview.locator(`[data-sha256="${sha256Hex(pdf)}"]`)).toBeVisible();
  await axe(page, 'the preview dialog');
  await page.screenshot({ path: `${SHOTS}/attachments-preview-pdf.png` });

  // Download gives the exact bytes.
  const download = page.waitForEvent('download');
  await preview.getByRole('button', { name: 'Download the exact file' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('authority.pdf');
  expect(sha256Hex(readFileSync((await saved.path())!))).toBe(sha256Hex(pdf));
  await preview.getByRole('button', { name: 'Close' }).click();
  await expect(preview).toBeHidden();

  // The image previewed from its bytes; and downloaded byte for byte from the list.
  await list.getByRole('button', { name: 'Preview bill-photo.jpg' }).click();
  const image = page.getByRole('dialog', { name: 'bill-photo.jpg' }).getByRole('img', { name: /bill-photo\.jpg/ });
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);
  await page.screenshot({ path: `${SHOTS}/attachments-preview-image.png` });
  await page.keyboard.press('Escape');
  const jpegDownload = page.waitForEvent('download');
  await list.getByRole('button', { name: 'Download bill-photo.jpg' }).click();
  expect(sha256Hex(readFileSync((await (await jpegDownload).path())!))).toBe(sha256Hex(jpeg));

  // Removed with a reason (required), the file deleted: the adding entry stays, a removal entry is added.
  await list.getByRole('button', { name: 'Remove bill-photo.jpg…' }).click();
  const remove = page.getByRole('dialog', { name: 'Remove an attachment' });
  await remove.getByRole('button', { name: 'Remove the attachment' }).click();
  await expect(remove).toContainText('Say why the attachment is removed.');
  await remove.getByLabel('Why is it removed?').fill('Another customer’s bill, uploaded by mistake');
  await remove.getByLabel('Also delete the file (someone else’s data uploaded by mistake)').check();
  await axe(page, 'the remove dialog');
  await page.screenshot({ path: `${SHOTS}/attachments-remove-dialog.png` });
  await remove.getByRole('button', { name: 'Remove and delete the file' }).click();
  await expect(remove).toBeHidden();
  const removed = list.locator('[data-attachment="bill-photo.jpg"]');
  await expect(removed).toHaveAttribute('data-removed', 'true');
  await expect(removed).toContainText('Removed, file deleted');
  await expect(removed.getByRole('button', { name: /Download/ })).toHaveCount(0);
  await expect(timeline.locator('[data-event-type="attachment-added"]')).toHaveCount(3);
  await expect(timeline.locator('[data-event-type="attachment-removed"]')).toContainText(
    'Another customer’s bill, uploaded by mistake',
  );

  // "Your data" shows the space the files still kept take.
  await page.getByRole('link', { name: 'Your data' }).click();
  const text = Buffer.byteLength('Call notes: she rang at 10:00 about the refund.\n');
  await expect(page.getByTestId('attachments-size')).toHaveText(
    `Attachments: 2 files, ${((pdf.length + text) / 1024).toFixed(0)} KB.`,
  );
  await page.getByTestId('attachments-size').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/attachments-your-data.png` });
});

test('a scanned PDF whose image pdf.js cannot decode says so in words, and still downloads byte for byte', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await setUpDesk(page);
  await logComplaint(page, {
    receivedOn: '2026-11-16',
    channel: 'Letter',
    category: 'Billing',
    summary: 'A scan that cannot be drawn.',
    name: 'Ada Lovelace',
    address: '12 St James Square\nLondon',
    postcode: 'SW1Y 4JH',
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-\d{6}$/);
  const scan = await undecodableScanPdf();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add files…' }).click();
  await (await chooser).setFiles([{ name: 'scan.pdf', mimeType: 'application/pdf', buffer: scan }]);
  const add = page.getByRole('dialog', { name: 'Add files to the case' });
  await add.getByRole('button', { name: 'Add the file' }).click();
  await expect(add).toBeHidden();

  // Previewed at once, while "File added" is still shown: the messages' corner is not where the dialog's Download is.
  const added = page.locator('.mantine-Notification-root').filter({ hasText: 'File added' });
  await expect(added).toBeVisible();
  const corner = await page.locator('.mantine-Notifications-root').filter({ has: added }).getAttribute('data-position');
  await page.getByRole('table', { name: 'Attachments' }).getByRole('button', { name: 'Preview scan.pdf' }).click();
  const preview = page.getByRole('dialog', { name: 'scan.pdf' });
  // The page is drawn (its line of text is there), and the image that is not is said so in words, not only on the
  // console.
  await expect(preview.getByRole('group', { name: 'Page 1 of 1' })).toBeVisible({ timeout: 30_000 });
  await expect(preview.getByRole('group', { name: 'Page 1 of 1' }).locator('.textLayer')).toContainText(
    'Scanned letter',
  );
  const warning = preview.getByRole('alert').filter({ hasText: 'Some of this PDF cannot be shown' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('An image in it could not be decoded');
  await expect(warning).toContainText('download it to open it in another program');
  // The dialog at its full height, scrolled to its Download: the messages' column (its width, whatever it holds by
  // now) does not reach the button, so a message shown then cannot cover it until it fades.
  const downloadButton = preview.getByRole('button', { name: 'Download the exact file' });
  await downloadButton.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/attachments-preview-with-message.png` });
  const button = (await downloadButton.boundingBox())!;
  // (read from the page: an empty column has no height, which Playwright counts as not visible)
  const column = await page
    .locator(`.mantine-Notifications-root[data-position="${corner}"]`)
    .evaluate((el) => ({ x: el.getBoundingClientRect().x, width: el.getBoundingClientRect().width }));
  expect(column.width).toBeGreaterThan(100);
  expect(
    button.x < column.x + column.width && column.x < button.x + button.width,
    `messages (${corner}) in the Download button's column`,
  ).toBe(false);
  await axe(page, 'the preview of an undecodable scan');
  await page.screenshot({ path: `${SHOTS}/attachments-preview-undecodable.png` });

  const download = page.waitForEvent('download');
  await preview.getByRole('button', { name: 'Download the exact file' }).click();
  expect(sha256Hex(readFileSync((await (await download).path())!))).toBe(sha256Hex(scan));
});

test('a PDF drawn whole says nothing about images', async ({ page }) => {
  await setUpDesk(page);
  await logComplaint(page, {
    receivedOn: '2026-11-16',
    channel: 'Letter',
    category: 'Billing',
    summary: 'A plain PDF.',
    name: 'Ada Lovelace',
    address: '12 St James Square\nLondon',
    postcode: 'SW1Y 4JH',
  });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add files…' }).click();
  await (
    await chooser
  ).setFiles([{ name: 'authority.pdf', mimeType: 'application/pdf', buffer: await authorityPdf() }]);
  await page
    .getByRole('dialog', { name: 'Add files to the case' })
    .getByRole('button', { name: 'Add the file' })
    .click();
  await page.getByRole('table', { name: 'Attachments' }).getByRole('button', { name: 'Preview authority.pdf' }).click();
  const preview = page.getByRole('dialog', { name: 'authority.pdf' });
  await expect(preview.getByText('One page.')).toBeVisible({ timeout: 30_000 });
  await expect(preview.getByText('Some of this PDF cannot be shown')).toHaveCount(0);
});
