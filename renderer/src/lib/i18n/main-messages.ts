// What the desktop shell's main process says (m17b, issue #17), in the interface language: main sends a code and
// values beside its English (shared/ipc/messages.ts); the screens say it with the catalogue's `main.<code>`, sizes the
// interface's way. A failure without a code (an older shell, the browser) is shown as it came.
import type { MainMessage } from '#shared/ipc/messages';
import type { MessageKey } from './messages/en-GB';
import { fileSizeIn } from './sizes';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

export function mainMessageIn(t: T, m: MainMessage): string {
  const values: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(m.values ?? {}))
    values[name] = typeof v === 'object' ? fileSizeIn(t, v.bytes) : v;
  return t(`main.${m.code}`, values);
}

/** A failure from main (or the browser) in the interface language, or as it came when it has no code. */
export function failureIn(t: T, failure: { error: string; message?: MainMessage | null }): string {
  return failure.message ? mainMessageIn(t, failure.message) : failure.error;
}
