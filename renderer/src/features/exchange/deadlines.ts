// The open deadlines of every active case as an ICS calendar (shared/exports/deadlines-ics.ts). The clocks come from
// the rules engine, evaluated on today's date; "open" is what the case index and the dashboard count as pending
// (db/derive.ts isPendingClock): running or missed, not yet closed, and something the desk has to do.
import { deadlinesCalendar, deadlinesFileName, type DeadlineEntry } from '#shared/exports/deadlines-ics';
import type { CaseRecord } from '#shared/model/case';
import type { InterfaceLocale } from '#shared/model/dates';
import { translate } from '#lib/i18n/index';
import { evaluateRecord } from '#lib/rules';
import { isPendingClock } from '#db/case-index/derive';
import { ACTIVE_STATUSES, caseIdsWithStatus } from '#db/case-index/queries';
import type { RedressDatabase } from '#db/schema';
import { platform } from '#platform';
import type { ExportOutcome } from './cases-export';
import { timelinesOf } from '#db/timeline';

/** One entry per open clock of every active case (or of the given cases). */
export async function openDeadlines(
  database: RedressDatabase,
  today: string,
  caseIds?: readonly string[],
): Promise<DeadlineEntry[]> {
  const ids = caseIds ? [...caseIds] : await caseIdsWithStatus(database, ACTIVE_STATUSES);
  if (ids.length === 0) return [];
  const records = (await database.cases.bulkGet(ids)).filter((r): r is CaseRecord => !!r);
  const events = await timelinesOf(database, ids);
  const entries: DeadlineEntry[] = [];
  for (const record of records) {
    const { evaluation } = evaluateRecord(record, events.get(record.id) ?? [], today);
    if (!evaluation) continue;
    for (const clock of evaluation.clocks) {
      if (!isPendingClock(clock, evaluation)) continue;
      entries.push({
        caseId: record.id,
        reference: record.reference,
        clockId: clock.id,
        label: clock.label,
        dueOn: clock.dueOn!,
        explanation: clock.explanation,
        rule: clock.rule,
        overdue: clock.dueOn! < today,
      });
    }
  }
  return entries;
}

export async function exportDeadlinesIcs(
  database: RedressDatabase,
  /** locale: the interface language, which names the file (catalogue `exchange.ics.fileName`). */
  options: { today: string; deskName: string; locale: InterfaceLocale; now?: Date },
): Promise<ExportOutcome> {
  const entries = await openDeadlines(database, options.today);
  const text = deadlinesCalendar({ entries, exportedAt: options.now ?? new Date(), deskName: options.deskName });
  const result = await platform().saveFile({
    suggestedName: deadlinesFileName(options.today, translate(options.locale, 'exchange.ics.fileName')),
    mimeType: 'text/calendar',
    data: new TextEncoder().encode(text),
  });
  if (!result.ok) return { saved: false, count: entries.length, error: result.error, message: result.message };
  if (!result.saved) return { saved: false, count: entries.length };
  return { saved: true, count: entries.length, fileName: result.fileName };
}
