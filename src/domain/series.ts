import type { Actor, Confidence, Kind } from './schema';
import { DAY_MS } from './dates';
import { CONFIDENCES, confidenceCode, kindCode, precisionCode } from './columns';
import { actorCells, firstCellFrom, GROUPS_PER_THEME, groupOf } from './aggregates';
import type { DatasetIndex, PlacedObservation } from './dataset-index';

// The series engine: pure functions from (dataset index, filters) to what the chart, table, summary and
// exports draw. A filter change combines per-actor aggregates (src/domain/aggregates.ts); observations
// are picked out only for what is shown one by one (markers, table rows, exports).

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

/** As a line's point limit: keep every point (the series CSV writes every smoothed day). */
export const ALL_POINTS = Number.MAX_SAFE_INTEGER;

export const CONFIDENCE_WEIGHT: Record<Confidence, number> = { high: 1, medium: 2 / 3, low: 1 / 3 };
const WEIGHT_BY_CODE = CONFIDENCES.map((c) => CONFIDENCE_WEIGHT[c]);

export function dayBounds(query: Pick<SeriesQuery, 'from' | 'to'>): [number, number] {
  return [
    query.from ? Date.parse(`${query.from}T00:00:00Z`) : -Infinity,
    query.to ? Date.parse(`${query.to}T00:00:00Z`) : Infinity,
  ];
}

/** A query turned into flags: which (theme, kind, confidence) groups pass, and the days in range. */
interface CompiledFilter {
  groupOk: Uint8Array;
  fromDay: number;
  toDay: number;
}

function compile(index: DatasetIndex, query: SeriesQuery): CompiledFilter {
  const themes = query.themes ? new Set(query.themes) : null;
  const groupOk = new Uint8Array(index.themeIds.length * GROUPS_PER_THEME);
  index.themeIds.forEach((id, theme) => {
    if (themes && !themes.has(id)) return;
    for (let kind = 0; kind < 2; kind++) {
      if (query.kind !== 'both' && (query.kind === 'action') !== (kind === 1)) continue;
      for (let conf = 0; conf < 3; conf++) {
        if (query.highConfidence && conf !== 0) continue;
        groupOk[groupOf(theme, kind, conf)] = 1;
      }
    }
  });
  const [lo, hi] = dayBounds(query);
  return { groupOk, fromDay: Math.ceil(lo / DAY_MS), toDay: Math.floor(hi / DAY_MS) };
}

function rowPasses(index: DatasetIndex, f: CompiledFilter, row: number): boolean {
  const c = index.columns;
  const d = c.day[row]!;
  if (d < f.fromDay || d > f.toDay) return false;
  const flags = c.flags[row]!;
  return f.groupOk[groupOf(c.theme[row]!, kindCode(flags), confidenceCode(flags))] === 1;
}

/** Rows of actor `a` that pass the filter, in time order. */
function filteredActorRows(index: DatasetIndex, a: number, f: CompiledFilter): Int32Array {
  const rows = index.rowsOf(a);
  const out = new Int32Array(rows.length);
  let k = 0;
  for (const r of rows) if (rowPasses(index, f, r)) out[k++] = r;
  return out.slice(0, k);
}

/** Actor ids the filter selects, in the dataset's order. */
export function selectedActorIds(index: DatasetIndex, actors: string[] | null): string[] {
  if (actors === null) return index.actorIds.slice();
  const chosen = new Set(actors);
  return index.actorIds.filter((id) => chosen.has(id));
}

/** Filtered observations per selected actor that has any, in the dataset's actor order. */
export function filterByActor(index: DatasetIndex, query: SeriesQuery): Map<string, PlacedObservation[]> {
  const f = compile(index, query);
  const out = new Map<string, PlacedObservation[]>();
  for (const id of selectedActorIds(index, query.actors)) {
    const rows = filteredActorRows(index, index.actorNumber.get(id)!, f);
    if (rows.length)
      out.set(
        id,
        Array.from(rows, (r) => index.placed(r)),
      );
  }
  return out;
}

/** Row numbers of every filtered observation, in time order (rows are stored in time order). */
export function filteredRows(index: DatasetIndex, query: SeriesQuery): Int32Array {
  const f = compile(index, query);
  const parts = selectedActorIds(index, query.actors).map((id) =>
    filteredActorRows(index, index.actorNumber.get(id)!, f),
  );
  const out = new Int32Array(parts.reduce((n, p) => n + p.length, 0));
  let k = 0;
  for (const p of parts) {
    out.set(p, k);
    k += p.length;
  }
  return parts.length > 1 ? out.sort() : out;
}

/** Per selected actor: its rows in time order and the filter's test; the table walks these lazily. */
export function filteredRowCursors(
  index: DatasetIndex,
  query: SeriesQuery,
): { rows: Int32Array; passes: (row: number) => boolean }[] {
  const f = compile(index, query);
  const passes = (row: number) => rowPasses(index, f, row);
  return selectedActorIds(index, query.actors).map((id) => ({
    rows: index.rowsOf(index.actorNumber.get(id)!),
    passes,
  }));
}

/** How many observations pass the filters, from the aggregates (no observation is visited). */
export function filteredCount(index: DatasetIndex, query: SeriesQuery): number {
  const f = compile(index, query);
  let n = 0;
  for (const id of selectedActorIds(index, query.actors)) {
    const cells = actorCells(index, index.actorNumber.get(id)!);
    for (let i = firstCellFrom(cells, f.fromDay); i < cells.day.length && cells.day[i]! <= f.toDay; i++)
      if (f.groupOk[cells.key[i]! >> 1]) n += cells.n[i]!;
  }
  return n;
}

/** Every filtered observation, in time order (the table, CSV export and summary read this). */
export function filterObservations(index: DatasetIndex, query: SeriesQuery): PlacedObservation[] {
  return Array.from(filteredRows(index, query), (r) => index.placed(r));
}

/** First and last drawn time among the observations that pass the filters, from the aggregates. */
export function filteredTimeExtent(index: DatasetIndex, query: SeriesQuery): [number, number] | null {
  const f = compile(index, query);
  let lo = Infinity;
  let hi = -Infinity;
  for (const id of selectedActorIds(index, query.actors)) {
    const cells = actorCells(index, index.actorNumber.get(id)!);
    const start = firstCellFrom(cells, f.fromDay);
    for (let i = start; i < cells.day.length && cells.day[i]! <= f.toDay; i++) {
      if (f.groupOk[cells.key[i]! >> 1]) {
        lo = Math.min(lo, cells.day[i]!);
        break;
      }
    }
    for (let i = firstCellFrom(cells, f.toDay + 1) - 1; i >= start; i--) {
      if (f.groupOk[cells.key[i]! >> 1]) {
        hi = Math.max(hi, cells.day[i]!);
        break;
      }
    }
  }
  return lo <= hi ? [lo * DAY_MS, hi * DAY_MS] : null;
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

/** Sums day-precise observations per day; input must be in time order. (The reference the aggregates are tested against.) */
export function bucketByDay(points: PlacedObservation[], weightByConfidence = false): DayBucket[] {
  const out: DayBucket[] = [];
  for (const p of points) {
    if (!p.dayPrecise) continue;
    const w = weightByConfidence ? CONFIDENCE_WEIGHT[p.confidence] : 1;
    const x = p.score;
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
export function lttb<P extends { t: number; score: number }>(points: P[], threshold: number): P[] {
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

/** Per day with filtered observations (any date precision): the day, their count and score sum. */
export interface DailyTotals {
  day: Int32Array;
  n: Float64Array;
  sum: Float64Array;
}

export interface ActorSeries {
  actor: Actor;
  /** Filtered observations of this actor (every date precision). */
  count: number;
  /** Drawn time of the first and last of them. */
  first: number;
  last: number;
  daily: DailyTotals;
  /** The smoothed, downsampled line. */
  line: LinePoint[];
  /** The filtered observations in time order (the markers); picked out the first time they are read. */
  readonly points: PlacedObservation[];
  /** The same markers' places as columns, read without an object each (dense charts); the first time read. */
  readonly marks: MarkerColumns;
}

/** Where and how each marker of a series is drawn, in the order of its `points`. */
export interface MarkerColumns {
  t: Float64Array;
  day: Int32Array;
  score: Float64Array;
  /** The confidence's place in CONFIDENCES (high 0, medium 1, low 2), plus 3 when not dated to the day. */
  look: Uint8Array;
}

class EngineSeries implements ActorSeries {
  private rowList: Int32Array | null = null;
  private picked: PlacedObservation[] | null = null;
  private columns: MarkerColumns | null = null;
  constructor(
    readonly actor: Actor,
    readonly count: number,
    readonly first: number,
    readonly last: number,
    readonly daily: DailyTotals,
    readonly line: LinePoint[],
    private readonly index: DatasetIndex,
    private readonly pickRows: () => Int32Array,
  ) {}
  private get rows(): Int32Array {
    this.rowList ??= this.pickRows();
    return this.rowList;
  }
  get points(): PlacedObservation[] {
    this.picked ??= Array.from(this.rows, (r) => this.index.placed(r));
    return this.picked;
  }
  get marks(): MarkerColumns {
    if (this.columns) return this.columns;
    const rows = this.rows;
    const c = this.index.columns;
    const n = rows.length;
    const out: MarkerColumns = {
      t: new Float64Array(n),
      day: new Int32Array(n),
      score: new Float64Array(n),
      look: new Uint8Array(n),
    };
    for (let j = 0; j < n; j++) {
      const r = rows[j]!;
      const day = c.day[r]!;
      const flags = c.flags[r]!;
      out.day[j] = day;
      out.t[j] = day * DAY_MS;
      out.score[j] = c.score[r]!;
      out.look[j] = confidenceCode(flags) + (precisionCode(flags) === 0 ? 0 : 3);
    }
    this.columns = out;
    return out;
  }
}

export interface ViewSeries {
  series: ActorSeries[];
  /** Filtered observations over every selected actor. */
  count: number;
  /** Time range of the view: the filter bounds, else the filtered data's extent. */
  range: [number, number] | null;
  /** All filtered observations, in time order; picked out the first time they are read. */
  readonly observations: PlacedObservation[];
}

class EngineView implements ViewSeries {
  private merged: PlacedObservation[] | null = null;
  constructor(
    readonly series: ActorSeries[],
    readonly count: number,
    readonly range: [number, number] | null,
    private readonly pick: () => PlacedObservation[],
  ) {}
  get observations(): PlacedObservation[] {
    this.merged ??= this.pick();
    return this.merged;
  }
}

/** The last series built per index and actor, reused when a filter change leaves the actor's data as it was. */
const lastSeries = new WeakMap<DatasetIndex, Map<number, { key: string; series: ActorSeries }>>();

function actorSeries(
  index: DatasetIndex,
  a: number,
  f: CompiledFilter,
  query: SeriesQuery,
  maxLinePoints: number,
): ActorSeries | null {
  const cells = actorCells(index, a);
  const m = cells.day.length;
  if (m === 0) return null;
  const fromDay = Math.max(f.fromDay, cells.day[0]!);
  const toDay = Math.min(f.toDay, cells.day[m - 1]!);
  // What this actor's data depends on: the groups it has that pass, and the range over its days.
  let key = `${fromDay}|${toDay}|${query.smooth}|${query.weightByConfidence ? 1 : 0}|${maxLinePoints}|`;
  for (const g of cells.groups) key += f.groupOk[g] ? '1' : '0';
  let memo = lastSeries.get(index);
  if (!memo) {
    memo = new Map();
    lastSeries.set(index, memo);
  }
  const hit = memo.get(a);
  if (hit && hit.key === key) return hit.series.count ? hit.series : null;

  const weighted = query.weightByConfidence === true;
  const days: number[] = [];
  const dayN: number[] = [];
  const daySum: number[] = [];
  const buckets: DayBucket[] = [];
  let count = 0;
  for (let i = firstCellFrom(cells, fromDay); i < m && cells.day[i]! <= toDay; i++) {
    const k = cells.key[i]!;
    const g = k >> 1;
    if (!f.groupOk[g]) continue;
    const d = cells.day[i]!;
    const n = cells.n[i]!;
    const s = cells.sum[i]!;
    count += n;
    if (days[days.length - 1] === d) {
      dayN[dayN.length - 1]! += n;
      daySum[daySum.length - 1]! += s;
    } else {
      days.push(d);
      dayN.push(n);
      daySum.push(s);
    }
    if ((k & 1) === 0) continue;
    const w = weighted ? WEIGHT_BY_CODE[g % 3]! : 1;
    const last = buckets[buckets.length - 1];
    if (last && last.day === d) {
      last.sum += w * s;
      last.weight += w * n;
      last.sumSq += w * cells.sumSq[i]!;
      last.weightSq += w * w * n;
      last.n += n;
    } else {
      buckets.push({ day: d, sum: w * s, weight: w * n, sumSq: w * cells.sumSq[i]!, weightSq: w * w * n, n });
    }
  }
  const actor = index.actors[a]!;
  const series = new EngineSeries(
    actor,
    count,
    count ? days[0]! * DAY_MS : NaN,
    count ? days[days.length - 1]! * DAY_MS : NaN,
    { day: Int32Array.from(days), n: Float64Array.from(dayN), sum: Float64Array.from(daySum) },
    lttb(rollingMean(buckets, query.smooth), maxLinePoints),
    index,
    () => filteredActorRows(index, a, f),
  );
  memo.set(a, { key, series });
  return count ? series : null;
}

/** Lines, counts and daily totals per selected actor with data, and the view's range. */
export function buildViewSeries(index: DatasetIndex, query: SeriesQuery, maxLinePoints = 1000): ViewSeries {
  const f = compile(index, query);
  const series: ActorSeries[] = [];
  let lo = Infinity;
  let hi = -Infinity;
  let count = 0;
  for (const id of selectedActorIds(index, query.actors)) {
    const s = actorSeries(index, index.actorNumber.get(id)!, f, query, maxLinePoints);
    if (!s) continue;
    series.push(s);
    count += s.count;
    lo = Math.min(lo, s.first);
    hi = Math.max(hi, s.last);
  }
  const [fromT, toT] = dayBounds(query);
  const range: [number, number] | null =
    lo <= hi ? [Number.isFinite(fromT) ? fromT : lo, Number.isFinite(toT) ? toT : hi] : null;
  return new EngineView(series, count, range, () => filterObservations(index, query));
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
export function summarize(view: Pick<ViewSeries, 'series' | 'range'>): ActorSummary[] {
  if (!view.range) return [];
  const [lo, hi] = view.range;
  const third = (hi - lo) / 3;
  return view.series.map(({ actor, daily }) => {
    // One pass over the days: totals for the whole range and for its first and last thirds.
    let n = 0;
    let sum = 0;
    let firstSum = 0;
    let firstN = 0;
    let lastSum = 0;
    let lastN = 0;
    for (let i = 0; i < daily.day.length; i++) {
      const t = daily.day[i]! * DAY_MS;
      const dn = daily.n[i]!;
      const ds = daily.sum[i]!;
      n += dn;
      sum += ds;
      if (t <= lo + third) {
        firstSum += ds;
        firstN += dn;
      }
      if (t >= hi - third) {
        lastSum += ds;
        lastN += dn;
      }
    }
    const firstMean = firstN ? firstSum / firstN : null;
    const lastMean = lastN ? lastSum / lastN : null;
    return {
      actor,
      n,
      mean: n ? sum / n : 0,
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
