// A letterhead holding characters the letter font cannot print (★, Chinese, emoji) would have every letter of the desk,
// or of the provider, refused when it is made: the settings and provider forms refuse it where it is typed, naming
// the characters, field by field (shared/letters/printable.ts `letterheadUnprintable`).
import { type LetterheadField, letterheadUnprintable } from '#shared/letters/index';
import type { Translate } from '#lib/i18n/index';

/** The forms' errors for the letterhead's unprintable characters, in the interface language; null when none. */
export function letterheadErrorsIn(
  t: Translate,
  form: Readonly<Record<LetterheadField, string>>,
): Partial<Record<LetterheadField, string>> | null {
  const found = Object.entries(letterheadUnprintable(form)) as Array<[LetterheadField, string]>;
  if (found.length === 0) return null;
  return Object.fromEntries(found.map(([field, names]) => [field, t('settings.letterheadUnprintable', { names })]));
}
