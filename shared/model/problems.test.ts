// The forms' validation messages as codes and values (issue #17): one English per code, found again by its words.
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES, PROBLEMS_EN, problemInEnglish, problemOf, sayProblem } from './problems';

describe('validation messages with a code', () => {
  it('has one English message per code, so the words name their code', () => {
    const texts = PROBLEM_CODES.map((c) => PROBLEMS_EN[c]);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('finds a fixed message’s code, and a message with values once it has been said', () => {
    expect(problemOf('Enter a real date as YYYY-MM-DD')).toEqual({ code: 'date-invalid' });
    const text = sayProblem('date-before-received', { on: { date: '2026-11-18' } });
    expect(text).toBe('The date cannot be before the complaint was received (2026-11-18)');
    expect(problemOf(text)).toEqual({ code: 'date-before-received', values: { on: { date: '2026-11-18' } } });
    expect(problemOf('Something the forms never say')).toBeUndefined();
  });

  it('writes numbers as the records always had them', () => {
    expect(problemInEnglish({ code: 'too-long', values: { label: 'Summary', max: 5000 } })).toBe(
      'Summary must be at most 5000 characters',
    );
    expect(problemInEnglish({ code: 'employees-too-many', values: { max: { number: 10_000_000 } } })).toBe(
      'Enter a number of employees of 10,000,000 or fewer',
    );
  });
});
