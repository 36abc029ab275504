// A subject-access bundle (UK GDPR Art. 15, PIPEDA Principle 4.9): everything the desk holds about one customer, as
// one ZIP file: a readable PDF summary, the issued letters' exact PDF bytes, and a JSON file of all the data.
// Pure: the renderer gathers the cases, renders the summary's document definition with pdfmake and saves the file.
import { type AttachmentRow, fileNameForType } from '#shared/model/attachment';
import type { IssuedLetter } from '#shared/model/letter';
import { zipSync, strToU8, type Zippable } from 'fflate';
import {
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  inTimelineOrder,
  LETTER_LANGUAGE_LABELS,
  type CalendarId,
  type CaseRecord,
  type CompanyDetails,
  type Customer,
  type PostalAddress,
  type TimelineEvent,
} from '#shared/model/case';
import { voidsByEntry } from '#shared/model/effective';
import type { LetterContent, LetterDocument, LetterStyle } from '#shared/letters/document';
import { withUnprintableAsCodes } from '#shared/letters/printable';
import { addCalendarDays, addMonths } from '#shared/rules/dates';
import { dateInWords } from '#shared/model/dates';

// ---------------------------------------------------------------------------------------------------------------
// Who is "the customer": cases are matched to the chosen case's customer by any strong identifier they share.

const digits = (s: string) => s.replace(/\D+/g, '');
const compact = (s: string) => s.replace(/\s+/g, '').toUpperCase();
const nameKey = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
/** A phone number's last 10 digits: +44 113 496 0000 and 0113 496 0000 are the same number. */
const phoneKey = (s: string) => {
  const d = digits(s);
  return d.length >= 7 ? d.slice(-10) : '';
};

export type MatchReason = 'email' | 'phone' | 'account number' | 'name and postcode';

/** Why `other` looks like the same person as `subject` (empty: not matched). */
export function customerMatchReasons(subject: Customer, other: Customer): MatchReason[] {
  const reasons: MatchReason[] = [];
  if (subject.email && other.email && subject.email.trim().toLowerCase() === other.email.trim().toLowerCase())
    reasons.push('email');
  if (
    subject.phone &&
    other.phone &&
    phoneKey(subject.phone) !== '' &&
    phoneKey(subject.phone) === phoneKey(other.phone)
  )
    reasons.push('phone');
  if (subject.accountNumber && other.accountNumber && compact(subject.accountNumber) === compact(other.accountNumber))
    reasons.push('account number');
  const sp = subject.address?.postcode;
  const op = other.address?.postcode;
  if (
    sp &&
    op &&
    compact(sp) === compact(op) &&
    nameKey(subject.name) !== '' &&
    nameKey(subject.name) === nameKey(other.name)
  )
    reasons.push('name and postcode');
  return reasons;
}

// ---------------------------------------------------------------------------------------------------------------
// The time limit for the answer.

/** The time limit for answering, in English (the bundle's record; the interface says it as `sar.answerRule.<law>`). */
export const ANSWER_RULES_EN = {
  'uk-gdpr': 'one calendar month (UK GDPR, Article 12(3))',
  pipeda: '30 days (PIPEDA, section 8(3))',
} as const;
export type AnswerLaw = keyof typeof ANSWER_RULES_EN;

export interface AnswerBy {
  dueOn: string;
  /** The law that sets the time limit. */
  law: AnswerLaw;
  /** "one calendar month (UK GDPR, Article 12(3))" */
  rule: string;
}

/** UK: one calendar month from the day the request is received; Canada (PIPEDA s. 8(3)): 30 days. */
export function subjectAccessAnswerBy(receivedOn: string, calendar: CalendarId): AnswerBy {
  if (calendar === 'canada')
    return { dueOn: addCalendarDays(receivedOn, 30), law: 'pipeda', rule: ANSWER_RULES_EN.pipeda };
  return { dueOn: addMonths(receivedOn, 1), law: 'uk-gdpr', rule: ANSWER_RULES_EN['uk-gdpr'] };
}

// ---------------------------------------------------------------------------------------------------------------
// What goes in.

export type SubjectAccessLetter = IssuedLetter;

/** A file kept on a case: its row, and its exact bytes (none once the file was deleted). */
export interface SubjectAccessAttachment {
  row: Omit<AttachmentRow, 'blob'>;
  bytes?: Uint8Array;
}

export interface SubjectAccessCase {
  record: CaseRecord;
  events: readonly TimelineEvent[];
  letters: readonly SubjectAccessLetter[];
  /** Every file kept on the case (issue #18), in the order they were added. */
  attachments?: readonly SubjectAccessAttachment[];
  /** Stage and status in words, from the rules engine (when it can evaluate the case). */
  stageName?: string;
  status?: string;
  procedureName?: string;
  /** The provider (brand) the complaint was about. */
  providerName?: string;
}

export interface SubjectAccessRequest {
  /** The customer of the case the export was started from. */
  subject: Customer;
  cases: readonly SubjectAccessCase[];
  /** The day the request reached the desk (YYYY-MM-DD). */
  requestReceivedOn: string;
  /** Which regulation's time limit applies. */
  calendar: CalendarId;
  company: CompanyDetails;
  preparedBy: string;
  /** YYYY-MM-DD and the ISO timestamp of the export. */
  preparedOn: string;
  preparedAt: string;
}

/** Windows refuses these names for a file or folder, whatever follows the dot. */
const DEVICE_NAME = /^(con|prn|aux|nul|com[1-9]|lpt[1-9]) *(\.|$)/i;

/**
 * One part of a path in the ZIP (a folder or a file name) built only from safe characters: letters, digits, space,
 * `.`, `_`, `-`, `(` and `)`; anything else (a slash or backslash above all) becomes `_`. Never `.` or `..`, never
 * starting with a dot or ending with a dot or space, never a Windows device name, at most 120 characters; `fallback`
 * when nothing is left. So a reference such as `../../x` can never lead a path out of its folder.
 */
export function safePathPart(text: string, fallback: string): string {
  let part = text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
    .replace(/^[. ]+/, '')
    .slice(0, 120)
    .replace(/[. ]+$/, '');
  if (DEVICE_NAME.test(part)) part = `_${part}`;
  return part && /[\p{L}\p{N}]/u.test(part) ? part : fallback;
}

/**
 * `path`, or its `nth` form (n = 2, 3 …) when one taken already is the same but for letter case: the customer unzips
 * the bundle on Windows or macOS, whose folders do not tell `Letter.txt` from `letter.txt` (one would overwrite the
 * other).
 */
function claimPath(taken: Set<string>, path: string, nth: (n: number) => string): string {
  const key = (p: string) => p.normalize('NFC').toLocaleLowerCase('en-GB');
  let claimed = path;
  for (let n = 2; taken.has(key(claimed)); n += 1) claimed = nth(n);
  taken.add(key(claimed));
  return claimed;
}

/** The letters' paths in the ZIP: letters/<reference>/<file name>, made unique when a name repeats. */
export function letterPaths(cases: readonly SubjectAccessCase[]): Map<string, string> {
  const paths = new Map<string, string>();
  const taken = new Set<string>();
  cases.forEach((c, i) => {
    // Both parts from safe characters only (safePathPart): the letter stays inside its case's folder.
    const folder = `letters/${safePathPart(c.record.reference, `case-${i + 1}`)}/`;
    for (const letter of c.letters) {
      // The name's last segment only.
      const safe = safePathPart(letter.fileName.split(/[\\/]/).pop() ?? '', 'letter.pdf');
      paths.set(
        letter.id,
        claimPath(taken, folder + safe, (n) => folder + safe.replace(/(\.pdf)?$/i, ` (${n})$1`)),
      );
    }
  });
  return paths;
}

/** The attachments' paths in the ZIP: attachments/<reference>/<file name>, unique; only files that still have bytes. */
export function attachmentPaths(cases: readonly SubjectAccessCase[]): Map<string, string> {
  const paths = new Map<string, string>();
  const taken = new Set<string>();
  cases.forEach((c, i) => {
    const folder = `attachments/${safePathPart(c.record.reference, `case-${i + 1}`)}/`;
    for (const { row, bytes } of c.attachments ?? []) {
      if (!bytes) continue;
      // Named for what its bytes are ("photo.jpg" that is a PDF is saved as "photo.pdf"), so the file opens.
      const safe = safePathPart(fileNameForType(row.fileName.split(/[\\/]/).pop() ?? '', row.fileType), 'file');
      paths.set(
        row.id,
        claimPath(taken, folder + safe, (n) => folder + safe.replace(/(\.[^.]*)?$/, ` (${n})$1`)),
      );
    }
  });
  return paths;
}

export const SUBJECT_ACCESS_FORMAT = 'redress-subject-access';
export const SUBJECT_ACCESS_VERSION = 1;

/** All the data, as the JSON file of the bundle. Letters are listed with their path in the ZIP and their checksum. */
export function subjectAccessData(request: SubjectAccessRequest) {
  const paths = letterPaths(request.cases);
  const files = attachmentPaths(request.cases);
  const answer = subjectAccessAnswerBy(request.requestReceivedOn, request.calendar);
  return {
    format: SUBJECT_ACCESS_FORMAT,
    version: SUBJECT_ACCESS_VERSION,
    preparedAt: request.preparedAt,
    preparedBy: request.preparedBy,
    controller: request.company,
    request: { receivedOn: request.requestReceivedOn, answerBy: answer.dueOn, timeLimit: answer.rule },
    subject: request.subject,
    cases: request.cases.map((c) => ({
      case: c.record,
      status: c.status ?? c.record.status,
      stageName: c.stageName ?? null,
      procedureName: c.procedureName ?? null,
      // The provider (brand) by name: the case's providerId alone means nothing to the customer (#16).
      providerName: c.providerName ?? null,
      timeline: inTimelineOrder(c.events),
      letters: c.letters.map(({ bytes, ...meta }) => ({ ...meta, bytes: bytes.byteLength, path: paths.get(meta.id)! })),
      // A file deleted (removed with its bytes, or anonymised) is listed without a path.
      attachments: (c.attachments ?? []).map(({ row }) => ({ ...row, path: files.get(row.id) ?? null })),
    })),
  };
}
export type SubjectAccessData = ReturnType<typeof subjectAccessData>;

// ---------------------------------------------------------------------------------------------------------------
// The PDF summary: a pdfmake document definition (shared/letters/document.ts's types, plus tables).

interface PdfTable extends LetterStyle {
  table: {
    headerRows?: number;
    widths: Array<number | '*' | 'auto'>;
    body: Array<Array<string | { text: string; bold?: boolean; color?: string; fontSize?: number }>>;
  };
  layout?: 'lightHorizontalLines' | 'noBorders' | 'headerLineOnly';
}
export type SummaryContent = LetterContent | PdfTable | ({ stack: SummaryContent[] } & LetterStyle);
export interface SubjectAccessSummaryDocument extends Omit<LetterDocument, 'content'> {
  content: SummaryContent[];
}

const STATUS_WORDS: Record<string, string> = { open: 'Open', resolved: 'Resolved', closed: 'Closed' };
const addressText = (a?: PostalAddress) => (a ? [...a.lines, a.postcode].join(', ') : '');

function customerRows(record: CaseRecord): string[][] {
  const rows: Array<[string, string | undefined]> = [
    ['Name', record.customer.name],
    ['Address', addressText(record.customer.address)],
    ['Phone', record.customer.phone],
    ['Email', record.customer.email],
    ['Account number', record.customer.accountNumber],
    [
      'Business customer',
      record.customer.isBusiness
        ? `Yes${typeof record.customer.employees === 'number' ? `, ${record.customer.employees.toLocaleString('en-GB')} ${record.customer.employees === 1 ? 'employee' : 'employees'}` : ', number of employees not recorded'}`
        : undefined,
    ],
    [
      'Acting for them',
      record.representative
        ? `${record.representative.name} (${record.representative.relationship})${record.representative.address ? `, ${addressText(record.representative.address)}` : ''}`
        : undefined,
    ],
    [
      'How to write to them',
      [
        record.communication?.language ? LETTER_LANGUAGE_LABELS[record.communication.language] : '',
        record.communication?.largePrint ? 'large print' : '',
        record.communication?.prefersPost ? 'by post' : '',
      ]
        .filter(Boolean)
        .join(', '),
    ],
    // Vulnerability or health details (issue #7) are the customer's own data too: a subject-access answer includes them.
    ['Support needs recorded', (record as { vulnerability?: { details?: string } }).vulnerability?.details],
  ];
  return rows.filter((r): r is [string, string] => !!r[1]);
}

function caseSection(c: SubjectAccessCase, paths: Map<string, string>): SummaryContent[] {
  const r = c.record;
  const facts: string[][] = [
    ['Received', `${dateInWords(r.receivedOn)} by ${CHANNEL_LABELS[r.channel]?.toLowerCase() ?? r.channel}`],
    ...(c.providerName ? [['Provider', c.providerName]] : []),
    ['Category', CATEGORY_LABELS[r.category] ?? r.category],
    ['Status', STATUS_WORDS[c.status ?? r.status] ?? c.status ?? r.status],
    ...(c.stageName ? [['Stage', c.stageName]] : []),
    ...(c.procedureName ? [['Procedure', c.procedureName]] : []),
    ['Handler', r.assignee || '—'],
    ...customerRows(r),
    ['Summary of the complaint', r.summary],
  ];
  const events = inTimelineOrder(c.events);
  const voids = voidsByEntry(events);
  const out: SummaryContent[] = [
    { text: `Complaint ${r.reference}`, style: 'h2' },
    {
      table: { widths: [130, '*'], body: facts.map(([k, v]) => [{ text: k, bold: true }, v]) },
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 8],
    },
    { text: `Timeline (${events.length} ${events.length === 1 ? 'entry' : 'entries'})`, style: 'h3' },
    {
      table: {
        headerRows: 1,
        widths: [62, '*', 90],
        body: [
          [
            { text: 'Date', bold: true },
            { text: 'What happened', bold: true },
            { text: 'Recorded by', bold: true },
          ],
          // A voided entry stays, marked as such (#15): the copy shows the history as it was recorded. An entry
          // cannot be corrected, so a character the font cannot draw (an emoji in an email's subject, a file's name)
          // is written as its code here; data.json holds it exactly.
          ...events.map((e) => {
            const voided = voids.get(e.id);
            const summary = withUnprintableAsCodes(e.summary);
            return [
              e.on,
              voided ? `${summary} [voided on ${voided.on} by ${withUnprintableAsCodes(voided.by)}]` : summary,
              withUnprintableAsCodes(e.by),
            ];
          }),
        ],
      },
      layout: 'headerLineOnly',
      fontSize: 9,
      margin: [0, 0, 0, 8],
    },
  ];
  const files = (c.attachments ?? []).filter((a) => a.bytes);
  if (files.length) {
    const attached = attachmentPaths([c]);
    out.push({ text: `Files kept on this complaint (${files.length}, in this bundle)`, style: 'h3' });
    out.push({
      table: {
        headerRows: 1,
        widths: [62, '*', 110],
        body: [
          [
            { text: 'Added', bold: true },
            { text: 'File in this bundle', bold: true },
            { text: 'SHA-256 (first 16)', bold: true },
          ],
          ...files.map((a) => [
            a.row.addedAt.slice(0, 10),
            // Each case has its own folder, so its paths are the same as in the whole bundle (the file's name as
            // received: its codes where the font cannot draw a character).
            withUnprintableAsCodes(attached.get(a.row.id) ?? a.row.fileName),
            a.row.sha256.slice(0, 16),
          ]),
        ],
      },
      layout: 'headerLineOnly',
      fontSize: 9,
      margin: [0, 0, 0, 8],
    });
  }
  if (c.letters.length) {
    out.push({ text: `Letters sent (${c.letters.length}, in this bundle)`, style: 'h3' });
    out.push({
      table: {
        headerRows: 1,
        widths: [62, '*', 110],
        body: [
          [
            { text: 'Issued', bold: true },
            { text: 'File in this bundle', bold: true },
            { text: 'SHA-256 (first 16)', bold: true },
          ],
          ...c.letters.map((l) => [l.issuedOn, paths.get(l.id) ?? l.fileName, l.sha256.slice(0, 16)]),
        ],
      },
      layout: 'headerLineOnly',
      fontSize: 9,
      margin: [0, 0, 0, 8],
    });
  }
  return out;
}

/** Whether the summary writes any timeline entry, name of who recorded it, or file name with codes for characters. */
function writtenAsCodes(cases: readonly SubjectAccessCase[]): boolean {
  const coded = (text: string) => withUnprintableAsCodes(text) !== text;
  // Files as the summary lists them: those still held, by their path in the bundle (made of safe characters).
  return (
    cases.some((c) => c.events.some((e) => coded(e.summary) || coded(e.by))) ||
    [...attachmentPaths(cases).values()].some(coded)
  );
}

/** The summary PDF's document definition. */
export function subjectAccessSummary(request: SubjectAccessRequest): SubjectAccessSummaryDocument {
  const answer = subjectAccessAnswerBy(request.requestReceivedOn, request.calendar);
  const paths = letterPaths(request.cases);
  const letterCount = request.cases.reduce((n, c) => n + c.letters.length, 0);
  const fileCount = request.cases.reduce((n, c) => n + (c.attachments ?? []).filter((a) => a.bytes).length, 0);
  const cases = [...request.cases].sort(
    (a, b) =>
      a.record.receivedOn.localeCompare(b.record.receivedOn) || a.record.reference.localeCompare(b.record.reference),
  );
  return {
    pageSize: 'A4',
    pageMargins: [48, 56, 48, 56],
    language: 'en-GB',
    info: {
      title: `Subject access: ${request.subject.name}`,
      author: request.company.name,
      subject: 'Personal data held about the customer',
      creator: 'Redress',
    },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2, color: '#1a1a1a' },
    styles: {
      h1: { fontSize: 16, bold: true, margin: [0, 0, 0, 6] },
      h2: { fontSize: 13, bold: true, margin: [0, 10, 0, 4] },
      h3: { fontSize: 11, bold: true, margin: [0, 4, 0, 2] },
      muted: { color: '#555555' },
    },
    footer: (page, pages) => ({
      text: `Subject access: ${request.subject.name} · prepared ${dateInWords(request.preparedOn)} · page ${page} of ${pages}`,
      fontSize: 8,
      color: '#555555',
      margin: [48, 20, 48, 0],
    }),
    content: [
      { text: 'Subject access request: the personal data we hold', style: 'h1' },
      { text: request.company.name, style: 'muted' },
      {
        table: {
          widths: [150, '*'],
          body: [
            [{ text: 'About', bold: true }, request.subject.name],
            [{ text: 'Request received', bold: true }, dateInWords(request.requestReceivedOn)],
            [{ text: 'Answer by', bold: true }, `${dateInWords(answer.dueOn)}: ${answer.rule}`],
            [{ text: 'Prepared', bold: true }, `${dateInWords(request.preparedOn)} by ${request.preparedBy}`],
            [{ text: 'Complaints found', bold: true }, cases.map((c) => c.record.reference).join(', ') || 'none'],
          ],
        },
        layout: 'lightHorizontalLines',
        margin: [0, 8, 0, 8],
      },
      {
        text:
          `This bundle holds this summary (summary.pdf), ${letterCount === 1 ? 'the letter' : `the ${letterCount} letters`} we sent exactly as issued (in the letters folder), ` +
          (fileCount
            ? `${fileCount === 1 ? 'the file' : `the ${fileCount} files`} kept on your complaints exactly as received (in the attachments folder), `
            : '') +
          'and every record about these complaints as a machine-readable file (data.json): the details we were given, each step of the ' +
          'complaint, who recorded it and when.' +
          (writtenAsCodes(cases)
            ? ' Characters this summary cannot draw (an emoji, some scripts) are written as their code, such as [U+1F620]; ' +
              'data.json and the files hold them exactly.'
            : ''),
        margin: [0, 0, 0, 6],
      },
      ...cases.flatMap((c) => caseSection(c, paths)),
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The bundle.

export function subjectAccessFileName(reference: string, preparedOn: string): string {
  return `subject-access-${safePathPart(reference, 'case')}-${safePathPart(preparedOn, 'today')}.zip`;
}

/** The ZIP: summary.pdf, data.json and letters/<reference>/<file>.pdf (letters byte for byte as issued). */
export function subjectAccessZip(request: SubjectAccessRequest, summaryPdf: Uint8Array): Uint8Array {
  const paths = letterPaths(request.cases);
  const files: Zippable = {
    'summary.pdf': [summaryPdf, { level: 0 }],
    'data.json': strToU8(JSON.stringify(subjectAccessData(request), null, 2)),
  };
  for (const c of request.cases) for (const l of c.letters) files[paths.get(l.id)!] = [l.bytes, { level: 0 }];
  // Every entry is dated when the bundle was prepared.
  const attached = attachmentPaths(request.cases);
  for (const c of request.cases)
    for (const a of c.attachments ?? []) if (a.bytes) files[attached.get(a.row.id)!] = [a.bytes, { level: 0 }];
  return zipSync(files, { mtime: new Date(request.preparedAt) });
}
