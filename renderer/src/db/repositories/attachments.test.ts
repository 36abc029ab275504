// Attachments on a case: kept with their exact bytes and checksum and one timeline entry each, refused with the reason
// (nothing else lost), removed by a new entry (the adding entry stays), their bytes deleted only when asked.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '#shared/model/attachment';
import { deriveCaseIndex } from '#db/case-index/derive';
import { deskSettings } from '#test/support/desk';
import { newCaseParts } from '#test/support/cases';
import { createCase, deleteCase } from './cases';
import {
  addAttachments,
  attachmentBytes,
  attachmentsSpaceUsed,
  attachmentBlob,
  listAttachments,
  removeAttachment,
} from './attachments';
import { RedressDatabase } from '../schema';
import { readTimeline } from '../timeline';

const settings = deskSettings();
const clock = { now: () => new Date('2026-12-01T10:00:00Z') };
const logged = { now: () => new Date('2026-12-01T09:00:00Z') };
const later = { now: () => new Date('2026-12-02T15:30:00Z') };
const opened: RedressDatabase[] = [];
let n = 0;
function fresh() {
  n += 1;
  const database = new RedressDatabase(`redress-attachments-${process.pid}-${n}`);
  opened.push(database);
  return database;
}
afterEach(() => {
  for (const d of opened.splice(0)) d.close();
});

const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0xff, 0xd9]);
const exe = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
async function pdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([300, 300]).drawText('Authority to act');
  return doc.save();
}
async function withCase() {
  const database = fresh();
  // Logged before the files are added (a case logged in the same millisecond would have them moved after it).
  const record = await createCase(database, newCaseParts(), { settings, by: 'Sam', clock: logged });
  return { database, record };
}

describe('addAttachments', () => {
  it('keeps each file’s exact bytes as a Blob with its SHA-256, type from the bytes, and one entry per file', async () => {
    const { database, record } = await withCase();
    const letter = await pdf();
    const outcomes = await addAttachments(
      database,
      record.id,
      [
        { fileName: 'scan.jpg', bytes: jpeg, kind: 'customer-letter', note: 'Their first letter' },
        { fileName: 'authority.pdf', bytes: new Blob([letter as BlobPart]), kind: 'authority' },
      ],
      'Sam',
      clock,
    );
    expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
    const rows = await listAttachments(database, record.id);
    // Added together: by name.
    expect(rows.map((r) => [r.fileName, r.fileType, r.mime, r.size, r.sha256, r.kind, r.note, r.addedBy])).toEqual([
      ['authority.pdf', 'pdf', 'application/pdf', letter.length, sha(letter), 'authority', '', 'Sam'],
      ['scan.jpg', 'jpeg', 'image/jpeg', jpeg.length, sha(jpeg), 'customer-letter', 'Their first letter', 'Sam'],
    ]);
    // The list carries no bytes (the case page draws it from metadata); the Blob is read on demand.
    expect(rows.every((r) => r.hasFile && !('blob' in r))).toBe(true);
    expect(Object.prototype.toString.call(await attachmentBlob(database, rows[0].id))).toBe('[object Blob]');
    const back = await attachmentBytes(database, rows[0].id);
    expect(sha(back!.bytes)).toBe(sha(letter));
    expect(back!.bytes).toEqual(letter);

    const entries = (await readTimeline(database, record.id)).filter((e) => e.type === 'attachment-added');
    expect(entries).toHaveLength(2);
    // On the timeline in the order they were chosen (whatever their random ids), a millisecond apart.
    expect(entries.map((e) => [e.data?.fileName, e.at])).toEqual([
      ['scan.jpg', '2026-12-01T10:00:00.000Z'],
      ['authority.pdf', '2026-12-01T10:00:00.001Z'],
    ]);
    expect(entries.map((e) => e.data)).toEqual(
      expect.arrayContaining([
        {
          attachmentId: rows[1].id,
          fileName: 'scan.jpg',
          kind: 'customer-letter',
          note: 'Their first letter',
          sha256: sha(jpeg),
        },
        { attachmentId: rows[0].id, fileName: 'authority.pdf', kind: 'authority', note: '', sha256: sha(letter) },
      ]),
    );
    expect(entries.find((e) => e.data?.fileName === 'scan.jpg')).toMatchObject({
      on: '2026-12-01',
      by: 'Sam',
      summary: 'Customer’s letter attached: scan.jpg (Their first letter)',
    });
    // The case index row was refreshed in the same transaction: it is what deriving it from the stored facts gives.
    const events = await readTimeline(database, record.id);
    const stored = (await database.cases.get(record.id))!;
    expect(stored.updatedAt).toBe('2026-12-01T10:00:00.000Z');
    expect(await database.caseIndex.get(record.id)).toEqual(deriveCaseIndex(stored, events));
    expect(await attachmentsSpaceUsed(database)).toEqual({ bytes: jpeg.length + letter.length, files: 2 });
  });

  it('refuses an .exe renamed .pdf with the reason, and still keeps the good file beside it', async () => {
    const { database, record } = await withCase();
    const outcomes = await addAttachments(
      database,
      record.id,
      [
        { fileName: 'invoice.pdf', bytes: exe, kind: 'evidence' },
        { fileName: 'scan.jpg', bytes: jpeg, kind: 'evidence' },
      ],
      'Sam',
      clock,
    );
    expect(outcomes[0]).toMatchObject({
      ok: false,
      fileName: 'invoice.pdf',
      said: { code: 'is-other-not-claimed' },
      reason: expect.stringMatching(/^This file is a Windows program, not a PDF: Redress accepts PDF, JPEG/),
    });
    expect(outcomes[1].ok).toBe(true);
    expect((await listAttachments(database, record.id)).map((r) => r.fileName)).toEqual(['scan.jpg']);
    const types = (await readTimeline(database, record.id)).map((e) => e.type);
    expect(types.filter((t) => t === 'attachment-added')).toHaveLength(1);
  });

  it('refuses a file over 25 MB without reading it, a file already on the case, and a note too long', async () => {
    const { database, record } = await withCase();
    const big = new Blob([new Uint8Array(MAX_ATTACHMENT_BYTES + 5 * 1024 * 1024)]);
    const outcomes = await addAttachments(
      database,
      record.id,
      [
        { fileName: 'huge.pdf', bytes: big, kind: 'evidence' },
        { fileName: 'scan.jpg', bytes: jpeg, kind: 'evidence' },
        { fileName: 'scan again.jpg', bytes: jpeg, kind: 'other' },
        { fileName: 'noted.jpg', bytes: Uint8Array.from([...jpeg, 0]), kind: 'other', note: 'x'.repeat(2001) },
      ],
      'Sam',
      clock,
    );
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.reason))).toEqual([
      'This file is 30.0 MB: a file may be at most 25 MB.',
      'ok',
      'This file is already on the case (the same bytes as “scan.jpg”, added by Sam).',
      'The note has 2,001 characters; at most 2,000.',
    ]);
  });

  it('reads and hashes one file at a time (never every picked file’s bytes at once), still in one transaction', async () => {
    const { database, record } = await withCase();
    const letter = await pdf();
    let reading = 0;
    let most = 0;
    // Blobs whose bytes take a moment to read, counting how many are being read at once.
    class SlowBlob extends Blob {
      override async arrayBuffer(): Promise<ArrayBuffer> {
        reading += 1;
        most = Math.max(most, reading);
        await new Promise((r) => setTimeout(r, 5));
        const buffer = await super.arrayBuffer();
        reading -= 1;
        return buffer;
      }
    }
    const files = Array.from({ length: 5 }, (_, i) => {
      const bytes = letter.slice();
      bytes[bytes.length - 1] = i; // five different files (a PDF's trailing byte after %%EOF is free)
      return { fileName: `letter-${i}.pdf`, bytes: new SlowBlob([bytes as BlobPart]), kind: 'evidence' as const };
    });
    const outcomes = await addAttachments(database, record.id, files, 'Sam', clock);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true, true, true]);
    expect(most).toBe(1);
    const rows = await listAttachments(database, record.id);
    expect(new Set(rows.map((r) => r.addedAt)).size).toBe(1);
    for (const row of rows)
      expect(sha(new Uint8Array(await (await attachmentBlob(database, row.id))!.arrayBuffer()))).toBe(row.sha256);
  });

  it('stores nothing on a case that does not exist or was anonymised', async () => {
    const { database } = await withCase();
    await expect(
      addAttachments(database, 'nope', [{ fileName: 'a.jpg', bytes: jpeg, kind: 'other' }], 'Sam', clock),
    ).rejects.toThrow('No case with id nope');
    expect(await database.attachments.count()).toBe(0);
  });

  it('the stored-rows check refuses a row without bytes that was not deleted', async () => {
    const { database, record } = await withCase();
    await expect(
      database.attachments.add({
        id: 'a1',
        caseId: record.id,
        fileName: 'x.pdf',
        fileType: 'pdf',
        mime: 'application/pdf',
        size: 3,
        sha256: sha(jpeg),
        kind: 'other',
        note: '',
        addedBy: 'Sam',
        addedAt: '2026-12-01T10:00:00.000Z',
      }),
    ).rejects.toThrow(/blob: missing \(only a removed attachment whose file was deleted has no bytes\)/);
  });
});

describe('removeAttachment', () => {
  it('records a new entry with the reason; the adding entry, the row and its bytes stay', async () => {
    const { database, record } = await withCase();
    const [added] = await addAttachments(
      database,
      record.id,
      [{ fileName: 'scan.jpg', bytes: jpeg, kind: 'evidence' }],
      'Sam',
      clock,
    );
    const id = added.ok ? added.row.id : '';
    const before = await readTimeline(database, record.id);
    const entry = await removeAttachment(database, id, { reason: 'Wrong case', by: 'Jo', deleteFile: false }, later);
    expect(entry).toMatchObject({
      type: 'attachment-removed',
      on: '2026-12-02',
      by: 'Jo',
      data: { attachmentId: id, kind: 'evidence', reason: 'Wrong case', fileDeleted: false },
    });
    const after = await readTimeline(database, record.id);
    // Every earlier entry is still there, unchanged; one entry more.
    expect(after).toHaveLength(before.length + 1);
    for (const e of before) expect(after).toContainEqual(e);
    const row = (await database.attachments.get(id))!;
    expect(row.deleted).toEqual({ at: '2026-12-02T15:30:00.000Z', by: 'Jo', reason: 'Wrong case', fileDeleted: false });
    expect(sha((await attachmentBytes(database, id))!.bytes)).toBe(sha(jpeg));
    await expect(removeAttachment(database, id, { reason: 'again', by: 'Jo', deleteFile: true })).rejects.toThrow(
      'This attachment was already removed.',
    );
  });

  it('with "also delete the file" drops the bytes but keeps name, size, checksum and both entries', async () => {
    const { database, record } = await withCase();
    const [added] = await addAttachments(
      database,
      record.id,
      [{ fileName: 'other.jpg', bytes: jpeg, kind: 'evidence' }],
      'Sam',
      clock,
    );
    const id = added.ok ? added.row.id : '';
    await removeAttachment(database, id, { reason: 'Someone else’s bill', by: 'Jo', deleteFile: true }, later);
    const row = (await database.attachments.get(id))!;
    expect(row.blob).toBeUndefined();
    expect(row).toMatchObject({ fileName: 'other.jpg', size: jpeg.length, sha256: sha(jpeg) });
    expect(row.deleted?.fileDeleted).toBe(true);
    expect(await attachmentBytes(database, id)).toBeNull();
    expect(await attachmentBlob(database, id)).toBeNull();
    expect((await listAttachments(database, record.id)).find((r) => r.id === id)?.hasFile).toBe(false);
    expect(await attachmentsSpaceUsed(database)).toEqual({ bytes: 0, files: 0 });
    const types = (await readTimeline(database, record.id)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['attachment-added', 'attachment-removed']));
    // The same file may be added again once the first was removed.
    const [again] = await addAttachments(
      database,
      record.id,
      [{ fileName: 'mine.jpg', bytes: jpeg, kind: 'evidence' }],
      'Sam',
      later,
    );
    expect(again.ok).toBe(true);
  });

  it('requires a reason', async () => {
    const { database, record } = await withCase();
    const [added] = await addAttachments(
      database,
      record.id,
      [{ fileName: 'a.jpg', bytes: jpeg, kind: 'other' }],
      'Sam',
      clock,
    );
    await expect(
      removeAttachment(database, added.ok ? added.row.id : '', { reason: '  ', by: 'Jo', deleteFile: true }),
    ).rejects.toThrow('Say why the attachment is removed.');
    expect((await database.attachments.toArray())[0].blob).toBeDefined();
  });

  it('deleting a case deletes its attachments', async () => {
    const { database, record } = await withCase();
    await addAttachments(database, record.id, [{ fileName: 'a.jpg', bytes: jpeg, kind: 'other' }], 'Sam', clock);
    await deleteCase(database, record.id);
    expect(await database.attachments.count()).toBe(0);
  });
});
