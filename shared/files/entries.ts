// The timeline entries of attachments (issue #18): one 'attachment-added' per file kept, one 'attachment-removed' per
// removal. Entries are immutable: removing a file is a new entry, and the entry that added it stays.
// shared/casework/summaries.ts reads these summaries back for the interface (issue #17): its `attachment-*` wordings
// are these, word for word (renderer/src/lib/i18n/timeline.test.ts checks both agree).
import { ATTACHMENT_KIND_LABELS, type AttachmentRow, type BlobLike } from '#shared/model/attachment';
import type { TimelineEvent } from '#shared/model/case';
import type { RecordRefusalSaying } from '#shared/model/refusals';

type NewEntry = Pick<TimelineEvent, 'type' | 'on' | 'by' | 'summary' | 'data'>;

export function attachmentAddedEntry(
  row: Pick<AttachmentRow, 'id' | 'fileName' | 'kind' | 'note' | 'sha256'>,
  on: string,
  by: string,
): NewEntry {
  return {
    type: 'attachment-added',
    on,
    by,
    summary: `${ATTACHMENT_KIND_LABELS[row.kind]} attached: ${row.fileName}${row.note ? ` (${row.note})` : ''}`,
    data: { attachmentId: row.id, fileName: row.fileName, kind: row.kind, note: row.note, sha256: row.sha256 },
  };
}

export function attachmentRemovedEntry(
  row: Pick<AttachmentRow, 'id' | 'fileName' | 'kind'>,
  input: { on: string; by: string; reason: string; fileDeleted: boolean },
): NewEntry {
  return {
    type: 'attachment-removed',
    on: input.on,
    by: input.by,
    summary: `Attachment removed: ${row.fileName}${input.fileDeleted ? ' (the file was deleted)' : ''}. Reason: ${input.reason}`,
    data: {
      attachmentId: row.id,
      kind: row.kind,
      fileName: row.fileName,
      reason: input.reason,
      fileDeleted: input.fileDeleted,
    },
  };
}

/** Why this attachment cannot be removed as asked (a refusal of shared/model/refusals.ts, say9), or null. */
export function whyNotRemove(row: AttachmentRow<BlobLike> | undefined, reason: string): RecordRefusalSaying | null {
  if (!row) return { code: 'no-attachment' };
  if (row.deleted) return { code: 'attachment-removed' };
  if (!reason.trim()) return { code: 'no-removal-reason' };
  return null;
}
