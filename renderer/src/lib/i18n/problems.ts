// The forms' validation messages in the interface language (issue #17). shared/ returns each message in English (the
// records', imports' and scripts' words) and knows its code and values (shared/model/problems.ts); the screens say it
// with the catalogue's `problem.<code>`, a day the interface's way, and the field named by the screen's own label.
import { type Problem, problemOf } from '#shared/model/problems';
import type { Translate } from './index';
import { sayingIn } from './sayings';

/** A problem in the interface language; `label` is the field's name on the screen (for "{label} must be …"). */
export function problemIn(t: Translate, p: Problem, label?: string): string {
  const labelled =
    label !== undefined && p.values && 'label' in p.values ? { ...p, values: { ...p.values, label } } : p;
  return sayingIn(t, 'problem', labelled);
}

/** A form check's message in the interface language, or as it is when it has no code (it is never lost). */
export function messageIn(t: Translate, message: string, label?: string): string {
  const p = problemOf(message);
  return p ? problemIn(t, p, label) : message;
}
