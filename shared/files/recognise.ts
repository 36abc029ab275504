// What a file is, from its bytes and structure, never its name (issue #18): the allow-list of attachments. A PDF starts
// with %PDF-, an image with its signature, a .docx is a ZIP holding word/document.xml, an .eml is text whose header
// block holds mail headers, a .msg an OLE compound file holding Outlook's __substg1.0_ streams. Anything else is
// refused with what it is (when Redress can tell) and what is accepted. Pure: bytes in, a verdict out.
import { unzipSync } from 'fflate';
import { ATTACHMENT_MIME_TYPES, type AttachmentFileType, typeClaimedBy } from '#shared/model/attachment';
import {
  attachmentRefusal,
  type AttachmentRefusalCode,
  type AttachmentRefusalSaying,
  type AttachmentRefusal,
} from './refusals';

export type Recognised = { ok: true; fileType: AttachmentFileType; mime: string } | ({ ok: false } & AttachmentRefusal);

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));
const latin1 = (bytes: Uint8Array, from = 0, to = bytes.length) => {
  let out = '';
  for (let i = from; i < Math.min(to, bytes.length); i++) out += String.fromCharCode(bytes[i]);
  return out;
};
function indexOf(bytes: Uint8Array, pattern: readonly number[], from = 0, to = bytes.length): number {
  const end = Math.min(to, bytes.length) - pattern.length;
  outer: for (let i = from; i <= end; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}

const PDF = ascii('%PDF-');
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const TIFF_LE = [0x49, 0x49, 0x2a, 0x00];
const TIFF_BE = [0x4d, 0x4d, 0x00, 0x2a];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
/** "__substg1.0_" in UTF-16LE: the name of the property streams every Outlook message holds. */
const OUTLOOK_STREAM = Array.from('__substg1.0_', (c) => [c.charCodeAt(0), 0]).flat();
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx']);
const IMAGE_SEQUENCE_BRANDS = new Set(['mif1', 'msf1']);

/** What a refused file is, as a saying (`what-…`). */
type What = AttachmentRefusalSaying;
const what = (code: AttachmentRefusalCode): What => ({ code });

function refuse(fileName: string, is: What | null): Recognised {
  // What the name's extension claims ("a PDF"), or nothing when it names nothing Redress knows.
  const claimedType = typeClaimedBy(fileName);
  const claimed = claimedType ? what(`claimed-${claimedType}`) : undefined;
  const accepted = what('accepted');
  if (is && claimed)
    return { ok: false, ...attachmentRefusal('is-other-not-claimed', { what: is, claimed, accepted }) };
  if (is) return { ok: false, ...attachmentRefusal('is-other', { what: is, accepted }) };
  if (claimed) return { ok: false, ...attachmentRefusal('not-claimed', { claimed, accepted }) };
  return { ok: false, ...attachmentRefusal('unknown', { accepted }) };
}

const ok = (fileType: AttachmentFileType): Recognised => ({
  ok: true,
  fileType,
  mime: ATTACHMENT_MIME_TYPES[fileType],
});

/** What a binary file Redress does not accept is, when its signature says so (for the refusal's message). */
function knownOther(bytes: Uint8Array): What | null {
  if (startsWith(bytes, ascii('MZ'))) return what('what-windows-program');
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return what('what-linux-program');
  if (
    startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(bytes, [0xce, 0xfa, 0xed, 0xfe]) ||
    startsWith(bytes, [0xca, 0xfe, 0xba, 0xbe])
  )
    return what('what-mac-program');
  if (startsWith(bytes, ascii('GIF8'))) return what('what-gif');
  if (startsWith(bytes, ascii('RIFF')) && latin1(bytes, 8, 12) === 'WEBP') return what('what-webp');
  if (startsWith(bytes, ascii('RIFF'))) return what('what-sound-video');
  if (startsWith(bytes, ascii('ID3')) || startsWith(bytes, [0xff, 0xfb])) return what('what-mp3');
  if (startsWith(bytes, [0x1f, 0x8b])) return what('what-gzip');
  if (startsWith(bytes, ascii('Rar!'))) return what('what-rar');
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return what('what-7zip');
  if (startsWith(bytes, ascii('BM')) && bytes.length > 14) return what('what-bmp');
  return null;
}

function recogniseIsoMedia(bytes: Uint8Array): Recognised | What | null {
  if (latin1(bytes, 4, 8) !== 'ftyp') return null;
  const boxSize = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
  const major = latin1(bytes, 8, 12);
  const brands = [major];
  for (let at = 16; at + 4 <= Math.min(boxSize, bytes.length, 256); at += 4) brands.push(latin1(bytes, at, at + 4));
  if (brands.some((b) => b === 'avif' || b === 'avis')) return what('what-avif');
  if (HEIC_BRANDS.has(major)) return ok('heic');
  if (IMAGE_SEQUENCE_BRANDS.has(major) && brands.some((b) => HEIC_BRANDS.has(b))) return ok('heic');
  if (IMAGE_SEQUENCE_BRANDS.has(major)) return ok('heic');
  if (major === 'qt  ') return what('what-quicktime');
  return what('what-mp4');
}

function recogniseZip(bytes: Uint8Array): Recognised | What {
  const names = new Set<string>();
  let files: Record<string, Uint8Array>;
  try {
    // Only the tiny `mimetype` entry is inflated (OpenDocument stores it uncompressed, first); the rest are only named.
    files = unzipSync(bytes, {
      filter: (file) => {
        names.add(file.name);
        return file.name === 'mimetype' && file.originalSize <= 200;
      },
    });
  } catch {
    return what('what-damaged-zip');
  }
  if (names.has('word/document.xml')) return ok('docx');
  if (names.has('xl/workbook.xml')) return ok('xlsx');
  if (names.has('ppt/presentation.xml')) return what('what-pptx');
  const mimetype = files.mimetype ? latin1(files.mimetype).trim() : '';
  if (mimetype === ATTACHMENT_MIME_TYPES.odt) return ok('odt');
  if (mimetype.startsWith('application/vnd.oasis.opendocument.')) {
    const sort = mimetype.slice('application/vnd.oasis.opendocument.'.length);
    if (sort === 'spreadsheet' || sort === 'presentation' || sort === 'graphics')
      return what(`what-opendocument-${sort}`);
    return { code: 'what-opendocument', values: { sort } };
  }
  if (mimetype === 'application/epub+zip') return what('what-epub');
  return what('what-zip');
}

/** A byte no text holds: NUL and the C0 controls other than tab, line feed, form feed, carriage return and escape. */
const isBinaryByte = (b: number) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b;

/**
 * Text: no NUL or other binary control byte. UTF-8 or single-byte (Latin-1, Windows-1252) text both pass, and so does
 * UTF-16 with its byte order mark (Notepad's "Unicode", PowerShell), whose every ASCII character holds a NUL byte: it
 * is decoded first, and must be well formed with no control character either.
 */
function isText(bytes: Uint8Array): boolean {
  const utf16 = utf16Of(bytes);
  if (utf16 !== null) {
    // Read as 16-bit units after the mark: no control unit, and every surrogate in a pair.
    const little = utf16 === 'utf-16le';
    let high = false;
    for (let i = 2; i < bytes.length; i += 2) {
      const unit = little ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1];
      const isHigh = unit >= 0xd800 && unit <= 0xdbff;
      const isLow = unit >= 0xdc00 && unit <= 0xdfff;
      if (isBinaryByte(unit) || (high && !isLow) || (!high && isLow)) return false;
      high = isHigh;
    }
    return !high;
  }
  for (let i = 0; i < bytes.length; i++) if (isBinaryByte(bytes[i])) return false;
  return true;
}

/** The UTF-16 encoding a text file's byte order mark names, or null (none, or an odd length). */
export function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** Header names that make a header block a mail message's. */
const MAIL_HEADERS = new Set([
  'from',
  'date',
  'subject',
  'mime-version',
  'received',
  'to',
  'message-id',
  'return-path',
]);
const HEADER_LINE = /^([!-9;-~]+)[ \t]*:/;

/** The message's header block (up to the first empty line) holds mail headers and nothing that is not a header. */
function isMail(bytes: Uint8Array): boolean {
  const head = latin1(bytes, 0, 64 * 1024);
  const end = head.search(/\r?\n\r?\n/);
  if (end <= 0) return false;
  const lines = head.slice(0, end).split(/\r?\n/);
  // An mbox file's first line ("From sender@example.com Tue …") is not a header; a single saved message may have it.
  if (/^From /.test(lines[0])) lines.shift();
  const names = new Set<string>();
  for (const line of lines) {
    if (/^[ \t]/.test(line)) continue; // a folded header's continuation
    const m = HEADER_LINE.exec(line);
    if (!m) return false;
    names.add(m[1].toLowerCase());
  }
  const mailNames = [...names].filter((n) => MAIL_HEADERS.has(n));
  return mailNames.length >= 2 && (names.has('from') || names.has('received') || names.has('mime-version'));
}

/** Text Redress does not keep as plain text: markup a browser would run or draw, and Rich Text. */
function looksLikeMarkup(bytes: Uint8Array): What | null {
  const start = latin1(bytes, 0, 512)
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) return what('what-html');
  if (start.startsWith('{\\rtf')) return what('what-rtf');
  if (start.startsWith('<svg') || (start.startsWith('<?xml') && start.includes('<svg'))) return what('what-svg');
  return null;
}

/**
 * What the file is, from its bytes: one of the accepted types with its MIME type, or the reason it is refused.
 * `fileName` is used only to word the refusal ("…, not a PDF").
 */
export function recogniseFile(bytes: Uint8Array, fileName: string): Recognised {
  if (bytes.length === 0) return { ok: false, ...attachmentRefusal('empty') };
  // A PDF starts with its header (after a byte-order mark or white space at most).
  const pdfAt = indexOf(bytes, PDF, 0, 16);
  if (pdfAt === 0 || (pdfAt > 0 && /^(\xEF\xBB\xBF)?\s*$/.test(latin1(bytes, 0, pdfAt)))) return ok('pdf');
  if (startsWith(bytes, JPEG)) return ok('jpeg');
  if (startsWith(bytes, PNG)) return ok('png');
  if (startsWith(bytes, TIFF_LE) || startsWith(bytes, TIFF_BE)) return ok('tiff');
  const media = recogniseIsoMedia(bytes);
  if (media && 'code' in media) return refuse(fileName, media);
  if (media) return media;
  if (startsWith(bytes, OLE)) {
    if (indexOf(bytes, OUTLOOK_STREAM) >= 0) return ok('msg');
    return refuse(fileName, what('what-old-office'));
  }
  if (startsWith(bytes, ZIP) || startsWith(bytes, ZIP_EMPTY)) {
    const zip = recogniseZip(bytes);
    return 'code' in zip ? refuse(fileName, zip) : zip;
  }
  // Text first: a letter that begins "BM…" or "MZ…" is still text; the signatures below are of binary files.
  if (isMail(bytes)) return ok('eml');
  if (isText(bytes)) {
    const markup = looksLikeMarkup(bytes);
    return markup ? refuse(fileName, markup) : ok('text');
  }
  return refuse(fileName, knownOther(bytes));
}
