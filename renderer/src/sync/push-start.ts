// Where the push may start when the replication starts, so that a desk reopened after a large download does not read
// that download again through the push's filter (49.6 s at 100,000 cases: docs/performance.md, Sharing).
//
// PouchDB moves a filtered push's checkpoint only when a batch passes the filter, so the documents the pull brings
// (none of which pass) leave it behind, and the next start reads every one of them again to find nothing to send.
// Its `since` option starts the push from a given sequence instead. That is safe only from a sequence up to which
// every document this desk wrote has been sent; otherwise a change would never reach the team. Two records prove it:
//
//   ownWrittenSeq  an upper bound of the local sequences of everything this desk wrote into its local PouchDB (the
//                  bridge's writes, `writtenHere`), or WRITING while such a write is under way. A write cut off by a
//                  crash leaves WRITING, and the next start does not skip (until a later write records a bound again,
//                  which covers the cut-off one too: a later write has a higher sequence).
//   pushSentSeq    the sequence of the push's last checkpoint: every change up to it was sent. PouchDB says so in its
//                  'checkpoint' event, after writing the checkpoint, which comes after the batch reached the server.
//
// When ownWrittenSeq ≤ pushSentSeq, every document this desk wrote has reached the server, and so has everything before
// the local copy's current sequence that passes the filter (the rest came from the server: the pull's documents, and
// deletions made elsewhere). The push then starts from the current sequence, read BEFORE the two records: a write
// that begins after that read lands after it and is sent; one that ended before it is in the records.
//
// When changes of this desk's wait (ownWrittenSeq > pushSentSeq: made offline, or the server lost while sending), a
// third record still lets the push start past the team's documents before them:
//
//   unsentFromSeq  the copy's sequence just before the first write of this desk's made when all its earlier ones were
//                  known sent (ownWrittenSeq ≤ pushSentSeq then). Every document this desk wrote up to it was sent; its
//                  own documents lie past it. A later write made while some wait leaves it where it is.
//
// The push then starts from it, when it is past pushSentSeq. Without it (a desk from before it, a write cut off by a
// crash, records that are not numbers) the push starts from its checkpoint, as before.
import { SHARING_META_KEYS } from '#db/outbox';
import type { RedressDatabase } from '#db/schema';
import type { PouchDatabase } from './pouch';

const OWN_WRITTEN_KEY = SHARING_META_KEYS.ownWrittenSeq;
const PUSH_SENT_KEY = SHARING_META_KEYS.pushSentSeq;
const UNSENT_FROM_KEY = SHARING_META_KEYS.unsentFromSeq;
const LAST_OWN_KEY = SHARING_META_KEYS.lastOwnDoc;
const LAST_SENT_OWN_KEY = SHARING_META_KEYS.lastSentOwnDoc;
/** ownWrittenSeq while a write of this desk's own into the local PouchDB is under way. */
export const WRITING = 'writing';

/**
 * A record of a sequence of the local copy named `copy`. A record of another copy (one moved or made anew under
 * another name) is no record: sequences are the copy's own.
 */
interface SeqRecord {
  copy: string;
  seq: number | string;
}

const seqOf = async (local: PouchDatabase) => (await local.info()).update_seq;

/** The sequence `key` records for `local`: undefined when none is kept for that copy. */
async function recorded(database: RedressDatabase, key: string, local: PouchDatabase) {
  const value = (await database.meta.get(key))?.value as SeqRecord | undefined;
  return value?.copy === local.name ? value.seq : undefined;
}

const record = (database: RedressDatabase, key: string, local: PouchDatabase, seq: number | string) =>
  database.meta.put({ key, value: { copy: local.name, seq } satisfies SeqRecord });

/**
 * `write` (this desk's own documents `ids` into its local PouchDB) with ownWrittenSeq kept: WRITING during it, then
 * the highest sequence its documents took (also after a write that failed part-way).
 */
export function recordOwnWrite<T>(
  database: RedressDatabase,
  local: PouchDatabase,
  ids: readonly string[],
  write: () => Promise<T>,
): Promise<T> {
  // One at a time per database: a write recorded while another was under way would take its "writing" for a crash's
  // and could record a bound below the other's documents. (The bridge's work is queued already: TeamSync.enqueue.)
  const run = (ownWrites.get(database) ?? Promise.resolve()).then(() => recordOne(database, local, ids, write));
  ownWrites.set(
    database,
    run.then(
      () => undefined,
      () => undefined,
    ),
  );
  return run;
}

const ownWrites = new WeakMap<RedressDatabase, Promise<void>>();

async function recordOne<T>(
  database: RedressDatabase,
  local: PouchDatabase,
  ids: readonly string[],
  write: () => Promise<T>,
): Promise<T> {
  const before = await seqOf(local);
  const earlier = await recorded(database, OWN_WRITTEN_KEY, local);
  // Everything this desk wrote before is known sent: this write is the first that waits, and lies past `before`.
  // (The push's record is read only when there is a bound to hold against it: not on every write of a first upload.)
  if (typeof earlier === 'number') {
    const sent = (await recorded(database, PUSH_SENT_KEY, local)) ?? 0;
    if (typeof sent === 'number' && earlier <= sent) await record(database, UNSENT_FROM_KEY, local, before);
  }
  await record(database, OWN_WRITTEN_KEY, local, WRITING);
  try {
    return await write();
  } finally {
    // A bound from before this write still holds for what was written before it; otherwise (none kept, or a write
    // cut off by a crash) everything before this write lies at or below `before`.
    const floor = typeof earlier === 'number' ? earlier : before;
    const last = await lastSeqOf(local, before, ids, floor);
    await record(database, OWN_WRITTEN_KEY, local, last);
    await recordLastOwn(database, local, ids, last);
  }
}

interface OwnDoc {
  copy: string;
  id: string;
  rev: string;
  seq: number | string;
}

/** The last of `ids` as the local copy now holds it (its revision), with the sequence bound just recorded. */
async function recordLastOwn(
  database: RedressDatabase,
  local: PouchDatabase,
  ids: readonly string[],
  seq: number | string,
): Promise<void> {
  const id = ids.at(-1);
  if (id === undefined) return;
  const [row] = (await local.allDocs({ keys: [id] })).rows;
  if (row?.value?.rev)
    await database.meta.put({ key: LAST_OWN_KEY, value: { copy: local.name, id, rev: row.value.rev, seq } });
}

/** The push's checkpoint passed the last document this desk wrote: it is the last one known sent. */
async function promoteLastOwn(database: RedressDatabase, local: PouchDatabase, sent: number): Promise<void> {
  const last = (await database.meta.get(LAST_OWN_KEY))?.value as OwnDoc | undefined;
  if (last?.copy === local.name && typeof last.seq === 'number' && last.seq <= sent)
    await database.meta.put({ key: LAST_SENT_OWN_KEY, value: last });
}

/** The last document this desk wrote that the push is known to have sent, or undefined when none is recorded. */
export async function lastSentOwn(
  database: RedressDatabase,
  local: PouchDatabase,
): Promise<{ id: string; rev: string } | undefined> {
  const last = (await database.meta.get(LAST_SENT_OWN_KEY))?.value as OwnDoc | undefined;
  return last?.copy === local.name ? { id: last.id, rev: last.rev } : undefined;
}

const generation = (rev: string) => Number.parseInt(rev, 10) || 0;

/**
 * Whether the server lacks `sent`, a document this desk wrote and the push sent (`lastSentOwn`, read when the
 * replication started or last lost the server): then it was emptied, or restored from a backup older than that, and
 * a push that starts past its checkpoint (`pushStart`) would never send this desk's documents again
 * (explore36-team #2). A server holding a later revision of it (another desk's since) holds it. False when there is
 * no such document, or the server cannot be asked.
 */
export async function serverLacks(remote: PouchDatabase, sent: { id: string; rev: string } | undefined) {
  if (!sent) return false;
  let row;
  try {
    [row] = (await remote.allDocs({ keys: [sent.id] })).rows;
  } catch {
    return false;
  }
  if (!row?.value?.rev) return true;
  return generation(row.value.rev) < generation(sent.rev);
}

/**
 * A document of this desk's the server refused is no proof of what it holds: were it the last one recorded, every
 * start would find it lacking and offer everything again.
 */
export async function forgetRefused(database: RedressDatabase, docId: string): Promise<void> {
  for (const key of [LAST_OWN_KEY, LAST_SENT_OWN_KEY]) {
    const value = (await database.meta.get(key))?.value as OwnDoc | undefined;
    if (value?.id === docId) await database.meta.delete(key);
  }
}

/**
 * The server lost what this desk sent: its records of what was sent no longer hold, so the next start offers this
 * desk's documents from the push's own checkpoint (which the server no longer has either: from the beginning).
 */
export async function forgetSent(database: RedressDatabase): Promise<void> {
  await database.meta.bulkDelete([PUSH_SENT_KEY, UNSENT_FROM_KEY, LAST_OWN_KEY, LAST_SENT_OWN_KEY]);
}

/**
 * The highest sequence, after `before`, of the documents `ids` (at least `floor`): the copy's own sequence when
 * nothing else was written meanwhile, else read from its changes (the pull writes beside a push during a download,
 * and a bound past the push's checkpoint would keep the next start from skipping). A sequence past the true one is
 * only ever a bound too high, never too low.
 */
async function lastSeqOf(
  local: PouchDatabase,
  before: number | string,
  ids: readonly string[],
  floor: number | string,
): Promise<number | string> {
  const after = await seqOf(local);
  if (typeof before !== 'number' || typeof after !== 'number' || typeof floor !== 'number') return after;
  if (after === before) return floor; // nothing written (each document refused: another revision came first)
  if (after - before <= ids.length) return Math.max(after, floor);
  const wanted = new Set(ids);
  const { results } = await local.changes({ since: before, limit: after - before });
  let last = floor;
  for (const change of results)
    if (wanted.has(change.id) && typeof change.seq === 'number') last = Math.max(last, change.seq);
  return last;
}

/** The push's checkpoint as PouchDB reports it (its 'checkpoint' event): every change up to `seq` was sent. */
export async function recordPushSent(database: RedressDatabase, local: PouchDatabase, seq: unknown): Promise<void> {
  if (typeof seq !== 'number') return;
  const before = await recorded(database, PUSH_SENT_KEY, local);
  if (typeof before === 'number' && before >= seq) return;
  await record(database, PUSH_SENT_KEY, local, seq);
  await promoteLastOwn(database, local, seq);
}

/** The push's last checkpoint recorded for `local` (every change up to it sent), or undefined when none is. */
export function pushSentThrough(database: RedressDatabase, local: PouchDatabase): Promise<number | string | undefined> {
  return recorded(database, PUSH_SENT_KEY, local);
}

/**
 * A local copy that holds nothing yet (a desk joining): nothing of this desk's is in it, so ownWrittenSeq is 0. Called
 * before anything is written into the copy.
 */
export async function startOwnRecord(database: RedressDatabase, local: PouchDatabase): Promise<void> {
  if ((await recorded(database, OWN_WRITTEN_KEY, local)) !== undefined) return;
  if ((await seqOf(local)) === 0) await record(database, OWN_WRITTEN_KEY, local, 0);
}

/**
 * The sequence the push may start from (its `since`), or undefined to start from its own checkpoint: when the records
 * do not prove everything this desk wrote up to a sequence past it sent, when they are not numbers (an older local
 * copy), or when there is nothing past the push's checkpoint to skip.
 */
export async function pushStart(database: RedressDatabase, local: PouchDatabase): Promise<number | undefined> {
  // First: a write of this desk's that has not begun by now lands after this sequence, so the push sends it.
  const current = await seqOf(local);
  const own = await recorded(database, OWN_WRITTEN_KEY, local);
  const sent = (await recorded(database, PUSH_SENT_KEY, local)) ?? 0;
  if (typeof current !== 'number' || typeof own !== 'number' || typeof sent !== 'number') return undefined;
  if (own > sent) {
    // Changes of this desk's wait: from just before the first of them, when that is past the checkpoint.
    const from = await recorded(database, UNSENT_FROM_KEY, local);
    return typeof from === 'number' && from > sent ? from : undefined;
  }
  if (current <= sent) return undefined;
  return current;
}

/** Local changes read at a time by `changedSinceSent`. */
const CHANGES_PAGE = 2000;

/**
 * The documents among `wanted` (ids) changed in the local copy past the push's last checkpoint: those whose latest
 * revision there may not have reached the server. None when the records prove everything this desk wrote sent (as
 * `pushStart`); every one changed since the copy began when no checkpoint is recorded.
 */
export async function changedSinceSent(
  database: RedressDatabase,
  local: PouchDatabase,
  wanted: ReadonlySet<string>,
): Promise<Set<string>> {
  const changed = new Set<string>();
  if (wanted.size === 0) return changed;
  const own = await recorded(database, OWN_WRITTEN_KEY, local);
  const sent = await recorded(database, PUSH_SENT_KEY, local);
  if (typeof own === 'number' && typeof sent === 'number' && own <= sent) return changed;
  let since: number | string = sent ?? 0;
  for (;;) {
    const page = await local.changes({ since, limit: CHANGES_PAGE });
    for (const change of page.results) if (wanted.has(change.id)) changed.add(change.id);
    if (page.results.length < CHANGES_PAGE) return changed;
    since = page.last_seq;
  }
}
