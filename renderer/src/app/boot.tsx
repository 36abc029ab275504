// The app drawn: React, Mantine and the screens. main.tsx imports this module dynamically, so it is fetched, parsed
// and run while the database opens and answers the first reads, instead of before the database is asked (issue #19).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { Providers } from './Providers';

export function renderApp(element: HTMLElement): void {
  performance.mark('redress:render'); // for the benchmark (and DevTools)
  createRoot(element).render(
    <StrictMode>
      <Providers>
        <App />
      </Providers>
    </StrictMode>,
  );
}
