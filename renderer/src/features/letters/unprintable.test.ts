// A character the letter font cannot print, typed by the desk in a box of the letter dialog, is refused naming that box,
// with advice that fits what was typed (explore39-letters #8): not "the letter's other text", nor "write the name".
import { describe, expect, it } from 'vitest';
import { sampleCase, sampleSettings } from '#shared/letters/fixtures';
import { UnprintableError } from '#shared/letters/index';
import type { TimelineEvent } from '#shared/model/case';
import { evaluateRecord } from '#lib/rules';
import { unprintableIn } from '#lib/i18n/printable';
import { en, fr } from '#test/support/translate';
import { defaultInputs, defaultOptions, type LetterChoice, type LetterContext, type LetterInputs } from './build';
import { renderLetter } from './compose';

function context(): LetterContext {
  const record = sampleCase({ procedureId: 'kijoma' });
  const events: TimelineEvent[] = [];
  const evaluated = evaluateRecord(record, events, '2026-12-07');
  if (!evaluated.evaluation) throw new Error(evaluated.error);
  return {
    record,
    events,
    evaluation: evaluated.evaluation,
    settings: sampleSettings(),
    today: '2026-12-07',
    by: 'Sam',
  };
}

async function refusal(choice: LetterChoice, typed: Partial<LetterInputs>, edits?: Record<string, string>) {
  const ctx = context();
  const inputs = { ...defaultInputs(ctx), ...typed };
  try {
    await renderLetter(choice, inputs, defaultOptions(ctx.record, ctx.settings), ctx, edits);
  } catch (error) {
    if (error instanceof UnprintableError) return error;
    throw error;
  }
  throw new Error('The letter was made');
}

describe('characters the letter font cannot print, typed in the letter dialog (explore39-letters #8)', () => {
  it('names the box they are in, and says to correct them there', async () => {
    const error = await refusal('update', {
      progress: 'Engineer Łukasz Wójcik 🙂 visited; we checked 中文 and Привет.',
    });
    expect(error.message).toBe(
      'This letter contains characters the letter font cannot print: 🙂, 中, 文 (in “Progress so far”). Emoji cannot be printed in a letter. Correct it where you typed it (leave it out, or write it in Latin letters) and make the letter again.',
    );
    expect(unprintableIn(en, 'en-GB', error.found, error.what)).toBe(error.message);
    expect(unprintableIn(fr, 'fr-CA', error.found, error.what)).toContain(
      '(dans «\u00a0Avancement jusqu’à maintenant\u00a0»)',
    );
    expect(unprintableIn(fr, 'fr-CA', error.found, error.what)).toContain('Corrigez-le là où vous l’avez saisi');
  });

  it('names each box of a final response, and the wording edited under Edit text', async () => {
    const error = await refusal('final-response', { outcome: 'Fine', actionsTaken: 'Refunded 🙂', remedy: '王' });
    expect(error.message).toContain('(in “What we have done” and “Remedy or compensation”)');
    const edited = await refusal('update', { progress: 'Checked.' }, { 'update.intro': 'Sorry 🙂' });
    expect(edited.message).toContain('(in the wording edited under “Edit text”)');
  });

  it('keeps the name advice for a customer’s name', async () => {
    const ctx = context();
    const named = { ...ctx.record, customer: { ...ctx.record.customer, name: '王小明' } };
    const inputs = { ...defaultInputs(ctx), progress: 'Checked.' };
    const error = await renderLetter('update', inputs, defaultOptions(named, ctx.settings), {
      ...ctx,
      record: named,
    }).catch((e: unknown) => e);
    expect((error as Error).message).toContain('(in the customer’s name). Correct it (for example, write the name');
  });
});
