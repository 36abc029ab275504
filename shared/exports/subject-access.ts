// A subject-access bundle (UK GDPR Art. 15, PIPEDA Principle 4.9): everything the desk holds about one customer, as
// one ZIP file: a readable PDF summary, the issued letters' exact PDF bytes, and a JSON file of all the data.
// Pure: the renderer gathers the cases, renders the summary's document definition with pdfmake and saves the file.
import { type AttachmentRow, fileNameForType } from '#shared/model/attachment';
import type { IssuedLetter } from '#shared/model/letter';
import { languageOfLocale } from '#shared/model/dates';
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
  type LetterLanguageCode,
  type PostalAddress,
  type TimelineEvent,
} from '#shared/model/case';
import { voidsByEntry } from '#shared/model/effective';
import type { PaperSize } from '#shared/model/paper';
import type { LetterContent, LetterDocument, LetterStyle } from '#shared/letters/document';
import { withUnprintableAsCodes } from '#shared/letters/printable';
import { LARGE_PRINT_MIN_SIZE } from '#shared/letters/layout';
import { channelInWords, dateInWords, type LetterLanguage } from '#shared/letters/catalogue';
import type { SummaryContext } from '#shared/casework/summaries';
import { addCalendarDays, addMonths } from '#shared/rules/dates';

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
// Entries left out: another person's data must not go out (UK GDPR Art. 15(4), PIPEDA 4.9.1).

/** An entry voided on a case, with its void: the desk decides whether it is about this customer (explore39-data #1). */
export interface VoidedEntry {
  entry: TimelineEvent;
  void: TimelineEvent;
  /** The void said so ("It is about someone else": recorded on the wrong case): left out unless the desk keeps it. */
  aboutSomeoneElse: boolean;
}

/** The voided entries of a timeline, in its order. Only these may be left out of a copy: what counts goes out whole. */
export function voidedEntries(events: readonly TimelineEvent[]): VoidedEntry[] {
  const voids = voidsByEntry(events);
  return inTimelineOrder(events).flatMap((entry) => {
    const voided = entry.id ? voids.get(entry.id) : undefined;
    return voided ? [{ entry, void: voided, aboutSomeoneElse: voided.data?.aboutSomeoneElse === true }] : [];
  });
}

/**
 * The timeline without the voided entries the desk leaves out (`leaveOut`, by id), and without their voids, which quote
 * them and say why. An id of an entry that is not voided is ignored: nothing that counts is ever left out.
 */
export function withoutEntriesLeftOut(
  events: readonly TimelineEvent[],
  leaveOut: ReadonlySet<string>,
): TimelineEvent[] {
  const out = new Set(
    voidedEntries(events)
      .filter((v) => leaveOut.has(v.entry.id))
      .flatMap((v) => [v.entry, v.void]),
  );
  return events.filter((e) => !out.has(e));
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
  /** The procedure the case follows: its stages name what an escalation entry points to. */
  procedure?: SummaryContext['procedure'];
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
  /**
   * The language the summary is written in: the customer's letter language (`letterLanguageForCase` of the case the
   * request was started from). Absent: British English.
   */
  language?: LetterLanguageCode;
  /**
   * The paper the summary is laid out on: that of the region of the provider of the case the request was started from
   * (`paperSizeFor`: US Letter in Canada), as that provider's letters are. Absent: A4.
   */
  paper?: PaperSize;
  /**
   * The customer asked for large print (`communication.largePrint` on the case the request was started from): the
   * summary is set as their letters are, every piece of text at 16 pt or more (explore34a Q3).
   */
  largePrint?: boolean;
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

/**
 * What only the interface's catalogue says in a language other than English (renderer/src/lib/i18n): a timeline
 * entry from its data, a category, a status, a letter language's name and the law's time limit. shared/ cannot read
 * that catalogue, so the renderer passes these for a French summary (features/exchange/subject-access.ts); English
 * says each as the desk's record does (`ENGLISH_SAYINGS`).
 */
export interface SummarySayings {
  entry(event: TimelineEvent, context: SummaryContext): string;
  category(category: string): string;
  status(status: string): string;
  letterLanguage(language: LetterLanguageCode): string;
  answerRule(law: AnswerLaw): string;
  /** A stage's name (a built-in procedure's in the summary's language). */
  stage(name: string): string;
}

export const ENGLISH_SAYINGS: SummarySayings = {
  entry: (event) => event.summary,
  category: (category) => CATEGORY_LABELS[category as keyof typeof CATEGORY_LABELS] ?? category,
  status: (status) => STATUS_WORDS[status] ?? status,
  letterLanguage: (language) => LETTER_LANGUAGE_LABELS[language],
  answerRule: (law) => ANSWER_RULES_EN[law],
  stage: (name) => name,
};

/**
 * The parts that are there (empty ones left out) as one list: "a and b"; "a, b, and c" (the bundle's sentence has
 * always put a comma before its last part when it has three or more; a letter-less bundle has just two).
 */
function inList(parts: readonly string[], and: string): string {
  const there = parts.filter(Boolean);
  if (there.length <= 2) return there.join(` ${and} `);
  return `${there.slice(0, -1).join(', ')}, ${and} ${there[there.length - 1]}`;
}

/** The summary's own words: every fixed label and sentence, in each letter language (the one home of them). */
interface SummaryWords {
  /**
   * The bundle's file name before the reference and the date: in the customer's language, as the summary in it (the
   * bundle is what the desk sends the customer), in ASCII only (it travels by email and through old Windows tools).
   */
  fileName: string;
  title: string;
  docTitle: (name: string) => string;
  docSubject: string;
  footer: (name: string, on: string, page: number, pages: number) => string;
  about: string;
  requestReceived: string;
  answerBy: string;
  /** "5 January 2027: 30 days (PIPEDA, section 8(3))" */
  answerValue: (date: string, rule: string) => string;
  prepared: string;
  preparedValue: (date: string, by: string) => string;
  complaintsFound: string;
  none: string;
  bundle: (letters: number, files: number) => string;
  codes: string;
  complaint: (reference: string) => string;
  received: string;
  /** "2 November 2026 by letter" */
  receivedValue: (date: string, channel: CaseRecord['channel'], language: LetterLanguage) => string;
  provider: string;
  category: string;
  status: string;
  stage: string;
  procedure: string;
  handler: string;
  name: string;
  address: string;
  phone: string;
  email: string;
  accountNumber: string;
  business: string;
  businessValue: (employees: number | undefined) => string;
  acting: string;
  howToWrite: string;
  largePrint: string;
  byPost: string;
  support: string;
  complaintSummary: string;
  timeline: (count: number) => string;
  date: string;
  whatHappened: string;
  recordedBy: string;
  voided: (summary: string, on: string, by: string) => string;
  files: (count: number) => string;
  added: string;
  fileInBundle: string;
  checksum: string;
  letters: (count: number) => string;
  issued: string;
}

const EN_GB_WORDS: SummaryWords = {
  fileName: 'subject-access',
  title: 'Subject access request: the personal data we hold',
  docTitle: (name) => `Subject access: ${name}`,
  docSubject: 'Personal data held about the customer',
  footer: (name, on, page, pages) => `Subject access: ${name} · prepared ${on} · page ${page} of ${pages}`,
  about: 'About',
  requestReceived: 'Request received',
  answerBy: 'Answer by',
  answerValue: (date, rule) => `${date}: ${rule}`,
  prepared: 'Prepared',
  preparedValue: (date, by) => `${date} by ${by}`,
  complaintsFound: 'Complaints found',
  none: 'none',
  bundle: (letters, files) =>
    `This bundle holds ${inList(
      [
        'this summary (summary.pdf)',
        letters
          ? `${letters === 1 ? 'the letter' : `the ${letters} letters`} we sent exactly as issued (in the letters folder)`
          : '',
        files
          ? `${files === 1 ? 'the file' : `the ${files} files`} kept on your complaints exactly as received (in the attachments folder)`
          : '',
        'every record about these complaints as a machine-readable file (data.json): the details we were given, each step of ' +
          'the complaint, who recorded it and when',
      ],
      'and',
    )}.`,
  codes:
    ' Characters this summary cannot draw (an emoji, some scripts) are written as their code, such as [U+1F620]; ' +
    'data.json and the files hold them exactly.',
  complaint: (reference) => `Complaint ${reference}`,
  received: 'Received',
  receivedValue: (date, channel) => `${date} by ${CHANNEL_LABELS[channel]?.toLowerCase() ?? channel}`,
  provider: 'Provider',
  category: 'Category',
  status: 'Status',
  stage: 'Stage',
  procedure: 'Procedure',
  handler: 'Handler',
  name: 'Name',
  address: 'Address',
  phone: 'Phone',
  email: 'Email',
  accountNumber: 'Account number',
  business: 'Business customer',
  businessValue: (n) =>
    `Yes${typeof n === 'number' ? `, ${n.toLocaleString('en-GB')} ${n === 1 ? 'employee' : 'employees'}` : ', number of employees not recorded'}`,
  acting: 'Acting for them',
  howToWrite: 'How to write to them',
  largePrint: 'large print',
  byPost: 'by post',
  support: 'Support needs recorded',
  complaintSummary: 'Summary of the complaint',
  timeline: (count) => `Timeline (${count} ${count === 1 ? 'entry' : 'entries'})`,
  date: 'Date',
  whatHappened: 'What happened',
  recordedBy: 'Recorded by',
  voided: (summary, on, by) => `${summary} [voided on ${on} by ${by}]`,
  files: (count) => `Files kept on this complaint (${count}, in this bundle)`,
  added: 'Added',
  fileInBundle: 'File in this bundle',
  checksum: 'SHA-256 (first 16)',
  letters: (count) => `Letters sent (${count}, in this bundle)`,
  issued: 'Issued',
};

// French typography: a non-breaking space before a colon (as the letters' catalogue writes it).
const FR_CA_WORDS: SummaryWords = {
  fileName: 'demande-acces',
  title: 'Demande d’accès\u00a0: les renseignements personnels que nous détenons',
  docTitle: (name) => `Demande d’accès\u00a0: ${name}`,
  docSubject: 'Renseignements personnels détenus sur la personne',
  footer: (name, on, page, pages) => `Demande d’accès\u00a0: ${name} · préparé le ${on} · page ${page} sur ${pages}`,
  about: 'Personne visée',
  requestReceived: 'Demande reçue le',
  answerBy: 'Répondre au plus tard le',
  answerValue: (date, rule) => `${date}\u00a0: ${rule}`,
  prepared: 'Préparé le',
  preparedValue: (date, by) => `${date} par ${by}`,
  complaintsFound: 'Plaintes trouvées',
  none: 'aucune',
  bundle: (letters, files) =>
    `Ce fichier contient ${inList(
      [
        'ce résumé (summary.pdf)',
        letters
          ? `${letters === 1 ? 'la lettre que nous avons envoyée, telle qu’elle a été produite' : `les ${letters} lettres que nous avons envoyées, telles qu’elles ont été produites`} (dans le dossier letters)`
          : '',
        files
          ? `${files === 1 ? 'le fichier conservé dans vos plaintes, tel que nous l’avons reçu' : `les ${files} fichiers conservés dans vos plaintes, tels que nous les avons reçus`} (dans le dossier attachments)`
          : '',
        'tous les renseignements sur ces plaintes dans un fichier lisible par machine (data.json)\u00a0: les renseignements qui nous ont ' +
          'été fournis, chaque étape de la plainte, qui l’a inscrite et quand',
      ],
      'et',
    )}.`,
  codes:
    ' Les caractères que ce résumé ne peut pas afficher (un émoji, certaines écritures) sont écrits sous forme de code, par exemple [U+1F620]\u00a0; ' +
    'data.json et les fichiers les contiennent tels quels.',
  complaint: (reference) => `Plainte ${reference}`,
  received: 'Reçue le',
  receivedValue: (date, channel, language) => `${date} ${channelInWords(language, channel)}`,
  provider: 'Fournisseur',
  category: 'Catégorie',
  status: 'Statut',
  stage: 'Étape',
  procedure: 'Procédure',
  handler: 'Responsable',
  name: 'Nom',
  address: 'Adresse',
  phone: 'Téléphone',
  email: 'Courriel',
  accountNumber: 'Numéro de compte',
  business: 'Client d’affaires',
  businessValue: (n) =>
    `Oui${typeof n === 'number' ? `, ${n.toLocaleString('fr-CA')} ${n === 1 ? 'employé' : 'employés'}` : ', nombre d’employés non inscrit'}`,
  acting: 'Agit en son nom',
  howToWrite: 'Comment lui écrire',
  largePrint: 'gros caractères',
  byPost: 'par la poste',
  support: 'Besoins particuliers inscrits',
  complaintSummary: 'Résumé de la plainte',
  timeline: (count) => `Historique (${count} ${count === 1 ? 'inscription' : 'inscriptions'})`,
  date: 'Date',
  whatHappened: 'Ce qui s’est passé',
  recordedBy: 'Inscrit par',
  voided: (summary, on, by) => `${summary} [annulée le ${on} par ${by}]`,
  files: (count) => `Fichiers conservés dans cette plainte (${count}, dans ce fichier)`,
  added: 'Ajouté le',
  fileInBundle: 'Fichier dans ce fichier de réponse',
  checksum: 'SHA-256 (16 premiers)',
  letters: (count) => `Lettres envoyées (${count}, dans ce fichier)`,
  issued: 'Produite le',
};

const SUMMARY_WORDS: Record<LetterLanguage, SummaryWords> = {
  'en-GB': EN_GB_WORDS,
  'en-CA': EN_GB_WORDS,
  'fr-CA': FR_CA_WORDS,
};

/** How the summary writes: its words, its dates (as the letters write them) and what the interface says. */
/** The summary's type sizes (pt): standard, or large print with nothing under 16 pt as the letters have it. */
interface SummarySizes {
  body: number;
  h1: number;
  h2: number;
  h3: number;
  table: number;
  footer: number;
  /** The date column of the tables, and the checksum column (large print: as wide as their text). */
  dayColumn: number | 'auto';
  checksumColumn: number | 'auto';
  /** Who recorded each timeline entry. */
  largeWho: number;
  /** The label column of the facts (the case's facts take 20 pt less). */
  factColumn: number;
}
const STANDARD_SUMMARY: SummarySizes = {
  body: 10,
  h1: 16,
  h2: 13,
  h3: 11,
  table: 9,
  footer: 8,
  dayColumn: 62,
  checksumColumn: 110,
  largeWho: 90,
  factColumn: 150,
};
const LARGE_PRINT_SUMMARY: SummarySizes = {
  body: LARGE_PRINT_MIN_SIZE,
  h1: LARGE_PRINT_MIN_SIZE + 6,
  h2: LARGE_PRINT_MIN_SIZE + 4,
  h3: LARGE_PRINT_MIN_SIZE + 2,
  table: LARGE_PRINT_MIN_SIZE,
  footer: LARGE_PRINT_MIN_SIZE,
  dayColumn: 'auto',
  checksumColumn: 'auto',
  largeWho: 110,
  factColumn: 170,
};

interface Writing {
  sizes: SummarySizes;
  language: LetterLanguage;
  w: SummaryWords;
  day: (iso: string) => string;
  /** A date in a table: as recorded (YYYY-MM-DD) in English, in words in French (no customer reads codes there). */
  tableDay: (iso: string) => string;
  say: SummarySayings;
}

function customerRows(record: CaseRecord, { w, say }: Writing): string[][] {
  const rows: Array<[string, string | undefined]> = [
    [w.name, record.customer.name],
    [w.address, addressText(record.customer.address)],
    [w.phone, record.customer.phone],
    [w.email, record.customer.email],
    [w.accountNumber, record.customer.accountNumber],
    [w.business, record.customer.isBusiness ? w.businessValue(record.customer.employees) : undefined],
    [
      w.acting,
      record.representative
        ? `${record.representative.name} (${record.representative.relationship})${record.representative.address ? `, ${addressText(record.representative.address)}` : ''}`
        : undefined,
    ],
    [
      w.howToWrite,
      [
        record.communication?.language ? say.letterLanguage(record.communication.language) : '',
        record.communication?.largePrint ? w.largePrint : '',
        record.communication?.prefersPost ? w.byPost : '',
      ]
        .filter(Boolean)
        .join(', '),
    ],
    // Vulnerability or health details (issue #7) are the customer's own data too: a subject-access answer includes them.
    [w.support, (record as { vulnerability?: { details?: string } }).vulnerability?.details],
  ];
  return rows.filter((r): r is [string, string] => !!r[1]);
}

function caseSection(c: SubjectAccessCase, paths: Map<string, string>, writing: Writing): SummaryContent[] {
  const { w, day, tableDay, say, language, sizes } = writing;
  const r = c.record;
  const facts: string[][] = [
    [w.received, w.receivedValue(day(r.receivedOn), r.channel, language)],
    ...(c.providerName ? [[w.provider, c.providerName]] : []),
    [w.category, say.category(r.category)],
    [w.status, say.status(c.status ?? r.status)],
    ...(c.stageName ? [[w.stage, say.stage(c.stageName)]] : []),
    ...(c.procedureName ? [[w.procedure, c.procedureName]] : []),
    [w.handler, r.assignee || '—'],
    ...customerRows(r, writing),
    [w.complaintSummary, r.summary],
  ];
  const events = inTimelineOrder(c.events);
  const voids = voidsByEntry(events);
  const context: SummaryContext = { record: r, events, procedure: c.procedure };
  const out: SummaryContent[] = [
    { text: w.complaint(r.reference), style: 'h2' },
    {
      table: { widths: [sizes.factColumn - 20, '*'], body: facts.map(([k, v]) => [{ text: k, bold: true }, v]) },
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 8],
    },
    { text: w.timeline(events.length), style: 'h3' },
    {
      table: {
        headerRows: 1,
        widths: [sizes.dayColumn, '*', sizes.largeWho],
        body: [
          [
            { text: w.date, bold: true },
            { text: w.whatHappened, bold: true },
            { text: w.recordedBy, bold: true },
          ],
          // A voided entry stays, marked as such (#15): the copy shows the history as it was recorded. An entry
          // cannot be corrected, so a character the font cannot draw (an emoji in an email's subject, a file's name)
          // is written as its code here; data.json holds it exactly.
          ...events.map((e) => {
            const voided = voids.get(e.id);
            const summary = withUnprintableAsCodes(say.entry(e, context));
            return [
              tableDay(e.on),
              voided ? w.voided(summary, tableDay(voided.on), withUnprintableAsCodes(voided.by)) : summary,
              withUnprintableAsCodes(e.by),
            ];
          }),
        ],
      },
      layout: 'headerLineOnly',
      fontSize: sizes.table,
      margin: [0, 0, 0, 8],
    },
  ];
  const files = (c.attachments ?? []).filter((a) => a.bytes);
  if (files.length) {
    const attached = attachmentPaths([c]);
    out.push({ text: w.files(files.length), style: 'h3' });
    out.push({
      table: {
        headerRows: 1,
        widths: [sizes.dayColumn, '*', sizes.checksumColumn],
        body: [
          [
            { text: w.added, bold: true },
            { text: w.fileInBundle, bold: true },
            { text: w.checksum, bold: true },
          ],
          ...files.map((a) => [
            tableDay(a.row.addedAt.slice(0, 10)),
            // Each case has its own folder, so its paths are the same as in the whole bundle (the file's name as
            // received: its codes where the font cannot draw a character).
            withUnprintableAsCodes(attached.get(a.row.id) ?? a.row.fileName),
            a.row.sha256.slice(0, 16),
          ]),
        ],
      },
      layout: 'headerLineOnly',
      fontSize: sizes.table,
      margin: [0, 0, 0, 8],
    });
  }
  if (c.letters.length) {
    out.push({ text: w.letters(c.letters.length), style: 'h3' });
    out.push({
      table: {
        headerRows: 1,
        widths: [sizes.dayColumn, '*', sizes.checksumColumn],
        body: [
          [
            { text: w.issued, bold: true },
            { text: w.fileInBundle, bold: true },
            { text: w.checksum, bold: true },
          ],
          ...c.letters.map((l) => [tableDay(l.issuedOn), paths.get(l.id) ?? l.fileName, l.sha256.slice(0, 16)]),
        ],
      },
      layout: 'headerLineOnly',
      fontSize: sizes.table,
      margin: [0, 0, 0, 8],
    });
  }
  return out;
}

/** Whether the summary writes any timeline entry, name of who recorded it, or file name with codes for characters. */
function writtenAsCodes(cases: readonly SubjectAccessCase[], say: SummarySayings): boolean {
  const coded = (text: string) => withUnprintableAsCodes(text) !== text;
  // Files as the summary lists them: those still held, by their path in the bundle (made of safe characters).
  return (
    cases.some((c) => {
      const context: SummaryContext = { record: c.record, events: c.events, procedure: c.procedure };
      return c.events.some((e) => coded(say.entry(e, context)) || coded(e.by));
    }) || [...attachmentPaths(cases).values()].some(coded)
  );
}

/**
 * The summary PDF's document definition, in the customer's letter language (`request.language`): its words, its
 * dates as the letters write them, and its PDF language. `say` gives what the interface's catalogue says in that
 * language (a French summary's timeline, categories, statuses); English needs none.
 */
export function subjectAccessSummary(
  request: SubjectAccessRequest,
  say: SummarySayings = ENGLISH_SAYINGS,
): SubjectAccessSummaryDocument {
  const language: LetterLanguage = request.language ?? 'en-GB';
  const w = SUMMARY_WORDS[language];
  const day = (iso: string) => dateInWords(language, iso);
  const sizes = request.largePrint ? LARGE_PRINT_SUMMARY : STANDARD_SUMMARY;
  const writing: Writing = {
    sizes,
    language,
    w,
    day,
    tableDay: languageOfLocale(language) === 'en' ? (iso) => iso : day,
    say,
  };
  const answer = subjectAccessAnswerBy(request.requestReceivedOn, request.calendar);
  const paths = letterPaths(request.cases);
  const letterCount = request.cases.reduce((n, c) => n + c.letters.length, 0);
  const fileCount = request.cases.reduce((n, c) => n + (c.attachments ?? []).filter((a) => a.bytes).length, 0);
  const cases = [...request.cases].sort(
    (a, b) =>
      a.record.receivedOn.localeCompare(b.record.receivedOn) || a.record.reference.localeCompare(b.record.reference),
  );
  return {
    pageSize: request.paper ?? 'A4',
    // Large print's footer may take two lines of 16 pt: the page keeps room for them.
    pageMargins: [48, 56, 48, request.largePrint ? 84 : 56],
    language,
    info: {
      title: w.docTitle(request.subject.name),
      author: request.company.name,
      subject: w.docSubject,
      creator: 'Redress',
    },
    defaultStyle: { font: 'Roboto', fontSize: sizes.body, lineHeight: 1.2, color: '#1a1a1a' },
    styles: {
      h1: { fontSize: sizes.h1, bold: true, margin: [0, 0, 0, 6] },
      h2: { fontSize: sizes.h2, bold: true, margin: [0, 10, 0, 4] },
      h3: { fontSize: sizes.h3, bold: true, margin: [0, 4, 0, 2] },
      muted: { color: '#555555' },
    },
    footer: (page, pages) => ({
      text: w.footer(request.subject.name, day(request.preparedOn), page, pages),
      fontSize: sizes.footer,
      color: '#555555',
      margin: [48, 20, 48, 0],
    }),
    content: [
      { text: w.title, style: 'h1' },
      { text: request.company.name, style: 'muted' },
      {
        table: {
          widths: [sizes.factColumn, '*'],
          body: [
            [{ text: w.about, bold: true }, request.subject.name],
            [{ text: w.requestReceived, bold: true }, day(request.requestReceivedOn)],
            [{ text: w.answerBy, bold: true }, w.answerValue(day(answer.dueOn), say.answerRule(answer.law))],
            [{ text: w.prepared, bold: true }, w.preparedValue(day(request.preparedOn), request.preparedBy)],
            [{ text: w.complaintsFound, bold: true }, cases.map((c) => c.record.reference).join(', ') || w.none],
          ],
        },
        layout: 'lightHorizontalLines',
        margin: [0, 8, 0, 8],
      },
      {
        text: w.bundle(letterCount, fileCount) + (writtenAsCodes(cases, say) ? w.codes : ''),
        margin: [0, 0, 0, 6],
      },
      ...cases.flatMap((c) => caseSection(c, paths, writing)),
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The bundle.

/**
 * The bundle's file name, in the language of the summary inside it (`request.language`: the customer's letter
 * language): "subject-access-RDR-2026-000001-2026-11-20.zip", « demande-acces-RSL-2026-000001-2026-12-06.zip ».
 */
export function subjectAccessFileName(
  reference: string,
  preparedOn: string,
  language: LetterLanguageCode = 'en-GB',
): string {
  const name = SUMMARY_WORDS[language].fileName;
  return `${name}-${safePathPart(reference, 'case')}-${safePathPart(preparedOn, 'today')}.zip`;
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
