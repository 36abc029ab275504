// What a reopening does to each clock: one test per row of README.md "Reopening a case".
import { describe, expect, it } from 'vitest';
import type { TimelineEvent, TimelineType } from '#shared/model/case';
import { caseFacts } from './facts';
import { evaluateCase } from './index';
import type { Evaluation } from './types';

type Row = [TimelineType, string, Record<string, unknown>?];

function timeline(rows: readonly Row[]): TimelineEvent[] {
  return rows.map(([type, on, data], i) => ({
    id: `e${String(i).padStart(2, '0')}`,
    caseId: 'c',
    type,
    on,
    at: `${on}T10:00:${String(i).padStart(2, '0')}.000Z`,
    by: 'Sam',
    summary: type,
    ...(data ? { data } : {}),
  }));
}

function evaluate(procedureId: string, receivedOn: string, rows: readonly Row[], today: string): Evaluation {
  const calendar = procedureId === 'jive-ca' ? 'canada' : 'england-and-wales';
  return evaluateCase(
    caseFacts({ procedureId, calendar, receivedOn, channel: 'email', category: 'billing' }, timeline(rows)),
    today,
  );
}

const clock = (e: Evaluation, id: string) => e.clocks.find((c) => c.id === id);

describe('reopening a closed or resolved case', () => {
  it('status: open again; a later closure closes it again', () => {
    const closed: Row[] = [
      ['resolved', '2026-09-10'],
      ['closed', '2026-09-11'],
    ];
    expect(evaluate('kijoma', '2026-09-01', closed, '2026-09-20').status).toBe('closed');
    const reopened: Row[] = [...closed, ['reopened', '2026-09-15']];
    expect(evaluate('kijoma', '2026-09-01', reopened, '2026-09-20').status).toBe('open');
    const again: Row[] = [...reopened, ['resolved', '2026-09-18'], ['closed', '2026-09-18']];
    expect(evaluate('kijoma', '2026-09-01', again, '2026-09-20').status).toBe('closed');
  });

  it('acknowledgement: kept as it was (met by the acknowledgement already sent; no new one is due)', () => {
    const rows: Row[] = [
      ['acknowledged', '2026-09-01'],
      ['resolved', '2026-09-10'],
      ['closed', '2026-09-11'],
      ['reopened', '2026-10-30'],
    ];
    const e = evaluate('miso', '2026-09-01', rows, '2026-11-02');
    const ack = clock(e, 'acknowledgement')!;
    expect(ack).toMatchObject({ state: 'met', closedOn: '2026-09-01' });
    expect(e.nextActions.map((a) => a.id)).not.toContain('acknowledge');
  });

  it('stage targets: not restarted; the stage the case was at keeps its target, met by the reply already sent', () => {
    const before: Row[] = [
      ['responded', '2026-09-04'],
      ['resolved', '2026-09-10'],
    ];
    const rows: Row[] = [...before, ['closed', '2026-09-11'], ['reopened', '2026-10-30']];
    const reopened = evaluate('kijoma', '2026-09-01', rows, '2026-11-02');
    const neverResolved = evaluate('kijoma', '2026-09-01', [['responded', '2026-09-04']], '2026-11-02');
    const stage = clock(reopened, 'stage-response')!;
    expect(stage).toEqual(clock(neverResolved, 'stage-response'));
    expect(stage.state).toBe('met');
    expect(reopened.stage).toBe('customer-services');
  });

  it('own targets: a resolution taken back by the reopening still was the reply, so what it met stays met (explore40-manager #1)', () => {
    // Received Mon 2 Nov, resolved the next day with no separate reply, closed, then reopened and resolved again.
    const first: Row[] = [
      ['acknowledged', '2026-11-02'],
      ['resolved', '2026-11-03'],
      ['closed', '2026-11-05'],
    ];
    const rows: Row[] = [...first, ['reopened', '2026-11-20'], ['resolved', '2026-11-27']];
    const e = evaluate('kijoma', '2026-11-02', rows, '2026-11-30');
    const firstTime = evaluate('kijoma', '2026-11-02', first, '2026-11-30');
    for (const id of ['first-response', 'stage-response']) {
      expect(clock(firstTime, id)).toMatchObject({ state: 'met', closedOn: '2026-11-03' });
      expect(clock(e, id)).toMatchObject({ state: 'met', closedOn: '2026-11-03' });
    }
    // Reopened and not yet resolved again: open, its targets met, nothing due by them.
    const open = evaluate('kijoma', '2026-11-02', [...first, ['reopened', '2026-11-20']], '2026-11-23');
    expect(open.status).toBe('open');
    expect(clock(open, 'stage-response')).toMatchObject({ state: 'met', closedOn: '2026-11-03' });
    // A closure taken back was no reply: a case closed unanswered and reopened is still owed its reply.
    const closedOnly = evaluate(
      'kijoma',
      '2026-11-02',
      [
        ['acknowledged', '2026-11-02'],
        ['closed', '2026-11-03'],
        ['reopened', '2026-11-04'],
      ],
      '2026-11-05',
    );
    expect(clock(closedOnly, 'stage-response')).toMatchObject({ state: 'running', closedOn: null });
  });

  it('ADR letter: counts from the original receipt as for any unresolved complaint; past its date, it is due from the reopening', () => {
    const rows: Row[] = [
      ['resolved', '2026-09-10'],
      ['closed', '2026-09-11'],
      ['reopened', '2026-11-20'],
    ];
    const e = evaluate('kijoma', '2026-09-01', rows, '2026-11-25');
    const adr = clock(e, 'adr-letter')!;
    // Ofcom GC C4 from 2026-04-08: 6 weeks from receipt (13 Oct), but on 13 Oct it stood resolved and nothing was owed:
    // owed once it was reopened, at once (explore41-clocks #3: it read "missed" from 13 Oct, and Reports counted it).
    expect(adr.dueOn).toBe('2026-11-20');
    expect(adr.state).toBe('missed');
    expect(adr.explanation).toMatch(
      /^due 2026-11-20: reopened 2026-11-20, unresolved again after standing resolved since 2026-09-10, ADR letter at once, .*\(due 2026-10-13 had it not been resolved: received \+ 6 weeks\)/,
    );
    expect(e.nextActions.map((a) => a.id)).toContain('send-adr-letter');
    // On the day it is reopened it is due that day, not overdue.
    expect(clock(evaluate('kijoma', '2026-09-01', rows, '2026-11-20'), 'adr-letter')).toMatchObject({
      dueOn: '2026-11-20',
      state: 'running',
    });
    // Resolved after its date (owed then, and not sent), reopened later: still missed from its date.
    const late = evaluate(
      'kijoma',
      '2026-09-01',
      [
        ['resolved', '2026-10-20'],
        ['reopened', '2026-11-20'],
      ],
      '2026-11-25',
    );
    expect(clock(late, 'adr-letter')).toMatchObject({ dueOn: '2026-10-13', state: 'missed' });
    // Reopened before that date: it simply runs.
    const early = evaluate('kijoma', '2026-09-01', [...rows.slice(0, 2), ['reopened', '2026-09-20']], '2026-09-25');
    expect(clock(early, 'adr-letter')).toMatchObject({ dueOn: '2026-10-13', state: 'running' });
  });

  it('referral window: unchanged; it counts from the ADR letter (or the deadlock), which the reopening keeps', () => {
    const base: Row[] = [
      ['deadlock', '2026-09-10'],
      ['adr-letter-sent', '2026-09-10'],
    ];
    const rows: Row[] = [...base, ['closed', '2026-09-12'], ['reopened', '2026-10-01']];
    const reopened = clock(evaluate('kijoma', '2026-09-01', rows, '2026-10-05'), 'adr-referral-window')!;
    const neverClosed = clock(evaluate('kijoma', '2026-09-01', base, '2026-10-05'), 'adr-referral-window')!;
    expect(reopened).toEqual(neverClosed);
    expect(reopened.dueOn).not.toBeNull();
  });

  it('CCTS: the report-back stays met by the report sent to the CCTS; the notice is as if never closed', () => {
    const base: Row[] = [
      ['escalated', '2026-09-03'],
      ['escalated', '2026-09-05'],
      ['ccts-referral', '2026-09-10'],
      ['ccts-report', '2026-09-20'],
    ];
    const rows: Row[] = [...base, ['resolved', '2026-09-25'], ['closed', '2026-09-25'], ['reopened', '2026-10-10']];
    const reopened = evaluate('jive-ca', '2026-09-01', rows, '2026-10-12');
    const neverClosed = evaluate('jive-ca', '2026-09-01', base, '2026-10-12');
    expect(clock(reopened, 'ccts-response')).toEqual(clock(neverClosed, 'ccts-response'));
    expect(clock(reopened, 'ccts-response')?.state).toBe('met');
    expect(clock(reopened, 'ccts-notice')).toEqual(clock(neverClosed, 'ccts-notice'));
  });
});
