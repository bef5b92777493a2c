import { create } from 'zustand';
import { DEFAULT_FILTERS, sameFilters, type ViewFilters } from './view-state';

/** UI state only (never server data): the view's filters and what the user has opened. */
export interface UiState {
  filters: ViewFilters;
  /** The observation whose evidence is open, if any. */
  selectedObservationId: string | null;
  setFilters: (patch: Partial<ViewFilters>) => void;
  replaceFilters: (filters: ViewFilters) => void;
  resetFilters: () => void;
  selectObservation: (id: string | null) => void;
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
}));
