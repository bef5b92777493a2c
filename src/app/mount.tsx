import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { QueryClient } from '@tanstack/react-query';
import { App } from './app';
import { AppProviders } from './providers';

/**
 * Renders the app into `root`. The first render is a transition, so React builds the page in slices of
 * a few milliseconds that yield to the browser rather than in one long task.
 */
export function mountApp(root: HTMLElement, client: QueryClient): void {
  const reactRoot = createRoot(root);
  startTransition(() => {
    reactRoot.render(
      <StrictMode>
        <AppProviders client={client}>
          <App />
        </AppProviders>
      </StrictMode>,
    );
  });
}
