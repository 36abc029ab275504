import './lib/zod-config';
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/notifications/styles.css';
import './app/a11y.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { installLinkGuard } from './app/linkGuard';
import { Providers } from './app/Providers';
import { STORAGE_CHANNEL, startStorage } from './db/storage';
import { prefetchDashboard } from './db/case-index/queries';
import { db } from './db/schema';
import { todayIso } from './lib/today';
import { startTeamSync } from '#sync';
import { localeFromSystem, translate } from '#lib/i18n/index';

installLinkGuard(window);
// Another window moved the database ("Compact storage now"): read it from its new place.
new BroadcastChannel(STORAGE_CHANNEL).onmessage = () => window.location.reload();

const root = createRoot(document.getElementById('root')!);
// The database is opened where the desk keeps it (finishing or rolling back an interrupted compaction first).
// Then sharing with a team starts (a lone desk starts nothing), before the app can write: the outbox is on first.
startStorage()
  .then(() => {
    // Opening on the dashboard: its reads start now, beside the settings and the shell's (issue #19).
    if (window.location.hash === '' || window.location.hash === '#/') prefetchDashboard(db(), todayIso());
    return startTeamSync();
  })
  .then(
    () =>
      root.render(
        <StrictMode>
          <Providers>
            <App />
          </Providers>
        </StrictMode>,
      ),
    (error: unknown) =>
      root.render(
        <p role="alert" style={{ padding: 24, fontFamily: 'sans-serif' }}>
          {translate(localeFromSystem(navigator.languages ?? []), 'app.databaseError', {
            reason: error instanceof Error ? error.message : String(error),
          })}
        </p>,
      ),
  );
