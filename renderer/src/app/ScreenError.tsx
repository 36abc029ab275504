// A screen that fails while it is drawn (a read of the desk rejected, its code not loaded) says why in its place;
// the header and the menu stay, so the handler can try again or go elsewhere. What fails outside a screen (the
// header, the background work) says why in the window's place, with a reload. Nothing is written by failing.
import { Alert, Button, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { useLocation } from 'wouter';
import { errorReason, isCodeLoadFailure } from '#lib/error-reason';
import { pageLocale, translate, useT } from '#lib/i18n/index';

function ScreenFailed({ error, resetErrorBoundary }: FallbackProps) {
  const t = useT();
  // The screen's code could not be loaded: trying again would meet the same failure (React keeps it); a reload
  // fetches the code afresh.
  const code = isCodeLoadFailure(error);
  return (
    <Stack gap="md" maw={720}>
      <Title order={1}>{t('app.screenError.title')}</Title>
      <Alert color="red" variant="light">
        {t(code ? 'app.screenError.codeBody' : 'app.screenError.body', { reason: errorReason(error) })}
      </Alert>
      <div>
        {code ? (
          <Button onClick={() => window.location.reload()}>{t('app.windowError.reload')}</Button>
        ) : (
          <Button onClick={resetErrorBoundary}>{t('app.screenError.retry')}</Button>
        )}
      </div>
    </Stack>
  );
}

/**
 * The window's words when the app itself failed: plain, like the start's own failures (main.tsx), since the failure
 * may be in the providers (the interface language, the theme); in the language of the person last working here.
 */
function WindowFailed({ error }: FallbackProps) {
  const locale = pageLocale();
  return (
    <div lang={locale} style={{ padding: 24, fontFamily: 'sans-serif' }}>
      <h1 style={{ fontSize: '1.5rem' }}>{translate(locale, 'app.windowError.title')}</h1>
      <p role="alert">{translate(locale, 'app.windowError.body', { reason: errorReason(error) })}</p>
      <button type="button" onClick={() => window.location.reload()} style={{ font: 'inherit', padding: '6px 16px' }}>
        {translate(locale, 'app.windowError.reload')}
      </button>
    </div>
  );
}

/** Holds the whole app, its providers too: a failure outside any screen is told, with a reload, not a blank window. */
export function WindowErrorBoundary({ children }: { children: ReactNode }) {
  return <ErrorBoundary FallbackComponent={WindowFailed}>{children}</ErrorBoundary>;
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
