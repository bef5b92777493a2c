import { beforeEach, describe, expect, it } from 'vitest';
import { makeFixtureDataset } from '../../mocks/fixtures/dataset';
import {
  DEFAULT_FILTERS,
  describeUnknownIds,
  dropUnknownIds,
  effectiveRange,
  type ViewFilters,
} from '../../src/domain/view-filters';
import { toSeriesQuery } from '../../src/domain/series-query';
import { useUiStore } from '../../src/state/ui-store';

const withDefault = { defaultView: { from: '2025-07-01', to: null }, observations: [] };
const noDefault = { defaultView: undefined, observations: [] };
const lastMonths = {
  defaultView: { lastMonths: 6 },
  observations: [{ date: '2025' }, { date: '2026-05-16' }],
};

describe('effectiveRange: the one place the default range is resolved', () => {
  it("uses the dataset's default range while the user has chosen none", () => {
    expect(effectiveRange(DEFAULT_FILTERS, withDefault)).toEqual({ from: '2025-07-01', to: null });
    expect(effectiveRange(DEFAULT_FILTERS, noDefault)).toEqual({ from: null, to: null });
  });

  it("uses the user's range once chosen, including All (both ends open)", () => {
    const chosen: ViewFilters = { ...DEFAULT_FILTERS, rangeIsDefault: false, from: '2025-02-01', to: null };
    expect(effectiveRange(chosen, withDefault)).toEqual({ from: '2025-02-01', to: null });
    const all: ViewFilters = { ...DEFAULT_FILTERS, rangeIsDefault: false };
    expect(effectiveRange(all, withDefault)).toEqual({ from: null, to: null });
  });

  it('is what the series engine filters by', () => {
    expect(toSeriesQuery(DEFAULT_FILTERS, withDefault)).toMatchObject({ from: '2025-07-01', to: null });
  });

  it('counts a lastMonths default back from the latest observation', () => {
    expect(effectiveRange(DEFAULT_FILTERS, lastMonths)).toEqual({ from: '2025-11-16', to: null });
    expect(toSeriesQuery(DEFAULT_FILTERS, lastMonths)).toMatchObject({ from: '2025-11-16', to: null });
  });
});

describe('the store holds only what the user chose', () => {
  beforeEach(() => useUiStore.setState(useUiStore.getInitialState(), true));

  it('never copies a default range into the filters, and a chosen range leaves the default', () => {
    const store = useUiStore.getState();
    expect(store.filters).toMatchObject({ from: null, to: null, rangeIsDefault: true });
    store.setFilters({ from: '2025-03-01' });
    expect(useUiStore.getState().filters).toMatchObject({
      from: '2025-03-01',
      to: null,
      rangeIsDefault: false,
    });
    useUiStore.getState().setFilters({ from: null, to: null });
    expect(useUiStore.getState().filters).toMatchObject({ from: null, to: null, rangeIsDefault: false });
    useUiStore.getState().resetFilters();
    expect(useUiStore.getState().filters).toMatchObject({ from: null, to: null, rangeIsDefault: true });
  });

  it('drops dates from a view that says its range is the default', () => {
    useUiStore.getState().replaceFilters({ ...DEFAULT_FILTERS, from: '2025-01-01', rangeIsDefault: true });
    expect(useUiStore.getState().filters).toMatchObject({ from: null, rangeIsDefault: true });
  });

  it('keeps the corrected filters with the ids dropped, until another view replaces them', () => {
    const unknown = { actors: ['nobody'], themes: [], allActorsInstead: true, allThemesInstead: false };
    useUiStore.getState().correctFilters(DEFAULT_FILTERS, unknown);
    expect(useUiStore.getState().unknownIds).toEqual(unknown);
    useUiStore.getState().setFilters({ kind: 'action' });
    expect(useUiStore.getState().unknownIds).toEqual(unknown);
    useUiStore.getState().replaceFilters(DEFAULT_FILTERS);
    expect(useUiStore.getState().unknownIds).toBeNull();
  });
});

describe('dropUnknownIds: a link naming ids the dataset lacks', () => {
  const dataset = makeFixtureDataset();

  it('keeps the known actors and names the unknown ones', () => {
    const { filters, unknown } = dropUnknownIds({ ...DEFAULT_FILTERS, actors: ['trump', 'nobody'] }, dataset);
    expect(filters.actors).toEqual(['trump']);
    expect(unknown).toMatchObject({ actors: ['nobody'], themes: [], allActorsInstead: false });
    expect(describeUnknownIds(unknown)).toBe('1 actor in the link is not in this dataset (nobody).');
  });

  it('falls back to every actor when none of the named ones exists', () => {
    const { filters, unknown } = dropUnknownIds({ ...DEFAULT_FILTERS, actors: ['nobody'] }, dataset);
    expect(filters.actors).toBeNull();
    expect(describeUnknownIds(unknown)).toBe(
      '1 actor in the link is not in this dataset (nobody); showing all actors instead.',
    );
  });

  it('does the same for themes and for actors hidden via the legend', () => {
    const { filters, unknown } = dropUnknownIds(
      { ...DEFAULT_FILTERS, themes: ['unicorns', 'sanctions'], hidden: ['martians', 'russia'] },
      dataset,
    );
    expect(filters.themes).toEqual(['sanctions']);
    expect(filters.hidden).toEqual(['russia']);
    expect(describeUnknownIds(unknown)).toBe(
      '1 actor and 1 theme in the link are not in this dataset (martians, unicorns).',
    );
    const onlyUnknownThemes = dropUnknownIds({ ...DEFAULT_FILTERS, themes: ['unicorns', 'x'] }, dataset);
    expect(onlyUnknownThemes.filters.themes).toBeNull();
    expect(describeUnknownIds(onlyUnknownThemes.unknown)).toBe(
      '2 themes in the link are not in this dataset (unicorns, x); showing all themes instead.',
    );
  });

  it('leaves a clean view as it is (same object) and an explicitly empty selection empty', () => {
    const clean: ViewFilters = { ...DEFAULT_FILTERS, actors: [], themes: ['sanctions'], hidden: ['trump'] };
    const result = dropUnknownIds(clean, dataset);
    expect(result.filters).toBe(clean);
    expect(describeUnknownIds(result.unknown)).toBeNull();
  });
});
