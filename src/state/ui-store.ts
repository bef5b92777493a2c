import { create } from 'zustand';
import { DEFAULT_FILTERS, sameFilters, type ViewFilters } from './view-state';
import { DEFAULT_ANALYSIS, type AnalysisSettings } from './analysis-settings';

/** UI state only (never server data): the view's filters and what the user has opened. */
export interface UiState {
  filters: ViewFilters;
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

export const useUiStore = create<UiState>()((set) => ({
  filters: DEFAULT_FILTERS,
  selectedObservationId: null,
  setFilters: (patch) =>
    set((s) => {
      const next = { ...s.filters, ...patch };
      return sameFilters(next, s.filters) ? s : { filters: next };
    }),
  replaceFilters: (filters) => set((s) => (sameFilters(filters, s.filters) ? s : { filters })),
  resetFilters: () => set({ filters: DEFAULT_FILTERS }),
  selectObservation: (id) => set({ selectedObservationId: id }),
  analysis: DEFAULT_ANALYSIS,
  setAnalysis: (patch) => set((s) => ({ analysis: { ...s.analysis, ...patch } })),
}));
