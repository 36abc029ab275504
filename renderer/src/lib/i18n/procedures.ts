// What is wrong with a procedure (the editor's fields, an imported file), in the interface language (issue #17;
// m17a). shared/rules writes it in English (the issue's `message`) and keeps it as data (`said`,
// shared/rules/procedure-problems.ts); the screens say the same with the catalogue's `procedureProblem.<code>`.
import type { ProcedureSaying } from '#shared/rules/index';
import { isSaying } from '#shared/model/saying';
import { formatMonthYear } from '../format';
import type { Translate } from './index';
import { enGB, type MessageKey } from './messages/en-GB';
import { sayingIn } from './sayings';

/** A procedure's problem in the interface language. */
export function procedureProblemIn(t: Translate, said: ProcedureSaying): string {
  // The month of an impossible day ("February 2026" in English) in the interface's words, from the date as written.
  const date = said.values?.date;
  const dated =
    said.code === 'date-days' && typeof date === 'string' && /^\d{4}-\d{2}/.test(date)
      ? { ...said, values: { ...said.values, month: formatMonthYear(date) } }
      : said;
  return sayingIn(t, 'procedureProblem', dated, (v) =>
    isSaying(v)
      ? procedureProblemIn(t, v)
      : // zod's names of types ("string", "undefined") in the interface's words.
        said.code === 'expected-type' && `procedureProblem.type.${v}` in enGB
        ? t(`procedureProblem.type.${v}` as MessageKey)
        : v,
  );
}

/** An issue or refusal in the interface language, or as shared wrote it when it has no code (it is never lost). */
export function procedureIssueIn(t: Translate, issue: { message: string; said?: ProcedureSaying }): string {
  return issue.said ? procedureProblemIn(t, issue.said) : issue.message;
}
