// Letters are issued on purpose (#15): the letter the stage calls for, the question before a second letter of a kind,
// and the inputs prefilled from what the case recorded.
import { describe, expect, it } from 'vitest';
import { sampleCase, sampleSettings } from '#shared/letters/fixtures';
import { letterWithdrawnEntry } from '#shared/letters/index';
import type { TimelineEvent, TimelineType } from '#shared/model/case';
import { evaluateRecord } from '#lib/rules';
import { formatDate } from '#lib/format';
import {
  buildLetter,
  choiceForKind,
  defaultInputs,
  defaultOptions,
  letterText,
  letterTheStageCallsFor,
  anotherCopyToday,
  issueQuestion,
  type LetterChoice,
  type LetterContext,
} from './build';
import { issueQuestionIn } from './issue-question';
import { en, fr } from '#test/support/translate';

/** The question asked before issuing `choice`, as the dialog says it in English (or `t`'s language); null if none. */
const secondLetterQuestion = (
  choice: LetterChoice,
  ctx: LetterContext,
  format: (iso: string) => string,
  t = en,
): string | null => {
  const question = issueQuestion(choice, ctx);
  return question ? issueQuestionIn(t, question, format).text : null;
};

let seq = 0;
function entry(type: TimelineType, on: string, data?: Record<string, unknown>, summary: string = type): TimelineEvent {
  seq += 1;
  return {
    id: `e${String(seq).padStart(3, '0')}`,
    caseId: 'case-42',
    type,
    on,
    at: `${on}T09:00:${String(seq % 60).padStart(2, '0')}.000Z`,
    by: 'Priya Shah',
    summary,
    ...(data ? { data } : {}),
  };
}

const received = () => entry('received', '2026-11-18');
const acknowledged = (on = '2026-11-19') => entry('acknowledged', on);
const issued = (kind: string, on: string, letterId: string) =>
  entry('letter-issued', on, { letterId, kind, fileName: `RDR-2026-000042-${kind}.pdf`, sha256: 'a'.repeat(64) });

function context(events: TimelineEvent[], today = '2026-11-20', procedureId = 'kijoma'): LetterContext {
  const record = sampleCase({ procedureId });
  const evaluated = evaluateRecord(record, events, today);
  if (!evaluated.evaluation) throw new Error(evaluated.error);
  return { record, events, evaluation: evaluated.evaluation, settings: sampleSettings(), today, by: 'Priya Shah' };
}

describe('the letter the stage calls for (the case page header)', () => {
  it('is the acknowledgement before one was recorded', () => {
    expect(letterTheStageCallsFor(context([received()]))).toBe('acknowledgement');
  });

  it('is the acknowledgement again when the acknowledgement entry was voided (recorded on the wrong case)', () => {
    const ack = acknowledged();
    const voided = entry('voided', '2026-11-19', { entryId: ack.id, reason: 'Recorded on the wrong case' });
    expect(letterTheStageCallsFor(context([received(), ack, voided]))).toBe('acknowledgement');
  });

  it('is the final response once acknowledged, while the ADR letter is not yet due', () => {
    expect(letterTheStageCallsFor(context([received(), acknowledged()]))).toBe('final-response');
  });

  it('is the ADR letter with the final position once a deadlock is recorded', () => {
    const events = [received(), acknowledged(), entry('deadlock', '2026-11-25', { details: 'We will not refund.' })];
    expect(letterTheStageCallsFor(context(events, '2026-11-26'))).toBe('adr-final');
  });

  it('is the time-based ADR letter once the wait is over, and the final response the day before', () => {
    const ctx = context([received(), acknowledged()]);
    const due = ctx.evaluation.clocks.find((c) => c.id === 'adr-letter')!.dueOn!;
    expect(due).toBe('2026-12-30'); // 6 weeks (Ofcom GC C4 from 8 Apr 2026)
    expect(letterTheStageCallsFor(context([received(), acknowledged()], due))).toBe('adr-time');
    const before = new Date(`${due}T12:00:00Z`);
    before.setUTCDate(before.getUTCDate() - 1);
    expect(letterTheStageCallsFor(context([received(), acknowledged()], before.toISOString().slice(0, 10)))).toBe(
      'final-response',
    );
  });

  it('is none once the ADR letter with the final position was sent after a deadlock, until the case is reopened', () => {
    const deadlock = entry('deadlock', '2026-11-25', { details: 'We will not refund.' });
    const sent = [received(), acknowledged(), deadlock, issued('adr-letter', '2026-11-25', 'L1')];
    sent.push(entry('adr-letter-sent', '2026-11-25'));
    expect(letterTheStageCallsFor(context(sent, '2026-11-26'))).toBeNull();
    // The ADR letter's entry voided (recorded by mistake): it is called for again.
    const voided = entry('voided', '2026-11-26', { entryId: sent.at(-1)!.id, reason: 'Not sent' });
    expect(letterTheStageCallsFor(context([...sent, voided], '2026-11-26'))).toBe('adr-final');
    // A time-based ADR letter, with no deadlock, leaves the final response to come.
    const timeBased = [received(), acknowledged(), entry('adr-letter-sent', '2026-11-25')];
    expect(letterTheStageCallsFor(context(timeBased, '2026-11-26'))).toBe('final-response');
  });

  it('is none once the ADR letter with our final position was issued with no deadlock recorded (explore39-letters #1)', () => {
    const sent = [
      received(),
      acknowledged(),
      issued('adr-letter', '2026-11-25', 'L1'),
      entry('adr-letter-sent', '2026-11-25', undefined, 'ADR letter sent with our final position'),
    ];
    expect(letterTheStageCallsFor(context(sent, '2026-11-26'))).toBeNull();
    // Withdrawn, the letter written again in its place is the one with our final position too.
    const withdrawn = [...sent, entry('letter-withdrawn', '2026-11-26', { letterId: 'L1', reason: 'Wrong address' })];
    expect(choiceForKind('adr-letter', { events: withdrawn })).toBe('adr-final');
  });

  it('is none once a final response stands; called for again when it is withdrawn or the case reopened after it', () => {
    const final = issued('final-response', '2026-11-24', 'F1');
    const events = [received(), acknowledged(), final];
    expect(letterTheStageCallsFor(context(events, '2026-11-25'))).toBeNull();
    const withdrawn = entry('letter-withdrawn', '2026-11-25', {
      letterId: 'F1',
      kind: 'final-response',
      reason: 'Wrong amount',
    });
    expect(letterTheStageCallsFor(context([...events, withdrawn], '2026-11-25'))).toBe('final-response');
    const reopened = [
      ...events,
      entry('resolved', '2026-11-24', { details: 'Refunded' }),
      entry('closed', '2026-11-24'),
      entry('reopened', '2026-11-25', { reason: 'The refund never arrived' }),
    ];
    expect(letterTheStageCallsFor(context(reopened, '2026-11-26'))).toBe('final-response');
  });

  it('is the ADR letter, not the acknowledgement, after a final position given before any acknowledgement', () => {
    const events = [received(), entry('deadlock', '2026-11-19', { details: 'We will not refund.' })];
    expect(letterTheStageCallsFor(context(events, '2026-11-20'))).toBe('adr-final');
  });

  it('is none for a closed case', () => {
    const events = [
      received(),
      acknowledged(),
      entry('resolved', '2026-11-21', { details: 'Refunded' }),
      entry('closed', '2026-11-22'),
    ];
    expect(letterTheStageCallsFor(context(events, '2026-11-23'))).toBeNull();
  });
});

describe('a second letter of a kind already issued', () => {
  it('is asked about, naming the day the first was issued', () => {
    const events = [received(), issued('acknowledgement', '2026-12-02', 'L1'), acknowledged('2026-12-02')];
    expect(secondLetterQuestion('acknowledgement', context(events, '2026-12-03'), formatDate)).toBe(
      `An acknowledgement was already issued on ${formatDate('2026-12-02')}. Issue another?`,
    );
    expect(formatDate('2026-12-02')).toBe('Wed 2 Dec 2026');
  });

  it('is not asked for the first of its kind, nor for another kind', () => {
    const events = [received(), issued('acknowledgement', '2026-12-02', 'L1'), acknowledged('2026-12-02')];
    expect(secondLetterQuestion('acknowledgement', context([received()], '2026-12-03'), formatDate)).toBeNull();
    expect(secondLetterQuestion('final-response', context(events, '2026-12-03'), formatDate)).toBeNull();
  });

  it('is not asked once the earlier letter was withdrawn (a corrected letter is the point)', () => {
    const events = [received(), issued('acknowledgement', '2026-12-02', 'L1'), acknowledged('2026-12-02')];
    const withdrawal = letterWithdrawnEntry(events, 'L1', { on: '2026-12-02', by: 'Sam', reason: 'Wrong address' });
    if (!withdrawal.ok) throw new Error(withdrawal.error);
    const withdrawn = [...events, { ...withdrawal.event, id: 'w1', caseId: 'case-42', at: '2026-12-02T10:00:00.000Z' }];
    expect(secondLetterQuestion('acknowledgement', context(withdrawn, '2026-12-03'), formatDate)).toBeNull();
    expect(choiceForKind('acknowledgement', { events: withdrawn })).toBe('acknowledgement');
  });

  it('counts both ADR letters as one kind', () => {
    const events = [received(), acknowledged(), issued('adr-letter', '2027-01-13', 'L2')];
    expect(secondLetterQuestion('adr-final', context(events, '2027-01-14'), formatDate)).toMatch(
      /^An ADR letter was already issued on Wed 13 Jan 2027\. Issue another\?$/,
    );
    // In French too: the words were English only before.
    expect(secondLetterQuestion('adr-final', context(events, '2027-01-14'), formatDate, fr)).toBe(
      `Une lettre de recours externe a déjà été produite le ${formatDate('2027-01-13')}. En produire une autre\u00a0?`,
    );
  });

  it('asks before a final response while our final position stands, not after a reopening (explore37-team #5)', () => {
    const events = [received(), acknowledged(), entry('deadlock', '2026-11-25', { details: 'No refund' })];
    expect(secondLetterQuestion('final-response', context(events, '2026-11-26'), formatDate)).toBe(
      `Our final position (deadlock) was recorded on ${formatDate('2026-11-25')}. A final response now would give the customer two final answers. Issue it all the same?`,
    );
    const question = issueQuestion('final-response', context(events, '2026-11-26'))!;
    expect(issueQuestionIn(en, question, formatDate)).toMatchObject({
      title: 'Final position already given',
      issue: 'Issue it all the same',
    });
    expect(secondLetterQuestion('update', context(events, '2026-11-26'), formatDate)).toBeNull();
    // A final response already issued is said too (explore37-screens #1).
    const again = [...events, issued('final-response', '2026-11-26', 'L9')];
    expect(secondLetterQuestion('final-response', context(again, '2026-11-27'), formatDate)).toBe(
      `Our final position (deadlock) was recorded on ${formatDate('2026-11-25')}, and a final response was already issued on ${formatDate('2026-11-26')}. Another would give the customer yet another final answer. Issue it all the same?`,
    );
    const reopened = [...events, entry('reopened', '2026-11-27', { reason: 'New evidence' })];
    expect(secondLetterQuestion('final-response', context(reopened, '2026-11-28'), formatDate)).toBeNull();
  });

  it('asks before a final response after the ADR letter that gave our final position, with no deadlock recorded (explore39-letters #1)', () => {
    const events = [
      received(),
      acknowledged(),
      issued('adr-letter', '2026-11-25', 'L1'),
      entry('adr-letter-sent', '2026-11-25', undefined, 'ADR letter sent with our final position'),
    ];
    const question = issueQuestion('final-response', context(events, '2026-11-26'))!;
    expect(issueQuestionIn(en, question, formatDate)).toEqual({
      title: 'Final position already given',
      text: `Our final position went to the customer in the ADR letter of ${formatDate('2026-11-25')}. A final response now would give the customer two final answers. Issue it all the same?`,
      issue: 'Issue it all the same',
    });
    expect(issueQuestionIn(fr, question, formatDate).text).toBe(
      `Notre position finale a été communiquée à la personne dans la lettre de recours externe du ${formatDate('2026-11-25')}. Une réponse finale maintenant donnerait à la personne deux réponses finales. La produire quand même\u00a0?`,
    );
    // The time-based ADR letter gives no final position: the final response is still to come.
    const timeBased = [
      received(),
      acknowledged(),
      entry('adr-letter-sent', '2026-11-25', undefined, 'ADR letter sent (unresolved after 6 weeks)'),
    ];
    expect(issueQuestion('final-response', context(timeBased, '2026-11-26'))).toBeNull();
  });
});

describe('letters prefill from what the case recorded', () => {
  it('puts the final position written at deadlock into the ADR letter', () => {
    const position = 'We will not refund the October charge: it was for the engineer visit you booked.';
    const events = [received(), acknowledged(), entry('deadlock', '2026-11-25', { details: position })];
    const ctx = context(events, '2026-11-26');
    const inputs = defaultInputs(ctx);
    expect(inputs.finalPosition).toBe(position);
    expect(letterText(buildLetter('adr-final', inputs, defaultOptions(ctx.record, ctx.settings), ctx))).toContain(
      position,
    );
  });

  it('puts the resolution agreed into the final response and the summary resolution, with its day', () => {
    const agreed = 'We refunded the second October payment of £42.50.';
    const events = [received(), acknowledged(), entry('resolved', '2026-11-21', { details: agreed })];
    const ctx = context(events, '2026-11-23');
    const inputs = defaultInputs(ctx);
    expect(inputs.actionsTaken).toBe(agreed);
    expect(inputs.resolution).toBe(agreed);
    expect(inputs.resolvedOn).toBe('2026-11-21');
    const text = letterText(
      buildLetter(
        'final-response',
        { ...inputs, outcome: 'You were charged twice.' },
        defaultOptions(ctx.record, ctx.settings),
        ctx,
      ),
    );
    expect(text).toContain(agreed);
  });

  it('takes the latest when there were several, and leaves the boxes empty when nothing was recorded', () => {
    const events = [
      received(),
      acknowledged(),
      entry('deadlock', '2026-11-25', { details: 'First position.' }),
      entry('deadlock', '2026-11-27', { details: 'Revised position.' }),
    ];
    expect(defaultInputs(context(events, '2026-11-28')).finalPosition).toBe('Revised position.');
    const blank = defaultInputs(context([received()]));
    expect(blank.finalPosition).toBe('');
    expect(blank.actionsTaken).toBe('');
    expect(blank.resolvedOn).toBe('2026-11-20');
  });
});

describe('a letter issued again the same day: another copy, or another event', () => {
  const today = '2026-11-26';
  it('is another copy when its event was recorded today (a large-print copy of the same letter)', () => {
    const events = [received(), acknowledged(), entry('adr-letter-sent', today)];
    expect(anotherCopyToday('adr-letter-sent', { events, today })).toBe(true);
    expect(anotherCopyToday('adr-letter-sent', { events, today: '2026-11-27' })).toBe(false);
  });

  it('is another event for the ADR letter with the final position after a deadlock recorded since that morning', () => {
    const morning = entry('adr-letter-sent', today);
    const events = [received(), acknowledged(), morning, entry('deadlock', today, { details: 'No refund.' })];
    expect(anotherCopyToday('adr-letter-sent', { events, today })).toBe(false);
    // A copy of the final-position letter itself, later that day, is a copy again.
    expect(anotherCopyToday('adr-letter-sent', { events: [...events, entry('adr-letter-sent', today)], today })).toBe(
      true,
    );
  });

  it('is another event when the entry recorded today was voided', () => {
    const sent = entry('update-sent', today);
    const voided = entry('voided', today, { entryId: sent.id, reason: 'Recorded by mistake' });
    expect(anotherCopyToday('update-sent', { events: [received(), sent, voided], today })).toBe(false);
  });
});
