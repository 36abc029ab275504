// The forms' validation messages in the interface language (issue #17). shared/ returns each message in English (the
// records', imports' and scripts' words) and knows its code and values (shared/model/problems.ts); the screens say it
// with the catalogue's `problem.<code>`, a day the interface's way, and the field named by the screen's own label.
import { type Problem, type ProblemValue, problemOf } from '#shared/model/problems';
import { formatNumber, formatShortDate } from '../format';
import type { MessageKey } from './messages/en-GB';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

function valueIn(v: ProblemValue): string | number {
  if (typeof v === 'string' || typeof v === 'number') return v;
  if ('date' in v) return formatShortDate(v.date);
  return formatNumber(v.number);
}

/** A problem in the interface language; `label` is the field's name on the screen (for "{label} must be …"). */
export function problemIn(t: T, p: Problem, label?: string): string {
  const values: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(p.values ?? {})) values[name] = valueIn(v);
  if (label !== undefined && 'label' in values) values.label = label;
  return t(`problem.${p.code}`, values);
}

/** A form check's message in the interface language, or as it is when it has no code (it is never lost). */
export function messageIn(t: T, message: string, label?: string): string {
  const p = problemOf(message);
  return p ? problemIn(t, p, label) : message;
}
