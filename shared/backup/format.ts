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
// Format 3 (./archive.ts) is a ZIP holding exactly this layout (with formatVersion 3 and the `attachments` table's
// rows, not their bytes) and one member per attachment's bytes. Format 2 files (no attachments) are still read.
// Format 1 (still read): three lines, the header, ONE content line {"cases":[…],…} and a seal that is the SHA-256 of
// the bytes of lines 1 and 2.
// JSON.stringify never writes a raw newline, so the lines split unambiguously. The header comes first so a file can
// be recognised (and its counts shown) before the content is read; the seal comes last so a truncated file has none.
// A file that was un-gzipped by hand (the same lines) is read too.
//
// Pure: the SHA-256 function is an argument (crypto.subtle in the renderer, node:crypto in the shell and tests).
import { z } from 'zod';
import type { CaseRecord, DeskSettings, TimelineEvent } from '#shared/model/case';
import type { AttachmentRow } from '#shared/model/attachment';
import type { IssuedLetter } from '#shared/model/letter';
import type { Provider } from '#shared/model/provider';
import { BUILT_IN_PROCEDURE_IDS, checkProcedure, createProcedureRegistry, type Procedure } from '#shared/rules/index';
import {
  formatPath,
  issueMessage,
  isOverLimit,
  rowName,
  STORED_ROWS,
  storedAttachmentFields,
  storedDeskPrefix,
  storedLetterFields,
  storedTimestamp,
  type StoredTable,
} from '#shared/model/stored';
import { fromBase64, toBase64, utf8Decoder, utf8Encoder } from './bytes';
import { Gunzip } from 'fflate';
import { concat, gunzip, GunzipError, gunzipStream, gzipStream, isGzip } from './gzip';
import { KeyPositions } from './key-positions';
import { backupProblemInEnglish, type BackupSaying, type BackupValue, sayBackup } from './problems';
import { issueProblem, overLimitNote } from './row-problems';

export const BACKUP_FORMAT = 'redress-backup';
/** Bump when the file layout or the meaning of a field changes; older Redress then refuses the file by name. */
export const BACKUP_FORMAT_VERSION = 3;
/** A content line holds at most this many rows, and is closed once its JSON passes CHUNK_BYTES characters. */
export const CHUNK_ROWS = 2000;
export const CHUNK_BYTES = 1024 * 1024;
export const BACKUP_FILE_EXTENSION = '.redress-backup';
/**
 * A saved backup's name before the desk and the date, in English (the interface's catalogue says it in each language,
 * `data.backup.fileName`). Only the extension is ever read back: restore and the file pickers go by it.
 */
export const BACKUP_FILE_STEM = 'redress-backup';
export const BACKUP_MIME_TYPE = 'application/zip';
/** A decompressed backup larger than this is refused before it is inflated (a "zip bomb" cannot exhaust memory). */
export const MAX_BACKUP_CONTENT_BYTES = 1024 * 1024 * 1024;
/**
 * The longest line a backup may have. A line holds CHUNK_BYTES of rows plus at most one more row, and the largest row
 * is a letter's PDF as base64 (a few hundred KB; a letter with a large logo some MB). The writer refuses to make a
 * line longer than this, so every file it makes can be read back.
 */
export const MAX_BACKUP_LINE_BYTES = 32 * 1024 * 1024;
/**
 * The most lines a backup may have. A line closes at CHUNK_ROWS rows or CHUNK_BYTES, so even a file of
 * MAX_BACKUP_CONTENT_BYTES of the smallest rows has fewer than 20,000.
 */
export const MAX_BACKUP_LINES = 100_000;
/** The deepest nesting of values ({ and [) a line may have; Redress's own rows nest fewer than 10 deep. */
export const MAX_BACKUP_JSON_DEPTH = 64;

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
  attachments: 8,
  providers: 9,
  procedures: 9,
} as const;
export type BackupTable = keyof typeof BACKUP_TABLES;
export const BACKUP_TABLE_NAMES = Object.keys(BACKUP_TABLES) as BackupTable[];

export type Sha256 = (bytes: Uint8Array) => Promise<string>;

/**
 * The desk's procedures checked with THE procedure schema of the rules (the stored-row schema checks only their
 * envelope), and their versions together (each later one with an effective date after the one before).
 */
function procedureProblems(rows: BackupContent['procedures']): ListedProblem[] {
  const problems: ListedProblem[] = [];
  rows.forEach((row, i) => {
    if (BUILT_IN_PROCEDURE_IDS.has(row.id))
      problems.push(listed(sayBackup('built-in-procedure', { where: `procedures[${i}].id`, id: row.id })));
    const checked = checkProcedure(row.procedure);
    if (!checked.ok)
      for (const issue of checked.issues.slice(0, 3)) {
        const where = `procedures[${i}].procedure.${issue.field || '(root)'}`;
        const note = issue.said ? { procedure: issue.said } : sayBackup('note-other', { message: issue.message });
        problems.push(listed(sayBackup('at', { where, note }), `${where}: ${issue.message}`));
      }
  });
  if (problems.length) return problems;
  try {
    createProcedureRegistry(rows.map((r) => r.procedure));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    problems.push(listed(sayBackup('at', { where: 'procedures', note: sayBackup('note-other', { message }) })));
  }
  return problems;
}

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
  /** Each attachment's fields; its bytes are a member of the archive (./archive.ts), never in the rows. */
  attachments: BackupAttachment[];
  /** The desk's providers (issue #16; before version 9 inside the settings). No customer data. */
  providers: Provider[];
  /** Every version of the desk's own procedures. No customer data. */
  procedures: { key: string; id: string; version: number; savedAt: string; procedure: Procedure }[];
}

/** An attachment in a backup's rows: everything but its bytes. */
export type BackupAttachment = Omit<AttachmentRow, 'blob'>;

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
  /**
   * Rows kept as they are although they are over a limit of this version (saved before it existed), e.g.
   * "cases[3] RDR-2026-000003: customer.address.lines has 9 lines; letters need at most 5": for the desk to shorten.
   */
  overLimits: string[];
  /** The same as sayings (the same order), for the screens to say in their language (h17). */
  overLimitsSaid: BackupSaying[];
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
  | 'invalid'
  /** Encrypted (./encryption.ts): it needs its passphrase; or the passphrase given is not the one it was made with. */
  | 'needs-passphrase'
  | 'wrong-passphrase'
  /**
   * Larger or more deeply nested than any backup Redress makes (a line, the number of lines, the inflated size, the
   * nesting of values): refused before it is read into memory, so a "zip bomb" cannot exhaust it.
   */
  | 'too-large';

export class BackupFileError extends Error {
  constructor(
    readonly kind: BackupProblemKind,
    message: string,
    /** Each problem with where it is, e.g. "cases[37].receivedOn: not a date (YYYY-MM-DD)". */
    readonly problems: string[] = [],
    /** The message as data (./problems.ts), for the interface to say in its language. */
    readonly said?: BackupSaying,
    /** The problems as data, where each has a code (the same order as `problems`). */
    readonly problemsSaid?: BackupSaying[],
  ) {
    super(message);
    this.name = 'BackupFileError';
  }
}

/** A refusal from its saying: the message is its English (./problems.ts). */
export function refuseBackup(
  kind: BackupProblemKind,
  said: BackupSaying,
  problems: string[] = [],
  problemsSaid?: BackupSaying[],
): BackupFileError {
  return new BackupFileError(kind, backupProblemInEnglish(said), problems, said, problemsSaid);
}

/** At most this many problems are listed; the message says how many more there are. */
const MAX_PROBLEMS = 20;

/**
 * One problem of an invalid file (h17): its English as listed (BackupFileError's `problems`: the logs, the desktop
 * shell; e.g. "cases[37].receivedOn: not a date (YYYY-MM-DD)") and the same as a saying (`problemsSaid`: the screens).
 */
export interface ListedProblem {
  text: string;
  said: BackupSaying;
}
/** A problem whose English is its saying's, unless `text` (the schema's own note) is given. */
const listed = (said: BackupSaying, text = backupProblemInEnglish(said)): ListedProblem => ({ text, said });

// ---------------------------------------------------------------------------------------------------------------
// Base64 (letters' bytes): ./bytes.ts.
export { fromBase64, toBase64 } from './bytes';

// ---------------------------------------------------------------------------------------------------------------
// Validation of the content

/** zod's `error` option: "missing" when the field is absent, else what it must be. */
const must = (what: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'missing' : what),
});

const text = (max: number) => z.string(must('must be text')).max(max, `is longer than ${max} characters`);
const timestamp = storedTimestamp;

// Every row is checked with the schema the database checks every write with (shared/model/stored.ts), so a value
// this desk could save is one its restore accepts. Only the letters differ: the file carries their bytes as base64.
const letterSchema = z.looseObject({
  ...storedLetterFields,
  bytes: z.string(must('must be the letter as base64 text')).transform((s, ctx) => {
    try {
      return fromBase64(s);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not base64' });
      return z.NEVER;
    }
  }),
});

// An attachment's row without its bytes (a `blob` field in a hand-edited file is dropped, never restored).
const attachmentSchema = z
  .looseObject(storedAttachmentFields)
  .transform(({ blob: _blob, ...row }: Record<string, unknown>) => row);

/** The schema each table's rows are checked with in a backup file. */
export const BACKUP_ROW_SCHEMAS = { ...STORED_ROWS, letters: letterSchema, attachments: attachmentSchema } as const;

const contentSchema = z.object(
  Object.fromEntries(
    BACKUP_TABLE_NAMES.map((t) => [
      t,
      t === 'settings'
        ? z.array(BACKUP_ROW_SCHEMAS.settings, must('must be a list')).max(1, 'holds more than one desk')
        : z.array(BACKUP_ROW_SCHEMAS[t] as z.ZodType, must('must be a list')),
    ]),
  ) as unknown as { [T in BackupTable]: z.ZodType },
  must('must be an object with one list per table'),
);

const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1),
  schemaVersion: z.number(must('must be a number')).int('must be a whole number').min(1, 'must be 1 or more'),
  madeAt: timestamp,
  app: text(200).optional(),
  deskPrefix: storedDeskPrefix.optional(),
  counts: z.record(z.string(), z.number().int().min(0), must('must be an object of table counts')),
});

export { formatPath };

function limitProblems(problems: ListedProblem[]): ListedProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const more = problems.length - MAX_PROBLEMS;
  return [
    ...problems.slice(0, MAX_PROBLEMS),
    listed(sayBackup('more-problems', { more: { number: more } }), `…and ${more} more problems`),
  ];
}

function invalid(problems: ListedProblem[]): BackupFileError {
  const shown = limitProblems(problems);
  const texts = shown.map((p) => p.text);
  const first = `${texts.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''}`;
  const said = sayBackup('invalid');
  // The message goes on with the first problems (the screen lists them all under the refusal, in its language).
  const message = `${backupProblemInEnglish(said)} ${problems.length === 1 ? 'Problem' : `${problems.length} problems`}: ${first}`;
  return new BackupFileError(
    'invalid',
    message,
    texts,
    said,
    shown.map((p) => p.said),
  );
}

/**
 * Check one chunk of a table's rows (`base`: the place of the first in the table). Broken rows are `problems` (the
 * file is refused); rows over a limit of this version (e.g. an address longer than letters take, saved before the
 * limit existed) are kept as they are and described in `overLimits`, for the desk to shorten.
 */
export function checkTableRows(
  table: BackupTable,
  rows: unknown[],
  base = 0,
): { rows: unknown[]; problems: ListedProblem[]; overLimits: string[]; overLimitsSaid: BackupSaying[] } {
  const parsed = z.array(BACKUP_ROW_SCHEMAS[table] as z.ZodType).safeParse(rows);
  if (parsed.success) return { rows: parsed.data as unknown[], problems: [], overLimits: [], overLimitsSaid: [] };
  const problems: ListedProblem[] = [];
  const overLimits: string[] = [];
  const overLimitsSaid: BackupSaying[] = [];
  const problem = (where: string, issue: z.core.$ZodIssue) =>
    listed(issueProblem(where, issue), `${where}: ${issueMessage(issue)}`);
  for (const issue of parsed.error.issues) {
    const [first, ...rest] = issue.path;
    if (typeof first !== 'number') {
      problems.push(problem(formatPath([table, ...issue.path]), issue));
      continue;
    }
    if (isOverLimit(issue)) {
      overLimits.push(
        `${rowName(table as StoredTable, base + first, rows[first])}: ${formatPath(rest)} ${issueMessage(issue)}`,
      );
      overLimitsSaid.push(
        sayBackup('over-limit', {
          row: rowSaid(table, base + first, rows[first]),
          path: formatPath(rest),
          note: overLimitNote(issue),
        }),
      );
    } else problems.push(problem(formatPath([table, base + first, ...rest]), issue));
  }
  // Only limits broken: the rows stand as they are (no table with limits transforms its rows).
  return { rows, problems, overLimits, overLimitsSaid };
}

/** What a row is called (shared/model/stored.ts rowName) as a saying: "(case …)" said in the screen's words. */
function rowSaid(table: BackupTable, index: number, row: unknown): BackupValue {
  const caseId = (row as { caseId?: unknown } | null)?.caseId;
  if ((table === 'events' || table === 'letters' || table === 'attachments') && typeof caseId === 'string')
    return sayBackup('row-of-case', { where: `${table}[${index}]`, id: caseId });
  return rowName(table as StoredTable, index, row);
}

/** The fields that tell each table's rows apart (and a case's reference), in the order their problems are listed. */
const UNIQUE_FIELDS: [table: BackupTable, field: string][] = [
  ['cases', 'id'],
  ['cases', 'reference'],
  ['events', 'id'],
  ['counters', 'key'],
  ['letters', 'id'],
  ['people', 'id'],
  ['notified', 'id'],
  ['audit', 'id'],
  ['meta', 'key'],
  ['attachments', 'id'],
  ['providers', 'id'],
  ['procedures', 'key'],
];

/**
 * Checks zod cannot make row by row: duplicate ids, cases that do not exist, letters whose bytes changed. Fed the
 * checked rows a chunk at a time, in the file's order (`add`), it keeps only keys and the few references it still has
 * to resolve, never the rows, so a file of any size is checked in little memory; `problems` gives them in the same
 * order whatever the order of the lines.
 */
export class CrossCheck {
  /** Each unique field's keys and the row each was first seen in (kept compactly: KeyPositions). */
  private readonly seen = new Map<string, KeyPositions>(
    UNIQUE_FIELDS.map(([t, f]) => [`${t}.${f}`, new KeyPositions()]),
  );
  private readonly buckets = {
    unique: new Map<string, ListedProblem[]>(UNIQUE_FIELDS.map(([t, f]) => [`${t}.${f}`, []])),
    events: [] as [number, string][],
    letters: [] as [number, string][],
    attachments: [] as [number, string][],
    bytes: [] as ListedProblem[],
  };
  /** Events naming a letter: checked once every letter is known. */
  private readonly refs: [index: number, letterId: unknown, caseId: string][] = [];
  /** Each letter's case. */
  private readonly letterCase = new Map<string, string>();
  private readonly counts = Object.fromEntries(BACKUP_TABLE_NAMES.map((t) => [t, 0])) as Record<BackupTable, number>;
  private readonly procedures: BackupContent['procedures'] = [];

  constructor(private readonly sha256: Sha256) {}

  private cases(): KeyPositions {
    return this.seen.get('cases.id')!;
  }

  /** A chunk of checked rows of `table`, the first at `base` in it. */
  async add<T extends BackupTable>(table: T, rows: readonly BackupContent[T][number][], base: number): Promise<void> {
    this.counts[table] += rows.length;
    for (const [t, field] of UNIQUE_FIELDS) {
      if (t !== table) continue;
      const seen = this.seen.get(`${table}.${field}`)!;
      const bucket = this.buckets.unique.get(`${table}.${field}`)!;
      rows.forEach((row, n) => {
        const key = (row as Record<string, unknown>)[field] as string;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, base + n);
        else
          bucket.push(
            listed(
              sayBackup('same-as', {
                where: `${table}[${base + n}].${field}`,
                field,
                other: `${table}[${first}]`,
                key,
              }),
            ),
          );
      });
    }
    const caseIds = this.cases();
    const orphans = (bucket: [number, string][]) =>
      rows.forEach((row, n) => {
        const caseId = (row as { caseId: string }).caseId;
        // Resolved at the end when the case is not known yet (a hand-edited file may hold its lines in any order).
        if (!caseIds.has(caseId)) bucket.push([base + n, caseId]);
      });
    if (table === 'events') {
      orphans(this.buckets.events);
      rows.forEach((row, n) => {
        const e = row as TimelineEvent;
        if ((e.type === 'letter-issued' || e.type === 'letter-withdrawn') && e.data?.letterId !== undefined)
          this.refs.push([base + n, e.data.letterId, e.caseId]);
      });
    }
    if (table === 'letters') {
      orphans(this.buckets.letters);
      for (const [n, row] of rows.entries()) {
        const letter = row as BackupLetter;
        if (!this.letterCase.has(letter.id)) this.letterCase.set(letter.id, letter.caseId);
        // Each letter's own checksum, so a letter restored is the letter issued, byte for byte.
        if ((await this.sha256(letter.bytes)) !== letter.sha256)
          this.buckets.bytes.push(listed(sayBackup('letter-bytes-changed', { where: `letters[${base + n}].bytes` })));
      }
    }
    if (table === 'attachments') orphans(this.buckets.attachments);
    if (table === 'procedures') this.procedures.push(...(rows as BackupContent['procedures']));
  }

  /** Every problem found, once every row has been added. */
  problems(header: BackupHeader): ListedProblem[] {
    const problems: ListedProblem[] = [];
    for (const bucket of this.buckets.unique.values()) problems.push(...bucket);
    problems.push(...procedureProblems(this.procedures));
    const caseIds = this.cases();
    const orphans = (table: string, bucket: [number, string][]) => {
      for (const [i, caseId] of bucket)
        if (!caseIds.has(caseId))
          problems.push(listed(sayBackup('no-case', { where: `${table}[${i}].caseId`, id: caseId })));
    };
    orphans('events', this.buckets.events);
    orphans('letters', this.buckets.letters);
    orphans('attachments', this.buckets.attachments);
    // A letter entry (issued or withdrawn) points at the letter it records (an anonymised entry keeps no letterId,
    // its letter deleted).
    for (const [i, letterId, caseId] of this.refs) {
      // A hand-edited file may hold anything here: only text names a letter.
      const where = `events[${i}].data.letterId`;
      if (typeof letterId !== 'string') {
        problems.push(listed(sayBackup('not-letter-id', { where })));
        continue;
      }
      const letterCase = this.letterCase.get(letterId);
      if (letterCase === undefined) problems.push(listed(sayBackup('no-letter', { where, id: letterId })));
      else if (letterCase !== caseId) problems.push(listed(sayBackup('letter-other-case', { where, id: letterId })));
    }
    for (const table of BACKUP_TABLE_NAMES) {
      if (header.counts[table] !== undefined && header.counts[table] !== this.counts[table]) {
        problems.push(
          listed(
            sayBackup('count-differs', {
              where: `counts.${table}`,
              counted: header.counts[table],
              held: this.counts[table],
            }),
          ),
        );
      }
    }
    problems.push(...this.buckets.bytes);
    return problems;
  }
}

/** The cross-checks of a whole content at once (format 1). */
async function crossCheck(content: BackupContent, header: BackupHeader, sha256: Sha256): Promise<ListedProblem[]> {
  const check = new CrossCheck(sha256);
  for (const table of BACKUP_TABLE_NAMES) await check.add(table, content[table] as never[], 0);
  return check.problems(header);
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

const encoder = utf8Encoder;
const decoder = utf8Decoder;

function countsOf(content: BackupContent): Record<BackupTable, number> {
  return Object.fromEntries(BACKUP_TABLE_NAMES.map((t) => [t, content[t].length])) as Record<BackupTable, number>;
}

/** An attachment's row as the file's rows hold it: its bytes travel as their own member (./archive.ts). */
function withoutBytes({ blob: _blob, ...row }: BackupAttachment & { blob?: unknown }): BackupAttachment {
  return row;
}

/**
 * The rows part of a backup file written a chunk of rows at a time, for a writer that cannot hold the desk: the header
 * (with every table's count, known up front), then each table's rows as they are given (`add`, then `endTable`, in
 * BACKUP_TABLE_NAMES order), then the seal (`finish`). Everything but `finish` is synchronous, so it can run inside
 * one IndexedDB read transaction (which commits as soon as anything else is awaited): each line's SHA-256 is started
 * as the line is written and awaited by `finish`. The bytes go to `sink` as gzip makes them (or as lines, uncompressed).
 */
export class BackupRowsWriter {
  private readonly out: { push(bytes: Uint8Array): void; end(): void } | null;
  private readonly hashes: Promise<string>[] = [];
  private lineCount = 0;
  private parts: string[] = [];
  private size = 0;
  private written = 0;

  constructor(
    counts: Record<BackupTable, number>,
    private readonly options: EncodeOptions,
    private readonly sink: (bytes: Uint8Array) => void,
  ) {
    this.out = options.compress === false ? null : gzipStream(sink);
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      schemaVersion: options.schemaVersion,
      madeAt: options.madeAt,
      ...(options.app ? { app: options.app } : {}),
      ...(options.deskPrefix ? { deskPrefix: options.deskPrefix } : {}),
      counts,
    };
    this.emit(JSON.stringify(header));
  }

  private emit(line: string, table?: BackupTable): void {
    const bytes = encoder.encode(`${line}\n`);
    this.lineCount += 1;
    // Never a file its own restore would refuse (see the reading limits): refused with a coded saying (h17).
    const part: BackupValue = table ?? sayBackup('part-header');
    const beyond =
      bytes.length - 1 > MAX_BACKUP_LINE_BYTES
        ? sayBackup('not-made-row-long', { table: part, size: { bytes: MAX_BACKUP_LINE_BYTES } })
        : nestedDeeperThan(bytes, MAX_BACKUP_JSON_DEPTH)
          ? sayBackup('not-made-row-nested', { table: part, max: MAX_BACKUP_JSON_DEPTH })
          : this.lineCount > MAX_BACKUP_LINES
            ? sayBackup('not-made-too-many-lines', {
                table: part,
                line: { number: this.lineCount },
                max: { number: MAX_BACKUP_LINES },
              })
            : null;
    if (beyond) throw refuseBackup('too-large', beyond);
    this.hashes.push(this.options.sha256(bytes));
    if (this.out) this.out.push(bytes);
    else this.sink(bytes);
  }

  private flush(table: BackupTable): void {
    this.emit(`{"table":${JSON.stringify(table)},"rows":[${this.parts.join(',')}]}`, table);
    this.parts = [];
    this.size = 0;
  }

  /** More rows of `table` (a chunk of CHUNK_ROWS rows or CHUNK_BYTES of JSON makes a line). */
  add(table: BackupTable, rows: readonly unknown[]): void {
    for (const row of rows) {
      const json = JSON.stringify(
        table === 'letters'
          ? { ...(row as BackupLetter), bytes: toBase64((row as BackupLetter).bytes) }
          : table === 'attachments'
            ? withoutBytes(row as BackupAttachment & { blob?: unknown })
            : row,
      );
      this.parts.push(json);
      this.size += json.length;
      this.written += 1;
      if (this.parts.length >= CHUNK_ROWS || this.size >= CHUNK_BYTES) this.flush(table);
    }
  }

  /** The table's last rows written; every table has at least one line (an empty one `"rows":[]`). */
  endTable(table: BackupTable): void {
    if (this.parts.length || this.written === 0) this.flush(table);
    this.written = 0;
  }

  /** The seal, once every line's SHA-256 is known; the gzip stream ended. */
  async finish(): Promise<void> {
    const hashes = `${(await Promise.all(this.hashes)).join('\n')}\n`;
    const seal = encoder.encode(`${JSON.stringify({ sha256: await this.options.sha256(encoder.encode(hashes)) })}\n`);
    if (this.out) {
      this.out.push(seal);
      this.out.end();
    } else this.sink(seal);
  }
}

/** The backup file's bytes for this content (the rows; attachments' bytes are added by ./archive.ts). */
export async function encodeBackup(content: BackupContent, options: EncodeOptions): Promise<Uint8Array> {
  const pieces: Uint8Array[] = [];
  const writer = new BackupRowsWriter(countsOf(content), options, (piece) => pieces.push(piece));
  // Table by table, a chunk of rows per line: no string ever holds more than about CHUNK_BYTES of JSON.
  for (const table of BACKUP_TABLE_NAMES) {
    writer.add(table, content[table]);
    writer.endTable(table);
  }
  await writer.finish();
  return concat(pieces);
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

const NEWLINE = 0x0a;
const PLAIN_START = encoder.encode('{"format":');

function parseJson(bytes: Uint8Array): unknown {
  return JSON.parse(decoder.decode(bytes));
}

type Why = BackupSaying;
const why = sayBackup;
const notABackup = (w: Why) => refuseBackup('not-a-backup', sayBackup('not-a-backup', { why: w }));
const truncated = (w: Why) => refuseBackup('truncated', sayBackup('truncated', { why: w }));
const damaged = (w: Why) => refuseBackup('damaged', sayBackup('damaged', { why: w }));
const tooLarge = (w: Why) => refuseBackup('too-large', sayBackup('too-large', { why: w }));
const fromGunzip = (error: GunzipError) =>
  error.failure === 'truncated'
    ? truncated(error.said)
    : error.failure === 'too-large'
      ? tooLarge(error.said)
      : damaged(error.said);

/**
 * Whether JSON text nests values ({ and [) deeper than `max`, found by scanning the bytes (brackets inside strings do
 * not count) without parsing: the guard before JSON.parse, whose result the checks and the database would otherwise
 * walk recursively ("Maximum call stack size exceeded" at 10,000 deep). Works on UTF-8 bytes: every byte of a
 * multi-byte character is 0x80 or above, so it is never taken for a quote, a backslash or a bracket.
 */
export function nestedDeeperThan(bytes: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === 0x5c) i++;
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) inString = true;
    else if (b === 0x7b || b === 0x5b) {
      if (++depth > max) return true;
    } else if (b === 0x7d || b === 0x5d) depth--;
  }
  return false;
}

export interface DecodeOptions {
  sha256: Sha256;
  /** The database version this Redress has; a file from a newer one is refused. */
  currentSchemaVersion: number;
}

/** Read the header only (no checks beyond its own shape), e.g. to tell which file is which. */
function readHeader(firstLine: Uint8Array): BackupHeader {
  if (firstLine.length > MAX_HEADER_BYTES || nestedDeeperThan(firstLine, MAX_BACKUP_JSON_DEPTH))
    throw notABackup(why('why-first-line'));
  let raw: unknown;
  try {
    raw = parseJson(firstLine);
  } catch {
    throw notABackup(why('why-first-line'));
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw notABackup(why('why-not-redress'));
  }
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_FORMAT_VERSION) {
    throw refuseBackup('newer', sayBackup('newer-format', { version, current: BACKUP_FORMAT_VERSION }));
  }
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 3).map((i) => issueProblem(`header.${formatPath(i.path)}`, i));
    throw damaged(why('why-header-invalid', { problems: { list: problems } }));
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
  if (file.length === 0) throw notABackup(why('why-empty'));
  let bytes: Uint8Array;
  if (isGzip(file)) {
    try {
      bytes = gunzip(file, MAX_BACKUP_CONTENT_BYTES);
    } catch (error) {
      if (error instanceof GunzipError) throw fromGunzip(error);
      throw error;
    }
  } else if (file.length >= PLAIN_START.length && PLAIN_START.every((b, i) => file[i] === b)) {
    bytes = file;
  } else {
    throw notABackup(why('why-neither'));
  }

  const firstBreak = bytes.indexOf(NEWLINE);
  if (firstBreak < 0) {
    // A header cut short is a truncated file if it begins like one.
    if (PLAIN_START.every((b, i) => bytes[i] === b)) throw truncated(why('why-ends-in-header'));
    throw notABackup(why('why-no-header'));
  }
  const header = readHeader(bytes.subarray(0, firstBreak));

  const secondBreak = bytes.indexOf(NEWLINE, firstBreak + 1);
  if (secondBreak < 0) throw truncated(why('why-ends-in-data'));
  const sealEnd = bytes.indexOf(NEWLINE, secondBreak + 1);
  if (sealEnd < 0) throw truncated(why('why-ends-before-checksum'));
  if (sealEnd !== bytes.length - 1) throw damaged(why('why-after-checksum'));
  let recorded: unknown;
  try {
    recorded = (parseJson(bytes.subarray(secondBreak + 1, sealEnd)) as { sha256?: unknown } | null)?.sha256;
  } catch {
    recorded = undefined;
  }
  if (typeof recorded !== 'string' || !/^[0-9a-f]{64}$/.test(recorded)) throw damaged(why('why-checksum-unreadable'));
  const actual = await sha256(bytes.subarray(0, secondBreak + 1));
  if (actual !== recorded) throw checksumMismatch();
  return { header, bytes, contentStart: firstBreak + 1, contentEnd: secondBreak, sha256: recorded };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading format 2 as a stream, in two passes over the file as it inflates, so nothing a stranger wrote is parsed
// before the seal says it is the file Redress made:
//   1. the seal: every line hashed as it comes, nothing parsed but the header (at most MAX_HEADER_BYTES) and the
//      seal line; a line longer than MAX_BACKUP_LINE_BYTES, more than MAX_BACKUP_LINES lines or more than
//      MAX_BACKUP_CONTENT_BYTES inflated stop it at once; other problems are noted and reading goes on to the end, so
//      a damaged or cut-off file is called that (the compression's check values come first);
//   2. the rows, only once the seal matched: the file inflated again, each line checked for its nesting
//      (MAX_BACKUP_JSON_DEPTH) before JSON.parse, then its rows checked against the tables' schemas.

/** Thrown inside the stream when the header says format 1: that layout is read whole, the old way. */
const FORMAT_ONE = Symbol('format 1');
const SEAL_START = encoder.encode('{"sha256":');
/** {"sha256":"<64 hexadecimal digits>"} and its newline. */
const SEAL_LINE_BYTES = 78;
/** A header is a few hundred bytes; a first line longer than this is not one. */
const MAX_HEADER_BYTES = 1024 * 1024;

const startsWith = (bytes: Uint8Array, prefix: Uint8Array) =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

/** The most bytes line `index` (0: the header) may hold, with the error that says so. */
function lineLimit(index: number): { max: number; error: () => BackupFileError } {
  if (index === 0) return { max: MAX_HEADER_BYTES, error: () => notABackup(why('why-no-header')) };
  return {
    max: MAX_BACKUP_LINE_BYTES,
    error: () => tooLarge(why('why-line-too-long', { line: index + 1, size: { bytes: MAX_BACKUP_LINE_BYTES } })),
  };
}

/**
 * Hand each complete line (with its newline) to onLine, in order; returns the bytes after the last newline. Stops at
 * once (throws BackupFileError 'too-large' or 'not-a-backup') when a line passes its limit or there are more than
 * MAX_BACKUP_LINES lines: no more than one line is ever held.
 */
async function forEachLine(
  file: Uint8Array,
  onLine: (line: Uint8Array, index: number) => Promise<void>,
): Promise<Uint8Array> {
  let carry: Uint8Array[] = [];
  let carried = 0;
  let index = 0;
  const take = async (chunk: Uint8Array) => {
    let start = 0;
    for (let at = chunk.indexOf(NEWLINE); at >= 0; at = chunk.indexOf(NEWLINE, start)) {
      if (index >= MAX_BACKUP_LINES) throw tooLarge(why('why-too-many-lines', { max: { number: MAX_BACKUP_LINES } }));
      const piece = chunk.subarray(start, at + 1);
      const limit = lineLimit(index);
      if (carried + piece.length - 1 > limit.max) throw limit.error();
      const line = carried ? concat([...carry, piece], carried + piece.length) : piece;
      carry = [];
      carried = 0;
      start = at + 1;
      await onLine(line, index++);
    }
    if (start < chunk.length) {
      const limit = lineLimit(index);
      if (carried + chunk.length - start > limit.max) throw limit.error();
      // Copied: a piece of fflate's output buffer may be reused.
      carry.push(chunk.slice(start));
      carried += chunk.length - start;
    }
  };
  if (isGzip(file)) {
    try {
      await gunzipStream(file, MAX_BACKUP_CONTENT_BYTES, take);
    } catch (error) {
      if (error instanceof GunzipError) throw fromGunzip(error);
      throw error;
    }
  } else {
    if (file.length > MAX_BACKUP_CONTENT_BYTES)
      throw tooLarge(why('why-larger-than', { size: { bytes: MAX_BACKUP_CONTENT_BYTES } }));
    for (let offset = 0; offset < file.length; offset += CHUNK_BYTES)
      await take(file.subarray(offset, offset + CHUNK_BYTES));
  }
  return concat(carry, carried);
}

interface SealChecked {
  header: BackupHeader;
  sha256: string;
  /** The lines of the file, the header and the seal included. */
  lines: number;
}

/** Pass 1: recognise a format-2 file and check its seal, parsing no row. Throws FORMAT_ONE for format 1. */
async function checkSeal(file: Uint8Array, sha256: Sha256): Promise<SealChecked> {
  if (file.length === 0) throw notABackup(why('why-empty'));
  if (!isGzip(file) && !startsWith(file, PLAIN_START)) throw notABackup(why('why-neither'));
  let lines = 0;
  let header: BackupHeader | null = null;
  let failure: BackupFileError | null = null;
  let recorded: string | null = null;
  let hashes = '';

  const onLine = async (line: Uint8Array, at: number) => {
    lines = at + 1;
    if (failure) return;
    try {
      const body = line.subarray(0, line.length - 1);
      if (at === 0) {
        header = readHeader(body);
        if (header.formatVersion === 1) throw FORMAT_ONE;
        hashes += `${await sha256(line)}\n`;
        return;
      }
      if (recorded !== null) throw damaged(why('why-after-checksum'));
      if (startsWith(line, SEAL_START)) {
        let value: unknown;
        try {
          // The seal line is 78 bytes; nothing longer is parsed before the seal is checked.
          value = line.length <= SEAL_LINE_BYTES ? (parseJson(body) as { sha256?: unknown } | null)?.sha256 : undefined;
        } catch {
          value = undefined;
        }
        if (typeof value !== 'string' || !/^[0-9a-f]{64}$/.test(value)) throw damaged(why('why-checksum-unreadable'));
        recorded = value;
        return;
      }
      hashes += `${await sha256(line)}\n`;
    } catch (error) {
      if (error === FORMAT_ONE) throw error;
      failure =
        error instanceof BackupFileError
          ? error
          : damaged(why('why-other', { message: error instanceof Error ? error.message : String(error) }));
    }
  };

  const rest = await forEachLine(file, onLine);
  if (lines === 0) {
    if (!startsWith(rest, PLAIN_START)) throw notABackup(why('why-no-header'));
    throw truncated(why('why-ends-in-header'));
  }
  if (failure) throw failure;
  if (recorded === null) {
    throw truncated(why(startsWith(rest, SEAL_START) ? 'why-ends-before-checksum' : 'why-ends-in-data'));
  }
  if (rest.length) throw damaged(why('why-after-checksum'));
  if ((await sha256(encoder.encode(hashes))) !== recorded) throw checksumMismatch();
  return { header: header as unknown as BackupHeader, sha256: recorded, lines };
}

/** Told each chunk of checked rows as pass 2 reads them (the first at `base` in its table). */
export type OnRows = <T extends BackupTable>(table: T, rows: BackupContent[T], base: number) => void | Promise<void>;

/**
 * Pass 2, for a file whose seal matched: every content line's rows, checked and cross-checked a chunk at a time. Only
 * the tables `keep` names are held (the others are handed to `onRows` and let go). Throws BackupFileError.
 */
async function readRows(
  file: Uint8Array,
  sealed: SealChecked,
  sha256: Sha256,
  keep: (table: BackupTable) => boolean = () => true,
  onRows?: OnRows,
): Promise<{ content: BackupContent; overLimits: string[]; overLimitsSaid: BackupSaying[] }> {
  const problems: ListedProblem[] = [];
  const overLimits: string[] = [];
  const overLimitsSaid: BackupSaying[] = [];
  const seen = new Set<BackupTable>();
  const counts = Object.fromEntries(BACKUP_TABLE_NAMES.map((t) => [t, 0])) as Record<BackupTable, number>;
  const content = Object.fromEntries(BACKUP_TABLE_NAMES.map((t) => [t, []])) as unknown as Record<
    BackupTable,
    unknown[]
  >;
  const cross = new CrossCheck(sha256);

  const readChunk = async (body: Uint8Array, at: number) => {
    if (nestedDeeperThan(body, MAX_BACKUP_JSON_DEPTH))
      throw tooLarge(why('why-line-nested', { line: at + 1, max: MAX_BACKUP_JSON_DEPTH }));
    let raw: unknown;
    try {
      raw = parseJson(body);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      problems.push(
        listed(sayBackup('line-not-json', { line: at + 1 }), `line ${at + 1}: not readable JSON (${detail})`),
      );
      return;
    }
    const chunk = raw as { table?: unknown; rows?: unknown } | null;
    if (typeof chunk !== 'object' || chunk === null || Array.isArray(chunk) || typeof chunk.table !== 'string') {
      problems.push(listed(sayBackup('line-not-rows', { line: at + 1 })));
      return;
    }
    const table = chunk.table as BackupTable;
    if (!Object.hasOwn(BACKUP_TABLES, table)) {
      problems.push(listed(sayBackup('table-unknown', { table })));
      return;
    }
    if (table === 'attachments' && sealed.header.formatVersion < 3) {
      problems.push(
        listed(sayBackup('table-not-in-format', { table: 'attachments', version: sealed.header.formatVersion })),
      );
      return;
    }
    seen.add(table);
    if (!Array.isArray(chunk.rows)) {
      problems.push(listed(sayBackup('at', { where: table, note: sayBackup('note-not-list') })));
      return;
    }
    const base = counts[table];
    const checked = checkTableRows(table, chunk.rows as unknown[], base);
    counts[table] += checked.rows.length;
    problems.push(...checked.problems);
    overLimits.push(...checked.overLimits);
    overLimitsSaid.push(...checked.overLimitsSaid);
    // Rows with problems are not cross-checked further: the file is refused anyway.
    if (checked.problems.length || problems.length) return;
    await cross.add(table, checked.rows as never[], base);
    if (keep(table)) for (const row of checked.rows) content[table].push(row);
    await onRows?.(table, checked.rows as never, base);
  };

  // The header (line 1) and the seal (the last line) were read by checkSeal.
  await forEachLine(file, async (line, at) => {
    if (at > 0 && at < sealed.lines - 1) await readChunk(line.subarray(0, line.length - 1), at);
  });

  const { header } = sealed;
  for (const table of BACKUP_TABLE_NAMES)
    if (!seen.has(table) && BACKUP_TABLES[table] <= header.schemaVersion)
      problems.push(listed(sayBackup('at', { where: table, note: sayBackup('note-missing') })));
  if (counts.settings > 1) problems.push(listed(sayBackup('one-desk')));
  if (problems.length) throw invalid(problems);
  const crossProblems = cross.problems(header);
  if (crossProblems.length) throw invalid(crossProblems);
  return { content: content as unknown as BackupContent, overLimits, overLimitsSaid };
}

/**
 * Only recognise the file and check its compression and seal (SHA-256), without parsing the content: cheap enough
 * for the desktop shell to check a backup before it writes it over an older one. Throws BackupFileError.
 */
export async function verifyBackupSeal(file: Uint8Array, sha256: Sha256): Promise<BackupHeader> {
  try {
    return (await checkSeal(file, sha256)).header;
  } catch (error) {
    if (error !== FORMAT_ONE) throw error;
    return (await openSealed(file, sha256)).header;
  }
}

/**
 * Read and check a backup file: recognise it, inflate it, check the compression's own check values and the seal
 * (SHA-256) before any row is parsed, then the versions, every row of every table and the cross-references. Throws
 * BackupFileError saying what is wrong and where; returns the content only when ALL of it is sound. Format 2 is read
 * as a stream, twice (the seal, then the rows); format 1 whole.
 */
export async function decodeBackup(file: Uint8Array, options: DecodeOptions): Promise<DecodedBackup> {
  let sealed: SealChecked;
  try {
    sealed = await checkSeal(file, options.sha256);
  } catch (error) {
    if (error !== FORMAT_ONE) throw error;
    return decodeFormatOne(file, options);
  }
  assertSchemaKnown(sealed.header, options.currentSchemaVersion);
  const { content, overLimits, overLimitsSaid } = await readRows(file, sealed, options.sha256);
  return { header: sealed.header, content, sha256: sealed.sha256, overLimits, overLimitsSaid };
}

function checksumMismatch(): BackupFileError {
  return refuseBackup('checksum', sayBackup('checksum'));
}

function assertSchemaKnown(header: BackupHeader, currentSchemaVersion: number): void {
  if (header.schemaVersion > currentSchemaVersion) {
    throw refuseBackup(
      'newer',
      sayBackup('newer-database', { version: header.schemaVersion, current: currentSchemaVersion }),
    );
  }
}

/** Format 1: the whole file inflated, sealed and parsed at once. */
async function decodeFormatOne(file: Uint8Array, options: DecodeOptions): Promise<DecodedBackup> {
  const { header, bytes, contentStart, contentEnd, sha256: recorded } = await openSealed(file, options.sha256);
  assertSchemaKnown(header, options.currentSchemaVersion);
  const body = bytes.subarray(contentStart, contentEnd);
  if (nestedDeeperThan(body, MAX_BACKUP_JSON_DEPTH))
    throw tooLarge(why('why-content-nested', { max: MAX_BACKUP_JSON_DEPTH }));
  let raw: unknown;
  try {
    raw = parseJson(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw invalid([listed(sayBackup('content-not-json'), `content: not readable JSON (${detail})`)]);
  }
  // Tables added after the file's database version may be absent; every other table must be there.
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const tables = raw as Record<string, unknown>;
    // Format 1 never held attachments (they came with format 3).
    if (tables.attachments !== undefined)
      throw invalid([
        listed(
          sayBackup('table-not-in-format', { table: 'attachments', version: 1 }),
          'attachments: not a table of backup format 1',
        ),
      ]);
    for (const table of BACKUP_TABLE_NAMES) {
      if (tables[table] === undefined && BACKUP_TABLES[table] > header.schemaVersion) tables[table] = [];
    }
    const unknownTables = Object.keys(tables).filter((t) => !(t in BACKUP_TABLES));
    if (unknownTables.length) throw invalid(unknownTables.map((t) => listed(sayBackup('table-unknown', { table: t }))));
  }
  const parsed = contentSchema.safeParse(raw);
  const overLimits: string[] = [];
  const overLimitsSaid: BackupSaying[] = [];
  let content: BackupContent;
  if (parsed.success) content = parsed.data as unknown as BackupContent;
  else {
    // Rows over a limit are listed, not refused: check table by table to tell them from broken rows.
    const issues = parsed.error.issues.filter((i) => !isOverLimit(i));
    const tables = raw as Record<BackupTable, unknown[]>;
    if (issues.some((i) => i.path.length < 2))
      throw invalid(
        issues.map((i) => {
          const where = formatPath(i.path) || 'content';
          return listed(issueProblem(where, i), `${where}: ${issueMessage(i)}`);
        }),
      );
    const out = {} as Record<BackupTable, unknown[]>;
    const problems: ListedProblem[] = [];
    for (const table of BACKUP_TABLE_NAMES) {
      const checked = checkTableRows(table, tables[table]);
      out[table] = checked.rows;
      problems.push(...checked.problems);
      overLimits.push(...checked.overLimits);
      overLimitsSaid.push(...checked.overLimitsSaid);
    }
    if (problems.length) throw invalid(problems);
    content = out as unknown as BackupContent;
  }
  const problems = await crossCheck(content, header, options.sha256);
  if (problems.length) throw invalid(problems);
  return { header, content, sha256: recorded, overLimits, overLimitsSaid };
}

// ---------------------------------------------------------------------------------------------------------------
// Checking without holding the rows, and reading them again for a restore

/**
 * The tables a streamed restore reads from the file again as it writes them (the bulk of any desk); every other
 * table is small and is held from the check to the restore.
 */
export const STREAMED_TABLES: ReadonlySet<BackupTable> = new Set<BackupTable>(['cases', 'events', 'letters']);

export interface CheckedRows {
  header: BackupHeader;
  sha256: string;
  overLimits: string[];
  overLimitsSaid: BackupSaying[];
  /** Every table's rows but those of STREAMED_TABLES, which are empty here (onRows was told them). */
  content: BackupContent;
}

/**
 * Check a backup's rows exactly as decodeBackup does (seal, versions, every row, the cross-references) while holding
 * only the small tables: the rows of STREAMED_TABLES are handed to `onRows` a chunk at a time and let go, so checking
 * 100,000 cases takes the memory of a few chunks and the keys the cross-checks need. Throws BackupFileError.
 */
export async function checkBackupRows(
  file: Uint8Array,
  options: DecodeOptions & { onRows?: OnRows },
): Promise<CheckedRows> {
  const held = (table: BackupTable) => !STREAMED_TABLES.has(table);
  let sealed: SealChecked;
  try {
    sealed = await checkSeal(file, options.sha256);
  } catch (error) {
    if (error !== FORMAT_ONE) throw error;
    // Format 1 is one line: read whole, as it always was (such files are small and old).
    const decoded = await decodeFormatOne(file, options);
    for (const table of BACKUP_TABLE_NAMES) await options.onRows?.(table, decoded.content[table] as never, 0);
    const content = Object.fromEntries(
      BACKUP_TABLE_NAMES.map((t) => [t, held(t) ? decoded.content[t] : []]),
    ) as unknown as BackupContent;
    const { overLimits, overLimitsSaid } = decoded;
    return { header: decoded.header, sha256: decoded.sha256, overLimits, overLimitsSaid, content };
  }
  assertSchemaKnown(sealed.header, options.currentSchemaVersion);
  const { content, overLimits, overLimitsSaid } = await readRows(file, sealed, options.sha256, held, options.onRows);
  return { header: sealed.header, sha256: sealed.sha256, overLimits, overLimitsSaid, content };
}

/** One content line's rows, as the restore reads them again. */
export interface RowsChunk {
  table: BackupTable;
  rows: unknown[];
}

/**
 * The content lines of a CHECKED file of format 2 or 3 (its rows member), one at a time, synchronously: inflated a
 * piece at a time, each line parsed and its rows put through the tables' schemas (letters' base64 becomes bytes). For
 * a restore, which must await nothing but the database inside its transaction, and holds one line at a time. The
 * caller makes sure the bytes are the ones checked (their SHA-256). Throws on anything a check would have refused.
 */
export class RowsCursor {
  private readonly lines: Uint8Array[] = [];
  private carry: Uint8Array[] = [];
  private offset = 0;
  private index = 0;
  private ended = false;
  private readonly inflater: Gunzip | null;

  constructor(private readonly file: Uint8Array) {
    this.inflater = isGzip(file) ? new Gunzip((chunk) => this.split(chunk)) : null;
  }

  private split(chunk: Uint8Array): void {
    let start = 0;
    for (let at = chunk.indexOf(NEWLINE); at >= 0; at = chunk.indexOf(NEWLINE, start)) {
      const piece = chunk.subarray(start, at);
      this.lines.push(this.carry.length ? concat([...this.carry, piece]) : piece.slice());
      this.carry = [];
      start = at + 1;
    }
    if (start < chunk.length) this.carry.push(chunk.slice(start));
  }

  /** The next line (without its newline), or null after the last. */
  private line(): Uint8Array | null {
    while (this.lines.length === 0 && !this.ended) {
      const step = this.inflater ? 64 * 1024 : CHUNK_BYTES;
      const piece = this.file.subarray(this.offset, this.offset + step);
      this.offset += step;
      const last = this.offset >= this.file.length;
      if (this.inflater) this.inflater.push(piece, last);
      else this.split(piece);
      if (last) this.ended = true;
    }
    return this.lines.shift() ?? null;
  }

  /** The next chunk of rows, or null after the last content line. */
  next(): RowsChunk | null {
    for (;;) {
      const line = this.line();
      if (line === null) return null;
      const at = this.index++;
      if (at === 0) continue; // the header
      if (startsWith(line, SEAL_START)) return null;
      const chunk = parseJson(line) as { table: BackupTable; rows: unknown[] };
      const checked = checkTableRows(chunk.table, chunk.rows);
      if (checked.problems.length) throw invalid(checked.problems);
      return { table: chunk.table, rows: checked.rows };
    }
  }
}
