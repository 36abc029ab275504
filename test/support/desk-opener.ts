// The desk's database, opened from a test's or a benchmark's page.evaluate where the app keeps it: every desk starts
// in a storage bucket of its own, named in localStorage (renderer/src/db/storage.ts); a desk made before that is in
// the page's default storage.
import type { BrowserContext } from '@playwright/test';

declare global {
  /** In the page: where the desk's database is, as the app noted it (the default storage when there is no note). */
  var redressDeskPlace: () => { bucket: string | null; name: string };
  /**
   * In the page (inside page.evaluate): the desk's database, opened where the app keeps it, or null when there is no
   * desk yet. Installed on every page by installDeskOpener. Each step that waits on the browser (the bucket, the
   * database) fails after `limitMs` with an error naming it, rather than holding the test to its own time-out.
   */
  var redressDesk: (limitMs?: number) => Promise<IDBDatabase | null>;
  /** In the page: `promise`, or after `ms` an error saying what did not answer. */
  var redressWithin: <T>(promise: Promise<T>, ms: number, what: string) => Promise<T>;
  /**
   * In the page: the result of one request on the desk's database, or after 30 s an error naming `what`; the database
   * is closed either way.
   */
  var redressAnswer: <T>(database: IDBDatabase, request: IDBRequest<T>, what: string) => Promise<T>;
}

/**
 * Install `redressDesk()` on every page of a context (the fixture does it for the test's own context; a spec making
 * its own context calls this). The desk's database is where the note in localStorage says (a storage bucket: every
 * desk starts in one), else in the page's default storage (a desk made before buckets). Nothing is created: with no
 * note and no database in the default storage there is no desk yet.
 */
export async function installDeskOpener(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    globalThis.redressDeskPlace = () => {
      const raw = localStorage.getItem('redress.storage');
      return raw
        ? (JSON.parse(raw) as { current: { bucket: string | null; name: string } }).current
        : { bucket: null, name: 'redress' };
    };
    globalThis.redressWithin = <T>(promise: Promise<T>, ms: number, what: string) =>
      new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
        promise.then(
          (value) => {
            clearTimeout(timer);
            resolve(value);
          },
          (error: unknown) => {
            clearTimeout(timer);
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      });
    globalThis.redressAnswer = <T>(database: IDBDatabase, request: IDBRequest<T>, what: string) =>
      redressWithin(
        new Promise<T>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        }),
        30_000,
        what,
      ).finally(() => database.close());
    globalThis.redressDesk = async (limitMs = 20_000) => {
      const place = redressDeskPlace();
      if (
        place.bucket === null &&
        !(await redressWithin(indexedDB.databases(), limitMs, 'indexedDB.databases()')).some(
          (d) => d.name === place.name,
        )
      )
        return null;
      const buckets = (
        navigator as unknown as { storageBuckets: { open(name: string): Promise<{ indexedDB: IDBFactory }> } }
      ).storageBuckets;
      const factory =
        place.bucket === null
          ? indexedDB
          : (await redressWithin(buckets.open(place.bucket), limitMs, `storageBuckets.open('${place.bucket}')`))
              .indexedDB;
      let late = false;
      const opened = new Promise<IDBDatabase>((resolve, reject) => {
        const open = factory.open(place.name);
        open.onsuccess = () => {
          // Opened after the limit: closed at once, so it holds nothing up.
          if (late) open.result.close();
          else resolve(open.result);
        };
        open.onerror = () => reject(open.error);
      });
      return redressWithin(opened, limitMs, `opening the database '${place.name}'`).catch((error: unknown) => {
        late = true;
        throw error;
      });
    };
  });
}
