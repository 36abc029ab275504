// Nothing lost: a complaint the screen says is logged survives the page being closed or crashing straight after,
// and two windows of the app stay in step without a reload (live queries).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { addDays, expect, logComplaint, setUpDesk, test, todayInLondon } from './fixtures';

// Taken again before each test, not once when the file loads (see todayInLondon).
let today = todayInLondon();
test.beforeEach(() => {
  today = todayInLondon();
});

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
  await logComplaint(page, {
    receivedOn: addDays(today, -45),
    channel: 'Email',
    category: 'Service',
    summary: `Complaint from ${name}`,
    name,
    phone: '0113 496 0001',
  });
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(/^RDR-\d{4}-\d{6}$/);
  const reference = (await heading.textContent())!.trim();
  await expect(
    page.getByRole('status').filter({ hasText: 'Complaint logged' }).filter({ hasText: reference }),
  ).toBeVisible();
  // Said once, politely: the message shown is no live region of its own (it was role="alert", said twice).
  await expect(page.locator('.mantine-Notification-root').filter({ hasText: reference })).toBeVisible();
  await expect(
    page.locator('[role=alert], [role=status], [aria-live]').filter({ hasText: 'Complaint logged' }),
  ).toHaveCount(1);
  return reference;
}

async function expectOnDashboard(page: Page, reference: string, name: string) {
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(
    page.getByRole('region', { name: 'Overdue', exact: true }).getByRole('link', { name: new RegExp(reference) }),
  ).toContainText(name);
}

test('a complaint confirmed on screen survives the window being closed straight after', async ({
  page,
  context,
  consoleErrors,
}) => {
  await setUpDesk(page);
  const reference = await logAndWaitForConfirmation(page, 'Clara Closed');
  await page.close({ runBeforeUnload: false });

  const again = await openWindow(context, consoleErrors);
  await expectOnDashboard(again, reference, 'Clara Closed');
  await again.getByRole('link', { name: 'Cases', exact: true }).click();
  await expect(again.getByRole('row', { name: new RegExp(reference) })).toContainText('Clara Closed');
});

test('a complaint confirmed on screen survives the page crashing straight after', async ({
  page,
  context,
  consoleErrors,
}) => {
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
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(reference);
});

test('two windows stay in step: a complaint logged in one appears in the other without a reload', async ({
  page,
  context,
  consoleErrors,
}) => {
  await setUpDesk(page);
  const other = await openWindow(context, consoleErrors);
  await expect(other.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(other.getByRole('region', { name: 'Overdue', exact: true })).toContainText('Nothing overdue.');

  // Type in the first window (in front: a browser slows down timers and animations in a window behind).
  await page.bringToFront();
  const reference = await logAndWaitForConfirmation(page, 'Wanda Window');
  // The other window's dashboard, behind, redraws by itself.
  await expect(
    other.getByRole('region', { name: 'Overdue', exact: true }).getByRole('link', { name: new RegExp(reference) }),
  ).toContainText('Wanda Window');
  await expect(other.getByRole('button', { name: 'Overdue 1' })).toBeVisible();

  // And its case list, already open, too.
  await other.getByRole('link', { name: 'Cases', exact: true }).click();
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

// Letters to post in two phases (issue #12): a print run stopped at any moment leaves every letter either still to
// post, or recorded as printed for post in the print file that holds it; never recorded without its print file.

/** What the app's IndexedDB holds about letters: each case's letters, with the print file each was recorded in. */
async function letterState(page: Page): Promise<{
  cases: Array<{
    id: string;
    reference: string;
    acknowledged: number;
    issued: Array<{ summary: string; letterId: string; sha256: string }>;
  }>;
  letters: Array<{ id: string; caseId: string; sha256: string; actual: string }>;
}> {
  return page.evaluate(async () => {
    const database = (await redressDesk())!;
    return new Promise((resolve, reject) => {
      const tx = database.transaction(['cases', 'timelines', 'letters']);
      const all = (store: string) =>
        new Promise<unknown[]>((done, fail) => {
          const req = tx.objectStore(store).getAll();
          req.onsuccess = () => done(req.result);
          req.onerror = () => fail(req.error);
        });
      Promise.all([all('cases'), all('timelines'), all('letters')])
        .then(async ([cases, timelines, letters]) => {
          const events = (timelines as Array<{ entries: unknown[] }>).flatMap((t) => t.entries);
          database.close();
          const hex = async (bytes: Uint8Array) =>
            Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource)), (b) =>
              b.toString(16).padStart(2, '0'),
            ).join('');
          const evs = events as Array<{
            caseId: string;
            type: string;
            summary: string;
            data?: { letterId: string; sha256: string };
          }>;
          resolve({
            cases: (cases as Array<{ id: string; reference: string }>).map((c) => ({
              id: c.id,
              reference: c.reference,
              acknowledged: evs.filter((e) => e.caseId === c.id && e.type === 'acknowledged').length,
              issued: evs
                .filter((e) => e.caseId === c.id && e.type === 'letter-issued')
                .map((e) => ({ summary: e.summary, letterId: e.data!.letterId, sha256: e.data!.sha256 })),
            })),
            letters: await Promise.all(
              (letters as Array<{ id: string; caseId: string; sha256: string; bytes: Uint8Array }>).map(async (l) => ({
                id: l.id,
                caseId: l.caseId,
                sha256: l.sha256,
                actual: await hex(l.bytes),
              })),
            ),
          });
        })
        .catch(reject);
    });
  });
}

/** Import `count` complaints received by letter today, each with a postal address (so each is due an acknowledgement). */
async function importPostalComplaints(page: Page, count: number) {
  const [y, m, d] = today.split('-');
  const header = 'Date;How received;Type;Name;E-mail;Address;Post code;Details\r\n';
  const rows = Array.from(
    { length: count },
    (_, i) =>
      `${d}/${m}/${y};Letter;Billing;Postal Customer ${i + 1};;${i + 1} High Street, Leeds;LS1 1AA;Charged twice (${i + 1})`,
  );
  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  await page.getByRole('button', { name: 'Import CSV' }).click();
  await page.locator('input[type="file"]').setInputFiles({
    name: 'post.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${header}${rows.join('\r\n')}`, 'utf8'),
  });
  await expect(page.getByText('All rows valid')).toBeVisible();
  await page.getByRole('button', { name: `Import ${count} cases` }).click();
  await expect(page.getByRole('status').filter({ hasText: `${count} cases imported` })).toBeVisible();
}

async function openLettersToPost(page: Page): Promise<number> {
  await page.goto('/#/post');
  await expect(page.getByRole('heading', { name: 'Letters to post today', level: 1 })).toBeVisible();
  await expect(page.locator('[data-ready="letters-to-post"]')).toBeVisible();
  return page
    .getByRole('table', { name: 'Letters to post' })
    .getByRole('checkbox', { name: /^Acknowledgement for / })
    .count();
}

test('a letter batch stopped at any moment leaves every letter still to post, or recorded with the print file that holds it', async ({
  page,
  context,
  consoleErrors,
}) => {
  test.setTimeout(300_000);
  const LETTERS = 60;
  await setUpDesk(page);
  await importPostalComplaints(page, LETTERS);
  const dir = mkdtempSync(join(tmpdir(), 'redress-post-kill-'));
  /** Every print file handed over, by the name the app recorded, with its text. */
  const printFiles = new Map<string, string>();
  let current = page;

  // The moments: while the first letters are made, half-way, with every letter made, the moment the print file is
  // handed over, and straight after the page says the letters are recorded. Crashes and closes in turn.
  // Polled every 10 ms, not on animation frames, which a page not in front does not draw.
  const madeAtLeast = (n: number) => (p: Page) =>
    p
      .waitForFunction(
        (least) => Number(document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')) >= least,
        n,
        { polling: 10 },
      )
      .then(() => undefined);
  const moments: Array<{ name: string; stop: 'crash' | 'close'; at: (p: Page) => Promise<void> }> = [
    { name: 'after 3 letters', stop: 'crash', at: madeAtLeast(3) },
    { name: 'half-way', stop: 'close', at: madeAtLeast(LETTERS / 2) },
    { name: 'every letter made', stop: 'crash', at: madeAtLeast(LETTERS) },
    { name: 'the print file handed over', stop: 'crash', at: () => Promise.resolve() },
    {
      name: 'after the page confirmed',
      stop: 'close',
      at: (p) => expect(p.getByRole('status').filter({ hasText: 'Print file made' })).toBeVisible({ timeout: 120_000 }),
    },
  ];
  const outcomes: string[] = [];
  for (const moment of moments) {
    const due = await openLettersToPost(current);
    if (due === 0) break;
    const download = current.waitForEvent('download', { timeout: 120_000 }).then(
      async (d) => {
        const file = join(dir, `${printFiles.size}-${d.suggestedFilename()}`);
        await d.saveAs(file);
        return { name: d.suggestedFilename(), file };
      },
      () => null,
    );
    await current.getByRole('button', { name: 'Make print file' }).click();
    if (moment.name === 'the print file handed over') await current.waitForEvent('download', { timeout: 120_000 });
    else await moment.at(current);
    if (moment.stop === 'crash') {
      const crashed = current.waitForEvent('crash');
      const cdp = await context.newCDPSession(current);
      void cdp.send('Page.crash').catch(() => undefined);
      await crashed;
    } else await current.close({ runBeforeUnload: false });
    const saved = await download;
    if (saved) printFiles.set(saved.name, execFileSync('pdftotext', [saved.file, '-'], { encoding: 'utf8' }));

    // Reopened: the invariant, read straight from IndexedDB.
    current = await context.newPage();
    current.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(`reopened: ${msg.text()}`);
    });
    await current.goto('/');
    const state = await letterState(current);
    const stillDue = await openLettersToPost(current);
    let recorded = 0;
    for (const c of state.cases) {
      const letters = state.letters.filter((l) => l.caseId === c.id);
      if (c.issued.length === 0) {
        // Still to post: nothing of it recorded, and it is on the list.
        expect(letters, c.reference).toEqual([]);
        expect(c.acknowledged, c.reference).toBe(0);
        continue;
      }
      recorded += 1;
      expect(c.issued, c.reference).toHaveLength(1);
      expect(c.acknowledged, c.reference).toBe(1);
      const [issued] = c.issued;
      // Its exact bytes are kept, with their SHA-256 …
      expect(letters, c.reference).toHaveLength(1);
      expect(letters[0].id).toBe(issued.letterId);
      expect(letters[0].actual).toBe(letters[0].sha256);
      expect(issued.sha256).toBe(letters[0].sha256);
      // … and it was recorded in a print file that was handed over and holds it.
      const file = /printed for post in (.+)\)$/.exec(issued.summary)?.[1];
      expect(file, `${c.reference}: ${issued.summary}`).toBeDefined();
      expect(printFiles.has(file!), `${c.reference} recorded in ${file}, which was never handed over`).toBe(true);
      expect(printFiles.get(file!)).toContain(c.reference);
    }
    expect(recorded + stillDue, moment.name).toBe(LETTERS);
    outcomes.push(`${moment.name} (${moment.stop}): ${recorded} recorded, ${stillDue} still to post`);
  }
  console.log(outcomes.join('\n'));
  // Stopped before the print file was handed over, nothing was recorded; by the end every letter was.
  expect(outcomes[0]).toMatch(/: 0 recorded, 60 still to post$/);
  expect(outcomes[1]).toMatch(/: 0 recorded, 60 still to post$/);
  expect(outcomes.at(-1)).toMatch(/: 60 recorded, 0 still to post$/);
});
