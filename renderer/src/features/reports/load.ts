// Reading every case's report summary, once per page view. Each case has a report row (db/schema.ts `ReportRow`,
// written with the case index in every write transaction) from which its summary on any day after its last entry
// follows without the timeline and without the rules engine (shared/reports `summaryOn`). So the load reads 100,000
// small rows in primary-key ranges, instead of 772,000 timeline entries and every case, and evaluates nothing. A case
// whose last entry is after `today` (a clock set back) is summarised from its case and timeline, as before.
// Pauses between chunks keep the page responsive and showing progress.
import type { CaseRecord, TimelineEvent } from '#shared/model/case';
import { summariseCase, summaryOn, type CaseSummary } from '#shared/reports/index';
import type { RedressDatabase, ReportRow } from '#db/schema';
import { keepPacked, readPacked } from '#db/packs';
import { readTimeline } from '#db/timeline';

export interface LoadProgress {
  /** What is being read: every case's report row, or only those of the cases written since the last read. */
  stage: 'all' | 'written';
  done: number;
  total: number;
}

/**
 * The load's progress, outside React state: only the progress bar listens, so a chunk read re-renders the bar and not
 * the page (its filters and their pop-overs cost tens of milliseconds a render: 20 chunks at 100,000 cases).
 */
export class ProgressStore {
  private value: LoadProgress = { stage: 'all', done: 0, total: 0 };
  private readonly listeners = new Set<() => void>();
  get = (): LoadProgress => this.value;
  set = (value: LoadProgress): void => {
    this.value = value;
    for (const listener of this.listeners) listener();
  };
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/** Rows per read: big enough that the database streams, small enough that each chunk is a short task. */
const CHUNK = 5000;
/** Packed rows summarised per step (a step is tens of milliseconds; a pause between keeps the page answering). */
const PACKED_CHUNK = 20_000;
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The summaries on `today` of these report rows, reading the case and its timeline only for a row that needs it. */
export async function summariesOf(
  database: RedressDatabase,
  rows: readonly ReportRow[],
  today: string,
): Promise<CaseSummary[]> {
  const out: CaseSummary[] = [];
  for (const row of rows) out.push(summaryOn(row, today) ?? (await summariseStored(database, row.caseId, today)));
  return out;
}

/** A case's summary from the case and its whole timeline, as stored. */
async function summariseStored(database: RedressDatabase, caseId: string, today: string): Promise<CaseSummary> {
  const record = (await database.cases.get(caseId)) as CaseRecord;
  const events: TimelineEvent[] = await readTimeline(database, caseId);
  return summariseCase(record, events, today);
}

export async function loadCaseSummaries(
  database: RedressDatabase,
  today: string,
  onProgress: (p: LoadProgress) => void,
  signal?: AbortSignal,
): Promise<CaseSummary[]> {
  const aborted = () => {
    if (signal?.aborted) throw new DOMException('The report was left before it finished loading.', 'AbortError');
  };
  const summaries: CaseSummary[] = [];
  // Every row from the packs (db/packs.ts: a few hundred strings instead of 100,000 objects), when packed.
  const packed = await readPacked<ReportRow>(database, 'reportRows');
  keepPacked(database);
  if (packed) {
    const total = packed.rows.length;
    onProgress({ stage: 'all', done: 0, total });
    for (let at = 0; at < total; at += PACKED_CHUNK) {
      aborted();
      const rows = packed.rows.slice(at, at + PACKED_CHUNK);
      for (const summary of await summariesOf(database, rows, today)) summaries.push(summary);
      onProgress({ stage: 'all', done: summaries.length, total });
      await nextTask();
    }
    return summaries;
  }
  const total = await database.reportRows.count();
  onProgress({ stage: 'all', done: 0, total });
  const read = (after: string | null): Promise<ReportRow[]> =>
    (after === null ? database.reportRows.orderBy(':id') : database.reportRows.where(':id').above(after))
      .limit(CHUNK)
      .toArray();
  // The next chunk is read from IndexedDB while this one is summarised.
  let pending = read(null);
  for (;;) {
    aborted();
    const rows = await pending;
    if (rows.length === 0) break;
    pending = rows.length === CHUNK ? read(rows[rows.length - 1].caseId) : Promise.resolve([]);
    for (const summary of await summariesOf(database, rows, today)) summaries.push(summary);
    onProgress({ stage: 'all', done: Math.min(summaries.length, total), total: Math.max(total, summaries.length) });
    await nextTask();
  }
  return summaries;
}
