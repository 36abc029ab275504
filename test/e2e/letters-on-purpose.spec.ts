import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { axeViolations } from '#test/support/axe';
import {
  adaByLetter,
  DESK,
  chooseOption,
  countRows,
  expect,
  issueLetterFromDialog,
  logComplaint,
  setUpDesk,
  test,
} from './fixtures';

const shots = (name: string) => fileURLToPath(new URL(`../output/screenshots/${name}.png`, import.meta.url));

const ada = adaByLetter('2026-11-16');

test('the acknowledgement cannot be issued without its real pages shown first', async ({ page }) => {
  await setUpDesk(page);
  await logComplaint(page, ada);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(/^RDR-\d{4}-\d{6}$/);
  const ref = (await heading.textContent())!.trim();

  let downloads = 0;
  page.on('download', () => (downloads += 1));
  await page.getByRole('button', { name: 'Acknowledgement letter…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Write a letter' });
  await expect(dialog).toBeVisible();
  const first = dialog.getByRole('group', { name: /^Page 1 of \d+$/ });
  await expect(first).toBeVisible();
  // The page is drawn: its canvas has ink on it.
  const inked = await first.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const ctx = canvas.getContext('2d')!;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 128 && data[i + 3]! > 0) dark += 1;
    return dark;
  });
  expect(inked).toBeGreaterThan(1000);
  // The text layer holds the page's words: a screen reader reads the reference and the customer's name.
  await expect(first.locator('.textLayer')).toContainText(ref);
  await expect(first.locator('.textLayer')).toContainText('Ada Lovelace');
  // Focus is in the dialog, at its top (the letter chosen), and stays there once the pages are drawn: an Enter pressed
  // as the dialog opens does not issue the letter.
  await expect(dialog.getByRole('combobox', { name: 'Letter', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeVisible();
  expect(downloads).toBe(0);
  // Words typed there by mistake, before the text boxes are reached, only open the list: the letter stays the
  // acknowledgement and its draft stays (explore36-handler #1). Escape shuts the list, not the dialog.
  const letter = dialog.getByRole('combobox', { name: 'Letter', exact: true });
  await page.keyboard.type('After');
  await expect(letter).toHaveValue('Acknowledgement');
  await expect(letter).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(letter).toHaveAttribute('aria-expanded', 'false');
  await expect(dialog).toBeVisible();
  await expect(first).toBeVisible();
  await page.screenshot({ path: shots('70-letter-dialog-real-pages') });

  // Escape closes it and nothing was issued.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(downloads).toBe(0);
  await expect(page.getByText('Letters issued')).toHaveCount(0);

  const download = await issueLetterFromDialog(page);
  expect(download.suggestedFilename()).toBe(`${ref}-acknowledgement.pdf`);
  await expect(page.getByLabel('Timeline')).toContainText('Acknowledgement letter issued');
  // Acknowledged: the header now offers the letter the stage calls for next.
  await expect(page.getByRole('button', { name: 'Acknowledgement letter…' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Final response…' })).toBeVisible();
});

test('a wrong letter is withdrawn, never deleted, and a corrected one issued; both stay downloadable', async ({
  page,
}) => {
  await setUpDesk(page);
  await logComplaint(page, ada);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(/^RDR-\d{4}-\d{6}$/);
  const ref = (await heading.textContent())!.trim();
  const dir = mkdtempSync(join(tmpdir(), 'redress-withdraw-'));
  const first = await issueLetterFromDialog(page);
  const firstPath = join(dir, 'first.pdf');
  await first.saveAs(firstPath);

  // A second acknowledgement is asked about first; "Do not issue" issues nothing.
  await page.getByRole('button', { name: 'Other letters…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Write a letter' });
  await chooseOption(page, 'Letter', 'Acknowledgement');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByRole('group', { name: /^Page 1 of \d+$/ })).toBeVisible();
  await dialog.getByRole('button', { name: 'Issue and download' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    /An acknowledgement was already issued on \w{3} \d{1,2} \w{3} \d{4}\. Issue another\?/,
  );
  await expect(dialog.getByRole('button', { name: 'Issue another' })).toBeFocused();
  await page.screenshot({ path: shots('72-letter-issue-another') });
  // Escape answers the question, not the dialog; "Do not issue" puts the focus back on "Issue and download".
  await page.keyboard.press('Escape');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Issue and download' }).click();
  await dialog.getByRole('button', { name: 'Do not issue' }).click();
  await expect(dialog.getByRole('button', { name: 'Issue and download' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await countRows(page, 'letters')).toBe(1);

  // Withdraw it: the reason is required, and the dialog says a posted letter is not recalled.
  await page.getByRole('button', { name: `Withdraw ${ref}-acknowledgement.pdf…` }).click();
  const withdraw = page.getByRole('dialog', { name: 'Withdraw a letter' });
  await expect(withdraw).toContainText(
    'Withdrawing records that this letter was wrong; it does not recall a letter already posted or sent.',
  );
  await expect(withdraw.getByLabel('Why is it withdrawn?')).toBeFocused();
  // Who issued it, as the list says too: two desks' letters of one kind share a name and a day (explore40-team #7).
  await expect(withdraw).toContainText(
    new RegExp(`${ref}-acknowledgement\\.pdf, issued \\w{3} \\d{1,2} \\w{3} \\d{4} by ${DESK.handler}\\.`),
  );
  // The acknowledgement the letter recorded beside itself is named: withdrawing the letter leaves it counting.
  await expect(withdraw.getByRole('note').filter({ hasText: 'still counts' })).toContainText(
    /Issuing it also recorded “Complaint acknowledged by letter” \(\w{3} \d{1,2} \w{3} \d{4}\)/,
  );
  expect(await axeViolations(page, '[role="dialog"]'), 'axe violations on the withdraw dialog').toEqual([]);
  await withdraw.getByRole('button', { name: 'Withdraw the letter' }).click();
  await expect(withdraw).toContainText('Say why the letter is withdrawn.');
  await withdraw.getByLabel('Why is it withdrawn?').fill('Addressed to the old flat');
  await page.screenshot({ path: shots('73-letter-withdraw') });
  // Ctrl+Enter in the reason withdraws it, as it saves every other form.
  await withdraw.getByLabel('Why is it withdrawn?').press('Control+Enter');
  await expect(withdraw).toBeHidden();
  const timeline = page.getByLabel('Timeline');
  await expect(timeline.locator('[data-event-type="letter-withdrawn"]')).toContainText(
    `Letter withdrawn (${ref}-acknowledgement.pdf): Addressed to the old flat`,
  );
  const withdrawnRow = page.getByRole('row').filter({ hasText: 'Withdrawn' });
  await expect(withdrawnRow).toContainText('Addressed to the old flat');
  await expect(withdrawnRow).toContainText(DESK.handler);
  expect(await countRows(page, 'letters')).toBe(1);

  // The corrected letter: no "Issue another?" (the earlier one was withdrawn).
  await page.getByRole('button', { name: 'Issue a corrected letter…' }).click();
  const corrected = await issueLetterFromDialog(page, { button: null });
  // A name of its own: the withdrawn letter and its correction are told apart in the list and a downloads folder.
  expect(corrected.suggestedFilename()).toBe(`${ref}-acknowledgement-2.pdf`);
  expect(await countRows(page, 'letters')).toBe(2);
  await expect(page.getByRole('row').filter({ hasText: 'Withdrawn' })).toHaveCount(1);
  // Corrected: no longer offered.
  await expect(page.getByRole('button', { name: 'Issue a corrected letter…' })).toHaveCount(0);
  // Listed in the order issued, the withdrawn one first (the table's key order is the letters' random ids).
  const issuedRows = page
    .getByRole('table')
    .filter({ hasText: `${ref}-acknowledgement-2.pdf` })
    .getByRole('row');
  await expect(issuedRows).toHaveCount(2);
  await expect(issuedRows.first()).toContainText('Withdrawn');
  await expect(issuedRows.nth(1)).toContainText(`${ref}-acknowledgement-2.pdf`);
  await page.screenshot({ path: shots('74-letters-withdrawn-and-corrected'), fullPage: true });

  // Both are downloadable; the withdrawn one is the very file first issued.
  const again = page.waitForEvent('download');
  await withdrawnRow.getByRole('button', { name: 'Download the issued copy' }).click();
  const againPath = join(dir, 'again.pdf');
  await (await again).saveAs(againPath);
  expect(readFileSync(againPath).equals(readFileSync(firstPath))).toBe(true);
  const current = page
    .getByRole('row')
    .filter({ hasText: `${ref}-acknowledgement-2.pdf` })
    .filter({ hasNotText: 'Withdrawn' });
  const latest = page.waitForEvent('download');
  await current.getByRole('button', { name: 'Download the issued copy' }).click();
  expect((await latest).suggestedFilename()).toBe(`${ref}-acknowledgement-2.pdf`);
});

test('after the ADR letter with our final position, the header offers no final response and issuing one is asked about first (explore39-letters #1)', async ({
  page,
}) => {
  await setUpDesk(page);
  await logComplaint(page, ada);
  await issueLetterFromDialog(page);
  await expect(page.getByRole('button', { name: 'Final response…' })).toBeVisible();

  // "ADR letter: our final position" from Other letters…, with no deadlock recorded first.
  await page.getByRole('button', { name: 'Other letters…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Write a letter' });
  await chooseOption(page, 'Letter', 'ADR letter: our final position');
  await dialog.getByLabel('Our final position').fill('We have repaired the line. We cannot offer more.');
  await issueLetterFromDialog(page, { button: null, letter: 'ADR letter: our final position' });
  const timeline = page.getByLabel('Timeline');
  await expect(timeline.locator('[data-event-type="adr-letter-sent"]')).toContainText(
    'ADR letter sent with our final position',
  );
  // The customer has our final position: no final response is proposed next.
  await expect(page.getByRole('button', { name: 'Final response…' })).toHaveCount(0);
  const letters = page.getByRole('button', { name: 'Letters…', exact: true });
  await expect(letters).toBeVisible();

  // Issuing one all the same is asked about first; "Do not issue" issues nothing.
  await letters.click();
  await chooseOption(page, 'Letter', 'Final response');
  await dialog.getByRole('textbox', { name: 'What we found' }).fill('The fee was charged in error.');
  await dialog.getByRole('textbox', { name: 'What we have done' }).fill('We have refunded it.');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByRole('group', { name: /^Page 1 of \d+$/ })).toBeVisible({ timeout: 20_000 });
  await dialog.getByRole('button', { name: 'Issue and download' }).click();
  const asked = dialog.getByRole('alert').filter({ hasText: 'Final position already given' });
  await expect(asked).toContainText(
    /Our final position went to the customer in the ADR letter of \w{3} \d{1,2} \w{3} \d{4}\. A final response now would give the customer two final answers\./,
  );
  await expect(dialog.getByRole('button', { name: 'Issue it all the same' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Do not issue' }).click();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await countRows(page, 'letters')).toBe(2);
});
