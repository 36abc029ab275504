import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { evaluateCase } from '#shared/rules/index';
import {
  deadlinesCalendar,
  deadlinesFileName,
  deadlinesWordsIn,
  deadlineUid,
  ENGLISH_DEADLINES_WORDS,
  FRENCH_DEADLINES_WORDS,
  type DeadlineEntry,
} from './deadlines-ics';

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

/** The running clocks of a case, as the export would list them. */
function entriesFor(caseId: string, reference: string, receivedOn: string, today: string): DeadlineEntry[] {
  const evaluation = evaluateCase(
    { procedureId: 'kijoma', calendar: 'england-and-wales', receivedOn, channel: 'email', events: [] },
    today,
  );
  return evaluation.clocks
    .filter(
      (c) =>
        c.dueOn &&
        c.closedOn === null &&
        (c.state === 'running' || c.state === 'missed') &&
        c.id !== 'adr-referral-window',
    )
    .map((c) => ({
      caseId,
      reference,
      clockId: c.id,
      label: c.label,
      dueOn: c.dueOn!,
      dueOnInWords: c.dueOn!,
      explanation: c.explanation,
      rule: c.rule,
      overdue: c.dueOn! < today,
    }));
}

describe('deadlines as an ICS calendar', () => {
  const exportedAt = new Date('2026-12-18T10:30:00Z');
  const entries = [
    ...entriesFor('case-1', 'RDR-2026-000042', '2026-12-18', '2026-12-18'),
    ...entriesFor('case-2', 'RDR-2026-000043', '2026-11-02', '2026-12-18'),
  ];

  it('has one all-day event per clock, on the rules engine’s due date, read back by a real calendar parser', () => {
    expect(new Set(entries.map((e) => e.caseId))).toEqual(new Set(['case-1', 'case-2']));
    const { calendar, events } = parse(deadlinesCalendar({ entries, exportedAt, deskName: 'Northwind Broadband' }));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(events).toHaveLength(entries.length);
    for (const entry of entries) {
      const event = events.find((e) => e.uid === deadlineUid(entry.caseId, entry.clockId))!;
      expect(event, entry.clockId).toBeDefined();
      expect(event.startDate.isDate).toBe(true);
      expect(event.startDate.toString()).toBe(entry.dueOn);
      // Ends the next day (exclusive): one whole day.
      expect(event.duration.toSeconds()).toBe(86_400);
      expect(event.summary).toBe(`${entry.reference}: ${entry.label} due${entry.overdue ? ' (overdue)' : ''}`);
      expect(event.description).toContain(entry.explanation);
      expect(event.description).toContain(entry.rule);
    }
  });

  it('writes the example from REGULATION.md: the ADR letter due 2027-01-29', () => {
    const { events } = parse(deadlinesCalendar({ entries, exportedAt, deskName: 'x' }));
    const adr = events.find((e) => e.uid === deadlineUid('case-1', 'adr-letter'))!;
    expect(adr.startDate.toString()).toBe('2027-01-29');
    expect(adr.summary).toBe('RDR-2026-000042: ADR letter due');
    expect(adr.description).toContain('due 2027-01-29: received 2026-12-18 + 6 weeks, Ofcom GC C4 from 2026-04-08');
  });

  it('keeps the same UIDs when exported again later, so a calendar updates the events instead of copying them', () => {
    const first = parse(deadlinesCalendar({ entries, exportedAt, deskName: 'x' }))
      .events.map((e) => e.uid)
      .sort();
    const later = parse(
      deadlinesCalendar({
        entries: [...entries].reverse(),
        exportedAt: new Date('2027-01-05T08:00:00Z'),
        deskName: 'x',
      }),
    )
      .events.map((e) => e.uid)
      .sort();
    expect(later).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });

  it('gives the same dates whatever the time zone of the computer (all-day dates carry no zone)', () => {
    const text = deadlinesCalendar({ entries, exportedAt, deskName: 'x' });
    expect(text).toMatch(/DTSTART;VALUE=DATE:20270129/);
    expect(text).not.toMatch(/TZID/);
  });

  it('marks overdue clocks and escapes text', () => {
    const { events } = parse(
      deadlinesCalendar({
        entries: [
          {
            caseId: 'c',
            reference: 'RDR-2026-000001',
            clockId: 'acknowledgement',
            label: 'Acknowledge, at once; today',
            dueOn: '2026-12-01',
            dueOnInWords: '2026-12-01',
            explanation: 'a, b; c\nd',
            rule: 'r',
            overdue: true,
          },
        ],
        exportedAt,
        deskName: 'x',
      }),
    );
    expect(events[0].summary).toBe('RDR-2026-000001: Acknowledge, at once; today due (overdue)');
    expect(events[0].description).toContain('a, b; c\nd');
  });

  it('is named by the date, after the stem given in the interface language (English by default, as before)', () => {
    expect(deadlinesFileName('2026-11-18')).toBe('redress-deadlines-2026-11-18.ics');
    expect(deadlinesFileName('2026-11-18', 'redress-echeances')).toBe('redress-echeances-2026-11-18.ics');
  });

  it('is an empty but valid calendar when nothing is open', () => {
    const { calendar, events } = parse(deadlinesCalendar({ entries: [], exportedAt, deskName: 'x' }));
    expect(calendar.name).toBe('vcalendar');
    expect(events).toEqual([]);
  });

  it('writes English exactly as the file always has been, with or without the English words given', () => {
    const entry: DeadlineEntry = {
      caseId: 'c',
      reference: 'RDR-2026-000001',
      clockId: 'adr-letter',
      label: 'ADR letter',
      dueOn: '2027-01-29',
      dueOnInWords: '2027-01-29',
      explanation: 'due 2027-01-29: received 2026-12-18 + 6 weeks, Ofcom GC C4 from 2026-04-08',
      rule: 'Ofcom GC C4 from 2026-04-08',
      overdue: true,
    };
    const before = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Redress//Redress deadlines//EN',
      'METHOD:PUBLISH',
      'NAME:Redress deadlines: Northwind Broadband',
      'X-WR-CALNAME:Redress deadlines: Northwind Broadband',
      'X-WR-CALDESC:Open complaint deadlines exported from Redress',
      'BEGIN:VEVENT',
      'UID:c.adr-letter@redress.deadlines',
      'SEQUENCE:0',
      'DTSTAMP:20261218T103000Z',
      'DTSTART;VALUE=DATE:20270129',
      'DTEND;VALUE=DATE:20270130',
      'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE',
      'X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT:TRUE',
      'SUMMARY:RDR-2026-000001: ADR letter due (overdue)',
      'TRANSP:TRANSPARENT',
      'DESCRIPTION:ADR letter due 2027-01-29.\\ndue 2027-01-29: received 2026-12-1',
      ' 8 + 6 weeks\\, Ofcom GC C4 from 2026-04-08\\nRule: Ofcom GC C4 from 2026-04-',
      ' 08\\nCase RDR-2026-000001: open it in Redress for the details.',
      'CATEGORIES:Redress',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const input = { entries: [entry], exportedAt, deskName: 'Northwind Broadband' };
    expect(deadlinesCalendar(input)).toBe(before);
    expect(deadlinesCalendar({ ...input, words: ENGLISH_DEADLINES_WORDS })).toBe(before);
    expect(deadlinesCalendar({ ...input, words: deadlinesWordsIn('en-CA') })).toBe(before);
  });

  it('says the calendar’s own words in French for a French interface, with French typography', () => {
    expect(deadlinesWordsIn('fr-CA')).toBe(FRENCH_DEADLINES_WORDS);
    expect(deadlinesWordsIn('en-GB')).toBe(ENGLISH_DEADLINES_WORDS);
    const entry: DeadlineEntry = {
      caseId: 'c',
      reference: 'RDR-2026-000042',
      clockId: 'adr-letter',
      label: 'Lettre de recours externe',
      dueOn: '2027-01-01',
      dueOnInWords: '1er janv. 2027',
      explanation: 'Échéance le 1er janv. 2027\u00a0: reçue le 20 nov. 2026 + 6 semaines',
      rule: 'condition générale C4 de l’Ofcom en vigueur depuis le 8 avril 2026',
      overdue: false,
    };
    const text = deadlinesCalendar({
      entries: [entry, { ...entry, caseId: 'd', reference: 'RDR-2026-000043', overdue: true }],
      exportedAt,
      deskName: 'Télé Québec',
      words: FRENCH_DEADLINES_WORDS,
    });
    expect(text).toContain('PRODID:-//Redress//Redress deadlines//FR\r\n');
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('name')).toBe('Échéances Redress\u00a0: Télé Québec');
    expect(calendar.getFirstPropertyValue('x-wr-caldesc')).toBe(
      'Échéances des plaintes ouvertes, exportées de Redress',
    );
    expect(events.map((e) => e.summary)).toEqual([
      'RDR-2026-000042\u00a0: Lettre de recours externe à échéance',
      'RDR-2026-000043\u00a0: Lettre de recours externe à échéance (en retard)',
    ]);
    expect(events[0].description).toBe(
      [
        'Lettre de recours externe\u00a0: échéance le 1er janv. 2027.',
        'Échéance le 1er janv. 2027\u00a0: reçue le 20 nov. 2026 + 6 semaines',
        'Règle\u00a0: condition générale C4 de l’Ofcom en vigueur depuis le 8 avril 2026',
        'Dossier RDR-2026-000042\u00a0: ouvrez-le dans Redress pour en voir les détails.',
      ].join('\n'),
    );
    for (const event of events) expect(`${event.summary}\n${event.description}`).not.toMatch(/\b(due|Rule|Case)\b/);
  });

  it('gives every event the same UID and date in either language, so a French file updates an English one’s events', () => {
    const uids = (words = ENGLISH_DEADLINES_WORDS) =>
      parse(deadlinesCalendar({ entries, exportedAt, deskName: 'x', words }))
        .events.map((e) => `${e.uid} ${e.startDate.toString()}`)
        .sort();
    expect(uids(FRENCH_DEADLINES_WORDS)).toEqual(uids());
    expect(uids()).toHaveLength(entries.length);
  });
});
