// Bench-only code run inside the browser page by app.bench.ts (bundled on the fly with Vite; never part of the app's
// build). It writes realistic cases with the app's own schema and derive functions, and measures raw reads and the
// rules engine on the stored cases.
// Zod in jitless mode first, as in every entry point of the app: the page's CSP refuses the compiled parsers' eval.
import '#lib/zod-config';
import type { CaseRecord, TimelineEvent } from '#shared/model/case';
import Dexie from 'dexie';
import { localIsoDate } from '#shared/model/dates';
import { attachmentAddedEntry } from '#shared/files/entries';
import { evaluateRecord } from '#lib/rules';
import { deriveCaseIndex, deriveReportRow } from '#db/case-index/derive';
import { RedressDatabase, type CaseIndexRow } from '#db/schema';
import { caseIdsWithStatus } from '#db/case-index/queries';
import { putEntries, readTimeline, timelineRow, timelinesOf } from '#db/timeline';
import { createCase } from '#db/repositories/cases';
import { performAction } from '#db/repositories/case-actions';
import { PACKED_TABLES, readPacked, repack } from '#db/packs';
import { browserStorageHost, localStoragePointer, prepareStorage } from '#db/storage';
import { deskDatabase } from './desk-database';
import { HANDLERS, iterateCases, type GeneratedCase } from '#test/fixtures/generate-cases';
import { deskSettings, NORTHWIND } from '#test/support/desk';
import { newCaseParts } from '#test/support/cases';

const settings = deskSettings({
  defaultProcedureId: 'kijoma',
  company: { ...NORTHWIND, addressLines: ['Unit 4, Canal Wharf', 'Leeds'], phone: '0113 496 0999' },
});

/** Put rows with raw IndexedDB in one transaction with relaxed durability: seeding speed only, not the app's way. */
function putAll(idb: IDBDatabase, rows: Record<string, unknown[]>): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction(Object.keys(rows), 'readwrite', { durability: 'relaxed' });
    for (const [store, values] of Object.entries(rows)) {
      const os = tx.objectStore(store);
      for (const v of values) os.put(v);
    }
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** Does the app's database already hold `count` cases (a kept profile)? */
async function seeded(): Promise<number> {
  const database = await deskDatabase();
  const n = await database.cases.count();
  database.close();
  return n;
}

async function seed(count: number, chunk = 5000) {
  const started = performance.now();
  const today = localIsoDate(new Date());
  // The app's schema, created by the app's own Dexie class.
  const database = await deskDatabase();
  await database.open();
  await database.settings.put({ key: 'desk', value: settings });
  await database.people.bulkPut(HANDLERS.map((name, i) => ({ id: `person-${i}`, name, active: true })));
  const idb = database.backendDB();
  const counters = new Map<string, number>();
  let events = 0;
  let generateMs = 0;
  let deriveMs = 0;
  let writeMs = 0;
  const write = async (batch: GeneratedCase[]) => {
    let t = performance.now();
    const rows: CaseIndexRow[] = batch.map((c) => deriveCaseIndex(c.record, c.events));
    deriveMs += performance.now() - t;
    t = performance.now();
    const records: CaseRecord[] = batch.map((c) => c.record);
    const timeline: TimelineEvent[] = batch.flatMap((c) => c.events);
    events += timeline.length;
    await putAll(idb, {
      cases: records,
      timelines: batch.map((c) => timelineRow(c.record.id, [...c.events])),
      caseIndex: rows,
      reportRows: batch.map((c) => deriveReportRow(c.record, c.events)),
    });
    writeMs += performance.now() - t;
  };
  let batch: GeneratedCase[] = [];
  let t = performance.now();
  for (const c of iterateCases(count, { today, seed: 20261122 })) {
    const [prefix, year, seq] = c.record.reference.split('-');
    counters.set(`${prefix}-${year}`, Math.max(counters.get(`${prefix}-${year}`) ?? 0, Number(seq)));
    batch.push(c);
    if (batch.length === chunk) {
      generateMs += performance.now() - t;
      await write(batch);
      batch = [];
      t = performance.now();
    }
  }
  generateMs += performance.now() - t;
  if (batch.length) await write(batch);
  await database.counters.bulkPut([...counters].map(([key, last]) => ({ key, last })));
  const summary = {
    cases: await database.cases.count(),
    events,
    today,
    ms: Math.round(performance.now() - started),
    generateMs: Math.round(generateMs),
    deriveMs: Math.round(deriveMs),
    writeMs: Math.round(writeMs),
  };
  database.close();
  return summary;
}

/** The baseline: every case record read raw from IndexedDB (no Dexie), as the slowest honest way to list cases. */
async function readAllCasesRaw(): Promise<{ ms: number; count: number }> {
  // The desk's database where it is kept (a storage bucket after a replace-restore or a compaction).
  const host = browserStorageHost();
  const place = await prepareStorage(host, localStoragePointer());
  const factory = await host.factory(place.bucket);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const open = factory.open(place.name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const idb = open.result;
      const req = idb.transaction('cases').objectStore('cases').getAll();
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const count = (req.result as unknown[]).length;
        idb.close();
        resolve({ ms: Math.round(performance.now() - started), count });
      };
    };
  });
}

/** Every case not closed, with its timeline, evaluated by the rules engine on today (read and evaluation timed apart). */
async function evaluateOpenCases() {
  const today = localIsoDate(new Date());
  const database = await deskDatabase();
  let t = performance.now();
  const ids = await caseIdsWithStatus(database, ['open', 'resolved']);
  const records = (await database.cases.bulkGet(ids)).filter((r): r is CaseRecord => !!r);
  // One timeline row per case, all read at once.
  const byCase = await timelinesOf(database, ids);
  const readMs = performance.now() - t;
  t = performance.now();
  let clocks = 0;
  let errors = 0;
  for (const record of records) {
    const result = evaluateRecord(record, byCase.get(record.id) ?? [], today);
    if (result.evaluation) clocks += result.evaluation.clocks.length;
    else errors += 1;
  }
  const evaluateMs = performance.now() - t;
  database.close();
  return { cases: records.length, clocks, errors, readMs: Math.round(readMs), evaluateMs: Math.round(evaluateMs) };
}

/**
 * `megabytes` files of 1 MB of random bytes (each starting like a PDF) kept on the first cases, as the attachments
 * core stores them (a Blob with its SHA-256), written 20 at a time; none if the desk already holds attachments.
 * With `onCase` (bench:attachments), all on that one case, each with its 'attachment-added' timeline entry.
 */
async function seedAttachments(
  megabytes: number,
  onCase?: string,
): Promise<{ files: number; bytes: number; reused?: boolean }> {
  const database = await deskDatabase();
  await database.open();
  try {
    const already = await database.attachments.count();
    if (already) return { files: already, bytes: 0, reused: true };
    const caseIds = onCase ? [onCase] : ((await database.cases.limit(megabytes).primaryKeys()) as string[]);
    let written = 0;
    for (let i = 0; i < megabytes; i += 20) {
      const rows = [];
      for (let j = i; j < Math.min(megabytes, i + 20); j++) {
        const bytes = new Uint8Array(1024 * 1024);
        for (let at = 0; at < bytes.length; at += 65536) crypto.getRandomValues(bytes.subarray(at, at + 65536));
        bytes.set([0x25, 0x50, 0x44, 0x46, 0x2d], 0);
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
        rows.push({
          id: `bench-file-${j}`,
          caseId: caseIds[j % caseIds.length],
          fileName: `scan-${j}.pdf`,
          fileType: 'pdf' as const,
          mime: 'application/pdf',
          size: bytes.length,
          sha256: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''),
          kind: 'customer-letter' as const,
          note: '',
          addedBy: 'Bench',
          addedAt: '2026-11-20T10:00:00.000Z',
          blob: new Blob([bytes], { type: 'application/pdf' }),
        });
        written += bytes.length;
      }
      await database.attachments.bulkPut(rows);
      if (onCase)
        await putEntries(
          database,
          rows.map((row) => ({
            id: `bench-entry-${row.id}`,
            caseId: onCase,
            at: row.addedAt,
            ...attachmentAddedEntry(row, row.addedAt.slice(0, 10), row.addedBy),
          })),
        );
    }
    return { files: megabytes, bytes: written };
  } finally {
    database.close();
  }
}

/**
 * Pack the case index and the report rows (#db/packs) as the app does in the background after its first read, so a
 * benchmark opens a desk as it is on any day after its first; nothing when they are packed already.
 */
async function pack(): Promise<{ ms: number; blocks: number; already: boolean }> {
  const database = await deskDatabase();
  await database.open();
  try {
    const started = performance.now();
    let blocks = 0;
    let already = true;
    for (const table of PACKED_TABLES) {
      const packed = await readPacked(database, table);
      if (packed && packed.stubs === 0) continue;
      already = false;
      blocks += await repack(database, table);
    }
    return { ms: Math.round(performance.now() - started), blocks, already };
  } finally {
    database.close();
  }
}

/**
 * How the rows of a desk can be laid out in IndexedDB, for the floor below (issue #19): `rows` is the app's schema
 * (a row per case, per case's timeline, per case index row and per report row: since schema version 15 a timeline is
 * one row, #db/timeline); the others are not the app's, only what a restore's floor would be if it were:
 * `timeline-per-case` is the app's timeline row without its `entryCount` index (`-ids` with a multi-entry index of its
 * entries' ids instead), and `case-per-row` keeps everything of a case (record, timeline, report row) in one row that
 * carries the case index's fields and indexes. Their indexes are the app's own (read from its schema), so they all
 * answer the same dashboard and list queries. (Before version 15, `rows` wrote a row per timeline entry: 1,072,025
 * rows for 100,000 cases, against 400,000 now.)
 */
export type RawLayout = 'rows' | 'timeline-per-case' | 'timeline-per-case-ids' | 'case-per-row';

/** A table's Dexie schema string as the app declares it (its primary key first), from the app's own schema. */
function schemaOf(database: RedressDatabase, table: string): string {
  const { primKey, indexes } = database.table(table).schema;
  return [primKey.src, ...indexes.map((i) => i.src)].join(', ');
}

/** The scratch database of a layout, and the rows a batch of generated cases becomes in it. */
function rawLayout(
  layout: RawLayout,
  name: string,
): { database: Dexie; stores: string[]; values: (batch: GeneratedCase[]) => Record<string, unknown[]> } {
  if (layout === 'rows')
    return {
      database: new RedressDatabase(name),
      stores: ['cases', 'timelines', 'caseIndex', 'reportRows'],
      values: (batch) => ({
        cases: batch.map((c) => c.record),
        timelines: batch.map((c) => timelineRow(c.record.id, [...c.events])),
        caseIndex: batch.map((c) => deriveCaseIndex(c.record, c.events)),
        reportRows: batch.map((c) => deriveReportRow(c.record, c.events)),
      }),
    };
  const app = new RedressDatabase(name);
  const database = new Dexie(name);
  if (layout === 'timeline-per-case' || layout === 'timeline-per-case-ids') {
    // `-ids`: the timeline row also lists its entries' ids, in a multi-entry index, so an entry can still be found by
    // its id alone (as the team bridge and the outbox find it) without reading every timeline.
    const ids = layout === 'timeline-per-case-ids';
    database.version(1).stores({
      cases: schemaOf(app, 'cases'),
      timelines: ids ? 'caseId, *ids' : 'caseId',
      caseIndex: schemaOf(app, 'caseIndex'),
      reportRows: schemaOf(app, 'reportRows'),
    });
    return {
      database,
      stores: ['cases', 'timelines', 'caseIndex', 'reportRows'],
      values: (batch) => ({
        cases: batch.map((c) => c.record),
        timelines: batch.map((c) =>
          ids
            ? { caseId: c.record.id, ids: c.events.map((e) => e.id), entries: c.events }
            : { caseId: c.record.id, entries: c.events },
        ),
        caseIndex: batch.map((c) => deriveCaseIndex(c.record, c.events)),
        reportRows: batch.map((c) => deriveReportRow(c.record, c.events)),
      }),
    };
  }
  database.version(1).stores({ desk: schemaOf(app, 'caseIndex') });
  return {
    database,
    stores: ['desk'],
    values: (batch) => ({
      desk: batch.map((c) => ({
        ...deriveCaseIndex(c.record, c.events),
        record: c.record,
        entries: c.events,
        report: deriveReportRow(c.record, c.events),
      })),
    }),
  };
}

/**
 * IndexedDB's own floor for a replace-restore (issue #19): the same rows the seeded desk holds (the same generated
 * cases, their timelines, case index and report rows) added with raw IndexedDB into a scratch database, laid out as
 * `layout` says (the app's schema by default), in ONE read-write transaction with the app's durability, as a restore
 * must; then every row removed again in one transaction by `clear()`, and the database deleted. Only the time
 * IndexedDB is working is counted: the rows of a chunk of `chunk` cases are made first (not timed), then added, and
 * the clock runs until the chunk's last add succeeds; the commit is timed on its own. So `writeMs` is what writing
 * these rows costs with nothing else on the page's side, the least any restore that writes them in one transaction
 * can take.
 */
async function rawWrite(count: number, layout: RawLayout = 'rows', chunk = 2000, transactionPerChunk = false) {
  const today = localIsoDate(new Date());
  const name = `redress-bench-raw-${layout}`;
  const { database: scratch, stores, values: valuesOf } = rawLayout(layout, name);
  await scratch.delete();
  await scratch.open();
  const idb = scratch.backendDB();
  const rows: Record<string, number> = Object.fromEntries(stores.map((s) => [s, 0]));
  let writeMs = 0;
  let commitMs = 0;
  let bytes = 0;
  const cases = iterateCases(count, { today, seed: 20261122 });
  const nextBatch = () => {
    const batch: GeneratedCase[] = [];
    while (batch.length < chunk) {
      const c = cases.next();
      if (c.done) break;
      batch.push(c.value);
    }
    return batch;
  };
  // Add one batch's rows in `tx`; resolves when its last add succeeds, with the time IndexedDB took.
  const addBatch = (tx: IDBTransaction, batch: GeneratedCase[], done: () => void) => {
    const values = valuesOf(batch);
    // The rows' size as JSON (not timed): the layouts hold the same data, so this should differ only by field names.
    for (const store of stores) for (const v of values[store]) bytes += JSON.stringify(v).length;
    const started = performance.now();
    let request: IDBRequest | null = null;
    for (const store of stores) {
      const os = tx.objectStore(store);
      for (const v of values[store]) request = os.add(v);
      rows[store] += values[store].length;
    }
    request!.onsuccess = () => {
      writeMs += performance.now() - started;
      done();
    };
  };
  if (transactionPerChunk) {
    // One transaction per batch, relaxed, as a restore into a new copy could write (the copy is switched to only
    // when whole); the last one strict, which flushes the log the others were written to.
    for (let batch = nextBatch(); batch.length > 0;) {
      const following = nextBatch();
      const durability = following.length === 0 ? 'strict' : 'relaxed';
      await new Promise<void>((resolve, reject) => {
        const tx = idb.transaction(stores, 'readwrite', { durability });
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
        let last = 0;
        tx.oncomplete = () => {
          commitMs += performance.now() - last;
          resolve();
        };
        addBatch(tx, batch, () => {
          last = performance.now();
        });
      });
      batch = following;
    }
  } else {
    await new Promise<void>((resolve, reject) => {
      const tx = idb.transaction(stores, 'readwrite', { durability: 'strict' });
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
      let last = 0;
      tx.oncomplete = () => {
        commitMs = performance.now() - last;
        resolve();
      };
      const next = () => {
        const batch = nextBatch();
        if (batch.length === 0) {
          last = performance.now();
          return; // nothing more asked for: the transaction commits
        }
        addBatch(tx, batch, next);
      };
      next();
    });
  }
  // Every row removed in one transaction, a clear() per table (as a replace over the whole desk could).
  const cleared = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction(stores, 'readwrite', { durability: 'strict' });
    for (const store of stores) tx.objectStore(store).clear();
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  const clearMs = performance.now() - cleared;
  scratch.close();
  const deleted = performance.now();
  await scratch.delete();
  const deleteMs = performance.now() - deleted;
  return {
    layout,
    rows,
    jsonMb: Math.round(bytes / 1024 / 1024),
    writeMs: Math.round(writeMs),
    commitMs: Math.round(commitMs),
    clearMs: Math.round(clearMs),
    deleteDatabaseMs: Math.round(deleteMs),
  };
}

/**
 * A note recorded on cases with long timelines, the app's own way (`performAction`): each note reads its case's
 * timeline row, evaluates the case's clocks over every entry and writes the row back whole (issue #19: since schema
 * version 15 a case's timeline is one row). For each size, a case with that many entries (notes of about 80 characters,
 * stored as the app stores them), then `notes` notes recorded one after another, each timed from the call to its
 * transaction's commit. In a database of its own, deleted afterwards.
 */
async function timeLongCases(sizes: number[], notes: number) {
  const name = 'redress-bench-long-cases';
  await Dexie.delete(name);
  const database = new RedressDatabase(name);
  await database.open();
  const today = localIsoDate(new Date());
  const results = [];
  try {
    for (const size of sizes) {
      const record = await createCase(database, newCaseParts({ receivedOn: today }), { settings, by: HANDLERS[0]! });
      const start = Date.now() + 1;
      const earlier: TimelineEvent[] = Array.from({ length: size - 1 }, (_, i) => ({
        id: crypto.randomUUID(),
        caseId: record.id,
        type: 'note',
        on: today,
        at: new Date(start + i).toISOString(),
        by: HANDLERS[i % HANDLERS.length]!,
        summary: `Called the customer back about the bill (${i + 1}); they will send the statement.`,
      }));
      await database.transaction('rw', database.timelines, () => putEntries(database, earlier));
      const times: number[] = [];
      for (let i = 0; i < notes; i++) {
        const t = performance.now();
        await performAction(
          database,
          record.id,
          'add-note',
          { on: today, summary: `Note ${i + 1}` },
          { by: HANDLERS[0]!, today },
        );
        times.push(performance.now() - t);
      }
      const timeline = await readTimeline(database, record.id);
      const sorted = [...times].sort((a, b) => a - b);
      const at = (p: number) =>
        Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
      results.push({
        entries: timeline.length,
        rowKb: Math.round(JSON.stringify(timeline).length / 1024),
        noteP50Ms: at(50),
        noteP95Ms: at(95),
        noteMaxMs: at(100),
      });
    }
  } finally {
    database.close();
    await Dexie.delete(name);
  }
  return results;
}

(globalThis as unknown as { redressBench: unknown }).redressBench = {
  timeLongCases,
  seed,
  pack,
  seeded,
  seedAttachments,
  readAllCasesRaw,
  evaluateOpenCases,
  rawWrite,
};
