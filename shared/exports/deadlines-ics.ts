// The desk's open deadlines as an iCalendar file (RFC 5545) for Outlook or Google Calendar: one all-day event per open
// clock, on its due date. Written with ical-generator. Pure: the caller chooses the clocks (the renderer uses the rules
// engine and the case index's idea of "pending", renderer/src/db/derive.ts) and passes the time of export.
//
// All-day events carry a date with no time zone, so no time-zone data is needed and the date is the same wherever the
// file is opened. Every event's UID is made from the case and the clock, so importing a newer file again updates the
// events instead of adding copies. Customer names are left out: calendars are often synced to online services.
import ical, { ICalCalendarMethod, ICalEventTransparency } from 'ical-generator';
import { addCalendarDays } from '#shared/rules/dates';

export interface DeadlineEntry {
  caseId: string;
  reference: string;
  clockId: string;
  /** The clock's name, e.g. "ADR letter". */
  label: string;
  /** YYYY-MM-DD */
  dueOn: string;
  /** The rules engine's plain-words explanation of the date. */
  explanation: string;
  /** The rule and its version. */
  rule: string;
  /** Overdue already (the clock is missed but still open). */
  overdue: boolean;
}

/** The stable identity of a case's clock in any calendar the file is imported into. */
export function deadlineUid(caseId: string, clockId: string): string {
  return `${caseId}.${clockId}@redress.deadlines`;
}

/** UTC midnight of a date: ical-generator writes an all-day date from the UTC parts of a Date. */
const utcMidnight = (isoDate: string) => new Date(`${isoDate}T00:00:00.000Z`);

/** "RDR-2026-000042: ADR letter due" */
export function deadlineSummary(entry: Pick<DeadlineEntry, 'reference' | 'label' | 'overdue'>): string {
  return `${entry.reference}: ${entry.label} due${entry.overdue ? ' (overdue)' : ''}`;
}

export function deadlinesCalendar(input: {
  entries: readonly DeadlineEntry[];
  /** When the file is made (the events' DTSTAMP). */
  exportedAt: Date;
  /** The desk's company name, for the calendar's name. */
  deskName: string;
}): string {
  const calendar = ical({
    name: `Redress deadlines: ${input.deskName}`,
    description: 'Open complaint deadlines exported from Redress',
    prodId: { company: 'Redress', product: 'Redress deadlines', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  const sorted = [...input.entries].sort(
    (a, b) =>
      a.dueOn.localeCompare(b.dueOn) || a.reference.localeCompare(b.reference) || a.clockId.localeCompare(b.clockId),
  );
  for (const entry of sorted) {
    calendar.createEvent({
      id: deadlineUid(entry.caseId, entry.clockId),
      allDay: true,
      start: utcMidnight(entry.dueOn),
      end: utcMidnight(addCalendarDays(entry.dueOn, 1)),
      stamp: input.exportedAt,
      summary: deadlineSummary(entry),
      description: `${entry.label} due ${entry.dueOn}.\n${entry.explanation}\nRule: ${entry.rule}\nCase ${entry.reference}: open it in Redress for the details.`,
      categories: [{ name: 'Redress' }],
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  return calendar.toString();
}

/** The file's name before the date, in English (the interface's catalogue says it in each language). */
export const DEADLINES_FILE_STEM = 'redress-deadlines';

/**
 * A file name for the export, e.g. "redress-deadlines-2026-11-18.ics"; `stem` is the name before the date in the
 * interface language (catalogue `exchange.ics.fileName`: « redress-echeances »).
 */
export function deadlinesFileName(today: string, stem: string = DEADLINES_FILE_STEM): string {
  return `${stem}-${today}.ics`;
}
