import { Suspense, lazy } from 'react';
import type { DatasetMeta } from '../../domain/dataset-index';
import type { ViewSeries } from '../../domain/series';
import { useUiStore } from '../../state/ui-store';

// The panel's code (lists, matrix, gap chart, styles) is fetched only when the section is first opened.
const AnalysisPanel = lazy(() => import('./analysis-panel').then((m) => ({ default: m.AnalysisPanel })));

export interface AnalysisSectionProps {
  dataset: DatasetMeta;
  view: ViewSeries;
  onOpenEvidence: (id: string, opener: Element) => void;
}

/** The "Analysis" section of the explorer: a heading and a disclosure button; the body loads on demand. */
export function AnalysisSection({ dataset, view, onOpenEvidence }: AnalysisSectionProps) {
  const open = useUiStore((s) => s.analysis.open);
  const setAnalysis = useUiStore((s) => s.setAnalysis);
  return (
    <section className="analysis-section" aria-labelledby="analysis-heading">
      <div className="table-head">
        <h2 id="analysis-heading" className="panel-heading">
          Analysis
        </h2>
        <button
          type="button"
          aria-expanded={open}
          aria-controls="analysis-body"
          onClick={() => setAnalysis({ open: !open })}
        >
          {open ? 'Hide analysis' : 'Show analysis'}
        </button>
      </div>
      {!open && (
        <p className="hint">
          Pivots (where each actor’s stance shifted), words against deeds, and who moved together.
        </p>
      )}
      <div id="analysis-body" hidden={!open}>
        {open && (
          <Suspense
            fallback={
              <p className="hint" role="status">
                Loading analysis…
              </p>
            }
          >
            <AnalysisPanel dataset={dataset} view={view} onOpenEvidence={onOpenEvidence} />
          </Suspense>
        )}
      </div>
    </section>
  );
}
