import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { axeViolations } from '#test/support/axe';
import type { TimelineEvent } from '#shared/model/case';
import {
  adaByLetter,
  act,
  allRows,
  chooseOption,
  countRows,
  expect,
  fillDate,
  logComplaint,
  messagesGone,
  setUpDesk,
  storedDeskSettings,
  submitComplaint,
  test,
  textbox,
} from './fixtures';

/** A complaint by letter, received on the day the 6-week ADR letter rule began: its weeks are long over. */
const ADA = adaByLetter('2026-04-08');

const shots = (name: string) => fileURLToPath(new URL(`../output/screenshots/${name}.png`, import.meta.url));

/** Median height of the words on the first page, in points: about 1.2 × the body's font size. */
function medianWordHeight(pdf: string): number {
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
  const heights = [...html.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)].map(
    (m) => Number(m[2]) - Number(m[1]),
  );
  heights.sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)]!;
}

async function issueAdrLetter(
  page: Page,
  dir: string,
  options: { largePrint: boolean; screenshot?: string; another?: boolean; meanwhile?: () => Promise<void> },
  /** Called when the preview was made again after a change elsewhere (`meanwhile`), before the letter is issued. */
  madeAgain?: (dialog: Locator) => Promise<void>,
) {
  await page.getByRole('button', { name: 'Other letters…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Write a letter' });
  await expect(dialog).toBeVisible();
  await chooseOption(page, 'Letter', 'ADR letter: still unresolved after the wait');
  await dialog
    .getByLabel('Progress so far')
    .fill(
      'We have asked our billing team to check both October payments.\n\nThey expect to finish by the end of the month.',
    );
  if (options.largePrint) await dialog.getByLabel('Large print').check();
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const preview = dialog.getByLabel('Letter preview');
  // pdf.js draws the pages and their text layer: seconds on a loaded 2-core machine (5 s was once too short in CI).
  await expect(preview).toContainText('6 weeks', { timeout: 20_000 });
  await expect(preview).toContainText('asked our billing team');
  if (options.screenshot) {
    // Let the earlier notifications close so they do not cover the dialog's buttons.
    await messagesGone(page);
    await page.screenshot({ path: shots(options.screenshot) });
  }

  // Something done elsewhere between the preview and the issue (another window, as another desk would): the letter
  // is made again before it can be issued.
  if (options.meanwhile) {
    await options.meanwhile();
    const changed = dialog.locator('[data-changed-since-preview]');
    await expect(changed).toContainText('The case changed since this preview');
    await expect(dialog.getByRole('button', { name: 'Issue and download' })).toBeDisabled();
    await page.screenshot({ path: shots('190-letter-changed-since-preview') });
    expect(await axeViolations(page, '[role="dialog"]'), 'axe violations on the changed case').toEqual([]);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect(changed).toHaveCount(0);
    await madeAgain?.(preview);
  }
  const downloadPromise = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Issue and download' }).click();
  // The second ADR letter (the large-print copy) is asked about first.
  if (options.another) await dialog.getByRole('button', { name: 'Issue another' }).click();
  const download = await downloadPromise;
  await expect(dialog).toBeHidden();
  const pdf = join(dir, download.suggestedFilename());
  await download.saveAs(pdf);
  return { pdf, name: download.suggestedFilename() };
}

test('an ADR letter (time-based) is previewed, issued, locked on the timeline and listed; large print is larger', async ({
  page,
}) => {
  await setUpDesk(page);
  await logComplaint(page, ADA);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(/^RDR-\d{4}-000001$/);
  const ref = (await heading.textContent())!.trim();
  const dir = mkdtempSync(join(tmpdir(), 'redress-letters-'));

  // A letter needing the desk's words is refused with a clear message, and nothing is recorded.
  await page.getByRole('button', { name: 'Other letters…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Write a letter' });
  await chooseOption(page, 'Letter', 'ADR letter: still unresolved after the wait');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByRole('alert')).toContainText('The letter needs the progress made so far');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await countRows(page, 'letters')).toBe(0);

  const standard = await issueAdrLetter(page, dir, { largePrint: false, screenshot: '50-letter-dialog' });
  expect(standard.name).toBe(`${ref}-adr-letter.pdf`);
  const text = execFileSync('pdftotext', ['-layout', standard.pdf, '-'], { encoding: 'utf8' });
  for (const expected of [
    '6 weeks',
    '12 months',
    'Communications Ombudsman',
    '0330 440 1614',
    ref,
    'Ada Lovelace',
    'Sam Patel',
  ]) {
    expect(text, expected).toContain(expected);
  }

  const timeline = page.getByLabel('Timeline');
  await expect(timeline.locator('[data-event-type="adr-letter-sent"]')).toContainText('ADR letter sent');
  await expect(timeline).toContainText(`ADR letter issued (${ref}-adr-letter.pdf)`);
  await expect(page.getByText('Letters issued')).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(`${ref}-adr-letter\\.pdf`) })).toBeVisible();
  expect(await countRows(page, 'letters')).toBe(1);

  // Large print: the same letter at 16 pt.
  const large = await issueAdrLetter(page, dir, { largePrint: true, another: true });
  expect(large.name).toBe(`${ref}-adr-letter-large-print.pdf`);
  expect(readFileSync(large.pdf).equals(readFileSync(standard.pdf))).toBe(false);
  const largeText = execFileSync('pdftotext', [large.pdf, '-'], { encoding: 'utf8' });
  expect(largeText).toContain('6 weeks');
  expect(medianWordHeight(standard.pdf)).toBeLessThan(14);
  expect(medianWordHeight(large.pdf)).toBeGreaterThan(17);
  await expect(page.getByRole('row', { name: new RegExp(`${ref}-adr-letter-large-print\\.pdf`) })).toBeVisible();
  // Each letter names the letters of its kind the desk knew of as it issued it: none for the first, the first for the
  // large print one issued after "Issue another?" (a second final response from a desk that had not seen the first is
  // told apart by it: explore40-team #6).
  const issuedEntries = (await allRows<{ entries: TimelineEvent[] }>(page, 'timelines'))
    .flatMap((row) => row.entries)
    .filter((e) => e.type === 'letter-issued')
    .sort((a, b) => a.at.localeCompare(b.at));
  const letterIdOf = (fileName: string) => issuedEntries.find((e) => e.data?.fileName === fileName)?.data?.letterId;
  expect(issuedEntries.map((e) => e.data?.issuedAfter)).toEqual([[], [letterIdOf(`${ref}-adr-letter.pdf`)]]);
  expect(await countRows(page, 'letters')).toBe(2);
  // A second copy the same day is not a second ADR letter event.
  await expect(timeline.locator('[data-event-type="adr-letter-sent"]')).toHaveCount(1);
  await page.screenshot({ path: shots('51-letters-issued'), fullPage: true });

  // The date received corrected afterwards: each letter says it was made with the old one (its dates may be wrong).
  await expect(page.locator('[data-letter-receipt-corrected]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Correct the complaint’s facts…', exact: true }).click();
  const correction = page.getByRole('dialog', { name: 'Correct the complaint’s facts' });
  await fillDate(textbox(correction, 'Date received'), '2026-04-09');
  await textbox(correction, 'Why the correction').fill('The date stamp was misread');
  await correction.getByRole('button', { name: 'Save the correction' }).click();
  await page.getByRole('dialog', { name: 'Are you sure?' }).getByRole('button', { name: 'Yes, that date' }).click();
  await expect(correction).toBeHidden();
  const madeWith = page.locator('[data-letter-receipt-corrected]');
  await expect(madeWith).toHaveCount(2);
  await expect(madeWith.first()).toHaveText(
    'Made when the date received was Wed 8 Apr 2026; it has since been corrected to Thu 9 Apr 2026, so the dates this letter gives may be wrong. Withdraw it and issue a corrected letter if they are.',
  );
  await page.getByText('Letters issued').scrollIntoViewIfNeeded();
  await page.screenshot({
    path: shots('183-letters-made-with-a-corrected-receipt'),
    style: '.mantine-Notifications-root { display: none; }',
  });

  // The customer moved after the letters: each was right when it was sent, and says nothing.
  const madeFor = page.locator('[data-letter-address-changed]');
  await editAddress(page, '22 New Road\nHarrogate', 'HG1 2AB');
  await expect(page.getByLabel('Timeline')).toContainText('Customer’s details changed: postal address, postcode');
  await expect(madeFor).toHaveCount(0);

  // A letter written while the address is changed in another window (as another desk's change arriving would): the
  // dialog says so and makes it again before it can be issued, so it goes to Leeds, not Harrogate (explore37-team).
  // (A letter issued offline before another desk's change arrives is flagged afterwards: issued.test.ts.)
  const other = await page.context().newPage();
  await other.goto(page.url());
  const late = await issueAdrLetter(
    page,
    dir,
    {
      largePrint: false,
      another: true,
      meanwhile: async () => {
        await editAddress(other, '3 Park Row\nLeeds', 'LS1 5HD');
        await other.close();
      },
    },
    async (preview) => {
      await expect(preview).toContainText('3 Park Row', { timeout: 20_000 });
    },
  );
  const lateText = execFileSync('pdftotext', [late.pdf, '-'], { encoding: 'utf8' });
  expect(lateText).toContain('3 Park Row');
  expect(lateText).not.toContain('Harrogate');
  await expect(madeFor).toHaveCount(0);
});

/** "Edit the customer's details…": a new postal address and postcode, saved. */
async function editAddress(page: Page, address: string, postcode: string) {
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Edit the customer’s details…', exact: true }).click();
  const details = page.getByRole('dialog', { name: /customer’s details/ });
  await details.getByLabel('Postal address').first().fill(address);
  await details.getByLabel('Postcode').first().fill(postcode);
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details).toBeHidden();
}

test('CISAS: the ADR letter gives its verified email; the desk is told its unverified postal address before printing or issuing (explore27-rules F4)', async ({
  page,
}) => {
  await setUpDesk(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  await chooseOption(page, 'ADR scheme', 'CISAS (Communications and Internet Services Adjudication Scheme)');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect.poll(() => storedDeskSettings(page)).toMatchObject({ adrSchemeId: 'cisas' });
  await logComplaint(page, ADA);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(/^RDR-\d{4}-000001$/);
  const ref = (await heading.textContent())!.trim();
  const casePage = page.url();
  const check = (where: Page | Locator) =>
    where.getByRole('note').filter({ hasText: 'Check the scheme’s details first' });

  // Letters to post: before "Make print file", for the ADR letter (the acknowledgement prints only verified facts).
  await page.getByRole('link', { name: 'Letters to post' }).click();
  await expect(page.getByRole('table', { name: 'Letters to post' })).toContainText(ref);
  await expect(check(page)).toContainText(
    `The letter for ${ref} gives the postal address of CISAS (Communications and Internet Services Adjudication Scheme) as Redress’s scheme directory has it`,
  );
  await expect(check(page)).toContainText(
    'Check it on the scheme’s website, www.cedr.com/consumer/cisas, before you print.',
  );
  await messagesGone(page);
  await page.screenshot({ path: shots('56-post-scheme-check'), fullPage: true });

  // The letter dialog: with the preview, before "Issue and download".
  await page.goto(casePage);
  await page.getByRole('button', { name: 'Other letters…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Write a letter' });
  await chooseOption(page, 'Letter', 'ADR letter: still unresolved after the wait');
  await dialog.getByLabel('Progress so far').fill('We have asked our billing team to check both October payments.');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByLabel('Letter preview')).toContainText('cisas@cedr.com', { timeout: 20_000 });
  await expect(check(dialog)).toContainText(
    'This letter gives the postal address of CISAS (Communications and Internet Services Adjudication Scheme)',
  );
  await page.screenshot({ path: shots('57-letter-dialog-scheme-check') });
  const downloadPromise = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Issue and download' }).click();
  const download = await downloadPromise;
  const pdf = fileURLToPath(new URL('../output/screenshots/57-cisas-adr-letter.pdf', import.meta.url));
  await download.saveAs(pdf);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('Email: cisas@cedr.com');
  expect(text).toMatch(/Post: CISAS, CEDR, 100 St Paul.s Churchyard, London, EC4M 8BU/);
});

test('the desk edits the wording of a draft final response; the issued PDF carries the edited words, the regulator’s stay', async ({
  page,
}) => {
  await setUpDesk(page);
  await logComplaint(page, ADA);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(/^RDR-\d{4}-\d{6}$/);
  const ref = (await heading.textContent())!.trim();
  const dir = mkdtempSync(join(tmpdir(), 'redress-letters-edit-'));

  await page.getByRole('button', { name: 'Other letters…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Write a letter' });
  await chooseOption(page, 'Letter', 'Final response');
  await dialog.getByLabel('What we found').fill('You were charged twice for October.');
  await dialog.getByLabel('What we have done').fill('We have refunded the second payment.');
  await dialog.getByLabel('Edit text').check();
  const wording = dialog.getByLabel('Letter wording');
  await expect(wording).toBeVisible();

  // Each catalogue paragraph is in a box, prefilled with the catalogue's words.
  const boxes = wording.getByRole('textbox');
  const values = await boxes.evaluateAll((els) => els.map((el) => (el as HTMLTextAreaElement).value));
  const intro = values.findIndex((v) => v.startsWith('Thank you for your patience while we looked into the complaint'));
  const handler = values.findIndex((v) => v.startsWith('I am handling the complaint.'));
  expect(intro).toBeGreaterThanOrEqual(0);
  expect(handler).toBeGreaterThan(intro);
  // What the regulator requires is shown, locked: the scheme and the 12-month limit.
  const required = wording.getByRole('group', { name: /required/ });
  await expect(required.filter({ hasText: '12 months' })).toHaveCount(1);
  await expect(required.filter({ hasText: 'Communications Ombudsman' }).first()).toBeVisible();

  await boxes
    .nth(intro)
    .fill('Thank you for writing to us about your October bill, and for bearing with us while we checked it.');
  await boxes.nth(handler).fill('');
  await expect(wording).toContainText('Left out of the letter.');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const preview = dialog.getByLabel('Letter preview');
  await expect(preview).toContainText('for bearing with us while we checked it');
  await expect(preview).not.toContainText('Thank you for your patience');
  await expect(preview).not.toContainText('I am handling the complaint.');
  await messagesGone(page);
  await page.screenshot({ path: shots('52-letter-edit-text') });
  await wording.screenshot({ path: shots('53-letter-edit-text-paragraphs') });

  const downloadPromise = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Issue and download' }).click();
  const download = await downloadPromise;
  await expect(dialog).toBeHidden();
  const pdf = join(dir, download.suggestedFilename());
  await download.saveAs(pdf);
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain(
    'Thank you for writing to us about your October bill, and for bearing with us while we checked it.',
  );
  expect(text).not.toContain('Thank you for your patience');
  expect(text).not.toContain('I am handling the complaint.');
  // The desk's own words, the generated parts and what the regulator requires are all there.
  for (const expected of [
    'You were charged twice for October.',
    'We have refunded the second payment.',
    ref,
    'Ada Lovelace',
    '12 St James Square',
    '12 months',
    'Communications Ombudsman',
    'Sam Patel',
  ]) {
    expect(text, expected).toContain(expected);
  }
  // The locked copy is the issued file, and the timeline says the wording was edited.
  await expect(page.getByLabel('Timeline')).toContainText(
    `Final response issued (${ref}-final-response.pdf; wording edited before issue)`,
  );
  expect(await countRows(page, 'letters')).toBe(1);
});

test("a letter to someone acting for the customer comes with the customer's copy, addressed to them, in the same file", async ({
  page,
}) => {
  await setUpDesk(page);
  await page.getByRole('link', { name: 'New complaint' }).click();
  await fillDate(page.getByLabel('Date received'), '2026-11-16');
  await chooseOption(page, 'Channel', 'Letter');
  await chooseOption(page, 'Category', 'Billing');
  await page.getByLabel('Summary').fill('Charged twice for the October bill.');
  await page.getByLabel('Name', { exact: false }).first().fill('Ada Lovelace');
  await page.getByLabel('Postal address').first().fill('12 St James Square\nLondon');
  await page.getByLabel('Postcode').first().fill('SW1Y 4JH');
  await page.getByLabel('Representative’s name').fill('Augusta Byron');
  await page.getByLabel('Relationship').fill('mother');
  await page.getByLabel('Representative’s postal address').fill('Seaham Hall\nCounty Durham');
  await page.getByLabel('Representative’s postcode').fill('SR7 7AG');
  await submitComplaint(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-\d{6}$/);
  const caseUrl = page.url();
  // Letters to post says who the envelopes go to, not only the customer (explore39-letters, question 3).
  await page.getByRole('link', { name: 'Letters to post' }).click();
  await expect(page.locator('[data-representative]')).toHaveText(
    'To Augusta Byron, acting for them, with the customer’s copy',
  );
  await page.screenshot({ path: shots('54b-post-to-representative') });
  await page.goto(caseUrl);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-\d{6}$/);

  await page.getByRole('button', { name: 'Other letters…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Write a letter' });
  await chooseOption(page, 'Letter', 'Acknowledgement');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByLabel('Letter preview')).toContainText(
    'The customer’s copy, addressed to them, is printed after the letter in the same file.',
  );
  await expect(dialog.getByLabel('Letter preview')).toContainText('Dear Augusta Byron');
  await page.screenshot({ path: shots('54-letter-customer-copy') });

  const downloadPromise = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Issue and download' }).click();
  const download = await downloadPromise;
  const dir = mkdtempSync(join(tmpdir(), 'redress-copy-'));
  const pdf = join(dir, download.suggestedFilename());
  await download.saveAs(pdf);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
  expect(pages % 2).toBe(0);
  const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
  const copy = execFileSync('pdftotext', ['-f', String(pages / 2 + 1), '-l', String(pages / 2 + 1), pdf, '-'], {
    encoding: 'utf8',
  });
  expect(first).toContain('Seaham Hall');
  expect(first).not.toContain('Copy for');
  expect(copy).toContain('12 St James Square');
  expect(copy).toContain('Copy for Ada Lovelace. We have sent this letter to Augusta Byron, who is acting for you.');
});

test('the ADR letter opened from its button asks for the progress without a red refusal first', async ({ page }) => {
  await setUpDesk(page);
  await logComplaint(page, ADA);
  await act(page, 'Acknowledge', [['Date', '2026-04-09']], 'Complaint acknowledged');
  // The weeks are over: the case's letter button is the ADR letter's, which needs the desk's words on the progress.
  await page.getByRole('button', { name: 'ADR letter…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Write a letter' });
  await expect(dialog.getByLabel('Progress so far')).toBeVisible();
  await expect(dialog.getByText(/Preview the letter to see its pages/)).toBeVisible();
  // Nothing was typed yet: no "The letter cannot be made" (explore33-desk #9). Preview with the box empty says it.
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByRole('alert')).toContainText('The letter needs the progress made so far');
  await dialog.getByLabel('Progress so far').fill('We have asked our billing team to check both October payments.');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByLabel('Letter preview')).toContainText('asked our billing team', { timeout: 20_000 });
  await expect(dialog.getByRole('alert')).toHaveCount(0);
});
