import {
  KINDS,
  kindCode,
  isSmallDictionary,
  textAt,
  valueAt,
  valueCount,
  valueIndex,
  ABSENT,
} from './columns';
import type { DatasetIndex, PlacedObservation } from './dataset-index';
import { filteredCount, filteredRowCursors, filteredRows, type SeriesQuery } from './series';

// A page of the filtered observations, searched and sorted (the Observations table). Rows are kept in
// time order, so "by date" needs no sorting; other orders compare numbers (ranks of names, scores)
// where they can, and text only for per-row fields such as summaries. Work that would block the page
// for long on a large dataset is done in slices by the async variant, which yields between them.

export type SortKey = 'date' | 'actor' | 'speaker' | 'theme' | 'kind' | 'score' | 'summary';
export type SortDir = 'ascending' | 'descending';

export interface PageRequest {
  query: SeriesQuery;
  search: string;
  sort: SortKey;
  dir: SortDir;
  offset: number;
  limit: number;
}

export interface Page {
  total: number;
  /** Where the page starts: the one asked for, or the last page's start when that lies past the end. */
  offset: number;
  rows: PlacedObservation[];
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Rows up to this many are searched or sorted at once; more are done in slices. */
export const SYNC_LIMIT = 20_000;
/** Work per slice before yielding to the browser, in rows. */
const SLICE = 4_000;

export type Yield = () => Promise<void>;

/** The words of a search (lower-case; every one must appear). */
export function searchWords(search: string): string[] {
  return search.toLocaleLowerCase('en').split(/\s+/).filter(Boolean);
}

interface OrderCache {
  haystacks: (string | undefined)[];
  orders: Map<string, Int32Array>;
  rowsByQuery: Map<string, Int32Array>;
}

const caches = new WeakMap<DatasetIndex, OrderCache>();
const MAX_CACHED = 6;

function cacheOf(index: DatasetIndex): OrderCache {
  let c = caches.get(index);
  if (!c) {
    c = { haystacks: [], orders: new Map(), rowsByQuery: new Map() };
    caches.set(index, c);
  }
  return c;
}

function remember<V>(map: Map<string, V>, key: string, value: V): V {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_CACHED) map.delete(map.keys().next().value!);
  return value;
}

function queryRows(index: DatasetIndex, query: SeriesQuery): Int32Array {
  const c = cacheOf(index);
  const key = JSON.stringify(query);
  return c.rowsByQuery.get(key) ?? remember(c.rowsByQuery, key, filteredRows(index, query));
}

/** Speaker, summary and quote in lower case: what a search looks in. */
function haystack(index: DatasetIndex, row: number): string {
  const cache = cacheOf(index).haystacks;
  let h = cache[row];
  if (h === undefined) {
    const c = index.columns;
    h = `${textAt(c.speaker, row)}\n${textAt(c.summary, row)}\n${textAt(c.quote, row)}`.toLocaleLowerCase(
      'en',
    );
    cache[row] = h;
  }
  return h;
}

function matches(index: DatasetIndex, row: number, words: string[]): boolean {
  const h = haystack(index, row);
  return words.every((w) => h.includes(w));
}

/** Per row, a number that sorts like the column's text (names, labels, kinds, dictionary fields); null for per-row text. */
function numericKey(index: DatasetIndex, key: SortKey): ((row: number) => number) | null {
  const c = index.columns;
  const rankOf = (texts: string[]) => {
    const order = texts.map((_, i) => i).sort((a, b) => collator.compare(texts[a]!, texts[b]!));
    const rank = new Float64Array(texts.length);
    // Equal under the collator: equal rank, so ties fall back to time order as with text.
    order.forEach((k, i) => {
      const prev = order[i - 1];
      rank[k] = i > 0 && collator.compare(texts[k]!, texts[prev!]!) === 0 ? rank[prev!]! : i;
    });
    return rank;
  };
  switch (key) {
    case 'score':
      return (row) => c.score[row]!;
    case 'actor': {
      const rank = rankOf(index.actors.map((a) => a.name));
      return (row) => rank[c.actor[row]!]!;
    }
    case 'theme': {
      const labels = new Map(index.meta.themes.map((t) => [t.id, t.label]));
      const rank = rankOf(index.themeIds.map((id) => labels.get(id) ?? id));
      return (row) => rank[c.theme[row]!]!;
    }
    case 'kind': {
      const rank = rankOf([...KINDS]);
      return (row) => rank[kindCode(c.flags[row]!)]!;
    }
    case 'speaker':
    case 'summary': {
      const col = key === 'speaker' ? c.speaker : c.summary;
      // Values mostly distinct: ranking them all would cost more than sorting the rows shown.
      if (!isSmallDictionary(col)) return null;
      const values = Array.from({ length: valueCount(col) }, (_, k) => valueAt(col, k));
      const rank = rankOf(values);
      return (row) => {
        const k = valueIndex(col, row);
        return k === ABSENT ? -1 : rank[k]!;
      };
    }
    default:
      return null;
  }
}

function comparator(index: DatasetIndex, key: SortKey, dir: SortDir): (a: number, b: number) => number {
  const sign = dir === 'ascending' ? 1 : -1;
  const num = numericKey(index, key);
  // Ties keep time order (rows are numbered in time order), so equal keys read chronologically.
  if (num) return (a, b) => sign * (num(a) - num(b)) || a - b;
  const col = key === 'speaker' ? index.columns.speaker : index.columns.summary;
  const text = new Map<number, string>();
  const of = (row: number) => {
    let s = text.get(row);
    if (s === undefined) {
      s = textAt(col, row) ?? '';
      text.set(row, s);
    }
    return s;
  };
  return (a, b) => sign * collator.compare(of(a), of(b)) || a - b;
}

function orderKey(req: PageRequest): string {
  return JSON.stringify([req.query, searchWords(req.search), req.sort, req.dir]);
}

function slicePage(index: DatasetIndex, order: Int32Array, req: PageRequest): Page {
  const limit = Math.max(1, req.limit);
  const lastStart = Math.max(0, Math.floor((order.length - 1) / limit) * limit);
  const offset = Math.max(0, Math.min(req.offset, lastStart));
  const end = Math.min(order.length, offset + limit);
  const rows: PlacedObservation[] = [];
  for (let i = offset; i < end; i++) rows.push(index.placed(order[i]!));
  return { total: order.length, offset, rows };
}

/**
 * A page in time order without building the merged list: the selected actors' rows (each already in
 * time order, and numbered in time order) are merged only as far as the page reaches. The total
 * comes from the aggregates.
 */
function pageInTimeOrder(index: DatasetIndex, req: PageRequest): Page {
  const lists = filteredRowCursors(index, req.query);
  const total = filteredCount(index, req.query);
  const limit = Math.max(1, req.limit);
  const lastStart = Math.max(0, Math.floor((total - 1) / limit) * limit);
  const offset = Math.max(0, Math.min(req.offset, lastStart));
  const want = Math.min(total, offset + limit);
  const ascending = req.dir === 'ascending';
  // Walk from the start (ascending) or from the end (descending) of each actor's rows.
  const pos = lists.map((l) => (ascending ? 0 : l.rows.length - 1));
  const next = (k: number) => {
    const { rows, passes } = lists[k]!;
    let i = pos[k]!;
    while (ascending ? i < rows.length : i >= 0) {
      if (passes(rows[i]!)) break;
      i += ascending ? 1 : -1;
    }
    pos[k] = i;
    return ascending ? (i < rows.length ? rows[i]! : -1) : i >= 0 ? rows[i]! : -1;
  };
  const heads = lists.map((_, k) => next(k));
  const out: PlacedObservation[] = [];
  for (let taken = 0; taken < want; taken++) {
    let best = -1;
    for (let k = 0; k < heads.length; k++) {
      const h = heads[k]!;
      if (h < 0) continue;
      if (best < 0 || (ascending ? h < heads[best]! : h > heads[best]!)) best = k;
    }
    if (best < 0) break;
    if (taken >= offset) out.push(index.placed(heads[best]!));
    pos[best]! += ascending ? 1 : -1;
    heads[best] = next(best);
  }
  return { total, offset, rows: out };
}

/** The page, when it can be had without long work (cached, small, or in time order); else undefined. */
export function peekPage(index: DatasetIndex, req: PageRequest): Page | undefined {
  const cache = cacheOf(index);
  const key = orderKey(req);
  const cached = cache.orders.get(key);
  if (cached) return slicePage(index, cached, req);
  if (req.sort === 'date' && searchWords(req.search).length === 0) return pageInTimeOrder(index, req);
  let rows = queryRows(index, req.query);
  const words = searchWords(req.search);
  if (words.length) {
    const unknown = rows.length > SYNC_LIMIT && rows.some((r) => cache.haystacks[r] === undefined);
    if (unknown) return undefined;
    rows = rows.filter((r) => matches(index, r, words));
  }
  let order: Int32Array;
  if (req.sort === 'date') order = req.dir === 'ascending' ? rows : rows.slice().reverse();
  else if (rows.length > SYNC_LIMIT) return undefined;
  else order = rows.slice().sort(comparator(index, req.sort, req.dir));
  return slicePage(index, remember(cache.orders, key, order), req);
}

/** The same page, computed in slices that yield to the browser between them. */
export async function computePage(index: DatasetIndex, req: PageRequest, pause: Yield): Promise<Page> {
  const quick = peekPage(index, req);
  if (quick) return quick;
  const cache = cacheOf(index);
  let rows = queryRows(index, req.query);
  const words = searchWords(req.search);
  if (words.length) {
    const kept: number[] = [];
    for (let i = 0; i < rows.length; i += SLICE) {
      for (let j = i; j < Math.min(rows.length, i + SLICE); j++)
        if (matches(index, rows[j]!, words)) kept.push(rows[j]!);
      await pause();
    }
    rows = Int32Array.from(kept);
  }
  let order: Int32Array;
  if (req.sort === 'date') order = req.dir === 'ascending' ? rows : rows.slice().reverse();
  else order = await sortInSlices(rows, comparator(index, req.sort, req.dir), pause);
  return slicePage(index, remember(cache.orders, orderKey(req), order), req);
}

/** Merge sort: runs of SLICE sorted at once, then merged pass by pass, yielding between slices of work. */
async function sortInSlices(
  input: Int32Array,
  compare: (a: number, b: number) => number,
  pause: Yield,
): Promise<Int32Array> {
  let src = input.slice();
  const n = src.length;
  for (let i = 0; i < n; i += SLICE) {
    src.set(
      src
        .subarray(i, i + SLICE)
        .slice()
        .sort(compare),
      i,
    );
    await pause();
  }
  let dst = new Int32Array(n);
  let work = 0;
  for (let width = SLICE; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let a = lo;
      let b = mid;
      let k = lo;
      while (a < mid || b < hi) {
        dst[k++] = b >= hi || (a < mid && compare(src[a]!, src[b]!) <= 0) ? src[a++]! : src[b++]!;
        if (++work >= SLICE * 4) {
          work = 0;
          await pause();
        }
      }
    }
    [src, dst] = [dst, src];
  }
  return src;
}
