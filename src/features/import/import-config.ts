import { createContext, useContext, useMemo } from 'react';
import { createImportSession, type ImportSession } from './import-client';

/** What the import flow depends on; production defaults, replaced in tests. */
export interface ImportConfig {
  createSession: () => ImportSession;
  /** A progress bar appears only for reads that take longer than this. */
  progressDelayMs: number;
}

export const ImportConfigContext = createContext<Partial<ImportConfig>>({});

export function useImportConfig(): ImportConfig {
  const given = useContext(ImportConfigContext);
  return useMemo(
    () => ({
      createSession: given.createSession ?? createImportSession,
      progressDelayMs: given.progressDelayMs ?? 1000,
    }),
    [given],
  );
}
