// Issue #12, finding 12: erased means erased on disk too. The browser profile's IndexedDB files are scanned byte by
// byte for the erased name (UTF-8, UTF-16LE, and Latin-1, the one-byte form V8's serialisation writes): found after
// the erasure (so the scan works), gone after "Compact storage now".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import config from '#test/playwright.config';
import { chooseOption, closedCase, expect, setUpDesk, test } from './fixtures';
import { axeViolations } from '#test/support/axe';

const NAME = 'Zébulon Quixworth-Ærnström';
/** What the Privacy page says of a desk still in the browser's built-in storage. */
const IN_DEFAULT = /^This desk is still kept in the browser’s built-in storage/;
const SECOND = 'Wilhelmina Brackenbury';
const encodings = (name: string): Array<[string, Buffer]> => [
  ['UTF-8', Buffer.from(name, 'utf8')],
  ['UTF-16LE', Buffer.from(name, 'utf16le')],
  ['Latin-1', Buffer.from(name, 'latin1')],
];

/** Every place under the profile where the name is found, as "file encoding ×count". */
function scan(profile: string, name = NAME): string[] {
  const ENCODINGS = encodings(name);
  const hits: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.isFile()) {
        const bytes = fs.readFileSync(file);
        for (const [encoding, needle] of ENCODINGS) {
          let count = 0;
          for (let i = bytes.indexOf(needle); i >= 0; i = bytes.indexOf(needle, i + 1)) count += 1;
          if (count) hits.push(`${path.relative(profile, file)} ${encoding} ×${count}`);
        }
      }
    }
  };
  // IndexedDB of the page's default storage, and of storage buckets (WebStorage/<bucket>/IndexedDB).
  walk(path.join(profile, 'Default', 'IndexedDB'));
  walk(path.join(profile, 'Default', 'WebStorage'));
  return hits;
}

async function launch(profile: string): Promise<BrowserContext> {
  const use = config.use!;
  return chromium.launchPersistentContext(profile, {
    ...use.launchOptions,
    baseURL: use.baseURL,
    timezoneId: use.timezoneId,
    locale: use.locale,
    viewport: use.viewport,
  });
}

async function eraseClosedCase(page: Page, name: string, receivedOn: string): Promise<string> {
  const reference = await closedCase(
    page,
    {
      receivedOn,
      channel: 'Letter',
      category: 'Billing',
      name,
      address: '12 St James Square\nLondon',
      postcode: 'SW1Y 4JH',
      summary: 'Charged twice in December',
    },
    { ack: receivedOn, resolved: receivedOn, closed: receivedOn },
  );
  await page.getByRole('button', { name: /Erase the customer.s personal data/ }).click();
  const dialog = page.getByRole('dialog', { name: /Erase the customer.s personal data/ });
  await chooseOption(
    page,
    'Reason for erasing',
    'The customer asked us to erase their data (UK GDPR Art. 17 / PIPEDA 4.5.3)',
  );
  await dialog.getByRole('textbox', { name: /Type ERASE to confirm/ }).fill('erase');
  await dialog.getByRole('button', { name: /^Erase \d+ cases?$/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/^Anonymised on /)).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
  return reference;
}

async function compactNow(page: Page, done: RegExp) {
  await page.goto('/');
  await page.getByRole('link', { name: 'Privacy' }).click();
  await page.getByRole('button', { name: 'Compact storage now' }).click();
  await expect(page.getByText(done)).toBeVisible({ timeout: 120_000 });
}

/**
 * A desk made before desks started in a storage bucket of their own: its database in the page's default storage. The
 * app, finding a database there at its first start, keeps the desk in it (db/storage.ts placeWithoutNote).
 */
async function madeBeforeBuckets(page: Page) {
  await page.route('**/before-buckets.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>before buckets</title>' }),
  );
  await page.goto('/before-buckets.html');
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('redress', 1);
        open.onsuccess = () => {
          open.result.close();
          resolve();
        };
        open.onerror = () => reject(open.error);
      }),
  );
}

/** Where the desk's database is, as the app noted it, and the databases of the page's default storage. */
const places = (page: Page) =>
  page.evaluate(async () => ({
    note: localStorage.getItem('redress.storage'),
    inDefault: (await indexedDB.databases()).map((d) => d.name),
  }));

test('a new desk lives in a storage bucket of its own: after an erasure, "Compact storage now" deletes its old files outright', async () => {
  test.setTimeout(180_000);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'redress-compact-new-'));
  try {
    let context = await launch(profile);
    let page = context.pages()[0] ?? (await context.newPage());
    await setUpDesk(page);
    const where = await places(page);
    expect(JSON.parse(where.note!)).toEqual({
      current: { bucket: expect.stringMatching(/^redress-/), name: 'redress' },
    });
    expect(where.inDefault).not.toContain('redress');
    const reference = await eraseClosedCase(page, NAME, '2026-01-05');
    await context.close();
    const before = scan(profile);
    expect(before.length, 'the erased name is in the bucket’s files after the erasure').toBeGreaterThan(0);

    context = await launch(profile);
    page = context.pages()[0] ?? (await context.newPage());
    await compactNow(page, /^Storage compacted: \d+ rows copied to a fresh store and the old store’s files deleted/);
    await expect(page.getByText(IN_DEFAULT)).toHaveCount(0);
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    await expect(page.getByRole('link', { name: reference })).toBeVisible();
    await context.close();
    expect(scan(profile), `before: ${before.join('; ')}`).toEqual([]);
  } finally {
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
  }
});

test('a desk made before buckets: after an erasure, "Compact storage now" moves it into a bucket and leaves no trace of the erased name', async () => {
  test.setTimeout(240_000);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'redress-compact-'));
  try {
    let context = await launch(profile);
    let page = context.pages()[0] ?? (await context.newPage());
    await madeBeforeBuckets(page);
    await setUpDesk(page);
    expect(await places(page)).toMatchObject({ note: null, inDefault: ['redress'] });
    const reference = await eraseClosedCase(page, NAME, '2026-01-05');
    await context.close();

    // Gone from the database, still in its files: the scan finds it.
    const before = scan(profile);
    test.info().annotations.push({ type: 'found after the erasure', description: before.join('; ') });
    expect(before.length, 'the erased name is in the IndexedDB files after the erasure').toBeGreaterThan(0);

    context = await launch(profile);
    page = context.pages()[0] ?? (await context.newPage());
    // The desk was in the page's default storage, and the Privacy page says what its first compaction leaves: it is
    // moved to a bucket, the old database deleted and written over.
    await page.goto('/');
    await page.getByRole('link', { name: 'Privacy' }).click();
    await expect(page.getByText(IN_DEFAULT)).toBeVisible();
    await page
      .getByRole('region', { name: 'Compact storage' })
      .screenshot({ path: fileURLToPath(new URL('../output/screenshots/76-compact-in-default.png', import.meta.url)) });
    // The accessibility spec's new desk lives in a bucket, so this paragraph is checked here.
    expect
      .soft(await axeViolations(page, 'section[aria-labelledby="compact-heading"]'), 'axe on the Compact storage card')
      .toEqual([]);
    await compactNow(page, /^Storage compacted: \d+ rows copied .*best effort/);
    await expect(page.getByText(IN_DEFAULT)).toHaveCount(0);
    // The desk is all there, from its new place.
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    await expect(page.getByRole('link', { name: reference })).toBeVisible();
    await context.close();

    const after = scan(profile);
    test.info().annotations.push({ type: 'found after compaction', description: after.join('; ') || 'nothing' });
    expect(after, `before: ${before.join('; ')}`).toEqual([]);

    // Now the desk lives in a storage bucket: a second erasure, and compaction deletes the old bucket's files.
    context = await launch(profile);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    const second = await eraseClosedCase(page, SECOND, '2026-02-03');
    await context.close();
    const inBucket = scan(profile, SECOND);
    test.info().annotations.push({ type: 'second name found after its erasure', description: inBucket.join('; ') });
    expect(inBucket.some((hit) => hit.startsWith(path.join('Default', 'WebStorage')))).toBe(true);
    context = await launch(profile);
    page = context.pages()[0] ?? (await context.newPage());
    await compactNow(page, /^Storage compacted: \d+ rows copied to a fresh store and the old store’s files deleted/);
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    await expect(page.getByRole('link', { name: reference })).toBeVisible();
    await expect(page.getByRole('link', { name: second })).toBeVisible();
    // The backup worker opens the database where the page has it: the backup holds both cases.
    await page.getByRole('link', { name: 'Your data' }).click();
    // The worker is ended once the backup is made (it holds nothing then), so it is caught as it starts.
    const worker = page.waitForEvent('worker', { predicate: (w) => /backup-worker/.test(w.url()) });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Make a backup now' }).click();
    await download;
    expect((await worker).url()).toMatch(/backup-worker/);
    await expect(page.getByRole('region', { name: 'Back up' }).getByRole('status')).toContainText('2 cases');
    await context.close();
    expect([...scan(profile), ...scan(profile, SECOND)]).toEqual([]);
  } finally {
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
  }
});
