// An encrypted backup: "Protect with a passphrase" on "Your data" asks for it twice (too short and mismatched are
// refused in the dialog with the reason), the file saved is encrypted (nothing of the desk readable in it); after the
// database is wiped, the first-run restore asks for the passphrase, refuses a wrong one in place with nothing
// changed, and with the right one restores the desk.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseBackupFile, countRows, DESK, expect, logComplaint, setUpDesk, test, wipeDatabase } from './fixtures';

const shots = (name: string) => fileURLToPath(new URL(`../output/screenshots/${name}.png`, import.meta.url));
const PASSPHRASE = 'seven violet tractors hum';

test('encrypted backup: made with a passphrase asked twice; the first-run restore refuses a wrong passphrase and restores with the right one', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'redress-encrypted-e2e-'));
  await setUpDesk(page);
  await logComplaint(page, {
    receivedOn: '2026-11-18',
    channel: 'Phone',
    category: 'Billing',
    summary: 'Charged twice; told us about a recent hospital stay.',
    name: 'Ada Lovelace',
    phone: '0113 496 0000',
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-000001$/);

  await page.getByRole('link', { name: 'Your data' }).click();
  await page.getByRole('checkbox', { name: 'Protect with a passphrase' }).check();
  await page.getByRole('region', { name: 'Back up' }).screenshot({ path: shots('74a-backup-protect-option') });
  await page.getByRole('button', { name: 'Make a backup now' }).click();
  const dialog = page.getByRole('dialog', { name: 'Protect the backup with a passphrase' });
  await expect(dialog).toBeVisible();
  // The first field has the focus: typed straight away, Tab to the second, Enter submits.
  await expect(dialog.getByRole('textbox', { name: 'Passphrase', exact: true })).toBeFocused();
  await page.keyboard.type('too short');
  await page.keyboard.press('Tab');
  await page.keyboard.type('too short');
  await page.keyboard.press('Enter');
  await expect(dialog).toContainText(
    'The passphrase must have at least 12 characters: a backup file may be copied anywhere',
  );
  await dialog.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(PASSPHRASE);
  await dialog.getByRole('textbox', { name: 'Passphrase again' }).fill(`${PASSPHRASE}.`);
  await dialog.getByRole('button', { name: 'Make the protected backup' }).click();
  await expect(dialog).toContainText('The two passphrases are not the same');
  await page.screenshot({ path: shots('74-backup-passphrase-dialog') });
  await dialog.getByRole('textbox', { name: 'Passphrase again' }).fill(PASSPHRASE);
  const backupPromise = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await backupPromise;
  const backupPath = join(dir, download.suggestedFilename());
  await download.saveAs(backupPath);
  await expect(page.getByRole('region', { name: 'Back up' }).getByRole('status')).toContainText(
    '(protected with a passphrase): 1 case',
  );

  // The file is the encrypted container: its header says how the key is derived; nothing of the desk is readable.
  const file = readFileSync(backupPath);
  const [magic, headerLine] = file.subarray(0, 400).toString('latin1').split('\n');
  expect(magic).toBe('REDRESS-ENCRYPTED-BACKUP');
  const header = JSON.parse(headerLine) as { cipher: string; kdf: { name: string; iterations: number } };
  expect(header.cipher).toBe('AES-256-GCM');
  expect(header.kdf.name).toBe('PBKDF2-SHA-256');
  expect(header.kdf.iterations).toBeGreaterThanOrEqual(600_000);
  expect(file.toString('latin1')).not.toContain('redress-backup');
  expect(file.includes(Buffer.from([0x1f, 0x8b, 0x08]))).toBe(false);

  // The new computer: the first-run screen's restore asks for the passphrase.
  await wipeDatabase(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Set up your desk' })).toBeVisible();
  const restoreBox = page.getByRole('region', { name: 'Restore from a backup' });
  await chooseBackupFile(page, backupPath);
  const prompt = page.getByRole('dialog', { name: 'This backup is protected with a passphrase' });
  await expect(prompt).toBeVisible();
  await expect(prompt.getByRole('textbox', { name: 'Passphrase' })).toBeFocused();
  await page.keyboard.type('seven violet tractors hmm');
  await page.keyboard.press('Enter');
  await expect(prompt).toContainText('The passphrase is not right', { timeout: 20_000 });
  await page.screenshot({ path: shots('75-restore-wrong-passphrase') });
  // Nothing changed: no settings, no cases, nothing offered to restore.
  expect(await countRows(page, 'settings')).toBe(0);
  expect(await countRows(page, 'cases')).toBe(0);
  await expect(restoreBox.getByRole('button', { name: 'Restore…' })).toHaveCount(0);

  await prompt.getByRole('textbox', { name: 'Passphrase' }).fill(PASSPHRASE);
  await prompt.getByRole('button', { name: 'Open the backup' }).click();
  await expect(prompt).toBeHidden({ timeout: 20_000 });
  const holds = restoreBox.getByLabel('The backup file');
  await expect(holds).toContainText('The checksum matches.');
  await expect(holds.getByText('Cases', { exact: true }).locator('..')).toHaveText('Cases1');
  await restoreBox.getByRole('button', { name: 'Restore…' }).click();
  await page
    .getByRole('dialog', { name: 'Restore into this empty desk?' })
    .getByRole('button', { name: 'Restore', exact: true })
    .click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(DESK.company);
  expect(await countRows(page, 'cases')).toBe(1);
  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  await expect(page.getByRole('row', { name: /Ada Lovelace/ })).toBeVisible();
});
