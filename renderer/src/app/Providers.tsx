// The one provider shell: every screen (and the component tests) render inside it.
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/en-ca';
import 'dayjs/locale/fr';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useCurrentPersonRead } from '#features/people';
import { useSubmitOnModEnter } from '#lib/forms';
import { useFocusKeptThroughBusy } from '#ui/focus-return';
import {
  DAYJS_LOCALES,
  I18nProvider,
  pageLocale,
  rememberShownLocale,
  translate,
  useInterfaceLocaleFor,
} from '#lib/i18n/index';
import type { InterfaceLocale } from '#shared/model/dates';
import { cssVariablesResolver, themeWithWords } from './theme';

/** Ctrl/Cmd+Enter submits the form it is pressed in, everywhere; Enter in a multi-line box is a new line. */
function FormKeys() {
  useSubmitOnModEnter();
  useFocusKeptThroughBusy();
  return null;
}

/** The class of the messages' container, which the keyboard focus must never be hidden under. */
const TOASTS = 'redress-toasts';

/**
 * The app's messages, at the bottom left: the app's dialogs keep their buttons at the bottom right, and a message shown
 * as one opens (a file added, then previewed) never sits over its Download or Save until it fades. When the keyboard
 * focus lands on something a message covers (the navigation's About link, a list's last row), the messages move to the
 * other side, and stay there until the focus lands under them again or on the right half of the window (a dialog's
 * buttons): WCAG 2.2's 2.4.11, focus not obscured (explore34-keyboard #13). None is closed early: some stay until closed.
 */
function Toasts() {
  const [side, setSide] = useState<'left' | 'right'>('left');
  useEffect(() => {
    const onFocus = (event: FocusEvent) => {
      const target = event.target;
      if (!(target instanceof Element) || target.closest(`.${TOASTS}`)) return;
      const at = target.getBoundingClientRect();
      const covered = [...document.querySelectorAll(`.${TOASTS} > * > *`)].some((toast) => {
        const box = toast.getBoundingClientRect();
        return at.left < box.right && at.right > box.left && at.top < box.bottom && at.bottom > box.top;
      });
      if (covered) setSide((was) => (was === 'left' ? 'right' : 'left'));
      // Moved right, they go back left as soon as the focus is on the right half (a dialog opened, whose Download and
      // Save sit at its bottom right), so they are there only while what they would cover on the left has the focus.
      else if (at.left + at.width / 2 > window.innerWidth / 2) setSide('left');
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, []);
  return <Notifications position={side === 'left' ? 'bottom-left' : 'bottom-right'} className={TOASTS} />;
}

/** The language of the person working at this computer (issue #17): their choice, else the operating system's. */
function useWorkingLocale(): InterfaceLocale {
  const { person, reading } = useCurrentPersonRead();
  const locale = useInterfaceLocaleFor(person?.id ?? null);
  useEffect(() => {
    if (!reading) rememberShownLocale(locale);
  }, [reading, locale]);
  // Before the desk's people are read (the shell is drawn before the database is open): the language last shown here.
  return reading ? pageLocale() : locale;
}

export function Providers({ children }: { children: ReactNode }) {
  const locale = useWorkingLocale();
  const theme = useMemo(() => themeWithWords((key) => translate(locale, key)), [locale]);
  return (
    <I18nProvider locale={locale}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <DatesProvider settings={{ locale: DAYJS_LOCALES[locale], firstDayOfWeek: locale === 'en-GB' ? 1 : 0 }}>
          <ModalsProvider>
            <Toasts />
            <FormKeys />
            {children}
          </ModalsProvider>
        </DatesProvider>
      </MantineProvider>
    </I18nProvider>
  );
}
