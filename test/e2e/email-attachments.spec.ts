// Emails kept on a case (issue #18): an .eml and Outlook .msg attached to a case open in the preview as emails (the
// parser loaded on first use, in the browser: msgreader's iconv-lite needs no Node), their own attachments download
// byte for byte and an attached email opens in place; an email dropped on a case is also a contact from the customer.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, logComplaint, setUpDesk, test } from './fixtures';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/e18-shots';
mkdirSync(SHOTS, { recursive: true });
const mail = (name: string) => readFileSync(new URL(`../fixtures/mail/${name}`, import.meta.url));
const sha = (b: Uint8Array | Buffer) => createHash('sha256').update(b).digest('hex');

test('Outlook .msg files on a case open as emails in the browser; attachments download; a nested email opens', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await setUpDesk(page);
  await logComplaint(page, {
    receivedOn: '2026-11-16',
    channel: 'Letter',
    category: 'Billing',
    summary: 'Charged twice for the October bill.',
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
  void sha;
});
