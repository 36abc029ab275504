// A lone desk (not in a team: the database's `sharing` off) writes no outbox rows, whatever writes: a restore in every
// mode, whole or streamed, with or without sharing state left from a team it belonged to earlier (issue #14: a lone
// desk behaves exactly as before sharing existed). The outbox of a desk that shares is tested in ../outbox.test.ts.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, freshDatabase, seedDesk } from '#test/support/backup';
import type { RedressDatabase } from '../schema';
import { checkBackupStreamed, makeBackup, readBackupFile, restoreBackup, type RestoreMode } from './backup';

afterEach(closeAll);

const clock = { now: () => new Date('2026-11-23T09:00:00.000Z') };

/** What a desk that left a team may still hold: a revision it was in step with, a clash, the pull's checkpoint. */
async function leftFromTeam(database: RedressDatabase): Promise<void> {
  await database.syncRevs.put({ ref: 'case:zz-old', rev: '3-abc', body: { id: 'zz-old' } });
  await database.meta.bulkPut([
    { key: 'sync-pulled-seq', value: 812 },
    { key: 'sharing-last-synced', value: '2026-11-01T10:00:00.000Z' },
  ]);
}

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
