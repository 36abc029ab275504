// What is wrong with a procedure (the editor's fields, an imported file), with a code and values (issue #17; m17a):
// the one home of the English of the procedure schema's own messages and of the file's refusals. The checks still
// return the English (`message`: the logs, the scripts, a RulesError); the interface says the same from `said` with
// the catalogue's `procedureProblem.<code>` in its language (renderer/src/lib/i18n/procedures.ts).
//
// zod's own messages (a wrong type, an option not in the list, an unknown key) are given codes too, from the issue's
// facts; their English stays zod's.
import { codesOf, isSaying, type Saying, saying, sayingInEnglish } from '#shared/model/saying';
import { DATE_FAULTS_EN, type DateFault } from './dates';

export const PROCEDURE_PROBLEMS_EN = {
  // --- the schema's words (./procedure.ts, ./zod-helpers.ts)
  'not-empty': 'must not be empty',
  number: 'must be a number',
  'whole-number': 'must be a whole number',
  'zero-or-more': 'must be 0 or more',
  'one-or-more': 'must be 1 or more',
  'at-most-600': 'at most 600 characters',
  'entered-by-empty': 'list at least one event, or leave enteredBy out',
  'no-channel': 'list at least one channel',
  'no-stage': 'a procedure needs at least one stage',
  slug: 'must be a slug: lower-case letters and digits joined by single hyphens',
  // A date the rules cannot read (./dates.ts, the one home of the English): {date} as written; {month} of
  // date-no-month its number, of date-days the month and year in words (the screens write them their way).
  'date-not-written': DATE_FAULTS_EN['not-written'],
  'date-years': DATE_FAULTS_EN.years,
  'date-no-month': DATE_FAULTS_EN['no-month'],
  'date-days': DATE_FAULTS_EN.days,
  // --- zod's own messages
  'expected-type': 'Invalid input: expected {expected}, received {received}',
  'invalid-option': 'Invalid option: expected one of {options}',
  'unknown-key': 'Unrecognized key: {keys}',
  'unknown-keys': 'Unrecognized keys: {keys}',
  // --- the checks after the schema (./procedure.ts checkProcedure)
  'unknown-regime': 'unknown regime "{id}" (known: {known})',
  'unknown-adr-scheme': 'unknown ADR scheme "{id}" (known: {known})',
  'stage-id-taken': '"{id}" is used by an earlier stage',
  'entry-taken': '"{event}" already moves the case to stage "{stage}"',
  'first-stage-external': 'the first stage must be run by the provider',
  'first-stage-entered': 'every case starts in the first stage; it cannot be entered by an event',
  // --- the desk's own check on saving (renderer/src/db/repositories/procedures.ts)
  'name-taken': 'another procedure is already called "{name}": give this one a name of its own',
  /** Anything else, as written. */
  other: '{message}',
  // --- a procedure file (./procedure-form.ts readProcedureFile; the desk's own check on import)
  'file-not-json': 'This is not a procedure file: it is not JSON.',
  'file-not-procedure': 'This is not a Redress procedure file (format: "redress-procedure" is missing).',
  'file-version': 'This procedure file is of format version {version}; this Redress reads version 1.',
  'file-version-missing':
    'This procedure file does not say which format version it is (formatVersion); this Redress reads version 1.',
  'file-invalid': 'The procedure in this file is not valid: procedure.{field}: {issue}. Nothing was imported.',
  'file-invalid-more':
    'The procedure in this file is not valid: procedure.{field}: {issue} (and {more} more). Nothing was imported.',
  'file-built-in':
    'The procedure in this file has the id "{id}" of a built-in procedure (procedure.id). Nothing was imported.',
  'file-id-taken': 'This desk already has a procedure with the id "{id}" (procedure.id). Nothing was imported.',
} as const;

export type ProcedureProblemCode = keyof typeof PROCEDURE_PROBLEMS_EN;
export const PROCEDURE_PROBLEM_CODES = codesOf(PROCEDURE_PROBLEMS_EN);

/** A procedure's problem as data; a value is a string or number as written, or a nested saying (a file's issue). */
export type ProcedureSaying = Saying<ProcedureProblemCode, string | number | ProcedureSaying>;

export function procedureProblemInEnglish(s: ProcedureSaying): string {
  return sayingInEnglish(PROCEDURE_PROBLEMS_EN, s, (v) => (isSaying(v) ? procedureProblemInEnglish(v) : String(v)));
}

export const sayProcedure = (
  code: ProcedureProblemCode,
  values?: Readonly<Record<string, string | number | ProcedureSaying>>,
): ProcedureSaying => saying(code, values);

/** The schema's fixed words, by their English. */
const FIXED = new Map<string, ProcedureProblemCode>(
  (
    [
      'not-empty',
      'number',
      'whole-number',
      'zero-or-more',
      'one-or-more',
      'at-most-600',
      'entered-by-empty',
      'no-channel',
      'no-stage',
      'slug',
    ] as const
  ).map((code) => [PROCEDURE_PROBLEMS_EN[code], code]),
);

/** The facts of a zod issue that the codes need (zod 4's issue, loosely typed: shared/rules keeps zod at arm's length). */
interface IssueFacts {
  code: string;
  message: string;
  expected?: unknown;
  values?: readonly unknown[];
  keys?: readonly string[];
  params?: { date?: unknown; fault?: DateFault };
}

/** A schema issue as a saying: the schema's own words by their English, zod's from the issue's facts. */
export function procedureIssueSaying(issue: IssueFacts): ProcedureSaying {
  const fixed = FIXED.get(issue.message);
  if (fixed) return { code: fixed };
  const fault = issue.code === 'custom' && issue.params?.date === true ? issue.params.fault : undefined;
  if (fault) return sayProcedure(`date-${fault.kind}`, fault.values);
  const received = /received (\w+)$/.exec(issue.message)?.[1];
  if (issue.code === 'invalid_type' && typeof issue.expected === 'string' && received)
    return sayProcedure('expected-type', { expected: issue.expected, received });
  if (issue.code === 'invalid_value' && issue.values)
    return sayProcedure('invalid-option', { options: issue.values.map((v) => JSON.stringify(v)).join('|') });
  if (issue.code === 'unrecognized_keys' && issue.keys)
    return sayProcedure(issue.keys.length === 1 ? 'unknown-key' : 'unknown-keys', {
      keys: issue.keys.map((k) => `"${k}"`).join(', '),
    });
  return sayProcedure('other', { message: issue.message });
}
