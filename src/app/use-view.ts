import { useShallow } from 'zustand/react/shallow';
import type { DatasetMeta } from '../domain/dataset-index';
import type { ViewSeries } from '../domain/series';
import { toSeriesQuery } from '../domain/series-query';
import { useUiStore } from '../state/ui-store';
import { useViewSeries } from '../data/stance-queries';

/** The current view of the open dataset: per-actor series and counts, asked for only when the filters that shape it change. */
export function useView(dataset: DatasetMeta, maxLinePoints = 1000): ViewSeries | undefined {
  // Only the fields that change the series: toggling key events or legend-hiding does not ask again.
  const query = useUiStore(useShallow((s) => toSeriesQuery(s.filters, dataset)));
  return useViewSeries(query, maxLinePoints).data;
}
