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

/** Cells built elsewhere (the dataset worker, while the page waits), by actor number; null: built when asked. */
export function seedCells(index: DatasetIndex, cells: readonly (ActorCells | null)[]): void {
  const perIndex = new Map<number, ActorCells>();
  cells.forEach((c, a) => c && perIndex.set(a, c));
  cache.set(index, perIndex);
}

/**
 * The cells of the actors in `chosen` (null: every actor), by actor number, null for the others: what
 * actorCells gives for each, built in one pass over the rows in time order (an actor's rows, picked out
 * of that order, are its rows in time order) rather than one pass per actor through its row list. The
 * dataset worker builds the actors the page will draw first; the others are built when first drawn.
 */
export function cellsInOnePass(
  index: DatasetIndex,
  chosen: ReadonlySet<number> | null,
): (ActorCells | null)[] {
  const c = index.columns;
  const actors = index.actorIds.length;
  const groupCount = index.themeIds.length * GROUPS_PER_THEME;
  const keys = groupCount * 2;
  const wanted = new Uint8Array(actors);
  for (let a = 0; a < actors; a++) wanted[a] = chosen === null || chosen.has(a) ? 1 : 0;
  const rows = new Int32Array(actors);
  for (let r = 0; r < c.count; r++) rows[c.actor[r]!]!++;
  // Per actor: at most one cell per row (trimmed at the end), its current day, its cell of each key on
  // that day (-1: none yet; reset only for the keys the day touched), the groups it has.
  const out = Array.from({ length: actors }, (_, a) => {
    const m = wanted[a] ? rows[a]! : 0;
    return {
      day: new Int32Array(m),
      key: new Uint32Array(m),
      n: new Uint32Array(m),
      sum: new Float64Array(m),
      sumSq: new Float64Array(m),
      touched: [] as number[],
    };
  });
  const cells = new Int32Array(actors);
  const currentDay = new Float64Array(actors).fill(NaN);
  const slot = new Int32Array(actors * keys).fill(-1);
  const seen = new Uint8Array(actors * groupCount);
  for (let r = 0; r < c.count; r++) {
    const a = c.actor[r]!;
    if (!wanted[a]) continue;
    const o = out[a]!;
    const d = c.day[r]!;
    const base = a * keys;
    if (d !== currentDay[a]) {
      for (const k of o.touched) slot[base + k] = -1;
      o.touched.length = 0;
      currentDay[a] = d;
    }
    const f = c.flags[r]!;
    const g = groupOf(c.theme[r]!, kindCode(f), confidenceCode(f));
    const k = g * 2 + (precisionCode(f) === 0 ? 1 : 0);
    let cell = slot[base + k]!;
    if (cell < 0) {
      cell = cells[a]!++;
      slot[base + k] = cell;
      o.touched.push(k);
      o.day[cell] = d;
      o.key[cell] = k;
      seen[a * groupCount + g] = 1;
    }
    const x = c.score[r]!;
    o.n[cell]!++;
    o.sum[cell]! += x;
    o.sumSq[cell]! += x * x;
  }
  const result = out.map((o, a): ActorCells | null => {
    if (!wanted[a]) return null;
    const groups: number[] = [];
    for (let g = 0; g < groupCount; g++) if (seen[a * groupCount + g]) groups.push(g);
    const m = cells[a]!;
    return {
      day: o.day.slice(0, m),
      key: o.key.slice(0, m),
      n: o.n.slice(0, m),
      sum: o.sum.slice(0, m),
      sumSq: o.sumSq.slice(0, m),
      groups: Uint32Array.from(groups),
    };
  });
  seedCells(index, result);
  return result;
}

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
  // Indexed, not for…of: this runs cold when a dataset opens, where the iterator costs most.
  for (let j = 0; j < rows.length; j++) {
    const r = rows[j]!;
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
