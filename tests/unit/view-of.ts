import type { Dataset } from '../../src/domain/schema';
import { indexDataset, type PlacedObservation } from '../../src/domain/dataset-index';
import { buildViewSeries, filterByActor, type ViewSeries } from '../../src/domain/series';
import { toSeriesQuery } from '../../src/domain/series-query';
import type { ViewFilters } from '../../src/domain/view-filters';

// What the query layer answers for a dataset and filters, computed by the in-browser engine directly:
// the inputs of the pure export and description functions under test.

export function viewOf(dataset: Dataset, filters: ViewFilters, maxLinePoints = 1000): ViewSeries {
  return buildViewSeries(indexDataset(dataset), toSeriesQuery(filters, dataset), maxLinePoints);
}

export function byActorOf(dataset: Dataset, filters: ViewFilters): Map<string, PlacedObservation[]> {
  return filterByActor(indexDataset(dataset), toSeriesQuery(filters, dataset));
}
