import { loadDataset, startDatasetLoad, warmDatasetWorker } from './load-dataset';
import type { LoadedDataset } from '../domain/dataset-index';
import { DatasetError } from '../domain/dataset-error';

/** Relative, so the built app works from any sub-path. */
export const BUNDLED_DATASET_URL = 'data/stances.json';

export function resolveUrl(url: string): string {
  const base = typeof document !== 'undefined' ? document.baseURI : 'http://localhost/';
  return new URL(url, base).href;
}

/** Loads a dataset as the engine holds it (metadata and columns); `onArrived` fires once the body is in. */
export function fetchDataset(
  url: string,
  signal?: AbortSignal,
  onArrived?: () => void,
): Promise<LoadedDataset> {
  return loadDataset(resolveUrl(url), url, datasetLabel(url), signal, onArrived);
}

/** How messages about the dataset at `url` name it. */
function datasetLabel(url: string): string {
  return url === BUNDLED_DATASET_URL ? 'The bundled dataset' : `The dataset at ${url}`;
}

/**
 * For the page's entry, before the app's code loads: starts the worker and, for a `?data=` URL, the
 * load that fetchDataset(url) will take over. Without one, which dataset opens depends on what was
 * kept from a file (IndexedDB, asked later), so only the worker starts. `firstActors` (the address's
 * selection; null: every actor) are the actors whose aggregates the worker builds before it answers.
 */
export function startLoadingEarly(dataUrl: string | null, firstActors: string[] | null = null): void {
  if (dataUrl === null) warmDatasetWorker();
  else startDatasetLoad(resolveUrl(dataUrl), dataUrl, datasetLabel(dataUrl), firstActors);
}

export const datasetKeys = {
  all: ['dataset'] as const,
  byUrl: (url: string) => [...datasetKeys.all, 'url', url] as const,
};

/** How long a dataset URL the user opened (`?data=`) may take before it counts as failed and Retry is offered. */
export const URL_FETCH_TIMEOUT_MS = 20_000;

/**
 * fetchDataset with a time limit, for URLs the user opens: a server that never answers becomes a
 * DatasetError('timeout') with a message, instead of a spinner that never ends. The limit covers the
 * download only: validating a million rows may take longer, and that is not the server's fault.
 */
export async function fetchDatasetWithTimeout(
  url: string,
  signal?: AbortSignal,
  timeoutMs: number = URL_FETCH_TIMEOUT_MS,
): Promise<LoadedDataset> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const forward = () => controller.abort(signal?.reason);
  if (signal?.aborted) forward();
  signal?.addEventListener('abort', forward);
  try {
    return await fetchDataset(url, controller.signal, () => clearTimeout(timer));
  } catch (err) {
    if (!timedOut) throw err;
    const seconds = Math.round(timeoutMs / 100) / 10;
    throw new DatasetError(
      'timeout',
      `The dataset at ${url} did not arrive within ${seconds} seconds. The server may be slow or unreachable; retry, or go back to the bundled dataset.`,
    );
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forward);
  }
}
