// The desk's open deadlines as an iCalendar file (RFC 5545) for Outlook or Google Calendar: one all-day event per open
// clock, on its due date. Written with ical-generator. Pure: the caller chooses the clocks (the renderer uses the rules
// engine and the case index's idea of "pending", renderer/src/db/derive.ts) and passes the time of export.
//
// All-day events carry a date with no time zone, so no time-zone data is needed and the date is the same wherever the
// file is opened. Every event's UID is made from the case and the clock, so importing a newer file again updates the
// events instead of adding copies. Customer names are left out: calendars are often synced to online services.
//
// The calendar speaks the interface language. Its own words (the calendar's name, each event's summary and the lines
// around the explanation) are the tables below, English as the file has always been written; the clock's name, the
// explanation, the rule and the due date in words come in the entries already in that language (the renderer says
// them as its screens do, features/exchange/deadlines.ts), so an event's notes write its date once, one way, the
// explanation's. The UIDs do not depend on the language.
import ical, { ICalCalendarMethod, ICalEventTransparency } from 'ical-generator';
import { languageOfLocale } from '#shared/model/dates';
import { addCalendarDays } from '#shared/rules/dates';

export interface DeadlineEntry {
  caseId: string;
  reference: string;
  clockId: string;
  /** The clock's name in the calendar's language, e.g. "ADR letter", « Lettre de recours externe ». */
  label: string;
  /** YYYY-MM-DD */
  dueOn: string;
  /**
   * The due date as the explanation writes it, in the calendar's language: "2027-01-29" in English (the engine's
   * record), « 29 janv. 2027 » in French (the screens' short date). The notes' own line says it the same way.
   */
  dueOnInWords: string;
  /** The rules engine's plain-words explanation of the date, in the calendar's language. */
  explanation: string;
  /** The rule and its version, in the calendar's language. */
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

/** What the calendar says around its entries, in one language. */
export interface DeadlinesIcsWords {
  /** The language of the calendar's text, for its PRODID ("EN", "FR"). */
  language: string;
  /** The calendar's name: "Redress deadlines: Northwind Broadband". */
  calendarName(deskName: string): string;
  calendarDescription: string;
  /** An event's title: "RDR-2026-000042: ADR letter due (overdue)". */
  summary(entry: Pick<DeadlineEntry, 'reference' | 'label' | 'overdue'>): string;
  /** An event's notes: when it is due, why (the explanation), under which rule, and where to read more. */
  description(entry: DeadlineEntry): string;
}

/** English: the words the calendar has always had (dates as recorded, YYYY-MM-DD, in the entries). */
export const ENGLISH_DEADLINES_WORDS: DeadlinesIcsWords = {
  language: 'EN',
  calendarName: (deskName) => `Redress deadlines: ${deskName}`,
  calendarDescription: 'Open complaint deadlines exported from Redress',
  summary: (entry) => `${entry.reference}: ${entry.label} due${entry.overdue ? ' (overdue)' : ''}`,
  description: (entry) =>
    `${entry.label} due ${entry.dueOnInWords}.\n${entry.explanation}\nRule: ${entry.rule}\nCase ${entry.reference}: open it in Redress for the details.`,
};

// French typography: a non-breaking space before a colon, as the interface's catalogue writes it; the due date as the
// entry's explanation writes it (« 29 janv. 2027 »), not in full as a letter would.
export const FRENCH_DEADLINES_WORDS: DeadlinesIcsWords = {
  language: 'FR',
  calendarName: (deskName) => `Échéances Redress\u00a0: ${deskName}`,
  calendarDescription: 'Échéances des plaintes ouvertes, exportées de Redress',
  summary: (entry) => `${entry.reference}\u00a0: ${entry.label} à échéance${entry.overdue ? ' (en retard)' : ''}`,
  description: (entry) =>
    `${entry.label}\u00a0: échéance le ${entry.dueOnInWords}.\n${entry.explanation}\n` +
    `Règle\u00a0: ${entry.rule}\nDossier ${entry.reference}\u00a0: ouvrez-le dans Redress pour en voir les détails.`,
};

/** The calendar's words in an interface language ("fr-CA" → French); English for any other. */
export function deadlinesWordsIn(locale: string): DeadlinesIcsWords {
  return languageOfLocale(locale) === 'fr' ? FRENCH_DEADLINES_WORDS : ENGLISH_DEADLINES_WORDS;
}

export function deadlinesCalendar(input: {
  entries: readonly DeadlineEntry[];
  /** When the file is made (the events' DTSTAMP). */
  exportedAt: Date;
  /** The desk's company name, for the calendar's name. */
  deskName: string;
  /** The calendar's own words in the interface language (`deadlinesWordsIn`); English unless given. */
  words?: DeadlinesIcsWords;
}): string {
  const words = input.words ?? ENGLISH_DEADLINES_WORDS;
  const calendar = ical({
    name: words.calendarName(input.deskName),
    description: words.calendarDescription,
    prodId: { company: 'Redress', product: 'Redress deadlines', language: words.language },
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
      summary: words.summary(entry),
      description: words.description(entry),
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
