// An error's reason as a handler reads it inside a sentence ("…cannot be opened: {reason}. Nothing has been…").

/**
 * The innermost error's message (Dexie's own message repeats its inner error's after a line break), trimmed and
 * without its closing full stop, since it is set inside a sentence.
 */
export function errorReason(error: unknown): string {
  let cause = error;
  while (cause instanceof Error && 'inner' in cause && cause.inner instanceof Error) cause = cause.inner;
  const message = cause instanceof Error ? cause.message : String(cause);
  return message.trim().replace(/\.+$/, '');
}
