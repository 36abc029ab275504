// What is wrong with a procedure (the editor's fields, an imported file), in the interface language (issue #17;
// m17a). shared/rules writes it in English (the issue's `message`) and keeps it as data (`said`,
// shared/rules/procedure-problems.ts); the screens say the same with the catalogue's `procedureProblem.<code>`.
import type { ProcedureSaying } from '#shared/rules/index';
import { formatMonthYear } from '../format';
import { enGB, type MessageKey } from './messages/en-GB';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A procedure's problem in the interface language. */
export function procedureProblemIn(t: T, said: ProcedureSaying): string {
  const values: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(said.values ?? {}))
    values[name] =
      typeof v === 'object'
        ? procedureProblemIn(t, v)
        : // zod's names of types ("string", "undefined") in the interface's words.
          said.code === 'expected-type' && `procedureProblem.type.${v}` in enGB
          ? t(`procedureProblem.type.${v}` as MessageKey)
          : v;
  // The month of an impossible day ("February 2026" in English) in the interface's words, from the date as written.
  if (said.code === 'date-days' && typeof said.values?.date === 'string' && /^\d{4}-\d{2}/.test(said.values.date))
    values.month = formatMonthYear(said.values.date);
  return t(`procedureProblem.${said.code}`, values);
}

/** An issue or refusal in the interface language, or as shared wrote it when it has no code (it is never lost). */
export function procedureIssueIn(t: T, issue: { message: string; said?: ProcedureSaying }): string {
  return issue.said ? procedureProblemIn(t, issue.said) : issue.message;
}
