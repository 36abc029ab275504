// Reading every case and its timeline for the reports, once per page view. At 100,000 cases and 770,000 timeline
// entries this is seconds of work, so it is done in chunks of consecutive case ids (one range read of the cases and
// one of the events' caseId index per chunk), each case boiled down to its summary (shared/reports) at once, with a
// pause between chunks so the page stays responsive and shows progress. Only the small summaries are kept.
import type { CaseRecord, TimelineEvent } from '../../../../shared/model/case';
import { summariseCase, type CaseSummary } from '../../../../shared/reports';
import type { RedressDatabase } from '../../db/schema';

export interface LoadProgress {
  done: number;
  total: number;
}

/** Cases per chunk: small enough that summarising one stays well under 100 ms of main-thread work. */
const CHUNK = 1000;
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function loadCaseSummaries(
  database: RedressDatabase,
  today: string,
  onProgress: (p: LoadProgress) => void,
  signal?: AbortSignal,
): Promise<CaseSummary[]> {
  const ids = (await database.cases.toCollection().primaryKeys()) as string[];
  const total = ids.length;
  const summaries: CaseSummary[] = [];
  onProgress({ done: 0, total });
  const read = (i: number) => {
    const first = ids[i];
    const last = ids[Math.min(i + CHUNK, total) - 1];
    return database.transaction('r', database.cases, database.events, () =>
      Promise.all([
        database.cases.where(':id').between(first, last, true, true).toArray(),
        database.events.where('caseId').between(first, last, true, true).toArray(),
      ]),
    );
  };
  // The next chunk is read from IndexedDB while this one is summarised.
  let pending = total ? read(0) : null;
  for (let i = 0; i < total; i += CHUNK) {
    if (signal?.aborted) throw new DOMException('The report was left before it finished loading.', 'AbortError');
    const [records, events] = await pending!;
    pending = i + CHUNK < total ? read(i + CHUNK) : null;
    const byCase = new Map<string, TimelineEvent[]>();
    for (const e of events) {
      const list = byCase.get(e.caseId);
      if (list) list.push(e);
      else byCase.set(e.caseId, [e]);
    }
    for (const record of records as CaseRecord[]) summaries.push(summariseCase(record, byCase.get(record.id) ?? [], today));
    onProgress({ done: Math.min(i + CHUNK, total), total });
    await nextTask();
  }
  return summaries;
}
