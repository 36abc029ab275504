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
  put(doc: PouchDoc): Promise<PouchWriteResult>;
  changes(options: Record<string, unknown> & { live: true }): PouchChangesFeed;
  changes(options: Record<string, unknown>): Promise<PouchChanges>;
  /** Replicate with another database both ways (live and retrying with those options). */
  sync(other: PouchDatabase, options: Record<string, unknown>): PouchReplication;
  compact(): Promise<unknown>;
  destroy(): Promise<unknown>;
  close(): Promise<unknown>;
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
}

export interface PouchReplicationChange {
  direction?: 'push' | 'pull';
  change: { docs_read: number; docs_written: number; pending?: number; last_seq?: number | string; docs: PouchDoc[] };
}
