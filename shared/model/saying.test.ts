// say7: the one English filler of the coded messages (issue #17): plain values, nested sayings, missing values.
import { describe, expect, it } from 'vitest';
import { codesOf, isSaying, plainValueInEnglish, type Saying, saying, sayingInEnglish } from './saying';

const TABLE = {
  sized: 'This file is {size}: at most {max} MB, {count} of them, on {on}.',
  nested: 'Refused: {why}',
  plain: 'Nothing to fill.',
} as const;
type Code = keyof typeof TABLE;

describe('sayingInEnglish', () => {
  it('fills each placeholder with its plain value in English', () => {
    const said = saying<Code, Parameters<typeof plainValueInEnglish>[0]>('sized', {
      size: { bytes: 1536 * 1024 },
      max: 25,
      count: { number: 12345 },
      on: { date: '2026-12-03' },
    });
    expect(sayingInEnglish(TABLE, said)).toBe('This file is 1.5 MB: at most 25 MB, 12,345 of them, on 2026-12-03.');
  });

  it('leaves a placeholder with no value blank, and a saying with no values as written', () => {
    expect(sayingInEnglish(TABLE, { code: 'sized', values: { max: 1 } })).toBe(
      'This file is : at most 1 MB,  of them, on .',
    );
    expect(sayingInEnglish(TABLE, saying('plain'))).toBe('Nothing to fill.');
  });

  it('says a kind’s own values with its own function (a nested saying first)', () => {
    type Value = string | Saying<Code, Value>;
    const inEnglish = (s: Saying<Code, Value>): string =>
      sayingInEnglish(TABLE, s, (v) => (isSaying(v) ? inEnglish(v) : v));
    expect(inEnglish(saying<Code, Value>('nested', { why: saying<Code, Value>('plain') }))).toBe(
      'Refused: Nothing to fill.',
    );
  });

  it('sizes by the kind’s own rule when it has one', () => {
    expect(plainValueInEnglish({ bytes: 2048 }, (n) => `${n / 1024} KiB`)).toBe('2 KiB');
  });
});

it('saying leaves out empty values, so a saying is stored and compared as written', () => {
  expect(saying('plain')).toEqual({ code: 'plain' });
  expect('values' in saying('plain')).toBe(false);
  expect(codesOf(TABLE)).toEqual(['sized', 'nested', 'plain']);
});
