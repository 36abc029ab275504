// Same-day events (issue #15): the regulator's clocks must not depend on the order in which a day's entries were
// recorded. See README.md, "Same-day events".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from './dates';
import { RulesError } from './errors';
import { evaluateCase } from './evaluate';
import { withProcedures } from './procedure';
import { DEFAULT_PROCEDURES, getProcedure } from './procedures';
import type { CaseFacts, Clock, Evaluation, RuleEvent, RuleEventType } from './types';

const REGULATORY = ['adr-letter', 'adr-referral-window', 'ccts-response', 'ccts-notice', 'ccts-objection'];

function clock(e: Evaluation, id: string): Clock {
  const c = e.clocks.find((x) => x.id === id);
  if (!c) throw new Error(`no clock ${id}: ${e.clocks.map((x) => x.id).join(', ')}`);
  return c;
}

function ev(type: RuleEventType, on: string, stage?: string): RuleEvent {
  return stage ? { type, on, stage } : { type, on };
}

function uk(events: RuleEvent[]): CaseFacts {
  return { procedureId: 'kijoma', calendar: 'england-and-wales', receivedOn: '2026-06-01', channel: 'email', events };
}

function ca(events: RuleEvent[]): CaseFacts {
  return { procedureId: 'jive-ca', calendar: 'canada', receivedOn: '2026-06-01', channel: 'phone', events };
}

function bothOrders(make: (events: RuleEvent[]) => CaseFacts, a: RuleEvent, b: RuleEvent, today: string, id: string) {
  return [clock(evaluateCase(make([a, b]), today), id), clock(evaluateCase(make([b, a]), today), id)];
}

describe('same-day events: each regulatory clock reads days, not the order of recording', () => {
  it('ADR letter: a deadlock explains the closure on the same day, so the letter is due that day in either order', () => {
    const [one, other] = bothOrders(
      uk,
      ev('closed', '2026-06-10'),
      ev('deadlock', '2026-06-10'),
      '2026-06-11',
      'adr-letter',
    );
    expect(one).toEqual(other);
    expect(one).toMatchObject({ dueOn: '2026-06-10', state: 'missed' });
  });

  it('ADR letter: a deadlock on the day of a resolution keeps the letter owed in either order', () => {
    const [one, other] = bothOrders(
      uk,
      ev('resolved', '2026-06-10'),
      ev('deadlock', '2026-06-10'),
      '2026-06-10',
      'adr-letter',
    );
    expect(one).toEqual(other);
    expect(one).toMatchObject({ dueOn: '2026-06-10', state: 'running' });
  });

  it('ADR letter: resolved and closed on one day: not needed, and the explanation names the resolution', () => {
    const [one, other] = bothOrders(
      uk,
      ev('closed', '2026-06-10'),
      ev('resolved', '2026-06-10'),
      '2026-06-10',
      'adr-letter',
    );
    expect(one).toEqual(other);
    expect(one.state).toBe('not-applicable');
    expect(one.explanation).toMatch(/^Not needed: resolved 2026-06-10/);
  });

  it('CCTS report: a report on the day of the CCTS referral answers it, in either order', () => {
    const [one, other] = bothOrders(
      ca,
      ev('ccts-report', '2026-06-10'),
      ev('ccts-referral', '2026-06-10'),
      '2026-07-30',
      'ccts-response',
    );
    expect(one).toEqual(other);
    expect(one).toMatchObject({ dueOn: '2026-06-30', state: 'met', closedOn: '2026-06-10' });
  });

  it('CCTS notice: telling the customer on the day of the second escalation meets the notice, in either order', () => {
    const before = [ev('escalated', '2026-06-05', 'senior-manager')];
    const make = (events: RuleEvent[]) => ca([...before, ...events]);
    const [one, other] = bothOrders(
      make,
      ev('ccts-informed', '2026-06-10'),
      ev('escalated', '2026-06-10', 'head-of-support'),
      '2026-06-20',
      'ccts-notice',
    );
    expect(one).toEqual(other);
    expect(one).toMatchObject({ dueOn: '2026-06-10', state: 'met', closedOn: '2026-06-10' });
  });

  it('CCTS notice: two escalations past the second level on one day are one trigger, the higher, in either order', () => {
    // Jive's ladder has three levels; a desk's own copy with a fourth ("Director") reaches two notice levels.
    const jive = getProcedure('jive-ca');
    const director = { ...jive.stages[2], id: 'director', name: 'Director' };
    const mine = { ...jive, id: 'jive-4', stages: [...jive.stages.slice(0, 3), director, jive.stages[3]] };
    const procedures = withProcedures(DEFAULT_PROCEDURES, [mine]);
    const make = (events: RuleEvent[]): CaseFacts => ({ ...ca(events), procedureId: 'jive-4' });
    const a = ev('escalated', '2026-06-10', 'head-of-support');
    const b = ev('escalated', '2026-06-10', 'director');
    const [one, other] = [
      [a, b],
      [b, a],
    ].map((events) => clock(evaluateCase(make(events), '2026-06-20', { procedures }), 'ccts-notice'));
    expect(one).toEqual(other);
    expect(one).toMatchObject({ dueOn: '2026-06-10', state: 'missed' });
    expect(one.explanation).toContain('reached the Director stage (third level of escalation)');
    expect(one.explanation).not.toContain('was missed.');
  });
});

describe('a closure with no resolution and no final position', () => {
  it('keeps the ADR letter owed and asks whether the complaint was resolved', () => {
    const e = evaluateCase(uk([ev('acknowledged', '2026-06-02'), ev('closed', '2026-06-20')]), '2026-06-25');
    const adr = clock(e, 'adr-letter');
    expect(adr).toMatchObject({ dueOn: '2026-07-13', state: 'running' });
    expect(adr.explanation).toContain(
      'Closed 2026-06-20 without a resolution or a final position: was the complaint resolved?',
    );
    expect(e.status).toBe('closed');
    const ids = e.nextActions.map((a) => a.id);
    expect(ids).toContain('confirm-resolution');
    expect(ids).toContain('send-adr-letter');
    expect(e.nextActions.find((a) => a.id === 'confirm-resolution')?.label).toMatch(/^Was the complaint resolved\?/);
  });

  it('after the due date the letter is missed, not silently dropped', () => {
    const e = evaluateCase(uk([ev('closed', '2026-06-20')]), '2026-08-01');
    expect(clock(e, 'adr-letter')).toMatchObject({ dueOn: '2026-07-13', state: 'missed' });
  });

  it('asks nothing once a resolution is recorded (even after the closure) or the ADR letter was sent', () => {
    const resolvedLater = evaluateCase(uk([ev('closed', '2026-06-20'), ev('resolved', '2026-06-21')]), '2026-06-25');
    expect(clock(resolvedLater, 'adr-letter').state).toBe('not-applicable');
    expect(resolvedLater.nextActions.map((a) => a.id)).not.toContain('confirm-resolution');
    const sent = evaluateCase(uk([ev('adr-letter-sent', '2026-06-19'), ev('closed', '2026-06-20')]), '2026-06-25');
    expect(clock(sent, 'adr-letter')).toMatchObject({ state: 'met' });
    expect(clock(sent, 'adr-letter').explanation).not.toContain('was the complaint resolved');
  });

  it('a closure after the ADR date asks nothing: the letter was owed anyway', () => {
    const e = evaluateCase(uk([ev('closed', '2026-07-20')]), '2026-07-25');
    expect(clock(e, 'adr-letter')).toMatchObject({ state: 'missed' });
    expect(clock(e, 'adr-letter').explanation).not.toContain('was the complaint resolved');
  });
});

describe("the provider's own stage targets follow the order of recording", () => {
  const at = (iso: string) => `2026-06-10T${iso}:00.000Z`;
  // Kinex's "customer resolution" stage has a target of its own (a formal response within 28 days).
  const kinex = (events: RuleEvent[]): CaseFacts => ({ ...uk(events), procedureId: 'kinex' });
  it('a reply recorded before a same-day escalation is a reply at the earlier stage', () => {
    const replyFirst = evaluateCase(
      kinex([
        { type: 'responded', on: '2026-06-10', at: at('09:00') },
        { type: 'escalated', on: '2026-06-10', stage: 'customer-resolution', at: at('10:00') },
      ]),
      '2026-06-10',
    );
    const escalationFirst = evaluateCase(
      kinex([
        { type: 'escalated', on: '2026-06-10', stage: 'customer-resolution', at: at('09:00') },
        { type: 'responded', on: '2026-06-10', at: at('10:00') },
      ]),
      '2026-06-10',
    );
    expect(clock(replyFirst, 'stage-response').state).toBe('running');
    expect(clock(escalationFirst, 'stage-response').state).toBe('met');
  });

  it('same-day events listed against their recording times are refused, naming the field', () => {
    const wrong = uk([
      { type: 'escalated', on: '2026-06-10', stage: 'management-review', at: at('10:00') },
      { type: 'responded', on: '2026-06-10', at: at('09:00') },
    ]);
    expect(() => evaluateCase(wrong, '2026-06-10')).toThrow(RulesError);
    expect(() => evaluateCase(wrong, '2026-06-10')).toThrow(/events\[1\].*recorded before events\[0\]/);
  });
});

// --- property: any permutation of same-day entries -------------------------------------------------------------

const TYPES: RuleEventType[] = [
  'acknowledged',
  'responded',
  'escalated',
  'resolution-proposed',
  'resolved',
  'deadlock',
  'adr-letter-sent',
  'referred-to-adr',
  'ccts-referral',
  'ccts-informed',
  'ccts-report',
  'closed',
];

/** A case's events, generated on few days so that many share a day; escalations name their stage (as the app does). */
function arbCase(procedureId: 'kijoma' | 'jive-ca' | 'miso' | 'infinity') {
  const stages = getProcedure(procedureId).stages.map((s) => s.id);
  const entry = fc.record({
    offset: fc.integer({ min: 0, max: 70 }),
    sameDayAs: fc.option(fc.nat(), { freq: 2 }),
    type: fc.constantFrom(...TYPES),
    stage: fc.constantFrom(...stages),
    shuffleKey: fc.double({ noNaN: true }),
  });
  return fc.array(entry, { minLength: 1, maxLength: 12 }).map((raw) => {
    // Pull about a third of the entries onto the day of another, so same-day groups are common.
    const offsets = raw.map((r) => r.offset);
    raw.forEach((r, i) => {
      if (r.sameDayAs !== null) offsets[i] = offsets[r.sameDayAs % raw.length];
    });
    const recorded = raw
      .map((r, i) => ({
        offset: offsets[i],
        event: ev(r.type, addCalendarDays('2026-06-01', offsets[i]), r.type === 'escalated' ? r.stage : undefined),
        key: r.shuffleKey,
      }))
      .sort((a, b) => a.offset - b.offset);
    const shuffled = [...recorded].sort((a, b) => a.offset - b.offset || a.key - b.key);
    return { procedureId, recorded: recorded.map((r) => r.event), shuffled: shuffled.map((r) => r.event) };
  });
}

function regulatoryClocks(procedureId: string, events: RuleEvent[], today: string): Clock[] {
  const calendar = procedureId === 'jive-ca' ? 'canada' : 'england-and-wales';
  const e = evaluateCase({ procedureId, calendar, receivedOn: '2026-06-01', channel: 'email', events }, today);
  return e.clocks.filter((c) => REGULATORY.includes(c.id));
}

describe('property: any permutation of same-day entries gives the same regulatory clocks', () => {
  it.each(['kijoma', 'jive-ca', 'miso', 'infinity'] as const)('%s', (procedureId) => {
    fc.assert(
      fc.property(arbCase(procedureId), fc.integer({ min: 70, max: 500 }), (c, todayOffset) => {
        const today = addCalendarDays('2026-06-01', todayOffset);
        expect(regulatoryClocks(c.procedureId, c.shuffled, today)).toEqual(
          regulatoryClocks(c.procedureId, c.recorded, today),
        );
      }),
      { numRuns: 400 },
    );
  });
});
