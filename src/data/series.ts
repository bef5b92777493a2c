import type { Actor, Confidence, Dataset, Kind, Observation } from './schema';
import { toDay, toTime } from '../lib/dates';

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
}

export interface DatasetIndex {
  dataset: Dataset;
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
  let lo = Infinity;
  let hi = -Infinity;
  for (const obs of dataset.observations) {
    const t = toTime(obs.date, obs.datePrecision);
    const placed: PlacedObservation = { obs, t, day: toDay(t), dayPrecise: obs.datePrecision === 'day' };
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

/** Does this observation pass every filter except the actor selection? */
export function makeObservationFilter(query: SeriesQuery): (p: PlacedObservation) => boolean {
  const themes = query.themes ? new Set(query.themes) : null;
  const [lo, hi] = dayBounds(query);
  return (p) =>
    (themes === null || themes.has(p.obs.theme)) &&
    (query.kind === 'both' || p.obs.kind === query.kind) &&
    (!query.highConfidence || p.obs.confidence === 'high') &&
    p.t >= lo &&
    p.t <= hi;
}

export function selectedActorIds(index: DatasetIndex, actors: string[] | null): string[] {
  const all = index.dataset.actors.map((a) => a.id);
  if (actors === null) return all;
  const chosen = new Set(actors);
  return all.filter((id) => chosen.has(id));
}

/** Filtered observations per selected actor, in the dataset's actor order. */
export function filterByActor(index: DatasetIndex, query: SeriesQuery): Map<string, PlacedObservation[]> {
  const keep = makeObservationFilter(query);
  const out = new Map<string, PlacedObservation[]>();
  for (const id of selectedActorIds(index, query.actors)) {
    const list = index.byActor.get(id);
    if (!list) continue;
    const kept = list.filter(keep);
    if (kept.length) out.set(id, kept);
  }
  return out;
}

/** Every filtered observation, in time order (the table, CSV export and summary read this). */
export function filterObservations(index: DatasetIndex, query: SeriesQuery): PlacedObservation[] {
  const all: PlacedObservation[] = [];
  for (const list of filterByActor(index, query).values()) all.push(...list);
  return all.sort((a, b) => a.t - b.t || (a.obs.id < b.obs.id ? -1 : 1));
}

export interface DayBucket {
  day: number;
  /** Sum of weight × score and of weights for the day. */
  sum: number;
  weight: number;
  n: number;
}

/** Sums day-precise observations per day; input must be in time order. */
export function bucketByDay(points: PlacedObservation[], weightByConfidence = false): DayBucket[] {
  const out: DayBucket[] = [];
  for (const p of points) {
    if (!p.dayPrecise) continue;
    const w = weightByConfidence ? CONFIDENCE_WEIGHT[p.obs.confidence] : 1;
    const last = out[out.length - 1];
    if (last && last.day === p.day) {
      last.sum += w * p.obs.score;
      last.weight += w;
      last.n += 1;
    } else {
      out.push({ day: p.day, sum: w * p.obs.score, weight: w, n: 1 });
    }
  }
  return out;
}

export interface LinePoint {
  t: number;
  score: number;
}

const DAY_MS = 86_400_000;

/**
 * Centred rolling mean: at each day that has observations, the (weighted) mean of all day-precise
 * observations within ±window/2 days inclusive. Two pointers, so linear in the number of days.
 * A window of 0 gives the plain daily mean.
 */
export function rollingMean(buckets: DayBucket[], windowDays: number): LinePoint[] {
  const half = windowDays / 2;
  const out: LinePoint[] = new Array(buckets.length);
  let lo = 0;
  let hi = 0;
  let sum = 0;
  let weight = 0;
  for (let i = 0; i < buckets.length; i++) {
    const center = buckets[i]!.day;
    while (hi < buckets.length && buckets[hi]!.day <= center + half) {
      sum += buckets[hi]!.sum;
      weight += buckets[hi]!.weight;
      hi++;
    }
    while (buckets[lo]!.day < center - half) {
      sum -= buckets[lo]!.sum;
      weight -= buckets[lo]!.weight;
      lo++;
    }
    out[i] = { t: center * DAY_MS, score: weight > 0 ? sum / weight : 0 };
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
    if (sampled.length > 2 && sampled[nearest] !== iMax && sampled[nearest] !== iMin) sampled[nearest] = extreme;
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
export function splitAtGaps(line: LinePoint[], smooth: number): LinePoint[][] {
  const gap = lineGapDays(smooth) * DAY_MS;
  const runs: LinePoint[][] = [];
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
  const observations: PlacedObservation[] = [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const [id, points] of perActor) {
    const actor = index.actorById.get(id);
    if (!actor) continue;
    const line = lttb(rollingMean(bucketByDay(points, query.weightByConfidence), query.smooth), maxLinePoints);
    series.push({ actor, points, line });
    observations.push(...points);
    lo = Math.min(lo, points[0]!.t);
    hi = Math.max(hi, points[points.length - 1]!.t);
  }
  observations.sort((a, b) => a.t - b.t || (a.obs.id < b.obs.id ? -1 : 1));
  const [fromT, toT] = dayBounds(query);
  const range: [number, number] | null =
    lo <= hi ? [Number.isFinite(fromT) ? fromT : lo, Number.isFinite(toT) ? toT : hi] : null;
  return { series, observations, range };
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

function mean(values: number[]): number | null {
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
}

/** Per actor: mean score, count and the move between the first and last third of the range. */
export function summarize(view: ViewSeries): ActorSummary[] {
  if (!view.range) return [];
  const [lo, hi] = view.range;
  const third = (hi - lo) / 3;
  return view.series.map(({ actor, points }) => {
    const scores = points.map((p) => p.obs.score);
    const firstMean = mean(points.filter((p) => p.t <= lo + third).map((p) => p.obs.score));
    const lastMean = mean(points.filter((p) => p.t >= hi - third).map((p) => p.obs.score));
    return {
      actor,
      n: points.length,
      mean: mean(scores) ?? 0,
      firstMean,
      lastMean,
      change: third > 0 && firstMean !== null && lastMean !== null ? lastMean - firstMean : null,
    };
  });
}

/** "moved 1.8 points hawkish (↑)" — the summary's plain-words reading of a change. */
export function describeChange(change: number | null, negativeLabel = 'conciliatory', positiveLabel = 'hawkish'): string {
  if (change === null) return 'not enough observations in both the first and last third to compare';
  const size = Math.abs(change).toFixed(1);
  if (Math.abs(change) < 0.05) return 'no change between the first and last third (→)';
  return change > 0
    ? `moved ${size} points ${positiveLabel.toLowerCase()} (↑) from the first to the last third`
    : `moved ${size} points ${negativeLabel.toLowerCase()} (↓) from the first to the last third`;
}

export function timeExtent(series: { line: LinePoint[]; points: PlacedObservation[] }[]): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    for (const p of s.points) {
      if (p.t < lo) lo = p.t;
      if (p.t > hi) hi = p.t;
    }
  }
  return lo <= hi ? [lo, hi] : null;
}
