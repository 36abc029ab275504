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
//   `updatedAt` (the current one on a tie); timelines, letters, people, reminders shown and the audit trail are
//   united by id (timeline events and letters never change once written, so the same id is the same row); the desk's
//   settings here are kept. Refused, with the references, when a case in the file has the reference of a DIFFERENT
//   case here: a reference a customer has been given is never changed or shared.
// In every mode: reference counters take the larger of the two (so a reference handed out here is never handed out
// again, even after restoring an older backup); the audit trail is never shortened (its rows are united, and the
// restore adds its own row); this install's own facts (when it last made a backup) are kept; the case index is
// rebuilt from the restored facts.
import type { Transaction } from 'dexie';
import {
  BACKUP_FILE_EXTENSION,
  BACKUP_TABLE_NAMES,
  type BackupContent,
  type BackupTable,
  decodeBackup,
  type DecodedBackup,
  encodeBackup,
} from '../../../shared/backup/format';
import type { CaseRecord, TimelineEvent } from '../../../shared/model/case';
import { localIsoDate } from '../../../shared/model/dates';
import { deriveCaseIndex, refreshCaseIndex } from './derive';
import { type Clock, sha256Hex, systemClock } from './repository';
import { type AuditRow, type CaseIndexRow, type MetaRow, rebuildCaseIndex, type RedressDatabase } from './schema';

/** Meta keys about this install, not about the data: never taken from a file, never replaced by a restore. */
export const LAST_BACKUP_KEY = 'backup.last';
const LOCAL_META_KEYS = new Set([LAST_BACKUP_KEY]);

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
  ) {
    super(message);
    this.name = 'RestoreError';
  }
}

const STORED_TABLES = [...BACKUP_TABLE_NAMES, 'caseIndex'] as const;

function tablesOf(database: RedressDatabase) {
  return STORED_TABLES.map((name) => database.table(name));
}

/** Every table's rows (not the derived case index), read in one transaction. */
export async function readAllTables(database: RedressDatabase): Promise<BackupContent> {
  return database.transaction('r', BACKUP_TABLE_NAMES.map((t) => database.table(t)), async () => {
    const entries = await Promise.all(BACKUP_TABLE_NAMES.map(async (t) => [t, await database.table(t).toArray()] as const));
    return Object.fromEntries(entries) as unknown as BackupContent;
  });
}

export interface MadeBackup {
  bytes: Uint8Array;
  fileName: string;
  madeAt: string;
  counts: Record<BackupTable, number>;
}

export const APP_NAME = 'Redress';

/** The backup file of the whole database, and the name to save it under. */
export async function makeBackup(database: RedressDatabase, options: { clock?: Clock; app?: string } = {}): Promise<MadeBackup> {
  const now = (options.clock ?? systemClock).now();
  await database.open();
  const content = await readAllTables(database);
  const deskPrefix = content.settings[0]?.value.deskPrefix;
  const madeAt = now.toISOString();
  const bytes = await encodeBackup(content, {
    madeAt,
    schemaVersion: database.verno,
    app: options.app ?? APP_NAME,
    deskPrefix,
    sha256: sha256Hex,
  });
  const counts = Object.fromEntries(BACKUP_TABLE_NAMES.map((t) => [t, content[t].length])) as Record<BackupTable, number>;
  return { bytes, fileName: backupFileName(deskPrefix, now), madeAt, counts };
}

/** e.g. redress-backup-RDR-2026-11-22.redress-backup (the local date). */
export function backupFileName(deskPrefix: string | undefined, at: Date): string {
  return `redress-backup-${deskPrefix ? `${deskPrefix}-` : ''}${localIsoDate(at)}${BACKUP_FILE_EXTENSION}`;
}

/** Remember when the last backup was made (shown on the "Your data" page). */
export async function recordBackupMade(database: RedressDatabase, last: LastBackup): Promise<void> {
  await database.meta.put({ key: LAST_BACKUP_KEY, value: last });
}

export async function lastBackup(database: RedressDatabase): Promise<LastBackup | null> {
  const row = await database.meta.get(LAST_BACKUP_KEY);
  return (row?.value as LastBackup | undefined) ?? null;
}

/** Read and check a backup file completely (see decodeBackup); throws BackupFileError with what is wrong and where. */
export async function readBackupFile(database: RedressDatabase, file: Uint8Array): Promise<DecodedBackup> {
  await database.open();
  return decodeBackup(file, { sha256: sha256Hex, currentSchemaVersion: database.verno });
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
}

const zeroCounts = () => Object.fromEntries(BACKUP_TABLE_NAMES.map((t) => [t, 0])) as Record<BackupTable, number>;

type Row = Record<string, unknown>;
const keyOf = (table: BackupTable): string => (table === 'counters' || table === 'settings' || table === 'meta' ? 'key' : 'id');

export interface RestoreOptions {
  mode: RestoreMode;
  /** Who restored it (the handler's name), for the audit trail. */
  by: string;
  clock?: Clock;
}

/** Restore a checked backup (from readBackupFile) in one transaction; all or nothing. */
export async function restoreBackup(database: RedressDatabase, backup: DecodedBackup, options: RestoreOptions): Promise<RestoreReport> {
  const at = (options.clock ?? systemClock).now().toISOString();
  const { content, header } = backup;
  return database.transaction('rw', tablesOf(database), async (tx) => {
    const report: RestoreReport = {
      mode: options.mode,
      added: zeroCounts(),
      updated: zeroCounts(),
      kept: zeroCounts(),
      removed: zeroCounts(),
      casesNow: 0,
    };
    if (options.mode === 'into-empty') {
      const [cases, events, letters] = await Promise.all([database.cases.count(), database.events.count(), database.letters.count()]);
      if (cases + events + letters > 0) {
        throw new RestoreError(
          `This desk is not empty: it holds ${cases} ${cases === 1 ? 'case' : 'cases'}. Choose "Merge" or "Replace" instead.`,
        );
      }
    }
    if (options.mode === 'merge') await merge(database, tx, content, report);
    else await replace(database, tx, content, report);

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
        backupSha256: backup.sha256,
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
    return `Merged a backup made ${made}: ${report.added.cases} cases added, ${report.updated.cases} updated from the backup, ${report.kept.cases} kept as they were; ${report.added.events} timeline entries and ${report.added.letters} letters added.`;
  }
  return `Restored a backup made ${made} (${report.mode === 'replace' ? 'replacing what was here' : 'into an empty desk'}): ${report.casesNow} cases, ${report.added.events} timeline entries, ${report.added.letters} letters.`;
}

/** Counters: the larger of the two for every key, so no reference is ever handed out twice. */
async function mergeCounters(database: RedressDatabase, rows: BackupContent['counters'], report: RestoreReport): Promise<void> {
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
}

async function replace(database: RedressDatabase, tx: Transaction, content: BackupContent, report: RestoreReport): Promise<void> {
  for (const table of ['cases', 'events', 'letters', 'people', 'notified'] as const) {
    report.removed[table] = await database.table(table).count();
    await database.table(table).clear();
    await database.table(table).bulkAdd(content[table] as Row[]);
    report.added[table] = content[table].length;
  }
  // The file's settings, if it has any; a file without them keeps this desk's.
  if (content.settings.length) {
    await database.settings.clear();
    await database.settings.bulkAdd(content.settings);
    report.updated.settings = content.settings.length;
  }
  await mergeCounters(database, content.counters, report);
  // This install's own facts stay; the rest of meta is the file's.
  const metaHere = await database.meta.toArray();
  const local = metaHere.filter((m) => LOCAL_META_KEYS.has(m.key));
  report.removed.meta = metaHere.length - local.length;
  await database.meta.clear();
  const fromFile = content.meta.filter((m) => !LOCAL_META_KEYS.has(m.key));
  await database.meta.bulkAdd([...fromFile, ...local] as MetaRow[]);
  report.added.meta = fromFile.length;
  await addMissing(database, 'audit', content.audit as Row[], report);
  await indexFromContent(database, content);
}

/**
 * The case index of a desk that is exactly the file's cases and timelines (replace, into-empty), derived from the rows
 * already in memory: the same rows rebuildCaseIndex would make (timelines in id order, as the database keeps them),
 * without reading a million timeline entries back out of IndexedDB.
 */
async function indexFromContent(database: RedressDatabase, content: BackupContent): Promise<void> {
  const byCase = new Map<string, TimelineEvent[]>();
  for (const e of content.events) {
    const list = byCase.get(e.caseId);
    if (list) list.push(e);
    else byCase.set(e.caseId, [e]);
  }
  const byId = (a: TimelineEvent, b: TimelineEvent) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  await database.caseIndex.clear();
  let batch: CaseIndexRow[] = [];
  for (const record of content.cases) {
    batch.push(deriveCaseIndex(record, (byCase.get(record.id) ?? []).sort(byId)));
    if (batch.length === 5000) {
      await database.caseIndex.bulkPut(batch);
      batch = [];
    }
  }
  if (batch.length) await database.caseIndex.bulkPut(batch);
}

/** Add the rows whose id is not here yet; count the others as kept. Returns the rows added. */
async function addMissing<T extends Row>(database: RedressDatabase, table: BackupTable, rows: T[], report: RestoreReport): Promise<T[]> {
  const key = keyOf(table);
  const existing = await database.table(table).bulkGet(rows.map((r) => r[key] as string));
  const missing = rows.filter((_, i) => existing[i] === undefined);
  await database.table(table).bulkAdd(missing);
  report.added[table] += missing.length;
  report.kept[table] += rows.length - missing.length;
  return missing;
}

async function merge(database: RedressDatabase, tx: Transaction, content: BackupContent, report: RestoreReport): Promise<void> {
  // Cases: refuse a reference that belongs to a different case here, before anything is written.
  const here = await database.cases.bulkGet(content.cases.map((c) => c.id));
  const sameReference = await database.cases.where('reference').anyOf(content.cases.map((c) => c.reference)).toArray();
  const idOfReference = new Map(sameReference.map((c) => [c.reference, c.id]));
  const clashes = content.cases.filter((c) => idOfReference.has(c.reference) && idOfReference.get(c.reference) !== c.id);
  if (clashes.length) {
    const refs = clashes.map((c) => c.reference);
    throw new RestoreError(
      `Cannot merge: ${refs.length === 1 ? `reference ${refs[0]} belongs` : `${refs.length} references belong`} to a different case here than in the backup (${refs.slice(0, 5).join(', ')}${refs.length > 5 ? ', …' : ''}). A reference is never shared, so nothing was restored. Use "Replace" to make this desk the backup's copy.`,
      refs,
    );
  }
  const affected = new Set<string>();
  const write: CaseRecord[] = [];
  content.cases.forEach((incoming, i) => {
    const current = here[i];
    if (!current) report.added.cases += 1;
    else if (incoming.updatedAt > current.updatedAt) report.updated.cases += 1;
    else {
      report.kept.cases += 1;
      return;
    }
    write.push(incoming);
    affected.add(incoming.id);
  });
  await database.cases.bulkPut(write);

  const newEvents = await addMissing(database, 'events', content.events as unknown as Row[], report);
  for (const e of newEvents) affected.add(e.caseId as string);
  await addMissing(database, 'letters', content.letters as unknown as Row[], report);
  await mergeCounters(database, content.counters, report);
  if ((await database.settings.count()) === 0) await addMissing(database, 'settings', content.settings as unknown as Row[], report);
  else report.kept.settings = content.settings.length;
  // People: one entry per name, so the desk's first-run person and the same person from the file are not both listed.
  const namesHere = new Set((await database.people.toArray()).map((p) => p.name.trim().toLowerCase()));
  const newPeople = content.people.filter((p) => !namesHere.has(p.name.trim().toLowerCase()));
  report.kept.people += content.people.length - newPeople.length;
  await addMissing(database, 'people', newPeople as unknown as Row[], report);
  await addMissing(database, 'notified', content.notified as unknown as Row[], report);
  await addMissing(database, 'audit', content.audit as unknown as Row[], report);
  await addMissing(database, 'meta', content.meta.filter((m) => !LOCAL_META_KEYS.has(m.key)) as unknown as Row[], report);

  // The case index for every case whose record or timeline changed. Many: one pass over everything is cheaper.
  if (affected.size > 2000) await rebuildCaseIndex(tx);
  else for (const caseId of affected) await refreshCaseIndex(database, caseId);
}
