// A coded message in the interface language (issue #17; say7): shared/ keeps each kind's English table and fills it
// (shared/model/saying.ts); the screens say the same saying with the catalogue's `<prefix>.<code>`, plain values the
// interface's way (numbers, sizes, days), and the en-GB catalogue takes its English from the same table.
import type { PlainValue, Saying } from '#shared/model/saying';
import { formatNumber, formatShortDate } from '../format';
import type { MessageKey, MessageValues, Translate } from './index';
import { fileSizeIn } from './sizes';

/** The codes the catalogue holds under `prefix.` (`problem` → every `problem.<code>`). */
export type CodesUnder<Prefix extends string> = MessageKey extends infer Key
  ? Key extends `${Prefix}.${infer Code}`
    ? Code
    : never
  : never;

/** A plain value in the interface language: text as written, numbers, sizes and days the interface's way. */
export function plainValueIn(t: Translate, v: PlainValue): string | number {
  if (typeof v === 'string' || typeof v === 'number') return v;
  if ('number' in v) return formatNumber(v.number);
  if ('bytes' in v) return fileSizeIn(t, v.bytes);
  return formatShortDate(v.date);
}

/** A saying in the interface language: the catalogue's `<prefix>.<code>`, each value said by `valueIn`. */
export function sayingIn<Prefix extends string>(
  t: Translate,
  prefix: Prefix,
  said: Saying<CodesUnder<Prefix>, PlainValue>,
): string;
export function sayingIn<Prefix extends string, Value>(
  t: Translate,
  prefix: Prefix,
  said: Saying<CodesUnder<Prefix>, Value>,
  valueIn: (v: Value) => string | number,
): string;
export function sayingIn(
  t: Translate,
  prefix: string,
  said: Saying<string, unknown>,
  valueIn: (v: unknown) => string | number = (v) => plainValueIn(t, v as PlainValue),
): string {
  const values: MessageValues = {};
  for (const [name, v] of Object.entries(said.values ?? {})) values[name] = valueIn(v);
  return t(`${prefix}.${said.code}` as MessageKey, values);
}

/**
 * A kind's English table as catalogue entries (`<prefix>.<code>`), for the en-GB catalogue: the one home of the
 * English stays shared/'s table; the interface writes ’ where the records keep a straight apostrophe.
 */
export function catalogueWords<Prefix extends string, Code extends string>(
  prefix: Prefix,
  table: Readonly<Record<Code, string>>,
): Record<`${Prefix}.${Code}`, string> {
  return Object.fromEntries(
    (Object.keys(table) as Code[]).map((code) => [`${prefix}.${code}`, table[code].replaceAll("'", '’')]),
  ) as Record<`${Prefix}.${Code}`, string>;
}
