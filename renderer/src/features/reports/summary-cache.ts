// The Reports page's case summaries, kept between visits. Reading every case's report row costs about a second at
// 100,000 cases (./load.ts), so it is done once per "today"; after that only the cases written since are read
// again. Which cases those are comes from the case index: every write that changes a case or its timeline rebuilds
// the case's index row in the same transaction (renderer/src/db/derive.ts), and Dexie reports the keys of every write
// (`storagemutated`, also for writes in other windows). A write over a range (a restore, a clear) forgets everything.
import Dexie, { type ObservabilitySet } from 'dexie';
import type { CaseSummary } from '#shared/reports/index';
import { pointKeys } from '#db/case-index/store';
import type { RedressDatabase, ReportRow } from '#db/schema';
import { loadCaseSummaries, summariesOf, type LoadProgress } from './load';
import { TIMELINE_TABLE } from '#db/timeline';

/** Cases summarised again per read when catching up. */
const CATCH_UP_CHUNK = 500;

export class SummaryCache {
  private byId: Map<string, CaseSummary> | null = null;
  /** Every summary as first read, while `byId` is still empty (made from it when a case is written). */
  private list: CaseSummary[] | null = null;
  private today: string | null = null;
  /** Cases written since they were summarised. */
  private dirty = new Set<string>();
  /** A range write happened: everything is read again. */
  private stale = false;
  private listening = false;

  constructor(private readonly database: RedressDatabase) {}

  /** Every case's summary on `today`. `fresh` reads everything again (the page's Refresh). */
  async summaries(
    today: string,
    onProgress: (p: LoadProgress) => void,
    signal?: AbortSignal,
    fresh = false,
  ): Promise<CaseSummary[]> {
    this.listen();
    if (fresh || this.stale || !this.byId || this.today !== today) {
      this.dirty.clear();
      this.stale = false;
      this.byId = null;
      this.list = null;
      const list = await loadCaseSummaries(this.database, today, onProgress, signal);
      // A range write while reading: what was read may be part old, part new.
      if (this.stale) return this.summaries(today, onProgress, signal);
      this.today = today;
      // Nothing written meanwhile (the first open): the list as read; the map is made when a case is written.
      if (this.dirty.size === 0) {
        this.list = list;
        this.byId = new Map();
        return list;
      }
      this.byId = new Map(list.map((s) => [s.id, s]));
    }
    await this.catchUp(today, onProgress, signal);
    if (!this.byId) return this.summaries(today, onProgress, signal);
    return this.list ?? [...this.byId.values()];
  }

  /** Forget everything (tests). */
  stop(): void {
    if (this.listening) Dexie.on.storagemutated.unsubscribe(this.onMutated);
    this.listening = false;
    this.byId = null;
    this.list = null;
  }

  private listen() {
    if (this.listening) return;
    this.listening = true;
    Dexie.on.storagemutated.subscribe(this.onMutated);
  }

  private async catchUp(today: string, onProgress: (p: LoadProgress) => void, signal?: AbortSignal) {
    if (this.dirty.size === 0) return;
    if (this.list) {
      this.byId = new Map(this.list.map((s) => [s.id, s]));
      this.list = null;
    }
    const byId = this.byId!;
    const total = this.dirty.size;
    let done = 0;
    while (this.dirty.size > 0) {
      if (signal?.aborted) throw new DOMException('The report was left before it finished loading.', 'AbortError');
      const ids = [...this.dirty].slice(0, CATCH_UP_CHUNK);
      for (const id of ids) this.dirty.delete(id);
      const rows = await this.database.reportRows.bulkGet(ids);
      const present: ReportRow[] = [];
      rows.forEach((row, i) => (row ? present.push(row) : byId.delete(ids[i])));
      for (const summary of await summariesOf(this.database, present, today)) byId.set(summary.id, summary);
      done += ids.length;
      onProgress({ stage: 'written', done: Math.min(done, total), total: Math.max(total, done) });
      if (this.stale) {
        // A range write came in meanwhile: start again.
        this.byId = null;
        return;
      }
    }
  }

  private onMutated = (parts: ObservabilitySet) => {
    if ('all' in parts) {
      this.stale = true;
      return;
    }
    // Only the primary-key parts: index parts hold index values (compound ones are arrays), not case ids.
    const part = (table: string) => parts[`idb://${this.database.name}/${table}/`];
    // A cases or timelines write is always matched by an index write, except a range write (a clear or a restore).
    for (const table of ['cases', TIMELINE_TABLE, 'reportRows'])
      if (part(table) && pointKeys(part(table)) === null) this.stale = true;
    const index = part('caseIndex');
    if (!index) return;
    const keys = pointKeys(index);
    if (keys === null) this.stale = true;
    else for (const key of keys) this.dirty.add(key);
  };
}

const caches = new WeakMap<RedressDatabase, SummaryCache>();

/** The summary cache of a database (one per database, kept while the app runs). */
export function summaryCache(database: RedressDatabase): SummaryCache {
  let cache = caches.get(database);
  if (!cache) {
    cache = new SummaryCache(database);
    caches.set(database, cache);
  }
  return cache;
}
