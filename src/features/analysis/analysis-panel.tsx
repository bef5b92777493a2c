import type { DatasetMeta } from '../../domain/dataset-index';
import type { ViewSeries } from '../../domain/series';
import { useViewPivots } from './use-view-pivots';
import { PivotsList } from './pivots-list';
import { SayDoGapView } from './say-do-gap-view';
import { AlignmentMatrix } from './alignment-matrix';
import './analysis.css';

export interface AnalysisPanelProps {
  dataset: DatasetMeta;
  view: ViewSeries;
  onOpenEvidence: (id: string, opener: Element) => void;
}

/** The Analysis section's body, loaded on demand: pivots, the say–do gap and alignment, for the current view. */
export function AnalysisPanel({ dataset, view, onOpenEvidence }: AnalysisPanelProps) {
  const pivots = useViewPivots(dataset) ?? [];
  return (
    <div className="analysis-panel">
      <PivotsList dataset={dataset} pivots={pivots} onOpenEvidence={onOpenEvidence} />
      <SayDoGapView dataset={dataset} view={view} />
      <AlignmentMatrix view={view} />
      <p className="hint">
        Each analysis, its parameters and why they were chosen are explained in the Methodology.
      </p>
    </div>
  );
}
