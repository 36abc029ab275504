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
import { caseRecord } from '#test/support/cases';

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

  // h17: a backup the writer will not make (a row a restore would refuse) is a coded refusal, said in French.
  it('says in French why a backup was not made: a row a restore would refuse', async () => {
    const deep = {
      ...EMPTY,
      meta: [{ key: 'x', value: JSON.parse(`${'['.repeat(100)}${']'.repeat(100)}`) as unknown }],
    };
    const refused = await encodeBackup(deep, { madeAt: '2026-11-18T10:00:00.000Z', schemaVersion: 13, sha256 }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(BackupFileError);
    const error = refused as BackupFileError;
    expect(error.kind).toBe('too-large');
    expect(error.message).toBe('a row of meta is nested more than 64 deep, which a restore would refuse.');
    expect(backupErrorIn(en, error)).toBe(error.message);
    expect(fr('data.backup.failed', { error: backupErrorIn(fr, error) })).toBe(
      'La sauvegarde n’a pas pu être faite\u00a0: un enregistrement de meta imbrique des valeurs sur plus de 64 niveaux, ce qu’une restauration refuserait.',
    );
    setFormatLocale('fr-CA');
    try {
      const long = {
        code: 'not-made-row-long',
        values: { table: 'letters', size: { bytes: 32 * 1024 * 1024 } },
      } as const;
      expect(backupProblemIn(fr, long)).toBe(
        'un enregistrement de letters dépasse 32,0 Mo, ce qu’une restauration refuserait.',
      );
      const header = { code: 'part-header' } as const;
      const lines = {
        code: 'not-made-too-many-lines',
        values: { table: header, line: { number: 100_001 }, max: { number: 100_000 } },
      } as const;
      expect(backupProblemIn(fr, lines)).toMatch(
        /^un enregistrement de l’en-tête serait la ligne 100\s001, au-delà de 100\s000 lignes, ce qu’une restauration refuserait\.$/u,
      );
      for (const said of [long, lines]) expect(backupProblemIn(fr, said)).not.toMatch(ENGLISH);
    } finally {
      setFormatLocale('en-GB');
    }
  });

  // h17: the list under an invalid backup, said in French from each problem's code, the place as written.
  it('lists an invalid backup’s problems in French, each at its place, with no English left', async () => {
    const made = { madeAt: '2026-11-18T10:00:00.000Z', schemaVersion: 13, sha256 };
    const rows = await refusal(
      await encodeBackup(
        {
          ...EMPTY,
          cases: [
            caseRecord({
              receivedOn: '2026-02-30',
              stage: 'x'.repeat(201),
              createdAt: '2026-11-18T09:00:00.000Z',
              updatedAt: '2026-11-18T09:00:00.000Z',
            }),
            {
              ...caseRecord({ id: 'case-2', reference: 'RDR-2026-000002' }),
              channel: 'fax' as never,
              summary: undefined as never,
            },
          ],
          counters: [{ key: 'RDR-2026', last: -1 }],
        },
        made,
      ),
    );
    expect(rows.kind).toBe('invalid');
    expect(rows.problemsSaid).toHaveLength(rows.problems.length);
    const french = rows.problemsSaid!.map((p) => backupProblemIn(fr, p));
    expect(french).toEqual([
      'cases[0].receivedOn\u00a0: n’est pas une date (aaaa-mm-jj)',
      'cases[0].stage\u00a0: dépasse 200 caractères',
      'cases[1].channel\u00a0: doit être l’une des valeurs suivantes\u00a0: phone, email, web, letter, in-person, chat',
      'cases[1].summary\u00a0: manquant',
      'counters[0].last\u00a0: ne doit pas être négatif',
    ]);
    // The English list (the logs) is the schemas' notes, and the English screen says the same.
    expect(rows.problems[0]).toBe('cases[0].receivedOn: not a date (YYYY-MM-DD)');
    expect(rows.problemsSaid!.map((p) => backupProblemIn(en, p))).toEqual(rows.problems);

    // The checks across rows: a case twice, an entry of no case, a built-in procedure.
    const entry = {
      id: 'e1',
      caseId: 'nobody',
      type: 'note',
      on: '2026-11-18',
      at: '2026-11-18T09:00:00.000Z',
      by: 'Ann',
      summary: 'Called',
    };
    const cross = await refusal(
      await encodeBackup(
        { ...EMPTY, cases: [caseRecord(), caseRecord({ reference: 'RDR-2026-000002' })], events: [entry as never] },
        made,
      ),
    );
    const crossFrench = cross.problemsSaid!.map((p) => backupProblemIn(fr, p));
    expect(crossFrench).toEqual([
      'cases[1].id\u00a0: le même id que cases[0] (case-1)',
      'events[0].caseId\u00a0: aucun dossier du fichier n’a l’identifiant nobody',
    ]);
    for (const said of [...french, ...crossFrench])
      expect(said.replace(/^\S+\u00a0: /u, '').replace(/: .*$/u, '')).not.toMatch(ENGLISH);
  });

  it('says in French why a backup just made was not kept (its own restore check refused it)', () => {
    const said = {
      code: 'not-made-check',
      values: { why: { code: 'invalid' } },
    } as const;
    const french = fr('data.backup.failed', { error: backupErrorIn(fr, { message: 'English', said }) });
    expect(french).toBe(
      'La sauvegarde n’a pas pu être faite\u00a0: la sauvegarde qui vient d’être faite ne passe pas la vérification d’une restauration, donc elle n’a pas été conservée\u00a0: Le fichier de sauvegarde n’est pas valide\u00a0: rien n’a été restauré. Les problèmes trouvés sont indiqués ci-dessous. Corrigez les lignes indiquées (ou avisez la personne qui assure le soutien de Redress), puis refaites la sauvegarde.',
    );
    expect(backupErrorIn(en, { message: 'x', said })).toMatch(/^The backup just made does not pass the restore check/);
  });
});
