// A lone desk (not in a team: the database's `sharing` off) writes no outbox rows, whatever writes: a restore in every
// mode, whole or streamed, with or without sharing state left from a team it belonged to earlier (issue #14: a lone
// desk behaves exactly as before sharing existed). The outbox of a desk that shares is tested in ../outbox.test.ts.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, freshDatabase, seedDesk } from '#test/support/backup';
import { SHARING_META_KEYS } from '../outbox';
import type { RedressDatabase } from '../schema';
import { checkBackupStreamed, makeBackup, readBackupFile, restoreBackup, type RestoreMode } from './backup';

afterEach(closeAll);

const clock = { now: () => new Date('2026-11-23T09:00:00.000Z') };

/** What a desk that left a team may still hold: a revision it was in step with, a clash, the pull's checkpoint. */
async function leftFromTeam(database: RedressDatabase): Promise<void> {
  await database.syncRevs.put({ ref: 'case:zz-old', rev: '3-abc', body: { id: 'zz-old' } });
  await database.meta.bulkPut([
    { key: SHARING_META_KEYS.pulledSeq, value: 812 },
    { key: SHARING_META_KEYS.lastSynced, value: '2026-11-01T10:00:00.000Z' },
  ]);
}

/** The sharing state a desk in a team keeps in its meta table (its backups hold it). */
async function inTeam(database: RedressDatabase): Promise<void> {
  const membership = {
    serverUrl: 'https://couch.example:6984',
    database: 'complaints',
    user: 'desk-leeds',
    joinedAt: '2026-10-01T09:00:00.000Z',
    localStore: 'indexeddb',
  };
  await database.meta.bulkPut([
    { key: SHARING_META_KEYS.membership, value: membership },
    { key: SHARING_META_KEYS.lastSynced, value: '2026-11-20T16:00:00.000Z' },
    { key: SHARING_META_KEYS.pushedSeq, value: 4021 },
    { key: SHARING_META_KEYS.pulledSeq, value: 3980 },
  ]);
}

const sharingMeta = async (database: RedressDatabase) =>
  (await database.meta.bulkGet(Object.values(SHARING_META_KEYS))).filter((m) => m !== undefined);

describe('a restore on a lone desk leaves the outbox empty', () => {
  const modes: RestoreMode[] = ['into-empty', 'replace', 'merge'];
  for (const leftover of [false, true])
    for (const streamed of [false, true])
      it.each(modes)(
        `%s (${streamed ? 'streamed' : 'whole file'}${leftover ? ', sharing state left from a team' : ''})`,
        async (mode) => {
          const source = freshDatabase('lone');
          await seedDesk(source, 30, { seed: 3, letterEvery: 4, prefix: 'NEW' });
          const made = await makeBackup(source, { clock });
          const target = freshDatabase('lone');
          if (mode !== 'into-empty') await seedDesk(target, 20, { seed: 4, prefix: 'OLD' });
          if (leftover) await leftFromTeam(target);
          expect(target.sharing).toBe(false);
          const checked = streamed
            ? await checkBackupStreamed(target, made.file)
            : await readBackupFile(target, made.file);
          await restoreBackup(target, checked, { mode, by: 'Sam Patel', clock });
          expect(await target.cases.count()).toBe(mode === 'merge' ? 50 : 30);
          expect(await target.outbox.toArray()).toEqual([]);
        },
      );
});

describe('a backup made at a desk in a team does not make the desk it is restored into a member', () => {
  it.each(['into-empty', 'replace', 'merge'] as const)(
    '%s: none of the file’s sharing state is taken; the rest of its meta is',
    async (mode) => {
      const source = freshDatabase('lone');
      await seedDesk(source, 12, { seed: 5, prefix: 'NEW' });
      await inTeam(source);
      const made = await makeBackup(source, { clock });
      const backup = await readBackupFile(source, made.file);
      expect(backup.content.meta.map((m) => m.key)).toContain(SHARING_META_KEYS.membership);
      const target = freshDatabase('lone');
      if (mode !== 'into-empty') await seedDesk(target, 8, { seed: 6, prefix: 'OLD' });
      await restoreBackup(target, backup, { mode, by: 'Sam Patel', clock });
      expect(await sharingMeta(target)).toEqual([]);
      // The file's other facts are taken as before (seedDesk's last retention run).
      expect(await target.meta.get('retention.lastRun')).toEqual({ key: 'retention.lastRun', value: '2026-11-01' });
      expect(await target.outbox.count()).toBe(0);
    },
  );

  it('a replace drops the sharing state a desk kept from a team it left; a merge leaves it as it was', async () => {
    const source = freshDatabase('lone');
    await seedDesk(source, 6, { seed: 5, prefix: 'NEW' });
    const backup = await readBackupFile(source, (await makeBackup(source, { clock })).file);
    const replaced = freshDatabase('lone');
    const merged = freshDatabase('lone');
    for (const target of [replaced, merged]) {
      await seedDesk(target, 4, { seed: 6, prefix: 'OLD' });
      await leftFromTeam(target);
    }
    await restoreBackup(replaced, backup, { mode: 'replace', by: 'Sam Patel', clock });
    await restoreBackup(merged, backup, { mode: 'merge', by: 'Sam Patel', clock });
    expect(await sharingMeta(replaced)).toEqual([]);
    expect(await replaced.syncRevs.count()).toBe(0);
    expect((await sharingMeta(merged)).map((m) => m.key).sort()).toEqual(
      [SHARING_META_KEYS.lastSynced, SHARING_META_KEYS.pulledSeq].sort(),
    );
  });
});
