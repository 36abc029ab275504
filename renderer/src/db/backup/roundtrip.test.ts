// Proof: back up a desk of 10,000 cases (with their timelines and 200 letters), wipe the database, restore the file,
// and every table is deep-equal to what it was, the derived case index included (rebuilt by the restore).
import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { makeBackup, readBackupFile, restoreBackup } from './backup';
import { RedressDatabase } from '../schema';
import { closeAll, freshDatabase, seedDesk, snapshot } from '#test/support/backup';
import { ANONYMISED_HERE_KEY } from '#db/repositories/retention';

it('backup → wipe → restore gives back 10,000 cases deep-equal, letters byte for byte', async () => {
  const times: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    times[name] = Math.round(now - mark);
    mark = now;
  };

  const database = freshDatabase('roundtrip');
  const name = database.name;
  await seedDesk(database, 10_000, { letterEvery: 50 });
  const before = await snapshot(database);
  lap('seed + snapshot');
  expect(before.cases).toHaveLength(10_000);
  expect(before.letters).toHaveLength(200);
  const entries = (before.timelines as Array<{ entries: unknown[] }>).reduce((n, t) => n + t.entries.length, 0);
  expect(entries).toBeGreaterThan(50_000);

  const made = await makeBackup(database, { clock: { now: () => new Date('2026-11-22T14:30:00.000Z') } });
  lap('make backup');

  // Wipe: the whole IndexedDB database is deleted, as on a new PC.
  database.close();
  await database.delete();
  const empty = new RedressDatabase(name);
  expect(await empty.cases.count()).toBe(0);

  const decoded = await readBackupFile(empty, made.file);
  lap('read + check file');
  const report = await restoreBackup(empty, decoded, { mode: 'into-empty', by: 'Sam Patel' });
  lap('restore');
  expect(report.casesNow).toBe(10_000);

  const after = await snapshot(empty);
  const restoreRows = after.audit.filter((a) => (a as { kind: string }).kind === 'restore');
  expect(restoreRows).toHaveLength(1);
  // The restore adds its audit entry and this desk's own (empty) list of the cases it anonymised itself.
  const meta = after.meta.filter((m) => (m as { key: string }).key !== ANONYMISED_HERE_KEY);
  expect({ ...after, meta, audit: after.audit.filter((a) => !restoreRows.includes(a)) }).toEqual(before);
  // toEqual compares typed arrays element by element; say it in bytes too.
  const lettersBefore = new Map((before.letters as { id: string; bytes: Uint8Array }[]).map((l) => [l.id, l.bytes]));
  for (const letter of after.letters as { id: string; bytes: Uint8Array }[]) {
    expect(letter.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(letter.bytes).equals(Buffer.from(lettersBefore.get(letter.id)!))).toBe(true);
  }
  lap('compare');
  empty.close();
  await closeAll();
  console.info(
    `10,000 cases, ${entries} timeline entries, 200 letters; file ${(made.file.size / 1024 / 1024).toFixed(1)} MB; times (ms): ${JSON.stringify(times)}`,
  );
}, 300_000);
