import { useLayoutEffect } from 'react';
import type { DatasetMeta } from '../domain/dataset-index';
import { describeUnknownIds, dropUnknownIds } from '../domain/view-filters';
import { useUiStore } from '../state/ui-store';

/**
 * Keeps the filters to ids the dataset has: a stale or mistyped link (`?actors=trump,nobody`) drops
 * what the dataset lacks, and says so, instead of opening an empty chart. Before paint, so the empty
 * view never shows.
 */
export function useDropUnknownIds(dataset: DatasetMeta): void {
  const filters = useUiStore((s) => s.filters);
  const correctFilters = useUiStore((s) => s.correctFilters);
  useLayoutEffect(() => {
    const result = dropUnknownIds(filters, dataset);
    if (result.filters !== filters) correctFilters(result.filters, result.unknown);
  }, [filters, dataset, correctFilters]);
}

/** "1 actor in the link is not in this dataset (nobody)." with a way to dismiss it. */
export function LinkNotice() {
  const unknownIds = useUiStore((s) => s.unknownIds);
  const dismiss = useUiStore((s) => s.dismissUnknownIds);
  const text = unknownIds ? describeUnknownIds(unknownIds) : null;
  if (!text) return null;
  return (
    <p className="link-notice" role="status">
      {text}{' '}
      <button type="button" className="link-button" onClick={dismiss}>
        Dismiss
      </button>
    </p>
  );
}
