import type { PlacedObservation } from '../domain/dataset-index';
import { detectViewPivots, type Pivot, type PivotOptions } from '../domain/analysis/pivots';
import type { ViewFilters } from '../domain/view-filters';

// Pivots for the exported figure (the figure model draws them), so a briefing figure carries the
// analysis the user had on screen, and its footnote says so.

export type FigurePivotSettings = Pick<PivotOptions, 'sensitivity' | 'minSegment'>;

/** The view's pivots as the chart draws them: actors hidden via the legend are left out. */
export function figurePivots(
  byActor: Map<string, PlacedObservation[]>,
  filters: ViewFilters,
  settings: FigurePivotSettings,
): Pivot[] {
  const hidden = new Set(filters.hidden);
  return detectViewPivots(byActor, settings).filter((p) => !hidden.has(p.actor));
}

/** The footnote sentence naming the analysis drawn and its parameters. */
export function pivotFootnote(pivots: Pivot[], settings: FigurePivotSettings): string {
  const count = pivots.length === 0 ? 'none found in this view' : `${pivots.length} marked`;
  const side = settings.minSegment === 1 ? '1 observation' : `${settings.minSegment} observations`;
  return (
    `Pivots (${count}): shifts in each actor's mean score found by change-point detection (PELT), ` +
    `sensitivity ${settings.sensitivity} of 5, at least ${side} on each side; each step runs from the mean before to the mean after. ` +
    `See Methodology → Analysis.`
  );
}
