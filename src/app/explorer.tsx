import { useCallback, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DatasetMeta } from '../domain/dataset-index';
import type { ViewSeries } from '../domain/series';
import { toSeriesQuery } from '../domain/series-query';
import { useIdleValue } from '../ui/use-idle-value';
import { useView } from './use-view';
import { LinkNotice, useDropUnknownIds } from './link-notice';
import { useUiStore } from '../state/ui-store';
import { FilterPanel } from '../features/filters/filter-panel';
import { TimeBrushPanel } from '../features/filters/time-brush-panel';
import { StanceChartPanel } from '../features/chart/stance-chart-panel';
import { ChartToolbar } from '../features/chart/chart-toolbar';
import { ExportMenu } from '../features/export/export-menu';
import { EvidencePanel } from '../features/evidence/evidence-panel';
import { ObservationsTable } from '../features/table/observations-table';
import { ViewSummary } from '../features/summary/view-summary';
import { AnalysisSection } from '../features/analysis/analysis-section';
import { useChartPivots } from '../features/analysis/use-view-pivots';
import { MAX_LINE_POINTS } from '../charts/figure-spec';
import { LoadingView } from './status-views';

/** The explorer: filters beside the chart, brush, summary and table, and the Evidence panel. */
export function Explorer({ dataset }: { dataset: DatasetMeta }) {
  useDropUnknownIds(dataset);
  const view = useView(dataset, MAX_LINE_POINTS);
  const pivots = useChartPivots(dataset);
  const selectedId = useUiStore((s) => s.selectedObservationId);
  const selectObservation = useUiStore((s) => s.selectObservation);
  const resetFilters = useUiStore((s) => s.resetFilters);
  const openerRef = useRef<Element | null>(null);

  const openEvidence = useCallback(
    (id: string, opener: Element) => {
      openerRef.current = opener;
      selectObservation(id);
    },
    [selectObservation],
  );

  const closeEvidence = useCallback(() => {
    const id = useUiStore.getState().selectedObservationId;
    selectObservation(null);
    // Back to whatever opened it; if filters removed it meanwhile, to the same observation elsewhere.
    const opener = openerRef.current;
    const target =
      opener && opener.isConnected
        ? opener
        : id
          ? document.querySelector(`[data-obs-id="${CSS.escape(id)}"]`)
          : null;
    if (target instanceof HTMLElement || target instanceof SVGElement) target.focus();
    openerRef.current = null;
  }, [selectObservation]);

  // A remote source may still be answering for the first view: the chart area waits, the filters work.
  if (!view) {
    return (
      <div className="explorer">
        <FilterPanel dataset={dataset} />
        <div className="explorer-main">
          <LoadingView label="Computing the view…" />
        </div>
      </div>
    );
  }
  const empty = view.count === 0;
  return (
    <div className={`explorer${selectedId ? ' has-evidence' : ''}`}>
      <FilterPanel dataset={dataset} />
      <div className="explorer-main">
        <LinkNotice />
        <ChartToolbar>
          <ExportMenu dataset={dataset} view={view} />
        </ChartToolbar>
        {empty ? (
          <div className="empty-state" role="status">
            <p>No observations match these filters</p>
            <button type="button" onClick={resetFilters}>
              Reset filters
            </button>
          </div>
        ) : (
          <StanceChartPanel
            dataset={dataset}
            view={view}
            selectedId={selectedId}
            onOpenEvidence={openEvidence}
            pivots={pivots}
          />
        )}
        <TimeBrushPanel dataset={dataset} />
        {!empty && (
          <BelowChart dataset={dataset} view={view} selectedId={selectedId} onOpenEvidence={openEvidence} />
        )}
      </div>
      {selectedId && <EvidencePanel dataset={dataset} observationId={selectedId} onClose={closeEvidence} />}
    </div>
  );
}

/**
 * Summary, analyses and table: they follow the view once the browser is idle after a change, so a
 * filter change reaches the chart's frame without them, and they render in slices that yield.
 */
function BelowChart({
  dataset,
  view,
  selectedId,
  onOpenEvidence,
}: {
  dataset: DatasetMeta;
  view: ViewSeries;
  selectedId: string | null;
  onOpenEvidence: (id: string, opener: Element) => void;
}) {
  const query = useUiStore(useShallow((s) => toSeriesQuery(s.filters, dataset)));
  // The view and the filters it was computed for change together, so names, sentences and rows agree.
  const current = useMemo(() => ({ view, query }), [view, query]);
  const below = useIdleValue(current);
  // Kept while `below` is unchanged, so the filter change's own render skips summary, analyses and table.
  return useMemo(
    () =>
      !below || below.view.count === 0 ? null : (
        <>
          <ViewSummary dataset={dataset} view={below.view} actors={below.query.actors} />
          <AnalysisSection dataset={dataset} view={below.view} onOpenEvidence={onOpenEvidence} />
          <ObservationsTable
            dataset={dataset}
            query={below.query}
            selectedId={selectedId}
            onOpenEvidence={onOpenEvidence}
          />
        </>
      ),
    [below, dataset, selectedId, onOpenEvidence],
  );
}
