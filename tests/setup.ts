import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from '../mocks/server';
import { useUiStore } from '../src/state/ui-store';

// findBy*/waitFor wait on a condition; the limit only catches a hang. Lazy chunks and workers can take
// seconds on a 2-core machine that also runs another test suite, so it is generous.
configure({ asyncUtilTimeout: 30_000 });

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  // Test files share a worker's modules and DOM (isolate: false): each file starts from a clean slate.
  useUiStore.setState(useUiStore.getInitialState(), true);
  if (typeof window !== 'undefined') {
    window.localStorage.clear();
    window.history.replaceState(null, '', '/');
  }
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());
