import { createContext, useContext, useMemo } from 'react';
import { URL_FETCH_TIMEOUT_MS } from '../../data/dataset-api';
import { createImportSession, type ImportSession } from './import-client';
import { createIndexedDbStore, type DatasetStore } from './dataset-store';

/** What the import feature depends on; production defaults, replaced in tests (memory store, short timeout). */
export interface ImportConfig {
  store: DatasetStore;
  /** Time limit for `?data=` URLs. */
  timeoutMs: number;
  createSession: () => ImportSession;
  /** A progress bar appears only for reads that take longer than this. */
  progressDelayMs: number;
}

let defaultStore: DatasetStore | null = null;

function productionStore(): DatasetStore {
  defaultStore ??= createIndexedDbStore(typeof indexedDB === 'undefined' ? undefined : indexedDB);
  return defaultStore;
}

export const ImportConfigContext = createContext<Partial<ImportConfig>>({});

export function useImportConfig(): ImportConfig {
  const given = useContext(ImportConfigContext);
  return useMemo(
    () => ({
      store: given.store ?? productionStore(),
      timeoutMs: given.timeoutMs ?? URL_FETCH_TIMEOUT_MS,
      createSession: given.createSession ?? createImportSession,
      progressDelayMs: given.progressDelayMs ?? 1000,
    }),
    [given],
  );
}
