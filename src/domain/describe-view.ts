import type { Dataset } from './schema';
import { filteredTimeExtent, indexDataset, selectedActorIds } from './series';
import { toSeriesQuery } from './series-query';
import type { ViewFilters } from './view-filters';
import { DAY_MS } from './dates';

// Words for a view: the title and subtitle of exported figures and anything else that names a view.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(t: number): { y: number; m: number; d: number } {
  const dt = new Date(t);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth(), d: dt.getUTCDate() };
}

/** "2025", "Feb 2025", "Feb–Aug 2025" or "Nov 2024–Mar 2025": a range in months, for a title. */
export function formatMonthRange(lo: number, hi: number): string {
  const a = parts(lo);
  const b = parts(hi);
  if (a.y === b.y) {
    if (a.m === 0 && a.d === 1 && b.m === 11 && b.d === 31) return String(a.y);
    if (a.m === b.m) return `${MONTHS[a.m]} ${a.y}`;
    return `${MONTHS[a.m]}–${MONTHS[b.m]} ${a.y}`;
  }
  return `${MONTHS[a.m]} ${a.y}–${MONTHS[b.m]} ${b.y}`;
}

/** "1 Feb–31 Aug 2025", "19 Feb 2025" or "5 Nov 2024–3 Mar 2025": a range in days, for a subtitle. */
export function formatDayRange(lo: number, hi: number): string {
  const a = parts(lo);
  const b = parts(hi);
  const day = (p: { y: number; m: number; d: number }) => `${p.d} ${MONTHS[p.m]}`;
  if (a.y === b.y && a.m === b.m && a.d === b.d) return `${day(a)} ${a.y}`;
  if (a.y === b.y) return `${day(a)}–${day(b)} ${a.y}`;
  return `${day(a)} ${a.y}–${day(b)} ${b.y}`;
}

function listNames(names: string[], everything: boolean, noun: string): string {
  if (everything) return `All ${noun}`;
  if (names.length === 0) return `No ${noun}`;
  const label = noun[0]!.toUpperCase() + noun.slice(1);
  return `${label}: ${names.join(', ')}`;
}

export function smoothingLabel(smooth: number): string {
  return smooth === 0 ? 'Line: daily mean, no smoothing' : `Line: ${smooth}-day centred rolling mean`;
}

/**
 * Title and subtitle for a view, e.g. "Stance toward Russia, Feb–Aug 2025" and
 * "Actors: Donald Trump, Russia · Themes: Sanctions · Actions only · 1 Feb–31 Aug 2025 · Line: 30-day centred rolling mean".
 * Actors hidden from the chart via the legend are left out, because the figure does not draw them.
 */
export function describeView(dataset: Dataset, filters: ViewFilters): { title: string; subtitle: string } {
  const index = indexDataset(dataset);
  const hidden = new Set(filters.hidden);
  const shown = selectedActorIds(index, filters.actors).filter((id) => !hidden.has(id));
  const actorNames = shown.map((id) => index.actorById.get(id)?.name ?? id);
  const allActors = shown.length === dataset.actors.length;

  const themeIds = filters.themes === null ? null : new Set(filters.themes);
  const themes = dataset.themes.filter((t) => themeIds === null || themeIds.has(t.id));
  const allThemes = themes.length === dataset.themes.length;

  // Open ends of the range are read from the observations the view actually shows.
  const query = toSeriesQuery(filters, dataset);
  let lo = query.from ? Date.parse(`${query.from}T00:00:00Z`) : null;
  let hi = query.to ? Date.parse(`${query.to}T00:00:00Z`) : null;
  if (lo === null || hi === null) {
    const extent = filteredTimeExtent(index, { ...query, actors: shown });
    if (lo === null && extent) lo = Math.floor(extent[0] / DAY_MS) * DAY_MS;
    if (hi === null && extent) hi = Math.floor(extent[1] / DAY_MS) * DAY_MS;
  }
  const hasRange = lo !== null && hi !== null && lo <= hi;

  // "toward Russia" is this product's axis; an imported dataset (e.g. GDELT events) is titled by its own name.
  const aboutRussia = /toward russia/i.test(dataset.title) || dataset.id === 'stance-tracker-bundled';
  const base = aboutRussia
    ? shown.length === 1
      ? `${actorNames[0]}: stance toward Russia`
      : 'Stance toward Russia'
    : shown.length === 1
      ? `${actorNames[0]}: ${dataset.title}`
      : dataset.title;
  const title = hasRange ? `${base}, ${formatMonthRange(lo!, hi!)}` : base;

  const kind =
    filters.kind === 'both'
      ? 'Statements and actions'
      : filters.kind === 'statement'
        ? 'Statements only'
        : 'Actions only';
  const subtitle = [
    listNames(actorNames, allActors, 'actors'),
    listNames(
      themes.map((t) => t.label),
      allThemes,
      'themes',
    ),
    kind,
    filters.highConfidence ? 'High-confidence observations only' : null,
    hasRange ? formatDayRange(lo!, hi!) : 'No observations in range',
    smoothingLabel(filters.smooth) + (filters.weighted ? ', weighted by confidence' : ''),
  ]
    .filter((p): p is string => p !== null)
    .join(' · ');
  return { title, subtitle };
}
