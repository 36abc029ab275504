// The one home of how a case's timeline is stored: every entry the desk's own code records, rewrites or removes, and
// every timeline it reads, goes through here (the lint checks the writes: build/lint/layers.ts), so that how entries lie
// in IndexedDB is this module's business. What moves entries as rows of a table, whatever they hold, does so by the
// table's name: the backup and restore (./backup), "Compact storage now" (./storage.ts), the team bridge (#sync), which
// finds an entry by its id alone, and the schema's upgrades (./schema.ts).
//
// Today an entry is a row of `events`, read by the `[caseId+at]` index (./schema.ts), its case's entries in `at`
// order. From schema version 14 the timeline entries have no index of their own on `caseId` (one LevelDB entry fewer
// for each of the 772,000 entries of 100,000 cases, on every download and restore).
//
// Every entry is in that index: `caseId` is an id and `at` a timestamp on every stored entry (shared/model/stored.ts
// `storedEvent`, checked on every write and restore; the version-14 upgrade gives an entry stored without a valid `at`
// one, ./schema.ts `timeEveryEntry`). An entry whose `at` were not a valid key would be left out of the index, and so
// out of its timeline.
import Dexie from 'dexie';
import type { TimelineEvent } from '#shared/model/case';
import type { RedressDatabase } from './schema';

/** The IndexedDB table the timelines are stored in (what moves rows by a table's name: backup, compaction, the team). */
export const TIMELINE_TABLE = 'events';

/** The index of the timeline entries: each case's together, in the order they were recorded. */
export const TIMELINE_INDEX = '[caseId+at]';

/** The range of one case's entries in TIMELINE_INDEX: any `at` at all. */
const caseRange = (caseId: string): [[string, unknown], [string, unknown]] => [
  [caseId, Dexie.minKey],
  [caseId, Dexie.maxKey],
];

/** A case's timeline entries in the layout's index (this module's own: everything else reads through `readTimeline`). */
function timelineOf(database: RedressDatabase, caseId: string) {
  return database.events.where(TIMELINE_INDEX).between(...caseRange(caseId), true, true);
}

/** A case's timeline entries, in the order they were recorded (in the caller's transaction, or on their own). */
export function readTimeline(database: RedressDatabase, caseId: string): Promise<TimelineEvent[]> {
  return timelineOf(database, caseId).toArray();
}

/** How many timeline entries the desk holds, all cases together. */
export function countEntries(database: RedressDatabase): Promise<number> {
  return database.events.count();
}

/** Every timeline entry the desk holds, each case's together in the order they were recorded. */
export function allEntries(database: RedressDatabase): Promise<TimelineEvent[]> {
  return database.events.orderBy(TIMELINE_INDEX).toArray();
}

/**
 * An entry named the way the team names it: its id, and its case's id where it is known (every entry a desk of this
 * version records or takes from its team names its case; a desk's entries are found through their case).
 */
export interface EntryRef {
  id: string;
  caseId?: string;
}

/** The entries these refs name, in their order (undefined: not on this desk). */
export function entriesByRef(
  database: RedressDatabase,
  refs: readonly EntryRef[],
): Promise<Array<TimelineEvent | undefined>> {
  return database.events.bulkGet(refs.map((r) => r.id));
}

/** Every entry on this desk, named by id and case (for a desk joining a team: what it uploads). */
export async function entryRefs(database: RedressDatabase): Promise<EntryRef[]> {
  const refs: EntryRef[] = [];
  await database.events.orderBy(TIMELINE_INDEX).eachPrimaryKey((id, cursor) => {
    refs.push({ id: id as string, caseId: (cursor.key as [string, unknown])[0] });
  });
  return refs;
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

/**
 * Record new entries, each on the timeline of the case it names. Entries are immutable: one whose id is stored
 * already is refused (with the whole write transaction), never overwritten. In the caller's write transaction, with
 * the tables ./case-index/derive.ts `caseWriteTables` names.
 */
export async function recordEntries(database: RedressDatabase, entries: readonly TimelineEvent[]): Promise<void> {
  if (entries.length === 1) await database.events.add(entries[0]);
  else if (entries.length > 0) await database.events.bulkAdd([...entries]);
}

/**
 * Store entries again with their personal data taken out (retention and erasure: shared/privacy/anonymise.ts), the
 * one change an entry ever takes. Same ids, same cases.
 */
export async function rewriteAnonymisedEntries(
  database: RedressDatabase,
  entries: readonly TimelineEvent[],
): Promise<void> {
  if (entries.length > 0) await database.events.bulkPut([...entries]);
}

/**
 * Store entries as they are given, each on its case's timeline: a new one added, one whose id is there already
 * replaced. For what moves entries that were recorded elsewhere: the bridge taking its team's (new ones, and an entry
 * anonymised at another desk in place of this desk's copy; it decides which) and a backup's merge. The desk's own code
 * records with `recordEntries`, which never replaces.
 */
export async function putEntries(database: RedressDatabase, entries: readonly TimelineEvent[]): Promise<void> {
  if (entries.length > 0) await database.events.bulkPut([...entries]);
}

/** Remove a case's whole timeline (the case itself is deleted in the same transaction). */
export async function removeTimeline(database: RedressDatabase, caseId: string): Promise<void> {
  await timelineOf(database, caseId).delete();
}
