// The space warning on "Your data", and sizes as people read them.
import { describe, expect, it } from 'vitest';
import {
  ATTACHMENT_STORAGE_WARNING_BYTES,
  fileNameForType,
  formatFileSize,
  storageWarning,
  typeClaimedBy,
} from './attachment';

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

describe('fileNameForType: the name a file is saved under', () => {
  it('keeps a name whose extension fits what the bytes are, in any letter case', () => {
    expect(fileNameForType('bill.pdf', 'pdf')).toBe('bill.pdf');
    expect(fileNameForType('Photo.JPEG', 'jpeg')).toBe('Photo.JPEG');
    expect(fileNameForType('scan.tif', 'tiff')).toBe('scan.tif');
  });

  it('replaces the extension of another type: a PDF named photo.jpg is saved as photo.pdf', () => {
    expect(fileNameForType('photo.jpg', 'pdf')).toBe('photo.pdf');
    expect(fileNameForType('Réclamation été.PNG', 'jpeg')).toBe('Réclamation été.jpg');
    expect(fileNameForType('letter.txt', 'eml')).toBe('letter.eml');
  });

  it('adds the usual extension when the name has none, or one no type claims', () => {
    expect(fileNameForType('scan', 'pdf')).toBe('scan.pdf');
    expect(fileNameForType('scan.2026', 'pdf')).toBe('scan.2026.pdf');
    expect(fileNameForType('notes', 'text')).toBe('notes.txt');
  });

  it('lets plain text keep an extension no other type claims', () => {
    expect(fileNameForType('server.log', 'text')).toBe('server.log');
    expect(fileNameForType('figures.csv', 'text')).toBe('figures.csv');
  });

  it('says which type a name claims, or none', () => {
    expect(typeClaimedBy('a.HEIF')).toBe('heic');
    expect(typeClaimedBy('a.gif')).toBeUndefined();
    expect(typeClaimedBy('pdf')).toBeUndefined();
  });
});
