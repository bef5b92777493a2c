import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppProviders } from '../src/app/providers';
import { createQueryClient } from '../src/app/query-client';

/** Renders with a fresh QueryClient (no retries) so tests never share cache or wait on backoff. */
export function renderWithProviders(ui: ReactElement) {
  const client = createQueryClient({ retry: false });
  const user = userEvent.setup();
  return { user, client, ...render(<AppProviders client={client}>{ui}</AppProviders>) };
}
