import { useCallback, useMemo, useState } from 'react';
import type { Dataset } from '../../domain/schema';
import type { ViewSeries } from '../../domain/series';
import {
  StanceLineChart,
  NARROW_CHART,
  labelledEvents,
  type ChartPivot,
  type ChartPoint,
  type PointHover,
} from '../../charts/stance-line-chart';
import { ChartTooltip } from '../../charts/chart-tooltip';
import { createHoverStore } from '../../charts/hover-store';
import { useElementWidth } from '../../ui/use-element-width';
import { useShallow } from 'zustand/react/shallow';
import { useUiStore } from '../../state/ui-store';
import { effectiveRange } from '../../domain/view-filters';
import { ChartLegend } from './chart-legend';
import {
  chartDomain,
  countPoints,
  toChartEvents,
  toChartPoints,
  toChartSeries,
  visibleSeries,
} from '../../charts/chart-model';
import { smoothingMethod } from '../../domain/describe-smoothing';
import { formatPartialDate } from '../../domain/dates';

export interface StanceChartPanelProps {
  dataset: Dataset;
  view: ViewSeries;
  selectedId: string | null;
  onOpenEvidence: (id: string, opener: Element) => void;
  /** Pivot markers from the Analysis section, if it is open and showing them. */
  pivots?: ChartPivot[];
}

export function StanceChartPanel({
  dataset,
  view,
  selectedId,
  onOpenEvidence,
  pivots,
}: StanceChartPanelProps) {
  const [ref, width] = useElementWidth<HTMLDivElement>(800);
  const hidden = useUiStore((s) => s.filters.hidden);
  const showEvents = useUiStore((s) => s.filters.events);
  const { from, to } = useUiStore(useShallow((s) => effectiveRange(s.filters, dataset)));
  const smooth = useUiStore((s) => s.filters.smooth);
  const setFilters = useUiStore((s) => s.setFilters);
  const [hoverStore] = useState(() => createHoverStore<PointHover>());

  const shown = useMemo(() => visibleSeries(view, hidden), [view, hidden]);
  const chartSeries = useMemo(() => toChartSeries(shown, smooth), [shown, smooth]);
  const points = useMemo(() => toChartPoints(shown), [shown]);
  const domain = useMemo(() => chartDomain(view.range, from, to), [view.range, from, to]);
  const events = useMemo(
    () => (showEvents ? toChartEvents(dataset, domain) : []),
    [showEvents, dataset, domain],
  );
  const legendItems = useMemo(
    () =>
      view.series.map((s) => ({
        id: s.actor.id,
        name: s.actor.name,
        color: s.actor.color,
        hidden: hidden.includes(s.actor.id),
      })),
    [view.series, hidden],
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
    (point: ChartPoint, element: Element) => {
      hoverStore.set(null);
      onOpenEvidence(point.id, element);
    },
    [hoverStore, onOpenEvidence],
  );

  const narrow = width < NARROW_CHART;
  // Same rule as the chart (approximate plot width): any event shown as a number is listed below.
  const plotWidth = width - (narrow ? 40 : 152);
  const numbered = labelledEvents(
    events.map((e) => ((e.t - domain[0]) / (domain[1] - domain[0])) * plotWidth),
    !narrow,
  ).some((l) => !l);
  const drawnCount = countPoints(shown);
  const hasDayLine = shown.some((s) => s.line.length > 0);
  const hasHollow = points?.some((p) => p.hollow) ?? false;
  return (
    <figure
      className="chart-figure"
      aria-label="Stance over time, from conciliatory (−3) to hawkish (+3), by actor"
    >
      <figcaption className="chart-caption">
        Stance over time — {dataset.scale.negativeLabel} (−3) to {dataset.scale.positiveLabel} (+3)
      </figcaption>
      <div ref={ref} className="chart-box" onMouseLeave={() => hoverStore.set(null)}>
        <StanceLineChart
          series={chartSeries}
          points={points}
          events={events}
          domain={domain}
          width={width}
          height={narrow ? 300 : 420}
          negativeLabel={dataset.scale.negativeLabel}
          positiveLabel={dataset.scale.positiveLabel}
          selectedPointId={selectedId}
          onPointHover={onPointHover}
          onPointActivate={onPointActivate}
          pivots={pivots}
        />
        <ChartTooltip store={hoverStore} width={width} />
      </div>
      {shown.length === 0 && view.series.length > 0 && (
        <p className="chart-note">Every actor is hidden; press an entry in the legend to show it again.</p>
      )}
      {points === null && (
        <p className="chart-note">
          Points are hidden at this density ({drawnCount.toLocaleString('en-GB')} observations): the chart
          shows the lines only. Narrow the filters or the time range to see each point, or use the table
          below.
        </p>
      )}
      <ChartLegend items={legendItems} onToggle={onToggle} />
      <p className="marker-key">
        <span className="key-item">
          <span className="key-line" aria-hidden="true" />
          {smooth === 0 ? 'daily mean' : `${smooth}-day rolling mean`} of day-dated observations
        </span>
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
        {points !== null && <span className="key-item">paler markers: medium or low confidence</span>}
        {pivots && pivots.length > 0 && (
          <span className="key-item">
            <span className="key-pivot" aria-hidden="true" />
            pivot: mean before → mean after
          </span>
        )}
      </p>
      {events.length > 0 && numbered && (
        <details className="event-list">
          <summary>Key events on the chart ({events.length})</summary>
          <ol>
            {events.map((e) => {
              const src = dataset.events.find((x) => x.id === e.id);
              return (
                <li key={e.id} value={e.number}>
                  {src ? `${formatPartialDate(src.date, src.datePrecision)}: ` : ''}
                  {e.label}
                </li>
              );
            })}
          </ol>
        </details>
      )}
      <details className="method-note">
        <summary>How the line is drawn</summary>
        <p>{smoothingMethod(smooth)}</p>
      </details>
    </figure>
  );
}
