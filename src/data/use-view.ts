import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Dataset } from './schema';
import { buildViewSeries, indexDataset, type SeriesQuery, type ViewSeries } from './series';
import { useUiStore } from '../state/ui-store';
import type { ViewFilters } from '../state/view-state';

export function toSeriesQuery(filters: ViewFilters): SeriesQuery {
  return {
    actors: filters.actors,
    themes: filters.themes,
    kind: filters.kind,
    from: filters.from,
    to: filters.to,
    smooth: filters.smooth,
    highConfidence: filters.highConfidence,
    weightByConfidence: filters.weighted,
  };
}

/** The current view of a dataset: filtered observations and per-actor series, recomputed only when filters change. */
export function useView(dataset: Dataset, maxLinePoints = 1000): ViewSeries {
  // Only the fields that change the series: toggling key events or legend-hiding does not recompute.
  const query = useUiStore(useShallow((s) => toSeriesQuery(s.filters)));
  return useMemo(
    () => buildViewSeries(indexDataset(dataset), query, maxLinePoints),
    [dataset, query, maxLinePoints],
  );
}
