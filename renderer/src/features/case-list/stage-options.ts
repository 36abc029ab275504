// The case list's stage filter: one option per stage name the desk's cases are at, each in the interface's language.
import { builtInWordsIn } from '#lib/i18n/index';

/**
 * The stage filter's options. A built-in stage's name, translated, can be the name a desk gave its own stage
 * ("Soutien à la clientèle" for Jive's "Customer support" and for a desk's own first level): the translated one then
 * also says the name it translates, so the two can be told apart (explore34a #17).
 */
export function stageFilterOptions(
  stageNames: readonly string[],
  locale: string,
): Array<{ value: string; label: string }> {
  const options = stageNames.map((s) => ({ value: s, label: builtInWordsIn(locale, s) }));
  const seen = new Map<string, number>();
  for (const o of options) seen.set(o.label, (seen.get(o.label) ?? 0) + 1);
  return options.map((o) =>
    (seen.get(o.label) ?? 0) > 1 && o.label !== o.value ? { ...o, label: `${o.label} (${o.value})` } : o,
  );
}
