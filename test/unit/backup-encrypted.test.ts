// Encrypted backups through the database's own make → check → restore (renderer/src/db/backup.ts): the passphrase
// is asked for, a wrong one is refused and changes nothing, the right one restores everything; and the plain files
// made before encryption existed (format 1 and format 2) still restore.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { isEncryptedBackup, readEncryptionHeader } from '#shared/backup/encryption';
import { BackupFileError } from '#shared/backup/format';
import { makeBackup, readBackupFile, restoreBackup } from '#db/backup/backup';
import { closeAll, freshDatabase, seedDesk, snapshot } from '#test/support/backup';

afterEach(closeAll);

const passphrase = 'violet tractor under seven lamps';
const clock = { now: () => new Date('2026-11-22T14:30:00.000Z') };

async function refusal(promise: Promise<unknown>): Promise<BackupFileError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupFileError);
  return error as BackupFileError;
}

describe('encrypted backups of a desk', () => {
  it('ask for the passphrase, refuse a wrong one with the database unchanged, and restore with the right one', async () => {
    const source = freshDatabase();
    await seedDesk(source, 25, { letterEvery: 5 });
    const before = await snapshot(source);
    const made = await makeBackup(source, { clock, passphrase });
    const bytes = new Uint8Array(await made.file.arrayBuffer());
    expect(isEncryptedBackup(bytes)).toBe(true);
    expect(readEncryptionHeader(bytes).kdf.iterations).toBeGreaterThanOrEqual(600_000);
    // Nothing personal is readable in the file.
    const text = Buffer.from(bytes).toString('latin1');
    for (const c of before.cases as { customer: { name: string } }[]) expect(text).not.toContain(c.customer.name);

    // A desk that already has work on it: a refused file must leave all of it as it is.
    const target = freshDatabase();
    await seedDesk(target, 3, { seed: 99, prefix: 'NEW' });
    const targetBefore = await snapshot(target);

    expect(await refusal(readBackupFile(target, made.file))).toMatchObject({
      kind: 'needs-passphrase',
      message: expect.stringContaining('protected with a passphrase'),
    });
    const wrong = await refusal(readBackupFile(target, made.file, 'violet tractor under seven lamp'));
    expect(wrong.kind).toBe('wrong-passphrase');
    expect(wrong.message).toMatch(/^The passphrase is not right/);
    expect(await snapshot(target)).toEqual(targetBefore);

    const decoded = await readBackupFile(target, made.file, passphrase);
    await restoreBackup(target, decoded, { mode: 'replace', by: 'Sam Patel' });
    const after = await snapshot(target);
    for (const table of ['cases', 'events', 'letters', 'people', 'settings'] as const)
      expect(after[table], table).toEqual(before[table]);
  });

  it('an empty desk makes an encrypted backup that restores into another empty desk', async () => {
    const source = freshDatabase();
    await source.open();
    const made = await makeBackup(source, { clock, passphrase });
    expect(isEncryptedBackup(new Uint8Array(await made.file.arrayBuffer()))).toBe(true);
    const target = freshDatabase();
    const report = await restoreBackup(target, await readBackupFile(target, made.file, passphrase), {
      mode: 'into-empty',
      by: 'Sam Patel',
    });
    expect(report.casesNow).toBe(0);
  });
});

describe('plain backups made before encryption', () => {
  for (const [format, file, schemaVersion] of [
    [1, 'backup-format-1.redress-backup', 2],
    [2, 'backup-format-2.redress-backup', 3],
  ] as const) {
    it(`format ${format} (test/fixtures/${file}) still restores, with no passphrase asked`, async () => {
      const bytes = new Uint8Array(readFileSync(new URL(`../fixtures/${file}`, import.meta.url)));
      expect(isEncryptedBackup(bytes)).toBe(false);
      const target = freshDatabase();
      // A passphrase given for a plain file is not needed and changes nothing.
      const decoded = await readBackupFile(target, bytes, 'a passphrase nobody needs');
      expect(decoded.header).toMatchObject({ formatVersion: format, schemaVersion });
      const report = await restoreBackup(target, decoded, { mode: 'into-empty', by: 'Sam Patel' });
      expect(report.casesNow).toBe(12);
      expect(await target.letters.count()).toBe(1);
      expect(await target.caseIndex.count()).toBe(12);
      expect((await target.settings.get('desk'))?.value.deskPrefix).toBe('RDR');
    });
  }
});
