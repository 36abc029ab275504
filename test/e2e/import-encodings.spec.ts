// CSV files as spreadsheets and editors really save them (issue #12, finding 9): UTF-16 in either byte order, with or
// without a byte order mark, and Windows-1252, all read in Chromium's own decoders; invisible control characters in
// a name refused, with the row and column named, by the import and by the intake form alike.
import { allRows, countRows, expect, logComplaint, setUpDesk, test } from './fixtures';

const HEADER = 'Date received\tChannel\tCategory\tCustomer name\tPhone\tSummary\r\n';

function utf16(text: string, order: 'le' | 'be', bom: boolean): Buffer {
  const units = (bom ? '\uFEFF' : '') + text;
  const bytes = Buffer.alloc(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    if (order === 'le') bytes.writeUInt16LE(units.charCodeAt(i), i * 2);
    else bytes.writeUInt16BE(units.charCodeAt(i), i * 2);
  }
  return bytes;
}

test('UTF-16 and Windows-1252 files import; a hidden control character in a name is refused with its row and column', async ({
  page,
}) => {
  await setUpDesk(page);

  // The intake form refuses the same character in the same field.
  await logComplaint(page, {
    receivedOn: '2026-11-18',
    channel: 'Phone',
    category: 'Billing',
    summary: 'Charged twice',
    name: 'Ann\u202eLee',
    phone: '0113 496 0000',
  });
  await expect(
    page.getByText(
      'Name contains an invisible control character (U+202E RIGHT-TO-LEFT OVERRIDE) after “Ann”; remove it',
    ),
  ).toBeVisible();
  expect(await countRows(page, 'cases')).toBe(0);

  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  await page.getByRole('button', { name: 'Import CSV' }).click();
  await expect(page.getByRole('heading', { name: 'Import cases', level: 1 })).toBeVisible();
  const choose = (name: string, buffer: Buffer) =>
    page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer });
  const summary = page.getByLabel('File summary');
  const report = page.getByRole('table', { name: 'Validation report' });

  // UTF-16 big-endian without a byte order mark, one row with a right-to-left override in the name.
  const rows = [
    '18/11/2026\tPhone\tBilling\tZoë O’Brien 王小明\t0113 496 0000\tCharged “twice”',
    '19/11/2026\tEmail\tBilling\tBo\u202eChen\t0113 496 0001\tLate bill',
  ];
  await choose('unicode-text.csv', utf16(HEADER + rows.join('\r\n'), 'be', false));
  await expect(summary).toHaveText(
    'unicode-text.csv: 2 rows below the header, 6 columns, separated by tabs; read as UTF-16 (big-endian) text.',
  );
  await expect(report.locator('[data-row="3"][data-field="customerName"]')).toHaveText(
    '3Customer nameCustomer nameCustomer name contains an invisible control character (U+202E RIGHT-TO-LEFT OVERRIDE) after “Bo”; remove it',
  );
  await expect(page.getByText('Nothing can be imported yet: 1 row has problems')).toBeVisible();

  // Windows-1252 (’ and “ ” are single bytes 0x92, 0x93, 0x94): read, not refused as control characters.
  const cp1252 = Buffer.concat([
    Buffer.from(HEADER + '20/11/2026\tPhone\tBilling\tSean O'),
    Buffer.from([0x92]),
    Buffer.from('Neil\t0113 496 0002\t'),
    Buffer.from([0x93]),
    Buffer.from('No line'),
    Buffer.from([0x94]),
  ]);
  await choose('excel-1252.csv', cp1252);
  await expect(summary).toHaveText(
    'excel-1252.csv: 1 row below the header, 6 columns, separated by tabs; read as Windows-1252 text (not UTF-8).',
  );
  await expect(page.getByText('All rows valid')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Preview' })).toContainText('Sean O’Neil');

  // Fixed and saved as UTF-16 little-endian with a byte order mark (Excel's "Unicode Text"): every row imports.
  await choose(
    'unicode-text-fixed.csv',
    utf16(HEADER + [rows[0], rows[1].replace('\u202e', ' ')].join('\r\n'), 'le', true),
  );
  await expect(summary).toHaveText(
    'unicode-text-fixed.csv: 2 rows below the header, 6 columns, separated by tabs; read as UTF-16 (little-endian) text.',
  );
  await expect(page.getByText('All rows valid')).toBeVisible();
  await page.getByRole('button', { name: 'Import 2 cases' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 cases imported' })).toBeVisible();
  const names = (await allRows<{ customer: { name: string }; summary: string }>(page, 'cases'))
    .map((c) => `${c.customer.name} | ${c.summary}`)
    .sort();
  expect(names).toEqual(['Bo Chen | Late bill', 'Zoë O’Brien 王小明 | Charged “twice”']);
});
