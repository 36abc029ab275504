import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { installDeskOpener } from '#test/support/desk-opener';

export { installDeskOpener };

/** Every test fails if the page logs a console error or throws. */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      await installDeskOpener(page.context());
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      // A Content-Security-Policy violation is only a report (not a console error) in Chromium: count it as one, so
      // code that tries eval or an off-app resource fails the test even when the refusal is caught.
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) =>
          console.error(
            `CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
          ),
        );
      });
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

export const DESK = {
  company: 'Northwind Broadband Ltd',
  address: 'Unit 4, Canal Wharf\nLeeds',
  postcode: 'LS11 5PS',
  prefix: 'RDR',
  handler: 'Sam Patel',
};

export async function chooseOption(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The first-run settings: the usual desk, or another (its prefix, and its company's name). */
export async function setUpDesk(page: Page, prefix = DESK.prefix, company = DESK.company) {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Set up your desk' })).toBeVisible();
  await page.getByLabel('Company name').fill(company);
  await page.getByLabel('Postal address').fill(DESK.address);
  await page.getByLabel('Postcode').fill(DESK.postcode);
  await page.getByLabel('Desk prefix').fill(prefix);
  await page.getByLabel('Your name').fill(DESK.handler);
  await page.getByRole('button', { name: 'Save settings' }).click();
  // Saving the first-run settings opens the home screen.
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
}

export interface Complaint {
  receivedOn: string;
  channel: string;
  category: string;
  summary: string;
  name: string;
  address?: string;
  postcode?: string;
  phone?: string;
  /** Label of the letter language, e.g. "French (Canada)". */
  language?: string;
  /** The provider's name, when the desk has several (default: the usual one). */
  provider?: string;
  largePrint?: boolean;
  /** The title's label at intake, e.g. "Ms (Mme)". */
  title?: string;
}

/** The specs' usual complaint by letter: Ada Lovelace, charged twice, with her postal address. */
export const adaByLetter = (receivedOn: string): Complaint => ({
  receivedOn,
  channel: 'Letter',
  category: 'Billing',
  summary: 'Charged twice for the October bill.',
  name: 'Ada Lovelace',
  address: '12 St James Square\nLondon',
  postcode: 'SW1Y 4JH',
});

/** 2026-12-01 as a desk in the UK types and reads it: 01/12/2026 (other text is left as it is). */
export const ukDate = (value: string) => value.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1');

/**
 * The one way the specs fill a date box (issue #15): types the date as the interface language writes it (dd/mm/yyyy
 * in English (UK); an ISO date is turned into that), then leaves the box with Tab, so its calendar closes and the box
 * shows the date as it was read.
 */
export async function fillDate(box: Locator, value: string) {
  await box.fill(ukDate(value));
  await box.press('Tab');
}

/**
 * Clicks "Log complaint" and, when a received date long ago or a letter on a day without post is asked about
 * ("Are you sure?"), answers yes: the specs mean the dates they type. Returns whether it was asked.
 */
export async function submitComplaint(page: Page): Promise<boolean> {
  await page.getByRole('button', { name: 'Log complaint' }).click();
  const question = page.getByRole('dialog', { name: 'Are you sure?' });
  const saved = page.getByRole('heading', { level: 1, name: /^[A-Z0-9]+-\d{4}-\d{6}$/ });
  const refused = page.locator('form[aria-label="New complaint"] [aria-invalid="true"]');
  const notSaved = page.getByText('The complaint was not saved');
  await expect(question.or(saved).or(refused).or(notSaved).first()).toBeVisible();
  if (!(await question.isVisible())) return false;
  await question.getByRole('button', { name: 'Yes, that date' }).click();
  await expect(question).toBeHidden();
  return true;
}

export async function logComplaint(page: Page, c: Complaint) {
  await page.getByRole('link', { name: 'New complaint' }).click();
  if (c.provider) await chooseOption(page, 'Provider', c.provider);
  await fillDate(page.getByLabel('Date received'), c.receivedOn);
  await chooseOption(page, 'Channel', c.channel);
  await chooseOption(page, 'Category', c.category);
  await page.getByLabel('Summary').fill(c.summary);
  await page.getByLabel('Name', { exact: false }).first().fill(c.name);
  if (c.title) await chooseOption(page, 'Title', c.title);
  if (c.address) await page.getByLabel('Postal address').first().fill(c.address);
  if (c.postcode) await page.getByLabel('Postcode').first().fill(c.postcode);
  if (c.phone) await page.getByLabel('Phone').fill(c.phone);
  if (c.language) await chooseOption(page, 'Letter language', c.language);
  if (c.largePrint) await page.getByLabel('Large print letters').check();
  await submitComplaint(page);
}

/** Every row of an IndexedDB store of the app's database, straight from the browser (none before there is a desk). */
export async function allRows<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(async (storeName) => {
    const database = await redressDesk();
    if (!database) return [];
    const request = database.transaction(storeName).objectStore(storeName).getAll() as IDBRequest<T[]>;
    return redressAnswer(database, request, `reading every row of '${storeName}'`);
  }, store);
}

/**
 * Write rows into an IndexedDB store of the app's database, straight from the browser, behind the app's back (a state
 * only another desk's sync or an older version could leave): reload the page for the app to read them.
 */
export async function putRows(page: Page, store: string, rows: readonly unknown[]): Promise<void> {
  await page.evaluate(
    async ({ storeName, all }) => {
      const database = (await redressDesk())!;
      return new Promise<void>((resolve, reject) => {
        const tx = database.transaction(storeName, 'readwrite');
        for (const row of all) tx.objectStore(storeName).put(row);
        tx.oncomplete = () => {
          database.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      });
    },
    { storeName: store, all: rows },
  );
}

/** Count the rows of an IndexedDB store of the app's database, straight from the browser (0 before there is a desk). */
export async function countRows(page: Page, store: string): Promise<number> {
  return page.evaluate(async (storeName) => {
    const database = await redressDesk();
    if (!database) return 0;
    if (!database.objectStoreNames.contains(storeName)) {
      database.close();
      return 0;
    }
    const request = database.transaction(storeName).objectStore(storeName).count();
    return redressAnswer(database, request, `counting the rows of '${storeName}'`);
  }, store);
}

/**
 * How many timeline entries the desk holds, straight from the browser (0 before there is a desk): a case's timeline is
 * one row of `timelines` (#db/timeline), read whole. Asked again on a fresh connection if a read does not answer in
 * 10 s: in restore-interrupted.spec, right after a page of the context crashed, one read of the timelines on a new
 * connection now and then never answered while the next, a moment later, answered in 20 ms (seen 1 run in 4-8; the
 * app's own reads went on working; docs/performance.md, twentieth session).
 */
export async function countEntries(page: Page): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await page.evaluate(async () => {
        const database = await redressDesk();
        if (!database) return 0;
        if (!database.objectStoreNames.contains('timelines')) {
          database.close();
          return 0;
        }
        const request = database.transaction('timelines').objectStore('timelines').getAll() as IDBRequest<
          Array<{ entries: unknown[] }>
        >;
        const rows = await redressWithin(
          new Promise<Array<{ entries: unknown[] }>>((resolve, reject) => {
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          }),
          10_000,
          'reading every timeline',
        ).finally(() => database.close());
        return rows.reduce((sum, row) => sum + row.entries.length, 0);
      });
    } catch (error) {
      if (attempt === 3 || !/did not answer/.test(String(error))) throw error;
    }
  }
}

/** The desk's settings as stored (IndexedDB), straight from the browser. */
export function storedDeskSettings<T = Record<string, unknown>>(page: Page): Promise<T | undefined> {
  return page.evaluate(async () => {
    const database = await redressDesk();
    if (!database) return undefined;
    const request = database.transaction('settings').objectStore('settings').get('desk') as IDBRequest<
      { value: T } | undefined
    >;
    return (await redressAnswer(database, request, 'reading the desk’s settings'))?.value;
  });
}

/** Open "Your data" from the menu. */
export async function openDataPage(page: Page) {
  await page.getByRole('link', { name: 'Your data' }).click();
  await expect(page.getByRole('heading', { name: 'Your data', level: 1 })).toBeVisible();
}

/** On "Your data": choose the backup file, wait for its check, and start "Replace what is here". */
export async function startReplace(page: Page, file: string) {
  await openDataPage(page);
  await chooseBackupFile(page, file);
  await expect(page.getByLabel('The backup file')).toContainText('The checksum matches.');
  await page.getByRole('radio', { name: /^Replace/ }).check();
  await page.getByRole('button', { name: 'Restore…' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^(Restore|Replace)/ })
    .click();
}

/** Pick a backup file through the "Choose a backup file…" button's file chooser. */
export async function chooseBackupFile(page: Page, file: string) {
  const chooserPromise = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a backup file…' }).click();
  await (await chooserPromise).setFiles(file);
}

/**
 * Delete the desk, wherever it is kept (its storage bucket, or its database in the default storage) and the note of
 * where, from a blank page of the same origin (the app is not running there): a new computer.
 */
export async function wipeDatabase(page: Page) {
  await page.route('**/wipe.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>wipe</title>' }),
  );
  await page.goto('/wipe.html');
  const outcome = await page.evaluate(async () => {
    const place = redressDeskPlace();
    localStorage.removeItem('redress.storage');
    if (place.bucket !== null) {
      await (navigator as unknown as { storageBuckets: { delete(name: string): Promise<void> } }).storageBuckets.delete(
        place.bucket,
      );
      return 'deleted';
    }
    return new Promise<string>((resolve) => {
      const request = indexedDB.deleteDatabase(place.name);
      request.onsuccess = () => resolve('deleted');
      request.onerror = () => resolve(`error: ${String(request.error)}`);
      request.onblocked = () => resolve('blocked');
    });
  });
  expect(outcome).toBe('deleted');
}

export const textbox = (scope: Locator, label: string) => scope.getByRole('textbox', { name: label, exact: true });

/** Open an action's dialog from the case's Actions menu (`item`: the action's label, without its "…"). */
export async function openAction(page: Page, item: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  await page.getByRole('menuitem', { name: `${item}…`, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

export async function act(page: Page, item: string, fields: Array<[string, string]>, inTimeline: string) {
  const dialog = await openAction(page, item);
  for (const [label, value] of fields) {
    const box = textbox(dialog, label);
    if ((await box.getAttribute('data-date-field')) !== null) await fillDate(box, value);
    else await box.fill(value);
  }
  await dialog.getByRole('button', { name: /^(Record|Resolve|Close )/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Timeline')).toContainText(inTimeline);
}

/** Log a complaint and take it to closed: acknowledged, resolved and closed on the given dates. */
export async function closedCase(
  page: Page,
  c: Complaint,
  dates: { ack: string; resolved: string; closed: string },
): Promise<string> {
  await logComplaint(page, c);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(/^RDR-\d{4}-\d{6}$/);
  await act(page, 'Acknowledge', [['Date', dates.ack]], 'Complaint acknowledged');
  await act(
    page,
    'Resolve',
    [
      ['Resolved on', dates.resolved],
      ['How it was resolved', `Refund agreed with ${c.name}`],
    ],
    'Resolved',
  );
  await act(page, 'Close the case', [['Closed on', dates.closed]], 'Case closed');
  return (await heading.textContent())!.trim();
}

/**
 * Issue a letter the only way there is: from the letter dialog, once its real pages are drawn. Opens the dialog with
 * `button` (default: the case page header's "Acknowledgement letter…", which comes with the letter chosen and its pages
 * drawn; null when the dialog is already open), waits for the pages, answers "Issue another" when asked, clicks "Issue and download" and returns the download.
 */
export async function issueLetterFromDialog(
  page: Page,
  options: { button?: string | null; letter?: string; another?: boolean } = {},
) {
  if (options.button !== null) {
    await page.getByRole('button', { name: options.button ?? 'Acknowledgement letter…' }).click();
  }
  const dialog = page.getByRole('dialog', { name: 'Write a letter' });
  await expect(dialog).toBeVisible();
  if (options.letter) {
    await chooseOption(page, 'Letter', options.letter);
    await dialog.getByRole('button', { name: 'Preview' }).click();
  }
  // pdf.js is loaded (and its worker started) the first time a preview is shown: allow for a busy machine.
  await expect(dialog.getByRole('group', { name: /^Page 1 of \d+$/ })).toBeVisible({ timeout: 20_000 });
  const downloadPromise = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Issue and download' }).click();
  if (options.another) await dialog.getByRole('button', { name: 'Issue another' }).click();
  const download = await downloadPromise;
  await expect(dialog).toBeHidden();
  return download;
}

/**
 * Today's date where the desk is (Europe/London), as YYYY-MM-DD. A spec takes it in each test (or in a `beforeEach`),
 * never once when its file loads: a run that crosses midnight would otherwise date its complaints from yesterday while
 * the app counts from today (a back-dated case due "today" shows as a day overdue).
 */
export function todayInLondon(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/** `iso` + `n` calendar days (n may be negative), as YYYY-MM-DD. */
export function addDays(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/**
 * Wait until every message ("Complaint logged", "File added"…) has closed. A message under the mouse pointer stays
 * open while it is hovered (Mantine pauses its timer), and the messages sit where a form's buttons were clicked, so the
 * pointer is moved off them first.
 */
export async function messagesGone(page: Page) {
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  await page.mouse.move(size.width - 5, 5);
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
}

/** Choose `option` in the combobox labelled `label` inside `scope` (a dialog, a region): its list opens in a portal. */
export async function chooseIn(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A provider as Settings → Providers' dialog asks for it (issue #16); option labels as the dialog shows them. */
export interface NewProvider {
  name: string;
  company: string;
  address: string;
  postcode: string;
  procedure: string;
  calendar: string;
  region: string;
  languages: string[];
  defaultLanguage: string;
}

/** Jive Canada on its own procedure, on the Canadian calendar, letters in English and French (Canada). */
export const JIVE_CANADA: NewProvider = {
  name: 'Jive Canada',
  company: 'Jive Communications Canada',
  address: '1000 rue De La Gauchetière\nMontréal QC',
  postcode: 'H3B 4W5',
  procedure: 'Jive Canada complaint handling code',
  calendar: 'Canada (federal)',
  region: 'Canada (CRTC)',
  languages: ['English (Canada)', 'French (Canada)'],
  defaultLanguage: 'English (Canada)',
};

/**
 * Add a provider from Settings → Providers (the page must be open): fills the dialog, lets `beforeSave` look at it
 * (the mismatch warnings), saves it and waits for its row.
 */
export async function addProvider(page: Page, p: NewProvider, beforeSave?: (dialog: Locator) => Promise<void>) {
  const providers = page.getByRole('region', { name: 'Providers' });
  await providers.getByRole('button', { name: 'Add a provider…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New provider' });
  await expect(dialog).toBeVisible();
  // It opens on its first field (explore34-keyboard #13).
  await expect(dialog.getByLabel('Provider name')).toBeFocused();
  await dialog.getByLabel('Provider name').fill(p.name);
  await dialog.getByLabel('Company name').fill(p.company);
  await dialog.getByLabel('Postal address').fill(p.address);
  await dialog.getByLabel('Postcode').fill(p.postcode);
  await chooseIn(page, dialog, 'Complaints procedure', p.procedure);
  await chooseIn(page, dialog, 'Working-day calendar', p.calendar);
  await chooseIn(page, dialog, 'Regulator region', p.region);
  for (const language of ['English (UK)', 'English (Canada)', 'French (Canada)']) {
    const box = dialog.getByRole('checkbox', { name: language });
    if (p.languages.includes(language)) await box.check();
    else await box.uncheck();
  }
  await chooseIn(page, dialog, 'Default letter language', p.defaultLanguage);
  await beforeSave?.(dialog);
  await dialog.getByRole('button', { name: 'Save provider' }).click();
  await expect(dialog).toBeHidden();
  await expect(providers.getByRole('row', { name: new RegExp(p.name) })).toBeVisible();
}
