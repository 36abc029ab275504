// Search as you type on the case list (issue #19): the trigram index is built in a web worker once the list has every
// case, and the list's row elements are reused from one result set to the next (keyed by place): each shows the case
// it now holds (reference, link, id for the highlight), and the keyboard opens the right one.
import { expect, logComplaint, setUpDesk, test } from './fixtures';

test('search as you type uses the worker-built index and every reused row shows its own case', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await setUpDesk(page);
  await logComplaint(page, {
    receivedOn: '2026-11-18',
    channel: 'Phone',
    category: 'Billing',
    summary: 'Charged twice for broadband',
    name: 'Bo Chen',
    phone: '+44 113 496 0001',
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/RDR-\d{4}-000001/);
  await logComplaint(page, {
    receivedOn: '2026-11-19',
    channel: 'Letter',
    category: 'Fault repair',
    summary: 'No dial tone since the engineer visit',
    name: 'Ada Lovelace',
    address: '12 St James Square\nLondon',
    postcode: 'SW1Y 4JH',
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/RDR-\d{4}-000002/);

  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  await expect(page.locator('[data-ready="case-list"]')).toBeVisible();
  await expect.poll(() => workers.some((url) => /text-index\.worker/.test(url))).toBe(true);

  const search = page.getByRole('textbox', { name: 'Search cases' });
  const firstRow = page.locator('[role="row"][aria-rowindex="2"]');
  const expectRow = async (name: string, reference: RegExp) => {
    await expect(firstRow).toContainText(name);
    const link = firstRow.getByRole('link');
    await expect(link).toHaveText(reference);
    const href = await link.getAttribute('href');
    expect(await firstRow.getAttribute('id')).toBe(`case-row-${href!.replace('#/cases/', '')}`);
  };

  await search.fill('lovelace');
  await expect(page.locator('[data-count="1"]')).toBeVisible();
  await expectRow('Ada Lovelace', /-000002$/);
  await search.fill('twice broad');
  await expect(page.locator('[data-count="1"]')).toBeVisible();
  await expectRow('Bo Chen', /-000001$/);
  await expect(firstRow).not.toContainText('Lovelace');
  await search.fill('');
  await expect(page.locator('[data-count="2"]')).toBeVisible();
  await expectRow('Ada Lovelace', /-000002$/); // newest first
  await expect(page.locator('[role="row"][aria-rowindex="3"]')).toContainText('Bo Chen');

  // The keyboard opens the case the highlighted row holds now.
  await search.fill('chen');
  await expect(page.locator('[data-count="1"]')).toBeVisible();
  await search.press('ArrowDown');
  await search.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/RDR-\d{4}-000001/);
});
