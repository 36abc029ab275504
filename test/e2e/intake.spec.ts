import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { axeViolations } from '#test/support/axe';
import {
  chooseOption,
  countEntries,
  countRows,
  expect,
  fillDate,
  issueLetterFromDialog,
  logComplaint,
  setUpDesk,
  submitComplaint,
  test,
  todayInLondon,
  ukDate,
} from './fixtures';

const shots = (name: string) => fileURLToPath(new URL(`../output/screenshots/${name}.png`, import.meta.url));

test('log a complaint, see it listed after a reload, and issue the acknowledgement letter', async ({ page }) => {
  await setUpDesk(page);
  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  await page.screenshot({ path: shots('01-empty-case-list'), fullPage: true });

  // The browser keeps none of the customer's details for its suggestions: they would outlive an erasure
  // (explore36-manager #1).
  await page.getByRole('link', { name: 'New complaint' }).click();
  for (const box of [
    page.getByLabel('Name', { exact: false }).first(),
    page.getByLabel('Postal address').first(),
    page.getByLabel('Postcode').first(),
    page.getByLabel('Phone'),
    page.getByRole('textbox', { name: 'Email' }),
  ])
    await expect(box).toHaveAttribute('autocomplete', 'off');

  await logComplaint(page, {
    receivedOn: '2026-11-18',
    channel: 'Letter',
    category: 'Billing',
    summary: 'I was charged twice for my October broadband bill and nobody has refunded me.',
    name: 'Ada Lovelace',
    address: '12 St James Square\nLondon',
    postcode: 'SW1Y 4JH',
  });

  const reference = page.getByRole('heading', { level: 1 });
  await expect(reference).toHaveText(/^RDR-\d{4}-000001$/);
  const ref = (await reference.textContent())!.trim();
  await expect(page.getByLabel('Timeline')).toContainText(`logged as ${ref}`);
  await page.screenshot({ path: shots('02-case-page'), fullPage: true });

  // Still there after closing and reopening the app.
  await page.reload();
  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  const row = page.getByRole('row', { name: new RegExp(ref) });
  await expect(row).toContainText('Ada Lovelace');
  await expect(row).toContainText('18 Nov 2026');
  await page.screenshot({ path: shots('03-case-list'), fullPage: true });

  await row.getByRole('link', { name: ref }).click();
  const download = await issueLetterFromDialog(page);
  expect(download.suggestedFilename()).toBe(`${ref}-acknowledgement.pdf`);
  const dir = mkdtempSync(join(tmpdir(), 'redress-e2e-'));
  const pdf = join(dir, download.suggestedFilename());
  await download.saveAs(pdf);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain(ref);
  expect(text).toContain('Ada Lovelace');
  expect(text).toContain('18 November 2026');

  // The timeline records that it was issued, with the locked copy's checksum.
  await expect(page.getByLabel('Timeline')).toContainText('Acknowledgement letter issued');
  await expect(page.getByText('Letters issued')).toBeVisible();
  expect(await countRows(page, 'letters')).toBe(1);
  await page.screenshot({ path: shots('04-letter-issued'), fullPage: true });

  // Download the locked copy again: the same bytes.
  const againPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the issued copy' }).click();
  const again = await againPromise;
  const pdf2 = join(dir, 'again.pdf');
  await again.saveAs(pdf2);
  expect(execFileSync('sha256sum', [pdf2], { encoding: 'utf8' }).split(' ')[0]).toBe(
    execFileSync('sha256sum', [pdf], { encoding: 'utf8' }).split(' ')[0],
  );
});

test('an intake with missing fields or an impossible date is refused next to the field, and nothing is stored', async ({
  page,
}) => {
  await setUpDesk(page);
  await page.getByRole('link', { name: 'New complaint' }).click();
  await fillDate(page.getByLabel('Date received'), '');
  await page.getByRole('button', { name: 'Log complaint' }).click();

  const form = page.getByRole('form', { name: 'New complaint' });
  await expect(form.getByText('Enter the date the complaint was received')).toBeVisible();
  await expect(form.getByText('Choose how the complaint was made')).toBeVisible();
  await expect(form.getByText('Choose a category')).toBeVisible();
  await expect(form.getByText('Enter the customer’s name')).toBeVisible();
  await expect(form.getByText('Describe the complaint in a few words')).toBeVisible();
  // The message sits with its field (Mantine links it as the input's description).
  await expect(page.getByLabel('Date received')).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: shots('05-intake-errors'), fullPage: true });

  // A date in the future.
  await fillDate(page.getByLabel('Date received'), '2099-01-01');
  await page.getByRole('button', { name: 'Log complaint' }).click();
  await expect(form.getByText('The date received cannot be in the future')).toBeVisible();

  expect(await countRows(page, 'cases')).toBe(0);
  expect(await countEntries(page)).toBe(0);
  // Nothing typed is lost: the form still holds the entry.
  await expect(page.getByLabel('Date received')).toHaveValue('01/01/2099');
});

test('an address longer than the envelope window is refused next to the field, which says the limit; nothing is stored', async ({
  page,
}) => {
  await setUpDesk(page);
  await logComplaint(page, {
    receivedOn: '2026-11-18',
    channel: 'Letter',
    category: 'Billing',
    summary: 'Charged twice.',
    name: 'Ada Lovelace',
    address: Array.from({ length: 21 }, (_, i) => `Line ${i + 1}`).join('\n'),
    postcode: 'SW1Y 4JH',
  });
  const form = page.getByRole('form', { name: 'New complaint' });
  await expect(
    form.getByText('At most 5 lines, each at most 36 characters, to fit the envelope window').first(),
  ).toBeVisible();
  await expect(form.getByText('The address has 21 lines; letters fit at most 5')).toBeVisible();
  await expect(page.getByLabel('Postal address').first()).toHaveAttribute('aria-invalid', 'true');
  expect(await countRows(page, 'cases')).toBe(0);
});

test('a postcode that does not look like one of the region is asked about once its box is left, never refused', async ({
  page,
}) => {
  await setUpDesk(page);
  await page.getByRole('link', { name: 'New complaint' }).click();
  const form = page.getByRole('form', { name: 'New complaint' });
  const postcode = form.getByRole('textbox', { name: 'Postcode', exact: true });
  await postcode.fill('LS1');
  // Not while it is being typed.
  const check = form.locator('[data-postcode-check="postcode"]');
  await expect(check).toHaveCount(0);
  await page.keyboard.press('Tab');
  await expect(check).toHaveText(
    '“LS1” does not look like a UK postcode (such as SW1A 1AA). Check it before saving: letters print it as typed.',
  );
  await expect(postcode).not.toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: shots('185-intake-postcode-check') });
  expect(await axeViolations(page, 'form'), 'axe violations on the intake with its postcode question').toEqual([]);
  await postcode.fill('LS1 4AP');
  await page.keyboard.press('Tab');
  await expect(check).toHaveCount(0);
});

test('a phone complaint logged today defaults to today and gets the next reference', async ({ page }) => {
  await setUpDesk(page);
  await page.getByRole('link', { name: 'New complaint' }).click();
  await expect(page.getByLabel('Date received')).toHaveValue(ukDate(todayInLondon()));
  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  for (const name of ['Grace Hopper', 'Alan Turing']) {
    await logComplaint(page, {
      receivedOn: todayInLondon(),
      channel: 'Phone',
      category: 'Fault repair',
      summary: 'Line keeps dropping',
      name,
      phone: '0113 496 0000',
    });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-\d{6}$/);
  }
  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  await expect(page.getByRole('row', { name: /000002.*Alan Turing/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /000001.*Grace Hopper/ })).toBeVisible();
});

test('how the customer wants to be written to is recorded and used for the acknowledgement letter', async ({
  page,
}) => {
  await setUpDesk(page);
  await logComplaint(page, {
    receivedOn: '2026-11-18',
    channel: 'Letter',
    category: 'Service',
    summary: 'Mon service est coupé depuis une semaine.',
    name: 'Élodie Tremblay',
    address: '1250 rue Sainte-Catherine Ouest\nMontréal QC',
    postcode: 'H3G 1P1',
    language: 'French (Canada)',
    largePrint: true,
  });
  await expect(page.getByRole('row', { name: /Write to them/ })).toContainText('French (Canada), large print');

  const download = await issueLetterFromDialog(page);
  const dir = mkdtempSync(join(tmpdir(), 'redress-e2e-'));
  const pdf = join(dir, download.suggestedFilename());
  await download.saveAs(pdf);
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('18 novembre 2026');
  expect(text).toContain('Élodie Tremblay');
  expect(text).not.toContain('Dear');
  // Large print: the body text is set at 16 pt or more (pdftotext -bbox gives each word's height).
  const bbox = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const heights = [...bbox.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)]
    .map((m) => Number(m[2]) - Number(m[1]))
    .sort((a, b) => a - b);
  expect(heights[Math.floor(heights.length / 2)]).toBeGreaterThan(17);
});

test('a business with 25 employees is flagged as outside the complaints rules; its communication needs can be edited', async ({
  page,
}) => {
  await setUpDesk(page);
  await page.getByRole('link', { name: 'New complaint' }).click();
  await fillDate(page.getByLabel('Date received'), '2026-11-18');
  await chooseOption(page, 'Channel', 'Phone');
  await chooseOption(page, 'Category', 'Billing');
  await page.getByLabel('Summary').fill('Our office lines were billed twice in October.');
  await page.getByLabel('Name', { exact: false }).first().fill('Canal Wharf Joinery Ltd');
  await page.getByLabel('Phone').fill('0113 496 0000');

  // The number of employees is asked only for a business, and must be a whole number.
  await expect(page.getByLabel('Number of employees')).toHaveCount(0);
  await page.getByRole('switch', { name: 'Customer is a business' }).check();
  await page.getByLabel('Number of employees').fill('twenty');
  await page.getByRole('button', { name: 'Log complaint' }).click();
  const form = page.getByRole('form', { name: 'New complaint' });
  await expect(form.getByText('Enter the number of employees as a whole number, like 8')).toBeVisible();
  await expect(page.getByLabel('Number of employees')).toHaveAttribute('aria-invalid', 'true');
  expect(await countRows(page, 'cases')).toBe(0);
  await page.getByLabel('Number of employees').fill('25');
  await form.getByText('Customer is a business').scrollIntoViewIfNeeded();
  await form
    .locator('fieldset', { hasText: 'Customer is a business' })
    .screenshot({ path: shots('06-intake-business') });
  await submitComplaint(page);

  // The case page shows the rules engine's scope warning, and the ADR clocks do not apply.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-000001$/);
  const warning = page.getByRole('note').filter({ hasText: 'Business customer with 25 employees' });
  await expect(warning).toContainText(
    /outside .+’s scope \(10 or fewer employees\), so no ADR letter or referral window applies/,
  );
  await expect(page.getByRole('row', { name: /^Business/ })).toContainText('Yes, 25 employees');
  await expect(page.locator('[data-clock="adr-letter"] [data-state]')).toHaveAttribute('data-state', 'not-applicable');
  await page.screenshot({ path: shots('07-case-business-warning'), fullPage: true });

  // Edit the communication needs: large print letters.
  await expect(page.getByRole('row', { name: /Write to them/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Edit the customer’s details…', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Number of employees')).toHaveValue('25');
  await dialog.getByRole('checkbox', { name: 'Large print letters' }).check();
  await dialog.screenshot({ path: shots('09-edit-customer-needs') });
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /Write to them/ })).toContainText('large print');
  const entry = page.locator('[data-event-type="customer-edited"]');
  await expect(entry).toContainText('Customer’s details changed: large print');
  await expect(entry.getByRole('table', { name: 'Changed details' })).toContainText(/Large print\s*No\s*Yes/);

  // A smaller business: no longer outside the rules, and the ADR letter clock runs again.
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Edit the customer’s details…', exact: true }).click();
  await dialog.getByLabel('Number of employees').fill('5');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('note').filter({ hasText: 'employees' })).toHaveCount(0);
  await expect(page.locator('[data-clock="adr-letter"] [data-state]')).toHaveAttribute('data-state', 'running');
  await page.screenshot({ path: shots('08-case-business-edited'), fullPage: true });
});
