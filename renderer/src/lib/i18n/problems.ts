// The forms' validation messages in the interface language (issue #17). shared/ returns each message in English (the
// records', imports' and scripts' words) and knows its code and values (shared/model/problems.ts); the screens say it
// with the catalogue's `problem.<code>`, a day the interface's way, and the field named by the screen's own label.
import { CATEGORIES, CHANNELS } from '#shared/model/case';
import { type Problem, problemOf } from '#shared/model/problems';
import type { Translate } from './index';
import { sayingIn } from './sayings';

/**
 * The words a CSV import reads for a channel or a category, as its refusals list them ({choices}): shared/ lists its
 * English labels; the interface lists its own (the import reads the French ones too: a French desk's export writes
 * them, shared/exports/cases-import.ts's synonyms), so a French screen lists « Téléphone, Courriel … ».
 */
const IMPORT_CHOICES: Partial<Record<Problem['code'], (t: Translate) => string>> = {
  'import-not-channel': (t) => CHANNELS.map((c) => t(`model.channel.${c}`)).join(', '),
  'import-not-category': (t) => CATEGORIES.map((c) => t(`model.category.${c}`)).join(', '),
};

/** A problem in the interface language; `label` is the field's name on the screen (for "{label} must be …"). */
export function problemIn(t: Translate, p: Problem, label?: string): string {
  const labelled =
    label !== undefined && p.values && 'label' in p.values ? { ...p, values: { ...p.values, label } } : p;
  const choices = IMPORT_CHOICES[p.code];
  const listed = choices && p.values ? { ...labelled, values: { ...labelled.values, choices: choices(t) } } : labelled;
  return sayingIn(t, 'problem', listed);
}

/** A form check's message in the interface language, or as it is when it has no code (it is never lost). */
export function messageIn(t: Translate, message: string, label?: string): string {
  const p = problemOf(message);
  return p ? problemIn(t, p, label) : message;
}
