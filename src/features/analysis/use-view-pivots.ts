import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DatasetMeta, PlacedObservation } from '../../domain/dataset-index';
import { detectViewPivots, type Pivot, type Sensitivity } from '../../domain/analysis/pivots';
import { toSeriesQuery } from '../../domain/series-query';
import { useUiStore } from '../../state/ui-store';
import { useObservationsByActor } from '../../data/stance-queries';

// The explorer (chart markers) and the Analysis panel (the list) both ask for the same pivots;
// remembering the last answer keeps one detection per view instead of one per caller.
let last: { byActor: Map<string, PlacedObservation[]>; key: string; pivots: Pivot[] } | null = null;

function viewPivots(
  byActor: Map<string, PlacedObservation[]>,
  options: { sensitivity: Sensitivity; minSegment: number },
) {
  const key = JSON.stringify([options.sensitivity, options.minSegment]);
  if (last && last.byActor === byActor && last.key === key) return last.pivots;
  const pivots = detectViewPivots(byActor, options);
  last = { byActor, key, pivots };
  return pivots;
}

/** The view's observations per actor while the Analysis section is open (the pivots' input), else undefined. */
export function useViewObservationsByActor(
  dataset: DatasetMeta,
): Map<string, PlacedObservation[]> | undefined {
  // Only the filters that change which observations enter; legend hiding and event markers do not.
  const query = useUiStore(useShallow((s) => toSeriesQuery(s.filters, dataset)));
  const open = useUiStore((s) => s.analysis.open);
  return useObservationsByActor(query, open).data;
}

/** Pivots of the current view (largest first), or null while the Analysis section is closed. */
export function useViewPivots(dataset: DatasetMeta): Pivot[] | null {
  const byActor = useViewObservationsByActor(dataset);
  const open = useUiStore((s) => s.analysis.open);
  const sensitivity = useUiStore((s) => s.analysis.sensitivity);
  const minSegment = useUiStore((s) => s.analysis.minSegment);
  return useMemo(
    () => (open && byActor ? viewPivots(byActor, { sensitivity, minSegment }) : null),
    [open, byActor, sensitivity, minSegment],
  );
}

/** The view's pivots to mark on the chart, when the Analysis section is open with markers on; else undefined. */
export function useChartPivots(dataset: DatasetMeta): Pivot[] | undefined {
  const pivots = useViewPivots(dataset);
  const show = useUiStore((s) => s.analysis.showPivots);
  return pivots && show ? pivots : undefined;
}
