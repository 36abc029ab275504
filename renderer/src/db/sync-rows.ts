// How the team bridge (#sync) finds, reads and writes the rows of each kind of shared document, wherever the desk
// keeps them. Most kinds are the rows of one table, by key. Entries lie in their cases' timeline rows (./timeline.ts)
// and are found through their case: an entry's ref names it (the outbox row of an entry names its case, and so does a
// document from the team). The bridge asks here, never a table by its name, so how a kind is stored stays db/'s business.
import type { TimelineEvent } from '#shared/model/case';
import type { StoredTable } from '#shared/model/stored';
import type { SyncType } from '#shared/sync/documents';
import { SYNC_TABLES } from './outbox';
import type { RedressDatabase } from './schema';
import { entriesByRef, entryRefs, putEntries } from './timeline';

/** A row named by its key, and by its case where it is found through it (an entry; ignored for any other kind). */
export interface RowRef {
  key: string;
  caseId?: string;
}

type Row = Record<string, unknown>;

/** One kind's rows at this desk. Reads and writes join the caller's transaction, as Dexie's own do. */
export interface SyncRows {
  /** Every row of the kind at this desk (what a desk joining a team uploads). */
  refs(database: RedressDatabase): Promise<RowRef[]>;
  /** The rows these refs name, in their order (undefined: not at this desk). */
  get(database: RedressDatabase, refs: readonly RowRef[]): Promise<Array<Row | undefined>>;
  /** Put rows (one in place of a row with its key). */
  put(database: RedressDatabase, rows: readonly Row[]): Promise<unknown>;
  /** Delete rows by key. */
  remove(database: RedressDatabase, keys: readonly string[]): Promise<unknown>;
  /** Which stored row's checks a document's body must pass before it is written here (shared/model/stored.ts). */
  checkedAs: StoredTable;
}

function tableRows(type: Exclude<SyncType, 'entry'>): SyncRows {
  const { table } = SYNC_TABLES[type];
  return {
    refs: async (database) =>
      ((await database.table(table).toCollection().primaryKeys()) as unknown[]).map((key) => ({ key: String(key) })),
    get: (database, refs) => database.table(table).bulkGet(refs.map((r) => r.key)),
    put: (database, rows) => database.table(table).bulkPut([...rows]),
    remove: (database, keys) => database.table(table).bulkDelete([...keys]),
    checkedAs: table,
  };
}

const ENTRY_ROWS: SyncRows = {
  refs: async (database) => (await entryRefs(database)).map(({ id, caseId }) => ({ key: id, caseId })),
  get: (database, refs) =>
    entriesByRef(
      database,
      refs.map(({ key, caseId }) => ({ id: key, caseId })),
    ) as Promise<Array<Row | undefined>>,
  put: (database, rows) => putEntries(database, rows as unknown as TimelineEvent[]),
  // Entries are immutable: the team never deletes one (an erasure rewrites it anonymised, through `put`).
  remove: () => Promise.reject(new Error('A timeline entry is never deleted by the team: entries are immutable')),
  checkedAs: 'events',
};

const KINDS = new Map<SyncType, SyncRows>([['entry', ENTRY_ROWS]]);

/** How the rows of one kind of shared document are read and written at this desk (made once per kind). */
export function syncRows(type: SyncType): SyncRows {
  let rows = KINDS.get(type);
  if (!rows) KINDS.set(type, (rows = tableRows(type as Exclude<SyncType, 'entry'>)));
  return rows;
}
