import { describe, expect, it } from 'vitest';
import { generateSyntheticDataset } from '../../scripts/lib/synthetic';
import { validateDataset } from '../../src/domain/validate';

describe('synthetic dataset generator', () => {
  const opts = { observations: 3000, actors: 12, themes: 5, seed: 42 };
  const { dataset, pivots } = generateSyntheticDataset(opts);

  it('is valid against the data contract', () => {
    const result = validateDataset(dataset);
    expect(result.problems).toEqual([]);
    expect(dataset.observations).toHaveLength(3000);
    expect(dataset.actors).toHaveLength(12);
    expect(dataset.themes).toHaveLength(5);
  });

  it('is reproducible from its seed and differs across seeds', () => {
    expect(generateSyntheticDataset(opts)).toEqual({ dataset, pivots });
    expect(generateSyntheticDataset({ ...opts, seed: 43 }).dataset.observations).not.toEqual(
      dataset.observations,
    );
  });

  it('has both kinds, some month-precision rows, uneven density and known pivots', () => {
    const kinds = new Set(dataset.observations.map((o) => o.kind));
    expect(kinds).toEqual(new Set(['statement', 'action']));
    const monthRows = dataset.observations.filter((o) => o.datePrecision === 'month').length;
    expect(monthRows).toBeGreaterThan(50);
    const perActor = new Map<string, number>();
    for (const o of dataset.observations) perActor.set(o.actor, (perActor.get(o.actor) ?? 0) + 1);
    const counts = [...perActor.values()].sort((a, b) => b - a);
    expect(counts[0]!).toBeGreaterThan(2 * counts[counts.length - 1]!);
    expect(pivots.length).toBeGreaterThan(0);
    for (const p of pivots) expect(Math.abs(p.after - p.before)).toBeGreaterThanOrEqual(1.6);
  });

  it('shifts the mean score at each known pivot', () => {
    const p = pivots[0]!;
    const t = Date.parse(p.date);
    const day = 86_400_000;
    const scores = (lo: number, hi: number) =>
      dataset.observations
        .filter((o) => o.actor === p.actor && o.datePrecision === 'day')
        .filter((o) => {
          const ot = Date.parse(o.date);
          return ot >= lo && ot < hi;
        })
        .map((o) => o.score);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const before = scores(t - 60 * day, t);
    const after = scores(t, t + 60 * day);
    expect(before.length).toBeGreaterThan(3);
    expect(after.length).toBeGreaterThan(3);
    expect(Math.sign(mean(after) - mean(before))).toBe(Math.sign(p.after - p.before));
  });
});
