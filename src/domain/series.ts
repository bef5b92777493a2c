import type { Actor, Confidence, Dataset, Kind, Observation } from './schema';
import { toDay, toTime } from './dates';

// The series engine: pure functions from (dataset, view) to what the chart, table, summary and
// exports draw. Cost is linear in the observations, paid once per filter change, never per render.

/** An observation with its position on the time axis, computed once per dataset. */
export interface PlacedObservation {
  obs: Observation;
  /** Time in ms (UTC) where it is drawn: the day, or the middle of its month/year. */
  t: number;
  /** Epoch day of t. */
  day: number;
  /** Only day-precise observations enter the day-level smoothed line. */
  dayPrecise: boolean;
  /** Position of the observation's theme in the dataset's theme list (-1 if undefined): filters test a flag, not a string. */
  themeIndex: number;
}

export interface DatasetIndex {
  dataset: Dataset;
  /** Theme ids in dataset order (PlacedObservation.themeIndex points here). */
  themeIds: string[];
  /** Per actor id, observations in time order. */
  byActor: Map<string, PlacedObservation[]>;
  actorById: Map<string, Actor>;
  /** First and last drawn time over the whole dataset. */
  extent: [number, number] | null;
}

const indexCache = new WeakMap<Dataset, DatasetIndex>();

/** Indexes observations by actor and places them in time; memoized per dataset object. */
export function indexDataset(dataset: Dataset): DatasetIndex {
  const cached = indexCache.get(dataset);
  if (cached) return cached;
  const byActor = new Map<string, PlacedObservation[]>();
  const themeIndex = new Map(dataset.themes.map((t, i) => [t.id, i]));
  let lo = Infinity;
  let hi = -Infinity;
  for (const obs of dataset.observations) {
    const t = toTime(obs.date, obs.datePrecision);
    const placed: PlacedObservation = {
      obs,
      t,
      day: toDay(t),
      dayPrecise: obs.datePrecision === 'day',
      themeIndex: themeIndex.get(obs.theme) ?? -1,
    };
    const list = byActor.get(obs.actor);
    if (list) list.push(placed);
    else byActor.set(obs.actor, [placed]);
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  // Stable by time, then id, so equal inputs always give equal outputs (worker and main thread alike).
  for (const list of byActor.values()) list.sort((a, b) => a.t - b.t || (a.obs.id < b.obs.id ? -1 : 1));
  const index: DatasetIndex = {
    dataset,
    themeIds: dataset.themes.map((t) => t.id),
    byActor,
    actorById: new Map(dataset.actors.map((a) => [a.id, a])),
    extent: lo <= hi ? [lo, hi] : null,
  };
  indexCache.set(dataset, index);
  return index;
}

export interface SeriesQuery {
  actors: string[] | null;
  themes: string[] | null;
  kind: 'both' | Kind;
  from: string | null;
  to: string | null;
  smooth: number;
  highConfidence: boolean;
  /** Weight observations by confidence in the line (high 1, medium ⅔, low ⅓). */
  weightByConfidence?: boolean;
}

export const CONFIDENCE_WEIGHT: Record<Confidence, number> = { high: 1, medium: 2 / 3, low: 1 / 3 };

export function dayBounds(query: Pick<SeriesQuery, 'from' | 'to'>): [number, number] {
  return [
    query.from ? Date.parse(`${query.from}T00:00:00Z`) : -Infinity,
    query.to ? Date.parse(`${query.to}T00:00:00Z`) : Infinity,
  ];
}

/** Does this observation pass every filter except the actor selection? (Hot: runs once per observation per change.) */
export function makeObservationFilter(
  index: DatasetIndex,
  query: SeriesQuery,
): (p: PlacedObservation) => boolean {
  const chosen = query.themes ? new Set(query.themes) : null;
  const themeOk = new Uint8Array(index.themeIds.length);
  index.themeIds.forEach((id, i) => (themeOk[i] = chosen === null || chosen.has(id) ? 1 : 0));
  const [lo, hi] = dayBounds(query);
  const kind = query.kind;
  const highOnly = query.highConfidence;
  return (p) =>
    p.t >= lo &&
    p.t <= hi &&
    (p.themeIndex >= 0 ? themeOk[p.themeIndex] === 1 : chosen === null) &&
    (kind === 'both' || p.obs.kind === kind) &&
    (!highOnly || p.obs.confidence === 'high');
}

export function selectedActorIds(index: DatasetIndex, actors: string[] | null): string[] {
  const all = index.dataset.actors.map((a) => a.id);
  if (actors === null) return all;
  const chosen = new Set(actors);
  return all.filter((id) => chosen.has(id));
}

/** Filtered observations per selected actor, in the dataset's actor order. */
export function filterByActor(index: DatasetIndex, query: SeriesQuery): Map<string, PlacedObservation[]> {
  const keep = makeObservationFilter(index, query);
  const out = new Map<string, PlacedObservation[]>();
  for (const id of selectedActorIds(index, query.actors)) {
    const list = index.byActor.get(id);
    if (!list) continue;
    const kept = list.filter(keep);
    if (kept.length) out.set(id, kept);
  }
  return out;
}

/**
 * First and last drawn time among the observations that pass the filters, without building the
 * filtered list: each actor's list is in time order, so scanning stops at the first match from each end.
 */
export function filteredTimeExtent(index: DatasetIndex, query: SeriesQuery): [number, number] | null {
  const keep = makeObservationFilter(index, query);
  let lo = Infinity;
  let hi = -Infinity;
  for (const id of selectedActorIds(index, query.actors)) {
    const list = index.byActor.get(id);
    if (!list) continue;
    for (let i = 0; i < list.length; i++) {
      if (list[i]!.t >= lo) break;
      if (keep(list[i]!)) {
        lo = list[i]!.t;
        break;
      }
    }
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i]!.t <= hi) break;
      if (keep(list[i]!)) {
        hi = list[i]!.t;
        break;
      }
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/** Every filtered observation, in time order (the table, CSV export and summary read this). */
export function filterObservations(index: DatasetIndex, query: SeriesQuery): PlacedObservation[] {
  return mergeByTime([...filterByActor(index, query).values()]);
}

export interface DayBucket {
  day: number;
  /** Sums over the day's observations of weight × score, weight, weight × score² and weight². */
  sum: number;
  weight: number;
  sumSq: number;
  weightSq: number;
  n: number;
}

/** Sums day-precise observations per day; input must be in time order. */
export function bucketByDay(points: PlacedObservation[], weightByConfidence = false): DayBucket[] {
  const out: DayBucket[] = [];
  for (const p of points) {
    if (!p.dayPrecise) continue;
    const w = weightByConfidence ? CONFIDENCE_WEIGHT[p.obs.confidence] : 1;
    const x = p.obs.score;
    const last = out[out.length - 1];
    if (last && last.day === p.day) {
      last.sum += w * x;
      last.weight += w;
      last.sumSq += w * x * x;
      last.weightSq += w * w;
      last.n += 1;
    } else {
      out.push({ day: p.day, sum: w * x, weight: w, sumSq: w * x * x, weightSq: w * w, n: 1 });
    }
  }
  return out;
}

export interface LinePoint {
  t: number;
  score: number;
  /** score ∓ one standard error of the (weighted) mean in the window; equal to score when n < 2. */
  lo: number;
  hi: number;
  /** Observations in the window. */
  n: number;
}

const DAY_MS = 86_400_000;

/**
 * Standard error of a weighted mean from running sums (reliability weights; with unit weights the
 * familiar s/√n). 0 when fewer than two observations or no spread.
 */
export function standardError(weight: number, sum: number, sumSq: number, weightSq: number): number {
  if (weight <= 0) return 0;
  const mean = sum / weight;
  const denom = weight - weightSq / weight;
  if (denom <= 1e-12) return 0;
  // Clamped: the running sums are subtracted as the window slides, so rounding can dip below zero.
  const variance = Math.max(0, (sumSq - weight * mean * mean) / denom);
  return Math.sqrt((variance * weightSq) / (weight * weight));
}

/**
 * Centred rolling mean: at each day that has observations, the (weighted) mean of all day-precise
 * observations within ±window/2 days inclusive, with ±1 standard error of that mean and the count.
 * Two pointers over running sums, so linear in the number of days and O(1) per point.
 * A window of 0 gives the plain daily mean.
 */
export function rollingMean(buckets: DayBucket[], windowDays: number): LinePoint[] {
  const half = windowDays / 2;
  const out = new Array<LinePoint>(buckets.length);
  let lo = 0;
  let hi = 0;
  let sum = 0;
  let weight = 0;
  let sumSq = 0;
  let weightSq = 0;
  let n = 0;
  for (let i = 0; i < buckets.length; i++) {
    const center = buckets[i]!.day;
    while (hi < buckets.length && buckets[hi]!.day <= center + half) {
      const b = buckets[hi]!;
      sum += b.sum;
      weight += b.weight;
      sumSq += b.sumSq;
      weightSq += b.weightSq;
      n += b.n;
      hi++;
    }
    while (buckets[lo]!.day < center - half) {
      const b = buckets[lo]!;
      sum -= b.sum;
      weight -= b.weight;
      sumSq -= b.sumSq;
      weightSq -= b.weightSq;
      n -= b.n;
      lo++;
    }
    const score = weight > 0 ? sum / weight : 0;
    const se = n >= 2 ? standardError(weight, sum, sumSq, weightSq) : 0;
    out[i] = { t: center * DAY_MS, score, lo: score - se, hi: score + se, n };
  }
  return out;
}

/**
 * Largest-Triangle-Three-Buckets downsampling to at most `threshold` points; keeps the first and
 * last point and, so no peak is lost from a briefing figure, the global highest and lowest.
 */
export function lttb(points: LinePoint[], threshold: number): LinePoint[] {
  const n = points.length;
  if (threshold >= n || threshold < 3) return points.slice();
  const sampled: number[] = [0];
  const every = (n - 2) / (threshold - 2);
  let a = 0;
  for (let i = 0; i < threshold - 2; i++) {
    const avgStart = Math.floor((i + 1) * every) + 1;
    const avgEnd = Math.min(Math.floor((i + 2) * every) + 1, n);
    let avgT = 0;
    let avgS = 0;
    for (let j = avgStart; j < avgEnd; j++) {
      avgT += points[j]!.t;
      avgS += points[j]!.score;
    }
    const len = Math.max(avgEnd - avgStart, 1);
    avgT /= len;
    avgS /= len;
    const rangeStart = Math.floor(i * every) + 1;
    const rangeEnd = Math.floor((i + 1) * every) + 1;
    const pa = points[a]!;
    let maxArea = -1;
    let chosen = rangeStart;
    for (let j = rangeStart; j < rangeEnd; j++) {
      const p = points[j]!;
      const area = Math.abs((pa.t - avgT) * (p.score - pa.score) - (pa.t - p.t) * (avgS - pa.score));
      if (area > maxArea) {
        maxArea = area;
        chosen = j;
      }
    }
    sampled.push(chosen);
    a = chosen;
  }
  sampled.push(n - 1);
  // Swap in the global extremes for the sampled point nearest to them (same bucket region).
  let iMax = 0;
  let iMin = 0;
  for (let j = 1; j < n; j++) {
    if (points[j]!.score > points[iMax]!.score) iMax = j;
    if (points[j]!.score < points[iMin]!.score) iMin = j;
  }
  for (const extreme of [iMax, iMin]) {
    if (sampled.includes(extreme)) continue;
    let nearest = 1;
    for (let k = 1; k < sampled.length - 1; k++) {
      if (Math.abs(sampled[k]! - extreme) < Math.abs(sampled[nearest]! - extreme)) nearest = k;
    }
    if (sampled.length > 2 && sampled[nearest] !== iMax && sampled[nearest] !== iMin)
      sampled[nearest] = extreme;
  }
  return [...new Set(sampled)].sort((x, y) => x - y).map((k) => points[k]!);
}

/** Days between consecutive line points beyond which the line is broken rather than bridged. */
export function lineGapDays(smooth: number): number {
  return Math.max(smooth, 30);
}

/**
 * The line cut into runs wherever two consecutive points are further apart than the gap: a curve
 * across months without data would suggest a trend nobody saw. Chart, export and CSV all use it.
 */
export function splitAtGaps<P extends { t: number }>(line: P[], smooth: number): P[][] {
  const gap = lineGapDays(smooth) * DAY_MS;
  const runs: P[][] = [];
  for (const p of line) {
    const run = runs[runs.length - 1];
    const prev = run?.[run.length - 1];
    if (run && prev && p.t - prev.t <= gap) run.push(p);
    else runs.push([p]);
  }
  return runs;
}

export interface ActorSeries {
  actor: Actor;
  /** Filtered observations, in time order (drawn as points). */
  points: PlacedObservation[];
  /** The smoothed, downsampled line. */
  line: LinePoint[];
}

export interface ViewSeries {
  series: ActorSeries[];
  /** All filtered observations, in time order. */
  observations: PlacedObservation[];
  /** Time range of the view: the filter bounds, else the filtered data's extent. */
  range: [number, number] | null;
}

export function buildViewSeries(index: DatasetIndex, query: SeriesQuery, maxLinePoints = 1000): ViewSeries {
  const perActor = filterByActor(index, query);
  const series: ActorSeries[] = [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const [id, points] of perActor) {
    const actor = index.actorById.get(id);
    if (!actor) continue;
    const line = lttb(
      rollingMean(bucketByDay(points, query.weightByConfidence), query.smooth),
      maxLinePoints,
    );
    series.push({ actor, points, line });
    lo = Math.min(lo, points[0]!.t);
    hi = Math.max(hi, points[points.length - 1]!.t);
  }
  const merged = mergeByTime(series.map((x) => x.points));
  const [fromT, toT] = dayBounds(query);
  const range: [number, number] | null =
    lo <= hi ? [Number.isFinite(fromT) ? fromT : lo, Number.isFinite(toT) ? toT : hi] : null;
  return { series, observations: merged, range };
}

const byTime = (a: PlacedObservation, b: PlacedObservation) => a.t - b.t || (a.obs.id < b.obs.id ? -1 : 1);

/** Merges lists already in time order, pairwise (log k linear passes) instead of sorting them all again. */
export function mergeByTime(lists: PlacedObservation[][]): PlacedObservation[] {
  if (lists.length === 0) return [];
  let runs = lists;
  while (runs.length > 1) {
    const next: PlacedObservation[][] = [];
    for (let i = 0; i < runs.length; i += 2) {
      const a = runs[i]!;
      const b = runs[i + 1];
      if (!b) {
        next.push(a);
        continue;
      }
      const out = new Array<PlacedObservation>(a.length + b.length);
      let x = 0;
      let y = 0;
      let k = 0;
      while (x < a.length && y < b.length) out[k++] = byTime(a[x]!, b[y]!) <= 0 ? a[x++]! : b[y++]!;
      while (x < a.length) out[k++] = a[x++]!;
      while (y < b.length) out[k++] = b[y++]!;
      next.push(out);
    }
    runs = next;
  }
  return runs[0]!.slice();
}

export interface ActorSummary {
  actor: Actor;
  n: number;
  mean: number;
  /** Mean of the last third of the range minus the first third; null if either third is empty. */
  change: number | null;
  firstMean: number | null;
  lastMean: number | null;
}

/** Per actor: mean score, count and the move between the first and last third of the range. */
export function summarize(view: ViewSeries): ActorSummary[] {
  if (!view.range) return [];
  const [lo, hi] = view.range;
  const third = (hi - lo) / 3;
  return view.series.map(({ actor, points }) => {
    // One pass: totals for the whole range and for its first and last thirds.
    let sum = 0;
    let firstSum = 0;
    let firstN = 0;
    let lastSum = 0;
    let lastN = 0;
    for (const p of points) {
      const score = p.obs.score;
      sum += score;
      if (p.t <= lo + third) {
        firstSum += score;
        firstN++;
      }
      if (p.t >= hi - third) {
        lastSum += score;
        lastN++;
      }
    }
    const firstMean = firstN ? firstSum / firstN : null;
    const lastMean = lastN ? lastSum / lastN : null;
    return {
      actor,
      n: points.length,
      mean: points.length ? sum / points.length : 0,
      firstMean,
      lastMean,
      change: third > 0 && firstMean !== null && lastMean !== null ? lastMean - firstMean : null,
    };
  });
}

/** "moved 1.8 points hawkish (↑)" — the summary's plain-words reading of a change. */
export function describeChange(
  change: number | null,
  negativeLabel = 'conciliatory',
  positiveLabel = 'hawkish',
): string {
  if (change === null) return 'not enough observations in both the first and last third to compare';
  const size = Math.abs(change).toFixed(1);
  if (Math.abs(change) < 0.05) return 'no change between the first and last third (→)';
  return change > 0
    ? `moved ${size} points ${positiveLabel.toLowerCase()} (↑) from the first to the last third`
    : `moved ${size} points ${negativeLabel.toLowerCase()} (↓) from the first to the last third`;
}
