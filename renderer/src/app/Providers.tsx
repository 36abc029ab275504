// The one provider shell: every screen (and the component tests) render inside it.
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { useSubmitOnModEnter } from '#lib/forms';
import { cssVariablesResolver, theme } from './theme';

/** Ctrl/Cmd+Enter submits the form it is pressed in, everywhere; Enter in a multi-line box is a new line. */
function FormKeys() {
  useSubmitOnModEnter();
  return null;
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <DatesProvider settings={{ locale: 'en-gb', firstDayOfWeek: 1 }}>
        <ModalsProvider>
          <Notifications position="bottom-right" />
          <FormKeys />
          {children}
        </ModalsProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
