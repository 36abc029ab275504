// The files kept on a case (issue #18): each checked (size, type recognised from its bytes), stored as a Blob with its
// SHA-256, and recorded on the timeline in the same transaction as its row, the case's index row refreshed there too.
// Removing one is a new entry with a reason; its bytes go only when the person removing it says so.
import {
  ATTACHMENT_KINDS,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENT_NOTE,
  summariseAttachment,
  type AttachmentKind,
  type AttachmentSummary,
} from '#shared/model/attachment';
import type { TimelineEvent } from '#shared/model/case';
import { localIsoDate } from '#shared/model/dates';
import { attachmentAddedEntry, attachmentRemovedEntry, whyNotRemove } from '#shared/files/entries';
import { recogniseFile } from '#shared/files/recognise';
import { attachmentRefusal, type AttachmentRefusal } from '#shared/files/refusals';
import { RecordRefusal } from '#shared/model/refusals';
import { caseWriteTables, refreshCaseIndex } from '#db/case-index/derive';
import type { AttachmentDbRow, RedressDatabase } from '../schema';
import { recordEntries } from '../timeline';
import { sha256Hex, systemNow, type Now } from './cases';

/** A file to keep on a case, as picked or dropped. */
export interface FileToAttach {
  fileName: string;
  bytes: Uint8Array | Blob;
  kind: AttachmentKind;
  note?: string;
}

/** Each file's outcome, in the order given: its stored row, or why it was refused (nothing of it stored). */
export type AttachOutcome = { ok: true; row: AttachmentDbRow } | ({ ok: false; fileName: string } & AttachmentRefusal);

const newId = () => crypto.randomUUID();

/** Why a file is refused before its bytes are read (size, kind, note), or null: the English reason and its saying. */
export function whyNotAttach(file: {
  fileName: string;
  size: number;
  kind: string;
  note?: string;
}): AttachmentRefusal | null {
  if (file.size > MAX_ATTACHMENT_BYTES)
    return attachmentRefusal('too-large', { size: { bytes: file.size }, max: MAX_ATTACHMENT_BYTES / 1024 / 1024 });
  if (!(ATTACHMENT_KINDS as readonly string[]).includes(file.kind)) return attachmentRefusal('no-kind');
  if ((file.note ?? '').length > MAX_ATTACHMENT_NOTE)
    return attachmentRefusal('note-too-long', {
      length: { number: (file.note ?? '').length },
      max: { number: MAX_ATTACHMENT_NOTE },
    });
  if (!file.fileName.trim()) return attachmentRefusal('no-name');
  return null;
}

async function bytesOf(data: Uint8Array | Blob): Promise<Uint8Array> {
  return data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer());
}

type Checked =
  | ({ ok: false; fileName: string } & AttachmentRefusal)
  | {
      ok: true;
      file: FileToAttach;
      size: number;
      blob: Blob;
      fileType: AttachmentDbRow['fileType'];
      mime: string;
      sha256: string;
    };

/**
 * Keep files on a case. Each is checked (size, kind, note, its type recognised from its bytes, not already on the
 * case); the accepted ones are stored with ONE 'attachment-added' entry each, all in one transaction. A refused file
 * does not stop the others. Throws (storing nothing) when the case does not exist or was anonymised.
 */
export async function addAttachments(
  database: RedressDatabase,
  caseId: string,
  files: readonly FileToAttach[],
  by: string,
  clock: Now = systemNow,
): Promise<AttachOutcome[]> {
  // One file at a time: its bytes read, recognised and hashed, then let go; only its Blob is kept for the
  // transaction (a Blob's bytes stay out of JavaScript's memory), so ten 25 MB files never sit in memory together.
  const checked: Checked[] = [];
  for (const file of files) {
    const size = file.bytes instanceof Uint8Array ? file.bytes.length : file.bytes.size;
    const early = whyNotAttach({ ...file, size });
    if (early) {
      checked.push({ ok: false, fileName: file.fileName, ...early });
      continue;
    }
    const bytes = await bytesOf(file.bytes);
    const recognised = recogniseFile(bytes, file.fileName);
    if (!recognised.ok) {
      checked.push({ ok: false, fileName: file.fileName, reason: recognised.reason, said: recognised.said });
      continue;
    }
    const { fileType, mime } = recognised;
    const sha256 = await sha256Hex(bytes);
    const blob =
      file.bytes instanceof Blob ? file.bytes.slice(0, size, mime) : new Blob([file.bytes as BlobPart], { type: mime });
    checked.push({ ok: true, file, size, blob, fileType, mime, sha256 });
  }
  const at = clock.now().toISOString();
  const on = localIsoDate(clock.now());
  return database.transaction('rw', caseWriteTables(database, database.attachments), async () => {
    const record = await database.cases.get(caseId);
    if (!record) throw new RecordRefusal('no-case', { id: caseId });
    if (record.anonymisedOn) throw new RecordRefusal('anonymised-no-files');
    const onCase = new Map(
      (await database.attachments.where('caseId').equals(caseId).toArray())
        .filter((a) => !a.deleted)
        .map((a) => [a.sha256, a] as const),
    );
    const outcomes: AttachOutcome[] = [];
    let added = 0;
    for (const c of checked) {
      if (!c.ok) {
        outcomes.push(c);
        continue;
      }
      const same = onCase.get(c.sha256);
      if (same) {
        outcomes.push({
          ok: false,
          fileName: c.file.fileName,
          ...attachmentRefusal('already-on-case', { name: same.fileName, by: same.addedBy }),
        });
        continue;
      }
      const row: AttachmentDbRow = {
        id: newId(),
        caseId,
        fileName: c.file.fileName.trim(),
        fileType: c.fileType,
        mime: c.mime,
        size: c.size,
        sha256: c.sha256,
        kind: c.file.kind,
        note: (c.file.note ?? '').trim(),
        addedBy: by,
        addedAt: at,
        blob: c.blob,
      };
      await database.attachments.add(row);
      // Files added together are recorded a millisecond apart, in the order they were chosen: the timeline orders
      // entries of one moment by their (random) ids.
      const entryAt = new Date(Date.parse(at) + added++).toISOString();
      await recordEntries(database, [{ id: newId(), caseId, at: entryAt, ...attachmentAddedEntry(row, on, by) }]);
      onCase.set(row.sha256, row);
      outcomes.push({ ok: true, row });
    }
    if (outcomes.some((o) => o.ok)) {
      await database.cases.update(caseId, { updatedAt: at });
      await refreshCaseIndex(database, caseId);
    }
    return outcomes;
  });
}

/**
 * The case's attachments (removed ones too, marked), oldest first (those added together by name), without their bytes:
 * the case page lists them from this; attachmentBlob reads a file's bytes when it is previewed or downloaded.
 */
export async function listAttachments(database: RedressDatabase, caseId: string): Promise<AttachmentSummary[]> {
  const rows = await database.attachments.where('caseId').equals(caseId).toArray();
  return rows
    .map(summariseAttachment)
    .sort((a, b) =>
      a.addedAt !== b.addedAt ? (a.addedAt < b.addedAt ? -1 : 1) : a.fileName.localeCompare(b.fileName, 'en-GB'),
    );
}

/** An attachment's bytes as the Blob kept (not read into memory), or null when it is not there or was deleted. */
export async function attachmentBlob(database: RedressDatabase, id: string): Promise<Blob | null> {
  return (await database.attachments.get(id))?.blob ?? null;
}

/** An attachment's exact bytes, or null when it is not there or its file was deleted. */
export async function attachmentBytes(
  database: RedressDatabase,
  id: string,
): Promise<{ row: AttachmentDbRow; bytes: Uint8Array } | null> {
  const row = await database.attachments.get(id);
  if (!row?.blob) return null;
  return { row, bytes: new Uint8Array(await row.blob.arrayBuffer()) };
}

/**
 * Remove an attachment from the case: a new 'attachment-removed' entry with the reason (the entry that added it
 * stays), and the row marked removed. With `deleteFile` (someone else's data uploaded by mistake) its bytes are
 * deleted too; the row keeps its name, size and checksum. Throws the reason it cannot.
 */
export async function removeAttachment(
  database: RedressDatabase,
  id: string,
  input: { reason: string; by: string; deleteFile: boolean },
  clock: Now = systemNow,
): Promise<TimelineEvent> {
  const at = clock.now().toISOString();
  const on = localIsoDate(clock.now());
  const reason = input.reason.trim();
  return database.transaction('rw', caseWriteTables(database, database.attachments), async () => {
    const row = await database.attachments.get(id);
    const why = whyNotRemove(row, reason);
    if (why) throw new RecordRefusal(why.code, why.values);
    const { blob, ...rest } = row!;
    const kept: AttachmentDbRow = {
      ...rest,
      ...(input.deleteFile ? {} : { blob }),
      deleted: { at, by: input.by, reason, fileDeleted: input.deleteFile },
    };
    await database.attachments.put(kept);
    const entry: TimelineEvent = {
      id: newId(),
      caseId: row!.caseId,
      at,
      ...attachmentRemovedEntry(row!, { on, by: input.by, reason, fileDeleted: input.deleteFile }),
    };
    await recordEntries(database, [entry]);
    await database.cases.update(row!.caseId, { updatedAt: at });
    await refreshCaseIndex(database, row!.caseId);
    return entry;
  });
}

/** The space the desk's attachments take (the bytes still kept), and how many files. */
export async function attachmentsSpaceUsed(database: RedressDatabase): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  await database.attachments.each((a) => {
    if (!a.blob) return;
    bytes += a.size;
    files += 1;
  });
  return { bytes, files };
}
