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
  /** Inclusive ISO day bounds; null means open-ended. */
  from: string | null;
  to: string | null;
  /**
   * True while the user has not chosen a range: from/to then hold the dataset's own default range
   * (its `defaultView`), and the URL leaves them out so the link keeps meaning "the default".
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
