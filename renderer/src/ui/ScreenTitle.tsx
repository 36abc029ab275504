// A screen's one h1 (issue #17): it names the window ("RDR-2026-000042 — Redress") and, after the desk moves to
// another screen, takes the focus, so a keyboard or screen-reader user starts reading the new screen at its top.
import { Title, type TitleProps } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useLocation } from 'wouter';

export const APP_NAME = 'Redress';

/** The window's title for a screen: "<screen> — Redress". */
export const windowTitle = (screen: string) => `${screen} — ${APP_NAME}`;

/** The first screen shown after the app starts keeps the focus where the browser put it. */
let firstScreen = true;

export function ScreenTitle({ children, ...props }: Omit<TitleProps, 'order' | 'children'> & { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const [location] = useLocation();

  useEffect(() => {
    document.title = windowTitle(children);
  }, [children]);

  useEffect(() => {
    if (firstScreen) {
      firstScreen = false;
      return;
    }
    // Only when nothing on the new screen has the focus yet (the control that navigated is gone, or it sits in the
    // navigation): a field the screen focused itself, or one the user already reached, keeps it.
    const active = document.activeElement;
    const main = ref.current?.closest('main');
    if (active && active !== document.body && main?.contains(active)) return;
    ref.current?.focus();
  }, [location]);

  return (
    <Title order={1} size="h2" tabIndex={-1} ref={ref} {...props}>
      {children}
    </Title>
  );
}
