// The names the app gives the desk's own downloads come from the catalogue: in every interface language they are
// lower-case ASCII letters, digits, hyphens and dots only (no accents: the files travel by email and through old
// Windows tools), and English ones are as they always were.
import { describe, expect, it } from 'vitest';
import { INTERFACE_LOCALES } from '#shared/model/dates';
import { deadlinesFileName } from '#shared/exports/deadlines-ics';
import { translate } from './index';

const FILE_NAME_KEYS = [
  'post.fileName',
  'reports.export.fileName',
  'reports.export.fileTo',
  'reports.export.fileUnassigned',
  'exchange.csv.fileName',
  'exchange.csv.fileNameFiltered',
  'exchange.ics.fileName',
  'data.backup.fileName',
] as const;

describe('file names in the catalogue', () => {
  it('are ASCII only in every interface language', () => {
    for (const locale of INTERFACE_LOCALES)
      for (const key of FILE_NAME_KEYS)
        expect(translate(locale, key, { date: '2026-12-06' }), `${locale} ${key}`).toMatch(/^[a-z0-9][a-z0-9.-]*$/);
  });

  it('name the print file in the interface language', () => {
    expect(translate('en-GB', 'post.fileName', { date: '2026-12-06' })).toBe('letters-to-post-2026-12-06.pdf');
    expect(translate('en-CA', 'post.fileName', { date: '2026-12-06' })).toBe('letters-to-post-2026-12-06.pdf');
    expect(translate('fr-CA', 'post.fileName', { date: '2026-12-06' })).toBe('lettres-a-poster-2026-12-06.pdf');
  });

  it('name the backup and the deadlines calendar in the interface language, English as it always was', () => {
    for (const locale of ['en-GB', 'en-CA'] as const) {
      // The backup's stem (db/backup/backup.ts backupFileName: redress-backup-RDR-2026-12-06.redress-backup).
      expect(translate(locale, 'data.backup.fileName')).toBe('redress-backup');
      expect(deadlinesFileName('2026-12-06', translate(locale, 'exchange.ics.fileName'))).toBe(
        'redress-deadlines-2026-12-06.ics',
      );
    }
    expect(translate('fr-CA', 'data.backup.fileName')).toBe('redress-sauvegarde');
    expect(deadlinesFileName('2026-12-06', translate('fr-CA', 'exchange.ics.fileName'))).toBe(
      'redress-echeances-2026-12-06.ics',
    );
  });
});
