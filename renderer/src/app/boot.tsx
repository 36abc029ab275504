// The app drawn: React, Mantine and the screens. main.tsx imports this module dynamically, so it is fetched, parsed
// and run while the database opens, and draws the shell (header, navigation) before the database has answered
// anything (issue #19).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { Providers } from './Providers';
import { startGate } from './start-gate';
import { WindowErrorBoundary } from './ScreenError';

/**
 * Draw the app in `element`; `started` settles once the desk may write (sharing's own part has started: main.tsx).
 * Returns what takes the app away again (the database failed to open after the shell was drawn).
 */
export function renderApp(element: HTMLElement, started: Promise<void>): () => void {
  performance.mark('redress:render'); // for the benchmark (and DevTools)
  const gate = startGate(started);
  const root = createRoot(element, {
    // A failure a boundary caught is said in the screen's or the window's place (./ScreenError.tsx): kept for
    // DevTools, as a warning, since the handler has been told.
    onCaughtError: (error, info) => console.warn('Redress: a failure, said in its place:', error, info),
  });
  root.render(
    <StrictMode>
      <WindowErrorBoundary>
        <Providers>
          <App started={gate} />
        </Providers>
      </WindowErrorBoundary>
    </StrictMode>,
  );
  return () => root.unmount();
}
