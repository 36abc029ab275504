// Forms that help instead of trap (issue #15): dates typed in the interface language's order whatever the machine's
// regional setting, "Are you sure?" about a received date that is probably a slip, Enter for a new line and
// Ctrl+Enter to save, required boxes marked, and the draft of a dialog closed by mistake offered back.
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import {
  act,
  chooseOption,
  countEntries,
  countRows,
  expect,
  fillDate,
  logComplaint,
  setUpDesk,
  test,
} from './fixtures';

const shots = (name: string) => fileURLToPath(new URL(`../output/screenshots/${name}.png`, import.meta.url));

// A Wednesday, so that the Sunday before is 29 November. The clock is fixed, timers run as usual.
const NOW = new Date('2026-12-02T10:42:00Z');

async function openIntake(page: Page) {
  await page.clock.setFixedTime(NOW);
  await setUpDesk(page);
  await page.getByRole('link', { name: 'New complaint' }).click();
}

test.describe('on a machine whose regional setting is the United States', () => {
  test.use({ locale: 'en-US' });

  test('a received date typed as 01122026 is 1 December 2026 (English (UK) order), never 12 January', async ({
    page,
  }) => {
    await openIntake(page);
    const date = page.getByRole('textbox', { name: 'Date received' });
    // The box shows the interface language's order, not the machine's (which would be mm/dd/yyyy).
    await expect(date).toHaveAttribute('placeholder', 'dd/mm/yyyy');
    await expect(date).toHaveValue('02/12/2026');
    await fillDate(date, '01122026');
    await expect(date).toHaveValue('01/12/2026');
    const field = page.locator('.mantine-InputWrapper-root', { has: date });
    await expect(field).toContainText('Tuesday 1 December 2026 — yesterday');
    await field.screenshot({ path: shots('forms-01-intake-date-read') });

    // What cannot be read without guessing is refused, and stays in the box to be put right.
    await fillDate(date, '0112202');
    await expect(date).toHaveValue('0112202');
    await expect(date).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toContainText('“0112202” is not a date. Type the date as dd/mm/yyyy, e.g. 01/12/2026.');
    await field.screenshot({ path: shots('forms-02-intake-date-refused') });
    await chooseOption(page, 'Channel', 'Phone');
    await chooseOption(page, 'Category', 'Billing');
    await page.getByLabel('Summary').fill('Charged twice.');
    await page.getByLabel('Name', { exact: false }).first().fill('Ada Lovelace');
    await page.getByLabel('Phone').fill('0113 496 0101');
    await page.getByRole('button', { name: 'Log complaint' }).click();
    await expect(page.getByRole('form', { name: 'New complaint' })).toBeVisible();
    expect(await countRows(page, 'cases')).toBe(0);

    // Typed again, it is saved as 1 December 2026.
    await fillDate(date, '1/12/2026');
    await page.getByRole('button', { name: 'Log complaint' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-\d{6}$/);
    await expect(page.getByRole('row', { name: /^Received/ })).toContainText('1 Dec 2026');
  });
});

test('required boxes are marked and say so to a screen reader', async ({ page }) => {
  await openIntake(page);
  for (const name of ['Date received', 'Summary', 'Name']) {
    await expect(page.getByRole('textbox', { name, exact: true })).toHaveJSProperty('required', true);
  }
  for (const name of ['Channel', 'Category']) {
    await expect(page.getByRole('combobox', { name })).toHaveJSProperty('required', true);
  }
  await expect(page.getByRole('textbox', { name: 'Account number' })).toHaveJSProperty('required', false);
});

test('a letter "received" on a Sunday asks "Are you sure?" with the date in words before anything is saved', async ({
  page,
}) => {
  await openIntake(page);
  await fillDate(page.getByRole('textbox', { name: 'Date received' }), '29/11/2026');
  await chooseOption(page, 'Channel', 'Letter');
  await chooseOption(page, 'Category', 'Billing');
  await page.getByLabel('Summary').fill('Charged twice for the October bill.');
  await page.getByLabel('Name', { exact: false }).first().fill('Ada Lovelace');
  await page.getByLabel('Postal address').first().fill('12 St James Square\nLondon');
  await page.getByLabel('Postcode').first().fill('SW1Y 4JH');
  await page.getByRole('button', { name: 'Log complaint' }).click();

  const question = page.getByRole('dialog', { name: 'Are you sure?' });
  await expect(question).toContainText('Sunday 29 November 2026 — 3 days ago');
  await expect(question).toContainText('It is a Sunday: no post is delivered on a Sunday.');
  await page.screenshot({ path: shots('forms-03-received-sunday-are-you-sure') });
  // The focus is on "Change the date" (not the ×, not "Yes"): Enter pressed out of habit goes back to the box, and
  // nothing was saved.
  await expect(question.getByRole('button', { name: 'Change the date' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(question).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Date received' })).toBeFocused();
  expect(await countRows(page, 'cases')).toBe(0);

  // A date more than 30 days ago is asked about too; "Yes, that date" saves it.
  await fillDate(page.getByRole('textbox', { name: 'Date received' }), '12/01/2026');
  await page.getByRole('button', { name: 'Log complaint' }).click();
  await expect(question).toContainText('Monday 12 January 2026 — 324 days ago');
  await expect(question).toContainText('more than 30 days ago');
  await question.getByRole('button', { name: 'Yes, that date' }).click();
  await expect(question).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-\d{6}$/);
  expect(await countRows(page, 'cases')).toBe(1);
});

async function loggedCase(page: Page) {
  await page.clock.setFixedTime(NOW);
  await setUpDesk(page);
  await logComplaint(page, {
    receivedOn: '2026-12-01',
    channel: 'Phone',
    category: 'Billing',
    summary: 'Charged twice.',
    name: 'Grace Hopper',
    phone: '0113 496 0101',
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-\d{6}$/);
}

async function openAddNote(page: Page) {
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Add a note…', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a note' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('Enter in a note makes a new line; Ctrl+Enter saves it', async ({ page }) => {
  await loggedCase(page);
  const dialog = await openAddNote(page);
  const note = dialog.getByRole('textbox', { name: 'Note' });
  await note.click();
  await page.keyboard.type('Customer rang about the bill.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Promised a call back on Friday.');
  await expect(dialog).toBeVisible();
  await expect(note).toHaveValue('Customer rang about the bill.\nPromised a call back on Friday.');
  const before = await countEntries(page);
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Timeline')).toContainText('Promised a call back on Friday.');
  expect(await countEntries(page)).toBe(before + 1);
});

test('Ctrl+Enter saves from a select box too, and a button busy saving keeps the keyboard focus (explore41-fr #2, #3)', async ({
  page,
}) => {
  await openIntake(page);
  await chooseOption(page, 'Category', 'Billing');
  await page.getByLabel('Summary').fill('Charged twice.');
  await page.getByLabel('Name', { exact: false }).first().fill('Ada Lovelace');
  await page.getByLabel('Phone').fill('0113 496 0101');
  await chooseOption(page, 'Channel', 'Phone');
  // The focus on a select box: Ctrl+Enter saves the complaint, it does not open the box's list.
  await page.getByRole('combobox', { name: 'Channel' }).focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-\d{6}$/);
  expect(await countRows(page, 'cases')).toBe(1);

  // Settings saved from the keyboard: the focus is still on "Save settings" once it has saved (Mantine's busy button
  // is disabled while it saves, and the browser drops the focus of a disabled button to the page).
  await page.getByRole('link', { name: 'Settings' }).click();
  const save = page.getByRole('button', { name: 'Save settings' });
  await save.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Settings saved').first()).toBeVisible();
  await expect(save).toBeEnabled();
  await expect(save).toBeFocused();
});

test('a case closed from "Next steps" leaves the focus on "Letters…", not on the page (explore41-fr #1)', async ({
  page,
}) => {
  await loggedCase(page);
  await act(page, 'Resolve', [['How it was resolved', 'Refunded the second charge.']], 'Refunded the second charge.');
  const close = page.getByRole('button', { name: 'Close the case…' });
  await close.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Close the case' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Timeline')).toContainText('Case closed');
  await expect(page.getByRole('button', { name: /Letters…$/i })).toBeFocused();
});

test('a dialog closed by mistake offers its draft back on reopening', async ({ page }) => {
  await loggedCase(page);
  let dialog = await openAddNote(page);
  await dialog.getByRole('textbox', { name: 'Note' }).fill('A long note that took a while to write.');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  dialog = await openAddNote(page);
  const offer = dialog.getByRole('status').filter({ hasText: 'Unsaved draft' });
  await expect(offer).toContainText('You have an unsaved draft from 10:42.');
  await expect(dialog.getByRole('textbox', { name: 'Note' })).toHaveValue('');
  await dialog.screenshot({ path: shots('forms-04-draft-offered') });
  await offer.getByRole('button', { name: 'Use it' }).click();
  await expect(offer).toBeHidden();
  await expect(dialog.getByRole('textbox', { name: 'Note' })).toHaveValue('A long note that took a while to write.');
  await dialog.getByRole('button', { name: 'Add note' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Timeline')).toContainText('A long note that took a while to write.');

  // Saved: no draft is left to offer.
  dialog = await openAddNote(page);
  await expect(dialog.getByRole('textbox', { name: 'Note' })).toHaveValue('');
  await expect(dialog.getByText('Unsaved draft')).toHaveCount(0);
  // Discarded: gone for good.
  await dialog.getByRole('textbox', { name: 'Note' }).fill('Not wanted.');
  await page.keyboard.press('Escape');
  dialog = await openAddNote(page);
  await dialog.getByRole('button', { name: 'Discard' }).click();
  await expect(dialog.getByText('Unsaved draft')).toHaveCount(0);
  await page.keyboard.press('Escape');
  dialog = await openAddNote(page);
  await expect(dialog.getByText('Unsaved draft')).toHaveCount(0);
});

test('a jump to another case with Ctrl+K closes the open form: nothing is saved on the other case, the draft waits on its own', async ({
  page,
}) => {
  await loggedCase(page);
  const grace = (await page.getByRole('heading', { level: 1 }).textContent())!;
  await logComplaint(page, {
    receivedOn: '2026-12-01',
    channel: 'Phone',
    category: 'Billing',
    summary: 'No dial tone.',
    name: 'Ada Lovelace',
    phone: '0113 496 0102',
  });
  const ada = (await page.getByRole('heading', { level: 1 }).textContent())!;
  await page.keyboard.press('Control+K');
  await page.getByRole('textbox', { name: 'Jump to a case or a screen' }).fill('Grace');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(grace);

  let dialog = await openAddNote(page);
  await dialog.getByRole('textbox', { name: 'Note' }).fill('Grace Hopper rang back: the refund is on her bill.');
  const before = await countEntries(page);
  await page.keyboard.press('Control+K');
  await page.getByRole('textbox', { name: 'Jump to a case or a screen' }).fill('Lovelace');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ada);
  // The form of Grace Hopper's case is not left open over Ada Lovelace's, to be saved there.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByLabel('Timeline')).not.toContainText('Grace Hopper rang back');
  expect(await countEntries(page)).toBe(before);

  // Back on Grace Hopper's case, the note is offered as her draft.
  await page.keyboard.press('Control+K');
  await page.getByRole('textbox', { name: 'Jump to a case or a screen' }).fill('Grace');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(grace);
  dialog = await openAddNote(page);
  await dialog.getByRole('status').filter({ hasText: 'Unsaved draft' }).getByRole('button', { name: 'Use it' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Note' })).toHaveValue(
    'Grace Hopper rang back: the refund is on her bill.',
  );
});

test('Escape with a date box’s calendar open closes the calendar, not the form; the next Escape closes the form', async ({
  page,
}) => {
  await loggedCase(page);
  const dialog = await openAddNote(page);
  await dialog.getByRole('textbox', { name: 'Note' }).fill('Rang the engineer.');
  const date = dialog.getByRole('textbox', { name: 'Date' });
  await date.click();
  const calendar = page.locator('[data-dates-dropdown]');
  await expect(calendar).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(calendar).toBeHidden();
  await expect(dialog).toBeVisible();
  await expect(date).toBeFocused();
  await expect(dialog.getByRole('textbox', { name: 'Note' })).toHaveValue('Rang the engineer.');
  // A date half typed when the form closes: its draft brings the note back, and the date box with its date, not empty.
  await date.fill('2/12/2');
  await page.keyboard.press('Escape');
  await expect(calendar).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const again = await openAddNote(page);
  await again.getByRole('status').filter({ hasText: 'Unsaved draft' }).getByRole('button', { name: 'Use it' }).click();
  await expect(again.getByRole('textbox', { name: 'Note' })).toHaveValue('Rang the engineer.');
  await expect(again.getByRole('textbox', { name: 'Date' })).toHaveValue('02/12/2026');
});

test('a date box that says what is wrong keeps its calendar shut as it takes the focus, so the message shows; a click opens it', async ({
  page,
}) => {
  await loggedCase(page);
  const dialog = await openAddNote(page);
  const date = dialog.getByRole('textbox', { name: 'Date' });
  await date.fill('1/12/26');
  await page.keyboard.press('Tab');
  const message = dialog.getByText('Type the year in full');
  await expect(message).toBeVisible();
  // Back to the box, as a refused Save or Shift+Tab brings the focus: the message stays in view, no calendar over it.
  await page.keyboard.press('Shift+Tab');
  await expect(date).toBeFocused();
  const calendar = page.locator('[data-dates-dropdown]');
  await expect(calendar).toBeHidden();
  await expect(message).toBeVisible();
  // A click opens it; Escape closes the calendar, not the form.
  await date.click();
  await expect(calendar).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(calendar).toBeHidden();
  await expect(dialog).toBeVisible();
  // Corrected, the message goes.
  await date.fill('01/12/2026');
  await expect(message).toBeHidden();
});

test('an intake left by mistake offers what was typed back, except vulnerability details', async ({ page }) => {
  await openIntake(page);
  await page.getByLabel('Summary').fill('No service since Monday; engineer did not come.');
  await page.getByLabel('Name', { exact: false }).first().fill('Grace Hopper');
  await page.getByRole('button', { name: 'Add details…' }).click();
  await page.getByLabel('Vulnerability or health details').fill('Uses a hearing aid');
  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  // The case list has taken the screen (it loads on first opening): the form is gone, only its draft is left.
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'New complaint' }).click();

  const offer = page.getByRole('status').filter({ hasText: 'Unsaved draft' });
  await expect(offer).toContainText('You have an unsaved draft from 10:42.');
  await offer.getByRole('button', { name: 'Use it' }).click();
  await expect(page.getByLabel('Summary')).toHaveValue('No service since Monday; engineer did not come.');
  await expect(page.getByLabel('Name', { exact: false }).first()).toHaveValue('Grace Hopper');
  await page.getByRole('button', { name: 'Add details…' }).click();
  await expect(page.getByLabel('Vulnerability or health details')).toHaveValue('');
  const stored = await page.evaluate(() => JSON.stringify(sessionStorage));
  expect(stored).toContain('engineer did not come');
  expect(stored).not.toContain('hearing aid');
});
