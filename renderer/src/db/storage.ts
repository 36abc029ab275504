// Where the desk's database lives, and "Compact storage now" (issue #12, finding 12: erased means erased on disk too).
//
// Deleting rows from IndexedDB does not remove their bytes from disk: Chromium keeps IndexedDB in LevelDB, whose log
// and table files still hold deleted values until LevelDB happens to compact them; even deleting the whole database
// leaves its table files in place (measured with Chromium 150). What does remove them is deleting a STORAGE BUCKET
// (navigator.storageBuckets, Chromium 122+ on a secure origin): Chromium then deletes the bucket's folder at once. So
// compaction copies the database into a fresh bucket and deletes the old one, all or nothing:
//
//   1. note the new place as `next` (nothing switched yet), copy every table into it, check the counts;
//   2. switch: `current` becomes the new place and the old one is noted as `old` (one localStorage write);
//   3. delete the old place, then forget `old`.
//
// Killed before 2, the desk still uses the old copy and the half-made new one is deleted at the next start; killed
// after 2, the new copy is complete and the next start finishes deleting the old one. The desk's data is never only
// in memory.
//
// Where buckets are not available (another browser, an origin that is not secure) the copy goes to a new database of
// the page's own storage and the old database is deleted: IndexedDB no longer returns the erased data, but its bytes
// can stay in the browser's files until it compacts them, and the result says so. The page's default storage cannot
// be deleted as a bucket either, so a new desk starts in a bucket of its own (placeWithoutNote). A desk made before
// that lives in the default storage until its first move, which leaves there what it held until Chromium compacts
// those files: at most every one to three days, when nothing has used the store for a while. Writing throw-away data
// over them (purgeDefault) hastens that for a small desk only: at 100,000 cases nearly all the old bytes were still
// there after it (docs/user-guide.md, "Erased means erased on disk too").
import Dexie from 'dexie';
import { DB_NAME, RedressDatabase, switchToDatabase, writingCheckedBackup } from './schema';

/** A place for the database: a storage bucket (null: the page's default storage) and the database's name in it. */
export interface StorageLocation {
  bucket: string | null;
  name: string;
}

interface Pointer {
  current: StorageLocation;
  /** A copy being made, not yet switched to (an interrupted compaction: delete it). */
  next?: StorageLocation;
  /** The place switched away from, not yet deleted (an interrupted compaction: finish deleting it). */
  old?: StorageLocation;
}

/** The browser's storage, as compaction needs it (tests use fake-indexeddb factories). */
export interface StorageHost {
  /** True when storage buckets can be made and deleted (deleting one removes its files from disk). */
  readonly buckets: boolean;
  /** The IndexedDB of a bucket (opened or made), or of the page's default storage. */
  factory(bucket: string | null): Promise<IDBFactory>;
  /** Delete a bucket and everything in it. */
  deleteBucket(bucket: string): Promise<void>;
  /** The names of the origin's buckets. */
  bucketNames(): Promise<string[]>;
  /**
   * After a database of the default storage is deleted: push its old bytes out of the browser's files (best effort).
   * Chromium compacts LevelDB files once enough new data is written; writing and deleting ~24 MB of random rows
   * removed every trace of a small desk's deleted rows (see the e2e test), but almost none of a desk of 100,000 cases
   * (about 1 GB of files), and no browser promises it.
   */
  purgeDefault?(): Promise<void>;
  /** Run `work` holding the origin's one storage lock (Web Locks); absent: no other window to wait for (tests). */
  lock?<T>(work: () => Promise<T>): Promise<T>;
}

/** Where the pointer is kept: a synchronous store that survives a reload (localStorage in the app). */
export interface PointerStore {
  read(): string | null;
  write(value: string | null): void;
}

export const POINTER_KEY = 'redress.storage';
/** The Web Lock a move of the database holds (./storage.ts holdStorage). */
const STORAGE_LOCK = 'redress-storage';
const DEFAULT_LOCATION: StorageLocation = { bucket: null, name: DB_NAME };

/** Whether a place's data is kept when the disk runs low (a storage bucket's own, or the page's StorageManager's). */
export interface Persistence {
  persisted(): Promise<boolean>;
  persist(): Promise<boolean>;
}

interface StorageBucketManagerLike {
  open(
    name: string,
    options?: { durability?: 'strict' | 'relaxed'; persisted?: boolean },
  ): Promise<{ indexedDB: IDBFactory } & Partial<Persistence>>;
  delete(name: string): Promise<void>;
  keys(): Promise<string[]>;
}

/** What of the browser's navigator the desk's storage uses (absent in Node and where a browser lacks them). */
const browser = () =>
  globalThis.navigator as
    { storageBuckets?: StorageBucketManagerLike; locks?: LockManager; storage?: Partial<StorageManager> } | undefined;

/** The browser's own storage: buckets where the browser has them. */
export function browserStorageHost(): StorageHost {
  const manager = browser()?.storageBuckets;
  const locks = browser()?.locks;
  return {
    buckets: manager !== undefined,
    async factory(bucket) {
      if (bucket === null) return indexedDB;
      if (!manager) throw new Error('This browser has no storage buckets.');
      return (await manager.open(bucket, { durability: 'strict', persisted: true })).indexedDB;
    },
    async deleteBucket(bucket) {
      if (!manager) throw new Error('This browser has no storage buckets.');
      await manager.delete(bucket);
    },
    bucketNames: async () => (manager ? manager.keys() : []),
    purgeDefault: () => churn(indexedDB),
    ...(locks ? { lock: <T>(work: () => Promise<T>) => locks.request(STORAGE_LOCK, work) as Promise<T> } : {}),
  };
}

/** Write and delete enough random data in a scratch database of `factory` that LevelDB compacts its files. */
async function churn(factory: IDBFactory, batches = 12, rowsPerBatch = 1000, bytesPerRow = 2048): Promise<void> {
  const scratch = new Dexie(`${DB_NAME}-scratch`, { indexedDB: factory, IDBKeyRange });
  scratch.version(1).stores({ junk: 'id' });
  try {
    for (let b = 0; b < batches; b += 1) {
      const rows = Array.from({ length: rowsPerBatch }, (_, i) => ({
        id: `${b}-${i}`,
        bytes: crypto.getRandomValues(new Uint8Array(bytesPerRow)),
      }));
      await scratch.table('junk').bulkPut(rows);
    }
  } finally {
    await scratch.delete();
  }
}

export function localStoragePointer(): PointerStore {
  return {
    read: () => globalThis.localStorage?.getItem(POINTER_KEY) ?? null,
    write: (value) =>
      value === null
        ? globalThis.localStorage?.removeItem(POINTER_KEY)
        : globalThis.localStorage?.setItem(POINTER_KEY, value),
  };
}

function isLocation(value: unknown): value is StorageLocation {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    (v.bucket === null || (typeof v.bucket === 'string' && v.bucket !== '')) &&
    typeof v.name === 'string' &&
    v.name !== ''
  );
}

function readPointer(store: PointerStore): Pointer {
  const raw = store.read();
  if (raw === null) return { current: DEFAULT_LOCATION };
  try {
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    if (isLocation(parsed.current)) {
      return {
        current: parsed.current,
        ...(isLocation(parsed.next) ? { next: parsed.next } : {}),
        ...(isLocation(parsed.old) ? { old: parsed.old } : {}),
      };
    }
  } catch {
    // fall through
  }
  throw new Error(
    `The note of where the desk's database is kept (${POINTER_KEY}) cannot be read: ${raw.slice(0, 200)}`,
  );
}

const writePointer = (store: PointerStore, pointer: Pointer) =>
  store.write(
    same(pointer.current, DEFAULT_LOCATION) && !pointer.next && !pointer.old ? null : JSON.stringify(pointer),
  );

const same = (a: StorageLocation, b: StorageLocation) => a.bucket === b.bucket && a.name === b.name;

/** Delete a place: its bucket when it has one (files removed), else its database (rows removed). */
async function drop(host: StorageHost, location: StorageLocation): Promise<void> {
  if (location.bucket !== null) await host.deleteBucket(location.bucket);
  else {
    await new Dexie(location.name, { indexedDB: await host.factory(null), IDBKeyRange }).delete();
    await host.purgeDefault?.();
  }
}

/** Open a RedressDatabase at a place. */
export async function databaseAt(host: StorageHost, location: StorageLocation): Promise<RedressDatabase> {
  return new RedressDatabase(location.name, { indexedDB: await host.factory(location.bucket), IDBKeyRange });
}

/**
 * Finish or roll back an interrupted or finished move (delete its half-made copy, or the old place it left), and say
 * where the desk's database is. Never deletes the current place.
 */
export function prepareStorage(host: StorageHost, store: PointerStore): Promise<StorageLocation> {
  return holdStorage(host, async () => {
    const current = await currentPlace(host, store);
    const pointer = readPointer(store);
    if (pointer.next && !same(pointer.next, current)) await drop(host, pointer.next);
    if (pointer.old && !same(pointer.old, current)) await drop(host, pointer.old);
    writePointer(store, { current });
    return current;
  });
}

/** Where the desk's database is now, deleting nothing (call it holding the storage lock). */
async function currentPlace(host: StorageHost, store: PointerStore): Promise<StorageLocation> {
  if (store.read() === null) writePointer(store, { current: await placeWithoutNote(host) });
  return readPointer(store).current;
}

const BUCKET_PREFIX = 'redress-';
/** A fresh place for the desk's database, named after `stamp` (a new desk, or the copy a move makes). */
const freshPlace = (host: StorageHost, stamp: string): StorageLocation =>
  host.buckets ? { bucket: `${BUCKET_PREFIX}${stamp}`, name: DB_NAME } : { bucket: null, name: `${DB_NAME}-${stamp}` };

/**
 * With no note of where the desk is (a first start, or the browser's local storage cleared): a desk in the page's
 * default storage stays there (every desk made before buckets); else a desk already moved into a bucket is found again,
 * rather than starting an empty desk beside it; else this is a new desk, and it starts in a bucket of its own, so that
 * "Compact storage now" can always delete its old copy outright (deleting a database of the default storage leaves its
 * bytes in the browser's files until Chromium compacts them: at 100,000 cases nearly all of them, docs/user-guide.md).
 */
async function placeWithoutNote(host: StorageHost): Promise<StorageLocation> {
  if (!host.buckets) return DEFAULT_LOCATION;
  const inDefault = (await (await host.factory(null)).databases()).some((d) => d.name === DB_NAME);
  if (inDefault) return DEFAULT_LOCATION;
  const names = (await host.bucketNames()).filter((name) => name.startsWith(BUCKET_PREFIX));
  if (names.length === 0) return freshPlace(host, Date.now().toString(36));
  const stamp = (name: string) => parseInt(name.slice(BUCKET_PREFIX.length), 36) || 0;
  const newest = names.sort((a, b) => stamp(b) - stamp(a))[0];
  return { bucket: newest, name: DB_NAME };
}

export interface CompactionResult {
  location: StorageLocation;
  /** Rows copied, all tables. */
  rows: number;
  /** True when the old copy's files were deleted from disk (it was in a bucket); false: its bytes were only pushed out by writing over them (best effort). */
  oldFilesRemoved: boolean;
  /** True when the new copy is in a bucket, so the next compaction removes its files. */
  inBucket: boolean;
}

/** Rows copied per write. */
const COPY_CHUNK = 2000;

/**
 * Step 1 of a move (see the top of this file): a fresh place noted as `next`, nothing switched yet. Call it holding
 * the storage lock (`holdStorage`), and end the move with `switchStorage` or `abandonMove`.
 */
function beginMove(host: StorageHost, store: PointerStore, now: () => number = Date.now): StorageLocation {
  const { current } = readPointer(store);
  const next = freshPlace(host, now().toString(36));
  writePointer(store, { current, next });
  return next;
}

/** A move that failed: the half-made copy at `next` deleted, the desk still where it was. */
async function abandonMove(host: StorageHost, store: PointerStore, next: StorageLocation): Promise<void> {
  const { current } = readPointer(store);
  await drop(host, next).catch(() => undefined);
  writePointer(store, { current });
}

/**
 * Step 2 of a move: `next` (complete and closed) becomes the desk's database; the old place is noted as `old`, which
 * `finishMove` (or, after a reload, `prepareStorage`) deletes. Every window must reload to use the new place.
 */
export function switchStorage(store: PointerStore, next: StorageLocation): void {
  const { current } = readPointer(store);
  writePointer(store, { current: next, old: current });
}

/** Step 3 of a move: the old place deleted. `database` (open there) is closed first. */
export async function finishMove(host: StorageHost, store: PointerStore, database: RedressDatabase): Promise<boolean> {
  const { current, old } = readPointer(store);
  database.close();
  if (old) await drop(host, old);
  writePointer(store, { current });
  return old !== undefined && old.bucket !== null;
}

/**
 * Run `work` holding the origin's storage lock (Web Locks, across every window and worker of the app): a move holds
 * it from `beginMove` to its end, and a window starting meanwhile waits in `prepareStorage` rather than deleting the
 * copy being made as an interrupted one.
 */
export function holdStorage<T>(host: StorageHost, work: () => Promise<T>): Promise<T> {
  return host.lock ? host.lock(work) : work();
}

/** True while a window or worker of the app holds the storage lock (a move under way); false where there are no locks. */
export async function storageBusy(): Promise<boolean> {
  const locks = browser()?.locks;
  if (!locks) return false;
  const { held = [] } = await locks.query();
  return held.some((lock) => lock.name === STORAGE_LOCK);
}

/**
 * Copy the database into a fresh place, switch to it and delete the old one (see the top of this file). `database` is
 * the open current database; it is closed at the end. The caller reloads the app (every window) to use the new place.
 * `failAfter` (tests) throws at a named step, as a killed tab would stop there.
 */
export function compactStorage(
  database: RedressDatabase,
  host: StorageHost,
  store: PointerStore,
  options: {
    now?: () => number;
    onProgress?: (copied: number, total: number) => void;
    failAfter?: 'copy' | 'switch';
  } = {},
): Promise<CompactionResult> {
  const { current } = readPointer(store);
  if (current.name !== database.name)
    return Promise.reject(
      new Error(`The open database (${database.name}) is not the desk's current one (${current.name}).`),
    );
  return moveDesk(
    database,
    host,
    store,
    async (next) => {
      let rows = 0;
      const target = await databaseAt(host, next);
      try {
        await target.open();
        const tables = database.tables.map((t) => t.name);
        const counts = await Promise.all(tables.map((name) => database.table(name).count()));
        const total = counts.reduce((a, b) => a + b, 0);
        for (const [i, name] of tables.entries()) {
          const from = database.table(name);
          const to = target.table(name);
          const keyPath = from.schema.primKey.keyPath;
          if (typeof keyPath !== 'string') throw new Error(`The table ${name} has no simple key.`);
          let after: unknown = null;
          for (;;) {
            const page: unknown[] = await (after === null ? from.orderBy(':id') : from.where(':id').above(after))
              .limit(COPY_CHUNK)
              .toArray();
            if (page.length === 0) break;
            // Every table has its key in the row (inbound keys). The rows are copied as they are stored: they were
            // checked when written, and a row from before a limit existed must move too, so the write-time check is
            // not repeated.
            await target.transaction('rw', to, async (tx) => {
              writingCheckedBackup(tx);
              await to.bulkPut(page);
            });
            rows += page.length;
            options.onProgress?.(rows, total);
            after = (page[page.length - 1] as Record<string, unknown>)[keyPath];
          }
          const copied = await to.count();
          if (copied !== counts[i]) throw new Error(`The copy of ${name} holds ${copied} rows, not ${counts[i]}.`);
        }
        if (options.failAfter === 'copy') throw new Error('Stopped after the copy (test).');
      } finally {
        target.close();
      }
      // The switch: from here on the new copy is the desk's database.
      switchStorage(store, next);
      if (options.failAfter === 'switch') throw new Error('Stopped after the switch (test).');
      const oldFilesRemoved = await finishMove(host, store, database);
      return { location: next, rows, oldFilesRemoved, inBucket: next.bucket !== null };
    },
    options.now,
  );
}

/**
 * A move of the desk's database (see the top of this file), holding the storage lock: this window's `database` is held
 * and the app's other windows are told to hold theirs (a change made in the copy being left would be lost), a fresh
 * place is noted, and `work` makes the copy there and switches to it. A failure before the switch deletes the half-made
 * copy and lets go of the holds; after the switch the desk has moved, so this window stays held until it reloads.
 */
export function moveDesk<T>(
  database: RedressDatabase,
  host: StorageHost,
  store: PointerStore,
  work: (next: StorageLocation) => Promise<T>,
  now?: () => number,
): Promise<T> {
  return holdStorage(host, async () => {
    database.held = true;
    tellOtherWindows('hold');
    let next: StorageLocation | null = null;
    try {
      next = beginMove(host, store, now);
      return await work(next);
    } catch (error) {
      if (!next || !same(readPointer(store).current, next)) {
        try {
          if (next) await abandonMove(host, store, next);
        } finally {
          database.held = false;
          tellOtherWindows('resume');
        }
      }
      throw error;
    }
  });
}

/**
 * At app start: make `db()` the desk's current database (under the storage lock, so a move another window has begun
 * is waited for). What a move left behind is deleted later, by tidyAfterMove.
 */
export async function startStorage(
  host: StorageHost = browserStorageHost(),
  store: PointerStore = localStoragePointer(),
): Promise<void> {
  const location = await holdStorage(host, () => currentPlace(host, store));
  switchToDatabase(await databaseAt(host, location));
  here = location;
}

/**
 * Finish or roll back a move of the database in the background (prepareStorage: the old copy a switch left, or the
 * half-made copy of an interrupted move, deleted under the storage lock). Called once the app has drawn: deleting the
 * old database of a 100,000-case desk took 22 s in Chromium 156 (the app, just reloaded onto the restored desk, stood
 * blank meanwhile when it came first), and writing over default storage's files after it (purgeDefault) competed with
 * the start's own reads. Only when a move left something: nearly every start has nothing to tidy.
 */
export function tidyAfterMove(
  host: StorageHost = browserStorageHost(),
  store: PointerStore = localStoragePointer(),
): Promise<void> {
  const { next, old } = readPointer(store);
  if (!next && !old) return Promise.resolve();
  return prepareStorage(host, store).then(
    () => undefined,
    (error: unknown) =>
      console.warn('Redress: what a move of the database left behind could not be deleted yet.', error),
  );
}

/**
 * A replace restored at `into` (a new place, ./backup/client.ts) or over the desk's database: the database at that
 * place opened for `work` and closed after. One way for the page's thread and the backup worker.
 */
export async function withDatabaseAt<T>(
  into: StorageLocation | undefined,
  work: (database: RedressDatabase | undefined) => Promise<T>,
  host: StorageHost = browserStorageHost(),
): Promise<T> {
  const target = into ? await databaseAt(host, into) : undefined;
  try {
    return await work(target);
  } finally {
    target?.close();
  }
}

let here: StorageLocation = DEFAULT_LOCATION;

/**
 * The persistence of the place the desk's database is in: after "Compact storage now" or a replace-restore that is a
 * storage bucket, whose data the browser keeps or evicts apart from the page's default storage. Null where the browser
 * cannot tell.
 */
export async function deskPersistence(): Promise<Persistence | null> {
  const nav = browser();
  if (here.bucket !== null && nav?.storageBuckets) {
    const bucket = await nav.storageBuckets.open(here.bucket);
    if (bucket.persisted && bucket.persist) return bucket as Persistence;
  }
  const m = nav?.storage;
  return m?.persisted && m.persist ? (m as Persistence) : null;
}

/** Where this page's `db()` is (the backup worker is told, so it opens the same database). */
export function currentLocation(): StorageLocation {
  return here;
}

/**
 * Whether the note of where the desk is says anything but the place this window opened: a move finished (another
 * current place, or an old one still to delete) or one stopped part-way (a copy still to delete). Read by a window that
 * was held while another moved the desk, once the mover lets the storage lock go: then it must reload. Unchanged, the
 * move failed and was rolled back, and the window carries on. An unreadable note counts as changed (the start reports
 * it).
 */
export function deskPlaceChanged(store: PointerStore = localStoragePointer(), opened: StorageLocation = here): boolean {
  try {
    const pointer = readPointer(store);
    return !same(pointer.current, opened) || pointer.next !== undefined || pointer.old !== undefined;
  } catch {
    return true;
  }
}

/** In a worker: make `db()` the database at `location` (the page's), once. */
export async function switchToDatabaseAt(
  location: StorageLocation,
  host: StorageHost = browserStorageHost(),
): Promise<void> {
  if (opened) {
    if (!same(opened, location)) throw new Error("The desk's database has moved: reload the app.");
    return;
  }
  opened = location;
  switchToDatabase(await databaseAt(host, location));
}
let opened: StorageLocation | null = null;

/** Every window reloads once the database has moved (BroadcastChannel reaches the other windows of the app). */
const STORAGE_CHANNEL = 'redress-storage';

/**
 * What a window tells the app's other windows about the database: it has moved (reload to use it), a move is under
 * way (hold: refuse writes, which would be left behind), or the move failed (resume writing).
 */
export type StorageMessage = 'moved' | 'hold' | 'resume';

let channel: BroadcastChannel | null = null;

/**
 * This window's one channel to the app's other windows (null where there are none): it listens on it and tells the
 * others on it. A BroadcastChannel never hands a message to the object that posted it, so a window does not hear what
 * it told the others. With a channel of its own for telling, the moving window took its own "hold" for another
 * window's: it said "Another window of Redress is restoring…" about itself, and when its move failed it could reload
 * before its own "resume" arrived, losing the words that said why (storage-full.spec.ts failed about 1 run in 5).
 */
export function storageChannel(): BroadcastChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  channel ??= new BroadcastChannel(STORAGE_CHANNEL);
  return channel;
}

export function tellOtherWindows(message: StorageMessage): void {
  storageChannel()?.postMessage(message);
}
