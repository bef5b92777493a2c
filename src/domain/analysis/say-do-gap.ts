import type { PlacedObservation } from '../dataset-index';
import { CONFIDENCE_WEIGHT } from '../series';
import { DAY_MS } from '../dates';

// Say–do gap: an actor's words (statements) and deeds (actions) as two smoothed series on one shared
// grid of days, and the gap between them (statement − action). Explained for users in docs/analysis.md.

export interface GapOptions {
  /** Width of the centred window each smoothed value averages over (days). */
  windowDays: number;
  /** Spacing of the shared grid (days). */
  stepDays: number;
  /** Gaps smaller than this (points) count as words and deeds agreeing. */
  agreeWithin: number;
  weightByConfidence: boolean;
}

export const DEFAULT_GAP_OPTIONS: GapOptions = {
  windowDays: 60,
  stepDays: 7,
  agreeWithin: 0.25,
  weightByConfidence: false,
};

export interface GapPoint {
  t: number;
  statement: number | null;
  action: number | null;
  /** statement − action where both are defined: > 0 words more hawkish than deeds, < 0 more conciliatory. */
  gap: number | null;
}

export interface GapStretch {
  from: number;
  to: number;
  /** Mean gap over the stretch. */
  gap: number;
}

export interface SayDoGap {
  actor: string;
  nStatements: number;
  nActions: number;
  points: GapPoint[];
  /** The longest-and-widest run of one sign: the stretch the reading describes. */
  stretch: GapStretch | null;
  reading: string;
}

/** Smoothed value of `points` at `day`: (weighted) mean of those within ±half days, or null. */
function windowMean(
  points: PlacedObservation[],
  day: number,
  half: number,
  weighted: boolean,
): number | null {
  // Binary search for the first point inside the window; the list is in time order.
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.day < day - half) lo = mid + 1;
    else hi = mid;
  }
  let sum = 0;
  let weight = 0;
  for (let i = lo; i < points.length; i++) {
    const p = points[i]!;
    if (p.day > day + half) break;
    const w = weighted ? CONFIDENCE_WEIGHT[p.confidence] : 1;
    sum += w * p.score;
    weight += w;
  }
  return weight > 0 ? sum / weight : null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Feb–Mar 2025", "Dec 2024–Jan 2025", "Jul 2025". */
export function formatMonthSpan(from: number, to: number): string {
  const a = new Date(from);
  const b = new Date(to);
  const [ay, am, by, bm] = [a.getUTCFullYear(), a.getUTCMonth(), b.getUTCFullYear(), b.getUTCMonth()];
  if (ay === by && am === bm) return `${MONTHS[am]} ${ay}`;
  if (ay === by) return `${MONTHS[am]}–${MONTHS[bm]} ${ay}`;
  return `${MONTHS[am]} ${ay}–${MONTHS[bm]} ${by}`;
}

/** The plain-words reading of a gap stretch, in the dataset's own scale labels. */
export function describeGap(
  gap: SayDoGap,
  negativeLabel = 'Conciliatory',
  positiveLabel = 'Hawkish',
  opts: Pick<GapOptions, 'windowDays'> = DEFAULT_GAP_OPTIONS,
): string {
  if (gap.nStatements === 0 || gap.nActions === 0) {
    return gap.nStatements === 0 && gap.nActions === 0
      ? 'No observations to compare.'
      : `Only ${gap.nStatements === 0 ? 'deeds (actions)' : 'words (statements)'} on record: nothing to compare.`;
  }
  const defined = gap.points.filter((p) => p.gap !== null);
  if (defined.length === 0) {
    return `Words and deeds never fall within ${opts.windowDays} days of each other: nothing to compare.`;
  }
  if (!gap.stretch) {
    return `Words and deeds agree within ${DEFAULT_GAP_OPTIONS.agreeWithin} points, ${formatMonthSpan(defined[0]!.t, defined[defined.length - 1]!.t)}.`;
  }
  const { gap: g, from, to } = gap.stretch;
  const label = (g < 0 ? negativeLabel : positiveLabel).toLowerCase();
  return `Words more ${label} than deeds by ${Math.abs(g).toFixed(1)} points, ${formatMonthSpan(from, to)}.`;
}

/** Words vs deeds for one actor's observations (in time order); year-precision ones are too vague to place. */
export function sayDoGap(
  actor: string,
  observations: PlacedObservation[],
  options: Partial<GapOptions> = {},
  labels: { negative?: string; positive?: string } = {},
): SayDoGap {
  const opts = { ...DEFAULT_GAP_OPTIONS, ...options };
  const placed = observations.filter((p) => p.precision !== 'year');
  const statements = placed.filter((p) => p.kind === 'statement');
  const actions = placed.filter((p) => p.kind === 'action');
  const points: GapPoint[] = [];
  if (statements.length && actions.length) {
    const half = opts.windowDays / 2;
    const step = Math.max(1, Math.round(opts.stepDays));
    // Only where the two kinds overlap (within half a window) can they be compared; the grid spans that.
    const first = Math.max(placed[0]!.day, Math.max(statements[0]!.day, actions[0]!.day) - Math.floor(half));
    const last = Math.min(
      placed[placed.length - 1]!.day,
      Math.min(statements[statements.length - 1]!.day, actions[actions.length - 1]!.day) + Math.floor(half),
    );
    for (let day = first; first <= last && day <= last + step - 1; day += step) {
      const d = Math.min(day, last);
      const statement = windowMean(statements, d, half, opts.weightByConfidence);
      const action = windowMean(actions, d, half, opts.weightByConfidence);
      points.push({
        t: d * DAY_MS,
        statement,
        action,
        gap: statement !== null && action !== null ? statement - action : null,
      });
      if (d === last) break;
    }
  }
  const result: SayDoGap = {
    actor,
    nStatements: statements.length,
    nActions: actions.length,
    points,
    stretch: largestStretch(points, opts.agreeWithin),
    reading: '',
  };
  result.reading = describeGap(result, labels.negative, labels.positive, opts);
  return result;
}

/**
 * The run of consecutive grid points where the gap keeps one sign beyond `agreeWithin` and whose
 * summed |gap| is largest — a long moderate gap outweighs a one-week spike.
 */
export function largestStretch(points: GapPoint[], agreeWithin: number): GapStretch | null {
  let best: { from: number; to: number; sum: number; n: number } | null = null;
  let run: { from: number; to: number; sum: number; n: number; sign: number } | null = null;
  const close = () => {
    if (run && (!best || Math.abs(run.sum) > Math.abs(best.sum))) best = { ...run };
    run = null;
  };
  for (const p of points) {
    const sign = p.gap === null || Math.abs(p.gap) < agreeWithin ? 0 : Math.sign(p.gap);
    if (sign === 0) {
      close();
      continue;
    }
    if (run && run.sign !== sign) close();
    if (!run) run = { from: p.t, to: p.t, sum: 0, n: 0, sign };
    run.to = p.t;
    run.sum += p.gap!;
    run.n += 1;
  }
  close();
  const found = best as { from: number; to: number; sum: number; n: number } | null;
  return found ? { from: found.from, to: found.to, gap: found.sum / found.n } : null;
}
