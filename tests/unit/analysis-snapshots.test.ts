// @vitest-environment jsdom
// (localStorage.)
import { beforeEach, describe, expect, it } from 'vitest';
import { makeAnalysisDataset } from '../../mocks/fixtures/analysis-dataset';
import {
  MAX_SNAPSHOTS,
  SNAPSHOTS_KEY,
  findSnapshot,
  rememberSnapshot,
} from '../../src/features/saved-views/dataset-snapshots';
import { diffDatasets } from '../../src/domain/analysis/dataset-diff';

describe('dataset snapshots kept for saved views', () => {
  beforeEach(() => localStorage.clear());

  it('keeps a version once and finds it again by dataset id and version', () => {
    const v1 = { ...makeAnalysisDataset(), version: '1.0.0' };
    expect(rememberSnapshot(v1, 'fx', localStorage)).toBe(true);
    expect(rememberSnapshot(v1, 'fx', localStorage)).toBe(true);
    const found = findSnapshot('fx', '1.0.0', localStorage);
    expect(found?.version).toBe('1.0.0');
    expect(diffDatasets(found!, v1).unchanged).toBe(true);
    expect(findSnapshot('fx', '2.0.0', localStorage)).toBeNull();
    expect(findSnapshot('other', '1.0.0', localStorage)).toBeNull();
  });

  it('drops the oldest beyond the cap', () => {
    for (let i = 0; i < MAX_SNAPSHOTS + 2; i++)
      rememberSnapshot({ ...makeAnalysisDataset(), version: `v${i}` }, 'fx', localStorage);
    expect(findSnapshot('fx', 'v0', localStorage)).toBeNull();
    expect(findSnapshot('fx', 'v1', localStorage)).toBeNull();
    expect(findSnapshot('fx', `v${MAX_SNAPSHOTS + 1}`, localStorage)).not.toBeNull();
  });

  it('survives garbage in storage and a storage that refuses writes', () => {
    localStorage.setItem(SNAPSHOTS_KEY, '{not json');
    expect(findSnapshot('fx', '1', localStorage)).toBeNull();
    expect(rememberSnapshot(makeAnalysisDataset(), 'fx', localStorage)).toBe(true);
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    } as unknown as Storage;
    expect(rememberSnapshot(makeAnalysisDataset(), 'fx', full)).toBe(false);
    expect(rememberSnapshot(makeAnalysisDataset(), 'fx', null)).toBe(false);
  });
});
