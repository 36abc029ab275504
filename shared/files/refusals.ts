// Why a file is refused as an attachment, with a code and values (issue #17; h17b): the one home of the English, which
// stays the refusal's `reason` (the logs, the tests). The Add attachments dialog says the same with the catalogue's
// `attachmentRefusal.<code>` in its language (renderer/src/lib/i18n/attachments.ts), from the refusal's `said`.
//
// Values: a string is shown as written (a file's name, a person); a number as a number; `{ number }` a number written
// with thousands separators; `{ bytes }` a file's size ("25 MB"); a nested saying (what a file is, what its name
// claims, the accepted types) is said first and put in its place.
import { ACCEPTED_TYPES_TEXT } from '#shared/model/attachment';
import { codesOf, isSaying, plainValueInEnglish, type Saying, saying, sayingInEnglish } from '#shared/model/saying';

export const ATTACHMENT_REFUSALS_EN = {
  // --- before the bytes are read (renderer/src/db/repositories/attachments.ts whyNotAttach)
  'too-large': 'This file is {size}: a file may be at most {max} MB.',
  'no-kind': 'Choose what the file is.',
  'note-too-long': 'The note has {length} characters; at most {max}.',
  'no-name': 'The file has no name.',
  // --- from the bytes (./recognise.ts)
  empty: 'This file is empty (0 bytes): there is nothing to keep.',
  'is-other': 'This file is {what}: {accepted}',
  'is-other-not-claimed': 'This file is {what}, not {claimed}: {accepted}',
  'not-claimed':
    'This file is not {claimed}: its contents are not one of the types Redress accepts, whatever its name says. {accepted}',
  unknown: 'Redress cannot tell what this file is. {accepted}',
  accepted: `Redress accepts ${ACCEPTED_TYPES_TEXT}.`,
  // --- reading it, storing it
  unreadable: 'The file could not be read: {error}',
  'already-on-case': 'This file is already on the case (the same bytes as “{name}”, added by {by}).',
  // --- what the name's extension claims ({claimed})
  'claimed-pdf': 'a PDF',
  'claimed-jpeg': 'a JPEG image',
  'claimed-png': 'a PNG image',
  'claimed-tiff': 'a TIFF image',
  'claimed-heic': 'a HEIC photo',
  'claimed-text': 'a plain text file',
  'claimed-eml': 'an email (.eml)',
  'claimed-msg': 'an Outlook message (.msg)',
  'claimed-docx': 'a Word document (.docx)',
  'claimed-xlsx': 'an Excel workbook (.xlsx)',
  'claimed-odt': 'an OpenDocument text (.odt)',
  // --- what the file is, when Redress can tell ({what})
  'what-windows-program': 'a Windows program',
  'what-linux-program': 'a Linux program',
  'what-mac-program': 'a Mac program',
  'what-gif': 'a GIF image',
  'what-webp': 'a WebP image',
  'what-sound-video': 'a sound or video file',
  'what-mp3': 'an MP3 sound file',
  'what-gzip': 'a compressed (gzip) archive',
  'what-rar': 'a RAR archive',
  'what-7zip': 'a 7-Zip archive',
  'what-bmp': 'a BMP image',
  'what-avif': 'an AVIF image',
  'what-quicktime': 'a QuickTime video',
  'what-mp4': 'a video or sound file (MP4)',
  'what-old-office': 'an older Microsoft Office file (.doc, .xls or .ppt)',
  'what-damaged-zip': 'a damaged ZIP archive',
  'what-pptx': 'a PowerPoint presentation (.pptx)',
  'what-opendocument-spreadsheet': 'an OpenDocument spreadsheet (only OpenDocument text is accepted)',
  'what-opendocument-presentation': 'an OpenDocument presentation (only OpenDocument text is accepted)',
  'what-opendocument-graphics': 'an OpenDocument graphics (only OpenDocument text is accepted)',
  /** Another OpenDocument sort, named as its MIME type does ({sort}: `formula`, `chart`, …). */
  'what-opendocument': 'an OpenDocument {sort} (only OpenDocument text is accepted)',
  'what-epub': 'an e-book (EPUB)',
  'what-zip': 'a ZIP archive',
  'what-html': 'a web page (HTML)',
  'what-rtf': 'a Rich Text (RTF) document',
  'what-svg': 'an SVG image',
} as const;

export type AttachmentRefusalCode = keyof typeof ATTACHMENT_REFUSALS_EN;
export const ATTACHMENT_REFUSAL_CODES = codesOf(ATTACHMENT_REFUSALS_EN);

export type AttachmentRefusalValue = string | number | { number: number } | { bytes: number } | AttachmentRefusalSaying;

/** A refusal (or a piece of one) as data: its code and values. */
export type AttachmentRefusalSaying = Saying<AttachmentRefusalCode, AttachmentRefusalValue>;

/** A refused file, as the checks return it: the English `reason` and the same as data (`said`). */
export interface AttachmentRefusal {
  reason: string;
  said: AttachmentRefusalSaying;
}

export function attachmentRefusalInEnglish(s: AttachmentRefusalSaying): string {
  return sayingInEnglish(ATTACHMENT_REFUSALS_EN, s, (v) =>
    isSaying(v) ? attachmentRefusalInEnglish(v) : plainValueInEnglish(v),
  );
}

/** The refusal with its English reason. */
export function attachmentRefusal(
  code: AttachmentRefusalCode,
  values?: Readonly<Record<string, AttachmentRefusalValue>>,
): AttachmentRefusal {
  const said = saying(code, values);
  return { reason: attachmentRefusalInEnglish(said), said };
}
