// A screen that fails while it is drawn (a read of the desk rejected, its code not loaded) says why in its place;
// the header and the menu stay, so the handler can try again or go elsewhere. Nothing is written by failing.
import { Alert, Button, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { useLocation } from 'wouter';
import { errorReason } from '#lib/error-reason';
import { useT } from '#lib/i18n/index';

function ScreenFailed({ error, resetErrorBoundary }: FallbackProps) {
  const t = useT();
  return (
    <Stack gap="md" maw={720}>
      <Title order={1} tabIndex={-1}>
        {t('app.screenError.title')}
      </Title>
      <Alert color="red" variant="light">
        {t('app.screenError.body', { reason: errorReason(error) })}
      </Alert>
      <div>
        <Button onClick={resetErrorBoundary}>{t('app.screenError.retry')}</Button>
      </div>
    </Stack>
  );
}

/** Holds the screen: a failure shows ScreenFailed instead of taking the whole window; another screen starts afresh. */
export function ScreenErrorBoundary({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  return (
    <ErrorBoundary FallbackComponent={ScreenFailed} resetKeys={[location]}>
      {children}
    </ErrorBoundary>
  );
}
