import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeAnalysisDataset, makeObservations, type ObsSpec } from '../../mocks/fixtures/analysis-dataset';
import { parseDataset } from '../../src/data/fetch-dataset';
import type { Dataset } from '../../src/domain/schema';
import { indexDataset, type PlacedObservation } from '../../src/domain/dataset-index';
import { filterByActor } from '../../src/domain/series';
import {
  SENSITIVITIES,
  changePoints,
  detectPivots,
  detectViewPivots,
  estimateNoiseSd,
  rankPivots,
  type Pivot,
} from '../../src/domain/analysis/pivots';
import { generateSyntheticDataset, makeRng } from '../../scripts/lib/synthetic';
import { toTime } from '../../src/domain/dates';

const DAY = 86_400_000;

function placed(actor: string, specs: ObsSpec[]): PlacedObservation[] {
  const dataset = { ...makeAnalysisDataset(), observations: makeObservations(actor, specs) };
  return indexDataset(dataset).byActor.get(actor) ?? [];
}

const allQuery = {
  actors: null,
  themes: null,
  kind: 'both',
  from: null,
  to: null,
  smooth: 0,
  highConfidence: false,
} as const;

describe('changePoints (PELT on the mean)', () => {
  it('finds a clean step where it is', () => {
    expect(changePoints([0, 0, 0, 0, 0, 3, 3, 3, 3, 3], 1, 1)).toEqual([5]);
  });

  it('finds two steps and nothing in a constant series', () => {
    expect(changePoints([1, 1, 1, 1, -2, -2, -2, -2, 2, 2, 2, 2], 1, 2)).toEqual([4, 8]);
    expect(changePoints([1, 1, 1, 1, 1, 1, 1, 1], 0.01, 1)).toEqual([]);
  });

  it('honours the minimum segment length', () => {
    // A lone value at the start is a segment of one: allowed at 1, not at 2 or 3.
    const values = [3, 0, 0, 0, 0, 0, 0, 0];
    expect(changePoints(values, 1, 1)).toEqual([1]);
    for (const m of [2, 3]) {
      const bounds = [0, ...changePoints(values, 1, m), values.length];
      for (let i = 1; i < bounds.length; i++) expect(bounds[i]! - bounds[i - 1]!).toBeGreaterThanOrEqual(m);
    }
    expect(changePoints(values, 1, 5)).toEqual([]);
  });

  it('never cuts where it is told it may not', () => {
    const values = [0, 0, 0, 3, 3, 3];
    expect(changePoints(values, 1, 1, (k) => k !== 3)).not.toContain(3);
  });

  it('agrees with exhaustive search on small random series', () => {
    const rng = makeRng(7);
    for (let trial = 0; trial < 40; trial++) {
      const n = 4 + Math.floor(rng() * 6);
      const values = Array.from({ length: n }, () => Math.round(rng() * 6 - 3));
      const penalty = 0.5 + rng() * 4;
      const cost = (cuts: number[]) => {
        const b = [0, ...cuts, n];
        let total = penalty * cuts.length;
        for (let i = 0; i < b.length - 1; i++) {
          const seg = values.slice(b[i], b[i + 1]);
          const mean = seg.reduce((s, v) => s + v, 0) / seg.length;
          total += seg.reduce((s, v) => s + (v - mean) ** 2, 0);
        }
        return total;
      };
      let best = Infinity;
      for (let mask = 0; mask < 1 << (n - 1); mask++) {
        const cuts = Array.from({ length: n - 1 }, (_, i) => i + 1).filter((_, i) => mask & (1 << i));
        best = Math.min(best, cost(cuts));
      }
      expect(cost(changePoints(values, penalty, 1))).toBeCloseTo(best, 9);
    }
  });
});

describe('estimateNoiseSd', () => {
  it('is robust to a single large shift and never below the integer floor', () => {
    expect(estimateNoiseSd([0, 1, 0, 1, 0, 3, 2, 3, 2, 3])).toBeCloseTo(1 / (0.6745 * Math.SQRT2), 5);
    expect(estimateNoiseSd([1, 1, 1, 1])).toBe(0.5);
  });
});

describe('detectPivots', () => {
  it('reports date (first observation after), before/after means, delta and the evidence around the change', () => {
    const points = placed('a', [
      ['2025-01-05', 2],
      ['2025-01-20', 2],
      ['2025-02-01', 1],
      ['2025-02-14', -2],
      ['2025-02-20', -2],
      ['2025-03-01', -1],
      ['2025-03-15', -2],
    ]);
    const [pivot, ...rest] = detectPivots('a', points, { evidencePerSide: 2 });
    expect(rest).toEqual([]);
    expect(pivot).toMatchObject({ actor: 'a', date: '2025-02-14', nBefore: 3, nAfter: 4, evidenceSplit: 2 });
    expect(pivot!.before).toBeCloseTo(5 / 3);
    expect(pivot!.after).toBeCloseTo(-7 / 4);
    expect(pivot!.delta).toBeCloseTo(-7 / 4 - 5 / 3);
    expect(pivot!.evidence).toEqual(['a-02', 'a-03', 'a-04', 'a-05']);
    expect(pivot!.tBefore).toBe(Date.UTC(2025, 1, 1));
  });

  it('places month-precision observations at mid-month, ignores year-precision ones, and keeps its date as written', () => {
    const points = placed('a', [
      ['2025', 3],
      ['2025-01-03', -2],
      ['2025-01-10', -2],
      ['2025-01-25', -1],
      ['2025-02', 2],
      ['2025-02-20', 2],
      ['2025-02-27', 3],
    ]);
    const pivots = detectPivots('a', points);
    expect(pivots).toHaveLength(1);
    expect(pivots[0]).toMatchObject({ date: '2025-02', t: Date.UTC(2025, 1, 15), nBefore: 3, nAfter: 3 });
    expect(pivots[0]!.evidence).not.toContain('a-01');
  });

  it('places no pivot across a silence of more than a year', () => {
    const points = placed('a', [
      ['2017-07-01', -2],
      ['2025-01-10', 2],
      ['2025-02-10', -2],
      ['2025-02-20', -2],
      ['2025-03-01', -2],
      ['2025-03-10', -1],
    ]);
    const pivots = detectPivots('a', points);
    expect(pivots.map((p) => p.date)).toEqual(['2025-02-10']);
    expect(pivots[0]!.before).toBe(2);
  });

  it('drops shifts smaller than the minimum delta', () => {
    const small = placed('a', [
      ['2025-01-01', 0],
      ['2025-01-02', 0],
      ['2025-01-03', 0],
      ['2025-01-04', 0],
      ['2025-01-05', 1],
      ['2025-01-06', 1],
      ['2025-01-07', 1],
      ['2025-01-08', 1],
    ]);
    expect(detectPivots('a', small, { sensitivity: 5, minDelta: 0.5 })).toHaveLength(1);
    expect(detectPivots('a', small, { sensitivity: 5, minDelta: 1.5 })).toEqual([]);
  });

  it('finds both turns of the fixture actor and ranks the view’s pivots by size', () => {
    const dataset = makeAnalysisDataset();
    const pivots = detectViewPivots(filterByActor(indexDataset(dataset), allQuery));
    const hawk = pivots
      .filter((p) => p.actor === 'hawk')
      .map((p) => p.date)
      .sort();
    expect(hawk).toEqual(['2025-02-14', '2025-07-15']);
    expect(pivots.some((p) => p.actor === 'steady')).toBe(false);
    const sizes = pivots.map((p) => Math.abs(p.delta));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it('follows the view: a range that cuts off the July turn loses that pivot', () => {
    const dataset = makeAnalysisDataset();
    const pivots = detectViewPivots(
      filterByActor(indexDataset(dataset), { ...allQuery, actors: ['hawk'], to: '2025-06-30' }),
    );
    expect(pivots.map((p) => p.date)).toEqual(['2025-02-14']);
  });

  it('rankPivots breaks ties by time, so the order is stable', () => {
    const p = (actor: string, t: number, delta: number) => ({ actor, t, delta }) as Pivot;
    expect(rankPivots([p('b', 2, 1), p('a', 1, -1), p('c', 0, 2)]).map((x) => x.actor)).toEqual([
      'c',
      'a',
      'b',
    ]);
  });
});

describe('on synthetic data with known change points', () => {
  // A detection matches a true pivot of the same actor within 30 days, each true pivot at most once.
  const TOLERANCE = 30 * DAY;
  const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

  function score(sensitivity: (typeof SENSITIVITIES)[number]) {
    let found = 0;
    let matched = 0;
    let truths = 0;
    let flatActors = 0;
    let flatDetections = 0;
    for (const seed of SEEDS) {
      const { dataset, pivots } = generateSyntheticDataset({
        observations: 3000,
        actors: 12,
        themes: 5,
        seed,
        flatShare: 0.3,
      });
      const index = indexDataset(dataset);
      for (const actor of dataset.actors) {
        const detected = detectPivots(actor.id, index.byActor.get(actor.id) ?? [], { sensitivity });
        const truth = pivots
          .filter((p) => p.actor === actor.id)
          .map((p) => Date.parse(`${p.date}T00:00:00Z`));
        truths += truth.length;
        found += detected.length;
        if (truth.length === 0) {
          flatActors += 1;
          flatDetections += detected.length;
        }
        const free = [...truth];
        for (const d of detected) {
          const i = free.findIndex((t) => Math.abs(t - d.t) <= TOLERANCE);
          if (i >= 0) {
            matched += 1;
            free.splice(i, 1);
          }
        }
      }
    }
    return { precision: matched / found, recall: matched / truths, truths, flatActors, flatDetections };
  }

  it('reaches precision and recall of at least 0.8 at the default sensitivity, over 8 seeds', () => {
    const r = score(3);
    expect(r.truths).toBeGreaterThan(50);
    expect(r.precision).toBeGreaterThanOrEqual(0.8);
    expect(r.recall).toBeGreaterThanOrEqual(0.8);
  });

  it('flags nothing for actors whose series has no shift', () => {
    const r = score(3);
    expect(r.flatActors).toBeGreaterThan(10);
    expect(r.flatDetections).toBe(0);
  });

  // Integer-rounded Gaussian noise (sd 0.7) around a fixed level, one observation every two days.
  function noise(seed: number, n: number): ObsSpec[] {
    const rng = makeRng(seed);
    const level = Math.round(rng() * 4 - 2);
    return Array.from({ length: n }, (_, i) => {
      const u = Math.max(rng(), 1e-12);
      const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
      const day = new Date(Date.UTC(2024, 0, 1) + i * 2 * DAY).toISOString().slice(0, 10);
      return [day, Math.max(-3, Math.min(3, Math.round(level + 0.7 * z)))];
    });
  }

  it('flags at most 1 in 100 long pure-noise records (100–400 observations)', () => {
    let flagged = 0;
    let total = 0;
    for (let seed = 1; seed <= 100; seed++) {
      for (const n of [100, 400]) {
        total += 1;
        if (detectPivots('a', placed('a', noise(seed, n))).length) flagged += 1;
      }
    }
    expect(flagged / total).toBeLessThanOrEqual(0.01);
  });

  it('flags at most 1 in 20 short pure-noise records (8–60 observations)', () => {
    let flagged = 0;
    let total = 0;
    for (let seed = 1; seed <= 100; seed++) {
      for (const n of [8, 15, 30, 60]) {
        total += 1;
        if (detectPivots('a', placed('a', noise(seed * 31 + n, n))).length) flagged += 1;
      }
    }
    expect(flagged / total).toBeLessThanOrEqual(0.05);
  });

  it('finds at least as many pivots at each higher sensitivity', () => {
    const { dataset } = generateSyntheticDataset({ observations: 2000, actors: 10, themes: 3, seed: 99 });
    const index = indexDataset(dataset);
    const counts = SENSITIVITIES.map(
      (sensitivity) => detectViewPivots(filterByActor(index, allQuery), { sensitivity, minDelta: 0 }).length,
    );
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts[counts.length - 1]!).toBeGreaterThan(counts[0]!);
  });
});

describe('on the bundled dataset', () => {
  const dataset: Dataset = parseDataset(
    JSON.parse(readFileSync('public/data/stances.json', 'utf8')),
    'bundled',
  );
  const trump = detectPivots('trump', indexDataset(dataset).byActor.get('trump') ?? []);
  const near = (p: Pivot, days: string[]) =>
    days.some(
      (d) =>
        Math.abs(toTime(p.date, p.date.length === 7 ? 'month' : 'day') - Date.parse(`${d}T00:00:00Z`)) <=
        14 * DAY,
    );

  it('finds Trump’s turn against Moscow at the Hague summit–July 14 stretch with the default settings', () => {
    const against = trump.filter((p) => p.delta > 0 && near(p, ['2025-06-25', '2025-07-14']));
    expect(against, JSON.stringify(trump.map((p) => [p.date, p.delta]))).toHaveLength(1);
    expect(against[0]!.evidence.length).toBeGreaterThan(1);
  });

  it('finds the early-2025 turn toward Moscow, between the inauguration and the Riyadh talks, only at sensitivity 5', () => {
    // Since 2.1.0 the January 2025 threats stand between accommodating transition remarks, so they read as a
    // short stretch that costs two cuts; the coded record starts the accommodating run on 25 January, before
    // the Feb 12 call (docs/analysis.md).
    const sensitive = detectPivots('trump', indexDataset(dataset).byActor.get('trump') ?? [], {
      sensitivity: 5,
    });
    const inWindow = (p: Pivot) => {
      const t = toTime(p.date, p.date.length === 7 ? 'month' : 'day');
      return t >= Date.parse('2025-01-20T00:00:00Z') && t <= Date.parse('2025-02-18T00:00:00Z');
    };
    const toward = sensitive.filter((p) => p.delta < 0 && inWindow(p));
    expect(toward, JSON.stringify(sensitive.map((p) => [p.date, p.delta]))).toHaveLength(1);
    expect(trump.filter((p) => p.delta < 0 && inWindow(p))).toHaveLength(0);
  });
});
