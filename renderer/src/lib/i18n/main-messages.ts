// What the desktop shell's main process says (m17b, issue #17), in the interface language: main sends a code and
// values beside its English (shared/ipc/messages.ts); the screens say it with the catalogue's `main.<code>`, sizes the
// interface's way. A failure without a code (an older shell, the browser) is shown as it came.
import type { MainMessage } from '#shared/ipc/messages';
import type { Translate } from './index';
import { plainValueIn, sayingIn } from './sayings';

export const mainMessageIn = (t: Translate, m: MainMessage): string =>
  sayingIn(t, 'main', m, (v) =>
    typeof v === 'object' && 'sharingConfig' in v ? sayingIn(t, 'sharingConfig', v.sharingConfig) : plainValueIn(t, v),
  );

/** A failure from main (or the browser) in the interface language, or as it came when it has no code. */
export function failureIn(t: Translate, failure: { error: string; message?: MainMessage | null }): string {
  return failure.message ? mainMessageIn(t, failure.message) : failure.error;
}
