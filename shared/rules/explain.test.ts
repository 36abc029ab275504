// The engine's explanations as phrases (issue #17): the structure a clock, a next action and a warning carry, and the
// English sentence built from it (the desk's record: CSV, calendar files, PDF reports).
import { describe, expect, it } from 'vitest';
import { evaluateCase } from './evaluate';
import {
  explanationInEnglish,
  fillTemplate,
  joinExplanation,
  PHRASE_KINDS,
  PHRASES_EN,
  phraseInEnglish,
  reasonInEnglish,
} from './explain';
import type { CaseFacts } from './types';

const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  procedureId: 'kijoma',
  calendar: 'england-and-wales',
  receivedOn: '2026-11-18',
  channel: 'email',
  events: [],
  ...over,
});

describe('explanations as phrases', () => {
  it('gives the ADR letter clock its head as a kind and values: days as ISO, the period, the rule', () => {
    const clock = evaluateCase(facts(), '2026-12-02').clocks.find((c) => c.id === 'adr-letter')!;
    expect(clock.explain).toEqual([
      {
        kind: 'due',
        values: {
          dueOn: { date: '2026-12-30' },
          basis: {
            kind: 'received-basis',
            values: {
              on: { date: '2026-11-18' },
              duration: { duration: { amount: 6, unit: 'weeks' } },
              calendar: '',
              rule: { regulation: 'Ofcom GC C4 from 2026-04-08' },
              payment: '',
            },
          },
        },
      },
    ]);
    expect(clock.explanation).toBe('due 2026-12-30: received 2026-11-18 + 6 weeks, Ofcom GC C4 from 2026-04-08');
    expect(explanationInEnglish(clock.explain)).toBe(clock.explanation);
  });

  it('names the closing event, the calendar and the weekday as values, not words', () => {
    const e = evaluateCase(
      facts({ receivedOn: '2026-12-18', events: [{ type: 'responded', on: '2027-01-06' }] }),
      '2027-01-10',
    );
    const first = e.clocks.find((c) => c.id === 'first-response')!;
    expect(first.state).toBe('missed');
    expect(first.explain.map((p) => p.kind)).toEqual(['due', 'holidays-skipped', 'missed-late']);
    expect(first.explain[1].values?.calendar).toEqual({ calendar: 'england-and-wales', name: 'England & Wales' });
    expect(first.explain[2]).toEqual({
      kind: 'missed-late',
      values: { event: { event: 'responded' }, on: { date: '2027-01-06' } },
    });
    expect(first.explanation).toMatch(
      /^due 2026-12-29: received 2026-12-18 \+ 5 working days, England & Wales calendar, .* \(here: Christmas Day 2026-12-25, Boxing Day \(substitute day\) 2026-12-28\)\. Missed: responded 2027-01-06, after the due date\.$/,
    );
    const adr = evaluateCase(facts({ receivedOn: '2026-11-21' }), '2026-11-22').clocks.find(
      (c) => c.id === 'adr-letter',
    )!;
    // 21 Nov 2026 + 6 weeks = Saturday 2 Jan 2027: not moved.
    expect(adr.explain[1]).toEqual({
      kind: 'not-moved',
      values: {
        on: { date: '2027-01-02' },
        what: { kind: 'a-weekday', values: { weekday: { weekday: 6 } } },
        unit: { kind: 'unit-days' },
      },
    });
    expect(adr.explanation).toContain('2027-01-02 is a Saturday; a date counted in days is not moved.');
  });

  it('gives each next action its reason: a lead sentence of its own, then the clock’s explanation', () => {
    const e = evaluateCase(facts(), '2026-12-02');
    for (const a of e.nextActions) expect(reasonInEnglish(a.reason)).toBe(a.why);
    const ack = e.nextActions.find((a) => a.id === 'acknowledge')!;
    expect(ack.reason.lead).toEqual({ kind: 'no-ack-yet' });
    expect(ack.why).toBe(
      'No acknowledgement recorded yet. Kijoma Broadband complaints procedure v1 sets no acknowledgement target of its own.',
    );
  });

  it('gives the warnings as phrases too, in the same order, the scheme with or without its article', () => {
    const e = evaluateCase(facts({ category: 'pricing', customer: { isBusiness: true } }), '2026-12-02');
    expect(e.warningPhrases.map((p) => p.kind)).toEqual(['business-size-unknown', 'excluded-category']);
    expect(e.warningPhrases.map(phraseInEnglish)).toEqual(e.warnings);
    expect(e.warningPhrases[1].values?.category).toEqual({ category: 'pricing' });
    expect(e.warnings[1]).toMatch(/^Pricing complaint: CISAS \(/);
  });

  it('joins a head and its sentences the way the records always had them', () => {
    expect(joinExplanation(['due X: y'])).toBe('due X: y');
    expect(joinExplanation(['due X: y', ' A.', '', 'B.'])).toBe('due X: y. A. B.');
    expect(fillTemplate('{a} and {b}', { a: '1' })).toBe('1 and ');
  });

  it('writes every kind with plain {placeholders} only (no plural or select: the English is filled in here)', () => {
    for (const kind of PHRASE_KINDS) expect(PHRASES_EN[kind], kind).not.toMatch(/\{\w+,/);
  });
});
