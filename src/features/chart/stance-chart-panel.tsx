import { useCallback, useMemo, useState } from 'react';
import type { DatasetMeta } from '../../domain/dataset-index';
import type { ViewSeries } from '../../domain/series';
import type { Pivot } from '../../domain/analysis/pivots';
import { FigureChart, type PointHover } from '../../charts/figure-chart';
import { MIN_BAND_N, type FigureMarker } from '../../charts/figure-spec';
import { buildFigureModel, visibleSeries } from '../../charts/figure-model';
import { actorDash } from '../../charts/figure-palette';
import { ChartTooltip } from '../../charts/chart-tooltip';
import { createHoverStore } from '../../charts/hover-store';
import { useElementWidth } from '../../ui/use-element-width';
import { useShallow } from 'zustand/react/shallow';
import { useMediaQuery } from '../../ui/use-media-query';
import { useUiStore } from '../../state/ui-store';
import { effectiveRange } from '../../domain/view-filters';
import { ChartLegend } from './chart-legend';
import { smoothingMethod } from '../../domain/describe-smoothing';

export interface StanceChartPanelProps {
  dataset: DatasetMeta;
  view: ViewSeries;
  selectedId: string | null;
  onOpenEvidence: (id: string, opener: Element) => void;
  /** Pivots to mark, from the Analysis section when it is open and showing them. */
  pivots?: Pivot[];
}

export function StanceChartPanel({
  dataset,
  view,
  selectedId,
  onOpenEvidence,
  pivots,
}: StanceChartPanelProps) {
  const [ref, width] = useElementWidth<HTMLDivElement>(800, { waitForMeasure: true });
  const hidden = useUiStore((s) => s.filters.hidden);
  const showEvents = useUiStore((s) => s.filters.events);
  const { from, to } = useUiStore(useShallow((s) => effectiveRange(s.filters, dataset)));
  const smooth = useUiStore((s) => s.filters.smooth);
  const setFilters = useUiStore((s) => s.setFilters);
  const dark = useMediaQuery('(prefers-color-scheme: dark)');
  const [hoverStore] = useState(() => createHoverStore<PointHover>());
  const [hoverEvent, setHoverEvent] = useState<string | null>(null);
  const [pinnedEvent, setPinnedEvent] = useState<string | null>(null);

  const shown = useMemo(() => visibleSeries(view, hidden), [view, hidden]);
  // Built once the box is measured (before the first paint), so the figure is drawn once, at its width.
  const model = useMemo(
    () =>
      width !== null &&
      buildFigureModel({
        dataset,
        series: shown,
        range: view.range,
        filters: { from, to, smooth, events: showEvents },
        pivots: pivots ?? null,
        width,
        scheme: dark ? 'dark' : 'light',
      }),
    [dataset, shown, view.range, from, to, smooth, showEvents, pivots, width, dark],
  );
  const legendItems = useMemo(
    () =>
      view.series.map((s) => ({
        id: s.actor.id,
        name: s.actor.name,
        color: s.actor.color,
        dash: actorDash(dataset.actors, s.actor.id),
        hidden: hidden.includes(s.actor.id),
      })),
    [dataset.actors, view.series, hidden],
  );

  const onToggle = useCallback(
    (id: string) => {
      const current = useUiStore.getState().filters.hidden;
      setFilters({ hidden: current.includes(id) ? current.filter((x) => x !== id) : [...current, id] });
    },
    [setFilters],
  );
  const onPointHover = useCallback((hover: PointHover | null) => hoverStore.set(hover), [hoverStore]);
  const onPointActivate = useCallback(
    (point: FigureMarker, element: Element) => {
      hoverStore.set(null);
      onOpenEvidence(point.id, element);
    },
    [hoverStore, onOpenEvidence],
  );

  const markers = model ? model.markers : { mode: 'none' as const, count: 0, items: [], merged: [] };
  const hasDayLine = model ? model.lines.length > 0 : true;
  const hasHollow = markers.items.some((p) => p.hollow) || markers.merged.some((g) => g.hollow);
  const hasBand = model ? model.lines.some((l) => l.band) : false;
  return (
    <figure
      className="chart-figure"
      aria-label="Stance over time, from conciliatory (−3) to hawkish (+3), by actor"
    >
      <figcaption className="chart-caption">
        Stance over time — {dataset.scale.negativeLabel} (−3) to {dataset.scale.positiveLabel} (+3)
      </figcaption>
      <div ref={ref} className="chart-box" onMouseLeave={() => hoverStore.set(null)}>
        {/* Until the first measurement: the chart's height, so the page does not shift when it is drawn. */}
        {!model && <div className="chart-placeholder" aria-hidden="true" />}
        {model && (
          <FigureChart
            model={model}
            selectedPointId={selectedId}
            onPointHover={onPointHover}
            onPointActivate={onPointActivate}
            activeEventId={hoverEvent}
            selectedEventId={pinnedEvent}
            onEventHover={setHoverEvent}
            onEventSelect={setPinnedEvent}
          />
        )}
        {width !== null && <ChartTooltip store={hoverStore} width={width} actors={dataset.actors} />}
      </div>
      {shown.length === 0 && view.series.length > 0 && (
        <p className="chart-note">Every actor is hidden; press an entry in the legend to show it again.</p>
      )}
      {markers.mode === 'none' && markers.count > 0 && (
        <p className="chart-note">
          Points are hidden at this density ({markers.count.toLocaleString('en-GB')} observations): the chart
          shows the lines only. Narrow the filters or the time range to see each point, or use the table
          below.
        </p>
      )}
      {markers.mode === 'merged' && (
        <p className="chart-note">
          {markers.count.toLocaleString('en-GB')} observations are drawn as one layer: too many to visit one
          by one here. The table below lists each with its evidence.
        </p>
      )}
      <ChartLegend items={legendItems} onToggle={onToggle} />
      <p className="marker-key">
        <span className="key-item">
          <span className="key-line" aria-hidden="true" />
          {smooth === 0 ? 'daily mean' : `${smooth}-day rolling mean`} of day-dated observations
        </span>
        {hasBand && (
          <span className="key-item">
            <span className="key-band" aria-hidden="true" />
            ±1 standard error (windows of {MIN_BAND_N}+ observations)
          </span>
        )}
        <span className="key-item">
          <span className="key-dot" aria-hidden="true" />
          observation dated to the day
        </span>
        {hasHollow && (
          <span className="key-item">
            <span className="key-dot is-hollow" aria-hidden="true" />
            dated only to the month or year (drawn mid-period, not in the line)
          </span>
        )}
        {!hasDayLine && shown.length > 0 && (
          <span className="key-item">no day-dated observations to draw a line</span>
        )}
        {markers.mode !== 'none' && <span className="key-item">paler markers: medium or low confidence</span>}
        {model && model.pivots.length > 0 && (
          <span className="key-item">
            <span className="key-pivot" aria-hidden="true" />
            pivot: mean before → mean after
          </span>
        )}
      </p>
      {model && model.events.length > 0 && (
        <div className="event-list">
          <h3 className="event-list-heading">Key events on the chart</h3>
          <ol>
            {model.events.map((e) => (
              <li
                key={e.id}
                value={e.number}
                className={e.id === pinnedEvent ? 'is-selected' : undefined}
                onMouseEnter={() => setHoverEvent(e.id)}
                onMouseLeave={() => setHoverEvent(null)}
              >
                <span className="event-date">{e.dateLabel}</span> {e.label}
              </li>
            ))}
          </ol>
        </div>
      )}
      <details className="method-note">
        <summary>How the line is drawn</summary>
        <p>{smoothingMethod(smooth)}</p>
      </details>
    </figure>
  );
}
