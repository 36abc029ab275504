// The one Dexie database module. Every released schema version stays listed here, in order; data changes are
// `.upgrade()` steps on a new version, never edits to a released one.
import Dexie, {
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreTable,
  type EntityTable,
  type Transaction,
} from 'dexie';
import { assertStorable, STORED_ROWS, StoredRowError, type StoredTable } from '#shared/model/stored';
import type {
  CalendarId,
  CaseRecord,
  CaseStatus,
  Category,
  Channel,
  DeskSettings,
  TimelineEvent,
} from '#shared/model/case';
import type { IssuedLetter } from '#shared/model/letter';
import type { MainMessage } from '#shared/ipc/messages';
import type { AttachmentRow } from '#shared/model/attachment';
import type { ReportBasis } from '#shared/reports/index';
import { isIsoDate } from '#shared/model/dates';
import { RecordRefusal } from '#shared/model/refusals';
import { caseProviderId, FIRST_PROVIDER_ID, withProviders, type Provider } from '#shared/model/provider';
import type { Procedure } from '#shared/rules/procedure';
import { acknowledgedFlag, deriveCaseIndex, deriveReportRow } from './case-index/derive';
import { isOpenWithNothingDue, markOpenNothingDue } from './case-index/due';
import { installRows, installStoredProcedures } from './desk';
import { outboxMiddleware, type ConflictRow, type OutboxRow, type SyncRevRow } from './outbox';
import { packsMiddleware, type PackRow } from './packs';
import { TIMELINE_STORE, TIMELINE_TABLE, timelineRow, type TimelineRow } from './timeline';

/** The index versions 1–14 read a case's timeline entries by, each case's together in the order they were recorded. */
const EVENTS_TIMELINE_INDEX = '[caseId+at]';

export interface CounterRow {
  /** `${prefix}-${year}` */
  key: string;
  /** The last sequence number handed out. Only ever goes up. */
  last: number;
}

export interface SettingsRow {
  key: 'desk';
  /** From version 9 without `providers`: they are rows of their own (`providers`); ./desk.ts puts them together. */
  value: DeskSettings;
}

/** A provider (brand) of the desk (issue #16; shared/model/provider.ts). No customer data. */
export type ProviderRow = Provider;

/** One version of a procedure the desk made (a copy of a built-in one, or imported), `key` `<id>@<version>`. */
export interface ProcedureRow {
  key: string;
  id: string;
  version: number;
  /** When this version was saved (ISO timestamp). */
  savedAt: string;
  procedure: Procedure;
  /**
   * The day the desk retired the procedure, on every version's row (./repositories/procedures.ts `retireProcedure`);
   * absent: not retired. The procedure is retired while any of its rows says so (./desk.ts `retiredProcedureIds`).
   */
  retiredOn?: string;
}

/** An issued letter: its exact bytes are kept so it downloads identical later. */
export type LetterRow = IssuedLetter;

/** A file kept on a case (shared/model/attachment.ts), its bytes a Blob (./repositories/attachments.ts writes them). */
export type AttachmentDbRow = AttachmentRow<Blob>;

/**
 * One row per case: a DERIVED copy of the case, its timeline and the rules engine's clocks, kept only so the
 * dashboard, the case list and search can use IndexedDB indexes instead of evaluating 100,000 cases. Never the
 * truth: `refreshCaseIndex` (./derive.ts) rebuilds a row from the facts inside every write transaction, and a
 * schema upgrade can always rebuild the whole table.
 *
 * Dates are due dates that do not depend on "today" (see `deriveCaseIndex`); whether a date is overdue is decided
 * by the reader, who knows today. Null dates are left out of their index by IndexedDB, so a range query on
 * `nextDueOn` only ever finds cases that have something due.
 */
export interface CaseIndexRow {
  caseId: string;
  reference: string;
  customerName: string;
  representativeName?: string;
  /** From the timeline (the rules engine): `open`, `resolved` or `closed`; the record's own status if the rules cannot evaluate the case. */
  status: CaseStatus | 'resolved';
  /** Current stage id and its name, from the timeline. */
  stage: string;
  stageName: string;
  /** The handler; '' when nobody is assigned (so the row stays in the `assignee` index). */
  assignee: string;
  procedureId: string;
  /** The case's provider (issue #16; `caseProviderId`): the dashboard's provider filter. */
  providerId: string;
  category: Category;
  channel: Channel;
  calendar: CalendarId;
  receivedOn: string;
  /** Lowercased text searched as you type: reference, names, phone digits, email, postcodes without spaces, account, summary. */
  search: string;
  /** Earliest due date among the case's pending clocks (something the desk still has to do), or null. */
  nextDueOn: string | null;
  nextClockId: string | null;
  nextClockLabel: string | null;
  /** 1 once the timeline shows the complaint acknowledged (or answered, resolved, deadlocked or closed). */
  acknowledged: 0 | 1;
  /** The pending ADR letter's due date (regulation), or null. */
  adrLetterDueOn: string | null;
  /** The last day of the customer's ADR referral window while it runs, or null. */
  adrReferralEndsOn: string | null;
  /** The day the current pause began while the case is paused (its provider clocks are stopped), or null. */
  pausedSince: string | null;
  /** Set when the rules engine could not evaluate the case (bad facts); the message says why. */
  rulesError?: string;
  /** The case's `updatedAt`. */
  updatedAt: string;
  /**
   * While the case is open with nothing due (./case-index/due.ts `markOpenNothingDue`): its `updatedAt`. Absent
   * otherwise, so that its index holds only those cases: the dashboard's "Open, nothing due" (a reopened complaint).
   */
  openNothingDue?: string;
}

/**
 * One row per case for the Reports page: a DERIVED summary of the case, its timeline and the rules engine
 * (shared/reports `reportBasis`), from which the case's report summary on any later day follows (`summaryOn`), so
 * Reports read 100,000 of these instead of 772,000 timeline entries and evaluate nothing. Written with the case index,
 * in the same write transactions (`refreshCaseIndex`, ./case-index/derive.ts); never the truth, rebuilt by
 * `rebuildCaseIndex`. No personal data beyond the handler's name (the reports read none).
 */
export interface ReportRow extends ReportBasis {
  caseId: string;
}

/** A member of the desk's staff, for the "who is working" picker. No passwords (yet). */
export interface PersonRow {
  id: string;
  name: string;
  active: boolean;
}

/**
 * An audit entry: something done to the data as a whole (erasure, anonymisation, restore, import) that must be
 * provable later. Holds NO personal data: ids, counts and kinds only.
 */
export interface AuditRow {
  id: string;
  /** When it was done (ISO timestamp). */
  at: string;
  /** What was done, e.g. 'erasure', 'retention-run', 'restore', 'import'. */
  kind: string;
  /** Who did it (the handler's name from the desk, never a customer's). */
  by: string;
  /** Plain-words summary without personal data, e.g. "3 cases anonymised". */
  summary: string;
  /** Machine-readable detail without personal data (case ids, counts, the legal basis for what was kept). */
  detail?: Record<string, unknown>;
}

/** Small app-wide facts that are not the desk's settings: last backup date, last retention run, etc. */
export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * A reminder notification shown, so it is never shown twice. `id` names what was notified. A row with `sending` or
 * `failed` is not shown yet: a window is showing it now, or the last attempt was refused (tried again at the next
 * check, and listed on the dashboard).
 */
export interface NotifiedRow {
  id: string;
  /** When it was shown, or for a row not shown yet, when it was last tried (ISO timestamp). */
  at: string;
  /** A window has claimed it and is showing it now (a claim older than a few minutes is abandoned). */
  sending?: true;
  /**
   * The last attempt was refused: the notification's title, the reason (in English, and as a code when the shell or
   * the browser gave one, p8e), how many attempts and since when.
   */
  failed?: { title: string; reason: string; said?: MainMessage; attempts: number; since: string };
}

export const DB_NAME = 'redress';

/** The newest schema version below: what a desk's database is after it opens (migration tests check it). */
export const DB_VERSION = 20;

export class RedressDatabase extends Dexie {
  cases!: EntityTable<CaseRecord, 'id'>;
  timelines!: EntityTable<TimelineRow, 'caseId'>;
  counters!: EntityTable<CounterRow, 'key'>;
  settings!: EntityTable<SettingsRow, 'key'>;
  letters!: EntityTable<LetterRow, 'id'>;
  attachments!: EntityTable<AttachmentDbRow, 'id'>;
  caseIndex!: EntityTable<CaseIndexRow, 'caseId'>;
  reportRows!: EntityTable<ReportRow, 'caseId'>;
  people!: EntityTable<PersonRow, 'id'>;
  notified!: EntityTable<NotifiedRow, 'id'>;
  audit!: EntityTable<AuditRow, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  outbox!: EntityTable<OutboxRow, 'ref'>;
  syncRevs!: EntityTable<SyncRevRow, 'ref'>;
  conflicts!: EntityTable<ConflictRow, 'caseId'>;
  providers!: EntityTable<ProviderRow, 'id'>;
  procedures!: EntityTable<ProcedureRow, 'key'>;
  /** The case index and the report rows packed a block at a time, for reading every row at once (./packs.ts). */
  packs!: EntityTable<PackRow, 'id'>;
  /**
   * The desk shares its cases with a team (set by renderer/src/sync when it starts or joins): every write to a shared
   * table then also leaves an outbox row in the same transaction (./outbox.ts). Off: the desk works as a lone desk.
   */
  sharing = false;
  /**
   * Every write is refused (RecordRefusal 'desk-held'): a window, or this one, is restoring a backup into a new copy
   * of the database (./backup/client.ts), and a change made here meanwhile would be left behind in the old one.
   */
  held = false;
  /**
   * A new reference waits for this (./repositories/cases.ts): a team desk's counters being read from the team's
   * server as sharing starts (renderer/src/sync), so a desk set up again or restored from an older backup never hands
   * out a reference the team has used. Bounded there; settled at once on a lone desk.
   */
  numbering: Promise<void> = Promise.resolve();

  /** `options` names another IndexedDB (a storage bucket's, see ./storage.ts; fake-indexeddb in tests). */
  constructor(name = DB_NAME, options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    // 'strict': Chromium flushes each committed transaction to disk, so a write the desk saw confirmed survives an OS
    // crash or power cut too, not only a crash of the page. Desk writes are few and small; the cost is not felt.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    // Version 1 (first release).
    this.version(1).stores({
      cases: 'id, &reference, receivedOn, status, updatedAt',
      events: 'id, caseId, [caseId+at]',
      counters: 'key',
      settings: 'key',
      letters: 'id, caseId',
    });
    // Version 2 (issue #4): the derived case index for the dashboard, list and search; the desk's people; the
    // reminders already shown.
    this.version(2)
      .stores({
        caseIndex:
          'caseId, reference, status, assignee, procedureId, receivedOn, nextDueOn, adrLetterDueOn, adrReferralEndsOn, ' +
          '[status+nextDueOn], [status+acknowledged], [status+adrLetterDueOn], [assignee+status]',
        people: 'id, name',
        notified: 'id, at',
      })
      .upgrade(async (tx) => {
        await rebuildCaseIndex(tx, undefined, { reports: false });
        await seedPeople(tx);
      });
    // Version 3 (issues #6, #7): the audit trail (no personal data) and app-wide facts (last backup, last retention run).
    this.version(3).stores({
      audit: 'id, at, kind',
      meta: 'key',
    });
    // Version 4 (issue #15): the case index's search text is folded (shared/model/search-text.ts: "Francoise" finds
    // Françoise, "obrien" O'Brien), so every row written before is rebuilt. No store changes.
    this.version(4)
      .stores({})
      .upgrade((tx) => rebuildCaseIndex(tx, undefined, { reports: false }));
    // Version 5 (issue #14): sharing with a team. The outbox of changes not yet handed to the bridge, the revision
    // each mutable row was last in step with, and the fields changed at two desks. Empty on a lone desk.
    this.version(5).stores({
      outbox: 'ref',
      syncRevs: 'ref',
      conflicts: 'caseId',
    });
    // Version 6 (issue #19): one report row per case (`ReportRow`), so Reports open without reading every timeline.
    // The rows are built here from the cases and timelines, with the index.
    this.version(6)
      .stores({ reportRows: 'caseId' })
      .upgrade((tx) => rebuildCaseIndex(tx));
    // Version 7 (issue #16): providers. The desk's settings get their first provider, made from the letterhead,
    // procedure, calendar and ADR scheme they held, and every case records that it belongs to it. No store changes.
    this.version(7)
      .stores({})
      .upgrade((tx) => addFirstProvider(tx));
    // Version 8 (issue #18): the files kept on cases, their bytes as Blobs. A new, empty store.
    this.version(8).stores({ attachments: 'id, caseId' });
    // Version 9 (issue #16): providers and the desk's own procedures (every version) as rows of their own, so they are
    // shared, backed up and restored like the rest. The providers move out of the desk's settings.
    this.version(9)
      .stores({ providers: 'id', procedures: 'key, id' })
      .upgrade((tx) => moveProvidersOut(tx));
    // The desk's procedures are the rules' before anything reads a case (./desk.ts).
    this.on('ready', (database) => installStoredProcedures(database as RedressDatabase));
    // Version 12 (issue #16): the case index names each case's provider, for the dashboard's provider filter. Only
    // that field is added to each row (from its case); nothing else is derived again. (10 and 11 are reserved.)
    this.version(12)
      .stores({})
      .upgrade((tx) => indexProviders(tx));
    // Version 13 (issue #19): the case index and the report rows also packed a block at a time (./packs.ts), so the
    // case list and Reports read a few hundred strings instead of 100,000 rows. Empty until first packed.
    this.version(13).stores({ packs: 'id' });
    // Version 14 (issues #14, #19): the indexes nothing reads are dropped. Every row written also writes one IndexedDB
    // entry per index, and on a first download or a restore of 100,000 cases that is most of the work. Gone: the entries'
    // `caseId` (772,000 entries at 100,000 cases: every timeline is read by `[caseId+at]`, ./timeline.ts), the cases'
    // `status` and `updatedAt`, and the case index's `status`, `assignee`, `nextDueOn` and `adrLetterDueOn` (read by
    // their compound indexes, ./case-index/queries.ts). No data changes, except an entry stored without a valid `at`
    // (none should be), which gets one so that it stays on its timeline.
    this.version(14)
      .stores({
        cases: 'id, &reference, receivedOn',
        events: `id, ${EVENTS_TIMELINE_INDEX}`,
        caseIndex:
          'caseId, reference, procedureId, receivedOn, adrReferralEndsOn, ' +
          '[status+nextDueOn], [status+acknowledged], [status+adrLetterDueOn], [assignee+status]',
      })
      .upgrade((tx) => timeEveryEntry(tx));
    // Version 15 (issue #19): a case's whole timeline is one row (./timeline.ts `TimelineRow`): 772,000 entries of
    // 100,000 cases were as many rows to write on a restore or a first download, now 100,000. The entries move case by
    // case; an outbox row naming an entry gains the entry's case, through which the bridge now finds it.
    this.version(15)
      .stores({ timelines: TIMELINE_STORE, events: null })
      .upgrade((tx) => entriesIntoTimelines(tx));
    // Version 16: the case index's `acknowledged` reads the timeline as it counts, so a voided acknowledgement no
    // longer counts (./case-index/derive.ts `acknowledgedFlag`). No store changes; the open cases marked acknowledged
    // are read again from their timelines.
    this.version(16)
      .stores({})
      .upgrade((tx) => acknowledgedAsItCounts(tx));
    // Version 17: the CCTS report-back is met only by the report sent to the CCTS, no longer by a reply, a resolution
    // or a closure (shared/rules/README.md, "CCTS report-back"). No store changes; the index rows of the cases the
    // CCTS referred are derived again, so a report not recorded is due (or overdue) on the dashboard.
    this.version(17)
      .stores({})
      .upgrade((tx) => cctsReportAsItCounts(tx));
    // Version 18: the dashboard lists the open cases with nothing due (a reopened complaint whose clocks are met was on
    // no list). IndexedDB leaves a row whose `nextDueOn` is null out of `[status+nextDueOn]`, so those cases are marked
    // (`openNothingDue`) and indexed by the mark alone: the list is read from its own index, as the other lists are.
    // Only the open rows are read; the mark follows from each row's own fields, so nothing is derived again.
    this.version(18)
      .stores({
        caseIndex:
          'caseId, reference, procedureId, receivedOn, adrReferralEndsOn, openNothingDue, ' +
          '[status+nextDueOn], [status+acknowledged], [status+adrLetterDueOn], [assignee+status]',
      })
      .upgrade((tx) => markOpenCasesWithNothingDue(tx));
    // Version 19: a resolution taken back by a reopening still was the reply that met the provider's own targets
    // (shared/rules/README.md, "Voided entries and reopening"; explore40-manager #1: the case page and Reports counted
    // them missed once the customer came back). No store changes; the reopened cases' rows are derived again.
    this.version(19)
      .stores({})
      .upgrade((tx) => reopenedAsItCounts(tx));
    // Version 20: an ADR letter whose date fell while the complaint stood resolved is owed from the reopening, not
    // missed from that date (explore41-clocks #3: "26 days overdue", and a missed letter in Reports). No store changes;
    // the reopened cases' rows are derived again, as for version 19.
    this.version(20)
      .stores({})
      .upgrade((tx) => reopenedAsItCounts(tx));
    this.use({ stack: 'dbcore', name: 'stored-rows', create: checkStoredRows });
    this.use({ stack: 'dbcore', name: 'held', create: (down) => refuseWhileHeld(down, () => this.held) });
    this.use(packsMiddleware());
    this.use(outboxMiddleware(() => this.sharing));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Every row written is checked, at the moment it is written, with the schema the backup check uses
// (shared/model/stored.ts): whatever path writes it (intake, actions, import, settings, people, restore), a value
// the restore would refuse is never saved. One place for all of them: a Dexie middleware under every table.

/** Transactions of a restore, whose rows the backup check has just checked with these same schemas (and the
 * version-14 upgrade's, `timeEveryEntry`, when it mends an entry stored before the checks). */
const restoring = new WeakSet<object>();

/**
 * A restore's transaction: its rows come from decodeBackup, which checked every one with these same schemas (and
 * listed those over a limit, which a restore keeps as they are), so they are not checked twice (at 100,000 cases
 * that would add some 20 seconds).
 */
export function writingCheckedBackup(tx: Transaction): void {
  restoring.add(tx.idbtrans);
}

/** No write while the database is held (RedressDatabase.held): refused before anything is written, saying why. */
function refuseWhileHeld(down: DBCore, held: () => boolean): DBCore {
  return {
    ...down,
    table(name: string): DBCoreTable {
      const table = down.table(name);
      return {
        ...table,
        mutate: (req: DBCoreMutateRequest) =>
          held() ? Promise.reject(new RecordRefusal('desk-held')) : table.mutate(req),
      };
    },
  };
}

function checkStoredRows(down: DBCore): DBCore {
  return {
    ...down,
    table(name: string): DBCoreTable {
      const table = down.table(name);
      if (name === TIMELINE_TABLE) return checkTimelineRows(table);
      if (!Object.hasOwn(STORED_ROWS, name)) return table;
      const stored = name as StoredTable;
      return {
        ...table,
        async mutate(req: DBCoreMutateRequest) {
          if ((req.type === 'add' || req.type === 'put') && !restoring.has(req.trans as unknown as object)) {
            const failing: number[] = [];
            req.values.forEach((value, i) => {
              try {
                assertStorable(stored, value);
              } catch (error) {
                if (req.type === 'add') throw error;
                failing.push(i);
              }
            });
            if (failing.length) {
              // An update of a row stored before a limit existed: what it already held over the limit may stay.
              const keys = failing.map((i) => req.keys?.[i] ?? table.schema.primaryKey.extractKey!(req.values[i]));
              const before = await table.getMany({ trans: req.trans, keys });
              failing.forEach((i, n) => assertStorable(stored, req.values[i], before[n]));
            }
          }
          return table.mutate(req);
        },
      };
    },
  };
}

/**
 * A timeline row is checked entry by entry, each as a timeline entry is (shared/model/stored.ts `events`), and must hold
 * its own case's entries, each id once. An entry already stored over a limit that came in later may stay as it is.
 */
function checkTimelineRows(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    async mutate(req: DBCoreMutateRequest) {
      if ((req.type === 'add' || req.type === 'put') && !restoring.has(req.trans as unknown as object)) {
        const rows = req.values as TimelineRow[];
        const failing: Array<{ row: number; entry: TimelineEvent }> = [];
        rows.forEach((row, i) => {
          const ids = new Set<string>();
          for (const entry of row.entries) {
            if (entry.caseId !== row.caseId)
              throw new StoredRowError('events', [
                `${entry.id}: an entry of case ${entry.caseId} on the timeline of ${row.caseId}`,
              ]);
            if (ids.has(entry.id)) throw new StoredRowError('events', [`${entry.id}: on its timeline twice`]);
            ids.add(entry.id);
            try {
              assertStorable('events', entry);
            } catch (error) {
              if (req.type === 'add') throw error;
              failing.push({ row: i, entry });
            }
          }
          if (row.entryCount !== row.entries.length)
            throw new StoredRowError('events', [
              `the timeline of ${row.caseId} counts ${row.entryCount} entries and holds ${row.entries.length}`,
            ]);
        });
        if (failing.length) {
          const keys = [...new Set(failing.map((f) => rows[f.row].caseId))];
          const before = await table.getMany({ trans: req.trans, keys });
          const held = new Map<string, TimelineEvent>();
          for (const row of before as Array<TimelineRow | undefined>)
            for (const e of row?.entries ?? []) held.set(e.id, e);
          for (const { entry } of failing) assertStorable('events', entry, held.get(entry.id));
        }
      }
      return table.mutate(req);
    },
  };
}

/** Cases indexed per write while rebuilding the index. */
const REBUILD_CHUNK = 2000;

/**
 * Rebuild every case's index row and report row from the cases and their timelines (an upgrade step; a large merge;
 * repair). In a schema upgrade pass the upgrade's transaction; elsewhere the database inside a transaction over cases,
 * events, caseIndex and reportRows. `onProgress` hears of every timeline entry read, then (from 0) of the cases
 * indexed, a chunk at a time. `reports: false` leaves the report rows alone (upgrade steps from before they existed).
 */
export async function rebuildCaseIndex(
  source: Transaction | Dexie,
  onProgress?: (phase: 'reading' | 'indexing', count: number) => void,
  { reports = true }: { reports?: boolean } = {},
): Promise<void> {
  const table = <T>(name: string) => (source as Transaction).table<T, string>(name);
  const cases = table<CaseRecord>('cases');
  const index = table<CaseIndexRow>('caseIndex');
  const reportRows = reports ? table<ReportRow>('reportRows') : null;
  const byCase = new Map<string, TimelineEvent[]>();
  // The upgrades before version 15 meet the entries as rows of `events`; from it, each timeline is a row.
  if (source instanceof Dexie || source.idbtrans.objectStoreNames.contains(TIMELINE_TABLE)) {
    await table<TimelineRow>(TIMELINE_TABLE).each((row) => {
      byCase.set(row.caseId, row.entries);
      onProgress?.('reading', row.entries.length);
    });
  } else {
    // In primary-key order; deriveCaseIndex reads each timeline in THE order (inTimelineOrder), whatever order it is given.
    await table<TimelineEvent>('events').each((e) => {
      const list = byCase.get(e.caseId);
      if (list) list.push(e);
      else byCase.set(e.caseId, [e]);
      onProgress?.('reading', 1);
    });
  }
  await index.clear();
  await reportRows?.clear();
  onProgress?.('indexing', 0);
  let after: string | null = null;
  for (;;) {
    const page: CaseRecord[] = await (after === null ? cases.orderBy(':id') : cases.where(':id').above(after))
      .limit(REBUILD_CHUNK)
      .toArray();
    if (page.length === 0) break;
    await index.bulkPut(page.map((record) => deriveCaseIndex(record, byCase.get(record.id) ?? [])));
    await reportRows?.bulkPut(page.map((record) => deriveReportRow(record, byCase.get(record.id) ?? [])));
    onProgress?.('indexing', page.length);
    after = page[page.length - 1].id;
  }
}

/** Version 2 adds the people table: start it with the handlers already named on cases and in the settings. */
async function seedPeople(tx: Transaction): Promise<void> {
  const names = new Set<string>();
  const desk = await tx.table<SettingsRow, string>('settings').get('desk');
  if (desk?.value.handlerName?.trim()) names.add(desk.value.handlerName.trim());
  await tx.table<CaseRecord, string>('cases').each((c) => {
    if (c.assignee?.trim()) names.add(c.assignee.trim());
  });
  const people = tx.table<PersonRow, string>('people');
  if ((await people.count()) > 0) return;
  await people.bulkAdd(
    [...names].sort((a, b) => a.localeCompare(b)).map((name) => ({ id: crypto.randomUUID(), name, active: true })),
  );
}

/**
 * Version 7 gives the desk's settings their providers (the first made from the settings, `withProviders`) and each
 * case without a provider the first one, the provider whose letterhead its letters were written with. The cases'
 * `updatedAt` is kept: nothing the desk did changed them.
 */
async function addFirstProvider(tx: Transaction): Promise<void> {
  const settings = tx.table<SettingsRow, string>('settings');
  const desk = await settings.get('desk');
  if (desk) await settings.put({ key: 'desk', value: withProviders(desk.value) });
  await tx
    .table<CaseRecord, string>('cases')
    .filter((c) => c.providerId === undefined)
    .modify((c) => {
      c.providerId = FIRST_PROVIDER_ID;
    });
}

/** Version 9: the settings' providers become rows of the providers table; the settings keep the rest. */
async function moveProvidersOut(tx: Transaction): Promise<void> {
  const settings = tx.table<SettingsRow, string>('settings');
  const desk = await settings.get('desk');
  if (!desk) return;
  const { providers, ...rest } = withProviders(desk.value);
  await tx.table<ProviderRow, string>('providers').bulkPut(providers!);
  await settings.put({ key: 'desk', value: rest });
}

/** Version 12: each case index row gets its case's provider (the rest of the row is as it was). */
async function indexProviders(tx: Transaction): Promise<void> {
  const providers = new Map<string, string>();
  await tx.table<CaseRecord, string>('cases').each((c) => providers.set(c.id, caseProviderId(c)));
  await tx
    .table<CaseIndexRow, string>('caseIndex')
    .toCollection()
    .modify((row) => {
      row.providerId = providers.get(row.caseId) ?? FIRST_PROVIDER_ID;
    });
}

/**
 * Version 16: an open case whose only acknowledgement was voided was still marked acknowledged, so it was in neither
 * the dashboard's Unacknowledged nor Letters to post. Only open cases marked acknowledged can be wrong, and only they
 * are read (Unacknowledged lists open cases; a closed case's row is derived again when it is reopened).
 */
async function acknowledgedAsItCounts(tx: Transaction): Promise<void> {
  const index = tx.table<CaseIndexRow, string>('caseIndex');
  const ids = await index.where('[status+acknowledged]').equals(['open', 1]).primaryKeys();
  const timelines = await tx.table<TimelineRow, string>(TIMELINE_TABLE).bulkGet(ids);
  const wrong = ids.filter((_, i) => acknowledgedFlag(timelines[i]?.entries ?? []) === 0);
  for (const caseId of wrong) await index.update(caseId, { acknowledged: 0 });
}

/**
 * Version 17: a case the CCTS referred kept the next due date of a version-16 reading, in which any reply ended the
 * report-back clock. Only cases with a CCTS referral on their timeline can be wrong, and only their rows are derived
 * again (closed ones too: a closed case's report is still owed). The desk's own procedures are installed first, as
 * the 'ready' handler would after the upgrade, so that a case on one of them is read by its rules, not refused.
 */
function cctsReportAsItCounts(tx: Transaction): Promise<void> {
  return deriveAgain(tx, (e) => e.type === 'ccts-referral', { reportRows: false });
}

/** Versions 19 and 20: the rows of the cases with a reopening, the case index's and the report's, derived again. */
function reopenedAsItCounts(tx: Transaction): Promise<void> {
  return deriveAgain(tx, (e) => e.type === 'reopened', { reportRows: true });
}

/**
 * The derived rows of the cases whose timeline has an entry that `has`, made again by today's rules (with the desk's
 * procedures installed): the case index's, and the report's too when asked. Every other row is left as it is.
 */
async function deriveAgain(
  tx: Transaction,
  has: (entry: TimelineEvent) => boolean,
  { reportRows }: { reportRows: boolean },
): Promise<void> {
  installRows(await tx.table<ProcedureRow, string>('procedures').toArray());
  const found: TimelineRow[] = [];
  await tx.table<TimelineRow, string>(TIMELINE_TABLE).each((row) => {
    if (row.entries.some(has)) found.push(row);
  });
  if (found.length === 0) return;
  const records = await tx.table<CaseRecord, string>('cases').bulkGet(found.map((r) => r.caseId));
  const cases = found.flatMap((r, i) => {
    const record = records[i];
    return record ? [{ record, events: r.entries }] : [];
  });
  await tx.table<CaseIndexRow, string>('caseIndex').bulkPut(cases.map((c) => deriveCaseIndex(c.record, c.events)));
  if (reportRows)
    await tx.table<ReportRow, string>('reportRows').bulkPut(cases.map((c) => deriveReportRow(c.record, c.events)));
}

/**
 * Version 18: the open rows with nothing due are marked (`openNothingDue`); every other row is left as it is. Found by
 * keys alone: the open cases (`[status+acknowledged]` holds every row) less those with a next due date
 * (`[status+nextDueOn]`); only those rows are read and written again.
 */
async function markOpenCasesWithNothingDue(tx: Transaction): Promise<void> {
  const index = tx.table<CaseIndexRow, string>('caseIndex');
  const [open, due] = await Promise.all([
    index.where('[status+acknowledged]').between(['open', 0], ['open', 1], true, true).primaryKeys(),
    index.where('[status+nextDueOn]').between(['open', Dexie.minKey], ['open', Dexie.maxKey]).primaryKeys(),
  ]);
  const withDue = new Set(due);
  const rows = await index.bulkGet(open.filter((id) => !withDue.has(id)));
  const marked = rows.filter((r): r is CaseIndexRow => !!r && isOpenWithNothingDue(r)).map(markOpenNothingDue);
  if (marked.length) await index.bulkPut(marked);
}

/**
 * Version 14: every timeline entry must be in the `[caseId+at]` index, the only one its timeline is read by
 * (./timeline.ts). It is when its `at` is a timestamp, as every entry's is (shared/model/stored.ts); the two counts
 * say so at once. An entry without one (written before every write was checked) is given the start of its day, or its
 * `at` as a timestamp if it was a date, so that it is not lost from its timeline. Such a row is written unchecked, like
 * a restore's: it was stored before the checks, and refusing it here would keep the desk's database from opening.
 */
async function timeEveryEntry(tx: Transaction): Promise<void> {
  const events = tx.table<TimelineEvent, string>('events');
  const [all, indexed] = await Promise.all([events.count(), events.orderBy(EVENTS_TIMELINE_INDEX).count()]);
  if (all === indexed) return;
  writingCheckedBackup(tx);
  await events
    .filter((e) => typeof e.at !== 'string')
    .modify((e) => {
      const at: unknown = e.at;
      e.at =
        at instanceof Date && Number.isFinite(at.getTime())
          ? at.toISOString()
          : `${typeof e.on === 'string' && isIsoDate(e.on) ? e.on : '1970-01-01'}T00:00:00.000Z`;
    });
}

/** Cases moved per step of the version-15 upgrade. */
const MOVE_CHUNK = 2000;

type UpgradeListener = (progress: { done: number; total: number }) => void;
const upgradeListeners = new Set<UpgradeListener>();

/**
 * Hear how far a long schema upgrade has gone (the version-15 move of every timeline: cases done of all of them), so
 * the page can say why the desk is not open yet. Returns the function that stops listening.
 */
export function onUpgradeProgress(listener: UpgradeListener): () => void {
  upgradeListeners.add(listener);
  return () => upgradeListeners.delete(listener);
}

/**
 * Version 15: each case's entries, read by the old `[caseId+at]` index a chunk of cases at a time, become its one
 * timeline row (./timeline.ts), in the same order. Entries whose case is not here (none should be) move too, onto the
 * timeline of the case they name. An outbox row naming an entry gains that entry's case (the bridge finds an entry
 * through its case). The rows were checked when they were written, so they are moved unchecked, like a restore's.
 */
async function entriesIntoTimelines(tx: Transaction): Promise<void> {
  writingCheckedBackup(tx);
  const events = tx.table<TimelineEvent, string>('events');
  const timelines = tx.table<TimelineRow, string>(TIMELINE_TABLE);
  const cases = tx.table<CaseRecord, string>('cases');
  const [total, caseCount] = await Promise.all([events.count(), cases.count()]);
  const moved = new Set<string>();
  let count = 0;
  let done = 0;
  let after: string | null = null;
  for (const listener of upgradeListeners) listener({ done, total: caseCount });
  for (;;) {
    const ids = (await (after === null ? cases.orderBy(':id') : cases.where(':id').above(after))
      .limit(MOVE_CHUNK)
      .primaryKeys()) as string[];
    if (ids.length === 0) break;
    const lists = await Promise.all(
      ids.map((id) =>
        events.where(EVENTS_TIMELINE_INDEX).between([id, Dexie.minKey], [id, Dexie.maxKey], true, true).toArray(),
      ),
    );
    const rows = ids.flatMap((id, i) => (lists[i].length ? [timelineRow(id, lists[i])] : []));
    await timelines.bulkAdd(rows);
    for (const row of rows) {
      moved.add(row.caseId);
      count += row.entries.length;
    }
    after = ids[ids.length - 1];
    done += ids.length;
    for (const listener of upgradeListeners) listener({ done, total: caseCount });
  }
  if (count < total) {
    const orphans = new Map<string, TimelineEvent[]>();
    await events.each((e) => {
      if (moved.has(e.caseId)) return;
      const list = orphans.get(e.caseId);
      if (list) list.push(e);
      else orphans.set(e.caseId, [e]);
    });
    await timelines.bulkAdd([...orphans].map(([caseId, list]) => timelineRow(caseId, list)));
  }
  const outbox = tx.table<OutboxRow, string>('outbox');
  const waiting = await outbox.filter((r) => r.ref.startsWith('entry:')).toArray();
  if (waiting.length) {
    const entries = await events.bulkGet(waiting.map((r) => r.ref.slice('entry:'.length)));
    await outbox.bulkPut(waiting.map((r, i) => (entries[i] ? { ...r, caseId: entries[i].caseId } : r)));
  }
}

let instance: RedressDatabase | null = null;

/** The app's database (one per renderer). Tests make their own with `new RedressDatabase(name)`. */
export function db(): RedressDatabase {
  instance ??= new RedressDatabase();
  return instance;
}

/** Use this database as the app's (at start, once ./storage.ts has found where the desk's database is). */
export function switchToDatabase(database: RedressDatabase): void {
  if (instance && instance !== database) throw new Error('The database was opened before its place was known.');
  instance = database;
}
