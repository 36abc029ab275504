import { axeViolations } from '#test/support/axe';
import { expect, setUpDesk, test } from './fixtures';

test('links off the app do not move the window away from it', async ({ page, context }) => {
  await setUpDesk(page);
  const appUrl = new URL(page.url());

  // A link that found its way into the page (e.g. pasted into a summary) is not followed.
  await page.evaluate(() => {
    const a = document.createElement('a');
    a.href = 'https://evil.example/phish';
    a.textContent = 'external link';
    a.id = 'planted';
    document.body.append(a);
  });
  await page.locator('#planted').dispatchEvent('click');
  await page.waitForTimeout(300);
  expect(new URL(page.url()).origin).toBe(appUrl.origin);

  // window.open to a foreign site opens nothing.
  const pagesBefore = context.pages().length;
  const opened = await page.evaluate(() => window.open('https://evil.example/popup') === null);
  expect(opened).toBe(true);
  expect(context.pages().length).toBe(pagesBefore);

  // A form posting off the app is blocked by the Content-Security-Policy (form-action 'none').
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("form-action 'none'");
  expect(csp).toContain("default-src 'self'");
  expect(new URL(page.url()).origin).toBe(appUrl.origin);
});

test('a screen whose reads fail says why in its place, keeps the header and menu, and draws on “Try again”', async ({
  page,
}) => {
  await setUpDesk(page);
  const navigation = page.getByRole('navigation', { name: 'Main' });
  await navigation.getByRole('link', { name: 'Cases', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();

  // The dashboard's counts fail, as reads of a damaged store would.
  await page.evaluate(() => {
    const real = Reflect.get(IDBIndex.prototype, 'count') as typeof IDBIndex.prototype.count;
    Object.assign(window, { __realCount: real });
    IDBIndex.prototype.count = () => {
      throw new DOMException('The index could not be read.', 'UnknownError');
    };
  });
  await navigation.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'This screen could not be shown' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(
    'Something went wrong while it was drawn: The index could not be read. Nothing has been changed or deleted. Try again, or go to another screen.',
  );
  await expect(navigation.getByRole('link', { name: 'Cases', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Jump to a case…' })).toBeVisible();
  expect(await axeViolations(page, 'main')).toEqual([]);
  await page.screenshot({ path: 'test/output/screenshots/screen-could-not-be-shown.png' });

  // Mended: "Try again" draws the screen.
  await page.evaluate(() => {
    IDBIndex.prototype.count = Reflect.get(window, '__realCount') as typeof IDBIndex.prototype.count;
  });
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'This screen could not be shown' })).toHaveCount(0);
});

test('when the app itself fails (the desk’s settings cannot be read), the window says why and reloads on a click', async ({
  page,
}) => {
  await setUpDesk(page);
  // At the next load only: every read of the settings fails.
  await page.addInitScript(() => {
    if (sessionStorage.getItem('settings-broken-once')) return;
    sessionStorage.setItem('settings-broken-once', 'yes');
    const realGet = Reflect.get(IDBObjectStore.prototype, 'get') as typeof IDBObjectStore.prototype.get;
    IDBObjectStore.prototype.get = function (this: IDBObjectStore, query: IDBValidKey | IDBKeyRange) {
      if (this.name === 'settings') throw new DOMException('The settings could not be read.', 'UnknownError');
      return realGet.call(this, query);
    };
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Redress stopped' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText(
    'Something went wrong: The settings could not be read. Nothing has been changed or deleted. Reload the window to carry on.',
  );
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test/output/screenshots/window-stopped.png' });

  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});

test('a screen whose code cannot be loaded says so and offers a reload, which brings it', async ({
  page,
  consoleErrors,
}) => {
  await setUpDesk(page);
  // The app's code files can no longer be fetched (in web mode: the server gone, or the app updated under the window).
  await page.route('**/assets/*.js', (route) => route.abort());
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'This screen could not be shown' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('alert')).toContainText(
    'The code for this screen could not be loaded: Failed to fetch dynamically imported module',
  );
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);

  await page.unroute('**/assets/*.js');
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  // The refused fetches, as the browser logs them; nothing else went wrong.
  expect(consoleErrors.length).toBeGreaterThan(0);
  expect(consoleErrors.filter((text) => !/Failed to load resource|ERR_FAILED/.test(text))).toEqual([]);
  consoleErrors.length = 0;
});
