import type { PlacedObservation } from '../dataset-index';

// Pivots: where an actor's stance shifted. Change-point detection on the mean of the actor's
// observation series (scores in time order), by PELT (Killick, Fearnhead & Eckley 2012), which finds
// the segmentation minimising "sum of squared deviations from each segment's mean + a penalty per
// change" exactly, in near-linear time. Explained for users in docs/analysis.md.

export type Sensitivity = 1 | 2 | 3 | 4 | 5;
export const SENSITIVITIES: readonly Sensitivity[] = [1, 2, 3, 4, 5];

/** Penalty per change, in units of σ² · ln(n); higher sensitivity → smaller penalty → more pivots. */
export const PENALTY_BY_SENSITIVITY: Record<Sensitivity, number> = { 1: 6, 2: 4.5, 3: 3, 4: 2, 5: 1.25 };

export interface PivotOptions {
  /** 1 (only the clearest shifts) … 5 (every plausible shift). */
  sensitivity: Sensitivity;
  /** Fewest observations on each side of a pivot. */
  minSegment: number;
  /** Smallest shift in mean, in score points, still reported as a pivot. */
  minDelta: number;
  /** Observations on each side of a pivot listed as its evidence. */
  evidencePerSide: number;
  /** A silence longer than this (days) splits the record: no pivot is placed across it. */
  maxGapDays: number;
}

export const DEFAULT_PIVOT_OPTIONS: PivotOptions = {
  sensitivity: 3,
  minSegment: 1,
  minDelta: 1,
  evidencePerSide: 3,
  maxGapDays: 365,
};

/** Scores are integers, so their spread is never taken to be below this (the rounding alone is ±0.5). */
export const MIN_NOISE_SD = 0.5;

export interface Pivot {
  actor: string;
  /** Date of the first observation after the change, as written in the data (day, or YYYY-MM). */
  date: string;
  /** Time (ms, UTC) of that observation as drawn on the chart (a month-precision one at mid-month). */
  t: number;
  /** Time of the last observation before the change. */
  tBefore: number;
  /** Mean score of the segment before and after the change. */
  before: number;
  after: number;
  delta: number;
  /** Observations in the segments before and after. */
  nBefore: number;
  nAfter: number;
  /** Ids of the observations next to the change that drove it: the last few before, the first few after. */
  evidence: string[];
  /** Index in `evidence` of the first observation after the change (the one the pivot is dated by). */
  evidenceSplit: number;
}

/** Short records are penalised as if they had this many observations: ln n alone is too lenient there. */
export const MIN_PENALTY_N = 20;

/** The cost of one more pivot, in squared score points: k(sensitivity) · σ² · ln(max(n, 20)). */
export function pivotPenalty(n: number, sd: number, sensitivity: Sensitivity): number {
  return PENALTY_BY_SENSITIVITY[sensitivity] * sd * sd * Math.log(Math.max(n, MIN_PENALTY_N));
}

/** Robust noise scale: median absolute difference of consecutive scores (a shift moves only one). */
export function estimateNoiseSd(scores: number[]): number {
  if (scores.length < 3) return MIN_NOISE_SD;
  const diffs = scores
    .slice(1)
    .map((s, i) => Math.abs(s - scores[i]!))
    .sort((a, b) => a - b);
  const mid = diffs.length / 2;
  const median = diffs.length % 2 ? diffs[Math.floor(mid)]! : (diffs[mid - 1]! + diffs[mid]!) / 2;
  // For Gaussian noise, |x_i − x_{i−1}| has median 0.6745 · √2 · σ.
  return Math.max(MIN_NOISE_SD, median / (0.6745 * Math.SQRT2));
}

/**
 * PELT on the mean: returns the indices where a new segment starts (0 < k < n), in order.
 * `canSplit(k)` says whether a change may fall between values k−1 and k (e.g. not within one day).
 */
export function changePoints(
  values: number[],
  penalty: number,
  minSegment: number,
  canSplit: (k: number) => boolean = () => true,
): number[] {
  const n = values.length;
  const m = Math.max(1, Math.floor(minSegment));
  if (n < 2 * m) return [];
  const s1 = new Float64Array(n + 1);
  const s2 = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    s1[i + 1] = s1[i]! + values[i]!;
    s2[i + 1] = s2[i]! + values[i]! * values[i]!;
  }
  // Sum of squared deviations from the mean of values[a..b).
  const cost = (a: number, b: number) => {
    const sum = s1[b]! - s1[a]!;
    return s2[b]! - s2[a]! - (sum * sum) / (b - a);
  };
  const best = new Float64Array(n + 1).fill(Infinity);
  const prev = new Int32Array(n + 1).fill(-1);
  best[0] = -penalty;
  let candidates: number[] = [0];
  for (let t = m; t <= n; t++) {
    // A segment may start at s = t − m once a segmentation ending there exists.
    const s = t - m;
    if (s >= m && Number.isFinite(best[s]!) && canSplit(s)) candidates.push(s);
    let min = Infinity;
    let arg = -1;
    for (const c of candidates) {
      const v = best[c]! + cost(c, t) + penalty;
      if (v < min) {
        min = v;
        arg = c;
      }
    }
    best[t] = min;
    prev[t] = arg;
    // Pruning: a start that cannot beat the optimum now never will (cost is superadditive).
    candidates = candidates.filter((c) => best[c]! + cost(c, t) <= min);
  }
  const out: number[] = [];
  for (let t = n; t > 0;) {
    const s = prev[t]!;
    if (s <= 0) break;
    out.push(s);
    t = s;
  }
  return out.reverse();
}

function meanOf(points: PlacedObservation[], a: number, b: number): number {
  let sum = 0;
  for (let i = a; i < b; i++) sum += points[i]!.score;
  return sum / (b - a);
}

/** Which observations enter: day- and month-precise ones (month at mid-month); a year is too vague to place. */
export function pivotSeries(points: PlacedObservation[]): PlacedObservation[] {
  return points.filter((p) => p.precision !== 'year');
}

/** Splits a series at silences longer than maxGapDays (e.g. a first-term remark years before the rest). */
export function splitAtGaps(series: PlacedObservation[], maxGapDays: number): PlacedObservation[][] {
  const runs: PlacedObservation[][] = [];
  for (const p of series) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && p.day - last.day <= maxGapDays) run.push(p);
    else runs.push([p]);
  }
  return runs;
}

/** Pivots of one actor's observations (already in time order). */
export function detectPivots(
  actor: string,
  points: PlacedObservation[],
  options: Partial<PivotOptions> = {},
): Pivot[] {
  const opts = { ...DEFAULT_PIVOT_OPTIONS, ...options };
  return splitAtGaps(pivotSeries(points), opts.maxGapDays).flatMap((run) => detectInRun(actor, run, opts));
}

function detectInRun(actor: string, series: PlacedObservation[], opts: PivotOptions): Pivot[] {
  const n = series.length;
  if (n < 2 * opts.minSegment) return [];
  const scores = series.map((p) => p.score);
  const sd = estimateNoiseSd(scores);
  const penalty = pivotPenalty(n, sd, opts.sensitivity);
  // No pivot between two observations of the same day: their order is arbitrary.
  let cuts = changePoints(scores, penalty, opts.minSegment, (k) => series[k]!.day !== series[k - 1]!.day);

  // Drop shifts too small to matter, smallest first, re-measuring the merged neighbours each time.
  for (;;) {
    const bounds = [0, ...cuts, n];
    let weakest = -1;
    let weakestSize = Infinity;
    for (let i = 1; i < bounds.length - 1; i++) {
      const size = Math.abs(
        meanOf(series, bounds[i]!, bounds[i + 1]!) - meanOf(series, bounds[i - 1]!, bounds[i]!),
      );
      if (size < opts.minDelta && size < weakestSize) {
        weakest = i - 1;
        weakestSize = size;
      }
    }
    if (weakest < 0) break;
    cuts = cuts.filter((_, i) => i !== weakest);
  }

  const bounds = [0, ...cuts, n];
  const pivots: Pivot[] = [];
  for (let i = 1; i < bounds.length - 1; i++) {
    const [a, k, b] = [bounds[i - 1]!, bounds[i]!, bounds[i + 1]!];
    const before = meanOf(series, a, k);
    const after = meanOf(series, k, b);
    const side = opts.evidencePerSide;
    const first = series[k]!;
    const from = Math.max(a, k - side);
    pivots.push({
      actor,
      date: first.obs.date,
      t: first.t,
      tBefore: series[k - 1]!.t,
      before,
      after,
      delta: after - before,
      nBefore: k - a,
      nAfter: b - k,
      evidence: series.slice(from, Math.min(b, k + side)).map((p) => p.id),
      evidenceSplit: k - from,
    });
  }
  return pivots;
}

/** Pivots of every actor of a view (its filtered observations per actor: filterByActor), largest shift first. */
export function detectViewPivots(
  byActor: Iterable<[string, PlacedObservation[]]>,
  options: Partial<PivotOptions> = {},
): Pivot[] {
  const out: Pivot[] = [];
  for (const [actor, points] of byActor) out.push(...detectPivots(actor, points, options));
  return rankPivots(out);
}

/** By size of the shift, then in time order, so the list reads the same on every run. */
export function rankPivots(pivots: Pivot[]): Pivot[] {
  return [...pivots].sort(
    (x, y) =>
      Math.abs(y.delta) - Math.abs(x.delta) ||
      x.t - y.t ||
      (x.actor < y.actor ? -1 : x.actor > y.actor ? 1 : 0),
  );
}
