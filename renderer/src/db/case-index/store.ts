// The whole case index held in memory, loaded once and kept fresh, for search as you type and the case list.
//
// Why in memory: search must look at every case (a word can be anywhere in a name or the summary), and at 100,000
// cases a scan of precomputed lowercase strings in memory takes a few milliseconds, where an IndexedDB scan or a
// multiEntry word index costs a structured-clone read per keystroke. The rows are loaded once (newest first, then the
// rest in chunks so the page stays responsive) and then kept fresh row by row: Dexie reports every write's primary
// keys (`storagemutated`, also for writes in other windows, over a BroadcastChannel), and only those rows are
// read again. A range write (a clear, a schema upgrade, or any bulk write of 50 rows or more, which Dexie reports as
// "the table changed") reloads everything, but not at every such write: a team's first download writes one every
// round, and reloading 100,000 rows after each would make the download quadratic. A reload waits until no screen
// holds the rows (then it happens when one subscribes again), and otherwise at least four times as long as the last
// full load took (and a second) after it ended: the rows are then at most a few seconds behind.
import Dexie, { type IntervalTree, type ObservabilitySet } from 'dexie';
import { useSyncExternalStore } from 'react';
import { keepPacked, readPacked } from '../packs';
import { db, type CaseIndexRow, type RedressDatabase } from '../schema';

export interface CaseIndexSnapshot {
  /** Every row (order not defined). A new array whenever anything changes, so it can be a memo dependency. */
  readonly rows: readonly CaseIndexRow[];
  /** False until every row has been read (the first screenful may already be there). */
  readonly complete: boolean;
  /** Goes up by one on every change. */
  readonly version: number;
}

const FIRST_SCREEN = 200;
const CHUNK = 25_000;
/** More changed keys than this in one write and a full reload is cheaper than reading them one by one. */
const MANY = 5_000;
/** A full reload after a range write waits at least this long after the last one ended… */
const RELOAD_GAP_MS = 1_000;
/** …and this many times as long as that one took (reloading then takes at most a fifth of the time). */
const RELOAD_GAP_FACTOR = 4;

/** Point keys of a mutated part, or null when it holds a range (then everything is read again). */
export function pointKeys(tree: IntervalTree | undefined): string[] | null {
  const keys: string[] = [];
  const walk = (node: IntervalTree | null | undefined): boolean => {
    if (!node || !('from' in node)) return true;
    if (typeof node.from !== 'string' || node.from !== node.to) return false;
    keys.push(node.from);
    return walk(node.l) && walk(node.r) && keys.length <= MANY;
  };
  return walk(tree) ? keys : null;
}

export class CaseIndexStore {
  private byId = new Map<string, CaseIndexRow>();
  private snapshot: CaseIndexSnapshot = { rows: [], complete: false, version: 0 };
  private readonly listeners = new Set<() => void>();
  private started = false;
  private loading: Promise<void> | null = null;
  /** Keys changed while a full load was running: read again once it ends. */
  private pendingKeys: Set<string> | null = null;
  /** Row refreshes run one after another, so an older read never overwrites a newer one. */
  private queue: Promise<void> = Promise.resolve();
  /** A range write came and no reload has read it yet. */
  private stale = false;
  private reloadTimer: ReturnType<typeof setTimeout> | null = null;
  /** When the last full load ended and how long it took (ms, performance.now()). */
  private lastLoad = { endedAt: -Infinity, tookMs: 0 };
  /** Full loads done (tests). */
  loads = 0;

  constructor(private readonly database: RedressDatabase) {}

  getSnapshot = (): CaseIndexSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    this.start();
    this.reloadIfStale();
    return () => this.listeners.delete(listener);
  };

  /** Resolves once every row has been read (and any range write since has been read again). */
  ready(): Promise<void> {
    this.start();
    this.reloadIfStale(true);
    return this.loading ?? Promise.resolve();
  }

  /** Stop listening for changes (tests). */
  stop(): void {
    if (this.started) Dexie.on.storagemutated.unsubscribe(this.onMutated);
    this.started = false;
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = null;
  }

  /** Read every row again after a range write: at once when asked to (or nothing was read yet), else in time. */
  private reloadIfStale(now = false): void {
    if (!this.stale || this.loading) return;
    if (now || this.lastLoad.endedAt === -Infinity) {
      this.reloadNow();
      return;
    }
    if (this.listeners.size === 0 || this.reloadTimer) return; // no screen holds the rows: the next one reloads
    const wait = this.lastLoad.endedAt + Math.max(RELOAD_GAP_MS, RELOAD_GAP_FACTOR * this.lastLoad.tookMs) - msNow();
    this.reloadTimer = setTimeout(
      () => {
        this.reloadTimer = null;
        if (this.started && this.stale && !this.loading) this.reloadNow();
      },
      Math.max(0, wait),
    );
  }

  private reloadNow(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = null;
    this.stale = false;
    this.loading = this.loadAll();
  }

  private start() {
    if (this.started) return;
    this.started = true;
    Dexie.on.storagemutated.subscribe(this.onMutated);
    this.loading = this.loadAll();
  }

  private publish(complete = this.snapshot.complete) {
    this.snapshot = { rows: Array.from(this.byId.values()), complete, version: this.snapshot.version + 1 };
    for (const listener of this.listeners) listener();
  }

  private async loadAll(): Promise<void> {
    const began = msNow();
    this.loads += 1;
    this.pendingKeys = new Set();
    const table = this.database.caseIndex;
    const fresh = new Map<string, CaseIndexRow>();
    if (this.byId.size === 0) {
      // The newest cases first, so the list has something to draw at once.
      for (const row of await table.orderBy('receivedOn').reverse().limit(FIRST_SCREEN).toArray())
        this.byId.set(row.caseId, row);
      this.publish(false);
    }
    // Every row from the packs (../packs.ts: a few hundred strings, not 100,000 objects), or read in chunks while the
    // table is not packed yet (it is packed in the background afterwards).
    const packed = await readPacked<CaseIndexRow>(this.database, 'caseIndex');
    if (packed) for (const row of packed.rows) fresh.set(row.caseId, row);
    let after: string | null = null;
    while (!packed) {
      const chunk: CaseIndexRow[] = await (after === null ? table.orderBy(':id') : table.where(':id').above(after))
        .limit(CHUNK)
        .toArray();
      for (const row of chunk) fresh.set(row.caseId, row);
      if (chunk.length < CHUNK) break;
      after = chunk[chunk.length - 1].caseId;
    }
    keepPacked(this.database);
    this.byId = fresh;
    const pending = this.pendingKeys;
    this.pendingKeys = null;
    this.loading = null;
    this.lastLoad = { endedAt: msNow(), tookMs: msNow() - began };
    this.publish(true);
    if (pending.size) this.refresh([...pending]);
    this.reloadIfStale();
  }

  private refresh(keys: string[]): void {
    this.queue = this.queue
      .then(() => this.read(keys))
      .catch((error: unknown) => console.warn('Case index refresh failed', error));
  }

  private async read(keys: string[]): Promise<void> {
    const rows = await this.database.caseIndex.bulkGet(keys);
    keys.forEach((key, i) => {
      const row = rows[i];
      if (row) this.byId.set(key, row);
      else this.byId.delete(key);
    });
    this.publish();
  }

  private onMutated = (parts: ObservabilitySet) => {
    const prefix = `idb://${this.database.name}/caseIndex/`;
    const touched = 'all' in parts || Object.keys(parts).some((part) => part.startsWith(prefix));
    if (!touched) return;
    const keys = 'all' in parts ? null : pointKeys(parts[prefix]);
    if (keys === null) {
      this.stale = true;
      this.reloadIfStale();
      return;
    }
    if (this.loading) for (const k of keys) this.pendingKeys?.add(k);
    else if (keys.length) this.refresh(keys);
  };
}

const msNow = (): number => performance.now();

const stores = new WeakMap<RedressDatabase, CaseIndexStore>();

/** The in-memory case index of a database (one per database, shared by every screen). */
export function caseIndexStore(database: RedressDatabase = db()): CaseIndexStore {
  let store = stores.get(database);
  if (!store) {
    store = new CaseIndexStore(database);
    stores.set(database, store);
  }
  return store;
}

/** Every case's index row, in memory and live (see the top of this file). */
export function useCaseIndexSnapshot(database?: RedressDatabase): CaseIndexSnapshot {
  const store = caseIndexStore(database);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
