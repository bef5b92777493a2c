import { describe, expect, it } from 'vitest';
import { makeAnalysisDataset } from '../../mocks/fixtures/analysis-dataset';
import { diffDatasets, isDatasetSnapshot, snapshotDataset } from '../../src/domain/analysis/dataset-diff';

describe('dataset diff (what changed since a saved view)', () => {
  const older = { ...makeAnalysisDataset(), version: '1.0.0' };
  const [first, second, third, ...rest] = older.observations;
  const newer = {
    ...makeAnalysisDataset(),
    version: '2.0.0',
    observations: [
      { ...first!, score: first!.score - 2 },
      second!,
      ...rest,
      { ...third!, id: 'hawk-new', score: 3 },
    ],
  };

  it('lists new, removed and re-scored observations by id', () => {
    const d = diffDatasets(older, newer);
    expect(d.fromVersion).toBe('1.0.0');
    expect(d.toVersion).toBe('2.0.0');
    expect(d.added).toEqual([{ id: 'hawk-new', actor: 'hawk', score: 3 }]);
    expect(d.removed).toEqual([{ id: third!.id, actor: 'hawk', score: third!.score }]);
    expect(d.rescored).toEqual([
      { id: first!.id, actor: 'hawk', before: first!.score, after: first!.score - 2 },
    ]);
    expect(d.unchanged).toBe(false);
  });

  it('gives how far each actor’s mean moved, and zero where nothing changed', () => {
    const d = diffDatasets(older, newer);
    const hawkBefore = older.observations.filter((o) => o.actor === 'hawk').map((o) => o.score);
    const hawkAfter = newer.observations.filter((o) => o.actor === 'hawk').map((o) => o.score);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const hawk = d.actors.find((a) => a.actor === 'hawk')!;
    expect(hawk.shift).toBeCloseTo(mean(hawkAfter) - mean(hawkBefore));
    expect(hawk.nBefore).toBe(hawkBefore.length);
    expect(d.actors.find((a) => a.actor === 'echo')!.shift).toBe(0);
  });

  it('works from a compact snapshot kept with a saved view, which survives JSON', () => {
    const snapshot = JSON.parse(JSON.stringify(snapshotDataset(older))) as unknown;
    expect(isDatasetSnapshot(snapshot)).toBe(true);
    if (!isDatasetSnapshot(snapshot)) return;
    expect(diffDatasets(snapshot, newer)).toEqual(diffDatasets(older, newer));
  });

  it('rejects a malformed snapshot and reports an actor that disappeared', () => {
    expect(isDatasetSnapshot({ version: '1', datasetId: null, observations: { x: ['a'] } })).toBe(false);
    expect(isDatasetSnapshot(null)).toBe(false);
    const gone = { ...newer, observations: newer.observations.filter((o) => o.actor !== 'steady') };
    const steady = diffDatasets(older, gone).actors.find((a) => a.actor === 'steady')!;
    expect(steady).toMatchObject({ nAfter: 0, meanAfter: null, shift: null });
  });

  it('reports no change between identical versions', () => {
    const d = diffDatasets(older, { ...older });
    expect(d.unchanged).toBe(true);
    expect(d.actors.every((a) => a.shift === 0)).toBe(true);
  });
});
