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

test('a long list: the keyboard and the scroll bar reach every row, and a new search starts at the top', async ({
  page,
}) => {
  await setUpDesk(page);
  // 120 complaints by CSV import (customers Customer 001 … 120; the newest, received last, first in the list).
  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  await page.getByRole('button', { name: 'Import CSV' }).click();
  const lines = Array.from({ length: 120 }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    const day = String(1 + (i % 28)).padStart(2, '0');
    return `${day}/${i < 28 ? '09' : i < 56 ? '10' : '11'}/2026,Phone,Billing,Customer ${n},0113 496 0${n},Bill query ${n}`;
  });
  await page.locator('input[type="file"]').setInputFiles({
    name: 'many.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(['Date,Channel,Category,Name,Phone,Summary', ...lines].join('\r\n'), 'utf8'),
  });
  await page.getByRole('button', { name: 'Import 120 cases' }).click();
  await expect(page.getByRole('status').filter({ hasText: '120 cases imported' })).toBeVisible();
  await page.getByRole('button', { name: 'Open the case list' }).click();
  await expect(page.locator('[data-ready="case-list"][data-count="120"]')).toBeVisible();

  const grid = page.getByRole('grid');
  const body = grid.getByRole('rowgroup', { name: /^Case rows/ });
  const row = (ariaIndex: number) => grid.locator(`[role="row"][aria-rowindex="${ariaIndex}"]`);
  // Only the rows in view (and a few beyond) are in the page.
  expect(await grid.locator('[role="row"][aria-rowindex]').count()).toBeLessThan(60);

  // End: the last row is drawn, in view and highlighted; Home: back to the first.
  await body.focus();
  await body.press('End');
  await expect(row(121)).toBeInViewport();
  await expect(row(121)).toHaveAttribute('aria-selected', 'true');
  await expect(row(2)).toHaveCount(0);
  await body.press('Home');
  await expect(row(2)).toBeInViewport();
  await expect(row(2)).toHaveAttribute('aria-selected', 'true');
  // Page Down moves the highlight a screenful and keeps it in view.
  await body.press('PageDown');
  const selected = grid.locator('[role="row"][aria-selected="true"]');
  await expect(selected).toBeInViewport();
  expect(Number(await selected.getAttribute('aria-rowindex'))).toBeGreaterThan(4);

  // Scrolled by the scroll bar to the middle: the rows there are drawn.
  await body.evaluate((el) => {
    el.scrollTop = 60 * 44;
  });
  await expect(row(62)).toBeInViewport();

  // A new search shows its first match at the top.
  await page.getByRole('textbox', { name: 'Search cases' }).fill('customer 105');
  await expect(page.locator('[data-count="1"]')).toBeVisible();
  await expect(row(2)).toBeInViewport();
  await expect(row(2)).toContainText('Customer 105');
  expect(await body.evaluate((el) => el.scrollTop)).toBe(0);

  // With the text twice as large (WCAG 1.4.4) the rows are taller than one line's estimate: Page Down moves the
  // highlight to the last row in sight, by the rows' drawn heights, not past rows the handler never saw.
  await page.getByRole('textbox', { name: 'Search cases' }).fill('');
  await expect(page.locator('[data-count="120"]')).toBeVisible();
  await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
  await body.focus();
  await body.press('Home');
  await expect(row(2)).toHaveAttribute('aria-selected', 'true');
  const inSight = async () =>
    body.evaluate((el) => {
      const view = el.getBoundingClientRect();
      return [...el.querySelectorAll<HTMLElement>('[role="row"][aria-rowindex]')]
        .filter((r) => {
          const box = r.getBoundingClientRect();
          return box.top >= view.top - 1 && box.bottom <= view.bottom + 1;
        })
        .map((r) => Number(r.getAttribute('aria-rowindex')));
    });
  const before = await inSight();
  expect(await row(2).evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(50);
  await body.press('PageDown');
  await expect(selected).toBeInViewport();
  expect(Number(await selected.getAttribute('aria-rowindex'))).toBe(Math.max(...before));
  await body.press('PageUp');
  await expect(row(2)).toHaveAttribute('aria-selected', 'true');
});

test('with larger text spacing (WCAG 1.4.12) no case-list cell cuts its text off: the rows grow instead', async ({
  page,
}) => {
  await setUpDesk(page);
  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  await page.getByRole('button', { name: 'Import CSV' }).click();
  const lines = [
    '18/11/2026,Phone,Billing,Maximilian Alexander Fotheringham-Worthington,0113 496 0001,Charged twice',
    '19/11/2026,Phone,Fault repair,Bo Chen,0113 496 0002,No dial tone',
    '20/11/2026,Email,Billing,Ada Lovelace,0113 496 0003,Wrong tariff',
  ];
  await page.locator('input[type="file"]').setInputFiles({
    name: 'spacing.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(['Date,Channel,Category,Name,Phone,Summary', ...lines].join('\r\n'), 'utf8'),
  });
  await page.getByRole('button', { name: 'Import 3 cases' }).click();
  await expect(page.getByRole('status').filter({ hasText: '3 cases imported' })).toBeVisible();
  await page.getByRole('button', { name: 'Open the case list' }).click();
  await expect(page.locator('[data-ready="case-list"][data-count="3"]')).toBeVisible();

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: 'test/output/screenshots/case-list-normal-spacing.png' });
  // The bookmarklet's spacing that WCAG 1.4.12 names, at 1280 px.
  await page.addStyleTag({
    content:
      '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }',
  });
  const grid = page.getByRole('grid');
  // Every cell's text in its box (nothing scrolled away or hidden), and no row painted over the next.
  await expect
    .poll(() =>
      grid.evaluate((table) => {
        const cut = [...table.querySelectorAll<HTMLElement>('[role="gridcell"], [role="columnheader"]')]
          .filter((cell) => cell.scrollWidth > cell.clientWidth + 1 || cell.scrollHeight > cell.clientHeight + 1)
          .map((cell) => cell.textContent);
        const rows = [...table.querySelectorAll<HTMLElement>('[role="row"][data-index]')].map((row) =>
          row.getBoundingClientRect(),
        );
        rows.sort((a, b) => a.top - b.top);
        const overlaps = rows.filter((r, i) => i > 0 && r.top < rows[i - 1].bottom - 1).length;
        return { cut, overlaps };
      }),
    )
    .toEqual({ cut: [], overlaps: 0 });
  await expect(grid.getByRole('row').filter({ hasText: 'Fotheringham-Worthington' })).toBeVisible();
  // The header keeps its words inside it (its height is fixed): the app's name was a paragraph, pushed out by its spacing.
  const outside = await page.locator('header').evaluate((header) => {
    const box = header.getBoundingClientRect();
    return [...header.querySelectorAll<HTMLElement>('*')]
      .filter((el) => el.checkVisibility() && el.textContent?.trim())
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.height > 0 && (r.top < box.top - 1 || r.bottom > box.bottom + 1);
      })
      .map((el) => el.textContent);
  });
  expect(outside).toEqual([]);
  await page.screenshot({ path: 'test/output/screenshots/case-list-text-spacing.png' });

  // The palette's result names the whole customer too.
  await page.keyboard.press('Control+K');
  await page.getByRole('textbox', { name: 'Jump to a case or a screen' }).fill('fotheringham');
  const found = page.getByRole('button', { name: /RDR-\d{4}-000001 Maximilian/ });
  await expect(found).toBeVisible();
  const cut = await found.evaluate((button) =>
    [...button.querySelectorAll<HTMLElement>('p, span, div')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.textContent),
  );
  expect(cut).toEqual([]);
  await page.screenshot({ path: 'test/output/screenshots/palette-text-spacing.png' });
  await page.keyboard.press('Escape');

  // The dashboard's lists (the style stays: the app changes screens in the one page).
  await page.getByRole('link', { name: 'Dashboard' }).click();
  const lists = page.locator('main li a');
  await expect(lists.filter({ hasText: 'Fotheringham-Worthington' }).first()).toBeVisible();
  const cutOnDashboard = await lists.evaluateAll((links) =>
    links.flatMap((link) =>
      [...link.querySelectorAll<HTMLElement>('span')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .map((el) => el.textContent),
    ),
  );
  expect(cutOnDashboard).toEqual([]);
  await page.screenshot({ path: 'test/output/screenshots/dashboard-text-spacing.png' });
});
