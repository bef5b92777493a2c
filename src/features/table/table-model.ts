import type { DatasetMeta } from '../../domain/dataset-index';
import type { SortKey } from '../../domain/observation-order';

// The Observations table's columns and names; sorting and searching are the query layer's
// (src/domain/observation-order.ts), so they work the same on any dataset size.

export const SORT_COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'date', label: 'Date' },
  { key: 'actor', label: 'Actor' },
  { key: 'speaker', label: 'Speaker' },
  { key: 'theme', label: 'Theme' },
  { key: 'kind', label: 'Kind' },
  { key: 'score', label: 'Score' },
  { key: 'summary', label: 'Summary' },
];

export interface Lookups {
  actorName: (id: string) => string;
  themeLabel: (id: string) => string;
}

export function makeLookups(dataset: DatasetMeta): Lookups {
  const actors = new Map(dataset.actors.map((a) => [a.id, a.name]));
  const themes = new Map(dataset.themes.map((t) => [t.id, t.label]));
  return { actorName: (id) => actors.get(id) ?? id, themeLabel: (id) => themes.get(id) ?? id };
}
