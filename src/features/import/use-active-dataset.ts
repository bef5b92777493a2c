import { useCallback, useEffect, useState } from 'react';
import { queryOptions, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import {
  BUNDLED_DATASET_URL,
  DatasetError,
  datasetKeys,
  fetchDataset,
  fetchDatasetWithTimeout,
} from '../../data/dataset-api';
import type { Dataset } from '../../data/schema';
import { readDataParam } from '../../state/url-codec';
import { useUiStore } from '../../state/ui-store';
import type { DatasetStore } from './dataset-store';
import { useImportConfig } from './import-config';

export type DatasetOriginKind = 'bundled' | 'url' | 'file';

/** Where the open dataset came from, for the header badge. */
export interface DatasetOrigin {
  kind: DatasetOriginKind;
  label: string;
}

export interface ActiveDataset {
  dataset: Dataset;
  origin: DatasetOrigin;
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
    dataset: await fetchDatasetWithTimeout(url, signal, timeoutMs),
    origin: { kind: 'url', label: url },
  };
}

async function loadStoredOrBundled(store: DatasetStore, signal: AbortSignal): Promise<ActiveDataset> {
  const stored = await store.load();
  if (stored) return { dataset: stored.dataset, origin: { kind: 'file', label: stored.label } };
  return { dataset: await fetchDataset(BUNDLED_DATASET_URL, signal), origin: BUNDLED_ORIGIN };
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

const MAX_RETRIES = 2;

/** Retry what may pass on a second try (network, timeout, 5xx); a 404 or a bad file will not change by itself. */
export function retryTransient(failureCount: number, error: Error): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (!(error instanceof DatasetError)) return true;
  if (error.kind === 'network' || error.kind === 'timeout') return true;
  return error.kind === 'http' && (error.status ?? 0) >= 500;
}

/** Drops `data` from a search string, keeping every other parameter. */
export function withoutDataParam(search: string): string {
  const params = new URLSearchParams(search);
  params.delete('data');
  const rest = params.toString().replace(/%2C/g, ',');
  return rest ? `?${rest}` : '';
}

/** True when the address has a `data` parameter that readDataParam refused (garbage, too long, javascript:). */
export function hasIgnoredDataParam(search: string): boolean {
  try {
    const raw = new URLSearchParams(search).get('data');
    return raw !== null && raw.trim() !== '' && readDataParam(search) === null;
  } catch {
    return false;
  }
}

function dropDataParamFromAddress(): void {
  const { pathname, search, hash } = window.location;
  const next = withoutDataParam(search);
  if (next !== search) window.history.replaceState(window.history.state, '', `${pathname}${next}${hash}`);
}

export type ActiveDatasetResult = UseQueryResult<Dataset, Error> & {
  origin: DatasetOrigin;
  /** Set while a `?data=` URL is failing and being retried: which attempt, and why the last failed. */
  retrying: { attempt: number; reason: string } | null;
  /** The address had a `data` parameter that was not a usable URL, so the bundled dataset opened instead. */
  ignoredDataParam: boolean;
  /** Opens a dataset read from a file and keeps it for the next visit; resolves to a notice when it could not be kept. */
  openDataset: (dataset: Dataset, label: string) => Promise<string | null>;
  backToBundled: () => Promise<void>;
};

/**
 * Decides which dataset is open — a `?data=` URL, else the one opened from a file (IndexedDB),
 * else the bundled one — and loads it through the query layer. Call once, at the top (App).
 */
export function useActiveDataset(): ActiveDatasetResult {
  const { store, timeoutMs } = useImportConfig();
  const client = useQueryClient();
  const [dataUrl, setDataUrl] = useState(() => readDataParam(window.location.search));
  const [ignoredDataParam, setIgnoredDataParam] = useState(() => hasIgnoredDataParam(window.location.search));

  useEffect(() => {
    const onPopState = () => {
      setDataUrl(readDataParam(window.location.search));
      setIgnoredDataParam(hasIgnoredDataParam(window.location.search));
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  // Tests turn retries off on the client; the app's client retries only what may pass on a second try.
  const retry = client.getDefaultOptions().queries?.retry === false ? false : retryTransient;
  const options = activeDatasetQueryOptions(dataUrl, store, timeoutMs);
  // Two observers of one cached query: the dataset for the app, the origin for the badge.
  const query = useQuery({ ...options, retry, select: (a: ActiveDataset) => a.dataset });
  const originQuery = useQuery({ ...options, retry, select: (a: ActiveDataset) => a.origin });

  const origin: DatasetOrigin =
    originQuery.data ?? (dataUrl === null ? BUNDLED_ORIGIN : { kind: 'url', label: dataUrl });

  const openDataset = useCallback(
    async (dataset: Dataset, label: string): Promise<string | null> => {
      const key = activeDatasetKeys.storedOrBundled();
      await client.cancelQueries({ queryKey: key });
      client.setQueryData<ActiveDataset>(key, { dataset, origin: { kind: 'file', label } });
      dropDataParamFromAddress();
      setDataUrl(null);
      setIgnoredDataParam(false);
      // Filters name actors and themes of the previous dataset; start the new one from the defaults.
      useUiStore.getState().resetFilters();
      try {
        await store.save({ dataset, label, savedAt: new Date().toISOString() });
        return null;
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        return `${label} is open, but it could not be kept for your next visit (${reason}); after a reload the bundled dataset opens.`;
      }
    },
    [client, store],
  );

  const backToBundled = useCallback(async () => {
    await store.clear();
    const key = activeDatasetKeys.storedOrBundled();
    dropDataParamFromAddress();
    setDataUrl(null);
    setIgnoredDataParam(false);
    useUiStore.getState().resetFilters();
    // Drops the file's dataset from the cache and loads again: the store is empty now, so the bundled one comes.
    await client.resetQueries({ queryKey: key });
  }, [client, store]);

  const retrying =
    query.isPending && query.failureCount > 0 && query.failureReason
      ? { attempt: query.failureCount, reason: query.failureReason.message }
      : null;

  // Spreading reads every field, so this hook re-renders on any change of the query; it runs once, in App.
  return { ...query, origin, retrying, ignoredDataParam, openDataset, backToBundled };
}
