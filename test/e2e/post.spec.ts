import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { adaByLetter, countRows, expect, logComplaint, messagesGone, setUpDesk, test } from './fixtures';

const shots = (name: string) => fileURLToPath(new URL(`../output/screenshots/${name}.png`, import.meta.url));
const pageCount = (pdf: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);

/** The issued letters' bytes, straight from the app's IndexedDB. */
async function issuedLetters(page: Page): Promise<Array<{ fileName: string; bytes: number[] }>> {
  return page.evaluate(async () => {
    const database = (await redressDesk())!;
    const letters = (await redressAnswer(
      database,
      database.transaction('letters').objectStore('letters').getAll(),
      'the letters',
    )) as Array<{ fileName: string; bytes: Uint8Array }>;
    return letters.map((l) => ({ fileName: l.fileName, bytes: Array.from(l.bytes) }));
  });
}

async function reference(page: Page): Promise<string> {
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(/^RDR-\d{4}-\d{6}$/);
  return (await heading.textContent())!.trim();
}

test('letters to post today are made into one print file, recorded on each case, and leave the list', async ({
  page,
}) => {
  await setUpDesk(page);
  const today = await page.evaluate(() => new Date().toLocaleDateString('en-CA'));
  await logComplaint(page, adaByLetter(today));
  const fresh = await reference(page);
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await logComplaint(page, {
    receivedOn: '2026-10-01',
    channel: 'Letter',
    category: 'Service',
    summary: 'Broadband keeps dropping in the evenings.',
    name: 'Grace Hopper',
    address: '1 Navy Row\nPortsmouth',
    postcode: 'PO1 3LJ',
  });
  const old = await reference(page);
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await logComplaint(page, {
    receivedOn: today,
    channel: 'Phone',
    category: 'Billing',
    summary: 'Phoned about a price rise.',
    name: 'Phone Caller',
    phone: '0113 496 0000',
  });
  const phoned = await reference(page);

  await page.getByRole('link', { name: 'Letters to post' }).click();
  await expect(page.getByRole('heading', { name: 'Letters to post today', level: 1 })).toBeVisible();
  const table = page.getByRole('table', { name: 'Letters to post' });
  await expect(table.getByRole('row')).toHaveCount(4); // header + 3 letters
  await expect(table.getByRole('row', { name: new RegExp(`${fresh}.*Acknowledgement`) })).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(`${old}.*Acknowledgement`) })).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(`${old}.*ADR letter.*overdue since`) })).toBeVisible();
  await expect(table).not.toContainText(phoned);
  for (const box of await table.getByRole('checkbox').all()) await expect(box).toBeChecked();
  // Left empty, each ADR letter says the sentence shown, in its own language.
  const progress = page.getByLabel('Progress so far (every ADR letter in this batch)');
  await expect(progress).toHaveValue('');
  await expect(progress).toHaveAttribute('placeholder', 'We are still looking into your complaint.');
  // Let the intake notifications close so they do not cover the page.
  await messagesGone(page);
  await page.screenshot({ path: shots('60-letters-to-post'), fullPage: true });

  const dir = mkdtempSync(join(tmpdir(), 'redress-post-'));
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Make print file' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`letters-to-post-${today}.pdf`);
  const pdf = join(dir, download.suggestedFilename());
  await download.saveAs(pdf);
  await expect(page.getByRole('status', { name: 'Print file made' })).toContainText('3 letters');
  await expect(page.getByText('No letters to post today.')).toBeVisible();
  // The letters were made off the page's thread, by the letter-rendering workers (allowed by the CSP as 'self').
  expect(
    page
      .workers()
      .map((w) => w.url())
      .filter((url) => /render-worker/.test(url)).length,
  ).toBeGreaterThan(0);

  // The print file holds exactly the issued letters, page for page.
  const letters = await issuedLetters(page);
  expect(letters.map((l) => l.fileName).sort()).toEqual(
    [`${fresh}-acknowledgement.pdf`, `${old}-acknowledgement.pdf`, `${old}-adr-letter.pdf`].sort(),
  );
  let sum = 0;
  for (const l of letters) {
    const file = join(dir, `single-${l.fileName}`);
    writeFileSync(file, Buffer.from(l.bytes));
    sum += pageCount(file);
  }
  expect(pageCount(pdf)).toBe(sum);
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  for (const expected of [fresh, old, 'Ada Lovelace', 'Grace Hopper', 'We are still looking into your complaint.'])
    expect(text, expected).toContain(expected);
  expect(text).not.toContain(phoned);
  expect(await countRows(page, 'letters')).toBe(3);

  // Each case's timeline shows its letters.
  await page.goto(`/#/cases/${await caseId(page, old)}`);
  const timeline = page.getByLabel('Timeline');
  await expect(timeline).toContainText(`ADR letter issued (${old}-adr-letter.pdf`);
  await expect(timeline).toContainText(`Acknowledgement letter issued (${old}-acknowledgement.pdf`);
  await expect(timeline.locator('[data-event-type="adr-letter-sent"]')).toHaveCount(1);
  await page.goto(`/#/cases/${await caseId(page, fresh)}`);
  await expect(page.getByLabel('Timeline')).toContainText(
    `Acknowledgement letter issued (${fresh}-acknowledgement.pdf`,
  );
  await expect(page.getByLabel('Timeline').locator('[data-event-type="acknowledged"]')).toHaveCount(1);
});

async function caseId(page: Page, ref: string): Promise<string> {
  return page.evaluate(async (reference) => {
    const database = (await redressDesk())!;
    const found = (await redressAnswer(
      database,
      database.transaction('cases').objectStore('cases').index('reference').get(reference),
      `the case ${reference}`,
    )) as { id: string };
    return found.id;
  }, ref);
}

test('a name the letter font cannot print is refused with the characters named, and never recorded as issued', async ({
  page,
}) => {
  await setUpDesk(page);
  const today = await page.evaluate(() => new Date().toLocaleDateString('en-CA'));
  await logComplaint(page, {
    receivedOn: today,
    channel: 'Letter',
    category: 'Billing',
    summary: 'Charged twice.',
    name: '王小明',
    address: '1 High Street\nLeeds',
    postcode: 'LS1 1AA',
  });
  const wang = await reference(page);
  const refusal = 'This letter contains characters the letter font cannot print: 王, 小, 明 (in the customer’s name).';

  // The quick acknowledgement: its dialog cannot make the letter, so there is nothing to issue.
  await page.getByRole('button', { name: 'Acknowledgement letter…' }).click();
  const quick = page.getByRole('dialog', { name: 'Write a letter' });
  await expect(quick.getByRole('alert').filter({ hasText: 'The letter cannot be made' })).toContainText(refusal);
  await expect(quick.getByRole('button', { name: 'Issue and download' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(quick).toBeHidden();
  // The letter dialog.
  await page.getByRole('button', { name: 'Other letters…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Write a letter' });
  await dialog.getByRole('combobox', { name: 'Letter', exact: true }).click();
  await page.getByRole('option').first().click();
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'The letter cannot be made' })).toContainText(refusal);
  await page.keyboard.press('Escape');

  // Letters to post: listed as cannot be printed, with the reason, and not chosen.
  await page.getByRole('link', { name: 'Letters to post' }).click();
  const row = page.getByRole('table', { name: 'Letters to post' }).getByRole('row', { name: new RegExp(wang) });
  await expect(row).toContainText(`Cannot be printed: ${refusal}`);
  await expect(row.getByRole('checkbox')).toBeDisabled();
  await expect(row.getByRole('checkbox')).not.toBeChecked();
  await expect(page.getByRole('button', { name: 'Make print file' })).toHaveCount(0);
  await page.screenshot({ path: shots('61-letters-to-post-cannot-print'), fullPage: true });
  expect(await countRows(page, 'letters')).toBe(0);
});
