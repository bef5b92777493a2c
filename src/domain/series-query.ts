import type { SeriesQuery } from './series';
import { effectiveRange, type ViewFilters } from './view-filters';
import type { DefaultRangeSource } from './default-range';

/**
 * The part of the view's filters the series engine reads (legend-hiding and event markers are not),
 * with the range resolved against the dataset's default.
 */
export function toSeriesQuery(filters: ViewFilters, dataset: DefaultRangeSource): SeriesQuery {
  const { from, to } = effectiveRange(filters, dataset);
  return {
    actors: filters.actors,
    themes: filters.themes,
    kind: filters.kind,
    from,
    to,
    smooth: filters.smooth,
    highConfidence: filters.highConfidence,
    weightByConfidence: filters.weighted,
  };
}
