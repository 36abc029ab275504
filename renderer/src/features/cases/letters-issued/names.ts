// How each issued letter is named to the handler and to assistive technology on the case page.
import type { Translate } from '#lib/i18n/index';
import { formatDate } from '#lib/format';

interface Named {
  id: string;
  fileName: string;
  issuedOn: string;
}

/**
 * Each letter's name for its buttons ("Withdraw …", "Print …"): its file name, and, when another letter listed has the
 * same one, who issued it and when. Two desks apart each name their final response `<ref>-final-response.pdf`, so the
 * two were told apart by position only, and a handler withdrew the wrong one (explore40-team #7).
 */
export function letterNames(
  letters: readonly Named[],
  issuedBy: (letterId: string) => string | undefined,
  t: Translate,
): Map<string, string> {
  const count = new Map<string, number>();
  for (const l of letters) count.set(l.fileName, (count.get(l.fileName) ?? 0) + 1);
  return new Map(
    letters.map((l) => {
      const by = issuedBy(l.id);
      const name =
        by && (count.get(l.fileName) ?? 0) > 1
          ? t('case.letterNameBy', { name: l.fileName, by, date: formatDate(l.issuedOn) })
          : l.fileName;
      return [l.id, name];
    }),
  );
}
