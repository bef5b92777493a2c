import type { DatasetMeta } from './dataset-index';
import type { ActorSeries } from './series';
import { effectiveRange, type ViewFilters } from './view-filters';
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
export function describeView(
  dataset: DatasetMeta,
  filters: ViewFilters,
  series: Pick<ActorSeries, 'actor' | 'first' | 'last'>[],
): { title: string; subtitle: string } {
  const hidden = new Set(filters.hidden);
  const chosen = filters.actors === null ? null : new Set(filters.actors);
  const shownActors = dataset.actors.filter(
    (a) => (chosen === null || chosen.has(a.id)) && !hidden.has(a.id),
  );
  const shown = shownActors.map((a) => a.id);
  const actorNames = shownActors.map((a) => a.name);
  const allActors = shown.length === dataset.actors.length;

  const themeIds = filters.themes === null ? null : new Set(filters.themes);
  const themes = dataset.themes.filter((t) => themeIds === null || themeIds.has(t.id));
  const allThemes = themes.length === dataset.themes.length;

  // Open ends of the range are read from the observations the view actually shows.
  const range = effectiveRange(filters, dataset);
  let lo = range.from ? Date.parse(`${range.from}T00:00:00Z`) : null;
  let hi = range.to ? Date.parse(`${range.to}T00:00:00Z`) : null;
  if (lo === null || hi === null) {
    // `series` is the view's answer: first and last drawn time per selected actor with data.
    const drawn = series.filter((s) => !hidden.has(s.actor.id));
    if (drawn.length) {
      const first = Math.min(...drawn.map((s) => s.first));
      const last = Math.max(...drawn.map((s) => s.last));
      if (lo === null) lo = Math.floor(first / DAY_MS) * DAY_MS;
      if (hi === null) hi = Math.floor(last / DAY_MS) * DAY_MS;
    }
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
