// WCAG 2.2 AA (issue #17): axe on every screen and every dialog and menu in its open state, one h1 and a document
// title per screen, focus management, the live region, reflow at 320 CSS px, and a complaint and a letter by keyboard.
// The tests share one page (the CI budget is tight): they run in order on one desk.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { axeViolations } from '#test/support/axe';
import { readPdf } from '#test/support/pdf-text';
import {
  chooseOption as chooseLanguage,
  issueLetterFromDialog,
  logComplaint,
  messagesGone,
  setUpDesk,
  todayInLondon,
} from './fixtures';

/** The repository's root (this file is test/e2e/accessibility.spec.ts). */
const REPO = new URL('../', new URL('../', import.meta.url));

/** The screens this spec checks, by route (as App.tsx writes them): a new route without a check here fails. */
const SCREENS: Record<string, { link?: string; heading: string | RegExp }> = {
  '/': { link: 'Dashboard', heading: 'Dashboard' },
  '/cases': { link: 'Cases', heading: 'Cases' },
  '/cases/:id': { heading: /^RDR-\d{4}-\d{6}$/ },
  '/my': { link: 'My cases', heading: 'My cases' },
  '/new': { link: 'New complaint', heading: 'New complaint' },
  '/post': { link: 'Letters to post', heading: 'Letters to post today' },
  '/reports': { link: 'Reports', heading: 'Reports' },
  '/import': { heading: 'Import cases' },
  '/privacy': { link: 'Privacy', heading: 'Privacy' },
  '/data': { link: 'Your data', heading: 'Your data' },
  '/settings': { link: 'Settings', heading: 'Settings' },
  '/team': { link: 'Team sharing', heading: 'Team sharing' },
};

const test = base.extend<object, { shared: Page }>({
  shared: [
    async ({ browser }, use) => {
      // Reduced motion, as a person who asks for it gets: no fading, so axe never measures a colour mid-fade (a
      // message fading out as axe reads it once measured 3.92:1 for a grey that is 4.5:1 at rest).
      const context = await browser.newContext({ reducedMotion: 'reduce' });
      const page = await context.newPage();
      await use(page);
      await context.close();
    },
    { scope: 'worker' },
  ],
});
test.describe.configure({ mode: 'serial' });

async function axe(page: Page, what: string, include?: string) {
  expect.soft(await axeViolations(page, include), `axe violations on ${what}`).toEqual([]);
}

test('every route of the app has an axe check here', () => {
  const app = readFileSync(fileURLToPath(new URL('renderer/src/app/App.tsx', REPO)), 'utf8');
  const routes = [...app.matchAll(/<Route path="([^"]+)"/g)].map((m) => m[1]!);
  expect(routes.length).toBeGreaterThan(5);
  expect(routes.toSorted()).toEqual(Object.keys(SCREENS).toSorted());
});

test('first run: the set-up screen', async ({ shared: page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Set up your desk' })).toBeVisible();
  await expect(page).toHaveTitle('Set up your desk — Redress');
  await axe(page, 'the set-up screen');
  await setUpDesk(page);
});

test('every screen: no axe violations, one h1, a title naming it', async ({ shared: page }) => {
  // Every route, each checked by axe: more than the default minute on a busy machine.
  test.slow();
  await logComplaint(page, {
    receivedOn: todayInLondon(),
    channel: 'Phone',
    category: 'Billing',
    summary: 'Charged twice for October',
    name: 'Ada Lovelace',
    address: '1 High Street\nLeeds',
    postcode: 'LS1 1AA',
  });
  const caseHeading = page.getByRole('heading', { level: 1 });
  await expect(caseHeading).toHaveText(SCREENS['/cases/:id']!.heading);
  const reference = (await caseHeading.textContent())!.trim();
  await expect(page).toHaveTitle(`${reference} — Redress`);
  await axe(page, 'the case page');

  for (const [route, screen] of Object.entries(SCREENS)) {
    if (route === '/cases/:id') continue;
    if (screen.link) await page.getByRole('navigation').getByRole('link', { name: screen.link, exact: true }).click();
    else await page.goto(`/#${route}`);
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1).toHaveText(screen.heading);
    await expect(h1).toHaveCount(1);
    await expect(page).toHaveTitle(`${String(screen.heading)} — Redress`);
    await axe(page, route);
  }
});

test('every dialog and menu in its open state: no axe violations; focus goes back to its opener', async ({
  shared: page,
}) => {
  // The About dialog, from the navigation.
  const about = page.getByRole('button', { name: 'About Redress' });
  await about.focus();
  await page.keyboard.press('Enter');
  const aboutDialog = page.getByRole('dialog', { name: 'About Redress' });
  await expect(aboutDialog).toBeVisible();
  await expect(aboutDialog.getByRole('button', { name: 'Close' })).toBeVisible();
  await axe(page, 'the About dialog');
  await page.keyboard.press('Escape');
  await expect(aboutDialog).toBeHidden();
  await expect(about).toBeFocused();

  // The command palette.
  await page.getByRole('button', { name: /^Jump to a case…/ }).click();
  await expect(page.getByRole('textbox', { name: 'Jump to a case or a screen' })).toBeVisible();
  await axe(page, 'the command palette');
  await page.keyboard.press('Escape');

  // The case page: its Actions menu, an action's dialog, the letter dialog.
  await page.getByRole('navigation').getByRole('link', { name: 'Cases', exact: true }).click();
  await page.getByRole('link', { name: /^RDR-/ }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-/);
  const actions = page.getByRole('button', { name: 'Actions', exact: true });
  await actions.click();
  await expect(page.getByRole('menu')).toBeVisible();
  await axe(page, 'the Actions menu');
  await page.getByRole('menuitem', { name: 'Acknowledge…', exact: true }).click();
  const ack = page.getByRole('dialog');
  await expect(ack).toBeVisible();
  await axe(page, 'an action’s dialog');
  await ack.getByRole('button', { name: 'Close' }).click();
  await expect(ack).toBeHidden();
  await expect(actions).toBeFocused();

  const letterOpener = page.getByRole('button', { name: 'Acknowledgement letter…' });
  await letterOpener.click();
  const letterDialog = page.getByRole('dialog', { name: 'Write a letter' });
  await expect(letterDialog.getByRole('group', { name: /^Page 1 of \d+$/ })).toBeVisible({ timeout: 20_000 });
  await axe(page, 'the letter dialog');
  await page.keyboard.press('Escape');
  await expect(letterDialog).toBeHidden();
  await expect(letterOpener).toBeFocused();

  // A list box open (who is working).
  await page.getByRole('combobox', { name: 'Who is working' }).click();
  await expect(page.getByRole('listbox')).toBeVisible();
  await axe(page, 'an open list box');
  await page.keyboard.press('Escape');
});

test('after navigation the focus is on the new screen’s h1; the skip link leads there too', async ({
  shared: page,
}) => {
  await page.getByRole('navigation').getByRole('link', { name: 'Reports', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeFocused();

  await page.getByRole('navigation').getByRole('link', { name: 'Privacy', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy' })).toBeFocused();

  // The skip link is the first Tab stop of a freshly loaded screen.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy' })).toBeFocused();
});

/** Choose an option of a Mantine select with the keyboard only. */
async function chooseByKeyboard(page: Page, label: string, option: string) {
  const box = page.getByRole('combobox', { name: label });
  await box.focus();
  await page.keyboard.press('ArrowDown');
  // Each arrow is awaited until the list has moved, so a slow machine never reads an old highlight and overshoots. An
  // arrow pressed while the list is still opening can be lost (seen once in CI): then the next turn presses again.
  const highlighted = page.locator('[data-combobox-selected]');
  for (let i = 0; i < 40; i++) {
    await expect(highlighted).toHaveCount(1);
    const text = (await highlighted.textContent())?.trim() ?? '';
    if (text === option) break;
    await page.keyboard.press('ArrowDown');
    await expect(highlighted)
      .not.toHaveText(text, { timeout: 2000 })
      .catch(() => undefined);
  }
  await page.keyboard.press('Enter');
  await expect(box).toHaveValue(option);
}

test('keyboard only: log a complaint and issue its letter; the live region says what was saved', async ({
  shared: page,
}) => {
  const newComplaint = page.getByRole('navigation').getByRole('link', { name: 'New complaint', exact: true });
  await newComplaint.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'New complaint' })).toBeFocused();
  await page.getByLabel('Date received').focus();
  const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London' }).format(new Date());
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(today);
  await page.keyboard.press('Tab');
  // A select answers typing as a native one does (explore34-keyboard): with its list open, "Pho" chooses Phone and
  // shuts the list, as a click on it would; the arrows still work too.
  const channel = page.getByRole('combobox', { name: 'Channel' });
  await channel.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[data-combobox-selected]')).toHaveCount(1);
  await page.keyboard.type('Pho');
  await expect(channel).toHaveValue('Phone');
  await expect(page.getByRole('listbox')).toBeHidden();
  await chooseByKeyboard(page, 'Channel', 'Email');
  // With its list shut, the first letters choose the option at once.
  const category = page.getByRole('combobox', { name: 'Category' });
  await category.focus();
  await page.keyboard.type('Bil');
  await expect(category).toHaveValue('Billing');
  await page.getByLabel('Summary').focus();
  await page.keyboard.type('Direct debit taken twice');
  await page.getByLabel('Name', { exact: false }).first().focus();
  await page.keyboard.type('Grace Hopper');
  await page.getByLabel('Postal address').first().focus();
  await page.keyboard.type('2 Low Road');
  await page.keyboard.press('Enter');
  await page.keyboard.type('York');
  await page.getByLabel('Postcode').first().focus();
  await page.keyboard.type('YO1 7HH');
  await page.getByRole('button', { name: 'Log complaint' }).focus();
  await page.keyboard.press('Enter');
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toHaveText(/^RDR-\d{4}-\d{6}$/);
  const reference = (await h1.textContent())!.trim();
  await expect(page.getByRole('status').filter({ hasText: 'Complaint logged' })).toContainText(reference);

  const opener = page.getByRole('button', { name: 'Acknowledgement letter…' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Write a letter' });
  await expect(dialog.getByRole('group', { name: /^Page 1 of \d+$/ })).toBeVisible({ timeout: 20_000 });
  const downloadPromise = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Issue and download' }).focus();
  await page.keyboard.press('Enter');
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toContain(reference);
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Timeline')).toContainText('letter');
  // The letter issued, focus is back on the case header's letter buttons (the one that opened the dialog, now the
  // next stage's, or "Other letters…" when it has gone), not on the page.
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('type', 'button');
  await expect(focused).toHaveText(/^[^…]+…$/);
});

test('a large-print letter: every piece of text at 16 pt or more, the PDF says its language; the greeting uses the title', async ({
  shared: page,
}) => {
  await logComplaint(page, {
    receivedOn: todayInLondon(),
    channel: 'Letter',
    category: 'Service',
    summary: 'Mon service est coupé depuis une semaine.',
    name: 'Élodie Tremblay',
    title: 'Ms (Mme)',
    address: '1250 rue Sainte-Catherine Ouest\nMontréal QC',
    postcode: 'H3G 1P1',
    language: 'French (Canada)',
    largePrint: true,
  });
  const download = await issueLetterFromDialog(page);
  const pdf = await readPdf(new Uint8Array(readFileSync((await download.path())!)));
  const small = pdf.items.filter((item) => item.fontSize < 15.99).map((i) => `${i.fontSize.toFixed(1)} pt: ${i.text}`);
  expect(small).toEqual([]);
  expect(pdf.items.length).toBeGreaterThan(30);
  expect(pdf.info).toMatchObject({
    Language: 'fr-CA',
    Author: expect.any(String),
    Title: expect.stringMatching(/RDR-/),
  });
  expect(pdf.items.map((i) => i.text)).toContain('Madame,');
  // The address in the DL window (20-110 mm from the left, 50-85 mm from the top), at 16 pt.
  const mm = (n: number) => (n * 72) / 25.4;
  // Named with the appellation in full, as the OQLF has it (explore34a #15).
  const name = pdf.items.find((i) => i.page === 1 && i.text === 'Madame Élodie Tremblay')!;
  // The postal code on the municipality's line, as Canada Post has it ("Montréal QC  H3G 1P1").
  const postcode = pdf.items.find((i) => i.page === 1 && i.text.endsWith('H3G 1P1'))!;
  expect(postcode.text).toMatch(/^Montréal QC\s+H3G 1P1$/);
  expect(name.fontSize).toBeGreaterThanOrEqual(16);
  expect(name.top).toBeGreaterThanOrEqual(mm(50));
  expect(postcode.bottom).toBeLessThanOrEqual(mm(85));
  expect(Math.max(name.right, postcode.right)).toBeLessThanOrEqual(mm(110));
});

test('at 320 CSS px the navigation folds into a menu button and nothing scrolls sideways', async ({ shared: page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  try {
    const nav = page.getByRole('navigation', { includeHidden: true });
    await expect(nav).not.toBeInViewport();
    // Folded away, its links are no Tab stops.
    expect(await nav.evaluate((el) => (el as HTMLElement).inert)).toBe(true);
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await menu.click();
    await expect(nav).toBeInViewport();
    // Open, it covers the page: the page under it takes no focus, and Escape closes it back onto "Menu".
    const main = page.locator('#main-content');
    expect(await main.evaluate((el) => (el as HTMLElement).inert)).toBe(true);
    await page.keyboard.press('Escape');
    await expect(nav).not.toBeInViewport();
    await expect(menu).toBeFocused();
    expect(await main.evaluate((el) => (el as HTMLElement).inert)).toBe(false);
    await menu.click();
    await expect(nav).toBeInViewport();
    await axe(page, 'the navigation open at 320 px');
    await nav.getByRole('link', { name: 'Reports', exact: true }).click();
    await expect(nav).not.toBeInViewport();
    await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeFocused();
    // Every screen, a case's page among them (the earlier tests logged cases), in English and then in French, whose
    // longer words are the ones that overflow.
    await page.goto('/#/cases');
    const firstCase = await page.locator('a[href^="#/cases/"]').first().getAttribute('href', { timeout: 10_000 });
    const routes = ['/', '/cases', '/my', '/new', '/post', '/reports', '/privacy', '/data', '/team', '/settings'];
    if (firstCase) routes.push(firstCase.slice(1));
    const measure = async (language: string) => {
      for (const route of routes) {
        await page.goto(`/#${route}`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        // Parts of a screen arrive after its heading (settings draws its sections as their data loads): the widest
        // moment in the next second counts.
        let overflow = 0;
        for (let sample = 0; sample < 6; sample++) {
          if (sample > 0) await page.waitForTimeout(200);
          const now = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          overflow = Math.max(overflow, now);
        }
        expect.soft(overflow, `sideways scrolling on ${route} at 320 px, in ${language}`).toBeLessThanOrEqual(0);
      }
    };
    await measure('English');
    await axe(page, 'the settings screen at 320 px');
    await page.goto('/#/settings');
    await chooseLanguage(page, 'Language of the interface', 'Français (Canada)');
    await expect(page.getByRole('heading', { level: 1, name: 'Paramètres' })).toBeVisible();
    try {
      await measure('French');
    } finally {
      await page.goto('/#/settings');
      await chooseLanguage(page, 'Langue de l’interface', 'English (UK)');
      await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    }
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
});

test('the procedure editor and the email preview, open: no axe violations', async ({ shared: page }) => {
  // Settings → Procedures: a built-in procedure opened, then copied, which opens the editor on the copy (its stages,
  // targets, the letters' words and the preview of the due dates beside them).
  await page.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true }).click();
  const procedures = page.getByRole('region', { name: 'Procedures' });
  await procedures.getByRole('button', { name: 'Ofcom baseline procedure' }).first().click();
  await expect(procedures.getByRole('table', { name: 'Stages of Ofcom baseline procedure' })).toBeVisible();
  await axe(page, 'Settings → Procedures with a procedure open');
  await procedures.getByRole('button', { name: 'Copy Ofcom baseline procedure', exact: true }).click();
  const editor = page.getByRole('region', { name: 'Edit Ofcom baseline procedure (copy) (v1)' });
  await expect(editor.getByRole('complementary', { name: 'Preview' })).toContainText('ADR letter');
  await messagesGone(page);
  await axe(page, 'the procedure editor');
  await editor.getByRole('button', { name: 'Cancel' }).click();

  // An email dropped on the window opens New complaint filled from it; "Show the email" opens it in a dialog.
  const eml = readFileSync(fileURLToPath(new URL('test/fixtures/mail/outlook-accented-cp1252-pdf.eml', REPO)));
  await page.evaluate(
    ({ b64 }) => {
      const transfer = new DataTransfer();
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], 'Complaint.eml', { type: 'message/rfc822' }));
      const target = document.querySelector('main') ?? document.body;
      for (const kind of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { b64: eml.toString('base64') },
  );
  await expect(page.getByRole('heading', { name: 'New complaint', level: 1 })).toBeVisible();
  const show = page.getByRole('button', { name: 'Show the email' });
  await show.click();
  const preview = page.getByRole('dialog', { name: 'Email preview' });
  await expect(preview.getByRole('table', { name: 'Email details' })).toContainText('Renée Lefèvre');
  await axe(page, 'the email preview');
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();
  await expect(show).toBeFocused();
});

test('a refused form puts the focus on its first invalid field, in screen order', async ({ shared: page }) => {
  await page.goto('/#/new');
  await expect(page.getByRole('heading', { name: 'New complaint', level: 1 })).toBeVisible();
  // Whatever an earlier test left in the form (a dropped email) is cleared first.
  const startAgain = page.getByRole('button', { name: /Start again|Discard|Clear the form/ });
  if (await startAgain.count()) await startAgain.first().click();
  await page.getByLabel('Name', { exact: false }).first().fill('');
  await page.getByLabel('Summary').fill('');
  const channel = page.getByRole('combobox', { name: 'Channel' });
  if (await channel.inputValue()) {
    await page.reload();
    await expect(page.getByRole('heading', { name: 'New complaint', level: 1 })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Log complaint' }).focus();
  await page.keyboard.press('Enter');
  // A select is focused through its visible input (its hidden one carries the name).
  await expect(page.getByRole('combobox', { name: 'Channel' })).toBeFocused();
  await chooseLanguage(page, 'Channel', 'Phone');
  await chooseLanguage(page, 'Category', 'Billing');
  await page.getByRole('button', { name: 'Log complaint' }).focus();
  await page.keyboard.press('Enter');
  // The summary comes before the name on the screen, whatever order the rules check them in.
  await expect(page.getByLabel('Summary')).toBeFocused();
});

test('a message at the bottom left moves aside when the focus lands on what it covers (2.4.11 focus not obscured)', async ({
  shared: page,
}) => {
  await page.goto('/#/settings');
  await page.getByRole('button', { name: 'Save settings' }).click();
  const toasts = page.locator('.redress-toasts .mantine-Notification-root');
  await expect(toasts.filter({ hasText: 'Settings saved' }).last()).toBeVisible();
  const about = page.getByRole('button', { name: 'About Redress' });
  /** Whether any message covers part of the About link. */
  const covered = async () => {
    const a = (await about.boundingBox())!;
    const boxes = await toasts.evaluateAll((all) => all.map((t) => t.getBoundingClientRect().toJSON() as DOMRect));
    return boxes.some((b) => a.x < b.right && a.x + a.width > b.left && a.y < b.bottom && a.y + a.height > b.top);
  };
  // At the bottom left they cover the navigation's About link.
  expect(await covered()).toBe(true);
  await about.focus();
  await expect.poll(covered).toBe(false);
  // Moved, not closed: still there to read.
  await expect(toasts.filter({ hasText: 'Settings saved' }).last()).toBeVisible();
  await page.screenshot({ path: 'test/output/screenshots/toast-moved-aside.png' });
});
