// Packed copies of the case index and the report rows (issue #19): the rows of a table held a block at a time as one
// JSON string, so a screen that needs every row (the case list, Reports) reads a few hundred strings instead of
// 100,000 objects. Chromium rebuilds a stored object property by property when it is read (at 100,000 report rows
// that alone took longer than reading every case record); a stored string is copied in one piece and JSON.parse
// makes the objects several times faster.
//
// A pack is never the truth, only a faster way to read the rows, and it is never out of date when read:
//
//   - A block is the rows whose primary key starts with the same two characters (a case id is a random UUID: 256
//     blocks, about 400 rows each at 100,000 cases). Its pack is `<table>/<block>` in the `packs` table.
//   - Every write to a packed table, whatever code makes it (the desk's screens, a restore, the team bridge, an
//     upgrade step), replaces the pack of each block it touches with a STUB (`json: null`) in the same transaction
//     (the middleware below; a blind put, nothing read). A write over a range (a clear) deletes the table's packs and
//     its completeness mark. So a stored pack always holds exactly the rows of its block as they are now.
//   - `<table>:complete` says every block holding rows has a pack or a stub: written after a full packing pass, and
//     only if no clear came in meanwhile (`<table>:cleared` holds a token every clear changes). It names the packs'
//     format: both tables' rows are written compactly (shared/reports/packed.ts, ./case-index/packed.ts).
//   - Reading (`readPacked`): in one transaction, the packs, and the rows of each stubbed block by key range. Without
//     the completeness mark it says so (null) and the caller reads the rows as before.
//   - Packing (`repack`): a block at a time, each in a write transaction that reads the block's rows and stores its
//     pack, so no write can slip in between. It runs in the background after a read found stubs or no mark, and a
//     few seconds after writes to a packed table stop (`keepPacked`).
//
// The case index's packs hold what its rows hold (names, the search text), so a case erased or anonymised has its
// block stubbed in the erasing transaction and packed again from the changed rows: nothing erased stays in a pack.
import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreTable, type Middleware } from 'dexie';
import { packReportRows, unpackReportRows, type ReportBasisRow } from '#shared/reports/packed';
import { packCaseIndexRows, unpackCaseIndexRows } from './case-index/packed';
import type { CaseIndexRow } from './schema';

/** The tables kept packed. Both are keyed by `caseId`. */
export const PACKED_TABLES = ['caseIndex', 'reportRows'] as const;
export type PackedTable = (typeof PACKED_TABLES)[number];

export const PACKS_TABLE = 'packs';

/**
 * How a block's rows are written, compactly (positions and a table of the values that repeat): the report rows by
 * shared/reports/packed.ts (a seventh of their JSON), the case index by ./case-index/packed.ts (about half). A change
 * to either changes `PACK_FORMAT`, so packs of the old format are made again.
 */
const CODECS: Record<PackedTable, { pack(rows: unknown[]): string; unpack(json: string): unknown[] }> = {
  caseIndex: { pack: (rows) => packCaseIndexRows(rows as CaseIndexRow[]), unpack: unpackCaseIndexRows },
  reportRows: { pack: (rows) => packReportRows(rows as ReportBasisRow[]), unpack: unpackReportRows },
};

/** The packs' format, held by the completeness mark: packs of another format are not read, but made again. */
const PACK_FORMAT = '2';

/** A block's rows as JSON (an array), or null: a stub, its rows changed since and are read from the table. */
export interface PackRow {
  id: string;
  json: string | null;
}

const isPacked = (name: string): name is PackedTable => (PACKED_TABLES as readonly string[]).includes(name);

/** The block a primary key belongs to: its first two characters (a shorter key is a block of its own). */
export function blockOf(key: string): string {
  return key.length >= 2 ? key.slice(0, 2) : key;
}

/** The primary keys of a block, as an IndexedDB key range. */
export function blockRange(block: string): IDBKeyRange {
  return block.length === 2 ? IDBKeyRange.bound(block, `${block}\uffff`) : IDBKeyRange.only(block);
}

const packId = (table: PackedTable, block: string) => `${table}/${block}`;
const completeId = (table: PackedTable) => `${table}:complete`;
const clearedId = (table: PackedTable) => `${table}:cleared`;
const packsLower = (table: PackedTable) => `${table}/`;
const packsUpper = (table: PackedTable) => `${table}/\uffff`;

/** Does this native transaction reach the packs table (not in upgrade steps from before it existed)? */
function reachesPacks(trans: unknown): boolean {
  const names = (trans as Partial<IDBTransaction>).objectStoreNames;
  return !!names && names.contains(PACKS_TABLE);
}

/**
 * The middleware that keeps packs honest: every read-write transaction over a packed table also covers `packs`, and
 * every write to a packed table stubs the packs of the blocks it touches (a clear deletes them and the mark).
 */
export function packsMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'packs',
    create(down: DBCore): DBCore {
      const available = down.schema.tables.some((t) => t.name === PACKS_TABLE);
      if (!available) return down;
      return {
        ...down,
        transaction(stores, mode, options) {
          const widened =
            mode === 'readwrite' && stores.some(isPacked) && !stores.includes(PACKS_TABLE)
              ? [...stores, PACKS_TABLE]
              : stores;
          return down.transaction(widened, mode, options);
        },
        table(name: string): DBCoreTable {
          const table = down.table(name);
          if (!isPacked(name)) return table;
          return {
            ...table,
            async mutate(req: DBCoreMutateRequest) {
              const result = await table.mutate(req);
              if (!reachesPacks(req.trans)) return result;
              const packs = down.table(PACKS_TABLE);
              if (req.type === 'deleteRange') {
                await packs.mutate({
                  type: 'deleteRange',
                  trans: req.trans,
                  range: {
                    type: 2,
                    lower: packsLower(name),
                    upper: packsUpper(name),
                    lowerOpen: false,
                    upperOpen: false,
                  },
                });
                await packs.mutate({
                  type: 'put',
                  trans: req.trans,
                  values: [{ id: clearedId(name), json: crypto.randomUUID() }],
                });
                await packs.mutate({ type: 'delete', trans: req.trans, keys: [completeId(name)] });
                return result;
              }
              const keys: unknown[] =
                req.type === 'delete'
                  ? req.keys
                  : (req.keys ?? req.values.map((v) => table.schema.primaryKey.extractKey!(v)));
              const blocks = new Set<string>();
              for (const key of keys) if (typeof key === 'string') blocks.add(blockOf(key));
              if (blocks.size)
                await packs.mutate({
                  type: 'put',
                  trans: req.trans,
                  values: [...blocks].map((block): PackRow => ({ id: packId(name, block), json: null })),
                });
              return result;
            },
          };
        },
      };
    },
  };
}

/** What the packs gave: every row of the table, and how many blocks had to be read from the table itself. */
export interface PackedRead<T> {
  rows: T[];
  packs: number;
  stubs: number;
}

/** The database as this module needs it (a RedressDatabase; kept structural so the schema module can import this). */
type Database = Dexie;

/**
 * Every row of a packed table, from its packs (and the rows of stubbed blocks), read in one transaction; null when the
 * table is not completely packed (read the rows as before, then `repack`).
 */
export async function readPacked<T>(database: Database, table: PackedTable): Promise<PackedRead<T> | null> {
  const packs = database.table<PackRow, string>(PACKS_TABLE);
  const rowsTable = database.table<T, string>(table);
  const started = performance.now();
  const read = await database.transaction('r', [packs, rowsTable], async () => {
    if ((await packs.get(completeId(table)))?.json !== PACK_FORMAT) return null;
    const stored = await packs.where(':id').between(packsLower(table), packsUpper(table), true, true).toArray();
    const stubs = stored.filter((p) => p.json === null);
    const fromTable = await Promise.all(
      stubs.map((p) =>
        rowsTable
          .where(':id')
          .between(...bounds(p.id.slice(table.length + 1)))
          .toArray(),
      ),
    );
    return { stored, stubs: stubs.length, fromTable };
  });
  if (!read) return null;
  const parsing = performance.now();
  let rows: T[] = [];
  const codec = CODECS[table];
  for (const pack of read.stored) if (pack.json !== null) rows = concat(rows, codec.unpack(pack.json) as T[]);
  for (const part of read.fromTable) rows = concat(rows, part);
  // For the benchmarks (and DevTools): the read from IndexedDB, then making the rows.
  performance.measure(`redress:packs-read:${table}`, { start: started, end: parsing });
  performance.measure(`redress:packs-parse:${table}`, { start: parsing, end: performance.now() });
  return { rows, packs: read.stored.length - read.stubs, stubs: read.stubs };
}

function concat<T>(into: T[], more: T[]): T[] {
  for (const row of more) into.push(row);
  return into;
}

/** Dexie's `between` arguments for a block's keys (both ends included). */
function bounds(block: string): [string, string, boolean, boolean] {
  return block.length === 2 ? [block, `${block}\uffff`, true, true] : [block, block, true, true];
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Pack a table: every stubbed block, or (without the completeness mark) every block, then the mark. A block at a time,
 * each in its own write transaction, with a pause between (the page stays responsive). Returns the blocks packed.
 */
export async function repack(database: Database, table: PackedTable, signal?: { stopped: boolean }): Promise<number> {
  const packs = database.table<PackRow, string>(PACKS_TABLE);
  const rowsTable = database.table<{ caseId: string }, string>(table);
  const { complete, cleared, stubs } = await database.transaction('r', packs, async () => ({
    complete: (await packs.get(completeId(table)))?.json === PACK_FORMAT,
    cleared: (await packs.get(clearedId(table)))?.json ?? null,
    stubs: (await packs.where(':id').between(packsLower(table), packsUpper(table), true, true).toArray())
      .filter((p) => p.json === null)
      .map((p) => p.id.slice(table.length + 1)),
  }));
  let blocks = stubs;
  if (!complete) {
    const keys = (await rowsTable.toCollection().primaryKeys()) as string[];
    blocks = [...new Set([...keys.map(blockOf), ...stubs])];
  }
  let packed = 0;
  for (const block of blocks) {
    if (signal?.stopped) return packed;
    await database.transaction('rw', [rowsTable, packs], async () => {
      const rows = await rowsTable
        .where(':id')
        .between(...bounds(block))
        .toArray();
      if (rows.length) await packs.put({ id: packId(table, block), json: CODECS[table].pack(rows) });
      else await packs.delete(packId(table, block));
    });
    packed += 1;
    await nextTask();
  }
  if (!complete && !signal?.stopped)
    await database.transaction('rw', packs, async () => {
      // A clear since the pass began: blocks packed before it are gone; the next pass starts again.
      if (((await packs.get(clearedId(table)))?.json ?? null) !== cleared) return;
      await packs.put({ id: completeId(table), json: PACK_FORMAT });
    });
  return packed;
}

/** Quiet time after a write to a packed table before its stubbed blocks are packed again. */
const QUIET_MS = 5000;

interface Keeper {
  timer: ReturnType<typeof setTimeout> | null;
  running: Promise<void> | null;
  again: boolean;
  signal: { stopped: boolean };
  unsubscribe: () => void;
}

const keepers = new WeakMap<Database, Keeper>();

/**
 * Keep a database's packs up to date while the app runs: pack now (after `delayMs`), and again a few seconds after
 * the last write to a packed table (in this window or another). Called by the screens that read packs; once is enough.
 * Returns a function that stops it (tests).
 */
export function keepPacked(database: Database, delayMs = 2000): () => void {
  const existing = keepers.get(database);
  if (existing) {
    schedule(database, existing, delayMs);
    return () => stopKeeping(database);
  }
  const keeper: Keeper = {
    timer: null,
    running: null,
    again: false,
    signal: { stopped: false },
    unsubscribe: () => {},
  };
  const prefixes = PACKED_TABLES.map((t) => `idb://${database.name}/${t}/`);
  const onMutated = (parts: Record<string, unknown>) => {
    if ('all' in parts || Object.keys(parts).some((part) => prefixes.some((p) => part.startsWith(p))))
      schedule(database, keeper, QUIET_MS);
  };
  Dexie.on.storagemutated.subscribe(onMutated);
  keeper.unsubscribe = () => Dexie.on.storagemutated.unsubscribe(onMutated);
  keepers.set(database, keeper);
  schedule(database, keeper, delayMs);
  return () => stopKeeping(database);
}

function stopKeeping(database: Database) {
  const keeper = keepers.get(database);
  if (!keeper) return;
  keeper.signal.stopped = true;
  if (keeper.timer) clearTimeout(keeper.timer);
  keeper.unsubscribe();
  keepers.delete(database);
}

function schedule(database: Database, keeper: Keeper, delayMs: number) {
  if (keeper.timer) clearTimeout(keeper.timer);
  keeper.timer = setTimeout(() => {
    keeper.timer = null;
    if (keeper.running) {
      keeper.again = true;
      return;
    }
    keeper.running = (async () => {
      try {
        for (const table of PACKED_TABLES) if (database.isOpen()) await repack(database, table, keeper.signal);
      } catch (error) {
        // Packs only make reads faster: a failed pass leaves stubs, read from the table until the next pass.
        console.warn('Packing the case index failed', error);
      } finally {
        keeper.running = null;
        if (keeper.again && !keeper.signal.stopped) {
          keeper.again = false;
          schedule(database, keeper, QUIET_MS);
        }
      }
    })();
  }, delayMs);
}
