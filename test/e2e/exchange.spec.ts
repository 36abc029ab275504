// Exports and imports through the shell (issue #6): cases as CSV, a CSV import with a validation report that writes
// nothing until every row is valid, the open deadlines as an ICS calendar, and a subject-access ZIP for one customer.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { axeViolations } from '#test/support/axe';
import {
  addProvider,
  allRows,
  countRows,
  expect,
  fillDate,
  issueLetterFromDialog,
  JIVE_CANADA,
  logComplaint,
  openAction,
  setUpDesk,
  test,
  textbox,
} from './fixtures';

const shots = (name: string) => fileURLToPath(new URL(`../output/screenshots/${name}.png`, import.meta.url));

async function download(page: Page, dir: string, click: () => Promise<void>): Promise<{ path: string; name: string }> {
  const downloading = page.waitForEvent('download');
  await click();
  const file = await downloading;
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return { path, name: file.suggestedFilename() };
}

/** The Exports panel: on the data page ("Your data") when it exists, else on the case list. */
async function openExports(page: Page) {
  const dataLink = page.getByRole('link', { name: 'Your data' });
  if (await dataLink.count()) await dataLink.click();
  else await page.getByRole('link', { name: 'Cases', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Exports', level: 2 })).toBeVisible();
}

async function storedCases(page: Page) {
  return allRows<{
    reference: string;
    customer: { name: string };
    summary: string;
    providerId?: string;
    calendar: string;
    procedureId: string;
  }>(page, 'cases');
}

test('cases export as CSV, and a spreadsheet imports only once every row is valid', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'redress-exchange-'));
  await setUpDesk(page);
  await logComplaint(page, {
    receivedOn: '2026-11-18',
    channel: 'Phone',
    category: 'Billing',
    summary: '=HYPERLINK("http://example.com") is what the bill says, and "twice", é 😡',
    name: 'Zoë O’Brien, Jr.',
    phone: '+44 113 496 0000',
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/RDR-\d{4}-000001/);
  await logComplaint(page, {
    receivedOn: '2026-11-19',
    channel: 'Letter',
    category: 'Fault repair',
    summary: 'No dial tone',
    name: 'Ada Lovelace',
    address: '12 St James Square\nLondon',
    postcode: 'SW1Y 4JH',
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/RDR-\d{4}-000002/);

  // Export from the case list: every case, a BOM first, read back by a real CSV parser.
  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  await expect(page.locator('[data-ready="case-list"]')).toBeVisible();
  await page.screenshot({ path: shots('79-case-list-export') });
  const csv = await download(page, dir, () => page.getByRole('button', { name: 'Export CSV' }).click());
  expect(csv.name).toMatch(/^redress-cases-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync(csv.path);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const parsed = Papa.parse<Record<string, string>>(bytes.toString('utf8').slice(1), {
    header: true,
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  expect(parsed.data.map((r) => r['Customer name'])).toEqual(['Zoë O’Brien, Jr.', 'Ada Lovelace']);
  expect(parsed.data[0].Summary).toBe('\'=HYPERLINK("http://example.com") is what the bill says, and "twice", é 😡');
  expect(parsed.data[0].Phone).toBe("'+44 113 496 0000");
  expect(parsed.data[1].Address).toBe('12 St James Square\nLondon');
  expect(parsed.data[1].Category).toBe('Fault repair');
  expect(parsed.data[0]['Next due on']).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  // A filtered list exports just its rows.
  await page.getByRole('textbox', { name: 'Search cases' }).fill('lovelace');
  await expect(page.locator('[data-count="1"]')).toBeVisible();
  const filtered = await download(page, dir, () => page.getByRole('button', { name: 'Export CSV' }).click());
  expect(filtered.name).toMatch(/^redress-cases-filtered-/);
  expect(
    Papa.parse<Record<string, string>>(readFileSync(filtered.path, 'utf8').slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data.map((r) => r['Customer name']),
  ).toEqual(['Ada Lovelace']);
  await page.getByRole('textbox', { name: 'Search cases' }).fill('');

  // Import: a semicolon-separated file from a spreadsheet, with a BOM, a quoted line break and one bad row.
  await page.getByRole('button', { name: 'Import CSV' }).click();
  await expect(page.getByRole('heading', { name: 'Import cases', level: 1 })).toBeVisible();
  await page.screenshot({ path: shots('80-import-choose'), fullPage: true });
  const header = 'Date;How received;Type;Name;E-mail;Address;Post code;Details;Old ref\r\n';
  const rows = [
    '18/11/2026;Email;Billing;Grace Hopper;grace@example.com;;;"Charged for a router; never arrived";X-1',
    '19/11/2026;Fax;Billing;;;;;Lost letter;X-2',
    '20/11/2026;Letter;Fault repair;"Lee, Ann";;"1 High St\r\nLeeds";LS1 1AA;"Line down\r\nsince Monday";X-3',
  ];
  const chooseFile = (name: string, text: string) =>
    page
      .locator('input[type="file"]')
      .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${header}${text}`, 'utf8') });
  await chooseFile('complaints.csv', rows.join('\r\n'));
  await expect(page.getByLabel('File summary')).toHaveText(
    'complaints.csv: 3 rows below the header, 9 columns, separated by semicolons.',
  );
  // A column no field reads is named, not dropped unmentioned (explore39-data #9).
  await expect(page.locator('[data-unused-columns]')).toHaveText(
    'Not imported (no field chosen for it): Old ref. Each complaint gets a new reference of this desk.',
  );
  // Columns guessed from the header names.
  await expect(page.getByRole('combobox', { name: 'Customer name' })).toHaveValue('Name');
  await expect(page.getByRole('combobox', { name: 'Channel' })).toHaveValue('How received');
  const preview = page.getByRole('table', { name: 'Preview' });
  await expect(preview.getByRole('row')).toHaveCount(4);
  await expect(preview).toContainText('2026-11-18');
  await expect(preview).toContainText('Lee, Ann');
  await expect(preview).toContainText('1 High St'); // the address, to check before importing
  const report = page.getByRole('table', { name: 'Validation report' });
  await expect(report.locator('[data-row="3"]')).toHaveCount(3);
  await expect(report.locator('[data-row="3"][data-field="channel"]')).toContainText('“Fax” is not a channel');
  await expect(report.locator('[data-row="3"][data-field="customerName"]')).toContainText('Enter the customer’s name');
  await expect(page.getByText('Nothing can be imported yet: 1 row has problems')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Import \d+ case/ })).toHaveCount(0);
  await page.screenshot({ path: shots('81-import-report'), fullPage: true });
  expect(await countRows(page, 'cases')).toBe(2);

  // Fixed in the spreadsheet and chosen again: every row valid, then imported together.
  await chooseFile(
    'complaints-fixed.csv',
    [rows[0], '19/11/2026;Letter;Billing;Bo Chen;;"2 Low Rd\r\nYork";YO1 7HH;Lost letter;X-2', rows[2]].join('\r\n'),
  );
  await expect(page.getByText('All rows valid')).toBeVisible();
  await page.screenshot({ path: shots('82-import-ready'), fullPage: true });
  expect(await countRows(page, 'cases')).toBe(2);
  await page.getByRole('button', { name: 'Import 3 cases' }).click();
  await expect(page.getByRole('status').filter({ hasText: '3 cases imported' })).toContainText(
    /logged as RDR-\d{4}-000003 to RDR-\d{4}-000005/,
  );
  await page.screenshot({ path: shots('83-import-done'), fullPage: true });
  expect(await countRows(page, 'cases')).toBe(5);
  expect(await countRows(page, 'audit')).toBeGreaterThanOrEqual(1);
  const stored = await storedCases(page);
  const ann = stored.find((c) => c.customer.name === 'Lee, Ann')!;
  expect(ann.summary).toBe('Line down\r\nsince Monday');

  await page.getByRole('button', { name: 'Open the case list' }).click();
  await page.getByRole('textbox', { name: 'Search cases' }).fill('hopper');
  await expect(page.locator('[data-count="1"]')).toBeVisible();
  await expect(page.getByRole('row', { name: /Grace Hopper/ })).toBeVisible();
  await page.getByRole('textbox', { name: 'Search cases' }).fill('');

  // The same file imported again (a second go, or a colleague's copy): every complaint is already in Redress.
  await page.getByRole('button', { name: 'Import CSV' }).click();
  await chooseFile(
    'complaints-fixed.csv',
    [rows[0], '19/11/2026;Letter;Billing;Bo Chen;;"2 Low Rd\r\nYork";YO1 7HH;Lost letter;X-2', rows[2]].join('\r\n'),
  );
  const already = page.locator('[data-duplicates]');
  await expect(already).toContainText('Every complaint in the file is already in Redress: nothing new to import');
  await expect(already.locator('[data-duplicate-row="2"]')).toContainText(/Row 2: already logged as RDR-\d{4}-000003/);
  await expect(already.locator('[data-duplicate-row="4"]')).toContainText(/Row 4: already logged as RDR-\d{4}-000005/);
  await expect(page.getByRole('button', { name: /^Import \d+ case/ })).toHaveCount(0);
  await page.screenshot({ path: shots('83b-import-already-in'), fullPage: true });
  expect(await countRows(page, 'cases')).toBe(5);

  // Issue #16: a desk with two providers imports a file whose Provider column names each row's, by name (any case).
  await page.getByRole('link', { name: 'Settings' }).click();
  await addProvider(page, JIVE_CANADA);
  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  await page.getByRole('button', { name: 'Import CSV' }).click();
  await page.locator('input[type="file"]').setInputFiles({
    name: 'two-brands.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      [
        'Date,Channel,Category,Name,Phone,Summary,Provider',
        '24/11/2026,Phone,Billing,Marie Tremblay,514 555 0100,Facturée deux fois,jive canada',
        '25/11/2026,Phone,Service,Tom Reed,0113 496 0002,Slow broadband,Northwind Broadband Ltd',
      ].join('\r\n'),
      'utf8',
    ),
  });
  await expect(page.getByRole('combobox', { name: 'Provider' })).toHaveValue('From the column “Provider”');
  await expect(page.getByText('All rows valid')).toBeVisible();
  await page.getByRole('button', { name: 'Import 2 cases' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 cases imported' })).toBeVisible();
  const brands = await storedCases(page);
  const marie = brands.find((c) => c.customer.name === 'Marie Tremblay')!;
  const tom = brands.find((c) => c.customer.name === 'Tom Reed')!;
  // Each case under its provider, with that provider's calendar and procedure.
  // The desk's first provider: `first-<uuid>` on a desk set up now (ids unique to the desk, for a team).
  expect(tom).toMatchObject({ providerId: expect.stringMatching(/^first-/), calendar: 'england-and-wales' });
  expect(marie.providerId).toBeTruthy();
  expect(marie.providerId).not.toBe(tom.providerId);
  expect(marie).toMatchObject({ calendar: 'canada', procedureId: 'jive-ca' });
  await page.getByRole('button', { name: 'Open the case list' }).click();
  await page.getByRole('textbox', { name: 'Search cases' }).fill('tremblay');
  await expect(page.locator('[data-count="1"]')).toBeVisible();
  await page
    .getByRole('row', { name: /Marie Tremblay/ })
    .getByRole('link')
    .first()
    .click();
  await expect(page.getByText('Provider: Jive Canada')).toBeVisible();
});

test('open deadlines as an ICS calendar, and a subject-access bundle with the issued letter', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'redress-exchange-'));
  await setUpDesk(page);
  const ada = {
    channel: 'Letter',
    category: 'Billing',
    name: 'Ada Lovelace',
    address: '12 St James Square\nLondon',
    postcode: 'SW1Y 4JH',
  };
  await logComplaint(page, { ...ada, receivedOn: '2026-11-18', summary: 'Charged twice for October.' });
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(/RDR-\d{4}-000001/);
  const first = (await heading.textContent())!.trim();
  const firstUrl = page.url();
  const letter = await download(page, dir, async () => {
    await issueLetterFromDialog(page);
  });
  await expect(page.getByText('Letters issued')).toBeVisible();
  await logComplaint(page, { ...ada, receivedOn: '2026-11-19', summary: 'The refund has not arrived.' });
  await expect(heading).toHaveText(/RDR-\d{4}-000002/);
  const second = (await heading.textContent())!.trim();
  await logComplaint(page, {
    channel: 'Phone',
    category: 'Sales',
    name: 'Charles Babbage',
    phone: '020 7946 0000',
    receivedOn: '2026-11-19',
    summary: 'Someone else',
  });
  await expect(heading).toHaveText(/RDR-\d{4}-000003/);

  // Deadlines: one all-day event per open clock, dated as the case page's clocks say.
  await page.goto(firstUrl);
  await expect(heading).toHaveText(first);
  const adrDue = await page.locator('[data-clock="adr-letter"] [data-due-on]').getAttribute('data-due-on');
  expect(adrDue).toBe('2026-12-30');
  await openExports(page);
  await page.getByRole('region', { name: 'Exports' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: shots('86-exports-panel') });
  const ics = await download(page, dir, () => page.getByRole('button', { name: 'Export deadlines (ICS)' }).click());
  const events = new ICAL.Component(ICAL.parse(readFileSync(ics.path, 'utf8')))
    .getAllSubcomponents('vevent')
    .map((v) => new ICAL.Event(v));
  const adr = events.find(
    (e) => e.summary === `${first}: ADR letter due` || e.summary === `${first}: ADR letter due (overdue)`,
  )!;
  expect(adr, events.map((e) => e.summary).join('\n')).toBeDefined();
  expect(adr.startDate.isDate).toBe(true);
  expect(adr.startDate.toString()).toBe(adrDue);
  expect(events.some((e) => e.summary.startsWith(`${second}:`))).toBe(true);
  expect(events.every((e) => !e.summary.includes('Lovelace'))).toBe(true);

  // Subject access from the first case: the second case (same name and postcode) is offered, not Babbage's.
  await page.goto(firstUrl);
  await expect(heading).toHaveText(first);
  // A note about Babbage recorded on Ada's case by mistake, voided as about someone else, and one voided as a slip:
  // the first is left out of Ada's bundle with its void (explore39-data #1), the second goes in struck through.
  const voidNote = async (words: string, why: string, aboutSomeoneElse: boolean) => {
    const note = await openAction(page, 'Add a note');
    await textbox(note, 'Note').fill(words);
    await note.getByRole('button', { name: 'Add note' }).click();
    await expect(note).toBeHidden();
    await page.getByRole('button', { name: new RegExp(`^Void the entry of .*${words.slice(0, 20)}`) }).click();
    const voiding = page.getByRole('dialog', { name: 'Void this entry' });
    await textbox(voiding, 'Why it is void').fill(why);
    if (aboutSomeoneElse) await voiding.getByRole('checkbox', { name: 'It is about someone else' }).check();
    await voiding.getByRole('button', { name: 'Void the entry' }).click();
    await expect(voiding).toBeHidden();
  };
  await voidNote('Charles Babbage next door has the same fault.', 'Recorded on the wrong case', true);
  await voidNote('Customer called twice.', 'Typed twice', false);
  await page.getByRole('button', { name: 'Subject-access export…' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: shots('87-case-page-subject-access-button') });
  await page.getByRole('button', { name: 'Subject-access export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Subject-access export' });
  const table = dialog.getByRole('table', { name: 'Cases in the bundle' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table).toContainText('name and postcode');
  await expect(table).not.toContainText('Babbage');
  await fillDate(dialog.getByLabel('Request received on'), '2026-11-20');
  await expect(dialog.getByLabel('Answer by')).toHaveText(
    'Sun 20 Dec 2026: one calendar month (UK GDPR, Article 12(3))',
  );
  await dialog.getByRole('checkbox', { name: `Include ${second}` }).check();
  const voidedGroup = dialog.getByRole('group', { name: '2 voided entries on these cases' });
  await expect(voidedGroup.getByRole('checkbox', { name: /Charles Babbage next door/ })).toBeChecked();
  await expect(voidedGroup.getByRole('checkbox', { name: /Customer called twice/ })).not.toBeChecked();
  await expect(voidedGroup).toContainText('Recorded on the wrong case');
  expect(await axeViolations(page, '[role="dialog"]'), 'axe violations on the subject-access dialog').toEqual([]);
  await page.screenshot({ path: shots('84-subject-access'), fullPage: true });
  const zip = await download(page, dir, () =>
    dialog.getByRole('button', { name: 'Make the bundle (2 cases)' }).click(),
  );
  await expect(dialog).toBeHidden();
  expect(zip.name).toBe(`subject-access-${first}-${zip.name.slice(-14, -4)}.zip`);
  const files = unzipSync(readFileSync(zip.path));
  expect(Object.keys(files).sort()).toEqual(['data.json', `letters/${first}/${letter.name}`, 'summary.pdf']);
  // The letter exactly as issued.
  expect(Buffer.from(files[`letters/${first}/${letter.name}`]).equals(readFileSync(letter.path))).toBe(true);
  const data = JSON.parse(strFromU8(files['data.json']));
  expect(data.cases.map((c: { case: { reference: string } }) => c.case.reference)).toEqual([first, second]);
  expect(data.request).toMatchObject({ receivedOn: '2026-11-20', answerBy: '2026-12-20' });
  writeFileSync(join(dir, 'summary.pdf'), files['summary.pdf']);
  const text = execFileSync('pdftotext', ['-layout', join(dir, 'summary.pdf'), '-'], { encoding: 'utf8' });
  for (const expected of [
    'Subject access request',
    'Ada Lovelace',
    '20 December 2026',
    first,
    second,
    'Charged twice for October.',
    'The refund has not arrived.',
    letter.name,
  ]) {
    expect(text, expected).toContain(expected);
  }
  expect(text).not.toContain('Babbage');
  expect(text).toContain('Customer called twice.');
  expect(strFromU8(files['data.json'])).not.toContain('Babbage');
  expect(strFromU8(files['data.json'])).toContain('Customer called twice.');
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    join(dir, 'summary.pdf'),
    shots('85-subject-access-summary').replace(/\.png$/, ''),
  ]);
  // The desk's record that the request was answered, and when it had to be: references and counts, no personal data.
  await page.getByRole('link', { name: 'Privacy' }).click();
  const record = page.getByRole('table', { name: 'Privacy record' });
  await expect(record.getByRole('row').nth(1)).toContainText('Subject-access request answered');
  await expect(record.getByRole('row').nth(1)).toContainText(
    `Bundle made for a request received Fri 20 Nov 2026 (answer by Sun 20 Dec 2026): 2 cases (${first}, ${second}), 1 letter`,
  );
  await expect(record).not.toContainText('Lovelace');
  await record.scrollIntoViewIfNeeded();
  await page.screenshot({
    path: shots('182-privacy-record-subject-access'),
    style: '.mantine-Notifications-root { display: none; }',
  });
});
