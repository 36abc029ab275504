// The documents a team's CouchDB database holds (issue #14): one document per row of the tables that are shared,
// in one envelope. The server's rules (./design.ts) and the desk's bridge both read this module, so the format is
// written down once. Pure.
//
//   { _id: 'entry:6f0c…', type: 'entry', schema: 1, writer: 'desk-leeds-1', body: { …the TimelineEvent… } }
//
// - `_id` is `<type>:<key>`: the type, a colon, and the row's own key. Rows are keyed by random UUIDs
//   (crypto.randomUUID), so ids are globally unique and two desks never write the same id by chance; a counter is
//   keyed by its `PREFIX-YEAR`, and each desk has its own prefix, so each desk writes only its own counters.
// - `type` names the kind of row (`SYNC_TYPES`); it always matches the id's prefix.
// - `schema` is the major version of the body's format. A desk keeps fields it does not know when it writes a document
//   back; a document of a newer major version than a desk (or the server's rules) understands is refused, and the desk
//   stops syncing with "Update Redress to keep sharing".
// - `writer` is the desk's server user (CouchDB's `userCtx.name`) that wrote this revision, beside the person who did
//   the work (inside the body, e.g. a timeline entry's `by`). The server refuses a revision whose writer is not the
//   logged-in user, so a desk cannot write in another desk's name.
// - `body` is the row as the desk stores it (the shapes of shared/model). A letter's PDF bytes are not in the body
//   but in the attachment `LETTER_ATTACHMENT`, whose SHA-256 is the body's `sha256`; likewise a file kept on a case
//   (type `attachment`, issue #18): its bytes are the CouchDB attachment `FILE_ATTACHMENT`, checked on arrival.
// - `erasedBy` appears only on an anonymised revision of an immutable document (see `IMMUTABLE_TYPES`): the server
//   user with the erasure role who removed the personal fields. It is the only field such a revision adds.
import type { AttachmentRow } from '#shared/model/attachment';
import type { CaseRecord, TimelineEvent } from '#shared/model/case';
import type { IssuedLetter } from '#shared/model/letter';
import type { Provider } from '#shared/model/provider';
import type { storedAudit, storedCounter, storedPerson, storedProcedure } from '#shared/model/stored';
import type { z } from 'zod';

/**
 * The kinds of document, one per shared table: cases, timeline entries, issued letters, people, counters, audit, and
 * (issue #16) the desk's providers and its own procedures' versions (keyed `<id>@<version>`), which hold no customer data,
 * and (issue #18) the files kept on cases (their bytes as CouchDB attachments).
 */
export const SYNC_TYPES = [
  'case',
  'entry',
  'letter',
  'person',
  'counter',
  'audit',
  'provider',
  'procedure',
  'attachment',
] as const;
export type SyncType = (typeof SYNC_TYPES)[number];

/**
 * Documents never edited once written: a correction, a void, a withdrawal is a NEW entry. The server refuses any
 * change or deletion of them, except the anonymising revision written by a user with `ERASURE_ROLE`.
 */
export const IMMUTABLE_TYPES = ['entry', 'letter', 'audit', 'attachment'] as const satisfies readonly SyncType[];

/** The major version of the document format this code writes and understands. */
export const SYNC_SCHEMA = 1;

/** The CouchDB role of a server user allowed to write anonymising revisions of immutable documents. */
export const ERASURE_ROLE = 'redress-erasure';

/** The name of a letter document's attachment: the issued PDF's exact bytes. */
export const LETTER_ATTACHMENT = 'letter.pdf';
/** The name of an attachment document's CouchDB attachment: the file's exact bytes. */
export const FILE_ATTACHMENT = 'file';

/** What each type's `body` holds. */
export interface SyncBodies {
  case: CaseRecord;
  entry: TimelineEvent;
  letter: Omit<IssuedLetter, 'bytes'>;
  person: z.infer<typeof storedPerson>;
  counter: z.infer<typeof storedCounter>;
  audit: z.infer<typeof storedAudit>;
  attachment: Omit<AttachmentRow, 'blob'>;
  provider: Provider;
  procedure: z.infer<typeof storedProcedure>;
}

/** A live document of one type, as the desk writes it (CouchDB's `_rev` and `_attachments` besides). */
export interface SyncDoc<T extends SyncType = SyncType> {
  _id: string;
  _rev?: string;
  type: T;
  schema: number;
  writer: string;
  body: SyncBodies[T];
  erasedBy?: string;
  _attachments?: Record<string, unknown>;
}

/** A deleted revision (a losing revision of a case removed after a merge): CouchDB keeps no fields of ours on it. */
export interface SyncTombstone {
  _id: string;
  _rev: string;
  _deleted: true;
}

export function isSyncType(value: unknown): value is SyncType {
  return typeof value === 'string' && (SYNC_TYPES as readonly string[]).includes(value);
}

export function isImmutableType(type: SyncType): boolean {
  return (IMMUTABLE_TYPES as readonly SyncType[]).includes(type);
}

/** The id of the document for a row: `<type>:<key>` (the key is the row's UUID, or a counter's `PREFIX-YEAR`). */
export function syncDocId(type: SyncType, key: string): string {
  if (!key) throw new Error(`A ${type} document needs the row's key`);
  return `${type}:${key}`;
}

/** The range of ids of one type's documents, for `_all_docs` (`startkey`, `endkey`): every `<type>:<key>`. */
export function syncDocIdRange(type: SyncType): { startkey: string; endkey: string } {
  return { startkey: `${type}:`, endkey: `${type}:\ufff0` };
}

/** The type and row key a document id names, or null for an id that is not one of ours (design documents…). */
export function parseSyncDocId(id: string): { type: SyncType; key: string } | null {
  const colon = id.indexOf(':');
  if (colon <= 0) return null;
  const type = id.slice(0, colon);
  const key = id.slice(colon + 1);
  return isSyncType(type) && key ? { type, key } : null;
}

/** The document for a row, written by `writer` (the desk's server user) in this code's schema. */
export function toSyncDoc<T extends SyncType>(type: T, key: string, body: SyncBodies[T], writer: string): SyncDoc<T> {
  return { _id: syncDocId(type, key), type, schema: SYNC_SCHEMA, writer, body };
}
