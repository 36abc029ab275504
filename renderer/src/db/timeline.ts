// The one home of how a case's timeline is stored: every entry the desk's own code records, rewrites or removes, and
// every timeline it reads, goes through here (the lint checks the writes: build/lint/layers.ts), so that how entries lie
// in IndexedDB is this module's business. What moves rows of a table by its name, whatever they hold, does so with
// TIMELINE_TABLE: the backup and restore (./backup), "Compact storage now" (./storage.ts), the team bridge (#sync) and
// the schema's upgrades (./schema.ts).
//
// From schema version 15 a case's whole timeline is ONE row of `timelines` (`TimelineRow`), keyed by the case's id, its
// entries in the order they were recorded (`at`, then `id`: the order the `[caseId+at]` index of versions 1–14 gave).
// IndexedDB's cost is per row, not per byte: 772,000 entries of 100,000 cases were 772,000 rows to write on every
// restore or first download, and are now 100,000 (docs/performance.md, "A case's timeline in one row"). Recording an
// entry reads and rewrites its case's row, in the caller's write transaction.
//
// Entries stay what they were everywhere else: immutable documents in the team store (`entry:<id>`, each naming its
// case) and rows of the `events` table in a backup file. A desk finds an entry through its case: the outbox names an
// entry's case beside its id (./outbox.ts), and a document from the team carries its `caseId`.
import Dexie from 'dexie';
import { compareRecorded, recordedAfter, type TimelineEvent } from '#shared/model/case';
import type { RedressDatabase } from './schema';

/** The IndexedDB table the timelines are stored in (what moves rows by a table's name: backup, compaction, the team). */
export const TIMELINE_TABLE = 'timelines';

/** A case's timeline: its entries in the order they were recorded. */
export interface TimelineRow {
  caseId: string;
  entries: TimelineEvent[];
  /** How many entries (indexed: the desk's entries are counted from the index's keys, without reading a timeline). */
  entryCount: number;
}

/** The schema of TIMELINE_TABLE (./schema.ts). */
export const TIMELINE_STORE = 'caseId, entryCount';

/**
 * The order entries lie in a row: the order they were recorded in (`compareRecorded`: by `at`, a letter before the step
 * it records in the same moment, then by id), which the case page shows.
 */
export const byRecording: (a: TimelineEvent, b: TimelineEvent) => number = compareRecorded;

/** A case's row holding these entries (sorted here). */
export function timelineRow(caseId: string, entries: TimelineEvent[]): TimelineRow {
  return { caseId, entries: entries.sort(byRecording), entryCount: entries.length };
}

/** Entries grouped by their case, in the order each case first appears. */
function byCase(entries: readonly TimelineEvent[]): Map<string, TimelineEvent[]> {
  const cases = new Map<string, TimelineEvent[]>();
  for (const e of entries) {
    const list = cases.get(e.caseId);
    if (list) list.push(e);
    else cases.set(e.caseId, [e]);
  }
  return cases;
}

const table = (database: RedressDatabase) => database.timelines;

/** Run `work` in the caller's transaction, or in a read-write one of its own over the timelines. */
function inWrite<T>(database: RedressDatabase, work: () => Promise<T>): Promise<T> {
  return Dexie.currentTransaction ? work() : database.transaction('rw', table(database), work);
}

/** A case's timeline entries, in the order they were recorded (in the caller's transaction, or on their own). */
export async function readTimeline(database: RedressDatabase, caseId: string): Promise<TimelineEvent[]> {
  // Sorted again: a row written before a letter came first in its moment (byRecording) still holds the old order.
  return ((await table(database).get(caseId))?.entries ?? []).sort(byRecording);
}

/**
 * Several cases' timelines, each case's id mapped to its entries (none: an empty list). One request for them all; in
 * the caller's transaction, or else in a read transaction of its own, so they are read at one moment.
 */
export async function timelinesOf(
  database: RedressDatabase,
  caseIds: readonly string[],
): Promise<Map<string, TimelineEvent[]>> {
  const ids = [...new Set(caseIds)];
  const rows = await table(database).bulkGet(ids);
  return new Map(ids.map((id, i) => [id, rows[i]?.entries ?? []]));
}

/** How many timeline entries the desk holds, all cases together (from the `entryCount` index: no timeline is read). */
export async function countEntries(database: RedressDatabase): Promise<number> {
  const counts = (await table(database).orderBy('entryCount').keys()) as number[];
  let sum = 0;
  for (const n of counts) sum += n;
  return sum;
}

/** Every timeline entry the desk holds, each case's together in the order they were recorded, the cases in id order. */
export async function allEntries(database: RedressDatabase): Promise<TimelineEvent[]> {
  const all: TimelineEvent[] = [];
  await table(database).each((row) => {
    for (const e of row.entries) all.push(e);
  });
  return all;
}

/**
 * The entries of the cases after `after` up to and including `upTo` (null: from the first, to the last), as
 * allEntries orders them: a backup reads the timelines over the same ranges as its chunks of cases.
 */
export async function entriesOfCasesBetween(
  database: RedressDatabase,
  after: string | null,
  upTo: string | null,
): Promise<TimelineEvent[]> {
  const rows = await table(database)
    .where(':id')
    .between(after ?? Dexie.minKey, upTo ?? Dexie.maxKey, after === null, true)
    .toArray();
  return rows.flatMap((r) => r.entries);
}

/**
 * An entry named the way the team names it: its id, and its case's id where it is known (every entry a desk of this
 * version records or takes from its team names its case). An entry is found through its case.
 */
export interface EntryRef {
  id: string;
  caseId?: string;
}

/** The entries these refs name, in their order (undefined: not on this desk, or its case not named). */
export async function entriesByRef(
  database: RedressDatabase,
  refs: readonly EntryRef[],
): Promise<Array<TimelineEvent | undefined>> {
  const timelines = await timelinesOf(database, [...new Set(refs.flatMap((r) => (r.caseId ? [r.caseId] : [])))]);
  return refs.map((r) => (r.caseId ? timelines.get(r.caseId)?.find((e) => e.id === r.id) : undefined));
}

/** Every entry on this desk, named by id and case (for a desk joining a team: what it uploads). */
export async function entryRefs(database: RedressDatabase): Promise<Required<EntryRef>[]> {
  const refs: Required<EntryRef>[] = [];
  await table(database).each((row) => {
    for (const e of row.entries) refs.push({ id: e.id, caseId: row.caseId });
  });
  return refs;
}

/**
 * Entries written onto their cases' timelines, one read and one write for all the cases they name; returns those
 * added. `held` decides for an entry whose id the timeline holds already: 'refuse' refuses the write (and its
 * transaction), 'replace' puts the given one in its place, 'keep' keeps the one here. Only changed rows are written.
 */
async function writeEntries(
  database: RedressDatabase,
  entries: readonly TimelineEvent[],
  held: 'refuse' | 'replace' | 'keep',
): Promise<TimelineEvent[]> {
  if (entries.length === 0) return [];
  const cases = byCase(entries);
  return inWrite(database, async () => {
    const ids = [...cases.keys()];
    const rows = await table(database).bulkGet(ids);
    const added: TimelineEvent[] = [];
    const written: TimelineRow[] = [];
    ids.forEach((caseId, i) => {
      const stored = rows[i]?.entries ?? [];
      const here = new Map(stored.map((e) => [e.id, e]));
      // New entries come after every entry the case holds, whatever this computer's clock says (recordedAfter).
      const given = cases.get(caseId)!;
      const incoming =
        held === 'refuse'
          ? recordedAfter(
              stored.reduce((m, e) => (e.at > m ? e.at : m), ''),
              given,
            )
          : given;
      let changed = false;
      for (const e of incoming) {
        if (!here.has(e.id)) added.push(e);
        else if (held === 'refuse')
          throw new Dexie.ConstraintError(
            `The timeline entry ${e.id} is recorded already: an entry is never rewritten.`,
          );
        else if (held === 'keep') continue;
        here.set(e.id, e);
        changed = true;
      }
      if (changed) written.push(timelineRow(caseId, [...here.values()]));
    });
    if (written.length) await table(database).bulkPut(written);
    return added;
  });
}

/**
 * Record new entries, each on the timeline of the case it names. Entries are immutable: one whose id its case's
 * timeline holds already is refused (with the whole write transaction), never overwritten. In the caller's write
 * transaction, with the tables ./case-index/derive.ts `caseWriteTables` names. Each comes after every entry its case
 * holds (`recordedAfter`: moved on, its true moment kept, when this computer's clock is behind); returns them as
 * recorded.
 */
export function recordEntries(database: RedressDatabase, entries: readonly TimelineEvent[]): Promise<TimelineEvent[]> {
  return writeEntries(database, entries, 'refuse');
}

/**
 * Store entries again with their personal data taken out (retention and erasure: shared/privacy/anonymise.ts), the
 * one change an entry ever takes. Same ids, same cases.
 */
export async function rewriteAnonymisedEntries(
  database: RedressDatabase,
  entries: readonly TimelineEvent[],
): Promise<void> {
  await writeEntries(database, entries, 'replace');
}

/**
 * Store entries as they are given, each on its case's timeline: a new one added, one whose id is there already
 * replaced. For what moves entries that were recorded elsewhere: the bridge taking its team's (new ones, and an entry
 * anonymised at another desk in place of this desk's copy; it decides which). The desk's own code records with
 * `recordEntries`, which never replaces.
 */
export async function putEntries(database: RedressDatabase, entries: readonly TimelineEvent[]): Promise<void> {
  await writeEntries(database, entries, 'replace');
}

/**
 * Add the entries whose id their case's timeline does not hold yet (a backup's merge); returns those added, the others
 * are kept as they are here.
 */
export function addMissingEntries(
  database: RedressDatabase,
  entries: readonly TimelineEvent[],
): Promise<TimelineEvent[]> {
  return writeEntries(database, entries, 'keep');
}

/**
 * The timelines of a desk being filled from a backup (a replace, or into an empty desk), written as the file gives its
 * entries: each case's entries gathered while they come one after another (a backup writes each case's together), and
 * written as one row when the next case's begin, `chunk` entries' worth of rows a request. A case whose entries come
 * again later (a file in another order) has its row read and written again. Only the database is awaited, so it can
 * run inside the restore's one transaction.
 */
export class TimelineFiller {
  private caseId: string | null = null;
  private current: TimelineEvent[] = [];
  private pending: TimelineRow[] = [];
  private pendingEntries = 0;
  private readonly written = new Set<string>();

  constructor(
    private readonly database: RedressDatabase,
    private readonly chunk: number,
  ) {}

  /** More entries, as the file gives them. Resolves once the rows they completed (if a chunk's worth) are written. */
  async add(entries: readonly TimelineEvent[]): Promise<void> {
    for (const e of entries) {
      if (e.caseId !== this.caseId) this.close();
      this.caseId = e.caseId;
      this.current.push(e);
    }
    if (this.pendingEntries >= this.chunk) await this.flush();
  }

  /** The last case's row written. */
  async end(): Promise<void> {
    this.close();
    await this.flush();
  }

  private close(): void {
    if (this.caseId === null) return;
    this.pending.push(timelineRow(this.caseId, this.current));
    this.pendingEntries += this.current.length;
    this.caseId = null;
    this.current = [];
  }

  private async flush(): Promise<void> {
    const rows = this.pending;
    this.pending = [];
    this.pendingEntries = 0;
    const fresh = rows.filter((r) => !this.written.has(r.caseId));
    const again = rows.filter((r) => this.written.has(r.caseId));
    // A case seen twice in one chunk: its first row is fresh, its second comes again.
    const seen = new Set<string>();
    const first: TimelineRow[] = [];
    const later: TimelineRow[] = [];
    for (const r of fresh) {
      if (seen.has(r.caseId)) {
        later.push(r);
      } else {
        seen.add(r.caseId);
        first.push(r);
      }
    }
    if (first.length) await table(this.database).bulkAdd(first);
    for (const r of first) this.written.add(r.caseId);
    for (const r of [...again, ...later]) {
      const held = await table(this.database).get(r.caseId);
      await table(this.database).put(timelineRow(r.caseId, [...(held?.entries ?? []), ...r.entries]));
    }
  }
}

/** Remove a case's whole timeline (the case itself is deleted in the same transaction). */
export async function removeTimeline(database: RedressDatabase, caseId: string): Promise<void> {
  await table(database).delete(caseId);
}
