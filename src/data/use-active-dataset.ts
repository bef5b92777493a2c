import { useCallback } from 'react';
import {
  queryOptions,
  useQuery,
  useQueryClient,
  type QueryClient,
  type UseQueryResult,
} from '@tanstack/react-query';
import { BUNDLED_DATASET_URL, datasetKeys, fetchDataset, fetchDatasetWithTimeout } from './dataset-api';
import { DatasetError } from '../domain/dataset-error';
import type { Dataset } from '../domain/schema';
import { DatasetIndex, indexDataset } from '../domain/dataset-index';
import type { LoadedDataset } from '../domain/dataset-index';
import type { DatasetStore } from './dataset-store';
import { defaultDatasetSourceConfig, useDatasetSourceConfig } from './dataset-source-config';
import { createLocalSource } from './local-source';
import { seedCells } from '../domain/aggregates';
import type { StanceSource } from './stance-source';

export type DatasetOriginKind = 'bundled' | 'url' | 'file';

/** Where the open dataset came from, for the header badge. */
export interface DatasetOrigin {
  kind: DatasetOriginKind;
  label: string;
}

export interface ActiveDataset {
  /** What the screens ask their questions of (stance-queries.ts). */
  source: StanceSource;
  origin: DatasetOrigin;
}

/** The in-browser engine over columns as the loader built them (nothing left to index). */
function columnsSource({ meta, columns, cells }: LoadedDataset): StanceSource {
  const index = new DatasetIndex(meta, columns);
  if (cells) seedCells(index, cells);
  return createLocalSource(index);
}

export const BUNDLED_ORIGIN: DatasetOrigin = { kind: 'bundled', label: 'Bundled dataset' };

export const activeDatasetKeys = {
  all: [...datasetKeys.all, 'active'] as const,
  url: (url: string) => [...activeDatasetKeys.all, 'url', url] as const,
  /** The dataset opened from a file and kept in IndexedDB, or else the bundled one. */
  storedOrBundled: () => [...activeDatasetKeys.all, 'stored-or-bundled'] as const,
};

async function loadFromUrl(url: string, signal: AbortSignal, timeoutMs?: number): Promise<ActiveDataset> {
  return {
    source: columnsSource(await fetchDatasetWithTimeout(url, signal, timeoutMs)),
    origin: { kind: 'url', label: url },
  };
}

async function loadStoredOrBundled(store: DatasetStore, signal: AbortSignal): Promise<ActiveDataset> {
  const stored = await store.load();
  if (stored) return { source: columnsSource(stored.loaded), origin: { kind: 'file', label: stored.label } };
  return { source: columnsSource(await fetchDataset(BUNDLED_DATASET_URL, signal)), origin: BUNDLED_ORIGIN };
}

/** The `?data=` URL when there is one, else the dataset kept from a file, else the bundled one. */
export function activeDatasetQueryOptions(dataUrl: string | null, store: DatasetStore, timeoutMs?: number) {
  return queryOptions({
    queryKey: dataUrl === null ? activeDatasetKeys.storedOrBundled() : activeDatasetKeys.url(dataUrl),
    queryFn: ({ signal }) =>
      dataUrl === null ? loadStoredOrBundled(store, signal) : loadFromUrl(dataUrl, signal, timeoutMs),
    staleTime: Infinity,
  });
}

/**
 * Starts loading the dataset the app will open before React's first render, so the worker's start,
 * the download and the parse overlap the page's own start-up; useActiveDataset then finds the query
 * in flight (same key, same options). For the app's entry (main.tsx), with the default source config.
 */
export function prefetchActiveDataset(client: QueryClient, dataUrl: string | null): void {
  const { store, timeoutMs } = defaultDatasetSourceConfig();
  void client.prefetchQuery({
    ...activeDatasetQueryOptions(dataUrl, store, timeoutMs),
    retry: retryTransient,
  });
}

const MAX_RETRIES = 2;

/** Retry what may pass on a second try (network, timeout, 5xx); a 404 or a bad file will not change by itself. */
export function retryTransient(failureCount: number, error: Error): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (!(error instanceof DatasetError)) return true;
  if (error.kind === 'network' || error.kind === 'timeout') return true;
  return error.kind === 'http' && (error.status ?? 0) >= 500;
}

export type ActiveDatasetResult = UseQueryResult<StanceSource, Error> & {
  origin: DatasetOrigin;
  /** Set while a `?data=` URL is failing and being retried: which attempt, and why the last failed. */
  retrying: { attempt: number; reason: string } | null;
  /** The address had a `data` parameter that was not a usable URL, so the bundled dataset opened instead. */
  ignoredDataParam: boolean;
  /** Opens a dataset read from a file and keeps it for the next visit; resolves to a notice when it could not be kept. */
  openDataset: (dataset: Dataset, label: string) => Promise<string | null>;
  backToBundled: () => Promise<void>;
};

/** What the caller (the app) reads from the address bar and the UI store for the active-dataset source. */
export interface ActiveDatasetSource {
  /** The usable `?data=` URL, or null. */
  dataUrl: string | null;
  /** The address had a `data` parameter that was not a usable URL. */
  ignoredDataParam: boolean;
  /** Drops `?data=` from the address (another dataset is being opened). */
  clearDataParam: () => void;
  /** Another dataset was opened: filters name the previous dataset's actors and themes, so reset them. */
  onDatasetReplaced: () => void;
}

/**
 * Decides which dataset is open — a `?data=` URL, else the one opened from a file (IndexedDB),
 * else the bundled one — and loads it through the query layer. Call once, at the top (App).
 */
export function useActiveDataset(source: ActiveDatasetSource): ActiveDatasetResult {
  const { store, timeoutMs } = useDatasetSourceConfig();
  const client = useQueryClient();
  const { dataUrl, ignoredDataParam, clearDataParam, onDatasetReplaced } = source;

  // Tests turn retries off on the client; the app's client retries only what may pass on a second try.
  const retry = client.getDefaultOptions().queries?.retry === false ? false : retryTransient;
  const options = activeDatasetQueryOptions(dataUrl, store, timeoutMs);
  // Two observers of one cached query: the source for the app, the origin for the badge.
  const query = useQuery({ ...options, retry, select: (a: ActiveDataset) => a.source });
  const originQuery = useQuery({ ...options, retry, select: (a: ActiveDataset) => a.origin });

  const origin: DatasetOrigin =
    originQuery.data ?? (dataUrl === null ? BUNDLED_ORIGIN : { kind: 'url', label: dataUrl });

  const openDataset = useCallback(
    async (dataset: Dataset, label: string): Promise<string | null> => {
      const key = activeDatasetKeys.storedOrBundled();
      await client.cancelQueries({ queryKey: key });
      const index = indexDataset(dataset);
      client.setQueryData<ActiveDataset>(key, {
        source: createLocalSource(index),
        origin: { kind: 'file', label },
      });
      clearDataParam();
      onDatasetReplaced();
      try {
        const loaded = { meta: index.meta, columns: index.columns };
        await store.save({ loaded, label, savedAt: new Date().toISOString() });
        return null;
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        return `${label} is open, but it could not be kept for your next visit (${reason}); after a reload the bundled dataset opens.`;
      }
    },
    [client, store, clearDataParam, onDatasetReplaced],
  );

  const backToBundled = useCallback(async () => {
    await store.clear();
    const key = activeDatasetKeys.storedOrBundled();
    clearDataParam();
    onDatasetReplaced();
    // Drops the file's dataset from the cache and loads again: the store is empty now, so the bundled one comes.
    await client.resetQueries({ queryKey: key });
  }, [client, store, clearDataParam, onDatasetReplaced]);

  const retrying =
    query.isPending && query.failureCount > 0 && query.failureReason
      ? { attempt: query.failureCount, reason: query.failureReason.message }
      : null;

  // Spreading reads every field, so this hook re-renders on any change of the query; it runs once, in App.
  return { ...query, origin, retrying, ignoredDataParam, openDataset, backToBundled };
}
