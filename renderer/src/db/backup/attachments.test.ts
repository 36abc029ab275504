// Attachments in backups (issue #18): backup → wipe → restore keeps every file byte for byte (SHA-256), with or
// without a passphrase; a damaged file in the backup is refused by name and changes nothing; a merge unites
// attachments by id and checksum and keeps a deleted file deleted.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ROWS_MEMBER } from '#shared/backup/archive';
import { BackupFileError } from '#shared/backup/format';
import { unzipSync } from 'fflate';
import { makeBackup, readBackupFile, restoreBackup, RestoreError, type RestoreProgress } from './backup';
import { RedressDatabase } from '../schema';
import { attachmentDigests, closeAll, freshDatabase, seedAttachments, seedDesk, snapshot } from '#test/support/backup';
import { fr } from '#test/support/translate';
import { backupErrorIn } from '#lib/i18n/index';

afterEach(closeAll);

const clock = { now: () => new Date('2026-12-02T09:00:00.000Z') };
const passphrase = 'violet tractor under seven lamps';

async function refusal(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

describe('attachments in backups', () => {
  it('backup → wipe → restore keeps every attachment byte for byte, with and without a passphrase', async () => {
    for (const secret of [undefined, passphrase]) {
      const database = freshDatabase('attachments');
      const name = database.name;
      await seedDesk(database, 20, { letterEvery: 5 });
      // 2.5 MB files: each crosses several pieces of the archive.
      const rows = await seedAttachments(database, 4, { bytes: 2_500_000 });
      const digests = await attachmentDigests(database);
      expect(Object.values(digests).filter(Boolean)).toHaveLength(4);
      const before = await snapshot(database);

      const made = await makeBackup(database, { clock, ...(secret ? { passphrase: secret } : {}) });
      expect(made.file).toBeInstanceOf(Blob);
      expect(made.counts.attachments).toBe(5);
      // Any ZIP tool opens a plain one: the rows and one member per file (an encrypted one is not a ZIP).
      const bytes = new Uint8Array(await made.file.arrayBuffer());
      const members = secret ? null : Object.keys(unzipSync(bytes)).sort();
      expect(members).toEqual(
        secret ? null : [...rows.slice(0, 4).map((r) => `attachments/${r.id}`), ROWS_MEMBER].sort(),
      );

      database.close();
      await database.delete();
      const empty = new RedressDatabase(name);
      const decoded = await readBackupFile(empty, made.file, secret);
      const reports: RestoreProgress[] = [];
      await restoreBackup(empty, decoded, { mode: 'into-empty', by: 'Sam Patel', onProgress: (p) => reports.push(p) });
      // The last step says what the commit saves: the four files with bytes (the fifth row's file was deleted).
      expect(reports.at(-1)).toMatchObject({
        stage: 'finishing',
        files: { count: 4, bytes: rows.slice(0, 4).reduce((sum, r) => sum + r.size, 0) },
      });
      expect(await attachmentDigests(empty)).toEqual(digests);
      const after = await snapshot(empty);
      expect(after.attachments).toEqual(before.attachments);
      expect(after.cases).toEqual(before.cases);
      const stored = (await empty.attachments.get(rows[0].id))!;
      expect(stored.blob!.type).toBe('application/pdf');
      expect(stored.blob!.size).toBe(rows[0].size);
      empty.close();
      await empty.delete();
    }
  });

  it('refuses a backup whose attachment is damaged, naming it, and changes nothing', async () => {
    const source = freshDatabase();
    await seedDesk(source, 10);
    const rows = await seedAttachments(source, 2, { bytes: 300_000 });
    const made = await makeBackup(source, { clock });
    const bytes = new Uint8Array(await made.file.arrayBuffer());
    // Flip one byte in the middle of the first attachment's member (found by its bytes: it starts %PDF-).
    const first = new Uint8Array(await rows[0].blob!.arrayBuffer());
    const at = Buffer.from(bytes).indexOf(Buffer.from(first.subarray(0, 64)));
    expect(at).toBeGreaterThan(0);
    bytes[at + 150_000] ^= 0x40;

    const target = freshDatabase();
    await seedDesk(target, 3, { seed: 99, prefix: 'NEW' });
    await seedAttachments(target, 1, { prefix: 'here' });
    const targetBefore = await snapshot(target);
    const digestsBefore = await attachmentDigests(target);
    const error = await refusal(readBackupFile(target, new Blob([bytes])));
    expect(error).toBeInstanceOf(BackupFileError);
    expect((error as BackupFileError).kind).toBe('damaged');
    const reference = (await source.cases.get(rows[0].caseId))!.reference;
    expect(error.message).toBe(
      `The file ${rows[0].fileName} on case ${reference} is damaged in this backup: nothing was restored. Use another copy of the backup.`,
    );
    // In French too, from the same saying: plain words, no internal index (explore39 #6).
    expect(backupErrorIn(fr, error as BackupFileError)).toBe(
      `Le fichier ${rows[0].fileName} du dossier ${reference} est endommagé dans cette sauvegarde\u00a0: rien n’a été restauré. Utilisez une autre copie de la sauvegarde.`,
    );
    expect(await snapshot(target)).toEqual(targetBefore);
    expect(await attachmentDigests(target)).toEqual(digestsBefore);
  });

  it('merges attachments by id and checksum: new ones added, the same one kept, a deleted file stays deleted', async () => {
    const desk = freshDatabase();
    await seedDesk(desk, 10);
    const rows = await seedAttachments(desk, 3);
    const made = await makeBackup(desk, { clock });
    // Here, after the backup: the second file is deleted (an erasure), a new one is added.
    await desk.attachments.put({
      ...rows[1],
      blob: undefined,
      deleted: { at: '2026-12-02T10:00:00.000Z', by: 'Sam Patel', reason: 'Erased', fileDeleted: true },
    });
    const later = await seedAttachments(desk, 1, { prefix: 'later', seed: 3 });
    // And the file's third is gone here (as if this desk never had it).
    await desk.attachments.delete(rows[2].id);
    const digestsBefore = await attachmentDigests(desk);

    const reports: RestoreProgress[] = [];
    const report = await restoreBackup(desk, await readBackupFile(desk, made.file), {
      mode: 'merge',
      by: 'Sam Patel',
      onProgress: (p) => reports.push(p),
    });
    expect(report.added.attachments).toBe(1);
    // Only the file the merge adds is saved at the commit.
    expect(reports.at(-1)?.files).toEqual({ count: 1, bytes: rows[2].size });
    const digests = await attachmentDigests(desk);
    expect(digests[rows[0].id]).toBe(digestsBefore[rows[0].id]);
    expect(digests[rows[1].id]).toBeNull();
    expect((await desk.attachments.get(rows[1].id))!.deleted?.reason).toBe('Erased');
    expect(digests[rows[2].id]).toBe(rows[2].sha256);
    expect(digests[later[0].id]).toBe(later[0].sha256);

    // The other way: a backup in which the file was deleted, merged into a desk that still has it, deletes it.
    const withDeletion = await makeBackup(desk, { clock });
    const older = freshDatabase();
    await restoreBackup(older, await readBackupFile(older, made.file), { mode: 'into-empty', by: 'Sam Patel' });
    expect((await attachmentDigests(older))[rows[1].id]).toBe(rows[1].sha256);
    const merged = await restoreBackup(older, await readBackupFile(older, withDeletion.file), {
      mode: 'merge',
      by: 'Sam Patel',
    });
    expect(merged.updated.attachments).toBe(1);
    expect((await attachmentDigests(older))[rows[1].id]).toBeNull();
    expect((await older.attachments.get(rows[1].id))!.deleted?.fileDeleted).toBe(true);

    // The same id with other bytes is refused, and the merge changes nothing.
    const other = new Uint8Array(rows[0].size).fill(7);
    await desk.attachments.put({
      ...rows[0],
      blob: new Blob([other]),
      sha256: Buffer.from(await crypto.subtle.digest('SHA-256', other)).toString('hex'),
    });
    const before = await snapshot(desk);
    const clash = await refusal(
      restoreBackup(desk, await readBackupFile(desk, made.file), { mode: 'merge', by: 'Sam Patel' }),
    );
    expect(clash).toBeInstanceOf(RestoreError);
    expect(clash.message).toContain('the same id here and in the backup but different bytes');
    expect(await snapshot(desk)).toEqual(before);
  });
});
