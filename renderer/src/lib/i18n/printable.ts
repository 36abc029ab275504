// Why a letter cannot be printed, in the interface language (issue #17). shared/letters/printable.ts writes the
// refusal in English (the desk's record, the print run's errors) from its parts, the characters and their places
// (CASE_TEXT_PLACES); the screens say the same parts with the catalogue's `unprintable.<part>`.
import {
  CASE_TEXT_PLACES,
  type CaseTextPlace,
  type PrintedDocument,
  type Unprintable,
  unprintableNames,
  unprintableParts,
} from '#shared/letters/index';
import type { MessageKey } from './messages/en-GB';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

const PLACE_OF = new Map(
  Object.entries(CASE_TEXT_PLACES).map(([place, words]) => [words as string, place as CaseTextPlace]),
);

/**
 * A letter's (or the subject-access summary's, or the report's) refusal in the interface language; a place the
 * catalogue does not know is named as shared wrote it.
 */
export function unprintableIn(t: T, locale: string, found: Unprintable, what: PrintedDocument = 'letter'): string {
  const places = found.where.map((w, i) => {
    const data = found.places?.[i];
    if (data) return t(`unprintable.place.${data.place}`, data.reference ? { reference: data.reference } : undefined);
    const place = PLACE_OF.get(w);
    return place ? t(`unprintable.place.${place}`) : w;
  });
  const where = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(places);
  const names = unprintableNames(found);
  return unprintableParts(found)
    .map((part) => t(what === 'letter' ? `unprintable.${part}` : `unprintable.${what}.${part}`, { names, where }))
    .join(' ');
}
