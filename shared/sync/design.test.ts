// The validation function run in-process (as CouchDB would call it), for the cases the integration test against
// pouchdb-server (test/integration/team-server.test.ts) does not reach: letters and their PDF, audit records, the id
// scheme, and that the source stays ES5.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '#shared/model/case';
import { anonymiseAttachment, anonymiseEvent } from '#shared/privacy/anonymise';
import { designDocument, securityObject, validateDocUpdateSource } from './design';
import { ERASURE_ROLE, FILE_ATTACHMENT, LETTER_ATTACHMENT, parseSyncDocId, syncDocId, toSyncDoc } from './documents';

type Validate = (newDoc: unknown, oldDoc: unknown, userCtx: unknown, secObj: unknown) => void;
// In a fresh global context, as a CouchDB server evaluates it: the function may use nothing of this process.
const validate = runInNewContext(`(${validateDocUpdateSource()})`) as Validate;

const desk = { name: 'desk2', roles: ['team-leeds'] };
const eraser = { name: 'desk1', roles: ['team-leeds', ERASURE_ROLE] };

function outcome(newDoc: unknown, oldDoc: unknown, user: unknown): string {
  try {
    validate(newDoc, oldDoc, user, {});
    return 'ok';
  } catch (error) {
    return (error as { forbidden?: string }).forbidden ?? `threw ${String(error)}`;
  }
}

const letterBody = {
  id: 'l-1',
  caseId: 'c-1',
  kind: 'acknowledgement',
  fileName: 'RDR-2026-000001 Ada Lovelace acknowledgement.pdf',
  issuedOn: '2026-03-02',
  issuedAt: '2026-03-02T10:00:00.000Z',
  sha256: 'a'.repeat(64),
};
const letter = {
  ...toSyncDoc('letter', 'l-1', letterBody, 'desk2'),
  _rev: '1-x',
  _attachments: { [LETTER_ATTACHMENT]: { stub: true, digest: 'md5-abc', content_type: 'application/pdf' } },
};

/** An entry with personal data in its summary and its data, as anonymising meets it. */
const COMPENSATION: TimelineEvent = {
  id: 'e-1',
  caseId: 'c-1',
  type: 'compensation',
  on: '2026-03-02',
  at: '2026-03-02T10:00:00.000Z',
  by: 'Sam Patel',
  summary: 'Paid Ada £20 for the missed visit',
  data: { kind: 'goodwill', amount: 20, currency: 'GBP', reason: 'Missed visit at 12 St James Square' },
};

describe('the design document', () => {
  it('is plain ES5: no arrow functions, let, const, template strings or spread', () => {
    const source = validateDocUpdateSource();
    expect(source).not.toMatch(/=>|\blet\b|\bconst\b|`|\.\.\./);
    expect(designDocument().validate_doc_update).toBe(source);
  });

  it('accepts and lets desks edit providers and procedure versions (issue #16), in the writer’s own name only', () => {
    const provider = toSyncDoc(
      'provider',
      'first',
      {
        id: 'first',
        name: 'Kijoma',
        company: { name: 'Kijoma Broadband Ltd', addressLines: ['Folkestone'], postcode: 'CT19 5BE' },
        procedureId: 'kijoma-copy',
        calendar: 'england-and-wales',
        languages: ['en-GB'],
        defaultLanguage: 'en-GB',
        region: 'UK',
      },
      'desk2',
    );
    expect(outcome(provider, null, desk)).toBe('ok');
    const renamed = { ...provider, _rev: '2-y', body: { ...provider.body, name: 'Kijoma Broadband' } };
    expect(outcome(renamed, { ...provider, _rev: '1-x' }, desk)).toBe('ok');
    expect(outcome({ ...provider, writer: 'desk9' }, null, desk)).toMatch(/writer/i);
    const procedure = toSyncDoc(
      'procedure',
      'kijoma-copy@1',
      {
        key: 'kijoma-copy@1',
        id: 'kijoma-copy',
        version: 1,
        savedAt: '2026-12-02T09:00:00.000Z',
        procedure: { id: 'kijoma-copy', version: 1 },
      },
      'desk2',
    );
    expect(outcome(procedure, null, desk)).toBe('ok');
  });

  it('names its own ids and refuses others', () => {
    expect(syncDocId('entry', 'e-1')).toBe('entry:e-1');
    expect(parseSyncDocId('counter:RDR-2026')).toEqual({ type: 'counter', key: 'RDR-2026' });
    expect(parseSyncDocId('_design/redress')).toBeNull();
    expect(outcome({ _id: 'thing:1', type: 'thing', schema: 1, writer: 'desk2', body: {} }, null, desk)).toMatch(
      /Not a Redress document/,
    );
    expect(
      outcome(
        { ...toSyncDoc('person', 'p-1', { id: 'p-1', name: 'Sam', active: true }, 'desk2'), type: 'case' },
        null,
        desk,
      ),
    ).toMatch(/type must be "person"/);
    expect(outcome({ _id: 'case:1', type: 'case', writer: 'desk2', body: {} }, null, desk)).toMatch(/schema/);
  });

  it('lets the erasure role drop a letter’s file name, checksum and PDF, and nothing more', () => {
    const { fileName: _f, sha256: _s, ...kept } = letterBody;
    const erased = { ...letter, body: kept, erasedBy: 'desk1', _attachments: {} };
    expect(outcome(erased, letter, eraser)).toBe('ok');
    expect(outcome(erased, letter, desk)).toMatch(/record a correction instead/);
    expect(outcome({ ...erased, body: { ...kept, kind: 'final-response' } }, letter, eraser)).toMatch(/kind/);
    const { issuedOn: _i, ...withoutDate } = kept;
    expect(outcome({ ...erased, body: withoutDate }, letter, eraser)).toMatch(/body.issuedOn must be kept/);
    expect(outcome({ ...erased, body: { ...kept, fileName: 'Letter.pdf' } }, letter, eraser)).toMatch(
      /body.fileName was changed/,
    );
    const swapped = { [LETTER_ATTACHMENT]: { content_type: 'application/pdf', data: 'JVBERi0=' } };
    expect(outcome({ ...erased, _attachments: swapped }, letter, eraser)).toMatch(/attachment/);
    const otherDigest = { [LETTER_ATTACHMENT]: { stub: true, digest: 'md5-other' } };
    expect(outcome({ ...erased, _attachments: otherDigest }, letter, eraser)).toMatch(/attachment/);
  });

  it('accepts exactly what anonymiseEvent makes of every kind of entry data', () => {
    const event: TimelineEvent = { ...COMPENSATION, data: { ...COMPENSATION.data, to: { a: 1 } } };
    const old = { ...toSyncDoc('entry', 'e-1', event, 'desk2'), _rev: '1-x' };
    expect(outcome({ ...old, body: anonymiseEvent(event), erasedBy: 'desk1' }, old, eraser)).toBe('ok');
    expect(outcome({ ...old, body: anonymiseEvent(event), erasedBy: 'desk1', note: 'x' }, old, eraser)).toMatch(
      /note was changed or added/,
    );
  });

  it('keeps audit records: only the erasure role may replace the summary and drop the detail', () => {
    const body = {
      id: 'a-1',
      at: '2026-03-02T10:00:00.000Z',
      kind: 'erasure',
      by: 'Sam',
      summary: 'Erased Ada',
      detail: { ref: 'x' },
    };
    const old = { ...toSyncDoc('audit', 'a-1', body, 'desk2'), _rev: '1-x' };
    const erased = {
      ...old,
      body: { id: 'a-1', at: body.at, kind: 'erasure', by: 'Sam', summary: 'Erasure' },
      erasedBy: 'desk1',
    };
    expect(outcome(erased, old, eraser)).toBe('ok');
    expect(outcome(erased, old, desk)).toMatch(/record a correction instead/);
    expect(outcome({ ...old, _deleted: true }, old, eraser)).toMatch(/cannot be deleted/);
  });

  it('lets a file kept on a case be removed (its file dropped) or anonymised, and never changed otherwise', () => {
    const body = {
      id: 'f-1',
      caseId: 'c-1',
      fileName: 'Ada Lovelace bill.pdf',
      fileType: 'pdf' as const,
      mime: 'application/pdf',
      size: 1234,
      sha256: 'b'.repeat(64),
      kind: 'evidence' as const,
      note: 'From Ada',
      addedBy: 'Sam',
      addedAt: '2026-03-02T10:00:00.000Z',
    };
    const file = {
      ...toSyncDoc('attachment', 'f-1', body, 'desk2'),
      _rev: '1-x',
      _attachments: { [FILE_ATTACHMENT]: { stub: true, digest: 'md5-abc', content_type: 'application/pdf' } },
    };
    expect(outcome({ ...file, _rev: undefined }, null, desk)).toBe('ok');
    const removal = { at: '2026-03-03T10:00:00.000Z', by: 'Kim', reason: 'Another customer’s', fileDeleted: false };
    const removed = { ...file, body: { ...body, deleted: removal }, erasedBy: 'desk1' };
    expect(outcome(removed, file, eraser)).toBe('ok');
    // The file deleted later (or at once): the CouchDB attachment goes.
    const { _attachments: _gone, ...withoutFile } = removed;
    const deleted = { ...withoutFile, body: { ...body, deleted: { ...removal, fileDeleted: true } } };
    expect(outcome(deleted, removed, eraser)).toBe('ok');
    expect(
      outcome(
        {
          ...file,
          body: anonymiseAttachment(body, '2026-04-01T00:00:00.000Z'),
          erasedBy: 'desk1',
          _attachments: undefined,
        },
        file,
        eraser,
      ),
    ).toBe('ok');
    // Never its checksum, size or bytes; a removal never undone.
    expect(outcome({ ...removed, body: { ...removed.body, sha256: 'c'.repeat(64) } }, file, eraser)).toMatch(
      /body\.sha256/,
    );
    expect(outcome({ ...removed, _attachments: { [FILE_ATTACHMENT]: { data: 'eA==' } } }, file, eraser)).toMatch(
      /attachment file/,
    );
    // Any desk of the team may remove a file and delete it (a person's decision, with a reason: issue #18)…
    expect(outcome({ ...removed, erasedBy: 'desk2' }, file, desk)).toBe('ok');
    expect(outcome({ ...deleted, erasedBy: 'desk2' }, { ...removed, erasedBy: 'desk2' }, desk)).toBe('ok');
    expect(outcome({ ...removed, erasedBy: 'desk1' }, file, desk)).toMatch(/erasedBy must name/);
    // …but only the erasure role changes a file already removed and deleted, or one with no removal recorded.
    const blanked = { ...deleted, body: { ...deleted.body, fileName: '(erased)' } };
    expect(outcome(blanked, deleted, desk)).toMatch(/cannot be changed/);
    expect(outcome(blanked, deleted, eraser)).toBe('ok');
    expect(outcome({ ...file, body: { ...body, note: '' }, erasedBy: 'desk2' }, file, desk)).toMatch(
      /cannot be changed/,
    );
    expect(outcome({ ...removed, body }, removed, eraser)).toMatch(/a removal is never undone/);
    expect(outcome({ ...removed, body: { ...body, deleted: { ...removal, reason: 'x' } } }, removed, eraser)).toMatch(
      /body\.deleted was changed/,
    );
  });

  it('takes a desk’s own document the server never held already erased, holding only what anonymising keeps', () => {
    // Written and erased at the desk before its first revision was sent: the replication sends the erased revision
    // alone, and there is no earlier one here to compare it with.
    const event = COMPENSATION;
    const erased = { ...toSyncDoc('entry', 'e-1', anonymiseEvent(event), 'desk1'), _rev: '2-y', erasedBy: 'desk1' };
    expect(outcome(erased, null, eraser)).toBe('ok');
    // As strict as before for everyone else: no erasure role, another desk's name, or anything anonymising drops.
    expect(outcome({ ...erased, writer: 'desk2', erasedBy: 'desk2' }, null, desk)).toMatch(
      /Only an anonymising revision names who erased it/,
    );
    expect(outcome({ ...erased, writer: 'desk2' }, null, eraser)).toMatch(/writer must be the logged-in user/);
    expect(outcome({ ...erased, erasedBy: 'desk2' }, null, eraser)).toMatch(/erasedBy must name/);
    expect(outcome({ ...erased, body: event }, null, eraser)).toMatch(/body\.data\.reason is not kept/);
    expect(outcome({ ...erased, body: { ...erased.body, note: 'Ada' } }, null, eraser)).toMatch(/body\.note/);
    expect(outcome({ ...erased, body: { ...erased.body, summary: 1 } }, null, eraser)).toMatch(/summary must be text/);
    expect(outcome({ ...erased, reason: 'Ada' }, null, eraser)).toMatch(/reason is not kept/);
    const withFile = { ...erased, _attachments: { [LETTER_ATTACHMENT]: { data: 'JVBERi0=' } } };
    expect(outcome(withFile, null, eraser)).toMatch(/attachment letter\.pdf/);
    // Not a mutable document, nor a case.
    const person = { ...toSyncDoc('person', 'p-1', { id: 'p-1', name: 'Sam', active: true }, 'desk1') };
    expect(outcome({ ...person, erasedBy: 'desk1' }, null, eraser)).toMatch(/Only an anonymising revision/);

    // A letter: what letter it was and when, never its file name, checksum or PDF.
    const { fileName: _f, sha256: _s, ...kept } = letterBody;
    const letterErased = { ...toSyncDoc('letter', 'l-1', letterBody, 'desk1'), body: kept, erasedBy: 'desk1' };
    expect(outcome(letterErased, null, eraser)).toBe('ok');
    expect(outcome({ ...letterErased, body: letterBody }, null, eraser)).toMatch(/body\.fileName is not kept/);
    const pdf = { [LETTER_ATTACHMENT]: { content_type: 'application/pdf', data: 'JVBERi0=' } };
    expect(outcome({ ...letterErased, _attachments: pdf }, null, eraser)).toMatch(/attachment/);

    // A file removed by a person (any desk, its bytes kept or deleted), or anonymised; always with its removal.
    const body = {
      id: 'f-1',
      caseId: 'c-1',
      fileName: 'Ada Lovelace bill.pdf',
      fileType: 'pdf' as const,
      mime: 'application/pdf',
      size: 1234,
      sha256: 'b'.repeat(64),
      kind: 'evidence' as const,
      note: 'From Ada',
      addedBy: 'Kim',
      addedAt: '2026-03-02T10:00:00.000Z',
    };
    const bytes = { [FILE_ATTACHMENT]: { content_type: 'application/pdf', data: 'JVBERi0=' } };
    const removal = { at: '2026-03-03T10:00:00.000Z', by: 'Kim', reason: 'Another customer’s', fileDeleted: false };
    const removed = {
      ...toSyncDoc('attachment', 'f-1', { ...body, deleted: removal }, 'desk2'),
      erasedBy: 'desk2',
      _attachments: bytes,
    };
    expect(outcome(removed, null, desk)).toBe('ok');
    const { _attachments: _b, ...withoutBytes } = removed;
    const deleted = { ...withoutBytes, body: { ...removed.body, deleted: { ...removal, fileDeleted: true } } };
    expect(outcome(deleted, null, desk)).toBe('ok');
    expect(outcome({ ...deleted, _attachments: bytes }, null, desk)).toMatch(/attachment file is not kept/);
    expect(outcome({ ...removed, body }, null, desk)).toMatch(/Only an anonymising revision/);
    expect(outcome({ ...removed, body }, null, { ...desk, roles: [...desk.roles, ERASURE_ROLE] })).toMatch(
      /body\.deleted must record the removal/,
    );
    const anonymised = { ...withoutBytes, body: anonymiseAttachment(body, '2026-04-01T00:00:00.000Z') };
    expect(outcome(anonymised, null, desk)).toBe('ok');
  });

  it('lets an admin do anything and keeps the design document to admins', () => {
    expect(outcome({ _id: 'entry:e-1', _deleted: true }, {}, { name: 'admin', roles: ['_admin'] })).toBe('ok');
    expect(outcome({ _id: '_design/redress' }, null, desk)).toMatch(/administrator/);
  });

  it('makes the team role the only members', () => {
    expect(securityObject('team-leeds').members).toEqual({ names: [], roles: ['team-leeds'] });
    expect(() => securityObject('_admin')).toThrow(/team role/);
  });
});
