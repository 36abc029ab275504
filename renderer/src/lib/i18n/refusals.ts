// A thrown error in the interface language (issue #17; say9). The records' refusals (shared/model/refusals.ts
// `RecordRefusal`) and the desk's providers' (shared/model/provider.ts `ProviderRefusal`) keep their English as the
// error's message and carry their saying; the screens say it with the catalogue's `recordRefusal.<code>` and
// `providerRefusal.<code>`. Any other error (a browser's, IndexedDB's or PouchDB's own words) is technical detail:
// shown as it came, inside a sentence of the catalogue (docs/i18n.md).
import { type EmailProblemSaying, NotAnEmailError } from '#shared/mail/problems';
import { ProviderRefusal } from '#shared/model/provider';
import { RecordRefusal } from '#shared/model/refusals';
import { isSaying } from '#shared/model/saying';
import { isStorageFull } from '#lib/storage-full';
import type { Translate } from './index';
import { sayingIn } from './sayings';

/** Why a file is not an email Redress can read (shared/mail/problems.ts), in the interface language. */
export function emailProblemIn(t: Translate, said: EmailProblemSaying): string {
  return sayingIn(t, 'emailProblem', said, (v) => (isSaying(v) ? emailProblemIn(t, v) : v));
}

/**
 * A coded refusal in the interface language, or null for an error that carries no saying. The browser's storage being
 * full counts as one: the handler can do something about it (free some disk space), so it is said in plain words,
 * not as technical detail.
 */
export function refusalIn(t: Translate, error: unknown): string | null {
  if (error instanceof RecordRefusal) return sayingIn(t, 'recordRefusal', error.said);
  if (error instanceof ProviderRefusal) return sayingIn(t, 'providerRefusal', error);
  if (error instanceof NotAnEmailError) return emailProblemIn(t, error.said);
  if (isStorageFull(error)) return t('error.storageFull');
  return null;
}

/** An error's own words as they came (technical detail): its message, or the value written out. */
export const technicalDetail = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * What an error says, inside a sentence of the screen's own ("Nothing was erased: {error}"): a refusal in the
 * interface language, anything else as technical detail.
 */
export const errorDetailIn = (t: Translate, error: unknown): string => refusalIn(t, error) ?? technicalDetail(error);

/**
 * An error on its own (a notification's message under a translated title, a dialog's error): a refusal in the
 * interface language; anything else as technical detail inside the catalogue's `error.unexpected`.
 */
export const errorIn = (t: Translate, error: unknown): string =>
  refusalIn(t, error) ?? t('error.unexpected', { error: technicalDetail(error) });
