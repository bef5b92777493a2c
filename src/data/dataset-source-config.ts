import { createContext, useContext, useMemo } from 'react';
import { URL_FETCH_TIMEOUT_MS } from './dataset-api';
import { createIndexedDbStore, type DatasetStore } from './dataset-store';

/** What the active-dataset source depends on; production defaults, replaced in tests (memory store, short timeout). */
export interface DatasetSourceConfig {
  store: DatasetStore;
  /** Time limit for `?data=` URLs. */
  timeoutMs: number;
}

let defaultStore: DatasetStore | null = null;

function productionStore(): DatasetStore {
  defaultStore ??= createIndexedDbStore(typeof indexedDB === 'undefined' ? undefined : indexedDB);
  return defaultStore;
}

/** What the app uses when nothing is provided: IndexedDB and the standard time limit. */
export function defaultDatasetSourceConfig(): DatasetSourceConfig {
  return { store: productionStore(), timeoutMs: URL_FETCH_TIMEOUT_MS };
}

export const DatasetSourceConfigContext = createContext<Partial<DatasetSourceConfig>>({});

export function useDatasetSourceConfig(): DatasetSourceConfig {
  const given = useContext(DatasetSourceConfigContext);
  return useMemo(() => ({ ...defaultDatasetSourceConfig(), ...given }), [given]);
}
