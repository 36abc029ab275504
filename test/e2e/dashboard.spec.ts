// The home screen, the people at the desk, settings and the command palette. Complaints are logged with receipt
// dates back-dated from today so their next deadline (under the Ofcom baseline procedure the desk starts with: the
// ADR letter, 6 weeks after receipt) lands in a known list.
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import {
  addDays,
  chooseOption,
  closedCase,
  expect,
  logComplaint,
  setUpDesk,
  storedDeskSettings,
  test,
  textbox,
  todayInLondon,
} from './fixtures';

const shots = (name: string) => fileURLToPath(new URL(`../output/screenshots/${name}.png`, import.meta.url));
/** A screenshot of the whole screen without the passing "saved" messages in the corner. */
const shoot = async (page: Page, name: string) => {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({
    path: shots(name),
    fullPage: true,
    style: '.mantine-Notifications-root { display: none !important; }',
  });
};

// Taken again before each test, not once when the file loads (see todayInLondon).
let today = todayInLondon();
test.beforeEach(() => {
  today = todayInLondon();
});
/** The ADR letter is due 6 weeks (42 days) after receipt. */
const receivedForAdrDueIn = (days: number) => addDays(today, days - 42);

/** Log a phone complaint received on `receivedOn` and return its reference. */
async function logged(page: Page, name: string, receivedOn: string): Promise<string> {
  await logComplaint(page, {
    receivedOn,
    channel: 'Phone',
    category: 'Billing',
    summary: `Billing complaint from ${name}`,
    name,
    phone: '0113 496 0000',
  });
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(/^RDR-\d{4}-\d{6}$/);
  return (await heading.textContent())!.trim();
}

const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** Settings: the desk's procedure and calendar become Jive Canada's (the CCTS, no ADR letter), saved. */
async function deskUnderJive(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).click();
  await chooseOption(page, 'Complaints procedure', 'Jive Canada complaint handling code');
  await chooseOption(page, 'Working-day calendar', 'Canada (federal)');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect
    .poll(() => storedDeskSettings(page))
    .toMatchObject({ defaultProcedureId: 'jive-ca', calendar: 'canada' });
}

test('back-dated complaints land in the right dashboard lists, each one click from its case', async ({ page }) => {
  await setUpDesk(page);
  await shoot(page, '40-dashboard-empty');
  await expect(section(page, 'Overdue')).toContainText('Nothing overdue.');

  const overdue = await logged(page, 'Olive Overdue', receivedForAdrDueIn(-3));
  const dueToday = await logged(page, 'Tariq Today', receivedForAdrDueIn(0));
  const thisWeek = await logged(page, 'Wendy Week', receivedForAdrDueIn(4));
  const inTwelve = await logged(page, 'Lena Later', receivedForAdrDueIn(12));
  const later = await logged(page, 'Fred Fresh', receivedForAdrDueIn(30));

  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();

  // Each case is in one due list only: the one its next deadline puts it in.
  const overdueList = section(page, 'Overdue');
  await expect(overdueList.getByRole('link')).toHaveCount(1);
  await expect(overdueList.getByRole('link', { name: new RegExp(overdue) })).toContainText('Olive Overdue');
  await expect(overdueList).toContainText('ADR letter');
  await expect(overdueList).toContainText('3 days overdue');

  const todayList = section(page, 'Due today');
  await expect(todayList.getByRole('link')).toHaveCount(1);
  await expect(todayList.getByRole('link', { name: new RegExp(dueToday) })).toContainText('due today');

  const weekList = section(page, 'Due this week');
  await expect(weekList.getByRole('link')).toHaveCount(1);
  await expect(weekList.getByRole('link', { name: new RegExp(thisWeek) })).toContainText('4 days left');
  for (const ref of [inTwelve, later]) {
    for (const list of [overdueList, todayList, weekList]) await expect(list).not.toContainText(ref);
  }

  // None is acknowledged yet; ADR letters due within 14 days or overdue: all but the one due in 30 days.
  await expect(section(page, 'Unacknowledged').getByRole('link')).toHaveCount(5);
  const adr = section(page, 'ADR letters due');
  await expect(adr.getByRole('link')).toHaveCount(4);
  await expect(adr.getByRole('link').first()).toContainText(overdue);
  await expect(adr).toContainText('12 days left');
  await expect(adr).not.toContainText(later);
  await expect(page.getByRole('button', { name: 'Overdue 1' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Due this week 1' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unacknowledged 5' })).toBeVisible();
  await shoot(page, '41-dashboard');

  // Keyboard: Tab reaches the items; Enter opens the case.
  await overdueList.getByRole('link').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(overdue);

  // One click from the dashboard.
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await section(page, 'Due today')
    .getByRole('link', { name: new RegExp(dueToday) })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(dueToday);
  await expect(page).toHaveURL(/#\/cases\/[0-9a-f-]{36}$/);
});

test('the command palette finds a case by phone and postcode, and by a name typed without its accents (issue #15)', async ({
  page,
}) => {
  await setUpDesk(page);
  await logComplaint(page, {
    receivedOn: addDays(today, -1),
    channel: 'Phone',
    category: 'Billing',
    summary: 'Charged twice',
    name: "Seán O'Brien",
    address: '2 High Street\nLeeds',
    postcode: 'LS6 2QT',
    phone: '0113 496 0777',
  });
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(/^RDR-\d{4}-\d{6}$/);
  const reference = (await heading.textContent())!.trim();
  await logged(page, 'Ada Lovelace', addDays(today, -2));
  await page.getByRole('link', { name: 'Dashboard' }).click();

  const search = page.getByRole('textbox', { name: 'Jump to a case or a screen' });
  const sean = page.getByRole('button', { name: new RegExp(`${reference} Seán O'Brien`) });
  for (const typed of ['0113 496 0777', 'ls62qt', 'sean obrien', 'o brien']) {
    await page.keyboard.press('Control+K');
    await search.fill(typed);
    await expect(sean, typed).toBeVisible();
    await expect(page.getByRole('button', { name: /Ada Lovelace/ }), typed).toHaveCount(0);
    await page.keyboard.press('Escape');
  }
  await page.keyboard.press('Control+K');
  await search.fill('0113 496 0777');
  await page.keyboard.press('Enter');
  await expect(heading).toHaveText(reference);
});

test('the command palette opens with Ctrl+K and jumps to a case by name or number, or to a screen', async ({
  page,
}) => {
  await setUpDesk(page);
  const ada = await logged(page, 'Ada Lovelace', addDays(today, -2));
  const alan = await logged(page, 'Alan Turing', addDays(today, -1));
  await page.getByRole('link', { name: 'Dashboard' }).click();

  await page.keyboard.press('Control+K');
  const search = page.getByRole('textbox', { name: 'Jump to a case or a screen' });
  await expect(search).toBeFocused();
  await search.fill('turing');
  await expect(page.getByRole('button', { name: new RegExp(`${alan} Alan Turing`) })).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(ada) })).toHaveCount(0);
  await shoot(page, '42-palette');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(alan);

  // By the reference's number alone, from inside a text field.
  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  await page.getByRole('textbox').first().focus();
  await page.keyboard.press('Control+K');
  await search.fill(String(Number(ada.slice(-6))));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ada);

  // Commands.
  await page.keyboard.press('Control+K');
  await search.fill('new');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'New complaint' })).toBeVisible();
  await page.keyboard.press('Control+K');
  await search.fill('my cases');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'My cases' })).toBeVisible();
  await page.keyboard.press('Control+K');
  await search.fill('zzzz');
  await expect(page.getByText('No case or command matches “zzzz”.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(search).toBeHidden();
  // It opens empty again, and takes what is typed straight after the shortcut, before its box has the focus: not added
  // to the query that found nothing, none of it lost, none of it typed into the field the focus was in.
  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  const field = page.getByRole('textbox').first();
  await field.focus();
  await page.keyboard.press('Control+K');
  await page.keyboard.type('turinh');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('g');
  await expect(search).toHaveValue('turing');
  await expect(search).toBeFocused();
  await expect(page.getByRole('button', { name: new RegExp(`${alan} Alan Turing`) })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(search).toBeHidden();
  await expect(field).toHaveValue('');
});

test('people: add someone, pick who is working, hand a case over, and see each person’s cases', async ({ page }) => {
  await setUpDesk(page);
  const ref = await logged(page, 'Grace Hopper', addDays(today, -3));

  // The desk starts with the handler from the first-run settings.
  await expect(page.getByRole('combobox', { name: 'Who is working' })).toHaveValue('Sam Patel');
  await page.getByRole('link', { name: 'My cases', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'My cases' })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(ref) })).toContainText('Grace Hopper');

  await page.getByRole('link', { name: 'Settings' }).click();
  const people = page.getByRole('region', { name: 'People' });
  await people.getByLabel('Add someone to the desk').fill('Priya Shah');
  await people.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(people.getByRole('row', { name: /Priya Shah/ })).toContainText('Active');
  await people.getByLabel('Add someone to the desk').fill('priya shah');
  await people.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(people.getByText('Priya Shah is already on the list')).toBeVisible();
  await shoot(page, '43-settings-people');

  // Hand the case to Priya from "My cases": it leaves Sam's list and the timeline says so.
  await page.getByRole('link', { name: 'My cases', exact: true }).click();
  await chooseOption(page, `Handler of ${ref}`, 'Priya Shah');
  await expect(page.getByText('No open cases handled by Sam Patel.')).toBeVisible();
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(section(page, 'Unacknowledged')).toContainText('Priya Shah');

  // Priya sits down: her cases.
  await chooseOption(page, 'Who is working', 'Priya Shah');
  await page.getByRole('link', { name: 'My cases', exact: true }).click();
  await expect(page.getByRole('row', { name: new RegExp(ref) })).toBeVisible();
  await shoot(page, '44-my-cases');
  await page.getByRole('link', { name: ref }).click();
  await expect(page.getByLabel('Timeline')).toContainText('Handed over from Sam Patel to Priya Shah');
  // A complaint Priya logs is recorded as hers, and she handles it (it was the desk's first-run name).
  const hers = await logged(page, 'Ada Lovelace', addDays(today, -1));
  await expect(page.getByLabel('Timeline').locator('[data-event-type="received"]')).toContainText('by Priya Shah');
  await page.getByRole('link', { name: 'My cases', exact: true }).click();
  await expect(page.getByRole('row', { name: new RegExp(hers) })).toBeVisible();

  // The choice is remembered on this computer.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Who is working' })).toHaveValue('Priya Shah');

  // Priya still handles open cases: deactivating her is asked about first, and "Keep this person active" keeps her
  // (explore36-manager #8).
  await page.getByRole('link', { name: 'Settings' }).click();
  await people.getByRole('button', { name: 'Deactivate Priya Shah' }).click();
  const stillHandles = page.getByRole('dialog', {
    name: 'Priya Shah still handles 2 open cases: deactivate this person?',
  });
  await expect(stillHandles).toContainText('nobody can work as Priya Shah');
  await expect(stillHandles.getByRole('button', { name: 'Keep this person active' })).toBeFocused();
  await stillHandles.getByRole('button', { name: 'Keep this person active' }).click();
  await expect(stillHandles).toBeHidden();
  await expect(people.getByRole('row', { name: /Priya Shah/ })).toContainText('Active');

  // Sam leaves (he handles none now): deactivated at once, and no longer offered.
  await people.getByRole('button', { name: 'Deactivate Sam Patel' }).click();
  await expect(people.getByRole('row', { name: /Sam Patel/ })).toContainText('Deactivated');
  await expect(people.getByRole('button', { name: 'Deactivate Priya Shah' })).toBeDisabled();
  await page.getByRole('combobox', { name: 'Who is working' }).click();
  await expect(page.getByRole('option', { name: 'Sam Patel' })).toHaveCount(0);
  await page.keyboard.press('Escape');
});

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

test('settings: the letterhead logo (bad files refused with a reason), the ADR scheme and the procedures', async ({
  page,
}) => {
  await setUpDesk(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  const file = page.getByRole('region', { name: 'Desk settings' }).locator('input[type="file"]');

  const problem = page.getByRole('alert').filter({ hasText: /logo/ });
  await file.setInputFiles({ name: 'logo.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
  await expect(problem).toHaveText('“logo.gif” is not a PNG or JPEG image. Choose the logo as a .png or .jpg file.');
  await file.setInputFiles({
    name: 'renamed.png',
    mimeType: 'image/png',
    buffer: Buffer.from('this is not a picture at all'),
  });
  await expect(problem).toContainText('“renamed.png”: The logo file is not really a PNG image');
  await file.setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(400 * 1024, 1) });
  await expect(problem).toContainText('“huge.png” is 400 KB; the logo can be at most 256 KB');
  await shoot(page, '45-settings-logo-refused');

  await file.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByRole('img', { name: 'The company’s logo' })).toBeVisible();
  await expect(problem).toHaveCount(0);
  await chooseOption(page, 'ADR scheme', 'CISAS (Communications and Internet Services Adjudication Scheme)');
  // CISAS's postal address is not verified in the scheme directory: said beside the scheme, with where to check it.
  const unverified =
    'Not yet verified against the scheme’s own publications: the postal address. Check on www.cedr.com/consumer/cisas.';
  await expect(page.getByRole('region', { name: 'Desk settings' })).toContainText(unverified);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect
    .poll(() => storedDeskSettings(page))
    .toMatchObject({ adrSchemeId: 'cisas', logoDataUrl: expect.stringMatching(/^data:image\/png;base64,/) });

  await page.reload();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('img', { name: 'The company’s logo' })).toHaveAttribute(
    'src',
    /^data:image\/png;base64,iVBORw0KGgo/,
  );
  await expect(page.getByRole('combobox', { name: 'ADR scheme' })).toHaveValue(
    'CISAS (Communications and Internet Services Adjudication Scheme)',
  );

  // The procedures, view-only: stages, owners and targets.
  const procedures = page.getByRole('region', { name: 'Procedures' });
  await procedures.getByRole('button', { name: /kinex communications complaints procedure/ }).click();
  const stages = procedures.getByRole('table', { name: 'Stages of kinex communications complaints procedure' });
  await expect(stages.getByRole('row')).toHaveCount(6);
  await expect(stages).toContainText('Customer service');
  // Kijoma's procedure names CISAS: its unverified postal address is said there too.
  await procedures.getByRole('button', { name: /Kijoma/ }).click();
  await expect(procedures).toContainText(unverified);
  await shoot(page, '46-settings');
});

test('a desk whose providers all follow the CCTS has no ADR letter or referral window lists (explore27-quebec §10)', async ({
  page,
}) => {
  await setUpDesk(page);
  const tile = (name: string) => page.getByRole('button', { name: new RegExp(`^${name} \\d+$`) });
  // Under the Ofcom baseline: both.
  await expect(tile('ADR letters due')).toBeVisible();
  await expect(section(page, 'ADR referral windows closing')).toBeVisible();

  await deskUnderJive(page);
  // The retention hint follows the desk's region: its letterhead's postcode is not Canadian, so both Canadian periods.
  const retention = page.getByRole('region', { name: 'Retention of personal data' });
  await expect(retention).toContainText('Québec: 3 years (Civil Code of Québec, art. 2925)');
  await expect(retention).toContainText('Other provinces: commonly 2 years from when the problem was discovered');
  await expect(retention).not.toContainText('England & Wales');

  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(tile('Unacknowledged')).toBeVisible();
  await expect(tile('ADR letters due')).toHaveCount(0);
  await expect(tile('Referral windows')).toHaveCount(0);
  await expect(section(page, 'ADR letters due')).toHaveCount(0);
  await expect(section(page, 'ADR referral windows closing')).toHaveCount(0);
  await shoot(page, '47-dashboard-ccts');
});

test('a reopened case with nothing due is listed under "Open, nothing due", one click from its case (explore34-french Q4)', async ({
  page,
}) => {
  await setUpDesk(page);
  // A Canadian desk: once acknowledged, a complaint has no further deadline of its own under Jive's code.
  await deskUnderJive(page);
  const reference = await closedCase(
    page,
    {
      receivedOn: addDays(today, -9),
      channel: 'Phone',
      category: 'Billing',
      summary: 'Charged twice for March',
      name: 'Rosa Reopened',
      phone: '0113 496 0002',
    },
    { ack: addDays(today, -9), resolved: addDays(today, -6), closed: addDays(today, -5) },
  );
  const caseUrl = page.url();
  const tile = page.getByRole('button', { name: /^Open, nothing due \d+$/ });
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(tile).toHaveAccessibleName('Open, nothing due 0');
  await expect(section(page, 'Open, nothing due')).toContainText('Every open case has something due.');

  // The customer comes back: reopened, with its acknowledgement already sent, no rule sets a date for what comes next.
  await page.goto(caseUrl);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(reference);
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Reopen the case…', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await textbox(dialog, 'Why it is reopened').fill('Charged twice again in April');
  await dialog.getByRole('button', { name: 'Reopen', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('case-status')).toHaveText('Open');
  const next = page.getByRole('list', { name: 'What to do next' });
  await expect(next).toContainText('Resolve the reopened complaint, or escalate it');
  await expect(next).toContainText('No due date');

  // On the dashboard all the same: in no due list, but in its own, one click from the case.
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(tile).toHaveAccessibleName('Open, nothing due 1');
  const list = section(page, 'Open, nothing due');
  await expect(list.getByRole('link')).toHaveCount(1);
  const item = list.getByRole('link', { name: new RegExp(reference) });
  await expect(item).toContainText('Rosa Reopened');
  await expect(item).toContainText('changed today');
  for (const other of ['Overdue', 'Due today', 'Due this week', 'Unacknowledged'])
    await expect(section(page, other)).not.toContainText(reference);
  await shoot(page, '48-dashboard-open-nothing-due');
  await tile.click();
  await expect(page.getByRole('heading', { name: 'Open, nothing due', level: 2 })).toBeFocused();
  await item.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(reference);

  // The case list finds the same cases: "Open, nothing due" beside "Overdue only".
  const other = await logged(page, 'Nina New', today);
  await page.getByRole('navigation').getByRole('link', { name: 'Cases', exact: true }).click();
  const grid = page.getByRole('grid');
  await expect(grid.getByRole('row', { name: new RegExp(other) })).toBeVisible();
  await page.getByText('Open, nothing due', { exact: true }).click();
  await expect(grid.getByRole('row', { name: new RegExp(reference) })).toBeVisible();
  await expect(grid.getByRole('row', { name: new RegExp(other) })).toHaveCount(0);
});

test('reminders: a morning digest at 08:00, one notification when a deadline passes at midnight, never twice; a click opens the case', async ({
  page,
}) => {
  // Record the OS notifications the app asks for (web mode: Web Notifications), with permission granted.
  await page.addInitScript(() => {
    const shown: Array<{ title: string; body: string; tag: string; click: () => void }> = [];
    (window as unknown as { shownNotifications: typeof shown }).shownNotifications = shown;
    class FakeNotification {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      onclick: (() => void) | null = null;
      constructor(title: string, options: { body: string; tag: string }) {
        shown.push({ title, body: options.body, tag: options.tag, click: () => this.onclick?.() });
      }
    }
    Object.defineProperty(window, 'Notification', { value: FakeNotification });
  });
  const notes = () =>
    page.evaluate(() =>
      (
        window as unknown as { shownNotifications: Array<{ title: string; body: string; tag: string }> }
      ).shownNotifications.map(({ title, body, tag }) => ({ title, body, tag })),
    );

  // Friday 20 November 2026, 07:55 in London.
  await page.clock.install({ time: new Date('2026-11-20T07:55:00Z') });
  await setUpDesk(page);
  const overdue = await logged(page, 'Olive Overdue', '2026-10-07'); // ADR letter due 18 November
  const dueToday = await logged(page, 'Tariq Today', '2026-10-09'); // ADR letter due 20 November
  expect(await notes()).toEqual([]);

  // 08:00: the digest.
  await page.clock.fastForward('06:00');
  await expect.poll(notes).toEqual([
    {
      title: 'Good morning: 1 due today, 1 overdue',
      body: `${dueToday} Tariq Today: ADR letter, due today\n${overdue} Olive Overdue: ADR letter, 2 days overdue`,
      tag: 'digest:2026-11-20',
    },
  ]);

  // Through the day nothing more; just after midnight, Tariq's ADR letter is overdue.
  await page.clock.fastForward('10:00:00');
  expect(await notes()).toHaveLength(1);
  await page.clock.fastForward('06:01:00');
  await expect
    .poll(async () => (await notes()).map((n) => n.title))
    .toEqual(['Good morning: 1 due today, 1 overdue', `Overdue: ${dueToday}`]);
  const [, overdueNote] = await notes();
  expect(overdueNote.tag).toMatch(/^overdue:[0-9a-f-]{36}:adr-letter:2026-11-20$/);
  expect(overdueNote.body).toBe('Tariq Today: ADR letter was due Fri 20 Nov 2026 and is now 1 day overdue.');

  // Clicking it opens the case.
  await page.evaluate(() =>
    (window as unknown as { shownNotifications: Array<{ click: () => void }> }).shownNotifications[1].click(),
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(dueToday);

  // After a restart, the same reminders are not shown again.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(dueToday);
  await page.clock.fastForward('02:00');
  await page.clock.fastForward('09:00:00'); // Saturday 09:02: Saturday's digest, once.
  await expect.poll(async () => (await notes()).map((n) => n.tag)).toEqual(['digest:2026-11-21']);
  await page.clock.fastForward('05:00');
  expect(await notes()).toHaveLength(1);
});
