// The outbox of a desk that shares its cases with a team (issue #14): every change to a shared table leaves a row
// here IN THE SAME TRANSACTION, so the bridge (renderer/src/sync/) can never miss one. A change made while the
// bridge was stopped, the page crashed or the network was down is still here at the next start.
//
// It is a Dexie DBCore middleware under every table, as the row checks are (./schema.ts): whatever path writes a row
// (intake, actions, import, settings, people, retention), the outbox hears of it. While the desk shares (the
// database's `sharing` flag), a read-write transaction over a shared table also opens the outbox, and each mutation
// puts one row per changed document: `ref` names the document (`case:<id>`…); `token` is new each time, so the
// bridge deletes a row only if nothing changed the document again while it was sending it.
//
// Not written: by a lone desk (sharing off when the transaction started), even in a transaction that names the outbox
// itself (a restore clears it: its rows used to go to the outbox, each of them, on a desk in no team); by the bridge
// itself applying documents that came from the team (`writingFromTeam`); and in schema upgrades (each desk migrates
// its own copy).
import Dexie, {
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
  type Transaction,
} from 'dexie';
import type { SyncType } from '#shared/sync/documents';
import type { CaseClash, Settlement } from '#shared/sync/merge';
import { sameValue } from '#shared/model/merge';
import { TIMELINE_TABLE, type TimelineRow } from './timeline';

/** Each kind of shared document: the Dexie table its rows live in, and the row's key field. One list for both sides. */
export const SYNC_TABLES = {
  case: { table: 'cases', key: 'id' },
  /** Entries are a case's timeline row here (./timeline.ts): found through their case (`OutboxRow.caseId`). */
  entry: { table: TIMELINE_TABLE, key: 'id' },
  letter: { table: 'letters', key: 'id' },
  person: { table: 'people', key: 'id' },
  counter: { table: 'counters', key: 'key' },
  audit: { table: 'audit', key: 'id' },
  attachment: { table: 'attachments', key: 'id' },
  provider: { table: 'providers', key: 'id' },
  procedure: { table: 'procedures', key: 'key' },
} as const satisfies Record<SyncType, { table: string; key: string }>;

/** The Dexie tables that are shared, and the kind of document each row is (conflicts travel on the case document). */
export const SHARED_TABLES: Readonly<Record<string, SyncType>> = {
  ...Object.fromEntries(Object.entries(SYNC_TABLES).map(([type, { table }]) => [table, type as SyncType])),
  conflicts: 'case',
};

export const OUTBOX_TABLE = 'outbox';

/**
 * The desk's sharing state kept in its meta table (renderer/src/sync keeps and reads it): the membership, when it last
 * synced, and the checkpoints of the push and the pull. Desk-local like the outbox: leaving a team deletes them, and a
 * restore or merge never takes them from a backup (a backup made at a desk in a team holds them; taken, they made the
 * desk restored into a member of that team at its next start, with the other desk's checkpoints).
 */
export const SHARING_META_KEYS = {
  membership: 'sharing-membership',
  lastSynced: 'sharing-last-synced',
  /** The local PouchDB's sequence when the replication was last idle with the server (all of it sent). */
  pushedSeq: 'sharing-pushed-seq',
  /** The local PouchDB's sequence the bridge last applied to Dexie. */
  pulledSeq: 'sync-pulled-seq',
  /**
   * A bound of the local PouchDB's sequences of every document this desk wrote there, or 'writing' while it writes
   * (sync/push-start.ts: where the push may start).
   */
  ownWrittenSeq: 'sharing-own-written-seq',
  /** The push's last checkpoint, as PouchDB reported it: every change of the local PouchDB up to it was sent. */
  pushSentSeq: 'sharing-push-sent-seq',
  /**
   * The local PouchDB's sequence before this desk's first write not known sent: every document this desk wrote up to
   * it was sent (sync/push-start.ts: where the push may start while changes of this desk's wait).
   */
  unsentFromSeq: 'sharing-unsent-from-seq',
  /**
   * The last document this desk wrote into the local PouchDB, with its revision and sequence, and the last one known
   * sent (sync/push-start.ts): a server that lacks that one was emptied or restored from an older backup, and the
   * push must offer everything again.
   */
  lastOwnDoc: 'sharing-last-own-doc',
  lastSentOwnDoc: 'sharing-last-sent-own-doc',
  /**
   * A desk that joined with no case a team that has providers (p8b): its own providers and their procedure versions
   * the team lacks, not uploaded, to remove once the team's providers are here (TeamSync; value `TakeTeamProviders`).
   */
  takeTeamProviders: 'sharing-take-team-providers',
  /**
   * A desk that joined holding cases it anonymised itself (retention, erasure): once the team's documents are here,
   * its erasures are applied again and sent (TeamSync; value `true`). The team keeps its own copies of entries,
   * letters and files, which a join does not upload over.
   */
  resendErasures: 'sharing-resend-erasures',
  /**
   * Written when the desk leaves its team: the team, and each case it was then in step with (its row the team's
   * revision, nothing waiting to be sent), by id, with the row's `updatedAt` (team.ts `LeftInStep`; no personal data).
   * Joining that team again, a case it holds whose row still has that `updatedAt` was not changed here meanwhile: the
   * team's copy is taken as it is instead of being uploaded beside it (TeamSync.leave, bridge.ts uploadsOnJoin).
   * Also, for every case, the revision its row was last in step with (`revs`: revision ids and times only), so a
   * change made here since goes up on top of the team's copy when the team has not changed it (`rejoinPlan`).
   */
  leftInStep: 'sharing-left-in-step',
  /**
   * Written when the desk joins its team again: the cases it changed since it was last in step whose team copy is
   * still the revision it was in step with, by sync id, with that revision's id (team.ts `rejoinPlan`). Before the
   * first push the revisions are copied from the server into the new local PouchDB, so the changes go on top of them.
   */
  rejoinBases: 'sharing-rejoin-bases',
  /**
   * The team's cases not taken in because this desk holds another case under the same reference (bridge.ts): the
   * problem as Team sharing says it, kept until the case is here, as the pull does not bring it again (team.ts
   * `keepNotTakenIn`; explore37-team #1).
   */
  notTakenIn: 'sharing-not-taken-in',
} as const;

export interface OutboxRow {
  /** The document: `<type>:<key>` (shared/sync/documents.ts `syncDocId`). */
  ref: string;
  /** New at every change, so the bridge can tell whether the row changed while it was sending. */
  token: string;
  /** When the change was made (the desk's clock; shown as "when" on a clash). */
  at: string;
  /** For an entry: its case, whose timeline row holds it (the bridge finds the entry through it). */
  caseId?: string;
}

/** The revision of a mutable document (case, person, counter) the Dexie row was last in step with. */
export interface SyncRevRow {
  ref: string;
  rev: string;
  /**
   * The document's body at that revision: the base a change made here is merged from when the team's copy moved on,
   * kept here because PouchDB may have compacted that revision's body away.
   */
  body?: Record<string, unknown>;
  /**
   * The last revision of the document that came from another desk (or that this desk first wrote over): the revision
   * both sides of a later conflict most likely grew from, with its body.
   */
  team?: { rev: string; body: Record<string, unknown> };
}

/** A case's fields changed at two desks, until a person settles them ("Changed at two desks"). */
export interface ConflictRow {
  caseId: string;
  /** Open: shown until a person settles them. A row may have none and only `settled`. */
  clashes: CaseClash[];
  /** Settled here or at another desk, remembered so a desk that had not heard yet cannot bring them back. */
  settled?: Settlement[];
}

function isShared(name: string): boolean {
  return Object.hasOwn(SHARED_TABLES, name);
}

/** Transactions of the bridge applying what came from the team: no outbox rows (they would echo back). */
const fromTeam = new WeakSet<object>();

/**
 * Read-write transactions over a shared table begun while the desk shared (the outbox opened with them). Decided when
 * the transaction begins, never by which tables it names: a lone desk's restore names the outbox (to clear it), and
 * wrote an outbox row for every row it removed and added (12,815 after a replace in r19; issue #14 wants a lone desk
 * to write none, and a desk joining later to upload none of a restore's deletions). An upgrade's versionchange
 * transaction never begins here, so it is never tracked.
 */
const tracked = new WeakSet<object>();

/** Mark a transaction as the bridge's applying of documents that came from the team. */
export function writingFromTeam(tx: Transaction): void {
  fromTeam.add(tx.idbtrans);
}

function tracks(trans: DBCoreTransaction): boolean {
  return tracked.has(trans) && !fromTeam.has(trans);
}

/**
 * The keys a mutation changes: at once, or (a deleteRange) once its range is read. Nothing is awaited before a
 * mutation that needs no read: after a native await the layers below no longer find the transaction (Dexie's zone).
 */
function changedKeys(table: DBCoreTable, req: DBCoreMutateRequest): unknown[] | Promise<unknown[]> {
  if (req.type === 'deleteRange')
    return table
      .query({ trans: req.trans, values: false, query: { index: table.schema.primaryKey, range: req.range } })
      .then((found) => found.result);
  if (req.type === 'delete') return req.keys;
  return req.keys ?? req.values.map((v) => table.schema.primaryKey.extractKey!(v));
}

/**
 * A write to timeline rows: an outbox row for each entry it adds or changes (anonymised), and for each entry of a
 * timeline it removes, naming the entry's case. The rows as they were are read first, in the same transaction. Chained
 * on Dexie's own promises, each `then` called while the transaction's zone is current, so the layers below still find
 * the transaction (after a native await they did not).
 */
function mutateTimelines(down: DBCore, table: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  return Dexie.Promise.resolve(changedKeys(table, req)).then((keys) =>
    Dexie.Promise.resolve(table.getMany({ trans: req.trans, keys })).then((rows) => {
      const before = new Map(
        (rows as Array<TimelineRow | undefined>).flatMap((row) => (row ? [[row.caseId, row] as const] : [])),
      );
      return Dexie.Promise.resolve(table.mutate(req)).then((result) => {
        const changed: Array<{ id: string; caseId: string }> = [];
        if (req.type === 'add' || req.type === 'put') {
          for (const row of req.values as TimelineRow[]) {
            const held = new Map((before.get(row.caseId)?.entries ?? []).map((e) => [e.id, e]));
            for (const e of row.entries)
              if (!held.has(e.id) || !sameValue(held.get(e.id), e)) changed.push({ id: e.id, caseId: row.caseId });
          }
        } else {
          for (const row of before.values())
            for (const e of row.entries) changed.push({ id: e.id, caseId: row.caseId });
        }
        if (changed.length === 0) return result;
        const at = new Date().toISOString();
        return Dexie.Promise.resolve(
          down.table(OUTBOX_TABLE).mutate({
            type: 'put',
            trans: req.trans,
            values: changed.map(({ id, caseId }): OutboxRow => ({
              ref: `entry:${id}`,
              token: crypto.randomUUID(),
              at,
              caseId,
            })),
          }),
        ).then(() => result);
      });
    }),
  );
}

/** The outbox middleware. `sharing()` says whether the desk shares now (read when a transaction starts). */
export function outboxMiddleware(sharing: () => boolean): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'outbox',
    create(down: DBCore): DBCore {
      return {
        ...down,
        transaction(stores, mode, options) {
          const sharingNow = mode === 'readwrite' && sharing() && stores.some(isShared);
          const widened = sharingNow && !stores.includes(OUTBOX_TABLE) ? [...stores, OUTBOX_TABLE] : stores;
          const trans = down.transaction(widened, mode, options);
          if (sharingNow) tracked.add(trans);
          return trans;
        },
        table(name: string): DBCoreTable {
          const table = down.table(name);
          if (!isShared(name)) return table;
          const type = SHARED_TABLES[name];
          return {
            ...table,
            async mutate(req: DBCoreMutateRequest) {
              if (!tracks(req.trans)) return table.mutate(req);
              if (name === TIMELINE_TABLE) return mutateTimelines(down, table, req);
              const found = changedKeys(table, req);
              const keys = Array.isArray(found) ? found : await found;
              const result = await table.mutate(req);
              if (keys.length) {
                const at = new Date().toISOString();
                const refs = [...new Set(keys.map((k) => `${type}:${String(k)}`))];
                await down.table(OUTBOX_TABLE).mutate({
                  type: 'put',
                  trans: req.trans,
                  values: refs.map((ref): OutboxRow => ({ ref, token: crypto.randomUUID(), at })),
                });
              }
              return result;
            },
          };
        },
      };
    },
  };
}
