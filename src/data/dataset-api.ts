import { queryOptions } from '@tanstack/react-query';
import { loadDataset } from './load-dataset';
import type { Dataset } from './schema';

// Re-exported so UI code has one import site for the query layer's error type.
export { DatasetError, describeProblems, parseDataset, type DatasetErrorKind } from './fetch-dataset';

/** Relative, so the built app works from any sub-path. */
export const BUNDLED_DATASET_URL = 'data/stances.json';

export function resolveUrl(url: string): string {
  const base = typeof document !== 'undefined' ? document.baseURI : 'http://localhost/';
  return new URL(url, base).href;
}

export function fetchDataset(url: string, signal?: AbortSignal): Promise<Dataset> {
  const label = url === BUNDLED_DATASET_URL ? 'The bundled dataset' : `The dataset at ${url}`;
  return loadDataset(resolveUrl(url), url, label, signal);
}

export const datasetKeys = {
  all: ['dataset'] as const,
  byUrl: (url: string) => [...datasetKeys.all, 'url', url] as const,
};

export function datasetQueryOptions(url: string = BUNDLED_DATASET_URL) {
  return queryOptions({
    queryKey: datasetKeys.byUrl(url),
    queryFn: ({ signal }) => fetchDataset(url, signal),
    staleTime: Infinity,
  });
}
