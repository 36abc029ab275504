// The open deadlines of every active case as an ICS calendar (shared/exports/deadlines-ics.ts). The clocks come from
// the rules engine, evaluated on today's date; "open" is what the case index and the dashboard count as pending
// (db/derive.ts isPendingClock): running or missed, not yet closed, and something the desk has to do. The calendar is
// in the interface language: the clock's name, the explanation and the rule as the screens say them (English keeps
// the engine's own sentences, as the file has always had), around the calendar's own words (deadlinesWordsIn).
import {
  deadlinesCalendar,
  deadlinesFileName,
  deadlinesWordsIn,
  type DeadlineEntry,
} from '#shared/exports/deadlines-ics';
import type { CaseRecord } from '#shared/model/case';
import { type InterfaceLocale, languageOfLocale } from '#shared/model/dates';
import type { Clock } from '#shared/rules/index';
import { clockLabel, explanationIn, regulationIn, translate, type Translate } from '#lib/i18n/index';
import { evaluateRecord } from '#lib/rules';
import { formatShortDate } from '#lib/format';
import { isPendingClock } from '#db/case-index/derive';
import { ACTIVE_STATUSES, caseIdsWithStatus } from '#db/case-index/queries';
import type { RedressDatabase } from '#db/schema';
import { platform } from '#platform';
import type { ExportOutcome } from './cases-export';
import { timelinesOf } from '#db/timeline';

/**
 * A due clock's name, explanation, rule and due date in `locale`: English as the engine records them ("2027-01-29"),
 * another as the screens say them, the date as the explanation writes it (« 29 janv. 2027 »).
 */
export function clockWordsIn(
  locale: InterfaceLocale,
  clock: Pick<Clock, 'label' | 'explanation' | 'explain' | 'rule'> & { dueOn: string },
): Pick<DeadlineEntry, 'label' | 'explanation' | 'rule' | 'dueOnInWords'> {
  if (languageOfLocale(locale) === 'en')
    return { label: clock.label, explanation: clock.explanation, rule: clock.rule, dueOnInWords: clock.dueOn };
  const t: Translate = (key, values) => translate(locale, key, values);
  return {
    label: clockLabel(t, clock.label),
    explanation: explanationIn(t, locale, clock.explain),
    rule: regulationIn(t, clock.rule),
    dueOnInWords: formatShortDate(clock.dueOn, locale),
  };
}

/** One entry per open clock of every active case (or of the given cases), its words in `locale`. */
export async function openDeadlines(
  database: RedressDatabase,
  today: string,
  locale: InterfaceLocale = 'en-GB',
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
      const dueOn = clock.dueOn!;
      entries.push({
        caseId: record.id,
        reference: record.reference,
        clockId: clock.id,
        ...clockWordsIn(locale, { ...clock, dueOn }),
        dueOn,
        overdue: dueOn < today,
      });
    }
  }
  return entries;
}

export async function exportDeadlinesIcs(
  database: RedressDatabase,
  /** locale: the interface language, which names the file (catalogue `exchange.ics.fileName`) and writes it. */
  options: { today: string; deskName: string; locale: InterfaceLocale; now?: Date },
): Promise<ExportOutcome> {
  const entries = await openDeadlines(database, options.today, options.locale);
  const text = deadlinesCalendar({
    entries,
    exportedAt: options.now ?? new Date(),
    deskName: options.deskName,
    words: deadlinesWordsIn(options.locale),
  });
  const result = await platform().saveFile({
    suggestedName: deadlinesFileName(options.today, translate(options.locale, 'exchange.ics.fileName')),
    mimeType: 'text/calendar',
    data: new TextEncoder().encode(text),
  });
  if (!result.ok) return { saved: false, count: entries.length, error: result.error, message: result.message };
  if (!result.saved) return { saved: false, count: entries.length };
  return { saved: true, count: entries.length, fileName: result.fileName };
}
