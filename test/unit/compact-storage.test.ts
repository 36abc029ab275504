// "Compact storage now" (issue #12, finding 12) in Node: buckets are separate fake-indexeddb factories. The copy is
// complete, the switch is all or nothing, and an interrupted compaction is rolled back or finished at the next start.
import 'fake-indexeddb/auto';
import { IDBFactory as FakeFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { RecordRefusal } from '#shared/model/refusals';
import { DB_NAME, type RedressDatabase, writingCheckedBackup } from '#db/schema';
import {
  compactStorage,
  currentLocation,
  deskPlaceChanged,
  databaseAt,
  POINTER_KEY,
  prepareStorage,
  type PointerStore,
  startStorage,
  type StorageHost,
  tidyAfterMove,
} from '#db/storage';
import { db } from '#db/schema';

/** A browser with storage buckets: each bucket its own IndexedDB; deleting one forgets it entirely. */
function fakeHost(buckets = true) {
  const defaultFactory = new FakeFactory();
  const made = new Map<string, IDBFactory>();
  const host: StorageHost & { made: Map<string, IDBFactory> } = {
    buckets,
    made,
    async factory(bucket) {
      if (bucket === null) return defaultFactory;
      let f = made.get(bucket);
      if (!f) made.set(bucket, (f = new FakeFactory()));
      return f;
    },
    async deleteBucket(bucket) {
      made.delete(bucket);
    },
    bucketNames: async () => [...made.keys()],
    lock: oneAtATime(),
  };
  return host;
}

/** The origin's storage lock (Web Locks in the browser): one holder at a time, the others wait their turn. */
function oneAtATime(): NonNullable<StorageHost['lock']> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>) => {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  };
}

function memoryPointer(): PointerStore & { value: string | null } {
  const p = {
    value: null as string | null,
    read: () => p.value,
    write: (v: string | null) => {
      p.value = v;
    },
  };
  return p;
}

async function seed(database: RedressDatabase, cases = 2500) {
  await database.cases.bulkAdd(
    Array.from({ length: cases }, (_, i) => ({
      id: `c${String(i).padStart(5, '0')}`,
      reference: `RDR-2026-${String(i + 1).padStart(6, '0')}`,
      receivedOn: '2026-11-18',
      channel: 'letter' as const,
      customer: { name: i === 7 ? 'Anonymised' : `Customer ${i}` },
      category: 'billing' as const,
      summary: 'x',
      procedureId: 'ofcom',
      calendar: 'england-and-wales' as const,
      stage: '',
      status: 'open' as const,
      createdAt: '2026-11-18T10:00:00.000Z',
      updatedAt: '2026-11-18T10:00:00.000Z',
    })),
  );
  await database.meta.put({ key: 'lastBackupAt', value: '2026-11-30T10:00:00.000Z' });
  await database.letters.add({
    id: 'l1',
    caseId: 'c00001',
    kind: 'acknowledgement',
    fileName: 'a.pdf',
    issuedOn: '2026-11-18',
    issuedAt: '2026-11-18T10:00:00.000Z',
    sha256: 'ab'.repeat(32),
    bytes: new Uint8Array([1, 2, 3]),
  } as never);
}

/** The desk's database made in the page's default storage, as every desk made before buckets was (it stays there). */
async function madeBeforeBuckets(host: StorageHost) {
  const old = await databaseAt(host, { bucket: null, name: DB_NAME });
  await old.open();
  old.close();
}

/** A desk of `cases` cases in the page's default storage, as it is before any move, and its rows. */
async function seededDesk(cases: number) {
  const host = fakeHost();
  const pointer = memoryPointer();
  await madeBeforeBuckets(host);
  const database = await databaseAt(host, await prepareStorage(host, pointer));
  await seed(database, cases);
  return { host, pointer, database, before: await contents(database) };
}

async function contents(database: RedressDatabase) {
  const out: Record<string, unknown[]> = {};
  for (const t of database.tables) out[t.name] = await t.toArray();
  return out;
}

describe('compact storage', () => {
  it('a new desk starts in a bucket of its own, so that its first compaction deletes the old copy outright', async () => {
    const host = fakeHost();
    const pointer = memoryPointer();
    const location = await prepareStorage(host, pointer);
    expect(location).toEqual({ bucket: expect.stringMatching(/^redress-[0-9a-z]+$/), name: DB_NAME });
    expect(JSON.parse(pointer.value!)).toEqual({ current: location });
    const database = await databaseAt(host, location);
    await seed(database, 20);
    const before = await contents(database);
    // Nothing of the desk in the page's default storage; the next start opens the same place.
    expect((await (await host.factory(null)).databases()).map((d) => d.name)).not.toContain(DB_NAME);
    expect(await prepareStorage(host, pointer)).toEqual(location);
    const result = await compactStorage(database, host, pointer, { now: () => 36 ** 6 });
    expect(result).toMatchObject({ location: { bucket: 'redress-1000000' }, oldFilesRemoved: true, inBucket: true });
    expect([...host.made.keys()]).toEqual(['redress-1000000']);
    const moved = await databaseAt(host, await prepareStorage(host, pointer));
    expect(await contents(moved)).toEqual(before);
    moved.close();
  });

  it('a desk made before buckets stays in the default storage until its first compaction moves it to a bucket', async () => {
    const host = fakeHost();
    const pointer = memoryPointer();
    await madeBeforeBuckets(host);
    const first = await databaseAt(host, await prepareStorage(host, pointer));
    expect(first.name).toBe(DB_NAME);
    await seed(first);
    const before = await contents(first);
    const result = await compactStorage(first, host, pointer, { now: () => 1 });
    expect(result).toMatchObject({
      location: { bucket: 'redress-1', name: DB_NAME },
      oldFilesRemoved: false,
      inBucket: true,
    });
    const second = await databaseAt(host, await prepareStorage(host, pointer));
    expect(await contents(second)).toEqual(before);
    expect(JSON.parse(pointer.value!)).toEqual({ current: { bucket: 'redress-1', name: DB_NAME } });
    // The default storage's database is gone.
    expect((await (await host.factory(null)).databases()).map((d) => d.name)).not.toContain(DB_NAME);
    // A second compaction deletes the first bucket itself.
    const again = await compactStorage(second, host, pointer, { now: () => 2 });
    expect(again.oldFilesRemoved).toBe(true);
    expect([...host.made.keys()]).toEqual(['redress-2']);
    const third = await databaseAt(host, await prepareStorage(host, pointer));
    expect(await contents(third)).toEqual(before);
    third.close();
  });

  it("moves a row stored before a limit existed (a 9-line address) as it is: compaction never refuses the desk's own rows", async () => {
    const { host, pointer, database } = await seededDesk(10);
    // Written as a restore of an old backup writes it: over today's address limits, kept as it was.
    const old = {
      ...(await database.cases.get('c00003'))!,
      customer: {
        name: 'Old Case',
        address: { lines: Array.from({ length: 9 }, (_, i) => `Line ${i + 1}`), postcode: 'LS1 1AA' },
      },
    };
    await database.transaction('rw', database.cases, async (tx) => {
      writingCheckedBackup(tx);
      await database.cases.put(old);
    });
    await expect(database.cases.put({ ...old, id: 'c99999', reference: 'RDR-2026-099999' })).rejects.toThrow(/address/);
    const before = await contents(database);
    await compactStorage(database, host, pointer, { now: () => 5 });
    const moved = await databaseAt(host, await prepareStorage(host, pointer));
    expect(await contents(moved)).toEqual(before);
    expect((await moved.cases.get('c00003'))?.customer.address?.lines).toHaveLength(9);
    moved.close();
  });

  it('at the next start the desk opens on the new copy first; the old one is deleted only when the app asks after its first draw', async () => {
    const { host, pointer, database, before } = await seededDesk(50);
    // Stopped right after the switch: the old copy is left noted, as a replace-restore leaves it for the next start
    // (compaction itself deletes it at once).
    await expect(compactStorage(database, host, pointer, { now: () => 3, failAfter: 'switch' })).rejects.toThrow(
      /switch/,
    );
    database.close();
    expect(JSON.parse(pointer.value!).old).toEqual({ bucket: null, name: DB_NAME });
    const locks: string[] = [];
    const counting: StorageHost = { ...host, lock: (work) => (locks.push('lock'), host.lock!(work)) };

    await startStorage(counting, pointer);
    expect(currentLocation()).toEqual({ bucket: 'redress-3', name: DB_NAME });
    expect(await contents(db())).toEqual(before);
    // Opened, and nothing deleted yet.
    expect(JSON.parse(pointer.value!).old).toEqual({ bucket: null, name: DB_NAME });
    expect((await (await host.factory(null)).databases()).map((d) => d.name)).toContain(DB_NAME);

    await tidyAfterMove(counting, pointer);
    expect(JSON.parse(pointer.value!)).toEqual({ current: { bucket: 'redress-3', name: DB_NAME } });
    expect((await (await host.factory(null)).databases()).map((d) => d.name)).not.toContain(DB_NAME);
    expect(await contents(db())).toEqual(before);
    // Nothing left to tidy: the next start's tidy does not even take the lock.
    const taken = locks.length;
    await tidyAfterMove(counting, pointer);
    expect(locks.length).toBe(taken);
    db().close();
  });

  it('stopped after the copy, before the switch: the desk keeps its database and the next start deletes the half-made copy', async () => {
    const { host, pointer, database, before } = await seededDesk(100);
    // A tab killed mid-copy: the pointer names the new bucket as `next`, nothing switched.
    pointer.write(
      JSON.stringify({ current: { bucket: null, name: DB_NAME }, next: { bucket: 'redress-x', name: DB_NAME } }),
    );
    const half = await databaseAt(host, { bucket: 'redress-x', name: DB_NAME });
    await half.cases.bulkAdd((before.cases as never[]).slice(0, 10));
    half.close();
    database.close();
    const location = await prepareStorage(host, pointer);
    expect(location).toEqual({ bucket: null, name: DB_NAME });
    expect(host.made.has('redress-x')).toBe(false);
    expect(pointer.value).toBeNull();
    const reopened = await databaseAt(host, location);
    expect(await contents(reopened)).toEqual(before);
    reopened.close();
  });

  it('holds the desk while it copies: a change is refused, saying why, and a window starting waits for the switch', async () => {
    const { host, pointer, database } = await seededDesk(100);
    const seen: { change?: Promise<unknown>; start?: Promise<unknown> } = {};
    await compactStorage(database, host, pointer, {
      now: () => 5,
      onProgress: () => {
        // Another window starts (it would delete the copy being made as a half-made one) and this one writes.
        seen.start ??= prepareStorage(host, pointer);
        seen.change ??= database.cases.delete('c00001').catch((error: unknown) => error);
      },
    });
    expect(await seen.change).toBeInstanceOf(RecordRefusal);
    // The window that started meanwhile opens the new copy, complete.
    expect(await seen.start).toEqual({ bucket: 'redress-5', name: DB_NAME });
    const moved = await databaseAt(host, { bucket: 'redress-5', name: DB_NAME });
    expect(await moved.cases.get('c00001')).toBeDefined();
    moved.close();
  });

  it('a window held while another moved the desk reloads only when the note of where the desk is has changed', async () => {
    const { host, pointer, database } = await seededDesk(100);
    const opened = { bucket: null, name: DB_NAME }; // where this window opened the desk
    expect(deskPlaceChanged(pointer, opened)).toBe(false);
    // The move failed and was rolled back: the held window carries on, whether or not the mover's word has arrived.
    await expect(compactStorage(database, host, pointer, { failAfter: 'copy' })).rejects.toThrow();
    expect(deskPlaceChanged(pointer, opened)).toBe(false);
    // The mover closed or crashed mid-copy: its half-made copy is noted, and the start deletes it after a reload.
    pointer.write(
      JSON.stringify({ current: { bucket: null, name: DB_NAME }, next: { bucket: 'redress-x', name: DB_NAME } }),
    );
    expect(deskPlaceChanged(pointer, opened)).toBe(true);
    pointer.write(null);
    // The move finished: the desk is somewhere else now.
    await compactStorage(database, host, pointer, { now: () => 7 });
    expect(deskPlaceChanged(pointer, opened)).toBe(true);
    // A note nobody can read: reload, and the start says so.
    pointer.write('{not json');
    expect(deskPlaceChanged(pointer, opened)).toBe(true);
  });

  it('a failure during the copy changes nothing and leaves no half-made copy', async () => {
    const { host, pointer, database, before } = await seededDesk(100);
    await expect(compactStorage(database, host, pointer, { failAfter: 'copy' })).rejects.toThrow(
      'Stopped after the copy',
    );
    expect(pointer.value).toBeNull();
    expect(host.made.size).toBe(0);
    expect(await contents(database)).toEqual(before);
    // The desk takes changes again.
    expect(database.held).toBe(false);
    database.close();
  });

  it('stopped after the switch: the next start uses the complete new copy and finishes deleting the old one', async () => {
    const { host, pointer, database, before } = await seededDesk(100);
    await expect(compactStorage(database, host, pointer, { now: () => 5, failAfter: 'switch' })).rejects.toThrow(
      'Stopped after the switch',
    );
    database.close();
    expect(JSON.parse(pointer.value!)).toMatchObject({
      current: { bucket: 'redress-5' },
      old: { bucket: null, name: DB_NAME },
    });
    const location = await prepareStorage(host, pointer);
    expect(location).toEqual({ bucket: 'redress-5', name: DB_NAME });
    expect((await (await host.factory(null)).databases()).map((d) => d.name)).not.toContain(DB_NAME);
    const reopened = await databaseAt(host, location);
    expect(await contents(reopened)).toEqual(before);
    reopened.close();
  });

  it('without buckets, copies to a new database of the default storage and deletes the old one', async () => {
    const host = fakeHost(false);
    const pointer = memoryPointer();
    const database = await databaseAt(host, await prepareStorage(host, pointer));
    await seed(database, 50);
    const before = await contents(database);
    const result = await compactStorage(database, host, pointer, { now: () => 9 });
    expect(result).toMatchObject({
      location: { bucket: null, name: `${DB_NAME}-9` },
      oldFilesRemoved: false,
      inBucket: false,
    });
    const names = (await (await host.factory(null)).databases()).map((d) => d.name);
    expect(names).toEqual([`${DB_NAME}-9`]);
    const reopened = await databaseAt(host, await prepareStorage(host, pointer));
    expect(await contents(reopened)).toEqual(before);
    reopened.close();
  });

  it('finds a desk already moved into a bucket when the note of where it is has been lost', async () => {
    const { host, pointer, database, before } = await seededDesk(20);
    await compactStorage(database, host, pointer, { now: () => 36 ** 3 });
    pointer.write(null);
    const location = await prepareStorage(host, pointer);
    expect(location).toEqual({ bucket: 'redress-1000', name: DB_NAME });
    const reopened = await databaseAt(host, location);
    expect(await contents(reopened)).toEqual(before);
    reopened.close();
  });

  it('refuses to start on a pointer it cannot read, deleting nothing', async () => {
    const host = fakeHost();
    const pointer = memoryPointer();
    pointer.write('{not json');
    await expect(prepareStorage(host, pointer)).rejects.toThrow(POINTER_KEY);
    expect(pointer.value).toBe('{not json');
  });
});
