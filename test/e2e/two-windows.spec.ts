// Two windows of one desk (two pages of one browser context share the IndexedDB database) editing the same case's
// details at once: an edit saves only what its person changed (issue #12, finding 5).
import type { Page } from '@playwright/test';
import { expect, logComplaint, setUpDesk, test } from './fixtures';

async function openEdit(page: Page) {
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Edit the customer’s details…', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Phone')).toBeVisible();
  return dialog;
}

/** A row of the case's details (the timeline's tables of changed details have rows named alike). */
const detailRow = (page: Page, name: string) =>
  page
    .locator('.mantine-Card-root', { has: page.getByRole('heading', { name: 'Complaint' }) })
    .getByRole('row', { name: new RegExp(`^${name} `) });

test.setTimeout(150_000);

test("window A's edit of the email keeps window B's new phone, and a field both changed is asked about", async ({
  page,
}) => {
  await setUpDesk(page);
  await logComplaint(page, {
    receivedOn: '2026-11-18',
    channel: 'Letter',
    category: 'Billing',
    summary: 'Charged twice for October.',
    name: 'Ada Lovelace',
    address: '12 St James Square\nLondon',
    postcode: 'SW1Y 4JH',
    phone: '0161 496 0000',
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-000001$/);

  const b = await page.context().newPage();
  await b.goto(page.url());
  await expect(b.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-000001$/);

  // A opens the form; B changes the phone and saves; A changes only the email and saves.
  const a = await openEdit(page);
  const bDialog = await openEdit(b);
  await bDialog.getByLabel('Phone').fill('0207 946 0000');
  await bDialog.getByRole('button', { name: 'Save details' }).click();
  await expect(bDialog).toBeHidden();
  await expect(detailRow(page, 'Phone')).toContainText('0207 946 0000');

  await a.getByLabel('Email').fill('ada@example.com');
  await a.getByRole('button', { name: 'Save details' }).click();
  await expect(a).toBeHidden();
  await expect(detailRow(page, 'Phone')).toContainText('0207 946 0000');
  await expect(detailRow(page, 'Email')).toContainText('ada@example.com');
  await expect(detailRow(b, 'Phone')).toContainText('0207 946 0000');
  const entries = page.locator('[data-event-type="customer-edited"]');
  await expect(entries).toHaveCount(2);
  // A's entry names only the email (the newest entry is first or last: find it by what it says).
  await expect(entries.filter({ hasText: 'Customer’s details changed: email' })).toHaveCount(1);
  await expect(entries.filter({ hasText: 'Customer’s details changed: phone' })).toHaveCount(1);

  // Both change the phone: A's save is refused for it and asks; "Keep theirs" saves the rest of A's edit.
  const a2 = await openEdit(page);
  const b2 = await openEdit(b);
  await b2.getByLabel('Phone').fill('0113 496 0123');
  await b2.getByRole('button', { name: 'Save details' }).click();
  await expect(b2).toBeHidden();
  await a2.getByLabel('Phone').fill('0161 496 0999');
  await a2.getByLabel('Account number').fill('ACC-77');
  await a2.getByRole('button', { name: 'Save details' }).click();
  const conflict = a2.locator('[data-edit-conflicts]');
  await expect(conflict).toContainText(
    'A change was saved while this form was open: phone was 0207 946 0000 when you opened this, now 0113 496 0123',
  );
  await a2.getByRole('button', { name: 'Save details' }).click();
  await expect(
    a2.getByRole('alert').filter({ hasText: 'Choose “Keep theirs” or “Use yours” for phone' }),
  ).toBeVisible();
  await conflict.getByRole('radio', { name: 'Keep theirs: 0113 496 0123' }).check();
  await a2.getByRole('button', { name: 'Save details' }).click();
  await expect(a2).toBeHidden();
  await expect(detailRow(page, 'Phone')).toContainText('0113 496 0123');
  await expect(detailRow(page, 'Account')).toContainText('ACC-77');
  await expect(entries.filter({ hasText: 'Customer’s details changed: account number' })).toHaveCount(1);
  await b.close();
});
