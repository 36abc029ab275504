// The backup file: the whole database in one file that says what it is, which version of the format and of the
// database it came from, and carries a SHA-256 checksum, so a damaged, truncated, foreign or hand-edited file is
// recognised and refused with the reason and the place.
//
// Layout (format 2): gzip (fflate) of lines of UTF-8 JSON, written and read as a stream, so no string or buffer ever
// holds the whole desk (100,000 cases are some 300 MB of JSON; V8's longest string is about 512 MB):
//   1. the header:   {"format":"redress-backup","formatVersion":2,"schemaVersion":3,"madeAt":"…","counts":{…},…}
//   2. the content:  one line per chunk of rows, table by table, every table at least one line (an empty table has
//                    `"rows":[]`): {"table":"cases","rows":[…]} (at most CHUNK_ROWS rows or about CHUNK_BYTES; letters'
//                    PDF bytes as base64)
//   3. the seal:     {"sha256":"<hex>"}: the SHA-256 of the list of every line's own SHA-256 (each line with its
//                    newline hashed; the hex digests each followed by a newline), so the seal is computed chunk by
//                    chunk (crypto.subtle cannot hash incrementally) and still changes if any byte before it does.
// Format 1 (still read): three lines, the header, ONE content line {"cases":[…],…} and a seal that is the SHA-256 of
// the bytes of lines 1 and 2.
// JSON.stringify never writes a raw newline, so the lines split unambiguously. The header comes first so a file can
// be recognised (and its counts shown) before the content is read; the seal comes last so a truncated file has none.
// A file that was un-gzipped by hand (the same lines) is read too.
//
// Pure: the SHA-256 function is an argument (crypto.subtle in the renderer, node:crypto in the shell and tests).
import { z } from 'zod';
import { CALENDARS, CATEGORIES, CHANNELS, LETTER_LANGUAGES, TIMELINE_TYPES, type CaseRecord, type DeskSettings, type TimelineEvent } from '#shared/model/case';
import { isIsoDate } from '#shared/model/dates';
import type { IssuedLetter } from '#shared/model/letter';
import { concat, gunzip, GunzipError, gunzipStream, gzipWriter, isGzip } from './gzip';

export const BACKUP_FORMAT = 'redress-backup';
/** Bump when the file layout or the meaning of a field changes; older Redress then refuses the file by name. */
export const BACKUP_FORMAT_VERSION = 2;
/** A content line holds at most this many rows, and is closed once its JSON passes CHUNK_BYTES characters. */
export const CHUNK_ROWS = 2000;
export const CHUNK_BYTES = 1024 * 1024;
export const BACKUP_FILE_EXTENSION = '.redress-backup';
export const BACKUP_MIME_TYPE = 'application/gzip';
/** A decompressed backup larger than this is refused before it is inflated (a "zip bomb" cannot exhaust memory). */
export const MAX_BACKUP_CONTENT_BYTES = 1024 * 1024 * 1024;

/**
 * Every table the file holds, and the database version that introduced it (a file from an older database version
 * need not hold the tables added later). `caseIndex` is not stored: it is derived from the cases and their
 * timelines, so a restore rebuilds it with this version's rules, and it can never disagree with the facts.
 */
export const BACKUP_TABLES = {
  cases: 1,
  events: 1,
  counters: 1,
  settings: 1,
  letters: 1,
  people: 2,
  notified: 2,
  audit: 3,
  meta: 3,
} as const;
export type BackupTable = keyof typeof BACKUP_TABLES;
export const BACKUP_TABLE_NAMES = Object.keys(BACKUP_TABLES) as BackupTable[];

export type Sha256 = (bytes: Uint8Array) => Promise<string>;

// ---------------------------------------------------------------------------------------------------------------
// Rows. Structurally the same as the database's rows (renderer/src/db/schema.ts), which cannot be imported here.

/** An issued letter in a backup: the model's own shape (its bytes are base64 in the file). */
export type BackupLetter = IssuedLetter;
export interface BackupContent {
  cases: CaseRecord[];
  events: TimelineEvent[];
  counters: { key: string; last: number }[];
  settings: { key: 'desk'; value: DeskSettings }[];
  letters: BackupLetter[];
  people: { id: string; name: string; active: boolean }[];
  notified: { id: string; at: string }[];
  audit: { id: string; at: string; kind: string; by: string; summary: string; detail?: Record<string, unknown> }[];
  meta: { key: string; value: unknown }[];
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** The Dexie schema version of the database the backup was made from. */
  schemaVersion: number;
  madeAt: string;
  /** The app that made it, e.g. "Redress 0.1.0" (informative). */
  app?: string;
  /** The desk's reference prefix, shown when choosing a file (informative). */
  deskPrefix?: string;
  counts: Record<BackupTable, number>;
}

export interface DecodedBackup {
  header: BackupHeader;
  content: BackupContent;
  /** The SHA-256 of the sealed part, as written in the file. */
  sha256: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Errors

export type BackupProblemKind =
  /** Not a Redress backup at all (another file, empty, a different format). */
  | 'not-a-backup'
  /** It ends early: copied or downloaded incompletely. */
  | 'truncated'
  /** Bytes changed (disk or transfer damage), so the compression's own check or the structure fails. */
  | 'damaged'
  /** The checksum does not match: changed after it was made (edited, or damaged). */
  | 'checksum'
  /** Made by a newer Redress (format or database version this one does not know). */
  | 'newer'
  /** Sealed correctly but the content is not valid (wrong types, duplicates, references to missing cases). */
  | 'invalid';

export class BackupFileError extends Error {
  constructor(
    readonly kind: BackupProblemKind,
    message: string,
    /** Each problem with where it is, e.g. "cases[37].receivedOn: not a date (YYYY-MM-DD)". */
    readonly problems: string[] = [],
  ) {
    super(message);
    this.name = 'BackupFileError';
  }
}

/** At most this many problems are listed; the message says how many more there are. */
const MAX_PROBLEMS = 20;

// ---------------------------------------------------------------------------------------------------------------
// Base64 (letters' bytes). btoa/atob exist in browsers and Node 16+; shared has no DOM typings, hence the cast.

const codec = globalThis as unknown as { btoa(s: string): string; atob(s: string): string };
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return codec.btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  if (!BASE64.test(text)) throw new Error('not base64');
  const binary = codec.atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Validation of the content

/** zod's `error` option: "missing" when the field is absent, else what it must be. */
const must = (what: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? 'missing' : what) });

const id = z.string(must('must be text')).min(1, 'must not be empty').max(200, 'is longer than 200 characters');
const text = (max: number) => z.string(must('must be text')).max(max, `is longer than ${max} characters`);
const date = z.string(must('must be a date (YYYY-MM-DD)')).refine(isIsoDate, 'not a date (YYYY-MM-DD)');
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;
const timestamp = z
  .string(must('must be a timestamp'))
  .refine((s) => ISO_TIMESTAMP.test(s) && Number.isFinite(Date.parse(s)), 'not a timestamp (e.g. 2026-11-22T14:30:00.000Z)');
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, must(`must be one of ${values.join(', ')}`));
const plainObject = z.record(z.string(), z.unknown(), must('must be an object'));

const address = z.looseObject({ lines: z.array(text(200), must('must be a list of lines')).max(20), postcode: text(20) });

// looseObject: fields this version does not know are kept as they are, never dropped on the way through.
const caseSchema = z.looseObject({
  id,
  reference: text(40).min(1, 'must not be empty'),
  receivedOn: date,
  channel: oneOf(CHANNELS),
  customer: z.looseObject(
    {
      name: text(500),
      address: address.optional(),
      phone: text(100).optional(),
      email: text(500).optional(),
      accountNumber: text(200).optional(),
    },
    must('must be an object'),
  ),
  representative: z.looseObject({ name: text(500), relationship: text(500), address: address.optional() }).optional(),
  communication: z
    .looseObject({ language: oneOf(LETTER_LANGUAGES).optional(), largePrint: z.boolean().optional(), prefersPost: z.boolean().optional() })
    .optional(),
  category: oneOf(CATEGORIES),
  summary: text(100_000),
  procedureId: id,
  calendar: oneOf(CALENDARS),
  stage: text(200),
  status: oneOf(['open', 'closed'] as const),
  assignee: text(500).optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const eventSchema = z.looseObject({
  id,
  caseId: id,
  type: oneOf(TIMELINE_TYPES),
  on: date,
  at: timestamp,
  by: text(500),
  summary: text(100_000),
  data: plainObject.optional(),
});

const settingsSchema = z.looseObject({
  key: z.literal('desk', must('must be "desk"')),
  value: z.looseObject({
    deskPrefix: text(10),
    calendar: oneOf(CALENDARS),
    defaultProcedureId: id,
    company: z.looseObject({ name: text(500), addressLines: z.array(text(500)).max(20), postcode: text(20) }),
    handlerName: text(500),
    logoDataUrl: text(1_000_000).optional(),
    adrSchemeId: text(200).optional(),
  }),
});

const letterSchema = z.looseObject({
  id,
  caseId: id,
  kind: text(100),
  fileName: text(500),
  issuedOn: date,
  issuedAt: timestamp,
  sha256: z.string(must('must be text')).regex(/^[0-9a-f]{64}$/, 'not a SHA-256 (64 hexadecimal digits)'),
  bytes: z
    .string(must('must be the letter as base64 text'))
    .transform((s, ctx) => {
      try {
        return fromBase64(s);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not base64' });
        return z.NEVER;
      }
    }),
});

const contentSchema = z.object(
  {
    cases: z.array(caseSchema, must('must be a list')),
    events: z.array(eventSchema, must('must be a list')),
    counters: z.array(
      z.looseObject({ key: id, last: z.number(must('must be a number')).int('must be a whole number').min(0, 'must not be negative') }),
      must('must be a list'),
    ),
    settings: z.array(settingsSchema, must('must be a list')).max(1, 'holds more than one desk'),
    letters: z.array(letterSchema, must('must be a list')),
    people: z.array(z.looseObject({ id, name: text(500), active: z.boolean(must('must be true or false')) }), must('must be a list')),
    notified: z.array(z.looseObject({ id: text(1000).min(1, 'must not be empty'), at: timestamp }), must('must be a list')),
    audit: z.array(
      z.looseObject({ id, at: timestamp, kind: text(100), by: text(500), summary: text(10_000), detail: plainObject.optional() }),
      must('must be a list'),
    ),
    meta: z.array(z.looseObject({ key: id, value: z.unknown() }), must('must be a list')),
  },
  must('must be an object with one list per table'),
);

const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1),
  schemaVersion: z.number(must('must be a number')).int('must be a whole number').min(1, 'must be 1 or more'),
  madeAt: timestamp,
  app: text(200).optional(),
  deskPrefix: text(10).optional(),
  counts: z.record(z.string(), z.number().int().min(0), must('must be an object of table counts')),
});

/** `cases[37].receivedOn` from a zod path. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) return 'missing';
  return issue.message.replace(/^Invalid input: /, '');
}

function limitProblems(problems: string[]): string[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_PROBLEMS), `…and ${problems.length - MAX_PROBLEMS} more problems`];
}

function invalid(problems: string[]): BackupFileError {
  const listed = limitProblems(problems);
  return new BackupFileError(
    'invalid',
    `The backup file is not valid, so nothing was restored. ${problems.length === 1 ? 'Problem' : `${problems.length} problems`}: ${listed.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''}`,
    listed,
  );
}

/** Checks zod cannot make row by row: duplicate ids, cases that do not exist, letters whose bytes changed. */
async function crossCheck(content: BackupContent, header: BackupHeader, sha256: Sha256): Promise<string[]> {
  const problems: string[] = [];
  const unique = <T>(table: string, rows: T[], keyOf: (row: T) => string, field: string) => {
    const seen = new Map<string, number>();
    rows.forEach((row, i) => {
      const key = keyOf(row);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else problems.push(`${table}[${i}].${field}: the same ${field} as ${table}[${first}] (${key})`);
    });
  };
  unique('cases', content.cases, (c) => c.id, 'id');
  unique('cases', content.cases, (c) => c.reference, 'reference');
  unique('events', content.events, (e) => e.id, 'id');
  unique('counters', content.counters, (c) => c.key, 'key');
  unique('letters', content.letters, (l) => l.id, 'id');
  unique('people', content.people, (p) => p.id, 'id');
  unique('notified', content.notified, (n) => n.id, 'id');
  unique('audit', content.audit, (a) => a.id, 'id');
  unique('meta', content.meta, (m) => m.key, 'key');
  const caseIds = new Set(content.cases.map((c) => c.id));
  content.events.forEach((e, i) => {
    if (!caseIds.has(e.caseId)) problems.push(`events[${i}].caseId: no case with id ${e.caseId} in the file`);
  });
  content.letters.forEach((l, i) => {
    if (!caseIds.has(l.caseId)) problems.push(`letters[${i}].caseId: no case with id ${l.caseId} in the file`);
  });
  for (const table of BACKUP_TABLE_NAMES) {
    if (header.counts[table] !== undefined && header.counts[table] !== content[table].length) {
      problems.push(`counts.${table}: the header says ${header.counts[table]} but the file holds ${content[table].length}`);
    }
  }
  // Each letter's own checksum, so a letter restored is the letter issued, byte for byte.
  for (let i = 0; i < content.letters.length; i++) {
    const letter = content.letters[i];
    if ((await sha256(letter.bytes)) !== letter.sha256) problems.push(`letters[${i}].bytes: do not match the letter's SHA-256`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

export interface EncodeOptions {
  madeAt: string;
  schemaVersion: number;
  app?: string;
  deskPrefix?: string;
  sha256: Sha256;
  /** Default true; false writes the three lines uncompressed (for tests and inspection). */
  compress?: boolean;
}

const encoder = new (globalThis as unknown as { TextEncoder: new () => { encode(s: string): Uint8Array } }).TextEncoder();
const decoder = new (globalThis as unknown as { TextDecoder: new (label: string, options: { fatal: boolean }) => { decode(b: Uint8Array): string } }).TextDecoder(
  'utf-8',
  { fatal: true },
);

function countsOf(content: BackupContent): Record<BackupTable, number> {
  return Object.fromEntries(BACKUP_TABLE_NAMES.map((t) => [t, content[t].length])) as Record<BackupTable, number>;
}

/** The backup file's bytes for this content. */
export async function encodeBackup(content: BackupContent, options: EncodeOptions): Promise<Uint8Array> {
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: options.schemaVersion,
    madeAt: options.madeAt,
    ...(options.app ? { app: options.app } : {}),
    ...(options.deskPrefix ? { deskPrefix: options.deskPrefix } : {}),
    counts: countsOf(content),
  };
  const out = options.compress === false ? null : gzipWriter();
  const plain: Uint8Array[] = [];
  let hashes = '';
  const emit = async (line: string) => {
    const bytes = encoder.encode(`${line}\n`);
    hashes += `${await options.sha256(bytes)}\n`;
    if (out) out.push(bytes);
    else plain.push(bytes);
  };
  await emit(JSON.stringify(header));
  // Table by table, a chunk of rows per line: no string ever holds more than about CHUNK_BYTES of JSON.
  for (const table of BACKUP_TABLE_NAMES) {
    const rows = content[table] as unknown[];
    let parts: string[] = [];
    let size = 0;
    const flush = () => emit(`{"table":${JSON.stringify(table)},"rows":[${parts.join(',')}]}`);
    for (const row of rows) {
      const json = JSON.stringify(table === 'letters' ? { ...(row as BackupLetter), bytes: toBase64((row as BackupLetter).bytes) } : row);
      parts.push(json);
      size += json.length;
      if (parts.length >= CHUNK_ROWS || size >= CHUNK_BYTES) {
        await flush();
        parts = [];
        size = 0;
      }
    }
    if (parts.length || rows.length === 0) await flush();
  }
  const seal = encoder.encode(`${JSON.stringify({ sha256: await options.sha256(encoder.encode(hashes)) })}\n`);
  if (out) {
    out.push(seal);
    return out.finish();
  }
  plain.push(seal);
  return concat(plain);
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

const NEWLINE = 0x0a;
const PLAIN_START = encoder.encode('{"format":');

function parseJson(bytes: Uint8Array): unknown {
  return JSON.parse(decoder.decode(bytes));
}

const notABackup = (why: string) =>
  new BackupFileError('not-a-backup', `This is not a Redress backup file (${why}). Choose a file made with "Make a backup now".`);
const truncated = (why: string) =>
  new BackupFileError('truncated', `The backup file is truncated: ${why}. It was probably copied or downloaded incompletely; use another copy.`);
const damaged = (why: string) =>
  new BackupFileError('damaged', `The backup file is damaged: ${why}. Use another copy.`);

export interface DecodeOptions {
  sha256: Sha256;
  /** The database version this Redress has; a file from a newer one is refused. */
  currentSchemaVersion: number;
}

/** Read the header only (no checks beyond its own shape), e.g. to tell which file is which. */
function readHeader(firstLine: Uint8Array): BackupHeader {
  let raw: unknown;
  try {
    raw = parseJson(firstLine);
  } catch {
    throw notABackup('its first line is not a backup header');
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw notABackup('it does not say it is a Redress backup');
  }
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_FORMAT_VERSION) {
    throw new BackupFileError(
      'newer',
      `This backup was made by a newer Redress (backup format ${version}; this Redress reads format ${BACKUP_FORMAT_VERSION}). Update Redress, then restore it.`,
    );
  }
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `header.${formatPath(i.path)}: ${issueMessage(i)}`);
    throw damaged(`its header is not valid (${problems.slice(0, 3).join('; ')})`);
  }
  return parsed.data as BackupHeader;
}

interface Sealed {
  header: BackupHeader;
  bytes: Uint8Array;
  contentStart: number;
  contentEnd: number;
  sha256: string;
}

/** Recognise, inflate and check the seal; the content is not parsed. */
async function openSealed(file: Uint8Array, sha256: Sha256): Promise<Sealed> {
  if (file.length === 0) throw notABackup('the file is empty');
  let bytes: Uint8Array;
  if (isGzip(file)) {
    try {
      bytes = gunzip(file, MAX_BACKUP_CONTENT_BYTES);
    } catch (error) {
      if (error instanceof GunzipError) throw error.failure === 'truncated' ? truncated(error.message) : damaged(error.message);
      throw error;
    }
  } else if (file.length >= PLAIN_START.length && PLAIN_START.every((b, i) => file[i] === b)) {
    bytes = file;
  } else {
    throw notABackup('it is neither a compressed backup nor a backup header');
  }

  const firstBreak = bytes.indexOf(NEWLINE);
  if (firstBreak < 0) {
    // A header cut short is a truncated file if it begins like one.
    if (PLAIN_START.every((b, i) => bytes[i] === b)) throw truncated('it ends inside its header');
    throw notABackup('it has no backup header');
  }
  const header = readHeader(bytes.subarray(0, firstBreak));

  const secondBreak = bytes.indexOf(NEWLINE, firstBreak + 1);
  if (secondBreak < 0) throw truncated('it ends inside the data, before the checksum');
  const sealEnd = bytes.indexOf(NEWLINE, secondBreak + 1);
  if (sealEnd < 0) throw truncated('it ends before its checksum is complete');
  if (sealEnd !== bytes.length - 1) throw damaged('there is something after its checksum');
  let recorded: unknown;
  try {
    recorded = (parseJson(bytes.subarray(secondBreak + 1, sealEnd)) as { sha256?: unknown } | null)?.sha256;
  } catch {
    recorded = undefined;
  }
  if (typeof recorded !== 'string' || !/^[0-9a-f]{64}$/.test(recorded)) throw damaged('its checksum line is not readable');
  const actual = await sha256(bytes.subarray(0, secondBreak + 1));
  if (actual !== recorded) throw checksumMismatch();
  return { header, bytes, contentStart: firstBreak + 1, contentEnd: secondBreak, sha256: recorded };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading format 2 as a stream: line by line as the file inflates; each line hashed, parsed and its rows checked as
// it comes. A problem is noted and reading goes on to the end, so a damaged or cut-off file is called that (the
// compression's check values and the seal come first), never "invalid" because of a byte changed on the way.

/** Thrown inside the stream when the header says format 1: that layout is read whole, the old way. */
const FORMAT_ONE = Symbol('format 1');
const SEAL_START = encoder.encode('{"sha256":');
/** A header is a few hundred bytes; a first line longer than this is not one. */
const MAX_HEADER_BYTES = 1024 * 1024;

const startsWith = (bytes: Uint8Array, prefix: Uint8Array) => bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

/** Hand each complete line (with its newline) to onLine, in order; returns the bytes after the last newline. */
async function forEachLine(file: Uint8Array, onLine: (line: Uint8Array) => Promise<void>): Promise<Uint8Array> {
  let carry: Uint8Array[] = [];
  let carried = 0;
  const take = async (chunk: Uint8Array) => {
    let start = 0;
    for (let at = chunk.indexOf(NEWLINE); at >= 0; at = chunk.indexOf(NEWLINE, start)) {
      const piece = chunk.subarray(start, at + 1);
      const line = carried ? concat([...carry, piece], carried + piece.length) : piece;
      carry = [];
      carried = 0;
      start = at + 1;
      await onLine(line);
    }
    if (start < chunk.length) {
      // Copied: a piece of fflate's output buffer may be reused.
      carry.push(chunk.slice(start));
      carried += chunk.length - start;
    }
  };
  if (isGzip(file)) {
    try {
      await gunzipStream(file, MAX_BACKUP_CONTENT_BYTES, take);
    } catch (error) {
      if (error instanceof GunzipError) throw error.failure === 'truncated' ? truncated(error.message) : damaged(error.message);
      throw error;
    }
  } else {
    for (let offset = 0; offset < file.length; offset += CHUNK_BYTES) await take(file.subarray(offset, offset + CHUNK_BYTES));
  }
  return concat(carry, carried);
}

interface Streamed {
  header: BackupHeader;
  content: BackupContent;
  sha256: string;
}

/** Read a format-2 file; `check: 'seal'` only hashes the lines (no rows parsed). Throws FORMAT_ONE for format 1. */
async function readStreamed(file: Uint8Array, sha256: Sha256, check: 'seal' | 'all', currentSchemaVersion = Infinity): Promise<Streamed> {
  if (file.length === 0) throw notABackup('the file is empty');
  if (!isGzip(file) && !startsWith(file, PLAIN_START)) throw notABackup('it is neither a compressed backup nor a backup header');
  let index = 0;
  let header: BackupHeader | null = null;
  let failure: BackupFileError | null = null;
  let recorded: string | null = null;
  let hashes = '';
  const problems: string[] = [];
  const seen = new Set<BackupTable>();
  const content = Object.fromEntries(BACKUP_TABLE_NAMES.map((t) => [t, []])) as unknown as Record<BackupTable, unknown[]>;

  const onLine = async (line: Uint8Array) => {
    const at = index++;
    if (failure) return;
    try {
      const body = line.subarray(0, line.length - 1);
      if (at === 0) {
        header = readHeader(body);
        if (header.formatVersion === 1) throw FORMAT_ONE;
        hashes += `${await sha256(line)}\n`;
        return;
      }
      if (recorded !== null) throw damaged('there is something after its checksum');
      if (startsWith(line, SEAL_START)) {
        let value: unknown;
        try {
          value = (parseJson(body) as { sha256?: unknown } | null)?.sha256;
        } catch {
          value = undefined;
        }
        if (typeof value !== 'string' || !/^[0-9a-f]{64}$/.test(value)) throw damaged('its checksum line is not readable');
        recorded = value;
        return;
      }
      hashes += `${await sha256(line)}\n`;
      if (check === 'seal') return;
      readChunk(body, at);
    } catch (error) {
      if (error === FORMAT_ONE) throw error;
      failure = error instanceof BackupFileError ? error : damaged(error instanceof Error ? error.message : String(error));
    }
  };

  const readChunk = (body: Uint8Array, at: number) => {
    let raw: unknown;
    try {
      raw = parseJson(body);
    } catch (error) {
      problems.push(`line ${at + 1}: not readable JSON (${error instanceof Error ? error.message : String(error)})`);
      return;
    }
    const chunk = raw as { table?: unknown; rows?: unknown } | null;
    if (typeof chunk !== 'object' || chunk === null || Array.isArray(chunk) || typeof chunk.table !== 'string') {
      problems.push(`line ${at + 1}: not a table's rows`);
      return;
    }
    const table = chunk.table as BackupTable;
    if (!Object.hasOwn(BACKUP_TABLES, table)) {
      problems.push(`${table}: not a table Redress knows`);
      return;
    }
    seen.add(table);
    if (!Array.isArray(chunk.rows)) {
      problems.push(`${table}: must be a list`);
      return;
    }
    const rows = content[table];
    const base = rows.length;
    const parsed = contentSchema.shape[table].safeParse(chunk.rows);
    if (parsed.success) for (const row of parsed.data as unknown[]) rows.push(row);
    else {
      for (const issue of parsed.error.issues) {
        const [first, ...rest] = issue.path;
        const path = typeof first === 'number' ? [table, base + first, ...rest] : [table, ...issue.path];
        problems.push(`${formatPath(path)}: ${issueMessage(issue)}`);
      }
      for (const row of chunk.rows as unknown[]) rows.push(row);
    }
  };

  const rest = await forEachLine(file, onLine);
  if (index === 0) {
    if (rest.length > MAX_HEADER_BYTES || !startsWith(rest, PLAIN_START)) throw notABackup('it has no backup header');
    throw truncated('it ends inside its header');
  }
  if (failure) throw failure;
  if (recorded === null) {
    throw truncated(startsWith(rest, SEAL_START) ? 'it ends before its checksum is complete' : 'it ends inside the data, before the checksum');
  }
  if (rest.length) throw damaged('there is something after its checksum');
  if ((await sha256(encoder.encode(hashes))) !== recorded) throw checksumMismatch();
  const sound = header as unknown as BackupHeader;
  if (check === 'seal') return { header: sound, content: content as unknown as BackupContent, sha256: recorded };

  assertSchemaKnown(sound, currentSchemaVersion);
  for (const table of BACKUP_TABLE_NAMES) if (!seen.has(table) && BACKUP_TABLES[table] <= sound.schemaVersion) problems.push(`${table}: missing`);
  if (content.settings.length > 1) problems.push('settings: holds more than one desk');
  if (problems.length) throw invalid(problems);
  const decoded = content as unknown as BackupContent;
  const crossProblems = await crossCheck(decoded, sound, sha256);
  if (crossProblems.length) throw invalid(crossProblems);
  return { header: sound, content: decoded, sha256: recorded };
}

/**
 * Only recognise the file and check its compression and seal (SHA-256), without parsing the content: cheap enough
 * for the desktop shell to check a backup before it writes it over an older one. Throws BackupFileError.
 */
export async function verifyBackupSeal(file: Uint8Array, sha256: Sha256): Promise<BackupHeader> {
  try {
    return (await readStreamed(file, sha256, 'seal')).header;
  } catch (error) {
    if (error !== FORMAT_ONE) throw error;
    return (await openSealed(file, sha256)).header;
  }
}

/**
 * Read and check a backup file: recognise it, inflate it, check the compression's own check values, the seal
 * (SHA-256), the versions, every row of every table and the cross-references. Throws BackupFileError saying what is
 * wrong and where; returns the content only when ALL of it is sound. Format 2 is read as a stream; format 1 whole.
 */
export async function decodeBackup(file: Uint8Array, options: DecodeOptions): Promise<DecodedBackup> {
  try {
    return await readStreamed(file, options.sha256, 'all', options.currentSchemaVersion);
  } catch (error) {
    if (error !== FORMAT_ONE) throw error;
    return decodeFormatOne(file, options);
  }
}

function checksumMismatch(): BackupFileError {
  return new BackupFileError(
    'checksum',
    'The checksum does not match: the file was changed after it was made (edited by hand, or damaged on the way). Nothing was restored; use another copy.',
  );
}

function assertSchemaKnown(header: BackupHeader, currentSchemaVersion: number): void {
  if (header.schemaVersion > currentSchemaVersion) {
    throw new BackupFileError(
      'newer',
      `This backup was made by a newer Redress (database version ${header.schemaVersion}; this Redress has version ${currentSchemaVersion}). Update Redress, then restore it.`,
    );
  }
}

/** Format 1: the whole file inflated, sealed and parsed at once. */
async function decodeFormatOne(file: Uint8Array, options: DecodeOptions): Promise<DecodedBackup> {
  const { header, bytes, contentStart, contentEnd, sha256: recorded } = await openSealed(file, options.sha256);
  assertSchemaKnown(header, options.currentSchemaVersion);
  let raw: unknown;
  try {
    raw = parseJson(bytes.subarray(contentStart, contentEnd));
  } catch (error) {
    throw invalid([`content: not readable JSON (${error instanceof Error ? error.message : String(error)})`]);
  }
  // Tables added after the file's database version may be absent; every other table must be there.
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const tables = raw as Record<string, unknown>;
    for (const table of BACKUP_TABLE_NAMES) {
      if (tables[table] === undefined && BACKUP_TABLES[table] > header.schemaVersion) tables[table] = [];
    }
    const unknownTables = Object.keys(tables).filter((t) => !(t in BACKUP_TABLES));
    if (unknownTables.length) throw invalid(unknownTables.map((t) => `${t}: not a table Redress knows`));
  }
  const parsed = contentSchema.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => `${formatPath(i.path) || 'content'}: ${issueMessage(i)}`));
  const content = parsed.data as unknown as BackupContent;
  const problems = await crossCheck(content, header, options.sha256);
  if (problems.length) throw invalid(problems);
  return { header, content, sha256: recorded };
}
