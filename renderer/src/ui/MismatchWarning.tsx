// What does not fit together in a provider's set-up (shared/rules/provider-checks.ts: a UK procedure on the Canadian
// calendar…), shown as a warning: the one way the app says it, wherever a provider is set up or a case moved to one.
import { Alert, type AlertProps, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ProviderMismatch } from '#shared/rules/index';
import { mismatchIn, useT } from '#lib/i18n/index';

export interface MismatchWarningProps extends Omit<AlertProps, 'title' | 'children' | 'color' | 'variant'> {
  title: string;
  mismatches: ReadonlyArray<Pick<ProviderMismatch, 'code' | 'values'>>;
  /** Said after the mismatches, inside the warning. */
  children?: ReactNode;
}

/** Each mismatch in words (`data-mismatch` names its code), under `title`. */
export function MismatchWarning({ title, mismatches, children, ...alert }: MismatchWarningProps) {
  const t = useT();
  return (
    <Alert color="yellow" variant="light" title={title} {...alert}>
      <Stack gap={4}>
        {mismatches.map((m) => (
          <Text size="sm" key={m.code} data-mismatch={m.code}>
            {mismatchIn(t, m)}
          </Text>
        ))}
        {children}
      </Stack>
    </Alert>
  );
}
