import { describe, expect, it } from 'vitest';
import { makeAnalysisDataset, makeObservations, type ObsSpec } from '../../mocks/fixtures/analysis-dataset';
import { indexDataset, type PlacedObservation } from '../../src/domain/dataset-index';
import { formatMonthSpan, largestStretch, sayDoGap } from '../../src/domain/analysis/say-do-gap';

function placed(specs: ObsSpec[]): PlacedObservation[] {
  const dataset = { ...makeAnalysisDataset(), observations: makeObservations('a', specs) };
  return indexDataset(dataset).byActor.get('a') ?? [];
}

describe('say–do gap', () => {
  it('reads words softer than deeds, with size and months, where statements sit below actions', () => {
    const gap = sayDoGap(
      'a',
      placed([
        ['2025-02-03', -2],
        ['2025-02-05', 0, 'action'],
        ['2025-02-20', -2],
        ['2025-03-06', 0, 'action'],
        ['2025-03-12', -2],
        ['2025-03-25', 0, 'action'],
      ]),
      { windowDays: 30 },
    );
    expect(gap.nStatements).toBe(3);
    expect(gap.nActions).toBe(3);
    expect(gap.stretch?.gap).toBeCloseTo(-2);
    expect(gap.reading).toBe('Words more conciliatory than deeds by 2.0 points, Feb–Mar 2025.');
  });

  it('reads words harder than deeds in the dataset’s own labels', () => {
    const gap = sayDoGap(
      'a',
      placed([
        ['2025-05-01', 2],
        ['2025-05-02', -1, 'action'],
        ['2025-05-20', 3],
        ['2025-05-21', 0, 'action'],
      ]),
      { windowDays: 30 },
      { negative: 'Dovish', positive: 'Belligerent' },
    );
    expect(gap.reading).toBe('Words more belligerent than deeds by 3.0 points, May 2025.');
  });

  it('says when there is nothing to compare', () => {
    expect(
      sayDoGap(
        'a',
        placed([
          ['2025-01-01', 1],
          ['2025-02-01', 2],
        ]),
      ).reading,
    ).toBe('Only words (statements) on record: nothing to compare.');
    const apart = sayDoGap(
      'a',
      placed([
        ['2025-01-01', 1],
        ['2025-09-01', -2, 'action'],
      ]),
      { windowDays: 30 },
    );
    expect(apart.points.every((p) => p.gap === null)).toBe(true);
    expect(apart.reading).toBe(
      'Words and deeds never fall within 30 days of each other: nothing to compare.',
    );
  });

  it('says words and deeds agree when the gap stays small', () => {
    const gap = sayDoGap(
      'a',
      placed([
        ['2025-04-01', 1],
        ['2025-04-03', 1, 'action'],
        ['2025-04-20', 1],
      ]),
    );
    expect(gap.stretch).toBeNull();
    expect(gap.reading).toBe('Words and deeds agree within 0.25 points, Apr 2025.');
  });

  it('puts statements and actions on one shared grid, with the gap only where both are defined', () => {
    const gap = sayDoGap(
      'a',
      placed([
        ['2025-01-01', 2],
        ['2025-01-10', 0, 'action'],
        ['2025-06-01', 1],
      ]),
      {
        windowDays: 20,
        stepDays: 7,
      },
    );
    const days = gap.points.map((p) => p.t);
    expect(days).toEqual([...days].sort((x, y) => x - y));
    for (const p of gap.points) {
      if (p.statement !== null && p.action !== null) expect(p.gap).toBeCloseTo(p.statement - p.action);
      else expect(p.gap).toBeNull();
    }
    // The grid spans only where the two kinds lie within half a window of each other: Jan 1 … Jan 20.
    expect(gap.points[0]!.t).toBe(Date.UTC(2025, 0, 1));
    expect(gap.points[gap.points.length - 1]!.t).toBe(Date.UTC(2025, 0, 20));
  });

  it('weights by confidence when asked', () => {
    const specs: ObsSpec[] = [
      ['2025-01-01', 3, 'statement', 'high'],
      ['2025-01-02', -3, 'statement', 'low'],
      ['2025-01-03', 0, 'action'],
    ];
    const plain = sayDoGap('a', placed(specs), { windowDays: 10 });
    const weighted = sayDoGap('a', placed(specs), { windowDays: 10, weightByConfidence: true });
    expect(plain.points[0]!.statement).toBeCloseTo(0);
    expect(weighted.points[0]!.statement).toBeCloseTo((3 - 3 / 3) / (1 + 1 / 3));
  });

  it('picks the stretch with the most gap over time, not a one-week spike', () => {
    const at = (week: number, gap: number | null) => ({ t: week, statement: null, action: null, gap });
    const points = [at(0, -3), at(1, null), at(2, 1), at(3, 1), at(4, 1), at(5, 1), at(6, 0.1)];
    expect(largestStretch(points, 0.25)).toEqual({ from: 2, to: 5, gap: 1 });
  });

  it('formats month spans across years', () => {
    expect(formatMonthSpan(Date.UTC(2024, 11, 3), Date.UTC(2025, 0, 20))).toBe('Dec 2024–Jan 2025');
  });
});
