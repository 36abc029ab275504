// Backing up and restoring the whole database (file format: shared/backup/format.ts).
//
// A backup is read in ONE read transaction, so it is a consistent picture of the desk even while someone works.
// A restore is ONE read-write transaction over every table: it lands whole or not at all, and any error (a refused
// merge, a failing disk, a bug) leaves the database exactly as it was.
//
// Modes:
// - 'into-empty': the desk holds no cases, timelines or letters yet (a new PC): everything comes from the file.
// - 'replace': the database becomes the file's content.
// - 'merge': the file's rows are added by id to what is here. A case in both keeps the copy with the later
//   `updatedAt`, compared as instants whatever their time zone (the current one on a tie); timelines, letters, people, reminders shown and the audit trail are
//   united by id (timeline events and letters never change once written, so the same id is the same row); the desk's
//   settings here are kept. Refused, with the references, when a case in the file has the reference of a DIFFERENT
//   case here: a reference a customer has been given is never changed or shared.
// In every mode: reference counters take the larger of the two (so a reference handed out here is never handed out
// again, even after restoring an older backup); the audit trail is never shortened (its rows are united, and the
// restore adds its own row); this install's own facts (when it last made a backup) are kept; the case index is
// rebuilt from the restored facts.
//
// Progress: a restore of 100,000 cases writes close to a million rows and takes minutes, so it reports how far it is
// (RestoreOptions.onProgress): the rows are written in chunks of a few thousand, and after each chunk (or a quarter of
// a second) it says the stage, the rows of the table it works on, and the work done of the whole restore.
import { type BackupSaying, sayBackup } from '#shared/backup/problems';
import {
  ARCHIVE_PIECE_BYTES,
  type ByteSource,
  type CheckedArchiveRows,
  checkBackupSourceRows,
  type DecodedArchive,
  decodeBackupSource,
  writeArchive,
} from '#shared/backup/archive';
import {
  BACKUP_FILE_EXTENSION,
  BACKUP_FILE_STEM,
  BACKUP_MIME_TYPE,
  BACKUP_TABLE_NAMES,
  BackupFileError,
  type BackupContent,
  type BackupHeader,
  type BackupTable,
  BackupRowsWriter,
  type EncodeOptions,
  RowsCursor,
  STREAMED_TABLES,
} from '#shared/backup/format';
import Dexie, { type Table } from 'dexie';
import {
  BackupCaseVersions,
  type CasesPlan,
  type CaseVersionRow,
  type DeskIdentity,
  otherDesk,
} from '#shared/backup/plan';
import { isEncryptedBackup, lockBackupStream, unlockBackupStream, type WebCryptoLike } from '#shared/backup/encryption';
import type { CaseRecord, TimelineEvent } from '#shared/model/case';
import { localIsoDate } from '#shared/model/dates';
import { putDerivedRows, refreshCaseIndex } from '#db/case-index/derive';
import { type Now, sha256Hex, systemNow } from '#db/repositories/cases';
import {
  ANONYMISED_HERE_KEY,
  anonymisedHere,
  reapplyAnonymisation,
  reapplyDecision,
  recordAnonymisedHere,
} from '#db/repositories/retention';
import type { Provider } from '#shared/model/provider';
import { installRows, installStoredProcedures, writeDesk } from '../desk';
import { SHARING_META_KEYS } from '../outbox';
import {
  type AttachmentDbRow,
  type AuditRow,
  type MetaRow,
  type ProcedureRow,
  rebuildCaseIndex,
  type RedressDatabase,
  writingCheckedBackup,
} from '../schema';
import {
  addMissingEntries,
  allEntries,
  countEntries,
  entriesOfCasesBetween,
  TIMELINE_TABLE,
  TimelineFiller,
} from '../timeline';

/** Meta keys about this install, not about the data: never taken from a file, never replaced by a restore. */
export const LAST_BACKUP_KEY = 'backup.last';
// The desk's own record of the cases it anonymised (./retention.ts): a restore never adds to it, so a backup cannot
// make this desk anonymise anything.
const LOCAL_META_KEYS = new Set([LAST_BACKUP_KEY, ANONYMISED_HERE_KEY]);
/**
 * The sharing state of the desk that made the file (db/outbox.ts): never taken from a file (it would make this desk a
 * member of that desk's team at its next start), and, as the other sharing state, not kept by a replace either.
 */
const SHARING_META: ReadonlySet<string> = new Set(Object.values(SHARING_META_KEYS));

export interface LastBackup {
  at: string;
  fileName: string;
  /** How it was kept: downloaded / saved by the user, or written by the desktop app's daily backup. */
  how: 'saved' | 'automatic';
}

export type RestoreMode = 'into-empty' | 'merge' | 'replace';

export class RestoreError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [],
    /** The refusal as data (shared/backup/problems.ts), for the screen to say in its language (h17). */
    readonly said?: BackupSaying,
  ) {
    super(message);
    this.name = 'RestoreError';
  }
}

const STORED_TABLES = [...BACKUP_TABLE_NAMES, 'caseIndex', 'reportRows'] as const;

/** Desk-local sharing state (db/outbox.ts): cleared by a replace, since it names the rows being replaced. */
const SHARING_STATE_TABLES = ['outbox', 'syncRevs', 'conflicts'] as const;

/**
 * The database's table holding a backup table's rows: the file's `events` (a row per timeline entry) are the
 * timelines' rows here (../timeline.ts), every other table is itself.
 */
const storeOf = (table: string): string => (table === 'events' ? TIMELINE_TABLE : table);

/** How many rows of a backup table the desk holds (the timeline entries counted, not their rows). */
const countOf = (database: RedressDatabase, table: BackupTable): Promise<number> =>
  table === 'events' ? countEntries(database) : database.table(table).count();

function tablesOf(database: RedressDatabase) {
  return [...STORED_TABLES, ...SHARING_STATE_TABLES].map((name) => database.table(storeOf(name)));
}

/**
 * Every table's rows (not the derived case index), read in one transaction. The timeline entries in case order (a
 * timeline row per case, ../timeline.ts), each case's together and the cases in id order as they are read: a replace
 * then indexes each case as soon as its entries have passed (StreamIndex), without holding them all.
 */
export async function readAllTables(database: RedressDatabase): Promise<BackupContent> {
  return database.transaction(
    'r',
    BACKUP_TABLE_NAMES.map((t) => database.table(storeOf(t))),
    async () => {
      const entries = await Promise.all(
        BACKUP_TABLE_NAMES.map(
          async (t) => [t, await (t === 'events' ? allEntries(database) : database.table(t).toArray())] as const,
        ),
      );
      return Object.fromEntries(entries) as unknown as BackupContent;
    },
  );
}

export interface MadeBackup {
  /**
   * The file (format 3: ./archive.ts), as a Blob the browser keeps (on disk when large): written a piece at a time,
   * never whole in this page's memory. Saved with platform().saveFile, which takes a Blob.
   */
  file: Blob;
  fileName: string;
  madeAt: string;
  counts: Record<BackupTable, number>;
  /** Rows over a limit of this version (saved before it existed): kept in the file, listed for the desk to shorten. */
  overLimits: string[];
  /** The same as sayings, for the screen to say in its language (h17). */
  overLimitsSaid: BackupSaying[];
}

export const APP_NAME = 'Redress';

/** The page's (or worker's) WebCrypto, for encrypted backups (shared/backup/encryption.ts). */
const webCrypto = () => globalThis.crypto as unknown as WebCryptoLike;

/**
 * The backup file of the whole database, and the name to save it under (`fileStem`: its start in the interface
 * language, backupFileName); encrypted with `passphrase` when one is given (never stored).
 */
export async function makeBackup(
  database: RedressDatabase,
  options: { clock?: Now; app?: string; passphrase?: string; fileStem?: string } = {},
): Promise<MadeBackup> {
  const now = (options.clock ?? systemNow).now();
  await database.open();
  const madeAt = now.toISOString();
  const { rows, counts, deskPrefix, attachments } = await writeRows(database, {
    madeAt,
    schemaVersion: database.verno,
    app: options.app ?? APP_NAME,
    sha256: sha256Hex,
  });
  // The attachments' rows hold Blobs (references to bytes IndexedDB keeps), not their bytes.
  const withBytes = attachments.filter((a) => a.blob);
  const archive = writeArchive(
    blobPieces(rows),
    withBytes.map((a) => ({ id: a.id, pieces: blobPieces(a.blob!) })),
    { madeAt },
  );
  const file = await collectBlob(lockBackupStream(archive, options.passphrase, webCrypto()), BACKUP_MIME_TYPE);
  // The file is checked as a restore would check it, so a backup that could not be restored is never handed over
  // as if it were one; rows over a limit (saved before it existed) are said, for the desk to shorten. An encrypted
  // file is opened with its passphrase first, so the check also proves the passphrase opens it.
  let overLimits: string[];
  let overLimitsSaid: BackupSaying[];
  try {
    ({ overLimits, overLimitsSaid } = await checkBackupStreamed(database, file, options.passphrase));
  } catch (error) {
    const problems = error instanceof BackupFileError ? error.problems : [];
    const message = error instanceof Error ? error.message : String(error);
    const why = error instanceof BackupFileError && error.said ? error.said : sayBackup('why-other', { message });
    throw new BackupCheckError(
      `The backup just made does not pass the restore check, so it was not kept: ${message}` +
        ' Fix the rows named (or tell whoever supports Redress), then make the backup again.',
      problems,
      sayBackup('not-made-check', { why }),
    );
  }
  return {
    file,
    fileName: backupFileName(deskPrefix, now, options.fileStem),
    madeAt,
    counts,
    overLimits,
    overLimitsSaid,
  };
}

/**
 * The rows member of a backup (format.ts's layout), written from ONE read transaction, so it is a consistent picture of
 * the desk even while someone works, a chunk of rows at a time: each table is read in primary-key order a chunk per
 * request, and the timeline entries case by case (the timeline rows over the id range of each chunk of cases, so each
 * case's entries are together and in the order of the cases: see StreamIndex). Only the database is awaited
 * inside the transaction; the gzip goes into Blob parts of a few MB as it is made, so neither the rows nor the file are
 * ever held whole. Also gives every table's count, the desk's prefix and the attachments' rows (with their Blobs).
 */
async function writeRows(
  database: RedressDatabase,
  options: Omit<EncodeOptions, 'deskPrefix'>,
): Promise<{
  rows: Blob;
  counts: Record<BackupTable, number>;
  deskPrefix: string | undefined;
  attachments: AttachmentDbRow[];
}> {
  const gathered = new BlobGatherer();
  const sink = (piece: Uint8Array) => gathered.add(piece);
  const tables = BACKUP_TABLE_NAMES.map((t) => database.table(storeOf(t)));
  const { writer, counts, deskPrefix, attachments } = await database.transaction('r', tables, async () => {
    const numbers = await Promise.all(BACKUP_TABLE_NAMES.map((t) => countOf(database, t)));
    const counts = Object.fromEntries(BACKUP_TABLE_NAMES.map((t, i) => [t, numbers[i]])) as Record<BackupTable, number>;
    const deskPrefix = (await database.settings.toArray())[0]?.value.deskPrefix;
    const writer = new BackupRowsWriter(counts, { ...options, ...(deskPrefix ? { deskPrefix } : {}) }, sink);
    const attachments: AttachmentDbRow[] = [];
    /** The last case id of each chunk of cases: the timeline entries are read over the same ranges. */
    const bounds: string[] = [];
    for (const table of BACKUP_TABLE_NAMES) {
      if (table === 'events') {
        for (let i = 0; i <= bounds.length; i++) {
          // (the previous chunk's last case, this chunk's last case]; the first from the start, the last to the end.
          const after = i === 0 ? null : bounds[i - 1];
          const upTo = i === bounds.length ? null : bounds[i];
          writer.add(table, await entriesOfCasesBetween(database, after, upTo));
        }
      } else {
        const store = database.table<Row, string>(table);
        const keyPath = store.schema.primKey.keyPath as string;
        const size = chunkOf(table);
        let after: string | null = null;
        for (;;) {
          const page: Row[] = await (after === null ? store.orderBy(':id') : store.where(':id').above(after))
            .limit(size)
            .toArray();
          if (page.length === 0) break;
          writer.add(table, page);
          after = page[page.length - 1][keyPath] as string;
          if (table === 'cases') bounds.push(after);
          if (table === 'attachments') attachments.push(...(page as unknown as AttachmentDbRow[]));
          if (page.length < size) break;
        }
      }
      writer.endTable(table);
    }
    return { writer, counts, deskPrefix, attachments };
  });
  await writer.finish();
  return { rows: gathered.blob(), counts, deskPrefix, attachments };
}

/** A Blob's bytes a piece at a time (ARCHIVE_PIECE_BYTES), read as they are needed. */
export async function* blobPieces(blob: Blob): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < blob.size; at += ARCHIVE_PIECE_BYTES)
    yield new Uint8Array(await blob.slice(at, Math.min(blob.size, at + ARCHIVE_PIECE_BYTES)).arrayBuffer());
}

/**
 * Bytes gathered into one Blob, a few MB at a time, so they go to the browser's own store for Blobs (on disk when
 * large) rather than staying in this page's memory.
 */
class BlobGatherer {
  private parts: Blob[] = [];
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;

  /** `copy`: the piece may be a view of a buffer its maker reuses. */
  add(piece: Uint8Array, copy = false): void {
    this.pending.push(copy ? piece.slice() : piece);
    this.pendingBytes += piece.length;
    if (this.pendingBytes >= 4 * ARCHIVE_PIECE_BYTES) this.flush();
  }

  blob(type?: string): Blob {
    this.flush();
    return new Blob(this.parts, type ? { type } : {});
  }

  private flush(): void {
    if (this.pending.length) this.parts.push(new Blob(this.pending as BlobPart[]));
    this.pending = [];
    this.pendingBytes = 0;
  }
}

/** Pieces gathered into one Blob of `type` (see BlobGatherer). */
async function collectBlob(pieces: AsyncIterable<Uint8Array>, type: string): Promise<Blob> {
  const gathered = new BlobGatherer();
  for await (const piece of pieces) gathered.add(piece, true);
  return gathered.blob(type);
}

/** Random access to a Blob (a File chosen, or a backup just made). */
export const blobSource = (blob: Blob): ByteSource => ({
  size: blob.size,
  read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
});

/** The backup just made would be refused by a restore: never handed over as a backup. */
export class BackupCheckError extends Error {
  constructor(
    message: string,
    readonly problems: string[],
    /** The refusal as data, for the screen to say in its language (h17). */
    readonly said?: BackupSaying,
  ) {
    super(message);
    this.name = 'BackupCheckError';
  }
}

/** At most this many rows over a limit are named in a message; the rest are counted (features/data words it). */
export const OVER_LIMITS_SHOWN = 10;

/**
 * e.g. redress-backup-RDR-2026-11-22.redress-backup (the local date); `stem` is the name before the desk in the
 * interface language (catalogue `data.backup.fileName`: « redress-sauvegarde »). The extension never changes.
 */
export function backupFileName(deskPrefix: string | undefined, at: Date, stem: string = BACKUP_FILE_STEM): string {
  return `${stem}-${deskPrefix ? `${deskPrefix}-` : ''}${localIsoDate(at)}${BACKUP_FILE_EXTENSION}`;
}

/** Remember when the last backup was made (shown on the "Your data" page). */
export async function recordBackupMade(database: RedressDatabase, last: LastBackup): Promise<void> {
  await database.meta.put({ key: LAST_BACKUP_KEY, value: last });
}

export async function lastBackup(database: RedressDatabase): Promise<LastBackup | null> {
  const row = await database.meta.get(LAST_BACKUP_KEY);
  return (row?.value as LastBackup | undefined) ?? null;
}

/**
 * Read and check a backup file completely (see decodeBackup); throws BackupFileError with what is wrong and where. An
 * encrypted file is decrypted with `passphrase` first (BackupFileError 'needs-passphrase' without one).
 */
export async function readBackupFile(
  database: RedressDatabase,
  file: Blob | Uint8Array,
  passphrase?: string,
): Promise<CheckedFile> {
  await database.open();
  // An encrypted file is decrypted a piece at a time into a Blob of its own (the browser keeps it, on disk when
  // large), which is then read like any other file.
  const blob = await unlockedBlob(file, passphrase);
  const decoded = await decodeBackupSource(blobSource(blob), {
    sha256: sha256Hex,
    currentSchemaVersion: database.verno,
  });
  return { ...decoded, source: blob };
}

/** A file read and checked completely, with the file itself: the attachments' bytes are taken from it on restore. */
export interface CheckedFile extends DecodedArchive {
  source: Blob;
}

/**
 * A file checked completely (as readBackupFile checks it) of which only the small tables are held: its cases,
 * timelines and letters are read again from `source` by the restore, as it writes them. What the app holds between
 * the check and the restore, so 100,000 cases never sit in memory.
 */
export interface CheckedStream extends CheckedArchiveRows {
  source: Blob;
  /** The file's cases this desk anonymised (for previewAnonymisation; the restore reads them again). */
  anonymisedHereCases: CaseRecord[];
  /** The file's cases by id and version, for planRestore and the report of a replace. */
  caseVersions: BackupCaseVersions;
}

/** A checked file, held whole or streamed. */
export type Checked = CheckedFile | CheckedStream;

const isStream = (checked: Checked): checked is CheckedStream => 'rowsMember' in checked;

/** The handler named in a checked file's desk settings. */
export const handlerNameOf = (checked: Checked): string | undefined => checked.content.settings[0]?.value.handlerName;

/** The file's cases this desk anonymised, for previewAnonymisation. */
export const casesToPreview = (checked: Checked): readonly CaseRecord[] =>
  isStream(checked) ? checked.anonymisedHereCases : checked.content.cases;

/**
 * readBackupFile's checks (the same refusals, word for word), holding only the small tables (see CheckedStream); an
 * encrypted file is decrypted into a Blob of its own first.
 */
export async function checkBackupStreamed(
  database: RedressDatabase,
  file: Blob | Uint8Array,
  passphrase?: string,
): Promise<CheckedStream> {
  await database.open();
  const blob = await unlockedBlob(file, passphrase);
  const mine = await database.transaction('r', [database.cases, database.audit, database.meta], () =>
    anonymisedHere(database),
  );
  const anonymisedHereCases: CaseRecord[] = [];
  const caseVersions = new BackupCaseVersions();
  const checked = await checkBackupSourceRows(blobSource(blob), {
    sha256: sha256Hex,
    currentSchemaVersion: database.verno,
    onRows: (table, rows) => {
      if (table !== 'cases') return;
      caseVersions.add(rows as CaseRecord[]);
      if (mine.size) for (const c of rows as CaseRecord[]) if (mine.has(c.id)) anonymisedHereCases.push(c);
    },
  });
  return { ...checked, source: blob, anonymisedHereCases, caseVersions };
}

/** The file's cases by id and version. */
function caseVersionsOf(checked: Checked): BackupCaseVersions {
  if (isStream(checked)) return checked.caseVersions;
  const versions = new BackupCaseVersions();
  versions.add(checked.content.cases);
  return versions;
}

/** What restoring a checked file would do to this desk, said before it is confirmed (shared/backup/plan.ts). */
export interface RestorePlan {
  /** This desk's cases against the file's: what a replace keeps, changes, adds and loses. */
  cases: CasesPlan;
  /** The file's desk, when it is another desk than this one and this desk has cases to lose (otherDesk). */
  otherDesk?: DeskIdentity;
}

/** Cases read per request when comparing this desk's with a file's (only their id, reference, version and name kept). */
const CASES_COMPARED_PER_REQUEST = 2000;

/**
 * This desk's cases compared with the file's, by id and `updatedAt`: read a chunk at a time in one read transaction
 * and let go, so 100,000 cases are never held (their timelines are not read at all).
 */
export async function compareCases(database: RedressDatabase, checked: Checked): Promise<CasesPlan> {
  const compare = caseVersionsOf(checked).compare();
  await database.transaction('r', database.cases, async () => {
    let after: string | null = null;
    for (;;) {
      const from = after === null ? database.cases.toCollection() : database.cases.where(':id').above(after);
      const rows: CaseVersionRow[] = await from.limit(CASES_COMPARED_PER_REQUEST).toArray();
      if (rows.length === 0) break;
      compare.here(rows);
      after = rows[rows.length - 1].id;
      if (rows.length < CASES_COMPARED_PER_REQUEST) break;
    }
  });
  return compare.done();
}

const deskOf = (settings: readonly { value: { deskPrefix: string; company: { name: string } } }[]) =>
  settings[0] ? { prefix: settings[0].value.deskPrefix, company: settings[0].value.company.name } : undefined;

/** What restoring `checked` would do to this desk (read only): see RestorePlan. */
export async function planRestore(database: RedressDatabase, checked: Checked): Promise<RestorePlan> {
  const cases = await compareCases(database, checked);
  const desk = otherDesk(deskOf(checked.content.settings), deskOf(await database.settings.toArray()), cases);
  return { cases, ...(desk ? { otherDesk: desk } : {}) };
}

/** The file's own bytes: an encrypted file decrypted a piece at a time into a Blob the browser keeps. */
async function unlockedBlob(file: Blob | Uint8Array, passphrase?: string): Promise<Blob> {
  const blob = file instanceof Blob ? file : new Blob([file as BlobPart]);
  if (isEncryptedBackup(new Uint8Array(await blob.slice(0, 64).arrayBuffer())))
    return collectBlob(unlockBackupStream(blobPieces(blob), passphrase, webCrypto()), BACKUP_MIME_TYPE);
  return blob;
}

/** What a restore did, table by table. */
export interface RestoreReport {
  mode: RestoreMode;
  /** Rows added, replaced by the file's copy, and kept as they were here (merge), per table. */
  added: Record<BackupTable, number>;
  updated: Record<BackupTable, number>;
  kept: Record<BackupTable, number>;
  /** Rows that were here before and are gone (replace). */
  removed: Record<BackupTable, number>;
  /** Case count after the restore. */
  casesNow: number;
  /**
   * What the restore anonymised again right after writing (see reapplyAnonymisation): cases this desk had anonymised
   * that the file brought back closed with their personal data, and letters of anonymised cases; and the cases this
   * desk anonymised that the file holds open, restored as they are (never anonymised this way).
   */
  anonymisedAgain?: { references: string[]; lettersDeleted: number; stillOpen: string[] };
  /**
   * A replace: the desk's cases as they were against the file's (by id and version), what the desk manager reads
   * rather than every row removed and added again.
   */
  cases?: CasesPlan;
  /** A replace written into a new copy of the database, which the desk now uses: every window must reload. */
  intoNewCopy?: boolean;
}

const zeroCounts = () => Object.fromEntries(BACKUP_TABLE_NAMES.map((t) => [t, 0])) as Record<BackupTable, number>;

type Row = Record<string, unknown>;
const keyOf = (table: BackupTable): string =>
  table === 'counters' || table === 'settings' || table === 'meta' || table === 'procedures' ? 'key' : 'id';

/** What a restore is doing: checking the file against this desk, reading, removing, writing rows, indexing. */
export type RestoreStage = 'checking' | 'reading' | 'removing' | 'writing' | 'indexing' | 'finishing';

export interface RestoreProgress {
  stage: RestoreStage;
  /**
   * The work done and to do over the whole restore, in rows (each row of the file written or compared, each case
   * indexed). `done` never goes down and ends equal to `total`; `total` is fixed from the first report on.
   */
  done: number;
  total: number;
  /** The rows the current step works on, e.g. the cases written so far: 12,000 of 100,000. */
  rows?: { table: BackupTable; done: number; total: number };
  /**
   * When finishing: the attachments' files the last step saves with everything else, in the one commit that makes
   * the restore all or nothing (the browser copies their bytes from the backup file then; 1 GB takes half a minute).
   */
  files?: { count: number; bytes: number };
}

export type OnRestoreProgress = (progress: RestoreProgress) => void;

export interface RestoreOptions {
  mode: RestoreMode;
  /** Who restored it (the handler's name), for the audit trail. */
  by: string;
  clock?: Now;
  /**
   * Told how far the restore is: at each step's start and end, then after every chunk of rows (at most
   * PROGRESS_EVERY_ROWS rows apart, or a quarter of a second when rows are slow). Called inside the restore's
   * transaction, synchronously: it must be quick and must not wait. If it throws, the restore fails and changes nothing.
   */
  onProgress?: OnRestoreProgress;
  /**
   * A replace written into this new, empty database instead of over `database`, which is then only read (what a
   * replace keeps from it, and how many rows it replaces). Nothing has to be removed, so the replace skips the
   * removal (about a fifth of its time at 100,000 cases) and leaves no deleted rows behind to slow every read after
   * it; the caller switches the desk to the new database once this returns (./client.ts, ../storage.ts). Ignored by a
   * merge and into-empty, which write in place.
   */
  into?: RedressDatabase;
}

/** Rows written per request, and so the most rows between two progress reports. */
export const PROGRESS_EVERY_ROWS = 2000;
/** Letters carry their PDF bytes: fewer per request. */
const LETTER_CHUNK = 200;
/** A report at least this often (ms) while rows are counted one by one (reading, indexing). */
const PROGRESS_EVERY_MS = 250;

const now = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

interface Step {
  /** `n` more of the step's rows are done. */
  advance(n: number): void;
  /** The step is done: its whole share of the total. */
  end(): void;
}

/** Counts the work of one restore and reports it; every step has a share (`units`) of the total fixed up front. */
class Progress {
  private done = 0;
  private lastAt = now();
  /** The attachments' files written in this restore, saved when the transaction commits. */
  private files = { count: 0, bytes: 0 };
  constructor(
    readonly total: number,
    private readonly report: OnRestoreProgress | undefined,
  ) {}

  private emit(stage: RestoreStage, rows?: RestoreProgress['rows']): void {
    this.lastAt = now();
    this.report?.({ stage, done: this.done, total: this.total, ...(rows ? { rows: { ...rows } } : {}) });
  }

  /** A step worth `units` of the total over `rowsTotal` rows of `table` (none: a step without rows to count). */
  step(stage: RestoreStage, units: number, table?: BackupTable, rowsTotal = 0): Step {
    const start = this.done;
    const end = Math.min(this.total, start + units);
    // No rows to go through (none in the file, all kept): its share is counted, nothing is said about it.
    if (table && rowsTotal === 0) {
      this.done = Math.max(this.done, end);
      return { advance: () => undefined, end: () => undefined };
    }
    let rowsDone = 0;
    let reportedRows = 0;
    const rows = () => (table ? { table, done: rowsDone, total: rowsTotal } : undefined);
    this.emit(stage, rows());
    if (!this.report) return { advance: () => undefined, end: () => undefined };
    return {
      advance: (n) => {
        rowsDone = Math.min(rowsTotal, rowsDone + n);
        const next = rowsTotal > 0 ? start + Math.floor((units * rowsDone) / rowsTotal) : start;
        this.done = Math.max(this.done, Math.min(end, next));
        // Row by row (n === 1) the clock is looked at every 256 rows only.
        const due =
          rowsDone - reportedRows >= PROGRESS_EVERY_ROWS ||
          (rowsDone > reportedRows && (n > 1 || (rowsDone & 255) === 0) && now() - this.lastAt >= PROGRESS_EVERY_MS);
        if (due) {
          reportedRows = rowsDone;
          this.emit(stage, rows());
        }
      },
      end: () => {
        const moved = this.done !== end || rowsDone !== reportedRows || (rowsTotal > 0 && rowsDone !== rowsTotal);
        rowsDone = rowsTotal;
        reportedRows = rowsTotal;
        this.done = Math.max(this.done, end);
        if (moved) this.emit(stage, rows());
      },
    };
  }

  /** Attachment rows written with their bytes: their files are saved at the commit (said when finishing). */
  savingFiles(rows: readonly AttachmentDbRow[]): void {
    for (const row of rows)
      if (row.blob) {
        this.files.count += 1;
        this.files.bytes += row.blob.size;
      }
  }

  /** Everything is written: the transaction commits next (with the attachments' files, if any). */
  finish(): void {
    this.done = this.total;
    this.lastAt = now();
    this.report?.({
      stage: 'finishing',
      done: this.done,
      total: this.total,
      ...(this.files.count > 0 ? { files: { ...this.files } } : {}),
    });
  }
}

/** `rows` in chunks of `size`: `work` for each chunk, then the step advanced by it. */
async function inChunks<T>(rows: T[], size: number, step: Step, work: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    await work(chunk);
    step.advance(chunk.length);
  }
  step.end();
}

const chunkOf = (table: BackupTable) =>
  table === 'letters' || table === 'attachments' ? LETTER_CHUNK : PROGRESS_EVERY_ROWS;

/** A count as people read it: 12,000. */
export const formatCount = (n: number) => n.toLocaleString('en-GB');

/**
 * Restore a checked backup (from readBackupFile or checkBackupStreamed) in one transaction; all or nothing. A streamed
 * check is restored by reading the file's rows again as they are written (replace, into-empty; see replaceStreamed);
 * a merge, or a file of format 1, reads the file whole first.
 */
export async function restoreBackup(
  database: RedressDatabase,
  checked: Checked,
  options: RestoreOptions,
): Promise<RestoreReport> {
  const at = (options.clock ?? systemNow).now().toISOString();
  // A desk in a team holds the team's cases: a restore or merge here would bring back what the team erased and push
  // the file's old rows to every desk. It restores only once it has left the team (its copy is then its own).
  // Read from the desk's own record of its membership, not only the page's flag: a restore runs in the backup worker,
  // whose connection to the database never starts sharing (explore34c #3: a merge was written unshared, and a replace
  // took the desk out of its team unasked).
  if (database.sharing || (await database.meta.get(SHARING_META_KEYS.membership)) !== undefined)
    throw new RestoreError(
      'This desk shares its cases with a team, so a backup cannot be restored into it: the team server holds the ' +
        'cases. To restore, first leave the team (Settings → Share cases with your team → Leave).',
      [],
      sayBackup('restore-team'),
    );
  // A replace into a new database: what it keeps of this desk read first, written in its transaction (replacedFrom).
  const target = options.mode === 'replace' && options.into ? options.into : database;
  const from = target === database ? null : await replacedFrom(database);
  // What the replace keeps, changes, adds and loses of the desk's cases. Written in place, it is read before anything
  // changes. Into a new copy this desk is not written to, so it is read while the file is written: read first, its
  // 100,000 case records held the progress still for 3 s before the first report (bench:backup, fortieth session).
  // A failure to read it costs the report its comparison, not the restore.
  const comparing =
    options.mode === 'replace' ? compareCases(database, checked).catch((): CasesPlan | null => null) : null;
  if (comparing && target === database) await comparing;
  let run: Promise<RestoreReport>;
  if (isStream(checked) && options.mode !== 'merge' && checked.header.formatVersion > 1) {
    // The rows as checked, read again before the transaction (nothing but the database may be awaited inside it).
    const { rowsMember, rowsSha256, source } = checked;
    const bytes = new Uint8Array(
      await source.slice(rowsMember.offset, rowsMember.offset + rowsMember.size).arrayBuffer(),
    );
    if ((await sha256Hex(bytes)) !== rowsSha256)
      throw new RestoreError(
        'Choose the backup file again: it changed after it was checked.',
        [],
        sayBackup('restore-changed'),
      );
    const content = { ...checked.content, attachments: attachmentRows(checked, checked.content) };
    const counts = checked.header.counts;
    run = restoreInTransaction(
      target,
      checked,
      options,
      at,
      streamedWork(counts, content),
      (report, progress, here) => replaceStreamed(target, { bytes, counts, content }, report, progress, here!),
      from,
    );
  } else {
    const whole = isStream(checked) ? await readBackupFile(database, checked.source) : checked;
    // The attachments' rows with their bytes as slices of the checked file (attachmentRows).
    const content: BackupContent = { ...whole.content, attachments: attachmentRows(whole, whole.content) };
    run = restoreInTransaction(
      target,
      whole,
      options,
      at,
      plannedWork(content, options.mode),
      async (report, progress, here) => {
        if (options.mode === 'merge') await merge(database, content, report, progress);
        else await replace(target, content, report, progress, here!);
        return content.cases.filter((c) => c.anonymisedOn).map((c) => c.id);
      },
      from,
    );
  }
  // A restore that fails leaves the desk's own procedures the rules' (it may have installed the file's).
  return run.then(
    async (report) => {
      const cases = await comparing;
      return cases ? { ...report, cases } : report;
    },
    async (error: unknown) => {
      await installStoredProcedures(database);
      throw error;
    },
  );
}

type Here = Record<(typeof REPLACED_TABLES)[number], number>;

/**
 * The tables a replace keeps from the desk it replaces, merged with the file's (replaceDesk): the settings and
 * providers when the file has none, the counters (the larger of each), this install's meta, the audit trail. Every
 * other table is the file's, made from it (the case index, report rows) or this desk's sharing state (cleared).
 */
const KEPT_TABLES = ['settings', 'providers', 'counters', 'meta', 'audit'] as const;

/** What a replace into a new database takes from the desk it replaces. */
interface ReplacedDesk {
  /** The rows of KEPT_TABLES, as stored. */
  kept: Record<(typeof KEPT_TABLES)[number], Row[]>;
  /** The rows the replace removes, counted (the report's `removed`) while the file is written. */
  here: Promise<Here>;
}

/**
 * The kept rows read first; the rows the replace removes counted meanwhile, in a read of their own: counting 772,000
 * timeline entries took 1.7 s, which held the progress still before its first report (bench:backup, fortieth
 * session). Two reads are one picture of the desk: from the start of a move no window writes to it (moveDesk).
 */
async function replacedFrom(database: RedressDatabase): Promise<ReplacedDesk> {
  const here = database.transaction('r', REPLACED_TABLES.map(storeOf), () => countRows(database, REPLACED_TABLES));
  // Never left unheard if the restore fails first (the restore awaits it, and says its failure, when it gets there).
  here.catch(() => undefined);
  const rows = await database.transaction('r', KEPT_TABLES.map(storeOf), () =>
    Promise.all(KEPT_TABLES.map((t) => database.table<Row>(t).toArray())),
  );
  return { kept: Object.fromEntries(KEPT_TABLES.map((t, i) => [t, rows[i]])) as ReplacedDesk['kept'], here };
}

/**
 * The one transaction of a restore: counts what is here, runs `write` (which returns the ids of the file's cases that
 * arrive anonymised), anonymises again what this desk erased, and records the restore in the audit trail. With `from`
 * (a replace into a new, empty database) it first writes what the replace keeps of the desk it replaces.
 */
function restoreInTransaction(
  database: RedressDatabase,
  { header, sha256 }: { header: BackupHeader; sha256: string },
  options: RestoreOptions,
  at: string,
  planned: number,
  write: (report: RestoreReport, progress: Progress, here: Here | null) => Promise<string[]>,
  from: ReplacedDesk | null = null,
): Promise<RestoreReport> {
  return database.transaction('rw', tablesOf(database), async (tx) => {
    // Every row was checked by readBackupFile with the schemas every write is checked with; rows of an older backup
    // over a limit of this version are kept as they are (the check listed them). The kept rows were checked when
    // this desk wrote them.
    writingCheckedBackup(tx);
    if (from) for (const table of KEPT_TABLES) await database.table<Row>(table).bulkPut(from.kept[table]);
    // What is here to remove (replace, into-empty) is part of the work: counted first, so the total is known up front.
    const here = options.mode === 'merge' ? null : await countRows(database, REPLACED_TABLES);
    const removing = here ? REPLACED_TABLES.reduce((sum, t) => sum + here[t], 0) : 0;
    const progress = new Progress(planned + removing, options.onProgress);
    const report: RestoreReport = {
      mode: options.mode,
      added: zeroCounts(),
      updated: zeroCounts(),
      kept: zeroCounts(),
      removed: zeroCounts(),
      casesNow: 0,
    };
    progress.step('checking', 0);
    if (options.mode === 'into-empty' && here) {
      const { cases, events, letters } = here;
      if (cases + events + letters > 0) {
        throw new RestoreError(
          `This desk is not empty: it holds ${formatCount(cases)} ${cases === 1 ? 'case' : 'cases'}. Choose "Merge" or "Replace" instead.`,
          [],
          sayBackup('restore-not-empty', { cases: { number: cases } }),
        );
      }
    }
    const anonymisedInFile = await write(report, progress, here);
    // Into a new database nothing was removed there: what the replace took away is the old desk's rows, counted while
    // the file was written (long done by now; Dexie.waitFor keeps this transaction open if it is not).
    if (from) {
      const removed = await Dexie.waitFor(from.here);
      for (const table of REPLACED_TABLES) report.removed[table] = removed[table];
    }
    // A new desk set up from a backup takes the file's anonymised cases as its own (they arrive anonymised, so this
    // can anonymise nothing that was not). Then erasures stay erased: what this desk anonymised and the file brought
    // back is anonymised again now, in the same transaction (an open case never; see reapplyAnonymisation).
    if (options.mode === 'into-empty') await recordAnonymisedHere(database, anonymisedInFile);
    const clock = options.clock ?? systemNow;
    const again = await reapplyAnonymisation(database, { today: localIsoDate(clock.now()), by: options.by, clock });
    report.anonymisedAgain = {
      references: again.references,
      lettersDeleted: again.lettersDeleted,
      stillOpen: again.stillOpen,
    };
    progress.finish();

    report.casesNow = await database.cases.count();
    const audit: AuditRow = {
      id: crypto.randomUUID(),
      at,
      kind: 'restore',
      by: options.by,
      summary: restoreSummary(report, header.madeAt),
      detail: {
        mode: options.mode,
        backupMadeAt: header.madeAt,
        backupFormatVersion: header.formatVersion,
        backupSchemaVersion: header.schemaVersion,
        backupSha256: sha256,
        counts: header.counts,
        added: report.added,
        updated: report.updated,
        removed: report.removed,
      },
    };
    await database.audit.add(audit);
    return report;
  });
}

export function restoreSummary(report: RestoreReport, madeAt: string): string {
  const made = madeAt.slice(0, 10);
  if (report.mode === 'merge') {
    return `Merged a backup made ${made}: ${formatCount(report.added.cases)} cases added, ${formatCount(report.updated.cases)} updated from the backup, ${formatCount(report.kept.cases)} kept as they were; ${formatCount(report.added.events)} timeline entries and ${formatCount(report.added.letters)} letters added.`;
  }
  return `Restored a backup made ${made} (${report.mode === 'replace' ? 'replacing what was here' : 'into an empty desk'}): ${formatCount(report.casesNow)} cases, ${formatCount(report.added.events)} timeline entries, ${formatCount(report.added.letters)} letters.`;
}

const REPLACED_TABLES = ['cases', 'events', 'letters', 'attachments', 'people', 'notified', 'procedures'] as const;
const MERGED_TABLES = [
  'events',
  'letters',
  'attachments',
  'counters',
  'settings',
  'providers',
  'procedures',
  'people',
  'notified',
  'audit',
  'meta',
] as const;

/**
 * The attachments' rows as the database keeps them: each with its bytes as a slice of the checked file, which
 * IndexedDB reads when it stores the row (no await on anything but IndexedDB inside the restore's transaction, and
 * never the bytes in this page's memory).
 */
function attachmentRows(
  backup: { attachmentMembers: CheckedFile['attachmentMembers']; source: Blob },
  content: Pick<BackupContent, 'attachments'>,
): AttachmentDbRow[] {
  return content.attachments.map((row) => {
    const member = backup.attachmentMembers.get(row.id);
    if (!member) return row as AttachmentDbRow;
    return { ...row, blob: backup.source.slice(member.offset, member.offset + member.size, row.mime) };
  });
}

/**
 * Attachments, united by id and checksum: one not here is added; the same id with the same SHA-256 is the same file
 * (an attachment never changes but to be removed), and a removal on either side stays removed (a deleted file stays
 * deleted, so a backup cannot bring back what was erased); the same id with another checksum is refused.
 */
async function mergeAttachments(
  database: RedressDatabase,
  rows: AttachmentDbRow[],
  report: RestoreReport,
  progress: Progress,
): Promise<void> {
  const step = progress.step('writing', rows.length, 'attachments', rows.length);
  const clashes: string[] = [];
  await inChunks(rows, LETTER_CHUNK, step, async (chunk) => {
    const here = await database.attachments.bulkGet(chunk.map((r) => r.id));
    const put: AttachmentDbRow[] = [];
    chunk.forEach((incoming, i) => {
      const current = here[i];
      if (!current) {
        report.added.attachments += 1;
        put.push(incoming);
      } else if (current.sha256 !== incoming.sha256) clashes.push(`${incoming.id} (${incoming.fileName})`);
      else if (removedFurther(incoming, current)) {
        report.updated.attachments += 1;
        put.push(incoming);
      } else report.kept.attachments += 1;
    });
    if (clashes.length === 0) await database.attachments.bulkPut(put);
    progress.savingFiles(put);
  });
  if (clashes.length)
    throw new RestoreError(
      `Cannot merge: ${clashes.length === 1 ? 'an attachment has' : `${formatCount(clashes.length)} attachments have`} the same id here and in the backup but different bytes (${clashes.slice(0, 5).join(', ')}${clashes.length > 5 ? ', …' : ''}). An attachment never changes, so one of the two copies is damaged; nothing was restored.`,
      clashes,
      sayBackup('merge-attachments', {
        listed: `${clashes.slice(0, 5).join(', ')}${clashes.length > 5 ? ', …' : ''}`,
        count: { number: clashes.length },
      }),
    );
}

/** The file's copy of an attachment records more of its removal than this desk's (removed, or its bytes deleted). */
const removedFurther = (incoming: AttachmentDbRow, current: AttachmentDbRow) =>
  (incoming.deleted !== undefined && current.deleted === undefined) ||
  (incoming.deleted?.fileDeleted === true && current.deleted?.fileDeleted !== true);
const fileMeta = (content: BackupContent) =>
  content.meta.filter((m) => !LOCAL_META_KEYS.has(m.key) && !SHARING_META.has(m.key));

/** The whole restore's work in rows, as the steps below count it (see Progress). */
function plannedWork(content: BackupContent, mode: RestoreMode): number {
  const cases = content.cases.length;
  // Replace and into-empty also remove what is here (counted in the transaction, added by restoreBackup).
  if (mode === 'merge') {
    // Compared, written, every other table, then indexed (the index's share is the file's case count).
    return (
      cases * 3 +
      MERGED_TABLES.reduce((sum, t) => sum + (t === 'meta' ? fileMeta(content).length : content[t].length), 0)
    );
  }
  const written = REPLACED_TABLES.reduce((sum, t) => sum + content[t].length, 0);
  return (
    written +
    content.settings.length +
    content.providers.length +
    content.counters.length +
    fileMeta(content).length +
    content.audit.length +
    cases
  );
}

/** The file's providers: its rows, or (a file from before version 9) those inside its settings. */
function fileProviders(content: BackupContent): Provider[] {
  return content.providers.length ? content.providers : (content.settings[0]?.value.providers ?? []);
}

/** Counters: the larger of the two for every key, so no reference is ever handed out twice. */
async function mergeCounters(
  database: RedressDatabase,
  rows: BackupContent['counters'],
  report: RestoreReport,
  progress: Progress,
): Promise<void> {
  const step = progress.step('writing', rows.length, 'counters', rows.length);
  const here = new Map((await database.counters.toArray()).map((c) => [c.key, c.last]));
  const put = [];
  for (const row of rows) {
    const current = here.get(row.key);
    if (current === undefined) report.added.counters += 1;
    else if (row.last > current) report.updated.counters += 1;
    else {
      report.kept.counters += 1;
      continue;
    }
    put.push(row);
  }
  await database.counters.bulkPut(put);
  step.end();
}

/**
 * The desk-local sharing state cleared (a replace names new rows). Only the tables that hold rows: on a desk that has
 * had a million rows removed, `clear()` of the EMPTY outbox took 45 s in Chromium 156 (counting it 3 s; measured on
 * the 100,000-case bench profile at load 5), the progress standing still meanwhile at the start of every replace.
 */
async function clearSharingState(database: RedressDatabase): Promise<void> {
  for (const table of SHARING_STATE_TABLES)
    if ((await database.table(table).count()) > 0) await database.table(table).clear();
}

async function replace(
  database: RedressDatabase,
  content: BackupContent,
  report: RestoreReport,
  progress: Progress,
  here: Record<(typeof REPLACED_TABLES)[number], number>,
): Promise<void> {
  await clearSharingState(database);
  for (const table of REPLACED_TABLES) {
    report.removed[table] = here[table];
    await removeAll(database, table, here[table], progress);
    const rows = content[table] as Row[];
    const step = progress.step('writing', rows.length, table, rows.length);
    if (table === 'events') {
      const filler = new TimelineFiller(database, chunkOf(table));
      await inChunks(content.events, chunkOf(table), step, (chunk) => filler.add(chunk));
      await filler.end();
    } else await inChunks(rows, chunkOf(table), step, (chunk) => database.table(table).bulkAdd(chunk));
    if (table === 'attachments') progress.savingFiles(content.attachments as AttachmentDbRow[]);
    report.added[table] = rows.length;
  }
  await replaceDesk(database, content, report, progress);
  await indexFromContent(database, content, progress);
}

/**
 * The small tables of a replace: the desk's settings and providers, the procedures installed as the rules' (before any
 * case is indexed), the counters, meta and audit trail.
 */
async function replaceDesk(
  database: RedressDatabase,
  content: BackupContent,
  report: RestoreReport,
  progress: Progress,
): Promise<void> {
  // The file's settings, if it has any; a file without them keeps this desk's.
  // Its providers with them: rows of their own (a file from before version 9 holds them inside its settings).
  const settings = progress.step('writing', content.settings.length, 'settings', content.settings.length);
  if (content.settings.length) {
    await database.settings.clear();
    await database.providers.clear();
    await writeDesk(database, { ...content.settings[0].value, providers: fileProviders(content) });
    report.updated.settings = content.settings.length;
    report.added.providers = fileProviders(content).length;
  }
  settings.end();
  progress.step('writing', content.providers.length, 'providers', content.providers.length).end();
  // The file's procedures are the rules' before its cases are indexed.
  installRows(content.procedures as ProcedureRow[]);
  await mergeCounters(database, content.counters, report, progress);
  // This install's own facts stay; the rest of meta is the file's.
  const fromFile = fileMeta(content);
  const meta = progress.step('writing', fromFile.length, 'meta', fromFile.length);
  const metaHere = await database.meta.toArray();
  const local = metaHere.filter((m) => LOCAL_META_KEYS.has(m.key));
  report.removed.meta = metaHere.length - local.length;
  await database.meta.clear();
  await database.meta.bulkAdd([...fromFile, ...local] as MetaRow[]);
  report.added.meta = fromFile.length;
  meta.end();
  await addMissing(database, 'audit', content.audit as Row[], report, progress);
}

interface StreamedRows {
  /** The rows member of the checked file (its SHA-256 compared again). */
  bytes: Uint8Array;
  counts: Record<BackupTable, number>;
  /** Every table but the streamed ones (cases, events, letters), which are read from `bytes`. */
  content: BackupContent;
}

/** plannedWork of a replace whose cases, timelines and letters are read from the file as they are written. */
function streamedWork(counts: Record<BackupTable, number>, content: BackupContent): number {
  return plannedWork(content, 'replace') + counts.cases * 2 + counts.events + counts.letters;
}

/**
 * A replace (or into-empty) that reads the file's cases, timelines and letters again as it writes them, a content
 * line (at most CHUNK_ROWS rows) per request, so they are never all in memory: what is here is removed, the small
 * tables written, then each line's rows added as the file gives them, and each case indexed as soon as its timeline
 * has passed (StreamIndex). Returns the ids of the file's cases that arrive anonymised.
 */
async function replaceStreamed(
  database: RedressDatabase,
  file: StreamedRows,
  report: RestoreReport,
  progress: Progress,
  here: Here,
): Promise<string[]> {
  const { content, counts } = file;
  await clearSharingState(database);
  for (const table of REPLACED_TABLES) {
    report.removed[table] = here[table];
    await removeAll(database, table, here[table], progress);
  }
  for (const table of REPLACED_TABLES) {
    if (STREAMED_TABLES.has(table)) continue;
    const rows = content[table] as Row[];
    const step = progress.step('writing', rows.length, table, rows.length);
    await inChunks(rows, chunkOf(table), step, (chunk) => database.table(table).bulkAdd(chunk));
    if (table === 'attachments') progress.savingFiles(content.attachments as AttachmentDbRow[]);
    report.added[table] = rows.length;
  }
  await replaceDesk(database, content, report, progress);
  // The case index and report rows went with the cases (removeAll): nothing to clear before indexing.
  const index = new StreamIndex(database, file.bytes);
  const filler = new TimelineFiller(database, chunkOf('events'));
  const anonymised: string[] = [];
  const cursor = new RowsCursor(file.bytes);
  let step: Step | null = null;
  let stepTable: BackupTable | null = null;
  for (let chunk = cursor.next(); chunk; chunk = cursor.next()) {
    const { table } = chunk;
    if (!STREAMED_TABLES.has(table)) continue;
    if (table !== stepTable) {
      step?.end();
      step = progress.step('writing', counts[table], table, counts[table]);
      stepTable = table;
    }
    const rows = chunk.rows as Row[];
    // Awaited before the next line is parsed: writing one line while parsing the next (two chains of awaits in the
    // one transaction) lost Dexie's transaction zone in Chromium, so later writes went to transactions of their own
    // and the restore's committed early ("Transaction committed too early"; measured in docs/performance.md).
    if (table === 'events') {
      await filler.add(rows as unknown as TimelineEvent[]);
      step!.advance(rows.length);
    } else await addLine(database.table(table), rows, chunkOf(table), step!);
    report.added[table] += rows.length;
    if (table === 'cases') for (const c of rows as unknown as CaseRecord[]) if (c.anonymisedOn) anonymised.push(c.id);
    if (table === 'events') await index.add(rows as unknown as TimelineEvent[]);
  }
  await filler.end();
  step?.end();
  if (await index.end(counts.cases)) progress.step('indexing', counts.cases, 'cases', counts.cases).end();
  else await rebuildIndex(database, counts.cases, progress);
  return anonymised;
}

/** One content line's rows added, `size` a request, the step advanced after each. */
async function addLine(store: Table<Row, string>, rows: Row[], size: number, step: Step): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    const part = rows.length > size ? rows.slice(i, i + size) : rows;
    await store.bulkAdd(part);
    step.advance(part.length);
  }
}

/**
 * The case index and report rows of a streamed replace, built while its timelines are written: the file's cases are
 * read a second time beside its timeline entries, both in case-id order (a backup made by this version writes each
 * case's entries together, in the order of the cases), so each case is indexed as soon as its last entry has passed,
 * holding one timeline at a time. A file in any other order (made by an older version, or by hand) stops it; `end`
 * then says false, and the index is built from the database instead (rebuildIndex).
 */
class StreamIndex {
  private readonly cases: RowsCursor;
  private pending: CaseRecord[] = [];
  private at = 0;
  private casesSeen = false;
  private casesDone = false;
  private lastId = '';
  /** The case whose entries come now (undefined before the first). */
  private current: CaseRecord | null | undefined = undefined;
  private events: TimelineEvent[] = [];
  private batch: Array<{ record: CaseRecord; events: TimelineEvent[] }> = [];
  private indexed = 0;
  private ordered = true;

  constructor(
    private readonly database: RedressDatabase,
    bytes: Uint8Array,
  ) {
    this.cases = new RowsCursor(bytes);
  }

  private nextCase(): CaseRecord | null {
    while (this.at >= this.pending.length) {
      if (this.casesDone) return null;
      const chunk = this.cases.next();
      if (!chunk || (chunk.table !== 'cases' && this.casesSeen)) {
        this.casesDone = true;
        return null;
      }
      if (chunk.table !== 'cases') continue;
      this.casesSeen = true;
      this.pending = chunk.rows as CaseRecord[];
      this.at = 0;
    }
    const record = this.pending[this.at++];
    if (record.id <= this.lastId) this.ordered = false;
    this.lastId = record.id;
    return record;
  }

  /** The current case's timeline is complete: queued for indexing. */
  private finish(): void {
    this.batch.push({ record: this.current!, events: this.events });
    this.events = [];
    this.indexed += 1;
  }

  /**
   * The queued cases' derived rows written (only the database is awaited here: an await of anything else inside the
   * restore's transaction would let IndexedDB commit it).
   */
  private flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    return putDerivedRows(this.database, batch);
  }

  private stop(): void {
    this.ordered = false;
    this.batch = [];
    this.events = [];
  }

  /** Timeline entries as the file gives them, after their cases were written. */
  async add(events: readonly TimelineEvent[]): Promise<void> {
    if (!this.ordered) return;
    if (this.current === undefined) this.current = this.nextCase();
    for (const e of events) {
      while (this.current && this.current.id < e.caseId) {
        this.finish();
        this.current = this.nextCase();
      }
      if (!this.current || this.current.id !== e.caseId || !this.ordered) return this.stop();
      this.events.push(e);
    }
    if (this.batch.length >= PROGRESS_EVERY_ROWS) await this.flush();
  }

  /** The cases after the last entry indexed; whether every one of the file's `cases` was indexed here, in order. */
  async end(cases: number): Promise<boolean> {
    if (!this.ordered) return false;
    if (this.current === undefined) this.current = this.nextCase();
    while (this.current) {
      this.finish();
      this.current = this.nextCase();
      if (this.batch.length >= PROGRESS_EVERY_ROWS) await this.flush();
    }
    if (!this.ordered) return false;
    if (this.batch.length) await this.flush();
    return this.indexed === cases;
  }
}

async function countRows<T extends BackupTable>(
  database: RedressDatabase,
  tables: readonly T[],
): Promise<Record<T, number>> {
  const counts = await Promise.all(tables.map((t) => countOf(database, t)));
  return Object.fromEntries(tables.map((t, i) => [t, counts[i]])) as Record<T, number>;
}

/** The rows derived from each case, keyed by its id: removed with the cases (removeAll), made again after. */
const DERIVED_TABLES = ['caseIndex', 'reportRows'] as const;

/**
 * Cases removed per request: each takes its case index row and report row with it, three rows with some twenty index
 * entries in all, so a chunk takes about as long as PROGRESS_EVERY_ROWS timeline entries.
 */
const CASES_REMOVED_PER_REQUEST = 500;

/**
 * Every row of `table` (holding `rows`) deleted. A large table goes in key ranges of a chunk each, so the progress
 * moves (one clear() of 772,025 timeline entries is many seconds without a word, and clear() is no quicker than key
 * ranges: measured in docs/performance.md); a small one in one clear(). The cases take their case index and report
 * rows with them, range by range (these were cleared afterwards in one step that said nothing: 10 s at 100,000 cases).
 * A derived row whose case is missing (a desk's index left behind) lies between two ranges of cases, or before the
 * first or after the last: those gaps are removed too, range by range, so the derived tables are empty when the cases
 * are. Their clear() after the removal took 2.4 s at 100,000 cases with the progress still (it walks over every row
 * just removed); a gap holds no case, so removing it walks over nothing removed here. For the same reason nothing is
 * read past the last range once it is removed: `rows` was counted in this transaction, so the loop stops there.
 */
async function removeAll(
  database: RedressDatabase,
  table: BackupTable,
  rows: number,
  progress: Progress,
): Promise<void> {
  const step = progress.step('removing', rows, table, rows);
  const store = database.table<Row, string>(storeOf(table));
  const derived = table === 'cases' ? DERIVED_TABLES.map((name) => database.table<Row, string>(name)) : [];
  // The timelines are counted in entries and removed a case's row at a time: the progress moves by their entries, and
  // a request removes about PROGRESS_EVERY_ROWS entries' worth of rows.
  const storeRows = table === 'events' ? await store.count() : rows;
  const perRow = storeRows ? rows / storeRows : 1;
  const chunk =
    table === 'cases' ? CASES_REMOVED_PER_REQUEST : Math.max(1, Math.floor(PROGRESS_EVERY_ROWS / Math.max(1, perRow)));
  if (storeRows > chunk) {
    // Derived rows after the last case (a desk's leftovers) go first, while the rows after them are still there:
    // once the cases' ranges are removed, a read past the last of them walks over every row just removed (IndexedDB
    // keeps them as tombstones for a while: 2 to 4 s at 100,000 cases).
    if (derived.length) {
      const last = (await store.orderBy(':id').lastKey()) as string | undefined;
      if (last !== undefined) for (const from of derived) await from.where(':id').above(last).delete();
    }
    let after: string | null = null;
    let removed = 0;
    // Until the rows counted in this transaction are gone: the read for one more chunk would walk over them all.
    while (removed < storeRows) {
      const keys: string[] = await (after === null ? store.orderBy(':id') : store.where(':id').above(after))
        .limit(chunk)
        .primaryKeys();
      if (keys.length === 0) break;
      for (const from of [store, ...derived])
        await from
          .where(':id')
          .between(keys[0], keys[keys.length - 1], true, true)
          .delete();
      // The derived rows between the last range and this one: no case lies there, so they are leftovers.
      for (const from of derived)
        await (
          after === null ? from.where(':id').below(keys[0]) : from.where(':id').between(after, keys[0], false, false)
        ).delete();
      // (A full request of timeline rows counts as PROGRESS_EVERY_ROWS entries, what it holds on average, so that
      // each is reported.)
      step.advance(
        table === 'events' && keys.length === chunk ? PROGRESS_EVERY_ROWS : Math.round(keys.length * perRow),
      );
      removed += keys.length;
      after = keys[keys.length - 1];
    }
  } else {
    await store.clear();
    for (const from of derived) await from.clear();
  }
  step.end();
}

/**
 * The case index of a desk that is exactly the file's cases and timelines (replace, into-empty), derived from the rows
 * already in memory: the same rows rebuildCaseIndex would make (deriveCaseIndex puts each timeline in THE order),
 * without reading a million timeline entries back out of IndexedDB.
 */
async function indexFromContent(database: RedressDatabase, content: BackupContent, progress: Progress): Promise<void> {
  const step = progress.step('indexing', content.cases.length, 'cases', content.cases.length);
  const byCase = new Map<string, TimelineEvent[]>();
  for (const e of content.events) {
    const list = byCase.get(e.caseId);
    if (list) list.push(e);
    else byCase.set(e.caseId, [e]);
  }
  // The case index and report rows went with the cases (removeAll): nothing to clear.
  let batch: Array<{ record: CaseRecord; events: TimelineEvent[] }> = [];
  for (const record of content.cases) {
    batch.push({ record, events: byCase.get(record.id) ?? [] });
    if (batch.length === PROGRESS_EVERY_ROWS) {
      await putDerivedRows(database, batch);
      step.advance(batch.length);
      batch = [];
    }
  }
  if (batch.length) await putDerivedRows(database, batch);
  step.end();
}

/**
 * The case index rebuilt from everything now in the database (a large merge), by rebuildCaseIndex (./schema.ts) with
 * its progress passed on. Its share of the total is `units`, half for reading the timelines and half for indexing.
 */
async function rebuildIndex(database: RedressDatabase, units: number, progress: Progress): Promise<void> {
  const [eventsHere, casesHere] = await Promise.all([countEntries(database), database.cases.count()]);
  const reading = progress.step('reading', Math.floor(units / 2), 'events', eventsHere);
  let indexing: Step | null = null;
  await rebuildCaseIndex(database, (phase, count) => {
    if (phase === 'reading') return reading.advance(count);
    if (!indexing) {
      reading.end();
      indexing = progress.step('indexing', units - Math.floor(units / 2), 'cases', casesHere);
    }
    indexing.advance(count);
  });
  if (!indexing) reading.end();
  (indexing as Step | null)?.end();
}

/** Add the rows whose id is not here yet, in chunks; count the others as kept. Returns the rows added. */
async function addMissing<T extends Row>(
  database: RedressDatabase,
  table: BackupTable,
  rows: T[],
  report: RestoreReport,
  progress: Progress,
  units = rows.length,
): Promise<T[]> {
  const key = keyOf(table);
  const added: T[] = [];
  const step = progress.step('writing', units, table, rows.length);
  await inChunks(rows, chunkOf(table), step, async (chunk) => {
    const existing = await database.table(table).bulkGet(chunk.map((r) => r[key] as string));
    const missing = chunk.filter((_, i) => existing[i] === undefined);
    await database.table(table).bulkAdd(missing);
    for (const row of missing) added.push(row);
  });
  report.added[table] += added.length;
  report.kept[table] += rows.length - added.length;
  return added;
}

/**
 * Whether a merge takes the file's copy of a case over the one here: its `updatedAt` is later, compared as instants,
 * not as text ("2026-11-21T10:00:00+01:00" is 09:00 UTC, before "2026-11-21T09:30:00.000Z"). A tie keeps this one.
 */
export function fileCopyIsNewer(
  incoming: Pick<CaseRecord, 'updatedAt'>,
  current: Pick<CaseRecord, 'updatedAt'>,
): boolean {
  return Date.parse(incoming.updatedAt) > Date.parse(current.updatedAt);
}

/** What a restore of these cases will anonymise again (read only, for the restore screen): see reapplyAnonymisation. */
export interface AnonymisationPreview {
  /** References of the file's cases that will be anonymised again right after the restore, by how it is restored. */
  merge: string[];
  replace: string[];
  /** References of the file's cases this desk anonymised that are open in the file: restored as they are. */
  open: string[];
}

/**
 * The file's cases this desk anonymised itself that the file holds closed and not anonymised: anonymised again after
 * a replace; after a merge only those whose copy in the file wins (or that are not here).
 */
export async function previewAnonymisation(
  database: RedressDatabase,
  cases: readonly CaseRecord[],
): Promise<AnonymisationPreview> {
  return database.transaction('r', [database.cases, database.audit, database.meta], async () => {
    const ids = await anonymisedHere(database);
    const mine = cases.filter((c) => ids.has(c.id));
    const here = await database.cases.bulkGet(mine.map((c) => c.id));
    const preview: AnonymisationPreview = { merge: [], replace: [], open: [] };
    mine.forEach((c, i) => {
      const decision = reapplyDecision(c);
      if (decision === 'open') preview.open.push(c.reference);
      if (decision !== 'anonymise') return;
      preview.replace.push(c.reference);
      const current = here[i];
      if (!current || fileCopyIsNewer(c, current)) preview.merge.push(c.reference);
    });
    return preview;
  });
}

async function merge(
  database: RedressDatabase,
  content: BackupContent,
  report: RestoreReport,
  progress: Progress,
): Promise<void> {
  // Cases: refuse a reference that belongs to a different case here, before anything is written.
  const cases = content.cases;
  const checking = progress.step('checking', cases.length, 'cases', cases.length);
  const here: (CaseRecord | undefined)[] = [];
  const idOfReference = new Map<string, string>();
  await inChunks(cases, PROGRESS_EVERY_ROWS, checking, async (chunk) => {
    const [found, sameReference] = await Promise.all([
      database.cases.bulkGet(chunk.map((c) => c.id)),
      database.cases
        .where('reference')
        .anyOf(chunk.map((c) => c.reference))
        .toArray(),
    ]);
    for (const c of found) here.push(c);
    for (const c of sameReference) idOfReference.set(c.reference, c.id);
  });
  const clashes = cases.filter((c) => idOfReference.has(c.reference) && idOfReference.get(c.reference) !== c.id);
  if (clashes.length) {
    const refs = clashes.map((c) => c.reference);
    throw new RestoreError(
      `Cannot merge: ${refs.length === 1 ? `reference ${refs[0]} belongs` : `${formatCount(refs.length)} references belong`} to a different case here than in the backup (${refs.slice(0, 5).join(', ')}${refs.length > 5 ? ', …' : ''}). A reference is never shared, so nothing was restored. The backup is most likely another desk's that uses the same prefix: "Replace" would delete this desk's own cases and keep only the backup's, so choose it only if this desk is to become a copy of that one.`,
      refs,
      sayBackup('merge-references', {
        listed: `${refs.slice(0, 5).join(', ')}${refs.length > 5 ? ', …' : ''}`,
        count: { number: refs.length },
      }),
    );
  }
  const affected = new Set<string>();
  const write: CaseRecord[] = [];
  cases.forEach((incoming, i) => {
    const current = here[i];
    if (!current) report.added.cases += 1;
    else if (fileCopyIsNewer(incoming, current)) report.updated.cases += 1;
    else {
      report.kept.cases += 1;
      return;
    }
    write.push(incoming);
    affected.add(incoming.id);
  });
  const writing = progress.step('writing', cases.length, 'cases', write.length);
  await inChunks(write, PROGRESS_EVERY_ROWS, writing, (chunk) => database.cases.bulkPut(chunk));

  const entries = progress.step('writing', content.events.length, 'events', content.events.length);
  const newEvents: TimelineEvent[] = [];
  await inChunks(content.events, chunkOf('events'), entries, async (chunk) => {
    newEvents.push(...(await addMissingEntries(database, chunk)));
  });
  report.added.events += newEvents.length;
  report.kept.events += content.events.length - newEvents.length;
  for (const e of newEvents) affected.add(e.caseId);
  await addMissing(database, 'letters', content.letters as unknown as Row[], report, progress);
  await mergeAttachments(database, content.attachments as AttachmentDbRow[], report, progress);
  await mergeCounters(database, content.counters, report, progress);
  if ((await database.settings.count()) === 0 && content.settings.length) {
    const step = progress.step('writing', content.settings.length, 'settings', content.settings.length);
    await writeDesk(database, { ...content.settings[0].value, providers: fileProviders(content) });
    report.added.settings = content.settings.length;
    step.end();
  } else {
    report.kept.settings = content.settings.length;
    progress.step('writing', content.settings.length, 'settings', 0);
  }
  // Providers and procedure versions this desk does not hold yet (one of the same id is kept as it is here).
  await addMissing(database, 'providers', content.providers as unknown as Row[], report, progress);
  await addMissing(database, 'procedures', content.procedures as unknown as Row[], report, progress);
  await installStoredProcedures(database);
  // People: one entry per name, so the desk's first-run person and the same person from the file are not both listed.
  const namesHere = new Set((await database.people.toArray()).map((p) => p.name.trim().toLowerCase()));
  const newPeople = content.people.filter((p) => !namesHere.has(p.name.trim().toLowerCase()));
  report.kept.people += content.people.length - newPeople.length;
  await addMissing(database, 'people', newPeople as unknown as Row[], report, progress, content.people.length);
  await addMissing(database, 'notified', content.notified as unknown as Row[], report, progress);
  await addMissing(database, 'audit', content.audit as unknown as Row[], report, progress);
  await addMissing(database, 'meta', fileMeta(content) as unknown as Row[], report, progress);

  // The case index for every case whose record or timeline changed. Many: one pass over everything is cheaper.
  if (affected.size > 2000) await rebuildIndex(database, cases.length, progress);
  else {
    const indexing = progress.step('indexing', cases.length, 'cases', affected.size);
    for (const caseId of affected) {
      await refreshCaseIndex(database, caseId);
      indexing.advance(1);
    }
    indexing.end();
  }
}
