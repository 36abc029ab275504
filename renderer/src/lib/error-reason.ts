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

/**
 * Whether `error` is a failure to load a piece of the app's own code (a dynamic import): trying the same screen again
 * cannot mend it (React keeps a lazy import's failure), a reload of the window can.
 */
export function isCodeLoadFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // Chromium and Electron; Firefox; Safari; Vite's preload helper.
  return /dynamically imported module|Importing a module script failed|Unable to preload CSS/i.test(error.message);
}
