import { useEffect } from 'react';
import type { Dataset } from '../domain/schema';
import { useUiStore } from './ui-store';

/** Hands the open dataset's default range to the store (it applies while no range is chosen). */
export function useDatasetDefaultRange(dataset: Dataset): void {
  const setDefaultRange = useUiStore((s) => s.setDefaultRange);
  const from = dataset.defaultView?.from ?? null;
  const to = dataset.defaultView?.to ?? null;
  useEffect(() => {
    setDefaultRange({ from, to });
  }, [setDefaultRange, from, to]);
}
