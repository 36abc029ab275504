// A file kept on a case (issue #18): the customer's letter scanned, their emails, photos of a bill, a representative's
// signed authority. The exact bytes are kept as a Blob (never base64) with their SHA-256, so a download is
// byte-identical and can be checked. Adding one and removing one are timeline entries ('attachment-added',
// 'attachment-removed'); the row itself only ever changes to record its removal (and, when the person removing it
// asks, to drop its bytes).

/** The types Redress accepts, each recognised from its bytes (shared/files/recognise.ts), never from its name. */
export const ATTACHMENT_FILE_TYPES = [
  'pdf',
  'jpeg',
  'png',
  'tiff',
  'heic',
  'text',
  'eml',
  'msg',
  'docx',
  'xlsx',
  'odt',
] as const;
export type AttachmentFileType = (typeof ATTACHMENT_FILE_TYPES)[number];

/** What each type is called to a person. */
export const ATTACHMENT_FILE_TYPE_LABELS: Record<AttachmentFileType, string> = {
  pdf: 'PDF',
  jpeg: 'JPEG image',
  png: 'PNG image',
  tiff: 'TIFF image',
  heic: 'HEIC photo',
  text: 'plain text',
  eml: 'email (.eml)',
  msg: 'Outlook message (.msg)',
  docx: 'Word document (.docx)',
  xlsx: 'Excel workbook (.xlsx)',
  odt: 'OpenDocument text (.odt)',
};

/** The MIME type a recognised file is stored and downloaded with. */
export const ATTACHMENT_MIME_TYPES: Record<AttachmentFileType, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  tiff: 'image/tiff',
  heic: 'image/heic',
  text: 'text/plain',
  eml: 'message/rfc822',
  msg: 'application/vnd.ms-outlook',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
};

/** The extensions a file's name may end in for each type, the usual one first (lower case, without the dot). */
export const ATTACHMENT_EXTENSIONS: Record<AttachmentFileType, readonly string[]> = {
  pdf: ['pdf'],
  jpeg: ['jpg', 'jpeg'],
  png: ['png'],
  tiff: ['tif', 'tiff'],
  heic: ['heic', 'heif'],
  text: ['txt', 'text'],
  eml: ['eml'],
  msg: ['msg'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  odt: ['odt'],
};

const TYPE_OF_EXTENSION = new Map(
  ATTACHMENT_FILE_TYPES.flatMap((type) => ATTACHMENT_EXTENSIONS[type].map((ext) => [ext, type] as const)),
);

/** A name's extension: its last ".xyz" of one to eight letters or digits, if any. */
function extensionOf(fileName: string): { ext: string; at: number } | null {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(fileName);
  return match ? { ext: match[1]!.toLowerCase(), at: match.index } : null;
}

/** The type a file's name claims by its extension ("x.jpg": a JPEG image), or undefined when it names none of them. */
export function typeClaimedBy(fileName: string): AttachmentFileType | undefined {
  const found = extensionOf(fileName);
  return found ? TYPE_OF_EXTENSION.get(found.ext) : undefined;
}

/**
 * The name a file is saved under (a download, the subject-access bundle): its own name when its extension fits what
 * its bytes are; else with the right extension, so the computer opens it with the right program. A PDF named
 * "photo.jpg" is saved as "photo.pdf" (the extension of another type is replaced), "scan" as "scan.pdf" (one is
 * added). Plain text keeps any extension no other type claims ("notes.log").
 */
export function fileNameForType(fileName: string, fileType: AttachmentFileType): string {
  const found = extensionOf(fileName);
  const claimed = found ? TYPE_OF_EXTENSION.get(found.ext) : undefined;
  if (claimed === fileType) return fileName;
  const usual = ATTACHMENT_EXTENSIONS[fileType][0]!;
  if (found && claimed) return `${fileName.slice(0, found.at)}.${usual}`;
  if (found && fileType === 'text') return fileName;
  return `${fileName}.${usual}`;
}

/** The list of accepted types in words, for messages: "PDF, JPEG image, …". */
export const ACCEPTED_TYPES_TEXT =
  'PDF, JPEG, PNG, TIFF or HEIC images, plain text, emails (.eml, .msg), Word (.docx), Excel (.xlsx) or OpenDocument text (.odt)';

/** What the file is to the case. */
export const ATTACHMENT_KINDS = ['customer-letter', 'email', 'evidence', 'authority', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const ATTACHMENT_KIND_LABELS: Record<AttachmentKind, string> = {
  'customer-letter': 'Customer’s letter',
  email: 'Email',
  evidence: 'Evidence',
  authority: 'Authority to act',
  other: 'Other',
};

/** The largest file accepted: 25 MB. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/** Above this much space used by attachments, "Your data" warns the desk (IndexedDB quotas vary by browser and disk). */
export const ATTACHMENT_STORAGE_WARNING_BYTES = 2 * 1024 * 1024 * 1024;

/** The longest note kept with an attachment. */
export const MAX_ATTACHMENT_NOTE = 2000;

/** The removal of an attachment, as recorded on its row (the timeline's 'attachment-removed' entry says the same). */
export interface AttachmentRemoval {
  /** When (ISO timestamp). */
  at: string;
  by: string;
  reason: string;
  /** The bytes were deleted (someone else's data uploaded by mistake; anonymisation or erasure). */
  fileDeleted: boolean;
}

/**
 * The bytes as the browser keeps them: a DOM Blob (shared/ is compiled without the DOM's types, so this names what it
 * uses of one; the renderer's rows are `AttachmentRow<Blob>`).
 */
export interface BlobLike {
  readonly size: number;
  readonly type: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface AttachmentRow<Bytes extends BlobLike = BlobLike> {
  id: string;
  caseId: string;
  /** The file's name as it was added (shown and used for downloads; never trusted for its type). */
  fileName: string;
  fileType: AttachmentFileType;
  mime: string;
  /** Size in bytes. */
  size: number;
  /** SHA-256 of the bytes, hex. */
  sha256: string;
  kind: AttachmentKind;
  note: string;
  addedBy: string;
  /** When it was added (ISO timestamp). */
  addedAt: string;
  /** The exact bytes; absent once the file itself was deleted. */
  blob?: Bytes;
  /** Set when it was removed from the case (the row and the timeline entries stay). */
  deleted?: AttachmentRemoval;
}

/**
 * An attachment as the case page lists it: everything but its bytes, and whether they are still kept. The list is
 * drawn from these alone; the bytes are read only when someone previews or downloads the file.
 */
export type AttachmentSummary = Omit<AttachmentRow, 'blob'> & { hasFile: boolean };

/** The row without its bytes. */
export function summariseAttachment({ blob, ...rest }: AttachmentRow): AttachmentSummary {
  return { ...rest, hasFile: blob !== undefined };
}

/** A size as people read it, with thousands separators as every number they read: "12 bytes", "1,023 KB", "2.4 MB". */
export function formatFileSize(bytes: number): string {
  const fixed = (n: number, digits: number) =>
    n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  if (bytes < 1024) return `${fixed(bytes, 0)} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${fixed(bytes / 1024, 0)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${fixed(bytes / 1024 / 1024, 1)} MB`;
  return `${fixed(bytes / 1024 / 1024 / 1024, 2)} GB`;
}

/** The share of the browser's quota used above which "Your data" warns, whatever the attachments take. */
export const STORAGE_QUOTA_WARNING_SHARE = 0.8;

/**
 * The warning "Your data" shows about space, or null: when attachments take more than
 * ATTACHMENT_STORAGE_WARNING_BYTES, or the desk's data uses more than STORAGE_QUOTA_WARNING_SHARE of the space the
 * browser allows (a browser refuses writes beyond its quota).
 */
export function storageWarning(
  attachmentBytes: number,
  usageBytes: number | null,
  quotaBytes: number | null,
): string | null {
  const facts = storageWarningFacts(attachmentBytes, usageBytes, quotaBytes);
  if (facts?.kind === 'quota')
    return `The desk’s data uses ${facts.percent}% of the space this computer allows it (${formatFileSize(facts.usageBytes)} of ${formatFileSize(facts.quotaBytes)}). When it is full, nothing more can be saved: make a backup, and remove attachments that are not needed or free space on the disk.`;
  if (facts?.kind === 'attachments')
    return `Attachments take ${formatFileSize(facts.bytes)}, more than ${formatFileSize(facts.limitBytes)}. Backups grow with them and take longer: keep an eye on the space left on this computer.`;
  return null;
}

/** The same rule as storageWarning, as facts the interface words in its own language (null: no warning). */
export type StorageWarningFacts =
  | { kind: 'quota'; percent: number; usageBytes: number; quotaBytes: number }
  | { kind: 'attachments'; bytes: number; limitBytes: number };

export function storageWarningFacts(
  attachmentBytes: number,
  usageBytes: number | null,
  quotaBytes: number | null,
): StorageWarningFacts | null {
  if (usageBytes !== null && quotaBytes && usageBytes / quotaBytes > STORAGE_QUOTA_WARNING_SHARE)
    return { kind: 'quota', percent: Math.round((usageBytes / quotaBytes) * 100), usageBytes, quotaBytes };
  if (attachmentBytes > ATTACHMENT_STORAGE_WARNING_BYTES)
    return { kind: 'attachments', bytes: attachmentBytes, limitBytes: ATTACHMENT_STORAGE_WARNING_BYTES };
  return null;
}
