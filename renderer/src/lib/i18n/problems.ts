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

/** A case's timeline entry by its id, as the case's timeline names it in the interface language (undefined: unknown). */
export type EntryNamer = (id: string) => string | undefined;

/**
 * A problem in the interface language; `label` is the field's name on the screen (for "{label} must be …"); `entryIn`
 * names the timeline entry a problem quotes (its `entry`) as the timeline does, instead of its stored English summary.
 */
export function problemIn(t: Translate, p: Problem, label?: string, entryIn?: EntryNamer): string {
  const entry = p.values?.entry;
  const named = typeof entry === 'string' ? entryIn?.(entry) : undefined;
  const quoted = named === undefined ? p : { ...p, values: { ...p.values, summary: named } };
  const labelled =
    label !== undefined && quoted.values && 'label' in quoted.values
      ? { ...quoted, values: { ...quoted.values, label } }
      : quoted;
  const choices = IMPORT_CHOICES[p.code];
  const listed = choices && p.values ? { ...labelled, values: { ...labelled.values, choices: choices(t) } } : labelled;
  return sayingIn(t, 'problem', listed);
}

/** A form check's message in the interface language, or as it is when it has no code (it is never lost). */
export function messageIn(t: Translate, message: string, label?: string, entryIn?: EntryNamer): string {
  const p = problemOf(message);
  return p ? problemIn(t, p, label, entryIn) : message;
}
