import { DAY_MS } from '../domain/dates';

// Pixel ⇄ time for the brush under the chart; pure so dragging behaviour is unit-tested.
// An extent is half-open, [start of its first day, end of its last day): its days are lo … hi − 1 day.

export function timeToX(t: number, [lo, hi]: [number, number], width: number): number {
  if (hi <= lo) return 0;
  return ((t - lo) / (hi - lo)) * width;
}

export function floorDay(t: number): number {
  return Math.floor(t / DAY_MS) * DAY_MS;
}

/** First and last selectable day (day starts, ms) of a half-open extent. */
export function extentDays([lo, hi]: [number, number]): [number, number] {
  const first = floorDay(lo);
  return [first, Math.max(first, Math.ceil(hi / DAY_MS) * DAY_MS - DAY_MS)];
}

function clampDay(t: number, extent: [number, number]): number {
  const [first, last] = extentDays(extent);
  return Math.min(Math.max(t, first), last);
}

/** The day start nearest to the pixel, clamped to the extent's days. */
export function xToDay(x: number, extent: [number, number], width: number): number {
  const [lo, hi] = extent;
  const t = lo + (Math.min(Math.max(x, 0), width) / Math.max(width, 1)) * (hi - lo);
  return clampDay(Math.round(t / DAY_MS) * DAY_MS, extent);
}

/** Orders two days and clamps them into the extent. */
export function normalizeRange(a: number, b: number, extent: [number, number]): [number, number] {
  return a <= b ? [clampDay(a, extent), clampDay(b, extent)] : [clampDay(b, extent), clampDay(a, extent)];
}

/** Moves a range by `delta` ms without changing its length, stopping at the extent's edges. */
export function shiftRange(
  [a, b]: [number, number],
  delta: number,
  extent: [number, number],
): [number, number] {
  const [first, last] = extentDays(extent);
  const d = Math.min(Math.max(delta, first - a), last - b);
  return [a + d, b + d];
}

/**
 * Counts of times per equal-width bin across the extent: the brush's overview of where data is.
 * `weights[k]`, when given, is how many observations the k-th time stands for (per-day counts).
 */
export function densityBins(
  times: ArrayLike<number>,
  [lo, hi]: [number, number],
  bins: number,
  weights?: ArrayLike<number>,
): number[] {
  const counts = new Array<number>(Math.max(1, bins)).fill(0);
  const span = hi - lo;
  for (let k = 0; k < times.length; k++) {
    const t = times[k]!;
    if (t < lo || t >= hi) continue;
    const i = span > 0 ? Math.min(counts.length - 1, Math.floor(((t - lo) / span) * counts.length)) : 0;
    counts[i]! += weights ? weights[k]! : 1;
  }
  return counts;
}
