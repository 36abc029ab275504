// Texts cut short to be quoted in another: one home for the cut, so a refusal, a headline and a summary cut alike.

/** A text cut to `max` characters with an ellipsis (a summary quoted in another). */
export function short(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * A value cut to `max` characters for a headline, never inside a bracket it opens: the cut goes back before the
 * bracket ("Ravi Shah (son), written consent…", not "written consent (2026-…"), so its brackets stay balanced.
 */
export function shortValue(text: string, max: number): string {
  const cut = short(text, max);
  if (cut === text) return text;
  const open: number[] = [];
  const kept = cut.slice(0, -1);
  for (let i = 0; i < kept.length; i++) {
    if ('([{'.includes(kept[i])) open.push(i);
    else if (')]}'.includes(kept[i])) open.pop();
  }
  const before = open.length ? kept.slice(0, open[0]).replace(/[\s,;:–-]+$/, '') : kept;
  return before === '' ? cut : `${before}…`;
}
