import { describe, expect, it } from 'vitest';
import { getProcedure } from '#shared/rules/index';
import type { TimelineEvent } from '#shared/model/case';
import { caseRecord, Desk } from '#test/support/case-desk';
import { stepsThatDoNotFit } from './step-fit';
import { SUMMARIES_EN } from './summaries';
import { standingLetterIdsOfKind } from '#shared/model/letters-issued';

const misfits = (desk: Desk) =>
  stepsThatDoNotFit(desk.record, desk.events, getProcedure(desk.record.procedureId)).map((m) => ({
    type: m.entry.type,
    on: m.entry.on,
    reason: m.reason,
  }));

/**
 * Issue a final response letter at `desk`: the response it records, and its letter-issued entry, in one moment. The
 * letter names the final responses standing at the desk as it was issued (`issuedAfter`), unless `recordedBefore`: a
 * letter recorded before that was kept.
 */
function finalResponseLetter(desk: Desk, on: string, recordedBefore = false): void {
  const standing = standingLetterIdsOfKind(desk.events, 'final-response');
  const response = desk.do('respond', {
    on,
    channel: 'letter',
    summary: 'We have removed the charge and refunded £45',
  });
  desk.events.push({
    id: `${response.id}-letter`,
    caseId: response.caseId,
    type: 'letter-issued',
    on,
    at: response.at,
    by: response.by,
    summary: 'Final response issued (final-response.pdf)',
    data: {
      kind: 'final-response',
      letterId: `${response.id}-L`,
      ...(recordedBefore ? {} : { issuedAfter: standing }),
    },
  });
}

/** Desk B: a copy of desk A's case as it was, whose own entries get ids of their own (b1, b2…), recorded on `bToday`. */
function apart(a: Desk, bToday: string = a.today): { b: Desk; merged: () => TimelineEvent[] } {
  const b = new Desk(a.record, bToday);
  b.events = [...a.events];
  const shared = a.events.length;
  return {
    b,
    merged: () => [
      ...a.events,
      ...b.events.slice(shared).map((e) => ({ ...e, id: `b-${e.id}`, by: 'Lee at Bradford' })),
    ],
  };
}

describe('steps that do not fit the ones before them (explore34-team #5)', () => {
  it('finds none in a case worked at one desk, however far it goes, reopened and escalated again', () => {
    const desk = new Desk(caseRecord({ procedureId: 'kinex', receivedOn: '2026-09-01' }), '2026-10-20');
    desk.do('acknowledge', { on: '2026-09-01' });
    desk.do('propose-resolution', { on: '2026-09-02', summary: 'Refund of £12.50' });
    desk.do('record-rejection', { on: '2026-09-03', channel: 'phone', summary: 'Wants more' });
    desk.do('escalate', { on: '2026-09-04', reason: 'Asked for a manager' });
    desk.do('pause', { on: '2026-09-05', reason: 'Waiting for bills' });
    desk.do('resume', { on: '2026-09-08' });
    desk.do('propose-resolution', { on: '2026-09-09', summary: 'Refund of £25' });
    desk.do('record-acceptance', { on: '2026-09-10', channel: 'email', who: 'Ada Lovelace' });
    desk.do('resolve', { on: '2026-09-11', summary: 'Refunded' });
    desk.do('close', { on: '2026-09-12' });
    desk.do('reopen', { on: '2026-09-20', reason: 'The refund never arrived' });
    desk.do('record-deadlock', { on: '2026-09-21', summary: 'No further refund' });
    desk.do('adr-letter-sent', { on: '2026-09-21' });
    desk.do('referred-to-adr', { on: '2026-09-25' });
    desk.do('close', { on: '2026-10-01' });
    expect(misfits(desk)).toEqual([]);
  });

  it('an escalation made offline at one desk on a case the other desk closed', () => {
    const a = new Desk(caseRecord({ receivedOn: '2026-11-20' }), '2026-12-02');
    a.do('acknowledge', { on: '2026-11-20' });
    const { b, merged } = apart(a);
    a.do('resolve', { on: '2026-12-01', summary: 'Refunded' });
    a.do('close', { on: '2026-12-01' });
    b.do('escalate', { on: '2026-12-02', reason: 'The customer asked for a manager on the phone' });
    a.events = merged();
    expect(misfits(a)).toEqual([
      { type: 'escalated', on: '2026-12-02', reason: expect.stringContaining('closed') as unknown as string },
    ]);
    // Each desk alone: none.
    expect(misfits(b)).toEqual([]);
  });

  it('an acceptance recorded at one desk of a proposal the other desk voided', () => {
    const a = new Desk(caseRecord({ receivedOn: '2026-11-20' }), '2026-12-02');
    const proposal = a.do('propose-resolution', { on: '2026-11-25', summary: 'Refund of £12.50' });
    const { b, merged } = apart(a);
    a.do('void-entry', { entryId: proposal.id, reason: 'Proposed on the wrong case' });
    b.do('record-acceptance', { on: '2026-12-01', channel: 'phone', who: 'Dorothy Vaughan' });
    a.events = merged();
    expect(misfits(a)).toEqual([
      {
        type: 'resolution-accepted',
        on: '2026-12-01',
        reason: expect.stringContaining('No resolution has been proposed') as unknown as string,
      },
    ]);
  });

  it('a final response made offline at one desk after the other desk gave our final position (explore36-team #5)', () => {
    const a = new Desk(caseRecord({ receivedOn: '2026-10-20' }), '2026-12-07');
    a.do('acknowledge', { on: '2026-10-20' });
    const { b, merged } = apart(a);
    a.do('record-deadlock', { on: '2026-12-04', summary: 'We will not refund the early termination charge' });
    a.do('adr-letter-sent', { on: '2026-12-04' });
    finalResponseLetter(b, '2026-12-07');
    a.events = merged();
    expect(misfits(a)).toEqual([
      {
        type: 'responded',
        on: '2026-12-07',
        reason:
          'Our final position (deadlock) was recorded on 2026-12-04, before this final response: the customer has two final answers. Void the one that does not stand, and write to the customer to say which stands.',
      },
    ]);
    expect(misfits(b)).toEqual([]);
  });

  it('a final response made offline at one desk after the other issued the ADR letter with our final position (explore39-letters #1)', () => {
    const a = new Desk(caseRecord({ receivedOn: '2026-10-20' }), '2026-12-07');
    a.do('acknowledge', { on: '2026-10-20' });
    const { b, merged } = apart(a);
    // Issuing "ADR letter: our final position" records the letter sent with our final position, and no deadlock.
    a.events.push({
      id: 'adr-final',
      caseId: a.record.id,
      type: 'adr-letter-sent',
      on: '2026-12-04',
      at: '2026-12-04T10:00:00.000Z',
      by: 'Sam',
      summary: SUMMARIES_EN['adr-letter-final-position'],
    });
    finalResponseLetter(b, '2026-12-07');
    a.events = merged();
    expect(misfits(a)).toEqual([
      {
        type: 'responded',
        on: '2026-12-07',
        reason:
          'Our final position went to the customer in the ADR letter of 2026-12-04, before this final response: the customer has two final answers. Withdraw the letter that does not stand, and write to the customer to say which stands.',
      },
    ]);
    expect(misfits(b)).toEqual([]);
  });

  it('two final responses, one from each desk while they were apart: the later one says so (explore40-team #6)', () => {
    const a = new Desk(caseRecord({ receivedOn: '2026-10-20' }), '2026-12-07');
    a.do('acknowledge', { on: '2026-10-20' });
    // B works on the next day, offline: A's letter has not reached it.
    const { b, merged } = apart(a, '2026-12-08');
    finalResponseLetter(a, '2026-12-07');
    finalResponseLetter(b, '2026-12-08');
    a.events = merged();
    const bLetter = a.events.find((e) => e.type === 'letter-issued' && e.by === 'Lee at Bradford')!;
    expect(misfits(a)).toEqual([
      {
        type: 'responded',
        on: '2026-12-08',
        reason:
          'Another final response, issued on 2026-12-07 by Sam Patel, had not reached this desk when this one was issued: the customer has two final answers. Withdraw the letter that does not stand, and write to the customer to say which stands.',
      },
    ]);
    // Withdrawing either letter settles it.
    const withdrawn = (letterId: unknown): TimelineEvent => ({
      id: 'w1',
      caseId: a.record.id,
      type: 'letter-withdrawn',
      on: '2026-12-09',
      at: '2026-12-09T09:00:00.000Z',
      by: 'Sam Patel',
      summary: 'Letter withdrawn',
      data: { letterId, reason: 'Sent twice' },
    });
    const first = a.events.find((e) => e.type === 'letter-issued' && e.by !== 'Lee at Bradford')!;
    const merged2 = a.events;
    a.events = [...merged2, withdrawn(bLetter.data?.letterId)];
    expect(misfits(a)).toEqual([]);
    a.events = [...merged2, withdrawn(first.data?.letterId)];
    expect(misfits(a)).toEqual([]);
    expect(misfits(b)).toEqual([]);
  });

  it('a second final response a desk alone issued knowingly, or one recorded before letters named the ones before, fits', () => {
    const desk = new Desk(caseRecord({ receivedOn: '2026-10-20' }), '2026-12-07');
    desk.do('acknowledge', { on: '2026-10-20' });
    finalResponseLetter(desk, '2026-12-04');
    finalResponseLetter(desk, '2026-12-07'); // asked "Issue another?", and issued: it names the first
    expect(misfits(desk)).toEqual([]);
    const before = new Desk(caseRecord({ receivedOn: '2026-10-20' }), '2026-12-07');
    before.do('acknowledge', { on: '2026-10-20' });
    finalResponseLetter(before, '2026-12-04', true);
    finalResponseLetter(before, '2026-12-07', true);
    expect(misfits(before)).toEqual([]);
  });

  it('two final positions, one from each desk while they were apart, say both may have reached the customer (explore37-team, question 3)', () => {
    const a = new Desk(caseRecord({ receivedOn: '2026-10-20' }), '2026-12-04');
    a.do('acknowledge', { on: '2026-10-20' });
    const { b, merged } = apart(a, '2026-12-07');
    a.do('record-deadlock', { on: '2026-12-04', summary: 'We will not refund the early termination charge' });
    a.do('adr-letter-sent', { on: '2026-12-04' });
    b.do('record-deadlock', { on: '2026-12-07', summary: 'We will not waive the charge' });
    b.do('adr-letter-sent', { on: '2026-12-07' });
    a.events = merged();
    expect(misfits(a)).toEqual([
      {
        type: 'deadlock',
        on: '2026-12-07',
        reason:
          'Our final position (deadlock) was already recorded on 2026-12-04, before this one: the customer may have two final positions, each with its ADR letter. Void the one that does not stand, and write to the customer to say which stands.',
      },
      // Its ADR letter is listed too: the first one was sent.
      { type: 'adr-letter-sent', on: '2026-12-07', reason: 'The ADR letter has already been sent (on 2026-12-04).' },
    ]);
    expect(misfits(b)).toEqual([]);
  });

  it('a plain response after our final position is no second final answer (explore37-team #5)', () => {
    const desk = new Desk(caseRecord({ receivedOn: '2026-10-20' }), '2026-12-07');
    desk.do('acknowledge', { on: '2026-10-20' });
    desk.do('record-deadlock', { on: '2026-12-01', summary: 'No refund' });
    desk.do('adr-letter-sent', { on: '2026-12-01' });
    desk.do('referred-to-adr', { on: '2026-12-02' });
    desk.do('respond', { on: '2026-12-07', channel: 'email', summary: 'The ombudsman upheld our position' });
    expect(misfits(desk)).toEqual([]);
    // A final response's letter after it is.
    finalResponseLetter(desk, '2026-12-07');
    expect(misfits(desk).map((m) => m.type)).toEqual(['responded']);
  });

  it('a response before the deadlock, or after a reopening or an escalation, fits', () => {
    const desk = new Desk(caseRecord({ procedureId: 'kinex', receivedOn: '2026-09-01' }), '2026-10-20');
    desk.do('respond', { on: '2026-09-02', channel: 'email', summary: 'We looked into it' });
    desk.do('record-deadlock', { on: '2026-09-03', summary: 'No refund' });
    desk.do('escalate', { on: '2026-09-04', reason: 'Asked for a manager' });
    desk.do('respond', { on: '2026-09-08', channel: 'email', summary: 'The manager reviewed it' });
    desk.do('resolve', { on: '2026-09-09', summary: 'Refunded' });
    desk.do('close', { on: '2026-09-09' });
    desk.do('reopen', { on: '2026-09-20', reason: 'The refund never arrived' });
    desk.do('respond', { on: '2026-09-21', channel: 'email', summary: 'Refund sent again' });
    expect(misfits(desk)).toEqual([]);
  });

  it('an escalation made offline, dated before the other desk closed the case but recorded after (explore36-team #6)', () => {
    const a = new Desk(caseRecord({ receivedOn: '2026-11-20' }), '2026-12-07');
    a.do('acknowledge', { on: '2026-11-20' });
    const { b, merged } = apart(a);
    a.do('resolve', { on: '2026-12-07', summary: 'Refunded' });
    a.do('close', { on: '2026-12-07' });
    // B records Friday's call on Monday at 11:00, after A's closure that morning.
    const escalation = b.do('escalate', { on: '2026-12-04', reason: 'Customer phoned on Friday asking for a manager' });
    escalation.at = '2026-12-07T11:00:00.000Z';
    a.events = merged();
    expect(misfits(a)).toEqual([
      {
        type: 'escalated',
        on: '2026-12-04',
        reason: 'This case is closed (closed 2026-12-07): reopen it first, or add a note.',
      },
    ]);
    // A reopening recorded since settles it (explore37-team #6).
    const reopened = new Desk(a.record, '2026-12-07');
    reopened.events = [...a.events];
    reopened.do('reopen', { on: '2026-12-07', reason: 'The customer asked for a manager on Friday' });
    reopened.events.at(-1)!.at = '2026-12-07T12:00:00.000Z';
    expect(misfits(reopened)).toEqual([]);
    // Recorded before the closure (B had sent it in time), it fits: A closed the case knowing of it.
    const c = new Desk(caseRecord({ receivedOn: '2026-11-20' }), '2026-12-07');
    const early = apart(c);
    const sent = early.b.do('escalate', { on: '2026-12-04', reason: 'Customer phoned on Friday asking for a manager' });
    sent.at = '2026-12-07T08:00:00.000Z';
    c.events = early.merged();
    c.do('resolve', { on: '2026-12-07', summary: 'Refunded' });
    c.do('close', { on: '2026-12-07' });
    expect(misfits(c)).toEqual([]);
  });

  it('a referral dated back before the ADR letter’s date, recorded once it had passed, fits (explore37-team #7)', () => {
    const desk = new Desk(caseRecord({ receivedOn: '2026-09-01' }), '2026-12-07');
    desk.do('acknowledge', { on: '2026-09-01' });
    desk.do('referred-to-adr', { on: '2026-10-20' });
    expect(misfits(desk)).toEqual([]);
  });

  it('says nothing of an anonymised case, nor of one whose procedure this desk does not know', () => {
    const a = new Desk(caseRecord({ receivedOn: '2026-11-20' }), '2026-12-02');
    const { b, merged } = apart(a);
    a.do('resolve', { on: '2026-12-01', summary: 'Refunded' });
    a.do('close', { on: '2026-12-01' });
    b.do('escalate', { on: '2026-12-02', reason: 'Asked for a manager' });
    a.events = merged();
    expect(stepsThatDoNotFit({ ...a.record, anonymisedOn: '2026-12-03' }, a.events, getProcedure('kijoma'))).toEqual(
      [],
    );
    expect(stepsThatDoNotFit(a.record, a.events, null)).toEqual([]);
  });
});
