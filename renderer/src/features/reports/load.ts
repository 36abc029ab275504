// Reading every case and its timeline for the reports, once per page view. At 100,000 cases and 770,000 timeline
// entries the cost is IndexedDB, not the sums: looking each case's entries up through the `caseId` index made the
// page wait on the database for most of 40 s. So the timeline store is read straight through in primary-key order
// (large pages, no index indirection), each entry slimmed at once to what reports read (shared/reports: type, dates,
// data.stage and the payment fields) and grouped by case; then the cases are read in primary-key ranges and each is
// boiled down to its summary. Pauses between pages keep the page responsive and showing progress. Only the slim
// entries and the small summaries are kept.
import type { CaseRecord, TimelineEvent } from '#shared/model/case';
import { summariseCase, type CaseSummary, type ReportEvent } from '#shared/reports/index';
import type { RedressDatabase } from '#db/schema';

export interface LoadProgress {
  /** What is being read: the timelines first, then the cases. */
  stage: 'timelines' | 'cases';
  done: number;
  total: number;
}

/** Timeline entries per read: big enough that the database streams, small enough to slim without a long task. */
const EVENT_PAGE = 20_000;
/** Cases per chunk: small enough that summarising one stays well under 100 ms of main-thread work. */
const CHUNK = 1000;
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Only what shared/reports reads of an entry (see the comment at the top of shared/reports/summary.ts). No id: the
 * entries are read in id order, so entries recorded in the same instant stay in id order, as THE order has them
 * (compareTimelineEvents, shared/model/case.ts; the sort is stable).
 */
function slim(e: TimelineEvent): ReportEvent {
  const out: ReportEvent = { type: e.type, on: e.on, at: e.at, id: e.id };
  const d = e.data;
  // A void keeps the id of the entry it cancels: the reports leave that entry out.
  if (e.type === 'voided' && typeof d?.entryId === 'string') {
    out.data = { entryId: d.entryId };
    return out;
  }
  if (d && (d.stage !== undefined || d.amount !== undefined)) {
    const data: Record<string, unknown> = {};
    if (d.stage !== undefined) data.stage = d.stage;
    if (d.amount !== undefined) data.amount = d.amount;
    if (d.currency !== undefined) data.currency = d.currency;
    if (d.kind !== undefined) data.kind = d.kind;
    out.data = data as TimelineEvent['data'];
  }
  return out;
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

  // 1. Every timeline entry, grouped by case.
  const totalEvents = await database.events.count();
  const byCase = new Map<string, ReportEvent[]>();
  let readEvents = 0;
  let after: string | null = null;
  onProgress({ stage: 'timelines', done: 0, total: totalEvents });
  for (;;) {
    aborted();
    const page: TimelineEvent[] = await (
      after === null ? database.events.orderBy(':id') : database.events.where(':id').above(after)
    )
      .limit(EVENT_PAGE)
      .toArray();
    if (page.length === 0) break;
    for (const e of page) {
      const list = byCase.get(e.caseId);
      if (list) list.push(slim(e));
      else byCase.set(e.caseId, [slim(e)]);
    }
    after = page[page.length - 1].id;
    readEvents += page.length;
    onProgress({ stage: 'timelines', done: Math.min(readEvents, totalEvents), total: totalEvents });
    await nextTask();
  }

  // 2. The cases, in ranges of consecutive ids, each summarised with its entries.
  const ids = (await database.cases.toCollection().primaryKeys()) as string[];
  const total = ids.length;
  const summaries: CaseSummary[] = [];
  onProgress({ stage: 'cases', done: 0, total });
  const read = (i: number) =>
    database.cases
      .where(':id')
      .between(ids[i], ids[Math.min(i + CHUNK, total) - 1], true, true)
      .toArray();
  // The next chunk is read from IndexedDB while this one is summarised.
  let pending = total ? read(0) : null;
  for (let i = 0; i < total; i += CHUNK) {
    aborted();
    const records = (await pending!) as CaseRecord[];
    pending = i + CHUNK < total ? read(i + CHUNK) : null;
    for (const record of records) {
      summaries.push(summariseCase(record, byCase.get(record.id) ?? [], today));
      byCase.delete(record.id);
    }
    onProgress({ stage: 'cases', done: Math.min(i + CHUNK, total), total });
    await nextTask();
  }
  return summaries;
}
