import { QueryClient } from '@tanstack/react-query';

/** One factory for the app and the tests, so both share defaults; tests pass retry: false. */
export function createQueryClient(overrides: { retry?: boolean | number } = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: overrides.retry ?? 2,
        retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 4000),
        refetchOnWindowFocus: false,
      },
    },
  });
}
