// A letterhead holding characters the letter font cannot print (★, Chinese, emoji) would have every letter of the desk,
// or of the provider, refused when it is made: the settings and provider forms refuse it where it is typed, naming
// the characters, field by field (shared/letters/printable.ts `letterheadUnprintable`); and the desk's first handler's
// name, which signs letters.
import { type LetterheadField, letterheadUnprintable, printedTextUnprintable } from '#shared/letters/index';
import type { Translate } from '#lib/i18n/index';

/** The forms' errors for the letterhead's unprintable characters, in the interface language; null when none. */
export function letterheadErrorsIn(
  t: Translate,
  form: Readonly<Record<LetterheadField, string>> & { handlerName?: string },
): Partial<Record<LetterheadField | 'handlerName', string>> | null {
  const errors: Partial<Record<LetterheadField | 'handlerName', string>> = Object.fromEntries(
    Object.entries(letterheadUnprintable(form)).map(([field, names]) => [
      field,
      t('settings.letterheadUnprintable', { names }),
    ]),
  );
  // The desk's first handler signs letters too (as everyone added under People, features/people/manage.ts).
  const signer = form.handlerName === undefined ? null : printedTextUnprintable(form.handlerName);
  if (signer) errors.handlerName = t('problem.person-name-unprintable', { names: signer });
  return Object.keys(errors).length > 0 ? errors : null;
}
