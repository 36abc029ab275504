// Backup and restore through the "Your data" page: back up a desk with two complaints and an issued letter, wipe the
// browser's database, restore the file, and find the cases and the byte-identical letter again. A damaged file is
// refused with the reason, and changes nothing.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { axeViolations } from '#test/support/axe';
import {
  adaByLetter,
  chooseBackupFile,
  chooseOption,
  countEntries,
  countRows,
  expect,
  issueLetterFromDialog,
  logComplaint,
  messagesGone,
  openDataPage,
  setUpDesk,
  test,
  wipeDatabase,
} from './fixtures';

const shots = (name: string) => fileURLToPath(new URL(`../output/screenshots/${name}.png`, import.meta.url));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** The second complaint of the desk backed up, the one a replace loses. */
const ALAN = {
  receivedOn: '2026-11-19',
  channel: 'Phone',
  category: 'Fault repair',
  summary: 'Broadband drops every evening.',
  name: 'Alan Turing',
  phone: '0113 496 0000',
};

test('back up, wipe, restore: the cases and the byte-identical letter are back; a damaged file changes nothing', async ({
  page,
}) => {
  // Two cases, a letter, a backup, a wipe, a restore and a damaged file: more than the default minute on a busy machine.
  test.slow();
  const dir = mkdtempSync(join(tmpdir(), 'redress-backup-e2e-'));
  await setUpDesk(page);
  await logComplaint(page, adaByLetter('2026-11-18'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-000001$/);
  const ref = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  const letterDownload = await issueLetterFromDialog(page);
  const letterPath = join(dir, letterDownload.suggestedFilename());
  await letterDownload.saveAs(letterPath);
  await expect(page.getByText('Letters issued')).toBeVisible();

  await logComplaint(page, ALAN);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-000002$/);
  const eventsBefore = await countEntries(page);

  // Back up.
  await openDataPage(page);
  await expect(page.getByTestId('last-backup')).toHaveText('No backup has been made on this computer yet.');
  await expect(page.getByRole('region', { name: 'Automatic daily backup' })).toContainText(
    'Not available in the browser',
  );
  await expect(page.getByTestId('data-size')).toHaveText(/^Data stored: [\d.,]+ (bytes|KB|MB)/);
  const workerWarnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' && /backup worker/.test(m.text())) workerWarnings.push(m.text());
  });
  // Made in the backup worker (renderer/src/db/backup/backup-worker.ts), not on the page's thread. The worker is
  // ended once the backup is made (it holds nothing then), so it is caught as it starts.
  const workerPromise = page.waitForEvent('worker', { predicate: (w) => /backup-worker/.test(w.url()) });
  const backupPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Make a backup now' }).click();
  const backupDownload = await backupPromise;
  expect((await workerPromise).url()).toMatch(/backup-worker/);
  expect(backupDownload.suggestedFilename()).toMatch(/^redress-backup-RDR-\d{4}-\d{2}-\d{2}\.redress-backup$/);
  const backupPath = join(dir, backupDownload.suggestedFilename());
  await backupDownload.saveAs(backupPath);
  await expect(page.getByRole('region', { name: 'Back up' }).getByRole('status')).toContainText('2 cases');
  await expect(page.getByTestId('last-backup')).toContainText(`Last backup:`);
  await messagesGone(page);
  await page.screenshot({ path: shots('70-your-data'), fullPage: true });

  // Wipe the database: a new computer, or a browser that lost its data.
  await wipeDatabase(page);
  await setUpDesk(page);
  expect(await countRows(page, 'cases')).toBe(0);

  // Restore: the page shows what the file holds before anything changes.
  await openDataPage(page);
  await chooseBackupFile(page, backupPath);
  const holds = page.getByLabel('The backup file');
  await expect(holds).toContainText('The checksum matches.');
  await expect(holds).toContainText('by desk RDR');
  await expect(holds.getByText('Cases', { exact: true }).locator('..')).toHaveText('Cases2');
  await expect(page.getByRole('radio', { name: 'Restore into this empty desk' })).toBeChecked();
  await page.screenshot({ path: shots('71-restore-choice'), fullPage: true });
  await page.getByRole('button', { name: 'Restore…' }).click();
  // A two-case restore is over in a moment: what the progress showed meanwhile is recorded by an observer.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __progressSeen: string[] }).__progressSeen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="restore-progress-text"]')?.textContent;
      const bar = document.querySelector('[role="progressbar"][aria-label="Restore progress"]');
      const entry = text && bar ? `${bar.getAttribute('aria-valuenow')}% ${text}` : null;
      if (entry && seen[seen.length - 1] !== entry) seen.push(entry);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const confirm = page.getByRole('dialog', { name: 'Restore into this empty desk?' });
  await confirm.getByRole('button', { name: 'Restore', exact: true }).click();
  const restored = page.getByRole('region', { name: 'Restore from a backup' }).getByRole('status');
  await expect(restored).toContainText('this desk now has 2 cases');
  // While it ran, a bar and a sentence said how far it was; once done, they are gone and the file can be chosen again.
  const progressSeen = await page.evaluate(() => (window as unknown as { __progressSeen: string[] }).__progressSeen);
  expect(progressSeen.length).toBeGreaterThan(0);
  for (const entry of progressSeen)
    expect(entry).toMatch(/^\d{1,3}% (Starting|Checking|Removing|Writing|Reading|Indexing|Finishing)/);
  await expect(page.getByTestId('restore-progress')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Choose a backup file…' })).toBeEnabled();
  await expect(restored.getByRole('row', { name: /^Cases/ })).toContainText('2');
  await messagesGone(page);
  await page.screenshot({ path: shots('72-restored'), fullPage: true });
  expect(await countEntries(page)).toBe(eventsBefore);
  expect(await countRows(page, 'letters')).toBe(1);
  expect(await countRows(page, 'audit')).toBe(1);

  // The cases are back, searchable, and the letter is the same file, byte for byte.
  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  await expect(page.getByRole('row', { name: /Alan Turing/ })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(ref) });
  await expect(row).toContainText('Ada Lovelace');
  await row.getByRole('link', { name: ref }).click();
  await expect(page.getByLabel('Timeline')).toContainText('Acknowledgement letter issued');
  const againPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the issued copy' }).click();
  const again = await againPromise;
  const againPath = join(dir, 'again.pdf');
  await again.saveAs(againPath);
  expect(sha256(readFileSync(againPath))).toBe(sha256(readFileSync(letterPath)));

  // A damaged copy (one byte changed in the middle) and a truncated one: refused with the reason; nothing changes.
  const good = readFileSync(backupPath);
  const damaged = Buffer.from(good);
  damaged[Math.floor(damaged.length / 2)] ^= 0x20;
  const damagedPath = join(dir, 'damaged.redress-backup');
  writeFileSync(damagedPath, damaged);
  const truncatedPath = join(dir, 'truncated.redress-backup');
  writeFileSync(truncatedPath, good.subarray(0, Math.floor(good.length / 3)));
  const casesNow = await countRows(page, 'cases');
  const auditNow = await countRows(page, 'audit');

  await openDataPage(page);
  await chooseBackupFile(page, truncatedPath);
  const refusal = page.getByRole('region', { name: 'Restore from a backup' }).getByRole('alert');
  await expect(refusal).toContainText('Not restored');
  await expect(refusal).toContainText('The backup file is truncated');
  await chooseBackupFile(page, damagedPath);
  await expect(refusal).toContainText(/The backup file is damaged|The checksum does not match/);
  await expect(page.getByRole('button', { name: 'Restore…' })).toHaveCount(0);
  expect(workerWarnings).toEqual([]);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shots('73-restore-refused'), fullPage: true });
  expect(await countRows(page, 'cases')).toBe(casesNow);
  expect(await countRows(page, 'audit')).toBe(auditNow);
});

/** "Make a backup now" on "Your data", saved in `dir`; returns its path. */
async function backUp(page: Page, dir: string, name: string): Promise<string> {
  await openDataPage(page);
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Make a backup now' }).click();
  const path = join(dir, name);
  await (await downloadPromise).saveAs(path);
  await expect(page.getByRole('region', { name: 'Back up' }).getByRole('status')).toBeVisible();
  return path;
}

test('replace: a backup of another desk is said and asks for a deliberate tick; the cases lost are named before and after', async ({
  page,
}) => {
  test.slow();
  const dir = mkdtempSync(join(tmpdir(), 'redress-replace-e2e-'));
  // Another desk (explore39 #2): Southwind Telecom, prefix SWT, one case, backed up; then a new computer.
  await setUpDesk(page, 'SWT', 'Southwind Telecom');
  await logComplaint(page, { ...ALAN, name: 'Grace Hopper' });
  const other = await backUp(page, dir, 'other-desk.redress-backup');
  await wipeDatabase(page);

  // This desk: one case, backed up; then one more case logged after the backup (explore39 #5).
  await setUpDesk(page);
  await logComplaint(page, adaByLetter('2026-11-18'));
  const own = await backUp(page, dir, 'own-desk.redress-backup');
  await logComplaint(page, ALAN);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-000002$/);
  const lostRef = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();

  // The other desk's backup: said prominently on the check, and a replace asks for a tick before it is allowed.
  await openDataPage(page);
  await chooseBackupFile(page, other);
  await expect(page.getByTestId('restore-other-desk')).toContainText(
    'This backup is of another desk: SWT, Southwind Telecom. Replacing puts that desk’s data here instead of this desk’s: every one of this desk’s 2 cases goes.',
  );
  await page.getByRole('radio', { name: 'Replace what is here' }).check();
  await page.getByRole('button', { name: 'Restore…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Replace what is here?' });
  const replaceButton = confirm.getByRole('button', { name: 'Replace this desk’s data' });
  await expect(confirm).toContainText('This backup is of another desk');
  await expect(confirm).toContainText('These 2 cases are on this desk but not in the backup. They will be lost.');
  await expect(confirm.getByRole('list', { name: '2 cases lost' })).toContainText(`${lostRef}, Alan Turing`);
  await expect(confirm.getByRole('button', { name: 'Merge instead' })).toBeVisible();
  await expect(replaceButton).toBeDisabled();
  await confirm
    .getByRole('checkbox', { name: 'I understand this desk’s 2 cases will be replaced by another desk’s' })
    .check();
  await expect(replaceButton).toBeEnabled();
  await messagesGone(page);
  await page.screenshot({ path: shots('74-replace-other-desk-confirm') });
  expect(await axeViolations(page, '[role="dialog"]'), 'axe violations on the other-desk confirmation').toEqual([]);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  expect(await countRows(page, 'cases')).toBe(2);

  // Its own backup: no other-desk warning, no tick; the case logged since is named before, and after as lost.
  await chooseBackupFile(page, own);
  await expect(page.getByLabel('The backup file')).toContainText('The checksum matches.');
  await expect(page.getByTestId('restore-other-desk')).toHaveCount(0);
  await page.getByRole('radio', { name: 'Replace what is here' }).check();
  await page.getByRole('button', { name: 'Restore…' }).click();
  await expect(confirm).not.toContainText('another desk');
  await expect(confirm.getByRole('checkbox')).toHaveCount(0);
  await expect(confirm).toContainText('This case is on this desk but not in the backup. It will be lost.');
  await expect(confirm.getByRole('list', { name: '1 case lost' })).toHaveText(`${lostRef}, Alan Turing`);
  await expect(confirm).toHaveCSS('opacity', '1'); // the dialog's fade-in over, for the screenshot
  await page.screenshot({ path: shots('75-replace-confirm-lost') });
  await replaceButton.click();
  const restored = page.getByRole('region', { name: 'Restore from a backup' }).getByRole('status');
  await expect(restored).toContainText(
    'Cases: 1 unchanged, 0 changed back to the backup’s version, 0 added from the backup, 1 lost.',
  );
  await expect(restored).toContainText(`Case lost: ${lostRef}, Alan Turing.`);
  await expect(restored.getByRole('row', { name: /^Cases/ })).toHaveText('Cases21');
  await messagesGone(page);
  await page.screenshot({ path: shots('76-replace-result'), fullPage: true });
  expect(await countRows(page, 'cases')).toBe(1);

  // The same in French (Canada), with one more case logged since: the other desk's backup (not replaced), then its own.
  await logComplaint(page, { ...ALAN, name: 'Mary Jackson', phone: '0113 496 0001' });
  await page.getByRole('link', { name: 'Settings' }).click();
  await chooseOption(page, 'Language of the interface', 'Français (Canada)');
  await expect(page.getByRole('heading', { name: 'Paramètres', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Vos données' }).click();
  const chooseFr = async (file: string) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choisir un fichier de sauvegarde…' }).click();
    await (await chooser).setFiles(file);
  };
  await chooseFr(other);
  await expect(page.getByTestId('restore-other-desk')).toContainText('Cette sauvegarde est celle d’un autre service');
  await page.getByRole('radio', { name: 'Remplacer ce qui est ici' }).check();
  await page.getByRole('button', { name: 'Restaurer…' }).click();
  const confirmFr = page.getByRole('dialog');
  await expect(confirmFr).toContainText('Ces 2 dossiers sont dans ce service, mais pas dans la sauvegarde.');
  await confirmFr.getByRole('checkbox').check();
  await messagesGone(page);
  await page.screenshot({ path: shots('77-replace-other-desk-confirm-fr') });
  await confirmFr.getByRole('button', { name: 'Annuler' }).click();
  await chooseFr(own);
  await expect(page.getByTestId('restore-other-desk')).toHaveCount(0);
  await page.getByRole('radio', { name: 'Remplacer ce qui est ici' }).check();
  await page.getByRole('button', { name: 'Restaurer…' }).click();
  await expect(confirmFr).toContainText('Mary Jackson');
  await expect(confirmFr).toHaveCSS('opacity', '1');
  await page.screenshot({ path: shots('78-replace-confirm-lost-fr') });
  await confirmFr.getByRole('button', { name: 'Remplacer les données de ce service' }).click();
  const restoredFr = page.getByRole('region', { name: 'Restaurer une sauvegarde' }).getByRole('status');
  await expect(restoredFr).toContainText('1 perdu');
  await expect(restoredFr).toContainText('Dossier perdu\u00a0:');
  await messagesGone(page);
  await page.screenshot({ path: shots('79-replace-result-fr'), fullPage: true });
});
