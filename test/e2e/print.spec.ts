import { adaByLetter, expect, logComplaint, setUpDesk, test, issueLetterFromDialog } from './fixtures';

declare global {
  interface Window {
    __printCalls: Array<{ src: string; contentType: string; connected: boolean; hidden: boolean }>;
    __cspViolations: string[];
  }
}

test('an issued letter prints through the browser: print() on a hidden frame showing the locked PDF, within the CSP', async ({
  page,
}) => {
  await page.addInitScript(() => {
    if (window !== window.top) return;
    window.__printCalls = [];
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
    // Spy on print() of every frame the page reaches through HTMLIFrameElement.contentWindow, instead of opening a
    // print dialog: record what the frame was showing when print() was called.
    const native = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow')!;
    Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
      configurable: true,
      get(this: HTMLIFrameElement) {
        const view = native.get!.call(this) as (Window & { __spied?: boolean }) | null;
        if (view && !view.__spied) {
          view.__spied = true;
          // An arrow function: `this` is the frame whose window this is.
          view.print = () => {
            const style = getComputedStyle(this);
            window.__printCalls.push({
              src: this.src,
              contentType: view.document.contentType,
              connected: this.isConnected,
              hidden: this.getAttribute('aria-hidden') === 'true' && style.opacity === '0',
            });
          };
        }
        return view;
      },
    });
  });

  await setUpDesk(page);
  await logComplaint(page, adaByLetter('2026-11-18'));
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(/^RDR-\d{4}-\d{6}$/);
  const ref = (await heading.textContent())!.trim();
  await issueLetterFromDialog(page);
  await expect(page.getByText('Letters issued')).toBeVisible();

  // Only what printing itself causes counts (the letter's rendering before it is another test's business).
  await page.evaluate(() => (window.__cspViolations = []));
  const row = page.getByRole('row', { name: new RegExp(`${ref}-acknowledgement\\.pdf`) });
  await row.getByRole('button', { name: `Print ${ref}-acknowledgement.pdf` }).click();
  await expect.poll(() => page.evaluate(() => window.__printCalls.length)).toBe(1);
  const [call] = await page.evaluate(() => window.__printCalls);
  expect(call!.src).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
  expect(call!.contentType).toBe('application/pdf');
  expect(call!.connected).toBe(true);
  expect(call!.hidden).toBe(true);

  // Printing again replaces the frame (the old one and its URL go); the page itself never navigated.
  await row.getByRole('button', { name: `Print ${ref}-acknowledgement.pdf` }).click();
  await expect.poll(() => page.evaluate(() => window.__printCalls.length)).toBe(2);
  await expect(page.locator('iframe[data-redress-print]')).toHaveCount(1);
  const calls = await page.evaluate(() => window.__printCalls);
  expect(calls[1]!.src).not.toBe(calls[0]!.src);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ref);

  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
  await expect(page.getByText('Letter not printed')).toHaveCount(0);
});
