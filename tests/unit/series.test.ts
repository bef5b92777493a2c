import { describe, expect, it } from 'vitest';
import type { Dataset, Observation } from '../../src/domain/schema';
import {
  buildViewSeries,
  bucketByDay,
  describeChange,
  filterObservations,
  lttb,
  rollingMean,
  summarize,
  type LinePoint,
  type SeriesQuery,
} from '../../src/domain/series';
import { indexDataset } from '../../src/domain/dataset-index';
import { makeFixtureDataset } from '../../mocks/fixtures/dataset';

const ALL: SeriesQuery = {
  actors: null,
  themes: null,
  kind: 'both',
  from: null,
  to: null,
  smooth: 0,
  highConfidence: false,
};
const DAY = 86_400_000;

function obs(id: string, date: string, score: number, extra: Partial<Observation> = {}): Observation {
  return {
    id,
    date,
    datePrecision: date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year',
    actor: 'a',
    speaker: 's',
    theme: 't1',
    kind: 'statement',
    score,
    confidence: 'high',
    summary: '',
    quote: '',
    sourceId: null,
    rationale: '',
    ...extra,
  };
}

function dataset(observations: Observation[]): Dataset {
  const base = makeFixtureDataset();
  return {
    ...base,
    actors: [
      { id: 'a', name: 'A', group: 'G', description: '', color: '#000000' },
      { id: 'b', name: 'B', group: 'G', description: '', color: '#111111' },
    ],
    themes: [
      { id: 't1', label: 'T1', description: '' },
      { id: 't2', label: 'T2', description: '' },
    ],
    events: [],
    observations,
  };
}

describe('filtering', () => {
  const data = dataset([
    obs('1', '2025-01-01', 1),
    obs('2', '2025-01-10', -2, { theme: 't2' }),
    obs('3', '2025-02-01', 3, { kind: 'action', confidence: 'low' }),
    obs('4', '2025-01-05', 0, { actor: 'b' }),
    obs('5', '2025-03', 2),
  ]);
  const index = indexDataset(data);
  const ids = (q: Partial<SeriesQuery>) => filterObservations(index, { ...ALL, ...q }).map((p) => p.obs.id);

  it('returns every observation in time order with no filters', () => {
    expect(ids({})).toEqual(['1', '4', '2', '3', '5']);
  });
  it('filters by actor, theme, kind and confidence', () => {
    expect(ids({ actors: ['b'] })).toEqual(['4']);
    expect(ids({ actors: [] })).toEqual([]);
    expect(ids({ themes: ['t2'] })).toEqual(['2']);
    expect(ids({ kind: 'action' })).toEqual(['3']);
    expect(ids({ kind: 'statement' })).toEqual(['1', '4', '2', '5']);
    expect(ids({ highConfidence: true })).toEqual(['1', '4', '2', '5']);
  });
  it('filters by an inclusive day range; a month-precision row counts at the middle of its month', () => {
    expect(ids({ from: '2025-01-05', to: '2025-02-01' })).toEqual(['4', '2', '3']);
    expect(ids({ from: '2025-03-14' })).toEqual(['5']);
    expect(ids({ from: '2025-03-16' })).toEqual([]);
  });
});

describe('bucketing and smoothing', () => {
  const index = indexDataset(
    dataset([
      obs('1', '2025-01-01', 3),
      obs('2', '2025-01-01', 1),
      obs('3', '2025-01-05', -1),
      obs('4', '2025-01-20', -3),
      obs('5', '2025-01', 3), // month precision: drawn, but not in the day-level line
    ]),
  );
  const points = index.byActor.get('a')!;

  it('buckets day-precise observations per day and leaves month-precision ones out', () => {
    const buckets = bucketByDay(points);
    expect(buckets.map((b) => [b.n, b.sum])).toEqual([
      [2, 4],
      [1, -1],
      [1, -3],
    ]);
  });

  it('with no smoothing, draws the daily mean', () => {
    expect(rollingMean(bucketByDay(points), 0).map((p) => p.score)).toEqual([2, -1, -3]);
  });

  it('takes a centred mean over ±window/2 days, inclusive, including at the edges', () => {
    const line = rollingMean(bucketByDay(points), 8); // ±4 days
    // 1 Jan: itself and 5 Jan (4 days later) → (3 + 1 − 1) / 3; 5 Jan: same window; 20 Jan: alone.
    expect(line.map((p) => p.score)).toEqual([1, 1, -3]);
    expect(line[0]!.t).toBe(Date.UTC(2025, 0, 1));
    const wide = rollingMean(bucketByDay(points), 40); // ±20 days: everything
    expect(wide.map((p) => p.score)).toEqual([0, 0, 0]);
    const narrow = rollingMean(bucketByDay(points), 6); // ±3: 5 Jan is out of 1 Jan's window
    expect(narrow.map((p) => p.score)).toEqual([2, -1, -3]);
  });

  it('carries ±1 standard error of the mean in the window and its count (s/√n with unit weights)', () => {
    const line = rollingMean(bucketByDay(points), 8);
    // 1 Jan: scores 3, 1, −1 → mean 1, sample sd 2, SE 2/√3.
    expect(line[0]!.n).toBe(3);
    expect(line[0]!.hi - line[0]!.score).toBeCloseTo(2 / Math.sqrt(3), 10);
    expect(line[0]!.score - line[0]!.lo).toBeCloseTo(2 / Math.sqrt(3), 10);
    // 20 Jan: one observation, no spread to estimate: lo = hi = score.
    expect(line[2]).toMatchObject({ n: 1, lo: -3, hi: -3, score: -3 });
    // As the window slides the running sums are subtracted, not recomputed: same answer as from scratch.
    const daily = rollingMean(bucketByDay(points), 0);
    expect(daily[0]).toMatchObject({ n: 2, score: 2 });
    expect(daily[0]!.hi - 2).toBeCloseTo(1, 10); // scores 3, 1: sd √2, SE √2/√2 = 1
  });

  it('weights the standard error by confidence with reliability weights', () => {
    const idx = indexDataset(
      dataset([
        obs('1', '2025-01-01', 3, { confidence: 'high' }),
        obs('2', '2025-01-01', 0, { confidence: 'low' }),
        obs('3', '2025-01-01', 1, { confidence: 'medium' }),
      ]),
    );
    const [p] = rollingMean(bucketByDay(idx.byActor.get('a')!, true), 0);
    const w = [1, 1 / 3, 2 / 3];
    const x = [3, 0, 1];
    const V1 = w.reduce((a, b) => a + b, 0);
    const V2 = w.reduce((a, b) => a + b * b, 0);
    const mean = w.reduce((a, wi, i) => a + wi * x[i]!, 0) / V1;
    const s2 = w.reduce((a, wi, i) => a + wi * (x[i]! - mean) ** 2, 0) / (V1 - V2 / V1);
    expect(p!.score).toBeCloseTo(mean, 10);
    expect(p!.hi - p!.score).toBeCloseTo(Math.sqrt((s2 * V2) / V1 ** 2), 10);
  });

  it('weights by confidence when asked', () => {
    const idx = indexDataset(
      dataset([
        obs('1', '2025-01-01', 3, { confidence: 'high' }),
        obs('2', '2025-01-01', 0, { confidence: 'low' }),
      ]),
    );
    const line = rollingMean(bucketByDay(idx.byActor.get('a')!, true), 0);
    expect(line[0]!.score).toBeCloseTo((3 * 1 + 0 * (1 / 3)) / (1 + 1 / 3));
  });
});

describe('lttb', () => {
  const series: LinePoint[] = Array.from({ length: 1000 }, (_, i) => {
    const score = Math.sin(i / 40) + (i === 613 ? 2.5 : 0) - (i === 271 ? 2.4 : 0);
    return { t: i * DAY, score, lo: score - 0.1, hi: score + 0.1, n: 3 };
  });

  it('returns at most the threshold, keeping the first and last point and the extremes', () => {
    const out = lttb(series, 60);
    expect(out.length).toBeLessThanOrEqual(60);
    expect(out[0]).toEqual(series[0]);
    expect(out[out.length - 1]).toEqual(series[999]);
    expect(out).toContainEqual(series[613]);
    expect(out).toContainEqual(series[271]);
    for (let i = 1; i < out.length; i++) expect(out[i]!.t).toBeGreaterThan(out[i - 1]!.t);
  });

  it('leaves short series untouched', () => {
    expect(lttb(series.slice(0, 10), 60)).toEqual(series.slice(0, 10));
  });
});

describe('view series and summary', () => {
  const data = dataset([
    obs('1', '2025-01-01', -2),
    obs('2', '2025-01-02', -2),
    obs('3', '2025-02-15', 0),
    obs('4', '2025-03-30', 2),
    obs('5', '2025-03-31', 3),
    obs('6', '2025-02-01', 1, { actor: 'b' }),
  ]);
  const view = buildViewSeries(indexDataset(data), ALL);

  it('builds one series per actor with data, and the range of the data', () => {
    expect(view.series.map((s) => s.actor.id)).toEqual(['a', 'b']);
    expect(view.range).toEqual([Date.UTC(2025, 0, 1), Date.UTC(2025, 2, 31)]);
  });

  it('summarises mean, count and the change between first and last thirds', () => {
    const [a, b] = summarize(view);
    expect(a).toMatchObject({ n: 5, mean: 0.2, firstMean: -2, lastMean: 2.5, change: 4.5 });
    expect(b).toMatchObject({ n: 1, change: null });
    expect(describeChange(a!.change)).toBe('moved 4.5 points hawkish (↑) from the first to the last third');
    expect(describeChange(-1.24)).toBe('moved 1.2 points conciliatory (↓) from the first to the last third');
  });

  it('uses the filter bounds as the range when set', () => {
    const v = buildViewSeries(indexDataset(data), { ...ALL, from: '2024-12-01', to: '2025-06-30' });
    expect(v.range).toEqual([Date.UTC(2024, 11, 1), Date.UTC(2025, 5, 30)]);
  });
});

describe('toSeriesQuery', () => {
  it('passes the confidence weighting to the engine, which changes the line', async () => {
    const { toSeriesQuery } = await import('../../src/domain/series-query');
    const { DEFAULT_FILTERS } = await import('../../src/domain/view-filters');
    const data = dataset([
      obs('1', '2025-01-01', 3, { confidence: 'high' }),
      obs('2', '2025-01-01', 0, { confidence: 'low' }),
    ]);
    const plain = buildViewSeries(indexDataset(data), toSeriesQuery({ ...DEFAULT_FILTERS, smooth: 0 }, data));
    const weighted = buildViewSeries(
      indexDataset(data),
      toSeriesQuery({ ...DEFAULT_FILTERS, smooth: 0, weighted: true }, data),
    );
    expect(plain.series[0]!.line[0]!.score).toBe(1.5);
    expect(weighted.series[0]!.line[0]!.score).toBeCloseTo(3 / (1 + 1 / 3));
  });
});

describe('splitAtGaps', () => {
  it('breaks the line where consecutive points are further apart than max(smoothing, 30) days', async () => {
    const { splitAtGaps } = await import('../../src/domain/series');
    const at = (d: number) => ({ t: d * DAY, score: 0 });
    const line = [at(0), at(10), at(41), at(42), at(200)];
    expect(splitAtGaps(line, 0).map((r) => r.length)).toEqual([2, 2, 1]);
    expect(splitAtGaps(line, 30).map((r) => r.length)).toEqual([2, 2, 1]);
    // A 90-day window bridges the 31-day gap but not the 158-day one.
    expect(splitAtGaps(line, 90).map((r) => r.length)).toEqual([4, 1]);
    expect(splitAtGaps([], 30)).toEqual([]);
  });
});

describe('filteredTimeExtent', () => {
  it('equals the first and last time of the filtered observations, for many filters', async () => {
    const { filteredTimeExtent } = await import('../../src/domain/series');
    const { generateSyntheticDataset } = await import('../../scripts/lib/synthetic');
    const { dataset: data } = generateSyntheticDataset({ observations: 2000, actors: 6, themes: 4, seed: 9 });
    const index = indexDataset(data);
    const queries: Partial<SeriesQuery>[] = [
      {},
      { actors: ['actor-002', 'actor-005'] },
      { themes: ['theme-03'], kind: 'action' },
      { from: '2024-06-01', to: '2024-09-30', highConfidence: true },
      { actors: [] },
    ];
    for (const q of queries) {
      const list = filterObservations(index, { ...ALL, ...q });
      const expected = list.length ? [list[0]!.t, list[list.length - 1]!.t] : null;
      expect(filteredTimeExtent(index, { ...ALL, ...q })).toEqual(expected);
    }
  });
});
