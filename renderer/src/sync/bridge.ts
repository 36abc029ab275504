// The bridge between the desk's own store (Dexie, the source of every screen) and its local PouchDB, which
// replicates with the team's CouchDB (issue #14; shared/TEAM-STORE.md). Two directions, each resumable:
//
//   push: the outbox (db/outbox.ts, written in the same transaction as every change) → PouchDB documents. A row
//         leaves the outbox only after its document is written, and only if nothing changed it meanwhile; a crash
//         anywhere leaves the row, and sending it again is harmless (a document already holding the row is skipped).
//   pull: PouchDB's changes since the last one applied → Dexie rows and the derived case index, in ONE Dexie
//         transaction with the checkpoint (meta `sync-pulled-seq`): applied exactly once, whatever stops it.
//
// Conflicting revisions of a case, person or counter (two desks changed it offline) are merged here
// (shared/sync/merge.ts) and the merge written on the winner with the losing revisions deleted; every desk does the
// same and they converge. A change made here while a newer revision arrived is merged with the same rule, from the
// revision the row was last in step with (syncRevs). Timeline entries, letters and audit records are immutable:
// written once; changed only by anonymisation (a revision marked `erasedBy`).
import { sharingProblemInEnglish, type SharingSaying } from './sayings';
import { fromBase64, toBase64 } from '#shared/backup/bytes';
import type { CaseRecord } from '#shared/model/case';
import { sameValue } from '#shared/model/merge';
import { checkStoredRow, formatPath } from '#shared/model/stored';
import { ERASURE_RULES } from '#shared/sync/design';
import {
  FILE_ATTACHMENT,
  isImmutableType,
  LETTER_ATTACHMENT,
  parseSyncDocId,
  SYNC_SCHEMA,
  syncDocId,
  type SyncType,
} from '#shared/sync/documents';
import {
  clashesAgainst,
  mergeCaseRevisions,
  mergeCounterRevisions,
  mergePlainRevisions,
  type CaseClash,
  type Settlement,
  type EditStamp,
} from '#shared/sync/merge';
import { checkProcedure } from '#shared/rules/index';
import { refreshCaseIndexes } from '#db/case-index/derive';
import { installRows } from '#db/desk';
import {
  OUTBOX_TABLE,
  SHARING_META_KEYS,
  SYNC_TABLES,
  writingFromTeam,
  type OutboxRow,
  type SyncRevRow,
} from '#db/outbox';
import { sha256Hex } from '#db/repositories/cases';
import { keepErased } from '#db/repositories/retention';
import type { AttachmentDbRow, LetterRow, RedressDatabase } from '#db/schema';
import { type RowRef, syncRows } from '#db/sync-rows';
import type { PouchDatabase, PouchDoc } from './pouch';
import { recordOwnWrite } from './push-start';

export const PULLED_SEQ_KEY = SHARING_META_KEYS.pulledSeq;

/** Documents written or read per round: small enough to keep each Dexie transaction short. */
const BATCH = 250;

/**
 * Documents taken in per pull round. Large enough that each table's write is one bulk request of 50 rows or more
 * (about 115 cases, their index and report rows at 8.7 documents a case): for such a request Dexie's live queries
 * record "the table changed" instead of every key and index value written, and each open live query that does not
 * read the rows keeps what it was told until it next runs; key by key, that record grew with the whole download and
 * its upkeep became the page's longest tasks (seconds at 10,000 cases). One transaction still holds a whole round.
 * A round is as large as what has arrived: during a first download TeamSync waits for a full round (its PULL_ROUND)
 * or the replication's pause; otherwise it pulls after every replication batch (docs/performance.md, Sharing).
 */
const PULL_BATCH = 1000;

/**
 * Rows written per request when a pull round is taken in (writePlan). At least 50, so Dexie's live queries record
 * "the table changed" rather than every key (see PULL_BATCH); small enough that copying them is a short task.
 */
const WRITE_CHUNK = 200;

/** A document the team holds that this Redress cannot read: it stops sharing rather than damage it. */
export class UpdateNeededError extends Error {
  /** What the screens say, in the interface language. */
  readonly said: SharingSaying;
  constructor(public readonly schema: number) {
    const said: SharingSaying = { code: 'update-needed', values: { schema, current: SYNC_SCHEMA } };
    super(sharingProblemInEnglish(said));
    this.said = said;
    this.name = 'UpdateNeededError';
  }
}

/** Who anonymised what came back for an erased case, in the privacy audit (an automatic act, as a restore's). */
export const ERASURE_KEPT_BY = 'Redress (keeping an erasure)';

/** Something the bridge could not take in, shown with the status (a damaged letter, a refused document…). */
export interface BridgeProblem {
  docId: string;
  reason: string;
  /** The problem in words the screens can say in the interface language, when it has them. */
  said?: SharingSaying;
  /**
   * The case this problem left out of the desk, when the pull will not bring it again (a second case under one
   * reference): the problem is kept until the case is here, across restarts.
   */
  leftOut?: string;
}

export interface BridgeOptions {
  database: RedressDatabase;
  local: PouchDatabase;
  /** The desk's server user: every document this desk writes names it (the server checks). */
  writer: string;
  /** The person working now, recorded beside the writer on the case revisions this desk writes. */
  person?: () => string | undefined;
  onProblem?: (problem: BridgeProblem) => void;
}

/**
 * A pull batch's reads and writes, kept in memory between one bulk read per kind and one bulk write per table. Each
 * document appears once in a changes batch, so each key is written once.
 */
interface PullPlan {
  /** Per kind of document, the rows here before the batch (undefined: none). */
  rows: Map<SyncType, Map<string, Record<string, unknown> | undefined>>;
  /** Per kind of document, the rows to write (null: to delete), where the kind keeps them (db/sync-rows.ts). */
  writes: Map<SyncType, Map<string, Record<string, unknown> | null>>;
  /** Per mutable document, the revision in step before and after (undefined after: deleted). */
  revs: Map<string, { before: SyncRevRow | undefined; after: SyncRevRow | undefined }>;
  /** Per case, its clashes (open and settled) before and after. */
  conflicts: Map<string, { before: Clashes; after: Clashes }>;
  /** Reference → the case holding it, as the batch leaves them. */
  references: Map<string, string>;
}

/** A case's open and settled clashes, as its conflicts row holds them (db/outbox.ts ConflictRow). */
interface Clashes {
  clashes: CaseClash[];
  settled: Settlement[];
}

interface ShapedDoc extends PouchDoc {
  type: SyncType;
  schema: number;
  writer: string;
  body: Record<string, unknown>;
  editedBy?: string;
  editedAt?: string;
  clashes?: CaseClash[];
  /** Clashes settled by a person (shared/sync/merge.ts CaseRevision.settled). */
  settled?: Settlement[];
  erasedBy?: string;
}

const stampOf = (doc: ShapedDoc): EditStamp => ({
  writer: doc.writer,
  ...(doc.editedBy ? { by: doc.editedBy } : {}),
  ...(doc.editedAt ? { at: doc.editedAt } : {}),
});

/** What anonymising leaves of an immutable document's body (shared/sync/design.ts ERASURE_RULES). */
function erasedLetterBody(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(ERASURE_RULES.letter.kept.filter((k) => k in body).map((k) => [k, body[k]]));
}

/**
 * Whether a document of the local PouchDB may be one the server lacks: one this desk wrote. Every document the bridge
 * writes names this desk's server user as its writer (new documents, edits, merges) or as the one who erased it
 * (`erasedBy`), or is a deletion (a case deleted here, the losing revisions of a merge); everything else arrived by
 * the pull, from the server, which holds it already. The push offers only these (TeamSync's push filter), instead of
 * reading back every pulled document and asking the server about it. Decided by the document's content, so it holds
 * after a restart: nothing written here and unsent is ever skipped. Deletions that arrived by the pull pass too (few,
 * and harmless to offer). One case is left to another desk: a merge that changes nothing of the winning revision
 * (another desk's) writes only the losers' deletions; the desk whose revision won makes the same deletions (the same
 * revision ids: PouchDB derives them from the content) and sends them, and until then each desk settles it alike.
 */
export function writtenHere(user: string): (doc: PouchDoc) => boolean {
  return (doc) => doc._deleted === true || doc.writer === user || doc.erasedBy === user;
}

/** What the team's server holds of a document: nothing (undefined), a deletion, or an erased or a plain copy. */
export type TeamCopy = 'deleted' | 'erased' | 'held';

/** The team's copy of each of these documents of one type, asked of the team's server (TeamSync.join). */
export type TeamCopies = (type: SyncType, ids: string[]) => Promise<Map<string, TeamCopy>>;

/**
 * Whether a desk joining a team uploads its row of a document the team's server holds as `team`. A document the team
 * never had goes up (a desk joining with its own cases uploads them all, issue #14). One the team has is the team's
 * when it was deleted or erased there, or is immutable (an entry, a letter, an audit record, a file: the team's copy
 * is the same or erased further): uploaded, a desk that left the team, restored an older backup (or kept its copy
 * while the team erased) and joined again put its copy beside the team's as a second branch, so a case the team
 * deleted came back at every desk and an erased customer's details went back to the server. The pull then brings the
 * team's copy over this desk's. A case, person or other mutable document the team holds as it was goes up (merged
 * field by field with the team's, clashes shown), and a counter always does (the highest number wins). But not a
 * case `unchangedHere`: one the desk was in step with when it left the team and has not changed since (team.ts
 * rejoinPlan). Uploaded, with no revision both copies grew from (leaving forgets them), every field the team
 * changed meanwhile showed as "Changed at two desks"; the pull brings the team's copy over it.
 */
export function uploadsOnJoin(type: SyncType, team: TeamCopy | undefined, unchangedHere = false): boolean {
  if (team === undefined || type === 'counter') return true;
  return team === 'held' && !isImmutableType(type) && !unchangedHere;
}

/**
 * Outbox rows for every shared row this desk holds that the team should get from it (uploadsOnJoin; without
 * `teamCopies`, every row), but none for the documents in `except` (a desk taking the team's providers: its own are
 * not uploaded), nor for those in `unchanged` the team holds (uploadsOnJoin). Returns the rows written.
 */
export async function enqueueAll(
  database: RedressDatabase,
  teamCopies?: TeamCopies,
  except: ReadonlySet<string> = new Set(),
  unchanged: ReadonlySet<string> = new Set(),
): Promise<number> {
  const at = new Date().toISOString();
  let count = 0;
  for (const type of Object.keys(SYNC_TABLES) as SyncType[]) {
    // An entry's outbox row names its case too: the entry is found through it (db/sync-rows.ts).
    const keys = await syncRows(type).refs(database);
    for (let i = 0; i < keys.length; i += 5000) {
      const docs = keys
        .slice(i, i + 5000)
        .map(({ key, caseId }) => ({ ref: syncDocId(type, key), caseId }))
        .filter(({ ref }) => !except.has(ref));
      const team = teamCopies
        ? await teamCopies(
            type,
            docs.map((d) => d.ref),
          )
        : new Map<string, TeamCopy>();
      const rows: OutboxRow[] = docs
        .filter(({ ref }) => uploadsOnJoin(type, team.get(ref), unchanged.has(ref)))
        .map(({ ref, caseId }) => ({ ref, token: crypto.randomUUID(), at, ...(caseId ? { caseId } : {}) }));
      await database.table(OUTBOX_TABLE).bulkPut(rows);
      count += rows.length;
    }
  }
  return count;
}

/** TeamCopies from the team's database (a case's body is read to tell an erased one; other documents' revisions). */
export function teamCopiesIn(remote: PouchDatabase): TeamCopies {
  return async (type, ids) => {
    const { rows } = await remote.allDocs({ keys: ids, include_docs: type === 'case' });
    const copies = new Map<string, TeamCopy>();
    rows.forEach((row, i) => {
      if (!row.value) return;
      const erased = type === 'case' && (row.doc as ShapedDoc | undefined)?.body?.anonymisedOn;
      copies.set(ids[i], row.value.deleted ? 'deleted' : erased ? 'erased' : 'held');
    });
    return copies;
  };
}

export class Bridge {
  private readonly database: RedressDatabase;
  private readonly local: PouchDatabase;
  private readonly writer: string;
  private readonly person: () => string | undefined;
  private readonly onProblem: (problem: BridgeProblem) => void;

  constructor(options: BridgeOptions) {
    this.database = options.database;
    this.local = options.local;
    this.writer = options.writer;
    this.person = options.person ?? (() => undefined);
    this.onProblem = options.onProblem ?? (() => {});
  }

  /** Changes made here and not yet written to the local PouchDB. */
  waiting(): Promise<number> {
    return this.database.outbox.count();
  }

  /** Write every outbox row's document to the local PouchDB. Returns the documents written. */
  async push(): Promise<number> {
    let written = 0;
    for (;;) {
      const rows = await this.database.outbox.limit(BATCH).toArray();
      if (rows.length === 0) return written;
      const round = await this.pushBatch(rows);
      written += round.written;
      // Nothing sent, settled or merged (a document another write keeps conflicted): the next push tries again, so a
      // push always returns and the pull can run.
      if (!round.progressed) return written;
    }
  }

  private async pushBatch(rows: OutboxRow[]): Promise<{ written: number; progressed: boolean }> {
    const refs = rows.map((r) => r.ref);
    const existing = await this.local.allDocs({ keys: refs, include_docs: true, conflicts: true });
    const docs = new Map<string, ShapedDoc>();
    for (const row of existing.rows) if (row.doc && !row.value?.deleted) docs.set(row.id, row.doc as ShapedDoc);
    const writes: ShapedDoc[] = [];
    const done: OutboxRow[] = [];
    const inStep: SyncRevRow[] = [];
    let resolved = 0;
    for (const row of rows) {
      const parsed = parseSyncDocId(row.ref);
      if (!parsed) {
        done.push(row);
        continue;
      }
      const doc = docs.get(row.ref);
      const next = await this.documentFor(parsed.type, parsed.key, doc, row);
      if (next === 'same') {
        if (doc?._rev && !isImmutableType(parsed.type)) inStep.push({ ref: row.ref, rev: doc._rev, body: doc.body });
        done.push(row);
      } else if (next === 'conflicted') {
        // The document's revisions are merged first (as the pull does); the row stays in the outbox and the next
        // round sends this change on the merge, from the revision it was made on.
        if (!isImmutableType(parsed.type)) {
          await this.resolve(doc!, parsed.type);
          resolved += 1;
        }
      } else {
        writes.push(next);
        done.push(row);
      }
    }
    const results = writes.length
      ? await this.writeOwn(
          writes.map((w) => w._id),
          async () => {
            const written = await this.local.bulkDocs(writes);
            // An erasure written here: the earlier revisions, which hold the personal data, go from this desk's
            // PouchDB now (compaction keeps only the latest revision of each document).
            if (writes.some(isErasure)) await this.local.compact();
            return written;
          },
        )
      : [];
    const failed = new Set<string>();
    results.forEach((result, i) => {
      if (result.ok || result.rev) {
        if (!isImmutableType(writes[i].type))
          inStep.push({
            ref: writes[i]._id,
            rev: result.rev!,
            ...(writes[i]._deleted ? {} : { body: writes[i].body }),
          });
      } else {
        // 409: another revision landed between the read and the write (a replication): sent again next round.
        failed.add(writes[i]._id);
      }
    });
    await this.database.transaction('rw', [this.database.outbox, this.database.syncRevs], async (tx) => {
      writingFromTeam(tx);
      for (const row of done) {
        if (failed.has(row.ref)) continue;
        const now = await this.database.outbox.get(row.ref);
        if (now?.token === row.token) await this.database.outbox.delete(row.ref);
      }
      if (inStep.length) {
        // The team's revision stays what it was; a first write over a document takes that document as it.
        const before = await this.database.syncRevs.bulkGet(inStep.map((r) => r.ref));
        await this.database.syncRevs.bulkPut(
          inStep.map((r, i) => {
            // After an erasure no earlier body is kept: it holds the personal data (an anonymised case wins any
            // merge whole, so it needs no base).
            if (r.body?.anonymisedOn) return r;
            const doc = docs.get(r.ref);
            const team = before[i]?.team ?? (doc?._rev ? { rev: doc._rev, body: doc.body } : undefined);
            return team ? { ...r, team } : r;
          }),
        );
      }
    });
    const written = results.filter((r) => r.ok || r.rev).length;
    return { written, progressed: written > 0 || done.length > failed.size || resolved > 0 };
  }

  /** The document to write for a row, 'same' when the document already holds it, 'conflicted' when it must wait. */
  private async documentFor(
    type: SyncType,
    key: string,
    doc: ShapedDoc | undefined,
    change: OutboxRow,
  ): Promise<ShapedDoc | 'same' | 'conflicted'> {
    const [row] = await syncRows(type).get(this.database, [{ key, caseId: change.caseId }]);
    const id = syncDocId(type, key);
    const envelope = (body: Record<string, unknown>, extra: Partial<ShapedDoc> = {}): ShapedDoc => ({
      _id: id,
      ...(doc?._rev ? { _rev: doc._rev } : {}),
      type,
      schema: SYNC_SCHEMA,
      writer: this.writer,
      body,
      ...extra,
    });
    if (doc?._conflicts?.length) return 'conflicted';

    if (type === 'letter') {
      if (!row) {
        // Deleted here: only anonymisation deletes a letter; the team's copy loses its PDF and personal fields.
        if (!doc || doc.erasedBy) return 'same';
        return { ...envelope(erasedLetterBody(doc.body)), writer: doc.writer, erasedBy: this.writer };
      }
      const { bytes, ...body } = row as unknown as LetterRow;
      if (doc) return 'same';
      return envelope(body as unknown as Record<string, unknown>, {
        _attachments: { [LETTER_ATTACHMENT]: { content_type: 'application/pdf', data: toBase64(bytes) } },
      });
    }
    if (type === 'attachment') {
      // Written once with its file as a CouchDB attachment; changed only by its removal (a person's, with a reason, or
      // anonymisation), which keeps the original writer, names who removed it, and drops the file when it was deleted.
      if (!row) return 'same';
      const { blob, ...body } = row as unknown as AttachmentDbRow;
      if (!doc) {
        const file = blob
          ? {
              _attachments: {
                [FILE_ATTACHMENT]: {
                  content_type: body.mime,
                  data: toBase64(new Uint8Array(await blob.arrayBuffer())),
                },
              },
            }
          : {};
        return envelope(body as unknown as Record<string, unknown>, file);
      }
      if (sameValue(doc.body, body)) return 'same';
      const stub = doc._attachments?.[FILE_ATTACHMENT];
      const file = stub && !body.deleted?.fileDeleted ? { _attachments: { [FILE_ATTACHMENT]: stub } } : {};
      return {
        ...envelope(body as unknown as Record<string, unknown>, file),
        writer: doc.writer,
        erasedBy: this.writer,
      };
    }
    if (isImmutableType(type)) {
      if (!row) return 'same';
      if (!doc) return envelope(row);
      if (sameValue(doc.body, row)) return 'same';
      // Changed after it was written: only anonymisation does that. The original writer stays. The first revision may
      // not have reached the server yet (offline): the replication then sends this one alone, which the server's rules
      // take as a first revision already erased (shared/sync/design.ts).
      return { ...envelope(row), writer: doc.writer, erasedBy: this.writer };
    }

    // Mutable: case (with its clashes), person, counter, provider, procedure version.
    const editStamp: EditStamp = { writer: this.writer, by: this.person(), at: change.at };
    // The clashes as this row has them: a field changed here again after its clash was recorded keeps the clash, with
    // the value the case holds now as the one kept (shared/sync/merge.ts clashesAgainst).
    const conflictRow = type === 'case' && row ? await this.database.conflicts.get(key) : undefined;
    const clashes =
      type === 'case' && row
        ? clashesAgainst(row as unknown as CaseRecord, conflictRow?.clashes ?? [], () => editStamp)
        : undefined;
    const settled = conflictRow?.settled ?? [];
    if (!row) {
      if (!doc) return 'same';
      return { _id: id, _rev: doc._rev, _deleted: true } as ShapedDoc;
    }
    const stamp = type === 'case' ? { editedBy: this.person(), editedAt: change.at } : {};
    const clean = (d: ShapedDoc) => {
      if (d.editedBy === undefined) delete d.editedBy;
      if (type !== 'case' || !d.clashes?.length) delete d.clashes;
      if (type !== 'case' || !d.settled?.length) delete d.settled;
      return d;
    };
    if (!doc) return clean(envelope(row, { ...stamp, clashes, settled }));
    if (doc.schema > SYNC_SCHEMA) throw new UpdateNeededError(doc.schema);
    if (
      sameValue(doc.body, row) &&
      sameValue(doc.clashes ?? [], clashes ?? []) &&
      (type !== 'case' || sameValue(doc.settled ?? [], settled))
    )
      return 'same';
    const base = await this.database.syncRevs.get(id);
    if (!base || base.rev === doc._rev) {
      // In step with what the team has: this change goes on top. Fields this Redress does not know stay: the row holds
      // the body as it arrived (the stored schemas are loose objects), so they go back with it.
      return clean(envelope(row, { ...stamp, clashes, settled }));
    }
    // A newer revision arrived since this row was last in step: merge this change into it from that revision.
    const baseBody = (await this.bodyAt(id, base.rev)) ?? base.body ?? null;
    if (type === 'counter') {
      return envelope(mergeCounterRevisions(doc.body as { last: number }, [row as { last: number }]));
    }
    if (PLAIN_TYPES.has(type)) {
      return envelope(mergePlainRevisions(doc.body, [{ body: row, base: baseBody }]));
    }
    const merged = mergeCaseRevisions(
      { body: doc.body as unknown as CaseRecord, stamp: stampOf(doc), clashes: doc.clashes, settled: doc.settled },
      [
        {
          body: row as unknown as CaseRecord,
          stamp: editStamp,
          base: baseBody as unknown as CaseRecord | null,
          clashes,
          settled,
        },
      ],
    );
    return clean(
      envelope(merged.body as unknown as Record<string, unknown>, {
        ...stamp,
        clashes: merged.clashes,
        settled: merged.settled,
      }),
    );
  }

  private async bodyAt(id: string, rev: string): Promise<Record<string, unknown> | null> {
    try {
      const doc = (await this.local.get(id, { rev })) as ShapedDoc;
      return doc.body ?? null;
    } catch {
      return null; // compacted away: every differing field is asked about
    }
  }

  /** Apply every change of the local PouchDB not applied yet to Dexie. Returns the documents applied. */
  async pull(): Promise<number> {
    let applied = 0;
    for (;;) {
      const since = ((await this.database.meta.get(PULLED_SEQ_KEY))?.value as number | string | undefined) ?? 0;
      const changes = await this.local.changes({ since, limit: PULL_BATCH, include_docs: true, conflicts: true });
      if (changes.results.length === 0) return applied;
      applied += await this.applyBatch(changes.results.map((c) => c.doc!).filter(Boolean), changes.last_seq);
    }
  }

  private async applyBatch(docs: PouchDoc[], lastSeq: number | string): Promise<number> {
    // Read everything from PouchDB first: a Dexie transaction cannot wait on anything but Dexie.
    const ready: Array<{ doc: ShapedDoc; type: SyncType; key: string; bytes?: Uint8Array }> = [];
    for (const raw of docs) {
      const parsed = parseSyncDocId(raw._id);
      if (!parsed) continue;
      const doc = raw as ShapedDoc;
      if (!doc._deleted && typeof doc.schema === 'number' && doc.schema > SYNC_SCHEMA)
        throw new UpdateNeededError(doc.schema);
      if (doc._conflicts?.length && !isImmutableType(parsed.type)) {
        // Settled first; the merge arrives as a later change and is applied then.
        await this.resolve(doc, parsed.type);
        continue;
      }
      let bytes: Uint8Array | undefined;
      if (parsed.type === 'letter' && !doc._deleted && !doc.erasedBy) {
        bytes = (await this.letterBytes(doc)) ?? undefined;
        if (!bytes) continue;
      }
      if (parsed.type === 'attachment' && !doc._deleted && doc._attachments?.[FILE_ATTACHMENT]) {
        bytes = (await this.fileBytes(doc)) ?? undefined;
        if (!bytes) continue;
      }
      if (!doc._deleted && !(parsed.type === 'letter' && doc.erasedBy) && !this.storable(doc, parsed, bytes)) continue;
      ready.push({ doc, ...parsed, bytes });
    }
    const tables = [
      ...new Set(Object.values(SYNC_TABLES).map((t) => t.table)),
      'caseIndex',
      'reportRows',
      'syncRevs',
      'conflicts',
      'meta',
      OUTBOX_TABLE,
    ];
    let applied = 0;
    const touchedCases = new Set<string>();
    // One transaction, and a few requests for the whole batch (each kind read with one bulkGet, each table written with
    // one bulkPut): the requests of a document one after another were what made a large download slow.
    await this.database.transaction('rw', tables, async (tx) => {
      writingFromTeam(tx);
      // (An empty outbox, as during a first download, is one count instead of a read per document.)
      const ids = ready.map((r) => r.doc._id);
      const waiting = (await this.database.outbox.count()) ? await this.database.outbox.bulkGet(ids) : [];
      // Changed here too: the push merges it.
      const todo = ready.filter((_, i) => !waiting[i]);
      const plan = await this.readPlan(todo);
      for (const { doc, type, key, bytes } of todo) {
        if (this.applyOne(plan, doc, type, key, bytes)) {
          applied += 1;
          const caseId = type === 'case' ? key : (doc.body?.caseId as string | undefined);
          if (caseId) touchedCases.add(caseId);
        }
      }
      await this.writePlan(plan);
      // Providers and procedures from the team are this desk's before the cases that follow them are indexed.
      if (ready.some(({ type }) => type === 'procedure')) installRows(await this.database.procedures.toArray());
      await refreshCaseIndexes(this.database, [...touchedCases]);
      await this.database.meta.put({ key: PULLED_SEQ_KEY, value: lastSeq });
    });
    // Work another desk did offline on a case erased meanwhile (a note, a file), or this desk's own taken in the team's
    // erasure: anonymised now, as this desk's change, so the push erases it at every desk and on the server too.
    const kept = await keepErased(this.database, [...touchedCases], { by: ERASURE_KEPT_BY });
    // An erasure from another desk: the personal data's earlier revisions go from this desk's PouchDB too.
    if (kept.length || ready.some(({ doc }) => isErasure(doc))) await this.local.compact();
    return applied;
  }

  /** What a batch of documents meets here: the rows, revisions in step and clashes, each kind read at once. */
  private async readPlan(todo: ReadonlyArray<{ doc: ShapedDoc; type: SyncType; key: string }>): Promise<PullPlan> {
    const plan: PullPlan = {
      rows: new Map(),
      writes: new Map(),
      revs: new Map(),
      conflicts: new Map(),
      references: new Map(),
    };
    const byType = new Map<SyncType, RowRef[]>();
    for (const { type, key, doc } of todo) {
      // A team's entry names its case, and is found through it (a deletion does not: an entry's is never applied).
      const refs = byType.get(type) ?? [];
      if (!refs.length) byType.set(type, refs);
      refs.push({ key, caseId: doc.body?.caseId as string | undefined });
    }
    for (const [type, refs] of byType) {
      const rows = await syncRows(type).get(this.database, refs);
      plan.rows.set(type, new Map(refs.map((r, i) => [r.key, rows[i]])));
      plan.writes.set(type, new Map());
    }
    const mutable = todo.filter((t) => !isImmutableType(t.type)).map((t) => t.doc._id);
    const revs = await this.database.syncRevs.bulkGet(mutable);
    mutable.forEach((ref, i) => plan.revs.set(ref, { before: revs[i], after: revs[i] }));
    const cases = todo.filter((t) => t.type === 'case');
    const clashes = await this.database.conflicts.bulkGet(cases.map((t) => t.key));
    cases.forEach((t, i) =>
      plan.conflicts.set(t.key, {
        before: { clashes: clashes[i]?.clashes ?? [], settled: clashes[i]?.settled ?? [] },
        after: { clashes: clashes[i]?.clashes ?? [], settled: clashes[i]?.settled ?? [] },
      }),
    );
    const references = cases.filter((t) => !t.doc._deleted).map((t) => t.doc.body.reference as string);
    if (references.length) {
      const holders = await this.database.cases.where('reference').anyOf(references).toArray();
      for (const holder of holders) plan.references.set(holder.reference, holder.id);
    }
    return plan;
  }

  /** Write what a batch changed: one bulk request per kind. */
  private async writePlan(plan: PullPlan): Promise<void> {
    for (const [type, writes] of plan.writes) {
      const gone = [...writes].filter(([, row]) => row === null).map(([key]) => key);
      const rows = [...writes.values()].filter((row): row is Record<string, unknown> => row !== null);
      // Where the kind keeps its rows (entries onto their cases' timelines; never deleted: applyOne takes no entry's
      // deletion).
      const kind = syncRows(type);
      if (gone.length) await kind.remove(this.database, gone);
      // In requests of WRITE_CHUNK rows, each issued when the one before has been written: IndexedDB copies a row
      // (its structured clone) on the main thread as it is put, so a round's thousand entries in one request were one
      // task of hundreds of milliseconds; chunked, the page gets a turn between them, in the same transaction.
      // Chunks of even size (never a small tail: fewer than 50 rows are recorded key by key).
      const size = Math.ceil(rows.length / Math.ceil(rows.length / WRITE_CHUNK));
      for (let i = 0; i < rows.length; i += size) await kind.put(this.database, rows.slice(i, i + size));
    }
    const revs = [...plan.revs].filter(([, r]) => r.after !== r.before);
    const revsGone = revs.filter(([, r]) => !r.after).map(([ref]) => ref);
    const revsPut = revs.map(([, r]) => r.after).filter((r): r is SyncRevRow => !!r);
    if (revsGone.length) await this.database.syncRevs.bulkDelete(revsGone);
    if (revsPut.length) await this.database.syncRevs.bulkPut(revsPut);
    const clashes = [...plan.conflicts].filter(([, c]) => !sameValue(c.before, c.after));
    const none = (c: Clashes) => c.clashes.length === 0 && c.settled.length === 0;
    const clashesGone = clashes.filter(([, c]) => none(c.after)).map(([caseId]) => caseId);
    const clashesPut = clashes
      .filter(([, c]) => !none(c.after))
      .map(([caseId, c]) => ({
        caseId,
        clashes: c.after.clashes,
        ...(c.after.settled.length ? { settled: c.after.settled } : {}),
      }));
    if (clashesGone.length) await this.database.conflicts.bulkDelete(clashesGone);
    if (clashesPut.length) await this.database.conflicts.bulkPut(clashesPut);
  }

  /** Apply one document to the batch's plan (nothing is written until `writePlan`). Whether it changed a row. */
  private applyOne(plan: PullPlan, doc: ShapedDoc, type: SyncType, key: string, bytes?: Uint8Array): boolean {
    const here = plan.rows.get(type)!.get(key);
    const writes = plan.writes.get(type)!;
    const put = (row: Record<string, unknown>) => writes.set(key, row);
    if (doc._deleted) {
      if (!here || isImmutableType(type)) return false;
      writes.set(key, null);
      plan.revs.get(doc._id)!.after = undefined;
      if (type === 'case') {
        plan.conflicts.get(key)!.after = { clashes: [], settled: [] };
        if (plan.references.get(here.reference as string) === key) plan.references.delete(here.reference as string);
      }
      return true;
    }
    if (type === 'letter') {
      if (doc.erasedBy) {
        if (!here) return false;
        writes.set(key, null);
        return true;
      }
      if (here) return false;
      put({ ...doc.body, bytes });
      return true;
    }
    if (type === 'attachment') {
      const { blob: kept, ...mine } = (here ?? {}) as Partial<AttachmentDbRow>;
      if (here && sameValue(mine, doc.body)) return false;
      if (here && !doc.erasedBy) return false; // written once; only a removal changes it
      const body = doc.body as unknown as AttachmentDbRow;
      const blob = body.deleted?.fileDeleted ? undefined : bytes ? fileBlob(bytes, body.mime) : kept;
      put({ ...body, ...(blob ? { blob } : {}) });
      return true;
    }
    if (type === 'counter') {
      const mine = (here?.last as number | undefined) ?? 0;
      const theirs = (doc.body.last as number | undefined) ?? 0;
      this.inStepWith(plan, doc);
      if (here && mine >= theirs) return false;
      put(doc.body);
      return true;
    }
    if (type === 'case') {
      // Two cases under one reference (a desk that reused a prefix): never stored; said, so a person can sort it.
      const reference = doc.body.reference as string;
      const holder = plan.references.get(reference);
      if (holder !== undefined && holder !== key) {
        this.onProblem({
          docId: doc._id,
          reason:
            `Two cases from the team have the reference ${reference}: the one already here is kept and the other ` +
            `(${key}) is not shown. Ask your administrator: two desks used the same reference prefix.`,
          leftOut: key,
        });
        return false;
      }
      plan.references.set(reference, key);
    }
    if (!isImmutableType(type)) this.inStepWith(plan, doc);
    if (type === 'case') plan.conflicts.get(key)!.after = { clashes: doc.clashes ?? [], settled: doc.settled ?? [] };
    if (here && sameValue(here, doc.body)) return type === 'case';
    if (type === 'entry' && here && !doc.erasedBy) return false; // an entry is written once
    put(doc.body);
    return true;
  }

  /**
   * Whether a document's body is a row this desk may store (the checks every write here passes, shared/model/stored.ts).
   * One that is not is shown as a problem and left out, so it never stops the documents after it.
   */
  private storable(doc: ShapedDoc, { type, key }: { type: SyncType; key: string }, bytes?: Uint8Array): boolean {
    const { key: keyField } = SYNC_TABLES[type];
    const body = (doc.body ?? {}) as Record<string, unknown>;
    const row =
      type === 'letter'
        ? { ...body, bytes }
        : type === 'attachment' && bytes
          ? { ...body, blob: fileBlob(bytes, String(body.mime)) }
          : body;
    const check = checkStoredRow(syncRows(type).checkedAs, row);
    const problems = [...check.refused, ...check.overLimits].map((p) => `${formatPath(p.path)} ${p.message}`);
    if (body[keyField] !== key) problems.unshift(`its ${keyField} does not match the document's id`);
    // A procedure is checked with THE procedure schema too: one the rules would refuse is never installed.
    if (type === 'procedure' && check.refused.length === 0) {
      const procedure = checkProcedure(body.procedure);
      if (!procedure.ok) problems.push(...procedure.issues.map((i) => `procedure.${i.field} ${i.message}`));
    }
    if (problems.length === 0) return true;
    const article = /^[aeiou]/.test(type) ? 'An' : 'A';
    this.onProblem({
      docId: doc._id,
      reason: `${article} ${type} from the team was not taken in: ${problems.join('; ')}.`,
    });
    return false;
  }

  /** Record the revision a row is now in step with; one from another desk is also the team's revision. */
  private inStepWith(plan: PullPlan, doc: ShapedDoc): void {
    const revs = plan.revs.get(doc._id)!;
    const team = isErasure(doc)
      ? undefined // no earlier body kept after an erasure: it holds the personal data
      : doc.writer !== this.writer
        ? { rev: doc._rev!, body: doc.body }
        : revs.after?.team;
    revs.after = { ref: doc._id, rev: doc._rev!, body: doc.body, ...(team ? { team } : {}) };
  }

  /** An attachment's file, checked against its size and SHA-256; null (and a problem shown) when it is not. */
  private async fileBytes(doc: ShapedDoc): Promise<Uint8Array | null> {
    try {
      const full = await this.local.get(doc._id, { rev: doc._rev, attachments: true });
      const data = full._attachments?.[FILE_ATTACHMENT]?.data;
      if (!data) throw new Error('the file is missing');
      const bytes = fromBase64(data);
      if (bytes.length !== doc.body.size || (await sha256Hex(bytes)) !== doc.body.sha256)
        throw new Error('its checksum does not match the file as it was added');
      return bytes;
    } catch (error) {
      this.onProblem({
        docId: doc._id,
        reason: `A file from the team was not taken in: ${error instanceof Error ? error.message : String(error)}.`,
      });
      return null;
    }
  }

  /** A letter's PDF, checked against the checksum it was issued with; null (and a problem shown) when it is not. */
  private async letterBytes(doc: ShapedDoc): Promise<Uint8Array | null> {
    try {
      const full = await this.local.get(doc._id, { rev: doc._rev, attachments: true });
      const data = full._attachments?.[LETTER_ATTACHMENT]?.data;
      if (!data) throw new Error('the PDF is missing');
      const bytes = fromBase64(data);
      const sha = await sha256Hex(bytes);
      if (sha !== doc.body.sha256) throw new Error('its checksum does not match the letter as issued');
      return bytes;
    } catch (error) {
      this.onProblem({
        docId: doc._id,
        reason: `A letter from the team was not taken in: ${error instanceof Error ? error.message : String(error)}.`,
      });
      return null;
    }
  }

  /** Merge a mutable document's conflicting revisions, write the merge on the winner and delete the losers. */
  private async resolve(winner: ShapedDoc, type: SyncType): Promise<void> {
    const leaves = (await this.local.get(winner._id, {
      open_revs: winner._conflicts!,
      revs: true,
    })) as Array<{ ok?: ShapedDoc }>;
    const winnerHistory = await this.local.get(winner._id, { rev: winner._rev, revs: true });
    const winnerRevs = revList(winnerHistory._revisions);
    // The revision this desk was last in step with: a base too when PouchDB no longer holds the common one's body.
    const inStep = await this.database.syncRevs.get(winner._id);
    const losers: Array<{ doc: ShapedDoc; base: Record<string, unknown> | null }> = [];
    for (const leaf of leaves) {
      if (!leaf.ok || leaf.ok._deleted) continue;
      const loserRevs = revList(leaf.ok._revisions);
      const common = loserRevs.find((r) => winnerRevs.includes(r));
      let base = common ? await this.bodyAt(winner._id, common) : null;
      for (const known of [inStep, inStep?.team]) {
        if (!base && known?.body && winnerRevs.includes(known.rev) && loserRevs.includes(known.rev)) base = known.body;
      }
      losers.push({ doc: leaf.ok, base });
    }
    let body: Record<string, unknown>;
    let clashes: CaseClash[] | undefined;
    let settled: Settlement[] | undefined;
    if (type === 'counter') {
      body = mergeCounterRevisions(
        winner.body as { last: number },
        losers.map((l) => l.doc.body as { last: number }),
      );
    } else if (PLAIN_TYPES.has(type)) {
      body = mergePlainRevisions(
        winner.body,
        losers.map((l) => ({ body: l.doc.body, base: l.base })),
      );
    } else {
      const merged = mergeCaseRevisions(
        {
          body: winner.body as unknown as CaseRecord,
          stamp: stampOf(winner),
          clashes: winner.clashes,
          settled: winner.settled,
        },
        losers.map((l) => ({
          body: l.doc.body as unknown as CaseRecord,
          stamp: stampOf(l.doc),
          clashes: l.doc.clashes,
          settled: l.doc.settled,
          base: l.base as unknown as CaseRecord | null,
        })),
      );
      body = merged.body as unknown as Record<string, unknown>;
      clashes = merged.clashes;
      settled = merged.settled;
    }
    const merged: ShapedDoc = {
      _id: winner._id,
      _rev: winner._rev,
      type,
      schema: SYNC_SCHEMA,
      writer: this.writer,
      body,
      ...(winner.editedBy ? { editedBy: winner.editedBy } : {}),
      ...(winner.editedAt ? { editedAt: winner.editedAt } : {}),
      ...(clashes?.length ? { clashes } : {}),
      ...(settled?.length ? { settled } : {}),
    };
    const tombstones = winner._conflicts!.map((rev) => ({ _id: winner._id, _rev: rev, _deleted: true }));
    // When the merge is what the winner already holds (two desks wrote the same merge, each in its own name), only
    // the losers are deleted: deletions of the same revision are the same revision at every desk (PouchDB's revision
    // ids are a digest of the content), so the desks converge instead of answering each other's merge forever.
    const same =
      sameValue(body, winner.body) &&
      sameValue(clashes ?? [], winner.clashes ?? []) &&
      sameValue(settled ?? [], winner.settled ?? []);
    await this.writeOwn([winner._id], () => this.local.bulkDocs(same ? tombstones : [merged, ...tombstones]));
  }

  /** This desk's own documents written into the local PouchDB, with the record the push's start relies on. */
  private writeOwn<T>(ids: readonly string[], write: () => Promise<T>): Promise<T> {
    return recordOwnWrite(this.database, this.local, ids, write);
  }
}

/** An attachment's bytes as the database keeps them. */
const fileBlob = (bytes: Uint8Array, mime: string) => new Blob([bytes as BlobPart], { type: mime });
/** Mutable documents merged field by field with no clash record: people, providers, procedure versions. */
const PLAIN_TYPES: ReadonlySet<SyncType> = new Set(['person', 'provider', 'procedure']);

/** A revision that removes personal data: an anonymising revision of an entry, letter or audit record, or an anonymised case. */
function isErasure(doc: ShapedDoc): boolean {
  return !!doc.erasedBy || (doc.type === 'case' && !!doc.body?.anonymisedOn);
}

/** A revision history as full revision ids, newest first. */
function revList(revisions: { start: number; ids: string[] } | undefined): string[] {
  if (!revisions) return [];
  return revisions.ids.map((id, i) => `${revisions.start - i}-${id}`);
}
