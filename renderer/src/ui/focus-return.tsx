// Focus back to the control that opened a dialog once it has closed (WCAG 2.4.3, issue #17). Mantine's Modal returns
// focus to the element focused when it opened, but only if that element is still there: a letter issued from the
// case header's "Acknowledgement letter…" button replaces the button with the next stage's, and focus then fell to
// the page. This remembers the opener and, when the dialog has finished closing with focus on nothing, focuses the
// opener if it is still in the page, else `fallback` (a control that is always there, such as "Other letters…").
// (Measured: after Escape in the letter dialog, focus stayed on its "Issue and download" button until the dialog was
// removed, then fell to the page; Mantine's own return did not take.)
import { type RefObject, useEffect, useRef } from 'react';

/** Pass the returned handler to the Modal's `onExitTransitionEnd`. */
export function useFocusReturnAfterClose(opened: boolean, fallback?: RefObject<HTMLElement | null>): () => void {
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (opened && document.activeElement instanceof HTMLElement && document.activeElement !== document.body) {
      opener.current = document.activeElement;
    }
  }, [opened]);
  return () => {
    // Still on a control of the closed dialog (about to be removed), or on nothing: the dialog left focus behind.
    const active = document.activeElement;
    const leftBehind = active === null || active === document.body || active.closest('[role="dialog"]') !== null;
    if (!leftBehind) return;
    const target = opener.current?.isConnected ? opener.current : (fallback?.current ?? null);
    // Scrolled into view when it is off the screen (the fallback, at the top of a long case page: explore34b #4).
    target?.focus();
  };
}
