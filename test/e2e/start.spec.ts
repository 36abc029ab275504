import { chooseOption, DESK, expect, logComplaint, setUpDesk, test, todayInLondon } from './fixtures';

/**
 * Holds the page's first opening of the desk's database (IndexedDB name `redress`) for `ms`: what the window shows
 * meanwhile is what a large desk shows while IndexedDB opens its files (250-400 ms at 100,000 cases). The request the
 * app gets stands in for the real one, which is made when the time is up; its handlers and properties are the real
 * request's from then on.
 */
function holdDatabaseOpen(ms: number) {
  const realOpen = Reflect.get(IDBFactory.prototype, 'open') as (
    this: IDBFactory,
    name: string,
    version?: number,
  ) => IDBOpenDBRequest;
  let held = false;
  IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
    if (held || name !== 'redress') return realOpen.call(this, name, version);
    held = true;
    const handlers: Record<string, ((event: Event) => void) | null> = {};
    let real: IDBOpenDBRequest | null = null;
    const standIn = {
      get result() {
        return real!.result;
      },
      get transaction() {
        return real?.transaction ?? null;
      },
      get error() {
        return real?.error ?? null;
      },
      get readyState() {
        return real?.readyState ?? 'pending';
      },
    } as Record<string, unknown>;
    for (const type of ['success', 'error', 'blocked', 'upgradeneeded'])
      Object.defineProperty(standIn, `on${type}`, {
        get: () => handlers[type] ?? null,
        set: (handler: ((event: Event) => void) | null) => {
          handlers[type] = handler;
        },
      });
    setTimeout(() => {
      real = realOpen.call(this, name, version);
      (window as unknown as { __openedAt: number }).__openedAt = performance.now();
      for (const type of ['success', 'error', 'blocked', 'upgradeneeded'])
        real.addEventListener(type, (event) => handlers[type]?.call(standIn, event));
    }, ms);
    return standIn as unknown as IDBOpenDBRequest;
  };
}

/**
 * Every opening of the desk's database (IndexedDB name `redress`) fails as Chromium's does when the files on disk cannot
 * be read ("Internal error opening backing store", an `UnknownError`).
 */
function failDatabaseOpen() {
  const realOpen = Reflect.get(IDBFactory.prototype, 'open') as (
    this: IDBFactory,
    name: string,
    version?: number,
  ) => IDBOpenDBRequest;
  IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
    if (name !== 'redress') return realOpen.call(this, name, version);
    const error = new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
    const request = new EventTarget() as EventTarget & Record<string, unknown>;
    Object.assign(request, { result: undefined, error, readyState: 'done', transaction: null, source: null });
    for (const type of ['success', 'error', 'blocked', 'upgradeneeded']) request[`on${type}`] = null;
    setTimeout(() => {
      const event = new Event('error', { bubbles: false, cancelable: true });
      request.dispatchEvent(event);
      (request.onerror as ((event: Event) => void) | null)?.call(request, event);
    }, 10);
    return request as unknown as IDBOpenDBRequest;
  };
}

test('the header and navigation are drawn before the desk’s database is open; the screen, and anything that writes, wait for it', async ({
  page,
}) => {
  await setUpDesk(page);
  await page.evaluate(() => (window.location.hash = '#/new'));
  await page.addInitScript(holdDatabaseOpen, 3000);
  await page.reload();

  // While the database is held: the app's name, every link, and a loader where the screen will be.
  const navigation = page.getByRole('navigation', { name: 'Main' });
  await expect(navigation.getByRole('link', { name: 'Cases', exact: true })).toBeVisible();
  await expect(page.getByRole('main').getByLabel('Loading', { exact: true })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __openedAt?: number }).__openedAt)).toBeUndefined();
  // No screen yet (the intake form cannot be filled, so nothing can be saved before sharing has started), and nothing
  // of the header that needs the desk's settings.
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Jump to a case…' })).toHaveCount(0);
  await page.screenshot({ path: 'test/output/screenshots/start-before-database-open.png' });

  // Once open: the screen asked for, and the header in full.
  await expect(page.getByRole('heading', { name: 'New complaint', level: 1 })).toBeVisible({ timeout: 15_000 });
  expect(await page.evaluate(() => (window as unknown as { __openedAt?: number }).__openedAt)).toBeGreaterThan(0);
  await expect(page.getByText(DESK.company)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Jump to a case…' })).toBeVisible();
  await page.screenshot({ path: 'test/output/screenshots/start-after-database-open.png' });
});

test('a person working in French sees the shell in French before the database is open, though never picked in the header', async ({
  page,
}) => {
  await setUpDesk(page);
  // The desk's only person, picked by the app (the settings' handler), chooses French.
  await page.getByRole('link', { name: 'Settings' }).click();
  await chooseOption(page, 'Language of the interface', 'Français (Canada)');
  await expect(page.getByRole('heading', { name: 'Paramètres', level: 1 })).toBeVisible();

  await page.evaluate(() => (window.location.hash = '#/'));
  await page.addInitScript(holdDatabaseOpen, 3000);
  await page.reload();
  const navigation = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(navigation.getByRole('link', { name: 'Dossiers', exact: true })).toBeVisible();
  await expect(page.getByRole('main').getByLabel('Chargement', { exact: true })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __openedAt?: number }).__openedAt)).toBeUndefined();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr-CA');
  await expect(page.getByRole('heading', { name: 'Tableau de bord', level: 1 })).toBeVisible({ timeout: 15_000 });
});

test('Ctrl+K pressed while the desk’s database opens is not lost: the palette opens once the desk is, and finds cases', async ({
  page,
}) => {
  await setUpDesk(page);
  await logComplaint(page, {
    receivedOn: todayInLondon(),
    channel: 'Phone',
    category: 'Billing',
    summary: 'Charged twice for November',
    name: 'Ada Lovelace',
    phone: '0113 496 0000',
  });
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(/^RDR-\d{4}-\d{6}$/);
  const reference = (await heading.textContent())!.trim();
  await page.evaluate(() => (window.location.hash = '#/'));
  await page.addInitScript(holdDatabaseOpen, 3000);
  await page.reload();

  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases', exact: true }),
  ).toBeVisible();
  await page.keyboard.press('Control+K');
  expect(await page.evaluate(() => (window as unknown as { __openedAt?: number }).__openedAt)).toBeUndefined();

  const search = page.getByRole('textbox', { name: 'Jump to a case or a screen' });
  await expect(search).toBeVisible({ timeout: 15_000 });
  await expect(search).toBeFocused();
  await search.fill('lovelace');
  await expect(page.getByRole('button', { name: new RegExp(`${reference} Ada Lovelace`) })).toBeVisible();
  await page.screenshot({ path: 'test/output/screenshots/start-palette-asked-before-open.png' });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(reference);
});

test('a desk whose database cannot be opened says so in words, and draws no screen', async ({ page }) => {
  await setUpDesk(page);
  await page.addInitScript(failDatabaseOpen);
  await page.reload();
  await expect(page.getByRole('alert')).toHaveText(
    'The desk’s database cannot be opened: Internal error opening backing store for indexedDB.open. Nothing has been changed or deleted.',
    { timeout: 15_000 },
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
  await page.screenshot({ path: 'test/output/screenshots/start-database-cannot-open.png' });
});
