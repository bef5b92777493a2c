import { isRealPartialDate } from '../lib/partial-date';
import {
  DEFAULT_FILTERS,
  KIND_FILTERS,
  SMOOTHINGS,
  type KindFilter,
  type Smoothing,
  type ViewFilters,
} from '../domain/view-filters';

// Query parameters to and from the app's state, as plain strings (use-url-sync.ts applies them to
// the address bar). Garbage in → defaults, never a throw.
//   ?actors=trump,russia&themes=sanctions&kind=action&from=2025-02-01&to=2025-08-31&smooth=30
//   actors= (empty) means "none selected"; an absent parameter means the default.
//   No from/to means the dataset's default range; range=all means every date.

const MAX_PARAM_LENGTH = 4000;
const MAX_LIST_ITEMS = 500;
const ID = /^[a-z0-9][a-z0-9._-]{0,119}$/;

function readList(params: URLSearchParams, key: string): string[] | null {
  const raw = params.get(key);
  if (raw === null || raw.length > MAX_PARAM_LENGTH) return null;
  if (raw === '') return [];
  const ids = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => ID.test(s));
  // A list made only of junk is treated as absent rather than as "none".
  if (ids.length === 0) return null;
  return [...new Set(ids)].slice(0, MAX_LIST_ITEMS);
}

function readDay(params: URLSearchParams, key: string): string | null {
  const raw = params.get(key);
  return raw !== null && /^\d{4}-\d{2}-\d{2}$/.test(raw) && isRealPartialDate(raw) ? raw : null;
}

function readBool(params: URLSearchParams, key: string, fallback: boolean): boolean {
  const raw = params.get(key);
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  return fallback;
}

export function parseFilters(search: string): ViewFilters {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search.length > 20_000 ? '' : search);
  } catch {
    return { ...DEFAULT_FILTERS };
  }
  const kindRaw = params.get('kind');
  const kind: KindFilter = KIND_FILTERS.includes(kindRaw as KindFilter)
    ? (kindRaw as KindFilter)
    : DEFAULT_FILTERS.kind;
  const smoothRaw = Number(params.get('smooth'));
  const smooth: Smoothing =
    params.has('smooth') && SMOOTHINGS.includes(smoothRaw as Smoothing)
      ? (smoothRaw as Smoothing)
      : DEFAULT_FILTERS.smooth;
  let from = readDay(params, 'from');
  let to = readDay(params, 'to');
  if (from && to && from > to) [from, to] = [to, from];
  // `range=all` is an explicit choice of everything; no range at all means the dataset's default.
  const rangeIsDefault = from === null && to === null && params.get('range') !== 'all';
  return {
    actors: readList(params, 'actors'),
    themes: readList(params, 'themes'),
    kind,
    from,
    to,
    rangeIsDefault,
    smooth,
    events: readBool(params, 'events', DEFAULT_FILTERS.events),
    hidden: readList(params, 'hide') ?? [],
    highConfidence: readBool(params, 'conf', DEFAULT_FILTERS.highConfidence),
    weighted: readBool(params, 'weight', DEFAULT_FILTERS.weighted),
  };
}

/** Writes only what differs from the defaults, in a fixed order, so equal views give equal URLs. */
export function serializeFilters(filters: ViewFilters): string {
  const params = new URLSearchParams();
  if (filters.actors !== null) params.set('actors', filters.actors.join(','));
  if (filters.themes !== null) params.set('themes', filters.themes.join(','));
  if (filters.kind !== DEFAULT_FILTERS.kind) params.set('kind', filters.kind);
  if (!filters.rangeIsDefault) {
    if (filters.from) params.set('from', filters.from);
    if (filters.to) params.set('to', filters.to);
    if (!filters.from && !filters.to) params.set('range', 'all');
  }
  if (filters.smooth !== DEFAULT_FILTERS.smooth) params.set('smooth', String(filters.smooth));
  if (filters.events !== DEFAULT_FILTERS.events) params.set('events', filters.events ? '1' : '0');
  if (filters.hidden.length) params.set('hide', filters.hidden.join(','));
  if (filters.highConfidence !== DEFAULT_FILTERS.highConfidence)
    params.set('conf', filters.highConfidence ? '1' : '0');
  if (filters.weighted !== DEFAULT_FILTERS.weighted) params.set('weight', filters.weighted ? '1' : '0');
  // Commas are legal in a query string; keeping them literal keeps links readable.
  return params.toString().replace(/%2C/g, ',');
}

/** The `?data=` parameter: an http(s) URL or a relative path to open instead of the bundled dataset. */
export function readDataParam(search: string): string | null {
  let raw: string | null;
  try {
    raw = new URLSearchParams(search).get('data');
  } catch {
    return null;
  }
  if (!raw || raw.length > 2000) return null;
  if (/^\s*(javascript|data|vbscript|file|blob):/i.test(raw)) return null;
  if (/^https?:\/\//i.test(raw)) {
    try {
      return new URL(raw).href;
    } catch {
      return null;
    }
  }
  // A relative path on the same server (e.g. data/other.json); reject anything that is not a plain path.
  return /^[\w./~-]+$/.test(raw) && !raw.startsWith('//') ? raw : null;
}

/** Drops `data` from a search string, keeping every other parameter. */
export function withoutDataParam(search: string): string {
  const params = new URLSearchParams(search);
  params.delete('data');
  const rest = params.toString().replace(/%2C/g, ',');
  return rest ? `?${rest}` : '';
}

/** True when the address has a `data` parameter that readDataParam refused (garbage, too long, javascript:). */
export function hasIgnoredDataParam(search: string): boolean {
  try {
    const raw = new URLSearchParams(search).get('data');
    return raw !== null && raw.trim() !== '' && readDataParam(search) === null;
  } catch {
    return false;
  }
}

/** The `?data=` parameter as the app uses it: the URL to open, or that one was given and refused. */
export interface DataParam {
  url: string | null;
  /** The address had a `data` parameter that was not a usable URL, so the bundled dataset opened instead. */
  ignored: boolean;
}

export function parseDataParam(search: string): DataParam {
  return { url: readDataParam(search), ignored: hasIgnoredDataParam(search) };
}

/** The app's pages; the explorer is the default and needs no parameter. */
export type Page = 'explorer' | 'methodology';

export function parsePage(search: string): Page {
  try {
    return new URLSearchParams(search).get('view') === 'methodology' ? 'methodology' : 'explorer';
  } catch {
    return 'explorer';
  }
}

/** Replaces the filter (and page) parameters of a search string while keeping others (e.g. `data`). */
export function mergeSearch(current: string, filters: ViewFilters, page: Page = 'explorer'): string {
  const keep = new URLSearchParams(current);
  for (const key of FILTER_KEYS) keep.delete(key);
  keep.delete('view');
  const ours = [serializeFilters(filters), page === 'methodology' ? 'view=methodology' : '']
    .filter(Boolean)
    .join('&');
  const rest = keep.toString();
  const joined = [rest, ours].filter(Boolean).join('&');
  return joined ? `?${joined}` : '';
}

export const FILTER_KEYS = [
  'actors',
  'themes',
  'kind',
  'from',
  'to',
  'range',
  'smooth',
  'events',
  'hide',
  'conf',
  'weight',
] as const;
