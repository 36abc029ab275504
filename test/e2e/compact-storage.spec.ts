// Issue #12, finding 12: erased means erased on disk too. The browser profile's IndexedDB files are scanned byte by
// byte for the erased name (UTF-8, UTF-16LE, and Latin-1, the one-byte form V8's serialisation writes): found after
// the erasure (so the scan works), gone after "Compact storage now".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import config from '../playwright.config';
import { chooseOption, closedCase, expect, setUpDesk, test } from './fixtures';

const NAME = 'Zébulon Quixworth-Ærnström';
const ENCODINGS: Array<[string, Buffer]> = [
  ['UTF-8', Buffer.from(NAME, 'utf8')],
  ['UTF-16LE', Buffer.from(NAME, 'utf16le')],
  ['Latin-1', Buffer.from(NAME, 'latin1')],
];

/** Every place under the profile where the name is found, as "file encoding ×count". */
function scan(profile: string): string[] {
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

test('after an erasure, "Compact storage now" leaves no trace of the erased name in the browser profile', async () => {
  test.setTimeout(240_000);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'redress-compact-'));
  try {
    let context = await launch(profile);
    let page = context.pages()[0] ?? (await context.newPage());
    await setUpDesk(page);
    const reference = await closedCase(
      page,
      { receivedOn: '2026-01-05', channel: 'Letter', category: 'Billing', name: NAME, address: '12 St James Square\nLondon', postcode: 'SW1Y 4JH', summary: 'Charged twice in December' },
      { ack: '2026-01-06', resolved: '2026-01-20', closed: '2026-01-21' },
    );
    await page.getByRole('button', { name: /Erase the customer.s personal data/ }).click();
    const dialog = page.getByRole('dialog', { name: /Erase the customer.s personal data/ });
    await chooseOption(page, 'Reason for erasing', 'The customer asked us to erase their data (UK GDPR Art. 17 / PIPEDA 4.5.3)');
    await dialog.getByRole('textbox', { name: /Type ERASE to confirm/ }).fill('erase');
    await dialog.getByRole('button', { name: 'Erase 1 case' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(/^Anonymised on /)).toBeVisible();
    await expect(page.getByText(NAME)).toHaveCount(0);
    await context.close();

    // Gone from the database, still in its files: the scan finds it.
    const before = scan(profile);
    test.info().annotations.push({ type: 'found after the erasure', description: before.join('; ') });
    expect(before.length, 'the erased name is in the IndexedDB files after the erasure').toBeGreaterThan(0);

    context = await launch(profile);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await page.getByRole('link', { name: 'Privacy' }).click();
    await page.getByRole('button', { name: 'Compact storage now' }).click();
    await expect(page.getByText(/^Storage compacted: \d+ rows copied/)).toBeVisible({ timeout: 120_000 });
    // The desk is all there, from its new place.
    await page.getByRole('link', { name: 'Cases' }).click();
    await expect(page.getByRole('link', { name: reference })).toBeVisible();
    await context.close();

    const after = scan(profile);
    test.info().annotations.push({ type: 'found after compaction', description: after.join('; ') || 'nothing' });
    expect(after, `before: ${before.join('; ')}`).toEqual([]);
  } finally {
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
  }
});
