// The one shape of a coded message (issue #17; say7): a code and its values (`Saying`), an English table of templates
// per kind (`PROBLEMS_EN`, `BACKUP_PROBLEMS_EN`, …: the words of the records, the logs and the scripts) and one filler
// that puts the values in (`sayingInEnglish`). The screens say the same saying with the catalogue's `<prefix>.<code>`
// (renderer/src/lib/i18n/sayings.ts `sayingIn`), whose English the en-GB catalogue takes from the same table.
//
// Plain values: a string is shown as written (a label, a file's name); a number as a number; `{ number }` a number
// written with thousands separators; `{ bytes }` a size ("1.5 MB"); `{ date }` a day (YYYY-MM-DD in English, the
// interface's own format on screen). A kind may add its own (a nested saying, a list) and say them itself.
import { formatFileSize } from './attachment';
import { fillTemplate } from './template';

/** A message as data: its code and its values, by the name of the template's {placeholder}. */
export interface Saying<Code extends string, Value = PlainValue> {
  code: Code;
  values?: Readonly<Record<string, Value>>;
}

/** A kind's codes, in its English table's order. */
export const codesOf = <Code extends string>(table: Readonly<Record<Code, string>>): Code[] =>
  Object.keys(table) as Code[];

/** The values every kind of saying may hold (see above). */
export type PlainValue = string | number | { number: number } | { bytes: number } | { date: string };

/** A saying with its values, or without when there are none (so a saying compares and serialises as written). */
export function saying<Code extends string, Value>(
  code: Code,
  values?: Readonly<Record<string, Value>>,
): Saying<Code, Value> {
  return values ? { code, values } : { code };
}

/** Whether a value is a nested saying (one said first and put in its place), not a plain value. */
export const isSaying = <V>(v: V): v is Extract<V, { code: string }> =>
  typeof v === 'object' && v !== null && 'code' in v;

/** A plain value in English; `bytesInEnglish` says a size (the attachments' "1.5 MB" unless the kind has its own). */
export function plainValueInEnglish(v: PlainValue, bytesInEnglish: (bytes: number) => string = formatFileSize): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if ('number' in v) return v.number.toLocaleString('en-GB');
  if ('bytes' in v) return bytesInEnglish(v.bytes);
  return v.date;
}

/**
 * A saying in English: the code's template in `table` with each {placeholder} filled by `valueInEnglish` (plain
 * values, the attachments' sizes, when the kind has no values of its own); a placeholder with no value is left blank.
 */
export function sayingInEnglish<Code extends string>(
  table: Readonly<Record<Code, string>>,
  said: Saying<Code, PlainValue>,
): string;
export function sayingInEnglish<Code extends string, Value>(
  table: Readonly<Record<Code, string>>,
  said: Saying<Code, Value>,
  valueInEnglish: (v: Value) => string,
): string;
export function sayingInEnglish<Code extends string>(
  table: Readonly<Record<Code, string>>,
  said: Saying<Code, unknown>,
  valueInEnglish: (v: unknown) => string = (v) => plainValueInEnglish(v as PlainValue),
): string {
  const values = said.values ?? {};
  return fillTemplate(table[said.code], (name) => {
    const v = values[name];
    return v === undefined ? '' : valueInEnglish(v);
  });
}
