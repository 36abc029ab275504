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
