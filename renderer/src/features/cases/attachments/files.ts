// The attachments' actions for the case page: read what was picked or dropped, check it before the desk chooses its
// kind (the same checks the repository makes again when it stores it), download the exact bytes.
import { notifications } from '@mantine/notifications';
import {
  ATTACHMENT_MIME_TYPES,
  type AttachmentFileType,
  type AttachmentKind,
  fileNameForType,
} from '#shared/model/attachment';
import { recogniseFile } from '#shared/files/recognise';
import type { MailAddress } from '#shared/mail/parse';
import { attachmentRefusal, type AttachmentRefusal } from '#shared/files/refusals';
import { attachmentBytes, whyNotAttach } from '#db/repositories/attachments';
import { db } from '#db/schema';
import { platform } from '#platform';
import { failureIn, type Translate } from '#lib/i18n/index';

/** A picked or dropped file, checked: its type when accepted, or the reason it is refused. */
export type PickedFile =
  | { key: string; file: File; ok: true; fileType: AttachmentFileType }
  | ({ key: string; file: File; ok: false } & AttachmentRefusal);

let counter = 0;

/** Check each file as it would be stored; a refused one carries its reason and stops none of the others. */
export async function checkPickedFiles(files: readonly File[]): Promise<PickedFile[]> {
  // One file at a time, so only one file's bytes are in memory at once (ten 25 MB files are not read together).
  const checked: PickedFile[] = [];
  for (const file of files) checked.push(await checkPickedFile(file));
  return checked;
}

async function checkPickedFile(file: File): Promise<PickedFile> {
  counter += 1;
  const key = `${counter}-${file.name}`;
  const early = whyNotAttach({ fileName: file.name, size: file.size, kind: 'other' });
  if (early) return { key, file, ok: false, ...early };
  try {
    const recognised = recogniseFile(new Uint8Array(await file.arrayBuffer()), file.name);
    return recognised.ok
      ? { key, file, ok: true, fileType: recognised.fileType }
      : { key, file, ok: false, reason: recognised.reason, said: recognised.said };
  } catch (error) {
    return { key, file, ok: false, ...attachmentRefusal('unreadable', { error: String(error) }) };
  }
}

/** Who an email file was sent by (its From), or null when it has none or cannot be read as an email. */
export async function emailSender(file: File): Promise<MailAddress | null> {
  try {
    const { parseEmail } = await import('#shared/mail/parse');
    const parsed = await parseEmail(new Uint8Array(await file.arrayBuffer()), file.name);
    return parsed.ok ? parsed.email.from : null;
  } catch {
    return null;
  }
}

/** The kind a file most likely is, before the desk says: an email for emails, else evidence. */
export const likelyKind = (fileType: AttachmentFileType): AttachmentKind =>
  fileType === 'eml' || fileType === 'msg' ? 'email' : 'evidence';

/** Save the attachment's exact bytes (the system's save dialog on the desktop, a download in the browser). */
export async function downloadAttachment(t: Translate, id: string): Promise<void> {
  const found = await attachmentBytes(db(), id);
  if (!found) {
    notifications.show({ color: 'red', title: t('attachments.notDownloaded'), message: t('attachments.deleted') });
    return;
  }
  const result = await platform().saveFile({
    // Named for what its bytes are: a PDF named "photo.jpg" is saved as "photo.pdf", which opens as a PDF.
    suggestedName: fileNameForType(found.row.fileName, found.row.fileType),
    mimeType: ATTACHMENT_MIME_TYPES[found.row.fileType],
    data: found.bytes,
  });
  if (!result.ok)
    notifications.show({
      color: 'red',
      title: t('attachments.notDownloaded'),
      message: failureIn(t, { error: result.error, message: result.message }),
      autoClose: false,
    });
}
