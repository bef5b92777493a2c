import { describe, expect, it } from 'vitest';
import { isRealPartialDate } from '../../src/domain/schema';
import { validateDataset } from '../../src/domain/validate';
import { makeFixtureDataset } from '../../mocks/fixtures/dataset';

describe('isRealPartialDate', () => {
  it.each(['2025-02-28', '2024-02-29', '2025-03', '2025'])('accepts %s', (d) => {
    expect(isRealPartialDate(d)).toBe(true);
  });
  it.each(['2025-02-30', '2025-02-29', '2025-13', '2025-00-10', '25-01-01', '2025-1-1', '', 'yesterday'])(
    'rejects %s',
    (d) => {
      expect(isRealPartialDate(d)).toBe(false);
    },
  );
});

describe('validateDataset', () => {
  it('accepts the fixture', () => {
    expect(validateDataset(makeFixtureDataset()).ok).toBe(true);
  });

  it('names the observation by id when a field is wrong', () => {
    const data = makeFixtureDataset();
    const broken = {
      ...data,
      observations: data.observations.map((o) =>
        o.id === 'fx-3' ? { ...o, date: '2025-02-30', datePrecision: 'day' } : o,
      ),
    };
    const result = validateDataset(broken);
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual({
      path: 'observation fx-3: date',
      message: expect.stringContaining('not a real calendar date') as string,
    });
  });

  it('rejects a date more precise or less precise than its datePrecision', () => {
    const data = makeFixtureDataset();
    const broken = {
      ...data,
      observations: data.observations.map((o) =>
        o.id === 'fx-1' ? { ...o, datePrecision: 'month' as const } : o,
      ),
    };
    expect(validateDataset(broken).problems[0]?.message).toMatch(/does not match datePrecision "month"/);
  });

  it('reports unknown references and duplicate ids after the shape is valid', () => {
    const data = makeFixtureDataset();
    const first = data.observations[0]!;
    const broken = {
      ...data,
      observations: [...data.observations, { ...first }, { ...first, id: 'fx-9', actor: 'atlantis' }],
    };
    const problems = validateDataset(broken).problems;
    expect(problems).toContainEqual({ path: 'observation fx-1: id', message: 'duplicate id "fx-1"' });
    expect(problems).toContainEqual({ path: 'observation fx-9: actor', message: 'unknown actor "atlantis"' });
  });

  it('rejects the wrong schemaVersion with a message that says which version is read', () => {
    const result = validateDataset({ ...makeFixtureDataset(), schemaVersion: 2 });
    expect(result.problems[0]).toEqual({
      path: 'schemaVersion',
      message: 'must be 1 (this app reads data contract v1)',
    });
  });

  it('checks a dataset’s own time presets: real days, a label, a valid id', () => {
    const result = validateDataset({
      ...makeFixtureDataset(),
      presets: [
        { id: 'ok', label: 'Fine', from: '2025-01-01', to: null },
        { id: 'Bad Id', label: '', from: '2025-02-30', to: '2025-03' },
      ],
    });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.path).sort()).toEqual([
      'presets[1].from',
      'presets[1].id',
      'presets[1].label',
      'presets[1].to',
    ]);
  });
});
