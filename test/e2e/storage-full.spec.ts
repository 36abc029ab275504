// A full disk (issue #19's "bad input gets a clear message and loses nothing", for the one input nobody types): when
// the browser has no room left for the desk's data, a replace-restore and "Compact storage now" say so in plain words
// and what to do, leave the desk exactly as it was (no half-made copy left behind), and work once there is room again.
// The room is taken away with DevTools' quota override for the app's origin: IndexedDB then refuses to open a new
// store (a storage bucket, which both write into), as it does when the disk is full. Small writes into a store that is
// already open pass under the override for a while (Chromium allots space ahead), so the test uses the two actions
// that open a new store; what every other screen says is the same sentence (lib/i18n/refusals.test.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import {
  countRows,
  expect,
  logComplaint,
  openDataPage,
  setUpDesk,
  startReplace,
  test,
  todayInLondon,
} from './fixtures';

const shots = (name: string) => fileURLToPath(new URL(`../output/screenshots/${name}.png`, import.meta.url));
const FULL =
  'This computer has no room left for Redress’s data. Free some disk space (or ask your IT team to), then try again.';

/** The desk's storage buckets and the note of where its database is: what a move left behind would show here. */
const storagePlaces = (page: Page) =>
  page.evaluate(async () => ({
    buckets: await (navigator as unknown as { storageBuckets: { keys(): Promise<string[]> } }).storageBuckets.keys(),
    pointer: localStorage.getItem('redress.storage'),
  }));

test('with no room left, a replace and "Compact storage now" say so, change nothing, and work once there is room', async ({
  page,
  context,
  baseURL,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'redress-full-'));
  await setUpDesk(page);
  const today = todayInLondon();
  const complaint = { receivedOn: today, channel: 'Phone', category: 'Billing', summary: 'Bill too high' };
  await logComplaint(page, { ...complaint, name: 'Ada Lovelace', phone: '0113 496 0000' });
  await openDataPage(page);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Make a backup now' }).click();
  const file = join(dir, 'desk.redress-backup');
  await (await downloading).saveAs(file);
  // Logged after the backup: a replace with the file would remove it.
  await logComplaint(page, { ...complaint, name: 'Grace Hopper', phone: '0113 496 0001' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/-000002$/);
  const places = await storagePlaces(page);

  // No room left for the app's origin.
  const cdp = await context.newCDPSession(page);
  const origin = new URL(baseURL!).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });

  await startReplace(page, file);
  const refused = page.getByRole('alert').filter({ hasText: 'Not restored' });
  await expect(refused).toContainText(`Nothing was restored: ${FULL}`);
  await refused.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shots('75-restore-storage-full') });
  // The desk as it was: both complaints, nothing left of the copy the replace began.
  expect(await countRows(page, 'cases')).toBe(2);
  expect(await storagePlaces(page)).toEqual(places);

  await page.getByRole('link', { name: 'Privacy' }).click();
  await page.getByRole('button', { name: 'Compact storage now' }).click();
  await expect(page.getByText(`Nothing was changed: ${FULL}`)).toBeVisible();
  expect(await countRows(page, 'cases')).toBe(2);
  expect(await storagePlaces(page)).toEqual(places);

  // Room again: the same file restores, nothing was left locked or half-made.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await startReplace(page, file);
  await expect(page.getByText(/^Restored/).first()).toBeVisible({ timeout: 60_000 });
  expect(await countRows(page, 'cases')).toBe(1);
});
