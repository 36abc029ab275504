// Nothing lost: a complaint the screen says is logged survives the page being closed or crashing straight after,
// and two windows of the app stay in step without a reload (live queries).
import type { BrowserContext, Page } from '@playwright/test';
import { expect, logComplaint, setUpDesk, test } from './fixtures';

function todayInLondon(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
function addDays(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
const today = todayInLondon();

/** Another window of the app in the same profile, failing the test on any console error there too. */
async function openWindow(context: BrowserContext, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`second window: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`second window: pageerror: ${err.message}`));
  await page.goto('/');
  return page;
}

/** Log a complaint and return its reference the moment the screen confirms it. */
async function logAndWaitForConfirmation(page: Page, name: string): Promise<string> {
  await logComplaint(page, { receivedOn: addDays(today, -45), channel: 'Email', category: 'Service', summary: `Complaint from ${name}`, name, phone: '0113 496 0001' });
  const heading = page.getByRole('heading', { level: 2 });
  await expect(heading).toHaveText(/^RDR-\d{4}-\d{6}$/);
  const reference = (await heading.textContent())!.trim();
  await expect(page.getByRole('alert').filter({ hasText: 'Complaint logged' }).filter({ hasText: reference })).toBeVisible();
  return reference;
}

async function expectOnDashboard(page: Page, reference: string, name: string) {
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('region', { name: 'Overdue', exact: true }).getByRole('link', { name: new RegExp(reference) })).toContainText(name);
}

test('a complaint confirmed on screen survives the window being closed straight after', async ({ page, context, consoleErrors }) => {
  await setUpDesk(page);
  const reference = await logAndWaitForConfirmation(page, 'Clara Closed');
  await page.close({ runBeforeUnload: false });

  const again = await openWindow(context, consoleErrors);
  await expectOnDashboard(again, reference, 'Clara Closed');
  await again.getByRole('link', { name: 'Cases' }).click();
  await expect(again.getByRole('row', { name: new RegExp(reference) })).toContainText('Clara Closed');
});

test('a complaint confirmed on screen survives the page crashing straight after', async ({ page, context, consoleErrors }) => {
  await setUpDesk(page);
  const reference = await logAndWaitForConfirmation(page, 'Carl Crash');
  const crashed = page.waitForEvent('crash');
  const cdp = await context.newCDPSession(page);
  void cdp.send('Page.crash').catch(() => undefined);
  await crashed;

  const again = await openWindow(context, consoleErrors);
  await expectOnDashboard(again, reference, 'Carl Crash');
  // The reference is not handed out twice after the crash.
  const next = await logAndWaitForConfirmation(again, 'Nina Next');
  expect(Number(next.slice(-6))).toBe(Number(reference.slice(-6)) + 1);
});

test('a complaint confirmed on screen is there after a reload straight after', async ({ page }) => {
  await setUpDesk(page);
  const reference = await logAndWaitForConfirmation(page, 'Rita Reload');
  await page.reload();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(reference);
});

test('two windows stay in step: a complaint logged in one appears in the other without a reload', async ({ page, context, consoleErrors }) => {
  await setUpDesk(page);
  const other = await openWindow(context, consoleErrors);
  await expect(other.getByRole('heading', { name: 'Dashboard', level: 2 })).toBeVisible();
  await expect(other.getByRole('region', { name: 'Overdue', exact: true })).toContainText('Nothing overdue.');

  // Type in the first window (in front: a browser slows down timers and animations in a window behind).
  await page.bringToFront();
  const reference = await logAndWaitForConfirmation(page, 'Wanda Window');
  // The other window's dashboard, behind, redraws by itself.
  await expect(other.getByRole('region', { name: 'Overdue', exact: true }).getByRole('link', { name: new RegExp(reference) })).toContainText('Wanda Window');
  await expect(other.getByRole('button', { name: 'Overdue: 1' })).toBeVisible();

  // And its case list, already open, too.
  await other.getByRole('link', { name: 'Cases' }).click();
  await expect(other.getByRole('row', { name: new RegExp(reference) })).toBeVisible();
  const second = await logAndWaitForConfirmation(page, 'Walter Window');
  await expect(other.getByRole('row', { name: new RegExp(second) })).toContainText('Walter Window');

  // A change made in the other window shows here.
  await other.bringToFront();
  await other.getByRole('link', { name: 'Settings' }).click();
  await other.getByLabel('Add someone to the desk').fill('Priya Shah');
  await other.getByRole('button', { name: 'Add', exact: true }).click();
  await page.bringToFront();
  await page.getByRole('combobox', { name: 'Who is working' }).click();
  await expect(page.getByRole('option', { name: 'Priya Shah' })).toBeVisible();
  await page.keyboard.press('Escape');
});
