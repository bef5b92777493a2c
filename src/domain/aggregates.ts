import { confidenceCode, kindCode, precisionCode, type ActorCells } from './columns';
import type { DatasetIndex } from './dataset-index';

// Per actor × theme × kind × confidence × day: count, sum and sum of squares of the scores, split by
// whether the date is day-precise. A filter change (theme, kind, confidence, time) then combines these
// cells instead of rescanning observations, and the line's uncertainty band (±1 standard error) comes
// from the same sums. Built once per actor, when the actor is first drawn.

export const groupOf = (theme: number, kind: number, confidence: number) =>
  (theme * 2 + kind) * 3 + confidence;
export const GROUPS_PER_THEME = 6;

const cache = new WeakMap<DatasetIndex, Map<number, ActorCells>>();

export function actorCells(index: DatasetIndex, a: number): ActorCells {
  let perIndex = cache.get(index);
  if (!perIndex) {
    perIndex = new Map();
    cache.set(index, perIndex);
  }
  const cached = perIndex.get(a);
  if (cached) return cached;
  const rows = index.rowsOf(a);
  const c = index.columns;
  const groupCount = index.themeIds.length * GROUPS_PER_THEME;
  // At most one cell per row; trimmed at the end.
  const day = new Int32Array(rows.length);
  const key = new Uint32Array(rows.length);
  const n = new Uint32Array(rows.length);
  const sum = new Float64Array(rows.length);
  const sumSq = new Float64Array(rows.length);
  // Cell of each key on the current day (-1: none yet); reset only for the keys the day touched.
  const slot = new Int32Array(groupCount * 2).fill(-1);
  const seen = new Uint8Array(groupCount);
  const touched: number[] = [];
  let cells = 0;
  let currentDay = NaN;
  for (const r of rows) {
    const d = c.day[r]!;
    if (d !== currentDay) {
      for (const k of touched) slot[k] = -1;
      touched.length = 0;
      currentDay = d;
    }
    const f = c.flags[r]!;
    const g = groupOf(c.theme[r]!, kindCode(f), confidenceCode(f));
    const k = g * 2 + (precisionCode(f) === 0 ? 1 : 0);
    let cell = slot[k]!;
    if (cell < 0) {
      cell = cells++;
      slot[k] = cell;
      touched.push(k);
      day[cell] = d;
      key[cell] = k;
      seen[g] = 1;
    }
    const x = c.score[r]!;
    n[cell]!++;
    sum[cell]! += x;
    sumSq[cell]! += x * x;
  }
  const groups: number[] = [];
  seen.forEach((v, g) => v && groups.push(g));
  const out: ActorCells = {
    day: day.slice(0, cells),
    key: key.slice(0, cells),
    n: n.slice(0, cells),
    sum: sum.slice(0, cells),
    sumSq: sumSq.slice(0, cells),
    groups: Uint32Array.from(groups),
  };
  perIndex.set(a, out);
  return out;
}

/** First cell whose day is ≥ `day` (cells are in day order). */
export function firstCellFrom(cells: ActorCells, day: number): number {
  let lo = 0;
  let hi = cells.day.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cells.day[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
