import { describe, expect, it } from 'vitest';
import { makeAnalysisDataset, makeObservations, type ObsSpec } from '../../mocks/fixtures/analysis-dataset';
import { indexDataset } from '../../src/domain/dataset-index';
import {
  alignmentMatrix,
  binCenters,
  correlate,
  describeCorrelation,
  sampleSeries,
} from '../../src/domain/analysis/alignment';
import { DAY_MS } from '../../src/domain/dates';

const monthly = (scores: number[]): ObsSpec[] =>
  scores.map((s, i) => [`2025-${String(i + 1).padStart(2, '0')}-10`, s]);

function matrixOf(series: Record<string, ObsSpec[]>, options = {}) {
  const base = makeAnalysisDataset();
  const observations = Object.entries(series).flatMap(([id, specs]) => makeObservations(id, specs));
  const actors = Object.keys(series).map((id) => ({ ...base.actors[0]!, id, name: id }));
  const index = indexDataset({ ...base, actors, observations });
  return alignmentMatrix(actors, index.byActor, index.extent, options);
}

describe('alignment', () => {
  it('correlation is +1 for actors that move together and −1 for mirror images', () => {
    const m = matrixOf(
      {
        a: monthly([2, 1, -1, -2, -1, 1, 2, 2]),
        b: monthly([1, 0, -2, -3, -2, 0, 1, 1]),
        c: monthly([-2, -1, 1, 2, 1, -1, -2, -2]),
      },
      { windowDays: 10 },
    );
    expect(m.cells[0]![1]).toMatchObject({ status: 'ok', shared: 8 });
    const ab = m.cells[0]![1]!;
    const ac = m.cells[0]![2]!;
    expect(ab.status === 'ok' && ab.r).toBeCloseTo(1);
    expect(ac.status === 'ok' && ac.r).toBeCloseTo(-1);
    expect(m.cells[1]![0]).toEqual(m.cells[0]![1]);
    expect(m.cells[0]![0]).toEqual({ status: 'self' });
  });

  it('says "not enough data" below the minimum of shared bins, and "flat" when one never moves', () => {
    const m = matrixOf(
      {
        a: monthly([2, 1, -1, -2, -1, 1, 2, 2]),
        late: [
          ['2025-07-10', 1],
          ['2025-08-10', 2],
        ],
        flat: monthly([1, 1, 1, 1, 1, 1, 1, 1]),
      },
      { windowDays: 10 },
    );
    expect(m.cells[0]![1]).toEqual({ status: 'not-enough-data', shared: 2 });
    expect(m.cells[0]![2]).toEqual({ status: 'flat', shared: 8 });
  });

  it('smooths: a sparse actor gets values in bins within half a window of an observation', () => {
    const centers = binCenters([Date.UTC(2025, 0, 1), Date.UTC(2025, 3, 30)], 'month');
    expect(centers.map((d) => new Date(d * DAY_MS).toISOString().slice(0, 10))).toEqual([
      '2025-01-15',
      '2025-02-15',
      '2025-03-15',
      '2025-04-15',
    ]);
    const index = indexDataset({
      ...makeAnalysisDataset(),
      observations: makeObservations('a', [['2025-02-01', 2]]),
    });
    expect(sampleSeries(index.byActor.get('a')!, centers, 60)).toEqual([2, 2, null, null]);
  });

  it('weekly bins are centred on Thursdays, one per week', () => {
    const centers = binCenters([Date.UTC(2025, 0, 1), Date.UTC(2025, 0, 31)], 'week');
    for (const d of centers) expect(new Date(d * DAY_MS).getUTCDay()).toBe(4);
    expect(centers[1]! - centers[0]!).toBe(7);
  });

  it('correlate ignores bins where either side is empty', () => {
    expect(correlate([1, null, 2, 3], [2, 5, null, 6], 2)).toMatchObject({ status: 'ok', shared: 2, r: 1 });
  });

  it('fixture: Echo moves with Hawk, Steady cannot be correlated', () => {
    const dataset = makeAnalysisDataset();
    const index = indexDataset(dataset);
    const m = alignmentMatrix(dataset.actors, index.byActor, index.extent);
    const he = m.cells[0]![1]!;
    expect(he.status).toBe('ok');
    expect(he.status === 'ok' && he.r).toBeGreaterThan(0.7);
    expect(m.cells[0]![2]!.status).toBe('flat');
  });

  it('describes correlations in words', () => {
    expect(describeCorrelation(0.9)).toBe('moved together');
    expect(describeCorrelation(-0.8)).toBe('moved in opposite directions');
    expect(describeCorrelation(0.1)).toBe('little relation');
  });
});
