import type { SeriesQuery } from './series';
import type { ViewFilters } from './view-filters';

/** The part of the view's filters the series engine reads (legend-hiding and event markers are not). */
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
