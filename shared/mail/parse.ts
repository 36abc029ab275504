// Reading an email file (issue #18, "A complaint from an email"): an .eml (MIME, RFC 5322) through postal-mime, an
// Outlook .msg through @kenjiuno/msgreader, never by hand. Which it is comes from the bytes, not the name: an .msg is
// a compound file (D0 CF 11 E0) holding an IPM.Note message; an .eml is text that starts with mail headers. Anything
// else is refused with the reason. Pure: no DOM, no Node (postal-mime and msgreader need only TextDecoder, Blob and
// typed arrays, which the browser and Node both have).
//
// Nested messages (message/rfc822 parts, Outlook's embedded messages) are parsed too, and shown as attachments that
// carry their parsed message, at most MAX_NESTING deep. An Outlook message whose body exists only as compressed RTF
// is decompressed with @kenjiuno/decompressrtf and shown as the RTF's text (./rtf.ts).
import PostalMime, { addressParser } from 'postal-mime';
import * as msgReaderModule from '@kenjiuno/msgreader';
import { decompressRTF } from '@kenjiuno/decompressrtf';
import type MsgReaderType from '@kenjiuno/msgreader/lib/MsgReader';
import type { FieldsData } from '@kenjiuno/msgreader/lib/MsgReader';
import { codePageDecoder } from './code-pages';
import { rtfToText } from './rtf';
import { type EmailProblemSaying, type EmailWhy, notAnEmail, unreadableEmail } from './problems';

export interface MailAddress {
  /** The display name, decoded (RFC 2047); '' when the address has none. */
  name: string;
  address: string;
}

export interface MailAttachment {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
  /** Shown inside the body (an image the HTML refers to by its Content-ID) rather than attached. */
  inline: boolean;
  contentId?: string;
  /** An attached email (message/rfc822, or an Outlook embedded message), parsed. */
  message?: ParsedEmail;
}

export interface ParsedEmail {
  format: 'eml' | 'msg';
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  /** When it was sent, as an ISO instant; null when the email has no date that can be read. */
  date: string | null;
  subject: string;
  /** The plain-text body ('' when there is none; an HTML-only email gets the text of its HTML). */
  text: string;
  /** The HTML body as sent: NOT safe to show before it is sanitised (renderer: features/mail). */
  html?: string;
  attachments: MailAttachment[];
}

export type ParseEmailResult =
  { ok: true; email: ParsedEmail } | { ok: false; error: string; said: EmailProblemSaying };

/** How deep attached emails inside attached emails are parsed; deeper ones stay attachments (their bytes). */
export const MAX_NESTING = 5;

type Decoder = { decode(bytes: Uint8Array): string };
const TextDecoderCtor = (
  globalThis as unknown as { TextDecoder: new (label: string, options?: { fatal?: boolean }) => Decoder }
).TextDecoder;
const latin1 = new TextDecoderCtor('windows-1252');
const TextEncoderCtor = (globalThis as unknown as { TextEncoder: new () => { encode(s: string): Uint8Array } })
  .TextEncoder;

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The bytes start as a compound file (Outlook .msg, old Office documents). */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && CFB_MAGIC.every((b, i) => bytes[i] === b);
}

/** Headers that mark a mail message; a text file must carry From or two of these to be taken as one. */
const MAIL_HEADERS = new Set([
  'from',
  'to',
  'cc',
  'date',
  'subject',
  'message-id',
  'mime-version',
  'received',
  'return-path',
  'reply-to',
  'sender',
  'in-reply-to',
  'references',
  'delivered-to',
]);

/**
 * Whether the bytes start with a mail header block (RFC 5322: `Name: value` lines, folded lines starting with
 * white space, up to the first blank line), naming From or at least two of the usual mail headers. A leading mbox
 * "From " line is allowed. Returns the reason it is not one (shared/mail/problems.ts `why-*`), or null.
 */
export function emailHeaderProblem(bytes: Uint8Array): EmailWhy | null {
  if (bytes.length === 0) return { code: 'why-empty' };
  const head = latin1.decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)));
  if (head.includes('\u0000')) return { code: 'why-binary' };
  const lines = head.replace(/^\ufeff/, '').split(/\r?\n/);
  let index = 0;
  if (lines[0]?.startsWith('From ')) index = 1;
  const seen = new Set<string>();
  for (; index < lines.length; index++) {
    const line = lines[index];
    if (line === '') break;
    if (/^[ \t]/.test(line) && seen.size > 0) continue;
    const m = /^([!-9;-~]+)[ \t]*:/.exec(line);
    if (!m) break;
    seen.add(m[1].toLowerCase());
  }
  const known = [...seen].filter((h) => MAIL_HEADERS.has(h));
  if (seen.has('from') || known.length >= 2) return null;
  return seen.size === 0 ? { code: 'why-no-headers' } : { code: 'why-not-mail-headers' };
}

/**
 * Parse an email file: an .eml or an Outlook .msg, recognised from its bytes. A file that is not an email gets
 * `{ ok: false, error: "This file is not an email: …" }`; nothing throws.
 */
export async function parseEmail(bytes: Uint8Array, fileName: string): Promise<ParseEmailResult> {
  try {
    if (isCompoundFile(bytes)) return await parseMsg(bytes, fileName, 0);
    const problem = emailHeaderProblem(bytes);
    if (problem) return notAnEmail(fileName, problem);
    return { ok: true, email: await parseEml(bytes, 0) };
  } catch (error) {
    return unreadableEmail(fileName, error instanceof Error ? error.message : String(error));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// .eml

interface PmAddress {
  name?: string;
  address?: string;
  group?: PmAddress[];
}

function mailboxes(list: readonly PmAddress[] | undefined): MailAddress[] {
  const out: MailAddress[] = [];
  for (const a of list ?? []) {
    if (a.group) out.push(...mailboxes(a.group));
    else if (a.address || a.name) out.push({ name: (a.name ?? '').trim(), address: (a.address ?? '').trim() });
  }
  return out;
}

function isoDate(value: string | undefined | null): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

async function parseEml(bytes: Uint8Array, depth: number): Promise<ParsedEmail> {
  const parsed = await PostalMime.parse(bytes, {
    attachmentEncoding: 'arraybuffer',
    // Every attached email is an attachment, parsed below, so its text never runs into the outer body.
    forceRfc822Attachments: true,
  });
  const attachments: MailAttachment[] = [];
  for (const a of parsed.attachments) {
    const content = a.content as ArrayBuffer | Uint8Array | string;
    const data =
      typeof content === 'string'
        ? Uint8Array.from(content, (ch) => ch.charCodeAt(0))
        : content instanceof Uint8Array
          ? content
          : new Uint8Array(content);
    const mime = (a.mimeType || 'application/octet-stream').toLowerCase();
    const isMessage = mime === 'message/rfc822';
    const attachment: MailAttachment = {
      fileName: a.filename || (isMessage ? 'attached message.eml' : `attachment ${attachments.length + 1}`),
      mime,
      bytes: data,
      inline: a.disposition === 'inline' || (a.related === true && a.disposition !== 'attachment'),
      ...(a.contentId ? { contentId: a.contentId.replace(/^<|>$/g, '') } : {}),
    };
    if (isMessage && depth < MAX_NESTING) {
      const inner = await parseEml(data, depth + 1).catch(() => null);
      if (inner) {
        attachment.message = inner;
        if (!a.filename && inner.subject) attachment.fileName = `${inner.subject}.eml`;
      }
    }
    attachments.push(attachment);
  }
  const html = parsed.html?.trim() ? parsed.html : undefined;
  const text = parsed.text?.trim() ? parsed.text : html ? await htmlToText(html) : '';
  const from = mailboxes(parsed.from ? [parsed.from as PmAddress] : [])[0] ?? null;
  return {
    format: 'eml',
    from,
    to: mailboxes(parsed.to as PmAddress[] | undefined),
    cc: mailboxes(parsed.cc as PmAddress[] | undefined),
    date: isoDate(parsed.date),
    subject: (parsed.subject ?? '').trim(),
    text: normaliseText(text),
    ...(html ? { html } : {}),
    attachments,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// .msg

type MsgFields = FieldsData;
type MsgReaderInstance = MsgReaderType;
type MsgReaderClass = new (buffer: ArrayBuffer | DataView) => MsgReaderInstance;

/** The MsgReader class, whether the CommonJS module arrives as its exports or as an ES default. */
function msgReaderClass(): MsgReaderClass {
  const m = msgReaderModule as unknown as { default?: unknown };
  const first = m.default as { default?: unknown } | undefined;
  return (typeof first === 'function' ? first : first?.default) as MsgReaderClass;
}

async function parseMsg(bytes: Uint8Array, fileName: string, depth: number): Promise<ParseEmailResult> {
  const Reader = msgReaderClass();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const reader = new Reader(view);
  const fields = reader.getFileData();
  if (fields.error) return unreadableEmail(fileName, fields.error);
  const messageClass = fields.messageClass ?? '';
  if (!/^IPM\.Note(\.|$)/i.test(messageClass)) {
    const why: EmailWhy = messageClass
      ? { code: 'why-other-outlook-item', values: { messageClass } }
      : { code: 'why-compound-file' };
    return notAnEmail(fileName, why);
  }
  return { ok: true, email: await msgToEmail(reader, fields, depth) };
}

function msgAddress(name: string | undefined, ...addresses: (string | undefined)[]): MailAddress | null {
  const address = addresses.find((a) => a && a.includes('@'))?.trim() ?? '';
  const display = (name ?? '').trim();
  if (!address && !display) return null;
  return { name: display === address ? '' : display, address };
}

async function msgToEmail(reader: MsgReaderInstance, fields: MsgFields, depth: number): Promise<ParsedEmail> {
  const headers = parseHeaderBlock(fields.headers ?? '');
  const from =
    msgAddress(
      fields.senderName,
      fields.senderSmtpAddress,
      fields.sentRepresentingSmtpAddress,
      fields.senderAddressType === 'SMTP' ? fields.senderEmail : undefined,
      fields.creatorSMTPAddress,
    ) ?? msgAddressFromHeader(headers.get('from'));
  const recipients = (type: 'to' | 'cc') =>
    (fields.recipients ?? [])
      .filter((r) => (r.recipType ?? 'to') === type)
      .map((r) => msgAddress(r.name, r.smtpAddress, r.email))
      .filter((r): r is MailAddress => r !== null);
  let html: string | undefined = fields.bodyHtml?.trim() ? fields.bodyHtml : undefined;
  if (!html && fields.html && fields.html.length > 0) {
    // The HTML body's bytes are in the message's code page; without one (or with one there is no decoder for), UTF-8.
    html = codePageDecoder(fields.internetCodepage, 65001).decode(fields.html);
  }
  let text = fields.body?.trim() ? fields.body : '';
  if (!text && fields.compressedRtf && fields.compressedRtf.length > 0) {
    text = rtfToText(Uint8Array.from(decompressRTF(Array.from(fields.compressedRtf))));
  }
  if (!text && html) text = await htmlToText(html);
  const attachments: MailAttachment[] = [];
  for (const att of fields.attachments ?? []) {
    const got = reader.getAttachment(att);
    const data = got.content instanceof Uint8Array ? got.content : Uint8Array.from(got.content);
    const isMessage = att.innerMsgContent === true;
    const attachment: MailAttachment = {
      fileName: got.fileName || att.fileName || att.name || `attachment ${attachments.length + 1}`,
      mime: isMessage ? 'application/vnd.ms-outlook' : (att.attachMimeTag ?? mimeFromName(got.fileName ?? '')),
      bytes: data,
      inline: att.attachmentHidden === true && !!att.pidContentId,
      ...(att.pidContentId ? { contentId: att.pidContentId } : {}),
    };
    if (isMessage && depth < MAX_NESTING) {
      // The embedded message is read from its own bytes (msgreader burns them as a .msg), so its attachments are
      // its own.
      const r = await parseMsg(data, attachment.fileName, depth + 1).catch(() => null);
      const inner = r?.ok ? r.email : null;
      if (inner) attachment.message = inner;
    }
    attachments.push(attachment);
  }
  return {
    format: 'msg',
    from,
    to: recipients('to'),
    cc: recipients('cc'),
    date: isoDate(fields.clientSubmitTime ?? fields.messageDeliveryTime ?? headers.get('date')),
    subject: (fields.subject ?? '').trim(),
    text: normaliseText(text),
    ...(html ? { html } : {}),
    attachments,
  };
}

/** The transport headers Outlook keeps (PidTagTransportMessageHeaders): name → first value, unfolded. */
function parseHeaderBlock(block: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const m = /^([!-9;-~]+)\s*:\s*(.*)$/.exec(line);
    if (m && !out.has(m[1].toLowerCase())) out.set(m[1].toLowerCase(), m[2].trim());
  }
  return out;
}

function msgAddressFromHeader(value: string | undefined): MailAddress | null {
  if (!value) return null;
  return mailboxes(addressParser(value) as PmAddress[])[0] ?? null;
}

const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  txt: 'text/plain',
  eml: 'message/rfc822',
  msg: 'application/vnd.ms-outlook',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function mimeFromName(name: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  return MIME_BY_EXTENSION[ext] ?? 'application/octet-stream';
}

// ---------------------------------------------------------------------------------------------------------------
// Text

/** Line endings as \n, no trailing white space on lines, at most one blank line in a row. */
function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The readable text of an HTML body, for an email that has no plain-text body: postal-mime's own HTML-to-text. It
 * converts a part only when the message also has a part of the other kind, so the HTML is read as a two-part MIME
 * message whose plain-text part is empty.
 */
export async function htmlToText(html: string): Promise<string> {
  html = withSafeLinkTargets(html);
  let boundary = 'redress-html-to-text';
  while (html.includes(boundary)) boundary += '-x';
  const message = [
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    '',
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    '',
    html,
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return withoutRepeatedTargets(
    normaliseText((await PostalMime.parse(new TextEncoderCtor().encode(message))).text ?? ''),
  );
}

/** The link targets worth keeping in an email's text: web pages and email addresses. */
const SAFE_TARGET = /^(https?:\/\/|mailto:)/i;
/**
 * The HTML with every link that has a target other than a web page or an email address made a plain <a>: postal-mime
 * writes a link's target into the text, and the text goes into the complaint's summary (explore39-letters #9:
 * "(javascript:alert(2)) click"). An allow-list: javascript:, data:, vbscript:, "#top", relative and entity-disguised
 * ones all go. Every "href=" in the tag is looked at, as postal-mime takes any; the target it reads may run on past
 * the tag's ">", but starts as the one here, so it is as safe. The text after the last ">" holds no whole tag and is
 * left out of the search (many unclosed "<a" would otherwise take quadratic time).
 */
function withSafeLinkTargets(html: string): string {
  const end = html.lastIndexOf('>') + 1;
  const tags = html.slice(0, end).replace(/<a\b[^>]*>/gi, (tag) => {
    for (const href of tag.matchAll(/href\s*=\s*["']?([^\s"'>]*)/gi)) if (!SAFE_TARGET.test(href[1])) return '<a>';
    return tag;
  });
  return tags + html.slice(end);
}

/** A web or mail link's target left out where its words say the same ("(mailto:ada@example.com) ada@example.com"). */
function withoutRepeatedTargets(text: string): string {
  return text.replace(/\((https?:\/\/[^\s()]+|mailto:[^\s()]+)\) ?/gi, (whole, target: string, at: number) => {
    const words = /^mailto:/i.test(target) ? target.slice('mailto:'.length) : target;
    return text.startsWith(words, at + whole.length) ? '' : whole;
  });
}
