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

/**
 * A button that shows it is busy keeps the keyboard focus (WCAG 2.4.3, 2.4.7; explore41-fr #2). Mantine's `loading`
 * disables the button, and Chromium then drops the focus to the page: after "Preview" in the letter dialog, "Save
 * settings" or "Download PDF", the next Tab started from the top. Installed once for the window (the app's
 * providers): a focused button that became busy gets the focus back when it is ready again, unless the focus has gone
 * somewhere else meanwhile.
 */
export function useFocusKeptThroughBusy(): void {
  useEffect(() => {
    let focused: Element | null = null;
    let busy: HTMLButtonElement | null = null;
    const onFocus = (event: FocusEvent) => {
      focused = event.target instanceof Element ? event.target : null;
    };
    const observer = new MutationObserver((records) => {
      for (const { target } of records) {
        if (!(target instanceof HTMLButtonElement)) continue;
        if (target.disabled && target === focused && target.hasAttribute('data-loading')) busy = target;
        else if (!target.disabled && target === busy) {
          busy = null;
          const active = document.activeElement;
          if (target.isConnected && (active === null || active === document.body))
            target.focus({ preventScroll: true });
        }
      }
    });
    document.addEventListener('focusin', onFocus);
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['disabled'] });
    return () => {
      document.removeEventListener('focusin', onFocus);
      observer.disconnect();
    };
  }, []);
}
