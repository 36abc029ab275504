// The letter dialog's acknowledgement: the same letter the case page's quick button issues, but with a preview and
// editable paragraphs; recorded as the acknowledgement only once.
import { describe, expect, it } from 'vitest';
import { letterParagraphs } from '#shared/letters/index';
import { sampleCase, sampleSettings } from '#shared/letters/fixtures';
import type { TimelineEvent } from '#shared/model/case';
import { evaluateRecord } from '#lib/rules';
import {
  acknowledgementDocument,
  availableLetters,
  buildLetter,
  defaultInputs,
  defaultOptions,
  letterFileName,
  letterText,
  recordedAs,
  type LetterContext,
} from './build';

function context(events: TimelineEvent[] = [], employees?: number): LetterContext {
  const base = sampleCase({ procedureId: 'kijoma' });
  const record =
    employees === undefined ? base : { ...base, customer: { ...base.customer, isBusiness: true, employees } };
  const today = '2026-11-20';
  const evaluated = evaluateRecord(record, events, today);
  if (!evaluated.evaluation) throw new Error(evaluated.error);
  return { record, events, evaluation: evaluated.evaluation, settings: sampleSettings(), today, by: 'Priya Shah' };
}

const received: TimelineEvent = {
  id: 'e1',
  caseId: 'case-42',
  type: 'received',
  on: '2026-11-18',
  at: '2026-11-18T09:00:00.000Z',
  by: 'Priya Shah',
  summary: 'Complaint received by letter',
};

describe('acknowledgement in the letter dialog', () => {
  it('is offered first, for every case', () => {
    const ctx = context([received]);
    expect(availableLetters(ctx.record, ctx.evaluation)[0]).toBe('acknowledgement');
  });

  it('reads exactly as the quick acknowledgement when nothing is edited', () => {
    const ctx = context([received]);
    const fromDialog = buildLetter(
      'acknowledgement',
      defaultInputs(ctx),
      defaultOptions(ctx.record, ctx.settings),
      ctx,
    );
    const quick = acknowledgementDocument({
      record: ctx.record,
      evaluation: ctx.evaluation,
      settings: ctx.settings,
      today: ctx.today,
      by: ctx.by,
    });
    expect(letterText(fromDialog)).toBe(letterText(quick));
    expect(letterText(fromDialog)).toContain('RDR-2026-000042');
  });

  it('takes the desk’s words for an editable paragraph and keeps the regulator’s', () => {
    const ctx = context([received]);
    const draft = buildLetter('acknowledgement', defaultInputs(ctx), defaultOptions(ctx.record, ctx.settings), ctx);
    const paragraphs = letterParagraphs(draft);
    const editable = paragraphs.find((p) => !p.required);
    expect(editable, 'an editable paragraph').toBeDefined();
    const edited = buildLetter('acknowledgement', defaultInputs(ctx), defaultOptions(ctx.record, ctx.settings), ctx, {
      [editable!.id]: 'We are sorry you had to write to us twice about this.',
    });
    const text = letterText(edited);
    expect(text).toContain('We are sorry you had to write to us twice about this.');
    expect(text).not.toContain(editable!.text);
    for (const required of paragraphs.filter((p) => p.required)) expect(text).toContain(required.text);
  });

  it('records the acknowledgement once: a second copy is only a letter', () => {
    expect(recordedAs('acknowledgement', context([received])).also?.type).toBe('acknowledged');
    const acknowledged: TimelineEvent = {
      ...received,
      id: 'e2',
      type: 'acknowledged',
      summary: 'Complaint acknowledged',
    };
    const again = recordedAs('acknowledgement', context([received, acknowledged]));
    expect(again.kind).toBe('acknowledgement');
    expect(again.also).toBeUndefined();
  });
});

describe('a business customer and the ADR scheme, from the rules engine through to the letter', () => {
  it('a small business (8 employees) is offered the ADR letters, and its final response offers the scheme', () => {
    const ctx = context([received], 8);
    expect(availableLetters(ctx.record, ctx.evaluation)).toContain('adr-time');
    const text = letterText(
      buildLetter(
        'final-response',
        { ...defaultInputs(ctx), outcome: 'Found', actionsTaken: 'Done' },
        defaultOptions(ctx.record, ctx.settings),
        ctx,
      ),
    );
    expect(text).toContain('You have 12 months');
  });

  it('a business with 25 employees gets no ADR letter; its acknowledgement and update leave the scheme out, its final response says why', () => {
    const ctx = context([received], 25);
    expect(ctx.evaluation.adrOutOfScope).toEqual({ employees: 25, maxEmployees: 10 });
    const offered = availableLetters(ctx.record, ctx.evaluation);
    expect(offered).not.toContain('adr-time');
    expect(offered).not.toContain('adr-final');
    const scheme = ctx.evaluation.adrScheme!.name;
    const inputs = { ...defaultInputs(ctx), progress: 'Checked', outcome: 'Found', actionsTaken: 'Done' };
    for (const choice of ['acknowledgement', 'update'] as const) {
      expect(
        letterText(buildLetter(choice, inputs, defaultOptions(ctx.record, ctx.settings), ctx)),
        choice,
      ).not.toContain(scheme);
    }
    const final = letterText(buildLetter('final-response', inputs, defaultOptions(ctx.record, ctx.settings), ctx));
    expect(final).toContain('As your business has 25 employees, it cannot look at this complaint.');
    expect(final).not.toContain('You have 12 months');
  });
});

describe('the file a letter is saved under (letterFileName)', () => {
  const ctx = context([received]);
  const ref = ctx.record.reference;
  const english = { language: 'en-GB' as const, largePrint: false };
  const french = { language: 'fr-CA' as const, largePrint: false };

  it('names the two ADR letters apart, and large print, as it always has in English', () => {
    expect(letterFileName('adr-time', english, ctx)).toBe(`${ref}-adr-letter.pdf`);
    expect(letterFileName('adr-final', english, ctx)).toBe(`${ref}-adr-letter-final-position.pdf`);
    expect(letterFileName('final-response', { ...english, largePrint: true }, ctx)).toBe(
      `${ref}-final-response-large-print.pdf`,
    );
  });

  it('names a French letter in French, and numbers a name the timeline has already', () => {
    expect(letterFileName('final-response', french, ctx)).toBe(`${ref}-reponse-finale.pdf`);
    expect(letterFileName('ccts-notice', french, ctx)).toBe(`${ref}-avis-cprst.pdf`);
    expect(letterFileName('adr-final', french, ctx)).toBe(`${ref}-lettre-de-recours-position-finale.pdf`);
    const issued: TimelineEvent = {
      ...received,
      id: 'e2',
      type: 'letter-issued',
      summary: 'Acknowledgement letter issued',
      data: { letterId: 'l1', kind: 'acknowledgement', fileName: `${ref}-accuse-de-reception.pdf`, sha256: 'a' },
    };
    expect(letterFileName('acknowledgement', french, { ...ctx, events: [received, issued] })).toBe(
      `${ref}-accuse-de-reception-2.pdf`,
    );
  });
});
