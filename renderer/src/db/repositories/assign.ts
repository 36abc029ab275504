// Hand a case to another handler: the case's assignee, a timeline event saying who handed it to whom, and the case
// index row, in one transaction.
import type { TimelineEvent } from '#shared/model/case';
import { localIsoDate } from '#shared/model/dates';
import { summaryInEnglish, withDetails } from '#shared/casework/summaries';
import { RecordRefusal } from '#shared/model/refusals';
import { caseWriteTables, refreshCaseIndex } from '#db/case-index/derive';
import { systemNow, type Now } from './cases';
import type { RedressDatabase } from '../schema';
import { recordEntries } from '../timeline';

export interface ReassignOptions {
  /** Who is doing it (the current person's name). */
  by: string;
  /** Why, in a few words (optional; goes on the timeline). */
  reason?: string;
  clock?: Now;
}

/**
 * Make `to` the case's handler. Returns the timeline event written, or null when `to` already handles the case
 * (nothing is written). Throws, writing nothing, for an unknown case or an empty name.
 */
export async function reassignCase(
  database: RedressDatabase,
  caseId: string,
  to: string,
  options: ReassignOptions,
): Promise<TimelineEvent | null> {
  const handler = to.trim();
  if (!handler) throw new RecordRefusal('no-handler');
  const now = (options.clock ?? systemNow).now();
  const at = now.toISOString();
  return database.transaction('rw', caseWriteTables(database), async () => {
    const record = await database.cases.get(caseId);
    if (!record) throw new RecordRefusal('no-case', { id: caseId });
    const from = record.assignee?.trim() ?? '';
    if (from === handler) return null;
    const reason = options.reason?.trim();
    const event: TimelineEvent = {
      id: crypto.randomUUID(),
      caseId,
      type: 'reassigned',
      on: localIsoDate(now),
      at,
      by: options.by,
      summary: summaryInEnglish(
        withDetails(
          from ? { kind: 'handed-over', values: { from, to: handler } } : { kind: 'assigned', values: { to: handler } },
          reason,
        ),
      ),
      data: { from: from || null, to: handler, ...(reason ? { reason } : {}) },
    };
    await database.cases.update(caseId, { assignee: handler, updatedAt: at });
    await recordEntries(database, [event]);
    await refreshCaseIndex(database, caseId);
    return event;
  });
}
