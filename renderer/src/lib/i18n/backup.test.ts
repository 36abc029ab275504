// m17a: a backup file's refusal in the interface language, from its codes (shared/backup/problems.ts): every code has
// its English and its French; a bad file is said in French with no English left; English (UK) says what shared wrote.
import { describe, expect, it } from 'vitest';
import { lockBackupFile, unlockBackupFile, type WebCryptoLike } from '#shared/backup/encryption';
import { BackupFileError, decodeBackup, encodeBackup } from '#shared/backup/format';
import { BACKUP_PROBLEM_CODES, backupProblemInEnglish } from '#shared/backup/problems';
import { setFormatLocale } from '../format';
import { backupErrorIn, backupProblemIn } from './backup';
import { enGB, frCA } from './index';
import { emptyBackupContent, sha256Hex } from '#test/support/backup-content';
import { en, fr } from '#test/support/translate';

const crypto = globalThis.crypto as unknown as WebCryptoLike;
const sha256 = sha256Hex;
const options = { sha256, currentSchemaVersion: 13 };
const EMPTY = emptyBackupContent();

async function refusal(file: Uint8Array, passphrase?: string): Promise<BackupFileError> {
  try {
    await decodeBackup(await unlockBackupFile(file, passphrase, crypto), options);
  } catch (error) {
    if (error instanceof BackupFileError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

/** Words of the English refusals that must not be left on a French screen. */
const ENGLISH = /\b(the|is|not|file|backup|was|nothing|restored|use|another|copy|passphrase|its|it)\b/i;

describe('a backup file’s refusal in the interface language', () => {
  it('has every code in English (shared’s words) and in French', () => {
    for (const code of BACKUP_PROBLEM_CODES) {
      expect(enGB[`backupProblem.${code}`]).toBeTruthy();
      expect(frCA[`backupProblem.${code}`]).toBeTruthy();
      expect(frCA[`backupProblem.${code}`]).not.toBe(enGB[`backupProblem.${code}`]);
    }
  });

  it('says bad files in French, with no English left, and in English as shared wrote them', async () => {
    const good = await encodeBackup(EMPTY, { madeAt: '2026-11-18T10:00:00.000Z', schemaVersion: 13, sha256 });
    const changed = good.slice();
    changed[changed.length - 30] ^= 0x01;
    const locked = await lockBackupFile(good, 'correct horse battery staple', crypto);
    const cases: [Uint8Array, string | undefined, string][] = [
      [new Uint8Array(0), undefined, 'Ce fichier n’est pas une sauvegarde Redress (le fichier est vide).'],
      [new TextEncoder().encode('Name,Summary\nAnn,x\n'), undefined, '(ce n’est ni une sauvegarde compressée'],
      [good.subarray(0, good.length - 40), undefined, 'Le fichier de sauvegarde est incomplet\u00a0: '],
      [changed, undefined, 'Le fichier de sauvegarde est endommagé\u00a0: '],
      [locked, undefined, 'Cette sauvegarde est protégée par une phrase de passe.'],
      [locked, 'not the right one at all', 'La phrase de passe n’est pas la bonne\u00a0: '],
    ];
    for (const [file, passphrase, french] of cases) {
      const error = await refusal(file, passphrase);
      expect(error.said).toBeDefined();
      expect(backupProblemInEnglish(error.said!)).toBe(error.message);
      expect(backupErrorIn(en, error)).toBe(error.message.replaceAll("'", '’'));
      const said = backupErrorIn(fr, error);
      expect(said).toContain(french);
      expect(said).not.toMatch(ENGLISH);
    }
  });

  it('writes sizes and numbers the interface’s way', () => {
    const said = {
      code: 'too-large',
      values: { why: { code: 'why-line-too-long', values: { line: 3, size: { bytes: 32 * 1024 * 1024 } } } },
    } as const;
    expect(backupProblemIn(en, said)).toContain('line 3 is longer than 32.0 MB');
    setFormatLocale('fr-CA');
    try {
      expect(backupProblemIn(fr, said)).toContain('la ligne 3 dépasse 32,0 Mo');
    } finally {
      setFormatLocale('en-GB');
    }
  });
});
