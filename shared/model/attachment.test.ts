// The space warning on "Your data", and sizes as people read them.
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_STORAGE_WARNING_BYTES, formatFileSize, storageWarning } from './attachment';

const GB = 1024 ** 3;

describe('storageWarning', () => {
  it('says nothing while attachments stay under 2 GB and the quota is far off', () => {
    expect(storageWarning(ATTACHMENT_STORAGE_WARNING_BYTES, 3 * GB, 100 * GB)).toBeNull();
    expect(storageWarning(0, null, null)).toBeNull();
  });

  it('warns when attachments pass 2 GB', () => {
    expect(storageWarning(ATTACHMENT_STORAGE_WARNING_BYTES + 1, 3 * GB, 100 * GB)).toBe(
      'Attachments take 2.00 GB, more than 2.00 GB. Backups grow with them and take longer: keep an eye on the space left on this computer.',
    );
  });

  it('warns when the data passes 80% of the quota, however small the attachments', () => {
    expect(storageWarning(1000, 81 * 1024 ** 2, 100 * 1024 ** 2)).toMatch(
      /^The desk’s data uses 81% of the space this computer allows it \(81\.0 MB of 100\.0 MB\)\./,
    );
    expect(storageWarning(1000, 79 * 1024 ** 2, 100 * 1024 ** 2)).toBeNull();
  });
});

describe('formatFileSize', () => {
  it('reads as people read sizes, with thousands separators', () => {
    expect([1, 12, 1023 * 1024, 2.4 * 1024 ** 2, 1862.64 * GB].map(formatFileSize)).toEqual([
      '1 byte',
      '12 bytes',
      '1,023 KB',
      '2.4 MB',
      '1,862.64 GB',
    ]);
  });
});
