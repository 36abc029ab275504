// The part of PouchDB's API the bridge and the replication use, typed here (PouchDB ships no types). The same calls
// work on PouchDB's IndexedDB adapter in the renderer and its memory adapter in the Node tests.

export interface PouchRevisions {
  start: number;
  ids: string[];
}

export interface PouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  _revisions?: PouchRevisions;
  _attachments?: Record<string, { content_type: string; data?: string; digest?: string; stub?: boolean }>;
  [field: string]: unknown;
}

export interface PouchWriteResult {
  id: string;
  rev?: string;
  ok?: boolean;
  error?: string | boolean;
  status?: number;
  reason?: string;
  message?: string;
}

export interface PouchChange {
  id: string;
  seq: number | string;
  deleted?: boolean;
  doc?: PouchDoc;
  changes: Array<{ rev: string }>;
}

export interface PouchChanges {
  results: PouchChange[];
  last_seq: number | string;
}

export interface PouchChangesFeed {
  on(event: 'change', listener: (change: PouchChange) => void): PouchChangesFeed;
  on(event: 'error', listener: (error: unknown) => void): PouchChangesFeed;
  cancel(): void;
}

/** A PouchDB database (local or remote). */
export interface PouchDatabase {
  name: string;
  info(): Promise<{ doc_count: number; update_seq: number | string }>;
  get(
    id: string,
    options: { open_revs: string[] | 'all'; revs?: boolean },
  ): Promise<Array<{ ok?: PouchDoc; missing?: string }>>;
  get(id: string, options?: Record<string, unknown>): Promise<PouchDoc>;
  allDocs(options: Record<string, unknown>): Promise<{
    total_rows: number;
    rows: Array<{
      id: string;
      key: string;
      value?: { rev: string; deleted?: boolean };
      doc?: PouchDoc;
      error?: string;
    }>;
  }>;
  bulkDocs(docs: PouchDoc[], options?: Record<string, unknown>): Promise<PouchWriteResult[]>;
  /** Given revisions of documents, with their histories when `revs` (what the replication fetches). */
  bulkGet(options: { docs: Array<{ id: string; rev?: string }>; revs?: boolean }): Promise<{
    results: Array<{ id: string; docs: Array<{ ok?: PouchDoc; error?: unknown }> }>;
  }>;
  /** Which of these revisions the database lacks (the replication asks before it fetches documents). */
  revsDiff(revisions: Record<string, string[]>): Promise<RevsDiff>;
  put(doc: PouchDoc): Promise<PouchWriteResult>;
  changes(options: Record<string, unknown> & { live: true }): PouchChangesFeed;
  changes(options: Record<string, unknown>): Promise<PouchChanges>;
  /** Replicate with another database both ways (live and retrying with those options). */
  sync(other: PouchDatabase, options: Record<string, unknown>): PouchReplication;
  compact(): Promise<unknown>;
  destroy(): Promise<unknown>;
  close(): Promise<unknown>;
}

/** Per document id, the revisions a database lacks (absent: it has every one asked about). */
export type RevsDiff = Record<string, { missing: string[]; possible_ancestors?: string[] }>;

/**
 * The local PouchDB's `revsDiff` asked about a whole batch with ONE read: documents the database has never held lack
 * every revision asked about, so only the ones it holds go to PouchDB's own `revsDiff`. Why: PouchDB's `revsDiff`
 * reads each document's revision tree on its own, and its `indexeddb` adapter opens an IndexedDB transaction for each
 * read; the replication asks about every document it pulls, so a first download opened one transaction per document
 * (870,000 at 100,000 cases) to learn that the new desk holds none of them (docs/performance.md, Sharing). `allDocs`
 * with `keys` reads them all in one transaction; a deleted document is held (its tree is there) and goes to PouchDB's
 * own answer, as does every document it holds, so the answer is the same as PouchDB's. Changes the database in place
 * (the replication calls the database's own method) and returns it.
 */
export function withBatchedRevsDiff<T extends PouchDatabase>(db: T): T {
  const own = db.revsDiff.bind(db);
  db.revsDiff = async (revisions) => {
    const ids = Object.keys(revisions);
    if (ids.length === 0) return {};
    const { rows } = await db.allDocs({ keys: ids });
    const answer: RevsDiff = {};
    const held: Record<string, string[]> = {};
    rows.forEach((row, i) => {
      const id = ids[i];
      if (row.error === 'not_found' && !row.value) answer[id] = { missing: [...revisions[id]] };
      else held[id] = revisions[id];
    });
    return Object.keys(held).length ? { ...answer, ...(await own(held)) } : answer;
  };
  return db;
}

/**
 * The team server's `info()` answered from the last answer while it is younger than `maxAgeMs` (and shared while one is
 * on its way). Why: PouchDB's replication asks the source for its info after every batch it writes, only to update its
 * progress record (`activeTasks`, which Redress does not read): one `GET /<database>` per batch of 500 documents, on the
 * server the download is waiting for (180 of a 10,000-case download's 540 requests). Nothing else reads the remote's
 * info but the download's total at the start. A failed request is not kept; a call with a callback is not answered
 * from it. Changes the database in place; returns it.
 */
export function withRecentInfo<T extends PouchDatabase>(db: T, maxAgeMs: number, now: () => number = Date.now): T {
  const own = db.info.bind(db) as (...args: unknown[]) => ReturnType<PouchDatabase['info']>;
  let last: { at: number; answer: ReturnType<PouchDatabase['info']> } | null = null;
  db.info = (...args: unknown[]) => {
    // PouchDB's own calls with a callback (its compaction's polling) go to the server each time.
    if (args.length) return own(...args);
    if (last && now() - last.at < maxAgeMs) return last.answer;
    const answer = own();
    const kept = { at: now(), answer };
    last = kept;
    answer.catch(() => {
      if (last === kept) last = null;
    });
    return answer;
  };
  return db;
}

/**
 * `fetcher` with a deadline for the server's answer: a request whose response has not begun (its status and headers)
 * within `ms` is aborted, and fails as an unreachable server's does. Why: a server or link that has hung takes the
 * request and never answers, and the browser waits as long as the connection lives; a desk would then say "Starting…"
 * for ever, its references waiting on the team's counters and its replication never retried. Left alone: requests with
 * a signal of their own (PouchDB's changes feeds, which it already bounds, and whose long polls wait on purpose), and
 * requests sending a body over `maxBodyChars` (an upload of attachments over a slow link answers only when it is all
 * sent; the body's time is not the server's). The deadline ends when the answer begins: a long body still comes.
 */
export function answeredWithin(fetcher: typeof fetch, ms: number, maxBodyChars = 1_000_000): typeof fetch {
  return async (input, init) => {
    const body = init?.body;
    const small = body === undefined || body === null || (typeof body === 'string' && body.length <= maxBodyChars);
    if (init?.signal || !small) return fetcher(input, init);
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new Error(`The team server did not answer within ${Math.round(ms / 1000)} s`)),
      ms,
    );
    try {
      return await fetcher(input, { ...init, signal: controller.signal });
    } finally {
      clearTimeout(timer);
    }
  };
}

/** The status code and reason of a PouchDB error (HTTP-like). */
export function pouchError(error: unknown): { status: number; name: string; reason: string } {
  const e = (error ?? {}) as { status?: number; name?: string; reason?: string; message?: string };
  return { status: e.status ?? 0, name: e.name ?? 'error', reason: e.reason ?? e.message ?? String(error) };
}

/** A replication (one way or both): an event emitter that is also a promise of its end (one-off ones end). */
export interface PouchReplication extends PromiseLike<unknown> {
  on(event: 'change', listener: (info: PouchReplicationChange) => void): PouchReplication;
  on(event: 'paused' | 'error', listener: (error?: unknown) => void): PouchReplication;
  on(event: 'active' | 'complete', listener: (info?: unknown) => void): PouchReplication;
  on(event: 'denied', listener: (error: unknown) => void): PouchReplication;
  cancel(): void;
  /** A two-way sync's own replications: each says when it is idle ('paused' with no error: caught up). */
  pull?: PouchReplicationSide;
  push?: PouchReplicationSide;
}

/** One direction of a two-way sync: an event emitter (its 'paused' carries the error when it stopped on one). */
export interface PouchReplicationSide {
  on(event: 'paused', listener: (error?: unknown) => void): unknown;
  on(event: 'active', listener: () => void): unknown;
  /** `checkpoint` is said once the checkpoint is written: every change up to that sequence was replicated. */
  on(event: 'checkpoint', listener: (info: { checkpoint?: unknown }) => void): unknown;
}

export interface PouchReplicationChange {
  direction?: 'push' | 'pull';
  /**
   * `docs_read` and `docs_written` are the replication's running totals from its start (PouchDB sends a copy of its
   * result with each batch); `docs` are the documents this batch wrote.
   */
  change: { docs_read: number; docs_written: number; pending?: number; last_seq?: number | string; docs?: PouchDoc[] };
}
