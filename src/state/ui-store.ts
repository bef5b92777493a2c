import { create } from 'zustand';
import { DEFAULT_FILTERS, sameFilters, type ViewFilters } from '../domain/view-filters';
import { DEFAULT_ANALYSIS, type AnalysisSettings } from './analysis-settings';
import type { Page } from './url-codec';

/** UI state only (never server data): the view's filters and what the user has opened. */
export interface DateRange {
  from: string | null;
  to: string | null;
}

export interface UiState {
  /** Which page is shown: the explorer or the Methodology page. */
  page: Page;
  setPage: (page: Page) => void;
  filters: ViewFilters;
  /** The open dataset's default range, applied while filters.rangeIsDefault. */
  defaultRange: DateRange;
  setDefaultRange: (range: DateRange) => void;
  /** The observation whose evidence is open, if any. */
  selectedObservationId: string | null;
  setFilters: (patch: Partial<ViewFilters>) => void;
  replaceFilters: (filters: ViewFilters) => void;
  resetFilters: () => void;
  selectObservation: (id: string | null) => void;
  /** The Analysis section: open or not, pivot sensitivity and minimum observations per side. */
  analysis: AnalysisSettings;
  setAnalysis: (patch: Partial<AnalysisSettings>) => void;
}

/** While the range is the default one, from/to mirror the dataset's default range. */
function withDefaultRange(filters: ViewFilters, range: DateRange): ViewFilters {
  return filters.rangeIsDefault ? { ...filters, from: range.from, to: range.to } : filters;
}

export const useUiStore = create<UiState>()((set) => ({
  page: 'explorer',
  setPage: (page) => set({ page }),
  filters: DEFAULT_FILTERS,
  defaultRange: { from: null, to: null },
  setDefaultRange: (range) =>
    set((s) => {
      const filters = withDefaultRange(s.filters, range);
      return { defaultRange: range, filters: sameFilters(filters, s.filters) ? s.filters : filters };
    }),
  selectedObservationId: null,
  setFilters: (patch) =>
    set((s) => {
      // Choosing a date or preset is choosing a range: from then on the URL states it.
      const choosesRange = ('from' in patch || 'to' in patch) && !('rangeIsDefault' in patch);
      const next = { ...s.filters, ...patch, ...(choosesRange ? { rangeIsDefault: false } : {}) };
      return sameFilters(next, s.filters) ? s : { filters: withDefaultRange(next, s.defaultRange) };
    }),
  replaceFilters: (filters) =>
    set((s) => {
      const next = withDefaultRange(filters, s.defaultRange);
      return sameFilters(next, s.filters) ? s : { filters: next };
    }),
  resetFilters: () => set((s) => ({ filters: withDefaultRange(DEFAULT_FILTERS, s.defaultRange) })),
  selectObservation: (id) => set({ selectedObservationId: id }),
  analysis: DEFAULT_ANALYSIS,
  setAnalysis: (patch) => set((s) => ({ analysis: { ...s.analysis, ...patch } })),
}));
