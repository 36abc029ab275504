// What is typed between Ctrl/Cmd+K and the palette's search box taking the focus. The box is focused a moment after
// the palette is drawn (its focus trap waits a tick, longer on a busy desk); a handler who types a name straight after
// the shortcut must not lose its first letters, nor have them typed into the field the focus was in.

/** The parts of a key press that decide what it does to the query. */
export interface TypedKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing: boolean;
  /** AltGr (Ctrl+Alt on Windows) types characters on French and other keyboards. */
  altGraph: boolean;
}

/**
 * The query after this key, or `null` when the key is not typing (a shortcut, an arrow, Escape, Enter, Tab, a key
 * while an input method composes): those go on to wherever they were going.
 */
export function queryAfterKey(query: string, k: TypedKey): string | null {
  if (k.isComposing) return null;
  if ((k.ctrlKey || k.metaKey || k.altKey) && !k.altGraph) return null;
  if (k.key === 'Backspace') return query.slice(0, -1);
  // A printed character is one code point (an astral one is two UTF-16 units); named keys ("Enter", "F5") are longer.
  if (/^.$/su.test(k.key)) return query + k.key;
  return null;
}

/** A browser key event, read as a TypedKey. */
export const typedKeyOf = (e: KeyboardEvent): TypedKey => ({
  key: e.key,
  ctrlKey: e.ctrlKey,
  metaKey: e.metaKey,
  altKey: e.altKey,
  isComposing: e.isComposing,
  altGraph: e.getModifierState('AltGraph'),
});
