import type { Dataset, Observation } from '../../domain/schema';
import type { PlacedObservation } from '../../domain/series';

// Sorting and searching the Observations table: pure, so every column's order is unit-tested.

export type SortKey = 'date' | 'actor' | 'speaker' | 'theme' | 'kind' | 'score' | 'summary';
export type SortDir = 'ascending' | 'descending';

export const SORT_COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'date', label: 'Date' },
  { key: 'actor', label: 'Actor' },
  { key: 'speaker', label: 'Speaker' },
  { key: 'theme', label: 'Theme' },
  { key: 'kind', label: 'Kind' },
  { key: 'score', label: 'Score' },
  { key: 'summary', label: 'Summary' },
];

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export interface Lookups {
  actorName: (id: string) => string;
  themeLabel: (id: string) => string;
}

export function makeLookups(dataset: Dataset): Lookups {
  const actors = new Map(dataset.actors.map((a) => [a.id, a.name]));
  const themes = new Map(dataset.themes.map((t) => [t.id, t.label]));
  return { actorName: (id) => actors.get(id) ?? id, themeLabel: (id) => themes.get(id) ?? id };
}

function textOf(key: SortKey, obs: Observation, lookups: Lookups): string {
  switch (key) {
    case 'actor':
      return lookups.actorName(obs.actor);
    case 'theme':
      return lookups.themeLabel(obs.theme);
    case 'speaker':
      return obs.speaker;
    case 'kind':
      return obs.kind;
    default:
      return obs.summary;
  }
}

function isTimeOrdered(rows: PlacedObservation[]): boolean {
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1]!;
    const b = rows[i]!;
    if (a.t > b.t || (a.t === b.t && a.obs.id > b.obs.id)) return false;
  }
  return true;
}

/** A stable sort by one column; ties keep time order so equal keys read chronologically. */
export function sortRows(
  rows: PlacedObservation[],
  key: SortKey,
  dir: SortDir,
  lookups: Lookups,
): PlacedObservation[] {
  const sign = dir === 'ascending' ? 1 : -1;
  const byTime = (a: PlacedObservation, b: PlacedObservation) => a.t - b.t || (a.obs.id < b.obs.id ? -1 : 1);
  // The view's rows already come in time order (the engine sorts them): no need to sort them again.
  if (key === 'date' && isTimeOrdered(rows)) return dir === 'ascending' ? rows : rows.slice().reverse();
  let compare: (a: PlacedObservation, b: PlacedObservation) => number;
  if (key === 'date') compare = (a, b) => sign * byTime(a, b);
  else if (key === 'score') compare = (a, b) => sign * (a.obs.score - b.obs.score) || byTime(a, b);
  else {
    // Keys are computed once per row, not once per comparison.
    const keys = new Map(rows.map((r) => [r, textOf(key, r.obs, lookups)]));
    compare = (a, b) => sign * collator.compare(keys.get(a)!, keys.get(b)!) || byTime(a, b);
  }
  return rows.slice().sort(compare);
}

const haystacks = new WeakMap<Observation, string>();

function haystack(obs: Observation): string {
  let h = haystacks.get(obs);
  if (h === undefined) {
    h = `${obs.speaker}\n${obs.summary}\n${obs.quote}`.toLocaleLowerCase('en');
    haystacks.set(obs, h);
  }
  return h;
}

/** Rows whose speaker, summary or quote contain every word of the query (case-insensitive). */
export function searchRows(rows: PlacedObservation[], query: string): PlacedObservation[] {
  const words = query.toLocaleLowerCase('en').split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((r) => {
    const h = haystack(r.obs);
    return words.every((w) => h.includes(w));
  });
}
