import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Dataset } from '../domain/schema';
import { buildViewSeries, indexDataset, type ViewSeries } from '../domain/series';
import { toSeriesQuery } from '../domain/series-query';
import { useUiStore } from '../state/ui-store';

/** The current view of a dataset: filtered observations and per-actor series, recomputed only when filters change. */
export function useView(dataset: Dataset, maxLinePoints = 1000): ViewSeries {
  // Only the fields that change the series: toggling key events or legend-hiding does not recompute.
  const query = useUiStore(useShallow((s) => toSeriesQuery(s.filters, dataset)));
  return useMemo(
    () => buildViewSeries(indexDataset(dataset), query, maxLinePoints),
    [dataset, query, maxLinePoints],
  );
}
