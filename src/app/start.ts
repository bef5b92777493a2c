import { createQueryClient } from './query-client';
import { prefetchActiveDataset } from '../data/use-active-dataset';
import { initialDataParam } from '../state/initial-address';

/**
 * The app's start after the entry: the query client and its dataset query (which takes over the load
 * the entry began), then React DOM and then the app's own code, as chunks of their own, each evaluated
 * in a task of its own: evaluated together they were one task of 150-250 ms on a 2-core machine.
 */
export async function startApp(root: HTMLElement): Promise<void> {
  const client = createQueryClient();
  prefetchActiveDataset(client, initialDataParam().url);
  await import('react-dom/client');
  const { mountApp } = await import('./mount');
  // Creating the root and rendering: a task of its own as well.
  setTimeout(() => mountApp(root, client), 0);
}
