import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Dataset } from '../../domain/schema';
import { detectViewPivots, type Pivot, type Sensitivity } from '../../domain/analysis/pivots';
import { indexDataset, type DatasetIndex, type SeriesQuery } from '../../domain/series';
import { toSeriesQuery } from '../../domain/series-query';
import { useUiStore } from '../../state/ui-store';

// The explorer (chart markers) and the Analysis panel (the list) both ask for the same pivots;
// remembering the last answer keeps one detection per view instead of one per caller.
let last: { index: DatasetIndex; key: string; pivots: Pivot[] } | null = null;

function viewPivots(
  index: DatasetIndex,
  query: SeriesQuery,
  options: { sensitivity: Sensitivity; minSegment: number },
) {
  const key = JSON.stringify([query, options.sensitivity, options.minSegment]);
  if (last && last.index === index && last.key === key) return last.pivots;
  const pivots = detectViewPivots(index, query, options);
  last = { index, key, pivots };
  return pivots;
}

/** Pivots of the current view (largest first), or null while the Analysis section is closed. */
export function useViewPivots(dataset: Dataset): Pivot[] | null {
  // Only the filters that change which observations enter; legend hiding and event markers do not.
  const query = useUiStore(useShallow((s) => toSeriesQuery(s.filters, dataset)));
  const open = useUiStore((s) => s.analysis.open);
  const sensitivity = useUiStore((s) => s.analysis.sensitivity);
  const minSegment = useUiStore((s) => s.analysis.minSegment);
  return useMemo(
    () => (open ? viewPivots(indexDataset(dataset), query, { sensitivity, minSegment }) : null),
    [open, dataset, query, sensitivity, minSegment],
  );
}

/** The view's pivots to mark on the chart, when the Analysis section is open with markers on; else undefined. */
export function useChartPivots(dataset: Dataset): Pivot[] | undefined {
  const pivots = useViewPivots(dataset);
  const show = useUiStore((s) => s.analysis.showPivots);
  return pivots && show ? pivots : undefined;
}
