// Two windows of one desk (two pages of one browser context share the IndexedDB database) editing the same case's
// details at once: an edit saves only what its person changed (issue #12, finding 5).
import type { Page } from '@playwright/test';
import {
  addDays,
  chooseIn,
  expect,
  fillDate,
  logComplaint,
  setUpDesk,
  test,
  textbox,
  todayInLondon,
  ukDate,
} from './fixtures';

async function openEdit(page: Page) {
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Edit the customer’s details…', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Phone')).toBeVisible();
  return dialog;
}

async function openCorrection(page: Page) {
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Correct the complaint’s facts…', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Date received')).toBeVisible();
  return dialog;
}

/** The ADR letter's due date as a case page shows it (a data attribute, the day in ISO form). */
const adrDue = (p: Page) => p.locator('[data-clock="adr-letter"] [data-due-on]');

/**
 * A desk with one billing complaint received by phone 10 days ago (its ADR letter, at 6 weeks, due in 32 days), open
 * in this window and in a second one (`b`).
 */
async function billingCaseInTwoWindows(page: Page) {
  const today = todayInLondon();
  await setUpDesk(page);
  await logComplaint(page, {
    receivedOn: addDays(today, -10),
    channel: 'Phone',
    category: 'Billing',
    summary: 'Charged twice for November.',
    name: 'Sean O’Brien',
    phone: '0161 496 0000',
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-000001$/);
  await expect(adrDue(page)).toHaveAttribute('data-due-on', addDays(today, 32));
  const b = await page.context().newPage();
  await b.goto(page.url());
  await expect(b.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-000001$/);
  return { today, b };
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

// explore27 finding 1: a correction form opened before another window's correction saved every field it showed, so
// the other window's date received went back and the timeline credited the undoing to this window's person.
test("window A's correction of the summary keeps window B's corrected date received; a fact both corrected is asked about", async ({
  page,
}) => {
  const { today, b } = await billingCaseInTwoWindows(page);

  // A opens the correction; B corrects the date received 3 days earlier and saves; A corrects only the summary.
  const a = await openCorrection(page);
  const bDialog = await openCorrection(b);
  await fillDate(bDialog.getByLabel('Date received'), addDays(today, -13));
  await textbox(bDialog, 'Why the correction').fill('Customer first rang three days earlier');
  await bDialog.getByRole('button', { name: 'Save the correction' }).click();
  await expect(bDialog).toBeHidden();
  await expect(adrDue(page)).toHaveAttribute('data-due-on', addDays(today, 29));

  // A's form still shows the old date, but its preview reads what A would save: no due date moves.
  await textbox(a, 'Summary of the complaint').fill('Charged twice for November, after 7pm.');
  await expect(a.getByLabel('Dates that change')).not.toContainText('ADR letter');
  await textbox(a, 'Why the correction').fill('Customer added the time');
  await a.getByRole('button', { name: 'Save the correction' }).click();
  await expect(a).toBeHidden();
  await expect(adrDue(page)).toHaveAttribute('data-due-on', addDays(today, 29));
  await expect(adrDue(b)).toHaveAttribute('data-due-on', addDays(today, 29));
  const corrections = page.locator('[data-event-type="corrected"]');
  await expect(corrections).toHaveCount(2);
  const mine = corrections.filter({ hasText: 'Customer added the time' });
  await expect(mine).toHaveCount(1);
  await expect(mine).not.toContainText('date received');

  // Both correct the category: A's save is refused for it and asks; "Use yours" saves A's category.
  const a2 = await openCorrection(page);
  const b2 = await openCorrection(b);
  await chooseIn(b, b2, 'Category', 'Service');
  await textbox(b2, 'Why the correction').fill('About the service');
  await b2.getByRole('button', { name: 'Save the correction' }).click();
  await expect(b2).toBeHidden();
  await chooseIn(page, a2, 'Category', 'Sales');
  await textbox(a2, 'Why the correction').fill('About a sale');
  await a2.getByRole('button', { name: 'Save the correction' }).click();
  const conflict = a2.locator('[data-edit-conflicts]');
  await expect(conflict).toContainText(
    'A change was saved while this form was open: category was Billing when you opened this, now Service',
  );
  await conflict.getByRole('radio', { name: 'Use yours: Sales' }).check();
  await a2.getByRole('button', { name: 'Save the correction' }).click();
  await expect(a2).toBeHidden();
  await expect(corrections.filter({ hasText: 'About a sale' })).toHaveCount(1);
  await expect(corrections).toHaveCount(4);
  await b.close();
});

// A draft kept the whole form: used after another window's correction, it put the old date received back, in this
// window's person's name. A draft now keeps only what was typed, laid over the form as it opens again.
test("window A's draft of a correction, used after window B corrected the date received, keeps B's date", async ({
  page,
}) => {
  const { today, b } = await billingCaseInTwoWindows(page);

  // A starts correcting the summary and closes the dialog by mistake: its draft is kept.
  let a = await openCorrection(page);
  await textbox(a, 'Summary of the complaint').fill('Charged twice for November, after 7pm.');
  await textbox(a, 'Why the correction').fill('Customer added the time');
  await page.keyboard.press('Escape');
  await expect(a).toBeHidden();

  // B corrects the date received 3 days earlier.
  const bDialog = await openCorrection(b);
  await fillDate(bDialog.getByLabel('Date received'), addDays(today, -13));
  await textbox(bDialog, 'Why the correction').fill('Customer first rang three days earlier');
  await bDialog.getByRole('button', { name: 'Save the correction' }).click();
  await expect(bDialog).toBeHidden();
  await expect(adrDue(page)).toHaveAttribute('data-due-on', addDays(today, 29));

  // A reopens the correction and uses the draft: B's date shows, A's summary and reason are back.
  a = await openCorrection(page);
  await a.getByRole('status').filter({ hasText: 'Unsaved draft' }).getByRole('button', { name: 'Use it' }).click();
  await expect(textbox(a, 'Summary of the complaint')).toHaveValue('Charged twice for November, after 7pm.');
  await expect(a.getByLabel('Date received')).toHaveValue(ukDate(addDays(today, -13)));
  await a.getByRole('button', { name: 'Save the correction' }).click();
  await expect(a).toBeHidden();
  await expect(adrDue(page)).toHaveAttribute('data-due-on', addDays(today, 29));
  const mine = page.locator('[data-event-type="corrected"]').filter({ hasText: 'Customer added the time' });
  await expect(mine).toHaveCount(1);
  await expect(mine).not.toContainText('date received');
  await b.close();
});
