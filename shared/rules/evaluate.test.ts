import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extendCalendar } from './calendars';
import { toDayNumber, toIsoDate } from './dates';
import { RulesError } from './errors';
import { evaluateCase, timeBasedAdrLetterFrom } from './evaluate';
import { caseFacts } from './facts';
import { type Procedure, withProcedures } from './procedure';
import { DEFAULT_PROCEDURES, KIJOMA } from './procedures';
import { regimeVersionFor } from './regimes';
import type { CaseFacts, Clock, Evaluation, RuleEvent } from './types';

function facts(over: Partial<CaseFacts> = {}): CaseFacts {
  return {
    procedureId: 'kijoma',
    calendar: 'england-and-wales',
    receivedOn: '2026-06-01',
    channel: 'email',
    events: [],
    ...over,
  };
}

function clock(e: Evaluation, id: string): Clock {
  const c = e.clocks.find((x) => x.id === id);
  if (!c) throw new Error(`no clock ${id}: ${e.clocks.map((x) => x.id).join(', ')}`);
  return c;
}

function ev(type: RuleEvent['type'], on: string, stage?: string): RuleEvent {
  return stage ? { type, on, stage } : { type, on };
}

describe('the explanation example at the top of REGULATION.md', () => {
  it('due 2027-01-29: received 2026-12-18 + 6 weeks, Ofcom GC C4 from 2026-04-08', () => {
    const e = evaluateCase(facts({ receivedOn: '2026-12-18' }), '2026-12-18');
    const adr = clock(e, 'adr-letter');
    expect(adr.dueOn).toBe('2027-01-29');
    expect(adr.state).toBe('running');
    expect(adr.explanation).toBe('due 2027-01-29: received 2026-12-18 + 6 weeks, Ofcom GC C4 from 2026-04-08');
    expect(adr.rule).toBe('Ofcom GC C4 from 2026-04-08');
    expect(adr.source).toBe('regulation');
  });
});

describe('REGULATION.md §5.2 worked example through evaluateCase', () => {
  it('received Saturday 2026-11-28, 5 working days (England & Wales) → Friday 2026-12-04', () => {
    const e = evaluateCase(facts({ receivedOn: '2026-11-28', channel: 'web' }), '2026-11-30');
    const fr = clock(e, 'first-response');
    expect(fr.dueOn).toBe('2026-12-04');
    expect(fr.explanation).toMatch(
      /^due 2026-12-04: received 2026-11-28 \+ 5 working days, England & Wales calendar, Kijoma Broadband complaints procedure v1/,
    );
    expect(fr.explanation).toContain('The day of receipt does not count');
  });
  it("the same complaint in Scotland is due a day later (St Andrew's Day), and the explanation says so", () => {
    const fr = clock(
      evaluateCase(facts({ receivedOn: '2026-11-28', calendar: 'scotland' }), '2026-11-30'),
      'first-response',
    );
    expect(fr.dueOn).toBe('2026-12-07');
    expect(fr.explanation).toContain('Scotland calendar');
    expect(fr.explanation).toContain("St Andrew's Day 2026-11-30");
  });
});

describe('the 2026-04-07 / 2026-04-08 boundary', () => {
  it('2026-04-07: 8 weeks → 2026-06-02; 2026-04-08: 6 weeks → 2026-05-20', () => {
    const before = clock(evaluateCase(facts({ receivedOn: '2026-04-07' }), '2026-04-08'), 'adr-letter');
    const after = clock(evaluateCase(facts({ receivedOn: '2026-04-08' }), '2026-04-08'), 'adr-letter');
    expect(before.dueOn).toBe('2026-06-02');
    expect(before.explanation).toBe('due 2026-06-02: received 2026-04-07 + 8 weeks, Ofcom GC C4 before 2026-04-08');
    expect(after.dueOn).toBe('2026-05-20');
    expect(after.explanation).toBe('due 2026-05-20: received 2026-04-08 + 6 weeks, Ofcom GC C4 from 2026-04-08');
  });
});

describe('states (REGULATION.md §5.7)', () => {
  // received Mon 2026-06-01 by email: substantive reply due Mon 2026-06-08.
  it.each<[string, RuleEvent[], string, Clock['state'], string | null]>([
    ['running before the due date', [], '2026-06-08', 'running', null],
    ['missed when still open after it', [], '2026-06-09', 'missed', null],
    ['met when answered on the due date', [ev('responded', '2026-06-08')], '2026-06-20', 'met', '2026-06-08'],
    ['met when answered early', [ev('resolved', '2026-06-02')], '2026-06-20', 'met', '2026-06-02'],
    ['missed when answered late', [ev('responded', '2026-06-09')], '2026-06-20', 'missed', '2026-06-09'],
  ])('%s', (_name, events, today, state, closedOn) => {
    const fr = clock(evaluateCase(facts({ events }), today), 'first-response');
    expect(fr.dueOn).toBe('2026-06-08');
    expect(fr.state).toBe(state);
    expect(fr.closedOn).toBe(closedOn);
  });

  it('an acknowledgement is not a response', () => {
    const fr = clock(
      evaluateCase(facts({ events: [ev('acknowledged', '2026-06-01')] }), '2026-06-09'),
      'first-response',
    );
    expect(fr.state).toBe('missed');
    expect(fr.explanation).toMatch(/Missed: no response by the due date\.$/);
  });
});

describe("pauses extend only the provider's own targets (REGULATION.md §5.6)", () => {
  const paused = [ev('paused', '2026-06-03'), ev('resumed', '2026-06-05')];

  it('a pause Wednesday→Friday stops two working days (Wed, Thu) of a working-day target', () => {
    const e = evaluateCase(facts({ events: paused }), '2026-06-05');
    const fr = clock(e, 'first-response');
    expect(fr.dueOn).toBe('2026-06-10');
    expect(fr.pausedDays).toBe(2);
    expect(fr.explanation).toContain('+ 5 working days + 2 working days paused');
    expect(fr.explanation).toContain('Paused 2026-06-03 to 2026-06-05');
    expect(clock(e, 'stage-response').dueOn).toBe('2026-06-10');
  });

  it('regulatory clocks never pause', () => {
    const without = evaluateCase(facts(), '2026-06-05');
    const withPause = evaluateCase(facts({ events: paused }), '2026-06-05');
    expect(clock(withPause, 'adr-letter')).toEqual(clock(without, 'adr-letter'));
    expect(clock(withPause, 'adr-letter').dueOn).toBe('2026-07-13');
  });

  it('a calendar-day target is extended by calendar days', () => {
    const e = evaluateCase(
      facts({
        procedureId: 'kinex',
        events: [
          ev('escalated', '2026-06-02'),
          ev('escalated', '2026-06-05'),
          ev('paused', '2026-06-10'),
          ev('resumed', '2026-06-15'),
        ],
      }),
      '2026-06-15',
    );
    const sr = clock(e, 'stage-response');
    expect(e.stage).toBe('customer-resolution');
    expect(sr.dueOn).toBe('2026-07-08'); // 2026-06-05 + 28 days = 07-03, + 5 paused days
    expect(sr.explanation).toMatch(
      /^due 2026-07-08: entered the Customer resolution stage 2026-06-05 \+ 28 days \+ 5 days paused/,
    );
  });

  it('while still paused the date keeps moving and the state stays running', () => {
    const e = evaluateCase(facts({ events: [ev('paused', '2026-06-03')] }), '2026-06-10');
    const fr = clock(e, 'first-response');
    expect(fr.state).toBe('running');
    expect(fr.dueOn).toBe('2026-06-16'); // 6 working days paused so far (03-10 June inclusive)
    expect(fr.explanation).toContain('since 2026-06-03 (still paused)');
    expect(e.pausedSince).toBe('2026-06-03');
    expect(e.nextActions.map((a) => a.id)).toContain('resume');
  });

  it('a pause that starts after the due date rescues nothing', () => {
    const fr = clock(evaluateCase(facts({ events: [ev('paused', '2026-06-12')] }), '2026-06-15'), 'first-response');
    expect(fr.dueOn).toBe('2026-06-08');
    expect(fr.state).toBe('missed');
  });

  it('a pause after the target was met does not move its date', () => {
    const fr = clock(
      evaluateCase(
        facts({ events: [ev('responded', '2026-06-04'), ev('paused', '2026-06-05'), ev('resumed', '2026-06-09')] }),
        '2026-06-10',
      ),
      'first-response',
    );
    expect(fr.dueOn).toBe('2026-06-08');
    expect(fr.state).toBe('met');
  });

  it('property: pauses never shorten a provider target and never change a regulatory clock', () => {
    const base = toDayNumber('2026-06-01');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 6 })), { maxLength: 3 }),
        fc.integer({ min: 0, max: 80 }),
        fc.constantFrom('kijoma', 'miso', 'kinex', 'infinity', 'ofcom', 'jive-ca'),
        (gaps, todayOffset, procedureId) => {
          const events: RuleEvent[] = [];
          let day = base;
          for (const [gap, length] of gaps) {
            day += gap;
            events.push(ev('paused', toIsoDate(day)));
            day += length;
            events.push(ev('resumed', toIsoDate(day)));
          }
          const today = toIsoDate(Math.max(day, base + todayOffset));
          const calendar = procedureId === 'jive-ca' ? 'canada' : 'england-and-wales';
          const plain = evaluateCase(facts({ procedureId, calendar, channel: 'letter' }), today);
          const withPauses = evaluateCase(facts({ procedureId, calendar, channel: 'letter', events }), today);
          for (const c of withPauses.clocks) {
            const p = clock(plain, c.id);
            // A regulatory clock is exactly as it was without the pauses...
            expect(c).toEqual(c.source === 'regulation' ? p : c);
            // ...and no clock (so no provider target) ends earlier for them, where both have a date.
            expect(c.dueOn !== null && p.dueOn !== null && c.dueOn < p.dueOn, c.id).toBe(false);
          }
        },
      ),
    );
  });
});

describe('ADR letter and referral window', () => {
  it('deadlock: the ADR letter is due at once', () => {
    const e = evaluateCase(facts({ receivedOn: '2026-05-01', events: [ev('deadlock', '2026-05-20')] }), '2026-05-21');
    const adr = clock(e, 'adr-letter');
    expect(adr.dueOn).toBe('2026-05-20');
    expect(adr.state).toBe('missed');
    expect(adr.explanation).toMatch(
      /^due 2026-05-20: deadlock 2026-05-20, ADR letter at once, Ofcom GC C4 from 2026-04-08 \(otherwise due 2026-06-12/,
    );
    expect(e.nextActions[0]).toMatchObject({
      id: 'send-adr-letter',
      label: 'Send the ADR letter (deadlock: at once) (overdue)',
      dueOn: '2026-05-20',
    });
  });

  it("the time-based ADR letter's first day is the ADR letter clock's day, without the deadlock shortcut", () => {
    const plain = evaluateCase(facts({ receivedOn: '2026-05-01' }), '2026-05-01');
    expect(plain.timeBasedAdrLetterFrom).toBe('2026-06-12');
    expect(clock(plain, 'adr-letter').dueOn).toBe(plain.timeBasedAdrLetterFrom);
    const deadlock = evaluateCase(
      facts({ receivedOn: '2026-05-01', events: [ev('deadlock', '2026-05-20')] }),
      '2026-05-21',
    );
    expect(clock(deadlock, 'adr-letter').dueOn).toBe('2026-05-20');
    expect(deadlock.timeBasedAdrLetterFrom).toBe('2026-06-12');
    const version = regimeVersionFor('ofcom-gc-c4', '2026-05-01');
    expect(version && timeBasedAdrLetterFrom(version, { receivedOn: '2026-05-01' })).toBe('2026-06-12');
    // CCTS (Canada) has no ADR letter.
    expect(
      evaluateCase(facts({ procedureId: 'jive-ca', calendar: 'canada' }), '2026-06-01').timeBasedAdrLetterFrom,
    ).toBeNull();
  });

  it('deadlock with the letter the same day: met, and the 12-month window runs from the letter', () => {
    const e = evaluateCase(
      facts({ receivedOn: '2026-05-01', events: [ev('deadlock', '2026-05-20'), ev('adr-letter-sent', '2026-05-20')] }),
      '2026-05-21',
    );
    expect(clock(e, 'adr-letter')).toMatchObject({ state: 'met', closedOn: '2026-05-20' });
    const w = clock(e, 'adr-referral-window');
    expect(w).toMatchObject({ dueOn: '2027-05-20', state: 'running' });
    expect(w.explanation).toBe(
      "closes 2027-05-20: ADR letter sent 2026-05-20 + 12 months, Ofcom GC C4 from 2026-04-08. The customer's time to take the complaint to CISAS (Communications and Internet Services Adjudication Scheme).",
    );
  });

  it('a second ADR letter (corrected, or the final position after the time-based one): the window runs from it', () => {
    // Each letter tells the customer "12 months from the date of this letter": the clock never closes before that.
    const e = evaluateCase(
      facts({
        receivedOn: '2026-11-12',
        events: [
          ev('adr-letter-sent', '2026-12-24'),
          ev('deadlock', '2027-01-05'),
          ev('adr-letter-sent', '2027-01-05'),
        ],
      }),
      '2027-01-06',
    );
    expect(clock(e, 'adr-letter')).toMatchObject({ state: 'met', closedOn: '2026-12-24' });
    const w = clock(e, 'adr-referral-window');
    expect(w).toMatchObject({ dueOn: '2028-01-05', state: 'running' });
    expect(w.explanation).toMatch(/^closes 2028-01-05: ADR letter sent 2027-01-05 \+ 12 months/);
  });

  it('no ADR letter, no window: no time limit applies', () => {
    const w = clock(evaluateCase(facts(), '2026-06-01'), 'adr-referral-window');
    expect(w).toMatchObject({ state: 'not-applicable', dueOn: null });
    expect(w.explanation).toMatch(/No ADR letter has been sent, so no time limit applies/);
  });

  it('the window clamps to month end and is met by a referral inside it', () => {
    const e = evaluateCase(
      facts({
        procedureId: 'ofcom',
        receivedOn: '2028-01-10',
        events: [ev('adr-letter-sent', '2028-02-29'), ev('referred-to-adr', '2028-06-01')],
      }),
      '2028-06-01',
    );
    const w = clock(e, 'adr-referral-window');
    expect(w).toMatchObject({ dueOn: '2029-02-28', state: 'met' });
    expect(w.explanation).toContain('That month has no day 29, so its last day counts.');
    expect(e.stage).toBe('adr');
  });

  it('the window is missed when it closes without a referral', () => {
    const w = clock(
      evaluateCase(facts({ events: [ev('adr-letter-sent', '2026-07-01')] }), '2027-07-02'),
      'adr-referral-window',
    );
    expect(w).toMatchObject({ state: 'missed', dueOn: '2027-07-01' });
    expect(w.explanation).toContain('The window closed on 2027-07-01 without a referral.');
  });

  it('resolved before the ADR date: no letter needed', () => {
    const adr = clock(evaluateCase(facts({ events: [ev('resolved', '2026-06-05')] }), '2026-08-01'), 'adr-letter');
    expect(adr.state).toBe('not-applicable');
    expect(adr.explanation).toMatch(
      /^Not needed: resolved 2026-06-05, on or before the date the ADR letter would have been due \(2026-07-13: received 2026-06-01 \+ 6 weeks/,
    );
  });

  it('resolved after the ADR date without a letter: missed', () => {
    expect(
      clock(evaluateCase(facts({ events: [ev('resolved', '2026-07-20')] }), '2026-08-01'), 'adr-letter').state,
    ).toBe('missed');
  });

  it('a due date on a weekend or holiday is not moved, and the explanation says so', () => {
    const adr = clock(evaluateCase(facts({ receivedOn: '2026-04-11' }), '2026-04-11'), 'adr-letter');
    expect(adr.dueOn).toBe('2026-05-23');
    expect(adr.explanation).toBe(
      'due 2026-05-23: received 2026-04-11 + 6 weeks, Ofcom GC C4 from 2026-04-08. 2026-05-23 is a Saturday; a date counted in days is not moved.',
    );
  });
});

describe('the CCTS report-back (REGULATION.md §2): met by the report sent to the CCTS, nothing else', () => {
  const jive = (events: RuleEvent[]) =>
    facts({ procedureId: 'jive-ca', calendar: 'canada', receivedOn: '2026-06-01', channel: 'phone', events });
  const referred = [ev('escalated', '2026-06-03'), ev('escalated', '2026-06-05'), ev('ccts-referral', '2026-06-10')];

  it('a reply, a resolution or a closure does not meet it: the report is still due, then missed', () => {
    const answered = [
      ...referred,
      ev('responded', '2026-06-12'),
      ev('resolved', '2026-06-15'),
      ev('closed', '2026-06-15'),
    ];
    const running = clock(evaluateCase(jive(answered), '2026-06-20'), 'ccts-response');
    expect(running).toMatchObject({ state: 'running', dueOn: '2026-06-30', closedOn: null });
    const missed = clock(evaluateCase(jive(answered), '2026-07-01'), 'ccts-response');
    expect(missed).toMatchObject({ state: 'missed', dueOn: '2026-06-30', closedOn: null });
    expect(missed.explanation).toMatch(/Missed: no report to the CCTS by the due date\.$/);
  });

  it('the report meets it on or before the 20th day, and misses it after', () => {
    const met = clock(
      evaluateCase(jive([...referred, ev('ccts-report', '2026-06-30')]), '2026-07-05'),
      'ccts-response',
    );
    expect(met).toMatchObject({ state: 'met', dueOn: '2026-06-30', closedOn: '2026-06-30' });
    expect(met.explanation).toMatch(/Met: report sent to the CCTS 2026-06-30\.$/);
    const late = clock(
      evaluateCase(jive([...referred, ev('ccts-report', '2026-07-02')]), '2026-07-05'),
      'ccts-response',
    );
    expect(late).toMatchObject({ state: 'missed', closedOn: '2026-07-02' });
  });

  it('while the report is owed, the next step is to report back to the CCTS, even once the customer has a reply', () => {
    const e = evaluateCase(jive([...referred, ev('responded', '2026-06-12')]), '2026-06-20');
    expect(e.nextActions.map((a) => a.id)).toContain('report-to-ccts');
    const reported = evaluateCase(jive([...referred, ev('ccts-report', '2026-06-12')]), '2026-06-20');
    expect(reported.nextActions.map((a) => a.id)).not.toContain('report-to-ccts');
  });

  it('a voided report no longer counts: the timeline is read as it counts', () => {
    const record = {
      procedureId: 'jive-ca',
      calendar: 'canada' as const,
      receivedOn: '2026-06-01',
      channel: 'phone' as const,
      category: 'billing' as const,
    };
    const entries = [
      { id: 'a', type: 'escalated' as const, on: '2026-06-03', at: '2026-06-03T09:00:00.000Z' },
      { id: 'b', type: 'escalated' as const, on: '2026-06-05', at: '2026-06-05T09:00:00.000Z' },
      { id: 'c', type: 'ccts-referral' as const, on: '2026-06-10', at: '2026-06-10T09:00:00.000Z' },
      { id: 'd', type: 'ccts-report' as const, on: '2026-06-12', at: '2026-06-12T09:00:00.000Z' },
    ];
    const before = clock(evaluateCase(caseFacts(record, entries), '2026-06-20'), 'ccts-response');
    expect(before).toMatchObject({ state: 'met', closedOn: '2026-06-12' });
    const voided = [
      ...entries,
      { id: 'e', type: 'voided' as const, on: '2026-06-13', at: '2026-06-13T09:00:00.000Z', data: { entryId: 'd' } },
    ];
    const after = clock(evaluateCase(caseFacts(record, voided), '2026-06-20'), 'ccts-response');
    expect(after).toMatchObject({ state: 'running', dueOn: '2026-06-30', closedOn: null });
  });

  it('a report before the referral answers nothing', () => {
    const early = [ev('escalated', '2026-06-03'), ev('ccts-report', '2026-06-04'), ev('ccts-referral', '2026-06-10')];
    expect(clock(evaluateCase(jive(early), '2026-06-20'), 'ccts-response')).toMatchObject({ state: 'running' });
  });
});

describe('scope and exclusion warnings', () => {
  it('a business with more than 10 employees: no ADR letter or window, and a warning', () => {
    const e = evaluateCase(facts({ customer: { isBusiness: true, employees: 25 } }), '2026-06-01');
    expect(clock(e, 'adr-letter').state).toBe('not-applicable');
    expect(clock(e, 'adr-referral-window').state).toBe('not-applicable');
    expect(e.warnings.join(' ')).toMatch(/25 employees: outside CISAS .*scope \(10 or fewer employees\)/);
    expect(e.nextActions.map((a) => a.id)).not.toContain('send-adr-letter');
    // Said once, as data, for the letters: they must not offer the scheme.
    expect(e.adrOutOfScope).toEqual({ employees: 25, maxEmployees: 10 });
  });
  it('a business with 10 employees is in scope', () => {
    const e = evaluateCase(facts({ customer: { isBusiness: true, employees: 10 } }), '2026-06-01');
    expect(clock(e, 'adr-letter').state).toBe('running');
    expect(e.warnings).toEqual([]);
    expect(e.adrOutOfScope).toBeUndefined();
  });
  it('a business without a head count: asks for it', () => {
    const e = evaluateCase(facts({ customer: { isBusiness: true } }), '2026-06-01');
    expect(e.warnings.join(' ')).toMatch(/record the number of employees/);
    expect(e.adrOutOfScope).toBeUndefined();
  });
  it('a pricing complaint: warns that the scheme does not rule on pricing', () => {
    const e = evaluateCase(facts({ category: 'pricing' }), '2026-06-01');
    expect(e.warnings.join(' ')).toMatch(/Pricing complaint: .* does not rule on general pricing/);
    expect(clock(e, 'adr-letter').state).toBe('running');
  });
  it('a Canadian procedure on a UK calendar is flagged', () => {
    expect(evaluateCase(facts({ procedureId: 'jive-ca' }), '2026-06-01').warnings.join(' ')).toMatch(
      /unusual for Jive Canada/,
    );
  });
});

describe('bad facts give a clear error, never a wrong date', () => {
  const cases: Array<[string, CaseFacts, string, RegExp, string | undefined]> = [
    [
      'an unknown procedure',
      facts({ procedureId: 'acme' }),
      '2026-06-01',
      /Unknown procedure "acme"; known procedures: kijoma/,
      'procedureId',
    ],
    [
      'an impossible received date',
      facts({ receivedOn: '2026-02-30' }),
      '2026-06-01',
      /receivedOn: "2026-02-30" is not a real date: February 2026 has 28 days/,
      'receivedOn',
    ],
    [
      'an impossible event date',
      facts({ events: [ev('responded', '2026-06-31')] }),
      '2026-07-01',
      /events\[0\]\.on: "2026-06-31" is not a real date: June 2026 has 30 days/,
      'events[0].on',
    ],
    ['an impossible today', facts(), '2026-06-31', /today: "2026-06-31" is not a real date/, 'today'],
    [
      'events out of order',
      facts({
        events: [ev('acknowledged', '2026-06-01'), ev('escalated', '2026-06-05'), ev('responded', '2026-06-03')],
      }),
      '2026-06-10',
      /events\[2\] \(responded on 2026-06-03\) is earlier than events\[1\] \(escalated on 2026-06-05\); events must be listed in date order/,
      'events[2].on',
    ],
    [
      'an event before receipt',
      facts({ events: [ev('acknowledged', '2026-05-31')] }),
      '2026-06-10',
      /events\[0\] \(acknowledged on 2026-05-31\) is before the complaint was received \(2026-06-01\)/,
      'events[0].on',
    ],
    [
      'an event after today',
      facts({ events: [ev('responded', '2026-06-11')] }),
      '2026-06-10',
      /events\[0\] \(responded on 2026-06-11\) is after today \(2026-06-10\)/,
      'events[0].on',
    ],
    [
      'today before receipt',
      facts(),
      '2026-05-31',
      /today \(2026-05-31\) is before the complaint was received \(2026-06-01\)/,
      'today',
    ],
    [
      'an unknown event type',
      facts({ events: [{ type: 'replied' as RuleEvent['type'], on: '2026-06-02' }] }),
      '2026-06-10',
      /events\[0\]\.type: unknown event type "replied"/,
      'events[0].type',
    ],
    [
      'an unknown stage',
      facts({ events: [ev('escalated', '2026-06-02', 'ceo')] }),
      '2026-06-10',
      /events\[0\]\.stage: procedure "kijoma" has no stage "ceo" \(stages: customer-services, management-review, adr\)/,
      'events[0].stage',
    ],
    [
      'a pause while paused',
      facts({ events: [ev('paused', '2026-06-02'), ev('paused', '2026-06-03')] }),
      '2026-06-10',
      /events\[1\] \(paused on 2026-06-03\): the case is already paused since 2026-06-02/,
      'events[1]',
    ],
    [
      'a resume without a pause',
      facts({ events: [ev('resumed', '2026-06-02')] }),
      '2026-06-10',
      /events\[0\] \(resumed on 2026-06-02\): the case is not paused/,
      'events[0]',
    ],
    [
      'an escalation past the last stage',
      facts({ events: [ev('escalated', '2026-06-02'), ev('escalated', '2026-06-03')] }),
      '2026-06-10',
      /events\[1\] \(escalated on 2026-06-03\): the case is already at the last stage of "kijoma" \("management-review"\)/,
      'events[1].stage',
    ],
    [
      'an unknown calendar',
      facts({ calendar: 'wales' as CaseFacts['calendar'] }),
      '2026-06-10',
      /calendar: expected one of "england-and-wales"/,
      'calendar',
    ],
    [
      'an unknown channel',
      facts({ channel: 'fax' as CaseFacts['channel'] }),
      '2026-06-10',
      /channel: expected one of "phone"/,
      'channel',
    ],
    [
      'a negative head count',
      facts({ customer: { isBusiness: true, employees: -3 } }),
      '2026-06-10',
      /customer\.employees: expected a whole number/,
      'customer.employees',
    ],
    ['an unknown extra regime', facts({ regimes: ['gdpr'] }), '2026-06-10', /Unknown regime "gdpr"/, 'regimeId'],
    [
      'a year the calendar has no data for',
      facts({ receivedOn: '2012-06-01' }),
      '2012-06-05',
      /England & Wales calendar has no bank-holiday data for 2012/,
      'calendar',
    ],
    [
      'no events list',
      { ...facts(), events: undefined } as unknown as CaseFacts,
      '2026-06-10',
      /events: expected a list of events/,
      'events',
    ],
  ];
  it.each(cases)('%s', (_name, f, today, message, field) => {
    let error: unknown;
    try {
      evaluateCase(f, today);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RulesError);
    expect((error as RulesError).message).toMatch(message);
    expect((error as RulesError).field).toBe(field);
  });
});

describe('stage, status and next actions', () => {
  it('a new Kijoma case: acknowledge, reply, ADR letter', () => {
    const e = evaluateCase(facts(), '2026-06-01');
    expect(e).toMatchObject({
      stage: 'customer-services',
      stageName: 'Customer services',
      escalationLevel: 0,
      status: 'open',
    });
    expect(e.nextActions.map((a) => [a.label, a.dueOn])).toEqual([
      ['Send a substantive reply', '2026-06-08'],
      ['Send the ADR letter', '2026-07-13'],
      ['Acknowledge the complaint', null],
    ]);
  });

  it('the current stage follows escalations (named or next) and ADR referral', () => {
    const events = [ev('escalated', '2026-06-02'), ev('escalated', '2026-06-04', 'customer-resolution')];
    const e = evaluateCase(facts({ procedureId: 'kinex', events }), '2026-06-05');
    expect(e).toMatchObject({ stage: 'customer-resolution', escalationLevel: 2 });
    expect(clock(e, 'stage-response').dueOn).toBe('2026-07-02');
    expect(e.nextActions.find((a) => a.id === 'stage-response')).toMatchObject({
      label: 'Send the formal written response',
      dueOn: '2026-07-02',
    });
    const later = evaluateCase(
      facts({
        procedureId: 'kinex',
        events: [...events, ev('adr-letter-sent', '2026-07-10'), ev('referred-to-adr', '2026-07-20')],
      }),
      '2026-07-21',
    );
    expect(later.stage).toBe('adr');
    expect(clock(later, 'stage-response').state).toBe('not-applicable');
  });

  it('a customer at the ADR scheme before any ADR letter: the letter is still owed, and the clock says why', () => {
    // Received 1 June 2026: the ADR letter is due 13 July. The customer went to the ombudsman on 20 July, with none.
    const e = evaluateCase(facts({ events: [ev('referred-to-adr', '2026-07-20')] }), '2026-07-21');
    const adr = clock(e, 'adr-letter');
    expect(adr.state).toBe('missed');
    expect(adr.explanation).toContain(
      'The customer took the complaint to the ADR scheme on 2026-07-20: the ADR letter is still owed while the complaint is not resolved.',
    );
    expect(e.nextActions.map((a) => a.id)).toContain('send-adr-letter');
    // Sent afterwards, it is met late, and the clock no longer says so.
    const sent = evaluateCase(
      facts({ events: [ev('referred-to-adr', '2026-07-20'), ev('adr-letter-sent', '2026-07-22')] }),
      '2026-07-23',
    );
    expect(clock(sent, 'adr-letter').explanation).not.toContain('took the complaint to the ADR scheme');
  });

  it('resolved → "Close the case"; closed → nothing more for the provider', () => {
    const resolved = evaluateCase(
      facts({ events: [ev('responded', '2026-06-02'), ev('resolved', '2026-06-03')] }),
      '2026-06-04',
    );
    expect(resolved.status).toBe('resolved');
    expect(resolved.nextActions.map((a) => a.id)).toEqual(['close']);
    const closed = evaluateCase(
      facts({ events: [ev('resolved', '2026-06-03'), ev('closed', '2026-06-04')] }),
      '2026-06-04',
    );
    expect(closed.status).toBe('closed');
    expect(closed.nextActions).toEqual([]);
  });

  it('a procedure that escalates on a missed target suggests the escalation', () => {
    const custom: Procedure = JSON.parse(JSON.stringify(KIJOMA)) as Procedure;
    custom.id = 'kijoma-strict';
    custom.stages[0].escalateWhen = ['missed-target'];
    const procedures = withProcedures(DEFAULT_PROCEDURES, [custom]);
    const e = evaluateCase(facts({ procedureId: 'kijoma-strict' }), '2026-06-09', { procedures });
    expect(e.nextActions.find((a) => a.id === 'escalate')).toMatchObject({
      label: 'Escalate to Management review',
      dueOn: '2026-06-08',
    });
  });

  it('returns the ADR scheme details for today (for letters)', () => {
    const e = evaluateCase(facts({ procedureId: 'miso' }), '2026-06-01');
    expect(e.adrScheme).toMatchObject({ name: 'Communications Ombudsman', phone: '0330 440 1614' });
    expect(e.regime).toEqual({
      id: 'ofcom-gc-c4',
      name: 'Ofcom General Condition C4',
      version: 'Ofcom GC C4 from 2026-04-08',
    });
  });
});

describe('other regimes through the same engine', () => {
  function withRegime(regimeId: string, adrSchemeId: string) {
    const p: Procedure = JSON.parse(JSON.stringify(KIJOMA)) as Procedure;
    p.id = `test-${regimeId}`;
    p.regimeId = regimeId;
    p.adrSchemeId = adrSchemeId;
    return { procedures: withProcedures(DEFAULT_PROCEDURES, [p]), procedureId: p.id };
  }

  it('FCA DISP: final response 8 weeks; payment services 15 / 35 business days; 6 months to refer', () => {
    const { procedures, procedureId } = withRegime('fca-disp', 'financial-ombudsman');
    const plain = evaluateCase(facts({ procedureId, receivedOn: '2026-12-18' }), '2026-12-18', { procedures });
    expect(clock(plain, 'adr-letter')).toMatchObject({ label: 'Final response', dueOn: '2027-02-12' });
    const ps = evaluateCase(facts({ procedureId, receivedOn: '2026-12-18', paymentServices: true }), '2026-12-18', {
      procedures,
    });
    // 15 business days after Fri 18 Dec 2026, skipping 25 and 28 Dec and 1 Jan → Wed 2027-01-13.
    expect(clock(ps, 'adr-letter').dueOn).toBe('2027-01-13');
    expect(ps.timeBasedAdrLetterFrom).toBe('2027-01-13');
    const version = regimeVersionFor('fca-disp', '2026-12-18');
    const psFacts = { receivedOn: '2026-12-18', paymentServices: true, calendar: 'england-and-wales' } as const;
    expect(version && timeBasedAdrLetterFrom(version, psFacts)).toBe('2027-01-13');
    expect(() => version && timeBasedAdrLetterFrom(version, { ...psFacts, calendar: undefined })).toThrow(/calendar/);
    expect(clock(ps, 'adr-letter').explanation).toMatch(
      /^due 2027-01-13: received 2026-12-18 \+ 15 working days, England & Wales calendar, FCA DISP 1\.6 \(payment services\)/,
    );
    const ex = evaluateCase(
      facts({ procedureId, receivedOn: '2026-12-18', paymentServices: true, exceptionalCircumstances: true }),
      '2026-12-18',
      { procedures },
    );
    expect(clock(ex, 'adr-letter').dueOn).toBe('2027-02-10');
    expect(ps.nextActions.find((a) => a.id === 'send-adr-letter')?.label).toBe('Send the final response');
    const sent = evaluateCase(
      facts({ procedureId, receivedOn: '2026-12-18', events: [ev('adr-letter-sent', '2027-01-29')] }),
      '2027-02-01',
      { procedures },
    );
    expect(clock(sent, 'adr-referral-window')).toMatchObject({
      label: 'Financial Ombudsman referral window',
      dueOn: '2027-07-29',
    });
  });

  it('FCA DISP: resolved by the close of the 3rd business day → summary resolution', () => {
    const { procedures, procedureId } = withRegime('fca-disp', 'financial-ombudsman');
    const quick = evaluateCase(
      facts({ procedureId, receivedOn: '2026-12-23', events: [ev('resolved', '2026-12-30')] }),
      '2026-12-31',
      { procedures },
    );
    expect(clock(quick, 'summary-resolution')).toMatchObject({ state: 'met', dueOn: '2026-12-30' });
    const slow = evaluateCase(
      facts({ procedureId, receivedOn: '2026-12-23', events: [ev('resolved', '2026-12-31')] }),
      '2026-12-31',
      { procedures },
    );
    expect(clock(slow, 'summary-resolution').state).toBe('not-applicable');
  });

  it('GB energy: 8 weeks or deadlock, then 12 months', () => {
    const { procedures, procedureId } = withRegime('gb-energy', 'energy-ombudsman');
    const e = evaluateCase(
      facts({ procedureId, receivedOn: '2026-06-01', events: [ev('adr-letter-sent', '2026-07-27')] }),
      '2026-07-27',
      { procedures },
    );
    expect(clock(e, 'adr-letter')).toMatchObject({ dueOn: '2026-07-27', state: 'met' });
    expect(clock(e, 'adr-referral-window').dueOn).toBe('2027-07-27');
    expect(e.adrScheme?.name).toBe('Energy Ombudsman');
  });

  it('UK data-protection complaints: acknowledge within 30 days, only for complaints from 2026-06-19', () => {
    const e = evaluateCase(facts({ receivedOn: '2026-07-01', regimes: ['uk-dpa-complaints'] }), '2026-07-02');
    expect(clock(e, 'dpa-acknowledgement')).toMatchObject({
      dueOn: '2026-07-31',
      state: 'running',
      source: 'regulation',
    });
    expect(e.nextActions.map((a) => a.label)).toContain('Acknowledge the data-protection complaint');
    const early = evaluateCase(facts({ receivedOn: '2026-06-18', regimes: ['uk-dpa-complaints'] }), '2026-06-20');
    expect(clock(early, 'dpa-acknowledgement')).toMatchObject({ state: 'not-applicable', dueOn: null });
    expect(clock(early, 'dpa-acknowledgement').explanation).toMatch(
      /on or after 2026-06-19; this one was received 2026-06-18/,
    );
  });
});

describe('calendars and data are arguments', () => {
  it('an imported proclaimed holiday moves working-day targets but not calendar-day clocks', () => {
    const calendars = extendCalendar(
      'england-and-wales',
      {
        'england-and-wales': {
          division: 'england-and-wales',
          events: [{ title: 'Proclaimed day', date: '2026-06-03', notes: '' }],
        },
      },
      { mode: 'add' },
    );
    const plain = evaluateCase(facts(), '2026-06-01');
    const extended = evaluateCase(facts(), '2026-06-01', { calendars });
    expect(clock(plain, 'first-response').dueOn).toBe('2026-06-08');
    expect(clock(extended, 'first-response').dueOn).toBe('2026-06-09');
    expect(clock(extended, 'first-response').explanation).toContain('Proclaimed day 2026-06-03');
    expect(clock(extended, 'adr-letter').dueOn).toBe(clock(plain, 'adr-letter').dueOn);
  });

  it('is pure: the facts are not changed and the same input gives the same answer', () => {
    const f = facts({
      events: [ev('acknowledged', '2026-06-01'), ev('paused', '2026-06-02'), ev('resumed', '2026-06-04')],
    });
    const frozen = JSON.parse(JSON.stringify(f)) as CaseFacts;
    deepFreeze(f);
    const a = evaluateCase(f, '2026-06-10');
    const b = evaluateCase(f, '2026-06-10');
    expect(a).toEqual(b);
    expect(f).toEqual(frozen);
  });
});

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
    Object.freeze(v);
  }
  return v;
}
