// What is wrong with a field of a backup's row, as a saying (issue #17; h17): the stored schemas
// (shared/model/stored.ts) write their notes in English ("not a date (YYYY-MM-DD)"), which stay the English of the
// backup's problem list (the logs, the desktop shell); the screens say the same from the saying's code
// (`backupProblem.note-…`, ./problems.ts) with the place (`cases[3].receivedOn`) as data.
//
// A note is known by its words when they are fixed, and by the zod issue's facts (its limit, its choices) when they
// carry a value. A note neither knows is kept as written (`note-other`): never lost, only not translated.
import type { z } from 'zod';
import { issueMessage } from '#shared/model/stored';
import { BACKUP_PROBLEMS_EN, type BackupProblemCode, type BackupSaying, sayBackup } from './problems';

/** The schemas' fixed notes, by their English (the same words as the codes' English). */
const FIXED = new Map<string, BackupProblemCode>(
  (
    [
      'note-missing',
      'note-not-text',
      'note-not-number',
      'note-not-whole',
      'note-not-boolean',
      'note-not-object',
      'note-not-list',
      'note-not-date',
      'note-not-timestamp',
      'note-empty',
      'note-negative',
      'note-not-reference',
      'note-not-desk-prefix',
      'note-not-counter-key',
      'note-not-sha256',
      'note-not-base64',
      'note-letter-base64',
      'note-anonymised-personal',
      'note-withdrawn-kind',
      'note-procedure-version',
      'note-default-language',
      'note-no-provider',
    ] as const
  ).map((code) => [BACKUP_PROBLEMS_EN[code], code]),
);

/** Notes that say the same as a fixed one in other words (the schemas' variants). */
const ALSO: Record<string, BackupProblemCode> = {
  'must be a date (YYYY-MM-DD)': 'note-not-date',
  'must be a timestamp': 'note-not-timestamp',
  'must be a list of lines': 'note-not-list',
  'must be an object of table counts': 'note-not-object',
  'must be an object with one list per table': 'note-not-object',
  'not a desk prefix': 'note-not-desk-prefix',
  'must name at least one language': 'note-empty',
  'must be the letter’s bytes': 'note-letter-base64',
};

/** zod's names of the types it expected, as a fixed note. */
const EXPECTED: Record<string, BackupProblemCode> = {
  string: 'note-not-text',
  number: 'note-not-number',
  int: 'note-not-whole',
  boolean: 'note-not-boolean',
  object: 'note-not-object',
  record: 'note-not-object',
  array: 'note-not-list',
};

/** What is wrong with a field, from its zod issue. */
export function issueNote(issue: z.core.$ZodIssue): BackupSaying {
  const message = issueMessage(issue);
  const fixed = FIXED.get(message) ?? ALSO[message];
  if (fixed) return sayBackup(fixed);
  switch (issue.code) {
    case 'invalid_type':
      if (EXPECTED[issue.expected]) return sayBackup(EXPECTED[issue.expected]);
      break;
    case 'invalid_value':
      return sayBackup('note-unknown-value', { choices: issue.values.map(String).join(', ') });
    case 'too_big':
      if (issue.origin === 'string') return sayBackup('note-too-long', { max: Number(issue.maximum) });
      if (issue.origin === 'array') return sayBackup('note-too-many', { max: Number(issue.maximum) });
      if (issue.origin === 'number') return sayBackup('note-more-than', { max: { number: Number(issue.maximum) } });
      break;
    case 'too_small':
      if (issue.origin === 'number' && Number(issue.minimum) === 0) return sayBackup('note-negative');
      if (issue.origin === 'number') return sayBackup('note-at-least', { min: Number(issue.minimum) });
      if (issue.origin === 'string' || issue.origin === 'array') return sayBackup('note-empty');
      break;
    case 'custom': {
      const key = /^must be "(.+)"$/.exec(message)?.[1];
      if (key !== undefined) return sayBackup('note-key-must-be', { key });
      const twice = /^holds provider "(.+)" twice$/.exec(message)?.[1];
      if (twice !== undefined) return sayBackup('note-provider-twice', { id: twice });
      break;
    }
  }
  return sayBackup('note-other', { message });
}

/** A field's problem: its place (`cases[3].receivedOn`) and what is wrong there. */
export function issueProblem(where: string, issue: z.core.$ZodIssue): BackupSaying {
  return sayBackup('at', { where, note: issueNote(issue) });
}

/** What is over a limit in a field (a row kept as it is, for the desk to shorten), from its issue's facts. */
export function overLimitNote(issue: z.core.$ZodIssue): BackupSaying {
  const facts = (issue as { params?: Record<string, unknown> }).params ?? {};
  const number = (name: string) => (typeof facts[name] === 'number' ? (facts[name] as number) : undefined);
  const [line, length, lines, max] = [number('line'), number('length'), number('lines'), number('max')];
  if (max !== undefined && line !== undefined && length !== undefined)
    return sayBackup('note-over-line', { line, length, max });
  if (max !== undefined && lines !== undefined) return sayBackup('note-over-lines', { lines, max });
  if (max !== undefined && length !== undefined)
    return sayBackup('note-over-chars', { length: { number: length }, max: { number: max } });
  return sayBackup('note-other', { message: issueMessage(issue) });
}
