// The desk's database, opened from a test's or a benchmark's page.evaluate where the app keeps it: every desk starts
// in a storage bucket of its own, named in localStorage (renderer/src/db/storage.ts); a desk made before that is in
// the page's default storage.
import type { BrowserContext } from '@playwright/test';

declare global {
  /** In the page: where the desk's database is, as the app noted it (the default storage when there is no note). */
  var redressDeskPlace: () => { bucket: string | null; name: string };
  /**
   * In the page (inside page.evaluate): the desk's database, opened where the app keeps it, or null when there is no
   * desk yet. Installed on every page by installDeskOpener.
   */
  var redressDesk: () => Promise<IDBDatabase | null>;
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
    globalThis.redressDesk = async () => {
      const place = redressDeskPlace();
      if (place.bucket === null && !(await indexedDB.databases()).some((d) => d.name === place.name)) return null;
      const buckets = (
        navigator as unknown as { storageBuckets: { open(name: string): Promise<{ indexedDB: IDBFactory }> } }
      ).storageBuckets;
      const factory = place.bucket === null ? indexedDB : (await buckets.open(place.bucket)).indexedDB;
      return new Promise<IDBDatabase>((resolve, reject) => {
        const open = factory.open(place.name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
    };
  });
}
