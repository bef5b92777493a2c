import type { Dataset } from './schema';
import { defaultRangeOf, type DefaultRangeSource } from './default-range';

/** The filter state that defines a view: what the chart, table, summary and exports all show. */

export type KindFilter = 'both' | 'statement' | 'action';
export const KIND_FILTERS: readonly KindFilter[] = ['both', 'statement', 'action'];

export type Smoothing = 0 | 14 | 30 | 90;
export const SMOOTHINGS: readonly Smoothing[] = [0, 14, 30, 90];

export interface ViewFilters {
  /** Actor ids shown; null means every actor in the dataset (so new actors appear by default). */
  actors: string[] | null;
  /** Theme ids shown; null means every theme. */
  themes: string[] | null;
  kind: KindFilter;
  /**
   * The range the user chose: inclusive ISO days, null meaning open-ended (both null: every date).
   * Never the dataset's default range; read the range a view shows with `effectiveRange`.
   */
  from: string | null;
  to: string | null;
  /**
   * True while the user has not chosen a range (from and to are then null): the view shows the
   * dataset's default range, and the URL leaves it out so the link keeps meaning "the default".
   */
  rangeIsDefault: boolean;
  smooth: Smoothing;
  /** Key-event markers on the chart. */
  events: boolean;
  /** Actors hidden from the chart via the legend, without leaving the selection. */
  hidden: string[];
  /** Only observations coded with high confidence. */
  highConfidence: boolean;
  /** The smoothed line weights observations by confidence (high 1, medium ⅔, low ⅓). */
  weighted: boolean;
}

export const DEFAULT_FILTERS: ViewFilters = {
  actors: null,
  themes: null,
  kind: 'both',
  from: null,
  to: null,
  rangeIsDefault: true,
  smooth: 30,
  events: true,
  hidden: [],
  highConfidence: false,
  weighted: false,
};

export function sameFilters(a: ViewFilters, b: ViewFilters): boolean {
  const list = (x: string[] | null, y: string[] | null) =>
    x === y || (x !== null && y !== null && x.length === y.length && x.every((v, i) => v === y[i]));
  return (
    list(a.actors, b.actors) &&
    list(a.themes, b.themes) &&
    a.kind === b.kind &&
    a.from === b.from &&
    a.to === b.to &&
    a.rangeIsDefault === b.rangeIsDefault &&
    a.smooth === b.smooth &&
    a.events === b.events &&
    list(a.hidden, b.hidden) &&
    a.highConfidence === b.highConfidence &&
    a.weighted === b.weighted
  );
}

/**
 * Toggles one id in a selection where null means "all of allIds"; returns null again when the
 * result is every id, so the URL stays short and new ids keep appearing.
 */
export function toggleInSelection(selection: string[] | null, id: string, allIds: string[]): string[] | null {
  const current = selection ?? allIds;
  const next = current.includes(id) ? current.filter((x) => x !== id) : [...current, id];
  const ordered = allIds.filter((x) => next.includes(x));
  return ordered.length === allIds.length ? null : ordered;
}

export function isSelected(selection: string[] | null, id: string): boolean {
  return selection === null || selection.includes(id);
}

/** Inclusive ISO day bounds; null means open-ended. */
export interface DayRange {
  from: string | null;
  to: string | null;
}

/**
 * The range a view shows: the user's choice, else the dataset's default range (its `defaultView`),
 * else every date. The one place that resolves the default: filters, chart, titles and file names read this.
 */
export function effectiveRange(
  filters: Pick<ViewFilters, 'from' | 'to' | 'rangeIsDefault'>,
  dataset: DefaultRangeSource,
): DayRange {
  if (!filters.rangeIsDefault) return { from: filters.from, to: filters.to };
  return defaultRangeOf(dataset);
}

/** Ids a link (or a saved view) named that the open dataset does not have. */
export interface UnknownIds {
  actors: string[];
  themes: string[];
  /** The link's whole actor (theme) selection was unknown, so every actor (theme) is shown instead. */
  allActorsInstead: boolean;
  allThemesInstead: boolean;
}

function keepKnown(list: string[], known: ReadonlySet<string>, unknown: Set<string>): string[] {
  const kept = list.filter((id) => known.has(id));
  for (const id of list) if (!known.has(id)) unknown.add(id);
  return kept;
}

/**
 * Drops actor and theme ids the dataset does not have (from the selection and from the hidden
 * actors). A selection left empty by the drop falls back to the default (every actor or theme),
 * because the link meant some actors, not none; an explicitly empty selection stays empty.
 */
export function dropUnknownIds(
  filters: ViewFilters,
  dataset: Pick<Dataset, 'actors' | 'themes'>,
): { filters: ViewFilters; unknown: UnknownIds } {
  const actorIds = new Set(dataset.actors.map((a) => a.id));
  const themeIds = new Set(dataset.themes.map((t) => t.id));
  const unknownActors = new Set<string>();
  const unknownThemes = new Set<string>();
  const selection = (list: string[] | null, known: ReadonlySet<string>, unknown: Set<string>) => {
    if (list === null) return null;
    const kept = keepKnown(list, known, unknown);
    return kept.length === 0 && list.length > 0 ? null : kept;
  };
  const actors = selection(filters.actors, actorIds, unknownActors);
  const themes = selection(filters.themes, themeIds, unknownThemes);
  const hidden = keepKnown(filters.hidden, actorIds, unknownActors);
  const unknown: UnknownIds = {
    actors: [...unknownActors],
    themes: [...unknownThemes],
    allActorsInstead: filters.actors !== null && actors === null,
    allThemesInstead: filters.themes !== null && themes === null,
  };
  if (unknown.actors.length === 0 && unknown.themes.length === 0) return { filters, unknown };
  return { filters: { ...filters, actors, themes, hidden }, unknown };
}

function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * "1 actor in the link is not in this dataset (nobody)." — and, when the link's whole selection was
 * unknown, what is shown instead. Null when nothing was dropped.
 */
export function describeUnknownIds(unknown: UnknownIds): string | null {
  const parts: string[] = [];
  if (unknown.actors.length) parts.push(countOf(unknown.actors.length, 'actor'));
  if (unknown.themes.length) parts.push(countOf(unknown.themes.length, 'theme'));
  if (parts.length === 0) return null;
  const n = unknown.actors.length + unknown.themes.length;
  const ids = [...unknown.actors, ...unknown.themes].join(', ');
  const instead = [
    unknown.allActorsInstead ? 'all actors' : null,
    unknown.allThemesInstead ? 'all themes' : null,
  ].filter(Boolean);
  return (
    `${parts.join(' and ')} in the link ${n === 1 ? 'is' : 'are'} not in this dataset (${ids})` +
    (instead.length ? `; showing ${instead.join(' and ')} instead.` : '.')
  );
}
