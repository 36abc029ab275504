import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { evaluateCase } from '#shared/rules/index';
import { deadlinesCalendar, deadlinesFileName, deadlineUid, type DeadlineEntry } from './deadlines-ics';

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
});
