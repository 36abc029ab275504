// The words of "Your data" made from facts, in each interface language (issue #17): a restore's progress, the rows
// over a limit, the storage warning and a passphrase's problem.
import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type MessageValues } from '#lib/i18n/index';
import { setFormatLocale } from '#lib/format';
import { ATTACHMENT_STORAGE_WARNING_BYTES } from '#shared/model/attachment';
import { overLimitsIn, passphraseProblemIn, restoreProgressIn, storageWarningIn } from './words';

const en = (key: MessageKey, values?: MessageValues) => translate('en-GB', key, values);
const fr = (key: MessageKey, values?: MessageValues) => translate('fr-CA', key, values);
/** French groups thousands with a narrow no-break space: read as a plain space here. */
const spaced = (text: string | null) => text?.replace(/[\u00a0\u202f]/g, ' ') ?? null;

describe('a restore’s progress', () => {
  it('names the stage in words, with thousands separators', () => {
    expect(
      restoreProgressIn(en, {
        stage: 'writing',
        done: 12_000,
        total: 900_000,
        rows: { table: 'cases', done: 12_000, total: 100_000 },
      }),
    ).toBe('Writing cases: 12,000 of 100,000');
    expect(
      restoreProgressIn(en, {
        stage: 'writing',
        done: 1,
        total: 2,
        rows: { table: 'events', done: 300_000, total: 772_025 },
      }),
    ).toBe('Writing timeline entries: 300,000 of 772,025');
    expect(
      restoreProgressIn(en, {
        stage: 'removing',
        done: 0,
        total: 2,
        rows: { table: 'events', done: 0, total: 772_025 },
      }),
    ).toBe('Removing the timeline entries on this desk (772,025)');
    expect(
      restoreProgressIn(en, {
        stage: 'checking',
        done: 0,
        total: 2,
        rows: { table: 'cases', done: 4_000, total: 100_000 },
      }),
    ).toBe('Checking the backup’s cases against this desk: 4,000 of 100,000');
    expect(
      restoreProgressIn(en, {
        stage: 'indexing',
        done: 1,
        total: 2,
        rows: { table: 'cases', done: 98_000, total: 100_000 },
      }),
    ).toBe('Indexing cases for the lists and deadlines: 98,000 of 100,000');
    expect(restoreProgressIn(en, { stage: 'checking', done: 0, total: 2 })).toBe('Checking this desk…');
    expect(restoreProgressIn(en, { stage: 'finishing', done: 2, total: 2 })).toMatch(/^Finishing/);
    // The last step's one commit saves the attachments' files: it says how many and how large (h18).
    const files = { stage: 'finishing' as const, done: 2, total: 2, files: { count: 1200, bytes: 1.5 * 1024 ** 3 } };
    expect(restoreProgressIn(en, files)).toBe(
      'Finishing: saving everything in one go, with the attachments’ 1,200 files (1.50 GB)…',
    );
    setFormatLocale('fr-CA'); // as the interface's provider does before the screens draw
    try {
      expect(spaced(restoreProgressIn(fr, files))).toBe(
        'Dernière étape : tout est enregistré d’un seul coup, avec les 1 200 fichiers joints (1,50 Go)…',
      );
    } finally {
      setFormatLocale('en-GB');
    }
  });

  it('in French', () => {
    const writing = {
      stage: 'writing' as const,
      done: 1,
      total: 2,
      rows: { table: 'events' as const, done: 300_000, total: 772_025 },
    };
    expect(spaced(restoreProgressIn(fr, writing))).toBe(
      'Écriture des inscriptions à l’historique : 300 000 sur 772 025',
    );
    expect(restoreProgressIn(fr, { stage: 'checking', done: 0, total: 2 })).toBe('Vérification de ce service…');
  });
});

describe('the rows over a limit', () => {
  it('names ten and counts the rest', () => {
    expect(overLimitsIn(en, [])).toBeNull();
    expect(overLimitsIn(en, ['RDR-1 summary'])).toBe(
      '1 entry is longer than letters take (kept as it is; shorten it): RDR-1 summary.',
    );
    const twelve = Array.from({ length: 12 }, (_, i) => `RDR-${i + 1}`);
    expect(overLimitsIn(en, twelve)).toMatch(/^12 entries are .*: RDR-1; .*; RDR-10; and 2 more\.$/);
    expect(spaced(overLimitsIn(fr, twelve))).toMatch(
      /^12 entrées dépassent .* : RDR-1 ; .* ; RDR-10 ; et 2 de plus\.$/,
    );
  });
});

describe('the storage warning and a passphrase’s problem', () => {
  it('words the shared rules in the interface language', () => {
    expect(storageWarningIn(en, 0, null, null)).toBeNull();
    expect(storageWarningIn(en, 1000, 81 * 1024 ** 2, 100 * 1024 ** 2)).toMatch(
      /^The desk’s data uses 81% of the space/,
    );
    expect(spaced(storageWarningIn(fr, 1000, 81 * 1024 ** 2, 100 * 1024 ** 2))).toMatch(
      /^Les données du service occupent 81 % de l’espace .*\(81[.,]0 Mo sur 100[.,]0 Mo\)/,
    );
    expect(storageWarningIn(en, ATTACHMENT_STORAGE_WARNING_BYTES + 1, null, null)).toMatch(
      /^Attachments take 2\.00 GB/,
    );
    expect(passphraseProblemIn(en, 'twelve chars')).toBeNull();
    expect(passphraseProblemIn(en, 'eleven char')).toMatch(
      /^The passphrase must have at least 12 characters: a backup/,
    );
    expect(spaced(passphraseProblemIn(fr, 'eleven char'))).toMatch(
      /^La phrase de passe doit compter au moins 12 caractères : un fichier/,
    );
    expect(passphraseProblemIn(fr, 'tab\tinside it here')).toMatch(/caractère de contrôle/);
  });
});
