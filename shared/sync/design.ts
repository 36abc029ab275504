// The team database's rules, enforced by CouchDB itself (issue #14): the design document `_design/redress` with a
// `validate_doc_update` function, and the `_security` object that lets only the team's desk users in. Pure: this
// module builds them as data; build/team-server/setup.ts writes them to a server.
//
// The function is written in plain ES5 (`var`, `function`, no arrow functions, no `let`, no spread): CouchDB 3's
// JavaScript engine may accept nothing newer. Its lists (the types, which ones are immutable, what anonymising keeps)
// are serialised into its source from the TypeScript below with JSON.stringify, so the server's rule and the app's
// anonymisation (shared/privacy/anonymise.ts) read one list.
//
// What it enforces, for everyone but server admins (`_admin` role):
// - the design document is written by admins only;
// - a document's id is `<type>:<key>` with a known type (shared/sync/documents.ts), `type` matches it, `schema` is a
//   whole number, and a schema newer than these rules know is refused ("Update Redress");
// - `writer` is the logged-in server user: a desk cannot write in another desk's name;
// - an existing timeline entry, letter or audit record is never changed or deleted ("record a correction
//   instead"), except by a user with the erasure role whose revision only removes what anonymising removes (and a
//   letter's PDF), keeps the original writer, and adds nothing but `erasedBy` naming that user; a file kept on a case
//   may also be removed (and its bytes deleted) by any desk user, with the same limits: a removal is a person's
//   decision with a reason (issue #18), recorded on the timeline, never undone;
// - a desk's own timeline entry, letter, audit record or file that the server has never held may arrive already erased
//   (`erasedBy`): written, then anonymised (or a file removed) at the desk before its first revision was sent (offline,
//   or while the replication was still sending), so the replication sends only the latest revision and the server has
//   no earlier one to compare with. The user must hold the erasure role (any desk user for a file's removal), be the
//   writer and name itself in `erasedBy`, and the document may hold nothing but what anonymising keeps (no other field,
//   no PDF, a file's bytes only when its removal kept them). So `erasedBy` never comes with new content, only with
//   what an erasure leaves, which the desk could as well have sent as a plain new document;
// - a deletion of a case, person or counter is let through: deleting the losing revisions of a conflict writes
//   tombstones that carry none of our fields (shared/TEAM-STORE.md, "Access and rules").
import { KEPT_EVENT_DATA } from '#shared/privacy/anonymise';
import { ERASURE_ROLE, FILE_ATTACHMENT, IMMUTABLE_TYPES, SYNC_SCHEMA, SYNC_TYPES } from './documents';

export const DESIGN_DOC_ID = '_design/redress';

/** What an anonymising revision of an immutable document must keep as it was; everything else it may remove. */
export interface ErasureRule {
  /** Body fields that must stay exactly as they were. */
  kept: readonly string[];
  /** Body fields whose text anonymising replaces by a neutral one (a string, or removed). */
  replaced: readonly string[];
  /** For an entry's `data`: the keys kept when their value is text, a number or null (others may be removed). */
  keptData?: readonly string[];
  /** Body fields the revision may add when the earlier one had none (an attachment's removal record). */
  mayAdd?: readonly string[];
}

/**
 * Per immutable type, what anonymising keeps. Entries: as shared/privacy/anonymise.ts `anonymiseEvent` does (the
 * headline becomes a neutral one; of `data`, only `KEPT_EVENT_DATA`). Letters: what letter it was and when; the file
 * name, checksum and PDF go. Audit records: what was done, when and by whom; the summary is replaced, the detail goes.
 */
export const ERASURE_RULES: Record<(typeof IMMUTABLE_TYPES)[number], ErasureRule> = {
  entry: {
    kept: ['id', 'caseId', 'type', 'on', 'at', 'by'],
    replaced: ['summary'],
    keptData: [...KEPT_EVENT_DATA],
  },
  letter: { kept: ['id', 'caseId', 'kind', 'issuedOn', 'issuedAt'], replaced: [] },
  audit: { kept: ['id', 'at', 'kind', 'by'], replaced: ['summary'] },
  // A file kept on a case: its removal (by a person with a reason, or anonymisation) adds `deleted`, may drop the file
  // itself and blank its name and note; what file it was (size, checksum, kind) and when it was added stay.
  attachment: {
    kept: ['id', 'caseId', 'fileType', 'mime', 'size', 'sha256', 'kind', 'addedBy', 'addedAt'],
    replaced: ['fileName', 'note'],
    mayAdd: ['deleted'],
  },
};

/** The function's source (ES5). `schema` is the newest document schema it accepts. */
export function validateDocUpdateSource(schema: number = SYNC_SCHEMA): string {
  const constants = [
    `var TYPES = ${JSON.stringify(SYNC_TYPES)};`,
    `var IMMUTABLE = ${JSON.stringify(IMMUTABLE_TYPES)};`,
    `var SCHEMA = ${JSON.stringify(schema)};`,
    `var ERASURE_ROLE = ${JSON.stringify(ERASURE_ROLE)};`,
    `var RULES = ${JSON.stringify(ERASURE_RULES)};`,
    `var FILE = ${JSON.stringify(FILE_ATTACHMENT)};`,
  ];
  return `function (newDoc, oldDoc, userCtx, secObj) {
  ${constants.join('\n  ')}
  var LABELS = { entry: 'A timeline entry', letter: 'An issued letter', audit: 'An audit record', attachment: 'A file kept on a case' };
  function has(list, x) {
    for (var i = 0; i < list.length; i++) if (list[i] === x) return true;
    return false;
  }
  function forbid(reason) {
    throw { forbidden: reason };
  }
  function isObject(x) {
    return x !== null && typeof x === 'object' && Object.prototype.toString.call(x) !== '[object Array]';
  }
  function same(a, b) {
    if (a === b) return true;
    if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
    var aArray = Object.prototype.toString.call(a) === '[object Array]';
    var bArray = Object.prototype.toString.call(b) === '[object Array]';
    if (aArray !== bArray) return false;
    var k;
    var count = 0;
    for (k in a) {
      if (!Object.prototype.hasOwnProperty.call(a, k)) continue;
      count++;
      if (!Object.prototype.hasOwnProperty.call(b, k) || !same(a[k], b[k])) return false;
    }
    for (k in b) if (Object.prototype.hasOwnProperty.call(b, k)) count--;
    return count === 0;
  }
  function own(o, k) {
    return Object.prototype.hasOwnProperty.call(o, k);
  }
  function isPlain(v) {
    return typeof v === 'string' || typeof v === 'number' || v === null;
  }

  var roles = (userCtx && userCtx.roles) || [];
  if (has(roles, '_admin')) return;
  var id = String(newDoc._id);
  if (id.indexOf('_design/') === 0) forbid('Only a server administrator may change the design document.');
  var colon = id.indexOf(':');
  var type = colon > 0 ? id.substring(0, colon) : '';
  if (!has(TYPES, type) || colon === id.length - 1)
    forbid('Not a Redress document: its id must be <type>:<key> with a type of ' + TYPES.join(', ') + '.');
  var immutable = has(IMMUTABLE, type);
  var label = LABELS[type] || type;

  if (newDoc._deleted === true) {
    if (immutable) forbid(label + ' cannot be deleted: record a correction instead.');
    return;
  }
  if (newDoc.type !== type) forbid('The document type must be "' + type + '", as its id says.');
  if (typeof newDoc.schema !== 'number' || newDoc.schema % 1 !== 0 || newDoc.schema < 1)
    forbid('The document has no schema version (a whole number).');
  if (newDoc.schema > SCHEMA)
    forbid('Update Redress: this document has schema ' + newDoc.schema + ', and the team server\\'s rules know up to ' +
      SCHEMA + ' (run the server setup of the newer Redress).');
  if (!isObject(newDoc.body)) forbid('The document has no body.');

  var existing = oldDoc && oldDoc._deleted !== true && isObject(oldDoc.body);
  function refuseFirst(what) {
    forbid(label + ' sent already erased may hold only what anonymising keeps: ' + what + '.');
  }
  if (!immutable || !existing) {
    if (newDoc.writer !== userCtx.name)
      forbid('The writer must be the logged-in user (' + userCtx.name + '): a desk cannot write in another desk\\'s name.');
    if (!own(newDoc, 'erasedBy')) return;
    // Erased before the server ever held it: only what anonymising keeps, by a user who may erase (or remove a file).
    var removed = type === 'attachment' && isObject(newDoc.body.deleted);
    if (!immutable || (!removed && !has(roles, ERASURE_ROLE)))
      forbid('Only an anonymising revision names who erased it.');
    var first = RULES[type];
    var body = newDoc.body;
    var f;
    if (newDoc.erasedBy !== userCtx.name) refuseFirst('erasedBy must name the logged-in user (' + userCtx.name + ')');
    if (type === 'attachment' && !removed) refuseFirst('body.deleted must record the removal');
    for (f in newDoc) {
      if (!own(newDoc, f) || f.charAt(0) === '_') continue;
      if (!has(['type', 'schema', 'writer', 'body', 'erasedBy'], f)) refuseFirst(f + ' is not kept');
    }
    for (f in body) {
      if (!own(body, f) || has(first.kept, f)) continue;
      if (has(first.replaced, f)) {
        if (typeof body[f] !== 'string') refuseFirst('body.' + f + ' must be text');
        continue;
      }
      if (f === 'data' && first.keptData) {
        if (!isObject(body.data)) refuseFirst('body.data must be an object');
        for (var d0 in body.data) {
          if (own(body.data, d0) && (!has(first.keptData, d0) || !isPlain(body.data[d0])))
            refuseFirst('body.data.' + d0 + ' is not kept');
        }
        continue;
      }
      if (first.mayAdd && has(first.mayAdd, f) && isObject(body[f])) continue;
      refuseFirst('body.' + f + ' is not kept');
    }
    var sent = newDoc._attachments || {};
    for (f in sent) {
      // Bytes only on a file whose removal kept them (a person's removal that did not delete the file).
      if (own(sent, f) && (type !== 'attachment' || f !== FILE || body.deleted.fileDeleted === true))
        refuseFirst('the attachment ' + f + ' is not kept');
    }
    return;
  }

  // An existing immutable document: only an anonymising revision by a user with the erasure role, or (issue #18) the
  // removal of a file kept on a case by any desk of the team: a person with a reason may remove a file, and delete it
  // (someone else's data uploaded by mistake); the same checks below hold it to removing, never changing.
  var removal =
    type === 'attachment' &&
    isObject(newDoc.body.deleted) &&
    (!isObject(oldDoc.body.deleted) || (oldDoc.body.deleted.fileDeleted !== true && newDoc.body.deleted.fileDeleted === true));
  if (!removal && !has(roles, ERASURE_ROLE)) forbid(label + ' cannot be changed: record a correction instead.');
  var rule = RULES[type];
  function refuse(what) {
    forbid('An anonymising revision may only remove personal data: ' + what + '.');
  }
  if (newDoc.erasedBy !== userCtx.name) refuse('erasedBy must name the logged-in user (' + userCtx.name + ')');
  if (newDoc.writer !== oldDoc.writer) refuse('the writer must stay ' + oldDoc.writer);
  var k;
  for (k in newDoc) {
    if (!own(newDoc, k) || k.charAt(0) === '_' || k === 'body' || k === 'erasedBy' || k === 'writer') continue;
    if (!own(oldDoc, k) || !same(newDoc[k], oldDoc[k])) refuse(k + ' was changed or added');
  }
  for (k in oldDoc) {
    if (!own(oldDoc, k) || k.charAt(0) === '_' || k === 'erasedBy') continue;
    if (!own(newDoc, k)) refuse(k + ' was removed');
  }
  var before = oldDoc.body;
  var after = newDoc.body;
  for (k in after) {
    if (!own(after, k)) continue;
    if (has(rule.replaced, k)) {
      if (typeof after[k] !== 'string') refuse('body.' + k + ' must stay text');
      continue;
    }
    if (k === 'data' && rule.keptData) {
      if (!isObject(after.data) || !isObject(before.data)) refuse('body.data was changed');
      var d;
      for (d in after.data) {
        if (own(after.data, d) && (!own(before.data, d) || !same(after.data[d], before.data[d])))
          refuse('body.data.' + d + ' was changed or added');
      }
      for (d in before.data) {
        if (own(before.data, d) && !own(after.data, d) && has(rule.keptData, d) && isPlain(before.data[d]))
          refuse('body.data.' + d + ' must be kept');
      }
      continue;
    }
    // A removal record may be added, or replaced by one that deletes the file too (an erasure after a removal).
    if (rule.mayAdd && has(rule.mayAdd, k)) {
      if (!own(before, k) || same(after[k], before[k]) || (isObject(after[k]) && after[k].fileDeleted === true)) continue;
      refuse('body.' + k + ' was changed');
    }
    if (!own(before, k) || !same(after[k], before[k])) refuse('body.' + k + ' was changed or added');
  }
  for (var i = 0; i < rule.kept.length; i++) {
    if (own(before, rule.kept[i]) && !own(after, rule.kept[i])) refuse('body.' + rule.kept[i] + ' must be kept');
  }
  var added = rule.mayAdd || [];
  for (var j = 0; j < added.length; j++) {
    if (own(before, added[j]) && !own(after, added[j])) refuse('body.' + added[j] + ' must be kept (a removal is never undone)');
  }
  var newFiles = newDoc._attachments || {};
  var oldFiles = oldDoc._attachments || {};
  for (k in newFiles) {
    if (!own(newFiles, k)) continue;
    if (!own(oldFiles, k) || newFiles[k].stub !== true) refuse('the attachment ' + k + ' was changed or added');
    if (newFiles[k].digest && oldFiles[k].digest && newFiles[k].digest !== oldFiles[k].digest)
      refuse('the attachment ' + k + ' was changed');
  }
}`;
}

/** The design document `_design/redress` (without `_rev`). */
export function designDocument(schema: number = SYNC_SCHEMA): {
  _id: string;
  language: 'javascript';
  validate_doc_update: string;
} {
  return { _id: DESIGN_DOC_ID, language: 'javascript', validate_doc_update: validateDocUpdateSource(schema) };
}

export interface SecurityObject {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
}

/** The `_security` object: the team's desk users (by role) are the only members; admins are the server's. */
export function securityObject(teamRole: string): SecurityObject {
  if (!/^[a-z0-9][a-z0-9_-]*$/i.test(teamRole) || teamRole.startsWith('_'))
    throw new Error(`Not a usable team role: "${teamRole}" (letters, digits, - and _)`);
  return { admins: { names: [], roles: [] }, members: { names: [], roles: [teamRole] } };
}
