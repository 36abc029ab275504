// The page's backup calls (renderer/src/db/backup-client.ts) where no worker can run (here: Node has no Worker): the
// same make → check → restore as in the worker, on the page's thread, with the same refusals.
import 'fake-indexeddb/auto';
import { afterAll, expect, it } from 'vitest';
import { BackupFileError } from '#shared/backup/format';
import { RestoreError, type RestoreProgress } from './backup';
import { checkBackupFile, forgetCheckedBackup, makeBackupFile, restoreCheckedBackup } from './client';
import { db } from '../schema';
import { seedDesk, snapshot } from '#test/support/backup';

afterAll(async () => {
  db().close();
  await db().delete();
});

it('makes, checks and restores through the client without a worker, and refuses a stale or bad file', async () => {
  expect(typeof Worker).toBe('undefined');
  const database = db();
  await seedDesk(database, 30, { seed: 5, letterEvery: 10 });
  const before = await snapshot(database);
  const made = await makeBackupFile();
  expect(made.counts.cases).toBe(30);
  expect(made.fileName).toMatch(/^redress-backup-RDR-\d{4}-\d{2}-\d{2}\.redress-backup$/);

  await database.cases.limit(10).delete();
  const checked = await checkBackupFile(made.file);
  expect(checked.header.counts.cases).toBe(30);
  expect(checked.handlerName).toBe('Sam Patel');

  // Only the file checked last can be restored.
  const stale = { ...checked, sha256: '0'.repeat(64) };
  await expect(restoreCheckedBackup(stale, { mode: 'replace', by: 'Sam Patel' })).rejects.toBeInstanceOf(RestoreError);

  // Progress reaches the caller on the page's thread too: from 0 up to the whole restore.
  const progress: RestoreProgress[] = [];
  const report = await restoreCheckedBackup(checked, {
    mode: 'replace',
    by: 'Sam Patel',
    onProgress: (p) => progress.push(p),
  });
  expect(report.casesNow).toBe(30);
  expect(progress[0]).toMatchObject({ stage: 'checking', done: 0 });
  expect(progress.map((p) => p.done)).toEqual(progress.map((p) => p.done).sort((a, b) => a - b));
  expect(progress[progress.length - 1]).toEqual({
    stage: 'finishing',
    done: progress[0].total,
    total: progress[0].total,
  });
  const after = await snapshot(database);
  expect(after.cases).toEqual(before.cases);
  expect(after.letters).toEqual(before.letters);

  // Held once: restored (or forgotten) means choose it again.
  await expect(restoreCheckedBackup(checked, { mode: 'replace', by: 'Sam Patel' })).rejects.toThrow(
    /Choose the backup file again/,
  );
  await checkBackupFile(made.file);
  forgetCheckedBackup();
  await expect(restoreCheckedBackup(checked, { mode: 'merge', by: 'Sam Patel' })).rejects.toThrow(
    /Choose the backup file again/,
  );

  const cut = made.file.slice(0, Math.floor(made.file.size / 2));
  const refusal = await checkBackupFile(cut).catch((e: unknown) => e);
  expect(refusal).toBeInstanceOf(BackupFileError);
  expect((refusal as BackupFileError).kind).toBe('truncated');
}, 120_000);
