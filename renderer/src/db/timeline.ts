// The one way a case's timeline is read: by the `[caseId+at]` index (./schema.ts), its entries in `at` order. From
// schema version 14 the timeline entries have no index of their own on `caseId` (one LevelDB entry fewer for each of
// the 772,000 entries of 100,000 cases, on every download and restore), so every reader goes through here.
//
// Every entry is in that index: `caseId` is an id and `at` a timestamp on every stored entry (shared/model/stored.ts
// `storedEvent`, checked on every write and restore; the version-14 upgrade gives an entry stored without a valid `at`
// one, ./schema.ts `timeEveryEntry`). An entry whose `at` were not a valid key would be left out of the index, and so
// out of its timeline.
import Dexie from 'dexie';
import type { TimelineEvent } from '#shared/model/case';
import type { RedressDatabase } from './schema';

/** The index of the timeline entries: each case's together, in the order they were recorded. */
export const TIMELINE_INDEX = '[caseId+at]';

/** The range of one case's entries in TIMELINE_INDEX: any `at` at all. */
const caseRange = (caseId: string): [[string, unknown], [string, unknown]] => [
  [caseId, Dexie.minKey],
  [caseId, Dexie.maxKey],
];

/** A case's timeline entries, as a collection (read, count or delete it; in a transaction, or on their own). */
export function timelineOf(database: RedressDatabase, caseId: string) {
  return database.events.where(TIMELINE_INDEX).between(...caseRange(caseId), true, true);
}

/**
 * Several cases' timelines, each case's id mapped to its entries (none: an empty list). One index range per case,
 * all in flight at once: faster than one cursor over them all (`anyOf` over 1,000 ids took 23 s in fake-indexeddb,
 * these ranges 0.9 s). In the caller's transaction, or else in one read transaction of their own (not one each), so
 * they are read at one moment.
 */
export async function timelinesOf(
  database: RedressDatabase,
  caseIds: readonly string[],
): Promise<Map<string, TimelineEvent[]>> {
  const ids = [...new Set(caseIds)];
  const read = () => Promise.all(ids.map((id) => timelineOf(database, id).toArray()));
  const lists = await (Dexie.currentTransaction ? read() : database.transaction('r', database.events, read));
  return new Map(ids.map((id, i) => [id, lists[i]]));
}
