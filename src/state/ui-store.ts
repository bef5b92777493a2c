import { create } from 'zustand';
import { DEFAULT_FILTERS, sameFilters, type UnknownIds, type ViewFilters } from '../domain/view-filters';
import { DEFAULT_ANALYSIS, type AnalysisSettings } from './analysis-settings';
import type { DataParam, Page } from './url-codec';

/** UI state only (never server data): the view's filters, the page, and what the user has opened. */
export interface UiState {
  /** Which page is shown: the explorer or the Methodology page. */
  page: Page;
  setPage: (page: Page) => void;
  /** The address's `?data=` parameter: which dataset URL to open, if any (read by the URL sync). */
  dataParam: DataParam;
  setDataParam: (dataParam: DataParam) => void;
  /** Another dataset is being opened: `?data=` no longer applies and leaves the address. */
  clearDataParam: () => void;
  /** What the user chose; the dataset's default range is not copied in (see effectiveRange). */
  filters: ViewFilters;
  /** Ids the last link or saved view named that the open dataset does not have (dropped from filters). */
  unknownIds: UnknownIds | null;
  /** The observation whose evidence is open, if any. */
  selectedObservationId: string | null;
  setFilters: (patch: Partial<ViewFilters>) => void;
  /** A whole view from the address or a saved view. */
  replaceFilters: (filters: ViewFilters) => void;
  /** The filters without the ids the dataset lacks, and which those were (the URL sync replaces the entry). */
  correctFilters: (filters: ViewFilters, unknown: UnknownIds) => void;
  dismissUnknownIds: () => void;
  resetFilters: () => void;
  selectObservation: (id: string | null) => void;
  /** The Analysis section: open or not, pivot sensitivity and minimum observations per side. */
  analysis: AnalysisSettings;
  setAnalysis: (patch: Partial<AnalysisSettings>) => void;
}

/** While the range is the default one, from/to stay empty: the dataset decides (effectiveRange). */
function withRangeRule(filters: ViewFilters): ViewFilters {
  return filters.rangeIsDefault && (filters.from !== null || filters.to !== null)
    ? { ...filters, from: null, to: null }
    : filters;
}

export const useUiStore = create<UiState>()((set) => ({
  page: 'explorer',
  setPage: (page) => set({ page }),
  dataParam: { url: null, ignored: false },
  setDataParam: (dataParam) =>
    set((s) =>
      s.dataParam.url === dataParam.url && s.dataParam.ignored === dataParam.ignored ? s : { dataParam },
    ),
  clearDataParam: () => set({ dataParam: { url: null, ignored: false } }),
  filters: DEFAULT_FILTERS,
  unknownIds: null,
  selectedObservationId: null,
  setFilters: (patch) =>
    set((s) => {
      // Choosing a date or preset is choosing a range: from then on the URL states it.
      const choosesRange = ('from' in patch || 'to' in patch) && !('rangeIsDefault' in patch);
      const next = withRangeRule({
        ...s.filters,
        ...patch,
        ...(choosesRange ? { rangeIsDefault: false } : {}),
      });
      return sameFilters(next, s.filters) ? s : { filters: next };
    }),
  replaceFilters: (filters) =>
    set((s) => {
      const next = withRangeRule(filters);
      if (sameFilters(next, s.filters)) return s.unknownIds === null ? s : { unknownIds: null };
      return { filters: next, unknownIds: null };
    }),
  correctFilters: (filters, unknownIds) => set({ filters: withRangeRule(filters), unknownIds }),
  dismissUnknownIds: () => set({ unknownIds: null }),
  resetFilters: () => set({ filters: DEFAULT_FILTERS, unknownIds: null }),
  selectObservation: (id) => set({ selectedObservationId: id }),
  analysis: DEFAULT_ANALYSIS,
  setAnalysis: (patch) => set((s) => ({ analysis: { ...s.analysis, ...patch } })),
}));
