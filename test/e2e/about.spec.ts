// The About box (web mode here; Help → About Redress opens the same box in the desktop app): name, version, what it
// runs on, and the licences of the bundled code, font and holiday data.
import { readFileSync } from 'node:fs';
import { expect, setUpDesk, test } from './fixtures';

const version = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

test('About Redress shows the version and the licences of everything bundled', async ({ page }) => {
  await setUpDesk(page);
  await page.getByRole('button', { name: 'About Redress' }).click();
  const dialog = page.getByRole('dialog', { name: 'About Redress' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('about-version')).toHaveText(`Redress ${version}`);
  await expect(dialog.getByTestId('about-runtime')).toContainText('Web mode');

  // The list is loaded on demand; holiday data and the letters' font are attributed like the code.
  const holidays = dialog.getByRole('button', { name: /^date-holidays .*CC-BY/ });
  await expect(holidays).toBeVisible();
  await page.getByRole('textbox', { name: 'Filter the components' }).fill('date-holidays');
  await holidays.click();
  await expect(dialog.getByText(/CC BY-SA 3\.0/).first()).toBeVisible();
  await page.screenshot({ path: 'test/output/screenshots/about.png' });

  await page.getByRole('textbox', { name: 'Filter the components' }).fill('roboto');
  await dialog.getByRole('button', { name: /^Roboto \(font\)/ }).click();
  await expect(dialog.getByText(/SIL Open Font License/)).toBeVisible();
  await page.getByRole('textbox', { name: 'Filter the components' }).fill('');
  await expect(dialog.getByRole('button', { name: /^react 19/ })).toBeVisible();
  await expect(dialog.getByRole('button', { name: /^dexie 4/ })).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
