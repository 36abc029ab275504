// The packaged-style app (app://redress, sandboxed, preload API) as a user's machine runs it.
import { fileURLToPath } from 'node:url';
import { _electron as electron, type ElectronApplication, expect, type Page, test } from '@playwright/test';

const root = fileURLToPath(new URL('../..', import.meta.url));
const mainEntry = fileURLToPath(new URL('../../out/main/index.js', import.meta.url));

let app: ElectronApplication;
let page: Page;

test.beforeAll(async () => {
  const env = { ...process.env } as Record<string, string>;
  // Never the dev server: this is the app as installed.
  delete env.ELECTRON_RENDERER_URL;
  app = await electron.launch({ args: [mainEntry], cwd: root, env });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
});

test('opens one window titled Redress, served from app://redress', async () => {
  await expect(page).toHaveTitle(/Redress/);
  expect(page.url()).toMatch(/^app:\/\/redress\//);
  expect(app.windows()).toHaveLength(1);
});

test('the page is isolated: it sees exactly the desktop API, and no Node', async () => {
  const seen = await page.evaluate(() => {
    const global = window as unknown as Record<string, unknown> & { redress?: Record<string, unknown> };
    return {
      api: Object.keys(global.redress ?? {}).sort(),
      kind: global.redress?.kind,
      require: typeof global.require,
      process: typeof global.process,
      ipcRenderer: typeof global.ipcRenderer,
    };
  });
  expect(seen.api).toEqual(
    expect.arrayContaining([
      'kind',
      'notify',
      'onMenuCommand',
      'onNotificationClick',
      'printPdf',
      'saveFile',
      'versions',
    ]),
  );
  expect(seen).toEqual({
    api: seen.api,
    kind: 'desktop',
    require: 'undefined',
    process: 'undefined',
    ipcRenderer: 'undefined',
  });
});

test('the window cannot navigate away from the app or open new windows', async () => {
  const before = page.url();

  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);

  await page.evaluate(() => {
    const link = document.createElement('a');
    link.href = 'file:///etc/passwd';
    document.body.append(link);
    link.click();
    link.remove();
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);

  expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
  await page.waitForTimeout(500);
  expect(app.windows()).toHaveLength(1);
});

test('app:// refuses paths outside the app folder', async () => {
  const statuses = await page.evaluate(async () => {
    const status = async (url: string) => (await fetch(url)).status;
    return {
      index: await status('app://redress/index.html'),
      traversal: await status('app://redress/..%2f..%2fpackage.json'),
      backslash: await status('app://redress/..%5cmain%5cindex.js'),
    };
  });
  expect(statuses).toEqual({ index: 200, traversal: 403, backslash: 403 });
});

test('the save-file channel refuses a malformed request with a clear error', async () => {
  const result = await page.evaluate(async () => {
    const api = (window as unknown as { redress: { saveFile: (request: unknown) => Promise<unknown> } }).redress;
    return api.saveFile({ suggestedName: 42, mimeType: 'application/pdf', data: 'not bytes' });
  });
  expect(result).toMatchObject({ ok: false, error: expect.stringContaining('Refused: invalid request') });
});

test("the native menu has the app commands, and Help → About Redress opens the About box with Electron's version", async () => {
  const labels = await app.evaluate(({ Menu }) =>
    (Menu.getApplicationMenu()?.items ?? []).flatMap((menu) => menu.submenu?.items.map((item) => item.label) ?? []),
  );
  expect(labels).toEqual(
    expect.arrayContaining(['New complaint', 'Back up now', 'Open data folder', 'Print…', 'Find a case…']),
  );
  // Past the first-run settings screen or not, the About box opens over whatever is shown.
  await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('about')?.click());
  const dialog = page.getByRole('dialog', { name: 'About Redress' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('about-runtime')).toContainText(/Electron \d+\.\d+\.\d+ · Chromium \d+/);
  await page.keyboard.press('Escape');
});
