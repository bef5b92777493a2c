import type { Actor } from '../schema';
import type { PlacedObservation } from '../dataset-index';
import { CONFIDENCE_WEIGHT } from '../series';
import { DAY_MS } from '../dates';

// Alignment: who moved together. Each actor's smoothed series is sampled at the middle of common
// weekly or monthly bins; two actors are compared by Pearson correlation over the bins where both
// have a value. Explained for users in docs/analysis.md.

export type AlignmentBin = 'week' | 'month';

export interface AlignmentOptions {
  bin: AlignmentBin;
  /** Width of the centred window each sampled value averages over (days). */
  windowDays: number;
  /** Fewest shared bins for a correlation to be given. */
  minShared: number;
  weightByConfidence: boolean;
}

export const DEFAULT_ALIGNMENT_OPTIONS: AlignmentOptions = {
  bin: 'month',
  windowDays: 60,
  minShared: 6,
  weightByConfidence: false,
};

export type AlignmentCell =
  | { status: 'ok'; r: number; shared: number }
  | { status: 'not-enough-data'; shared: number }
  /** One of the two series never moves over the shared bins, so correlation is undefined. */
  | { status: 'flat'; shared: number }
  | { status: 'self' };

export interface AlignmentMatrix {
  actors: Actor[];
  /** cells[i][j] compares actors[i] with actors[j]; symmetric. */
  cells: AlignmentCell[][];
  bin: AlignmentBin;
  minShared: number;
}

/** Bin key → the bin's middle day: mid-week from Monday-aligned weeks, or the 15th of a month. */
export function binCenters([lo, hi]: [number, number], bin: AlignmentBin): number[] {
  const out: number[] = [];
  if (bin === 'month') {
    const a = new Date(lo);
    let y = a.getUTCFullYear();
    let m = a.getUTCMonth();
    for (;;) {
      const t = Date.UTC(y, m, 15);
      const start = Date.UTC(y, m, 1);
      if (start > hi) break;
      out.push(Math.floor(t / DAY_MS));
      m += 1;
      if (m === 12) {
        m = 0;
        y += 1;
      }
    }
    return out;
  }
  // Epoch day 4 (1970-01-05) is a Monday; a week's middle is its Thursday.
  const loDay = Math.floor(lo / DAY_MS);
  const firstMonday = loDay - ((((loDay - 4) % 7) + 7) % 7);
  for (let d = firstMonday; d * DAY_MS <= hi; d += 7) out.push(d + 3);
  return out;
}

/** The actor's smoothed score at each bin centre (null where nothing falls within the window). */
export function sampleSeries(
  points: PlacedObservation[],
  centers: number[],
  windowDays: number,
  weightByConfidence = false,
): (number | null)[] {
  const placed = points.filter((p) => p.precision !== 'year');
  const half = windowDays / 2;
  let lo = 0;
  return centers.map((c) => {
    while (lo < placed.length && placed[lo]!.day < c - half) lo++;
    let sum = 0;
    let weight = 0;
    for (let i = lo; i < placed.length && placed[i]!.day <= c + half; i++) {
      const p = placed[i]!;
      const w = weightByConfidence ? CONFIDENCE_WEIGHT[p.confidence] : 1;
      sum += w * p.score;
      weight += w;
    }
    return weight > 0 ? sum / weight : null;
  });
}

/** Pearson correlation over the positions where both have a value. */
export function correlate(a: (number | null)[], b: (number | null)[], minShared: number): AlignmentCell {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === null || x === undefined || y === null || y === undefined) continue;
    xs.push(x);
    ys.push(y);
  }
  const n = xs.length;
  if (n < minShared) return { status: 'not-enough-data', shared: n };
  const mx = xs.reduce((s, v) => s + v, 0) / n;
  const my = ys.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  // Below this the series is constant up to floating-point noise.
  if (sxx < 1e-9 || syy < 1e-9) return { status: 'flat', shared: n };
  return { status: 'ok', r: Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))), shared: n };
}

/** Pairwise alignment of the given actors' observations over `range`. */
export function alignmentMatrix(
  actors: Actor[],
  byActor: Pick<ReadonlyMap<string, PlacedObservation[]>, 'get'>,
  range: [number, number] | null,
  options: Partial<AlignmentOptions> = {},
): AlignmentMatrix {
  const opts = { ...DEFAULT_ALIGNMENT_OPTIONS, ...options };
  const centers = range ? binCenters(range, opts.bin) : [];
  const samples = actors.map((a) =>
    sampleSeries(byActor.get(a.id) ?? [], centers, opts.windowDays, opts.weightByConfidence),
  );
  const cells = actors.map((_, i) =>
    actors.map((__, j): AlignmentCell =>
      i === j ? { status: 'self' } : correlate(samples[i]!, samples[j]!, opts.minShared),
    ),
  );
  return { actors, cells, bin: opts.bin, minShared: opts.minShared };
}

/** "moved together", "diverged", … — the words beside a correlation. */
export function describeCorrelation(r: number): string {
  const a = Math.abs(r);
  if (a < 0.3) return 'little relation';
  if (r > 0) return a >= 0.7 ? 'moved together' : 'moved somewhat together';
  return a >= 0.7 ? 'moved in opposite directions' : 'moved somewhat apart';
}
