// The page's backup calls (renderer/src/db/backup-client.ts) where no worker can run (here: Node has no Worker): the
// same make → check → restore as in the worker, on the page's thread, with the same refusals.
import 'fake-indexeddb/auto';
import { afterAll, expect, it } from 'vitest';
import { BackupFileError } from '#shared/backup/format';
import { RestoreError, type RestoreProgress } from './backup';
import { checkBackupFile, forgetCheckedBackup, makeBackupFile, restoreCheckedBackup } from './client';
import { db } from '../schema';
import { browserStorageHost, databaseAt, type PointerStore, prepareStorage } from '../storage';
import { seedDesk, snapshot } from '#test/support/backup';

/** The note of where the desk's database is (localStorage in the app). */
let note: string | null = null;
const store: PointerStore = { read: () => note, write: (value) => void (note = value) };
const host = browserStorageHost();
const storage = { host, store };

afterAll(async () => {
  db().close();
  await db().delete();
  const location = await prepareStorage(host, store);
  await (await databaseAt(host, location)).delete();
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
  await expect(restoreCheckedBackup(stale, { mode: 'replace', by: 'Sam Patel', storage })).rejects.toBeInstanceOf(
    RestoreError,
  );
  // Refused: the copy begun for it is gone, the desk is where it was and takes writes again.
  expect(note).toBeNull();
  expect((await indexedDB.databases()).map((d) => d.name)).toEqual(['redress']);
  expect(database.held).toBe(false);

  // Progress reaches the caller on the page's thread too: from 0 up to the whole restore.
  const progress: RestoreProgress[] = [];
  const report = await restoreCheckedBackup(checked, {
    mode: 'replace',
    by: 'Sam Patel',
    onProgress: (p) => progress.push(p),
    storage,
  });
  expect(report.casesNow).toBe(30);
  expect(report.intoNewCopy).toBe(true);
  expect(report.removed.cases).toBe(20);
  expect(progress[0]).toMatchObject({ stage: 'checking', done: 0 });
  expect(progress.map((p) => p.done)).toEqual(progress.map((p) => p.done).sort((a, b) => a - b));
  expect(progress[progress.length - 1]).toEqual({
    stage: 'finishing',
    done: progress[0].total,
    total: progress[0].total,
  });
  // Written into a new copy: the old one untouched and refusing writes until the app reloads onto the new one.
  expect((await snapshot(database)).cases).toHaveLength(20);
  expect(database.held).toBe(true);
  await expect(database.cases.limit(1).delete()).rejects.toThrow(/a backup is being restored/);
  // The reload: the desk opens the new copy, and the old one is deleted.
  const location = await prepareStorage(host, store);
  expect(location).toEqual({ bucket: null, name: expect.stringMatching(/^redress-/) });
  expect((await indexedDB.databases()).map((d) => d.name)).toEqual([location.name]);
  const restored = await databaseAt(host, location);
  const after = await snapshot(restored);
  restored.close();
  expect(after.cases).toEqual(before.cases);
  expect(after.letters).toEqual(before.letters);

  // Held once: restored (or forgotten) means choose it again.
  await expect(restoreCheckedBackup(checked, { mode: 'replace', by: 'Sam Patel', storage })).rejects.toThrow(
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

it('a replace that cannot begin its copy (the note of where the desk is unreadable) leaves the desk taking writes', async () => {
  const database = db();
  note = '{not json';
  const checked = { sha256: 'f'.repeat(64) } as Parameters<typeof restoreCheckedBackup>[0];
  await expect(restoreCheckedBackup(checked, { mode: 'replace', by: 'Sam Patel', storage })).rejects.toThrow(
    /cannot be read/,
  );
  expect(database.held).toBe(false);
  note = null;
});
