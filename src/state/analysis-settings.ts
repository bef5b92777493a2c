import { DEFAULT_PIVOT_OPTIONS, type Sensitivity } from '../domain/analysis/pivots';

/** The Analysis section's UI state: whether it is open and the pivot detector's user-set parameters. */
export interface AnalysisSettings {
  /** The Analysis section is expanded (its code is loaded only then; pivot markers are drawn only then). */
  open: boolean;
  /** Pivot markers on the chart (and in the exported figure). */
  showPivots: boolean;
  sensitivity: Sensitivity;
  /** Fewest observations on each side of a pivot. */
  minSegment: number;
}

export const DEFAULT_ANALYSIS: AnalysisSettings = {
  open: false,
  showPivots: true,
  sensitivity: DEFAULT_PIVOT_OPTIONS.sensitivity,
  minSegment: DEFAULT_PIVOT_OPTIONS.minSegment,
};

export const MAX_MIN_SEGMENT = 10;

/** Keeps user input in range: a whole number of observations from 1 to MAX_MIN_SEGMENT. */
export function clampMinSegment(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_ANALYSIS.minSegment;
  return Math.min(MAX_MIN_SEGMENT, Math.max(1, Math.round(value)));
}
