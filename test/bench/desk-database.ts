// The app's database where the desk keeps it, for the benchmarks' page code (seed-page.ts, letters-seed.ts): a storage
// bucket for a desk made now, the page's default storage for a desk made before buckets, or in Node (no buckets) the
// default storage of fake-indexeddb.
import type { RedressDatabase } from '#db/schema';
import { browserStorageHost, databaseAt, localStoragePointer, prepareStorage } from '#db/storage';

export async function deskDatabase(): Promise<RedressDatabase> {
  const host = browserStorageHost();
  return databaseAt(host, await prepareStorage(host, localStoragePointer()));
}
