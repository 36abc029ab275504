// A desk moving to a new computer: the first-run screen offers "Restore from a backup", which brings the cases AND the
// desk's settings and people, so nothing has to be filled in; the app then opens on the dashboard. A damaged file is
// refused there with the reason and leaves the first-run screen as it was.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseBackupFile, countRows, DESK, expect, logComplaint, setUpDesk, test, wipeDatabase } from './fixtures';

const shots = (name: string) => fileURLToPath(new URL(`../output/screenshots/${name}.png`, import.meta.url));

test('new computer: restore from a backup on the first-run screen brings the cases and the desk settings, then opens the dashboard', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'redress-first-run-e2e-'));

  // The old computer: a desk with one complaint, backed up.
  await setUpDesk(page);
  await logComplaint(page, {
    receivedOn: '2026-11-18',
    channel: 'Phone',
    category: 'Billing',
    summary: 'Charged twice for the October bill.',
    name: 'Ada Lovelace',
    phone: '0113 496 0000',
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-000001$/);
  const ref = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  await page.getByRole('link', { name: 'Your data' }).click();
  const backupPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Make a backup now' }).click();
  const download = await backupPromise;
  const backupPath = join(dir, download.suggestedFilename());
  await download.saveAs(backupPath);
  await expect(page.getByRole('region', { name: 'Back up' }).getByRole('status')).toContainText('1 case');

  // The new computer: no database at all.
  await wipeDatabase(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Set up your desk' })).toBeVisible();
  const restoreBox = page.getByRole('region', { name: 'Restore from a backup' });
  await expect(
    restoreBox.getByRole('heading', { name: 'Moving from another computer? Restore from a backup' }),
  ).toBeVisible();
  await page.screenshot({ path: shots('first-run-01-offer'), fullPage: true });

  // A damaged file: refused with the reason, nothing restored, still the first-run screen.
  const truncatedPath = join(dir, 'truncated.redress-backup');
  writeFileSync(truncatedPath, readFileSync(backupPath).subarray(0, 200));
  await chooseBackupFile(page, truncatedPath);
  await expect(restoreBox.getByRole('alert')).toContainText('Not restored');
  await expect(restoreBox.getByRole('button', { name: 'Restore…' })).toHaveCount(0);
  expect(await countRows(page, 'settings')).toBe(0);

  // The real file: the same checks and summary as on "Your data"; only "into this empty desk" is offered.
  await chooseBackupFile(page, backupPath);
  const holds = restoreBox.getByLabel('The backup file');
  await expect(holds).toContainText('The checksum matches.');
  await expect(holds).toContainText('by desk RDR');
  await expect(holds.getByText('Cases', { exact: true }).locator('..')).toHaveText('Cases1');
  await expect(holds).toContainText('its settings and people included');
  await expect(restoreBox.getByRole('radio')).toHaveCount(0);
  await expect(restoreBox.getByRole('alert')).toHaveCount(0);
  await page.screenshot({ path: shots('first-run-02-backup-checked'), fullPage: true });
  await restoreBox.getByRole('button', { name: 'Restore…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Restore into this empty desk?' });
  await confirm.getByRole('button', { name: 'Restore', exact: true }).click();

  // The dashboard of the restored desk: its company name in the header, the case on the list.
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(DESK.company);
  await expect(page.locator('.mantine-Notification-root')).toContainText('1 case on this desk now.');
  await page.screenshot({ path: shots('first-run-03-restored-dashboard'), fullPage: true });
  expect(await countRows(page, 'cases')).toBe(1);
  expect(await countRows(page, 'settings')).toBe(1);
  expect(await countRows(page, 'audit')).toBe(1); // the restore, recorded
  await expect.poll(() => countRows(page, 'people')).toBe(1); // the backup's handler, not added twice

  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  const row = page.getByRole('row', { name: new RegExp(ref) });
  await expect(row).toContainText('Ada Lovelace');

  // The settings are the old desk's.
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Company name')).toHaveValue(DESK.company);
  await expect(page.getByLabel('Desk prefix')).toHaveValue(DESK.prefix);
  await expect(page.getByLabel('Your name')).toHaveValue(DESK.handler);

  // The reference counter came along: the next complaint continues the old desk's numbering.
  await logComplaint(page, {
    receivedOn: '2026-11-20',
    channel: 'Phone',
    category: 'Service',
    summary: 'Engineer did not arrive.',
    name: 'Alan Turing',
    phone: '0113 496 0001',
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-000002$/);
});
