import { memo, useRef, useState, type KeyboardEvent } from 'react';
import type { FigureLine, FigureMarker, FigureMarkers, FigureModel } from './figure-spec';
import { FONT } from './figure-spec';
import { r1 } from './paths';
import { FIGURE_FONT_FAMILY } from './svg-text';
import { EndLabels, EventLane, Pivots } from './figure-chart-annotations';

// The stance chart on screen: React SVG printed from the figure model, element for element as the
// export's writer (chart-svg.ts) prints it, plus what only a screen has — focus, hover, the tooltip
// and the vertical rule of the hovered or selected key event. Layers are memoised: a line whose
// model object is unchanged is not re-rendered, and hovering an event re-renders only the lane.

export interface PointHover {
  point: FigureMarker;
  x: number;
  y: number;
}

export interface FigureChartProps {
  model: FigureModel;
  selectedPointId: string | null;
  onPointHover: (hover: PointHover | null) => void;
  onPointActivate: (point: FigureMarker, element: Element) => void;
  /** The event whose badge shows its label and rule (hovered or focused here or in the list). */
  activeEventId: string | null;
  /** The event pinned by a click; its rule stays until clicked again. */
  selectedEventId: string | null;
  onEventHover: (id: string | null) => void;
  onEventSelect: (id: string | null) => void;
}

const Frame = memo(function Frame({ model }: { model: FigureModel }) {
  const { plot, palette } = model;
  const right = plot.x + plot.width;
  const bottom = plot.y + plot.height;
  return (
    <>
      <rect className="plot-area" x={plot.x} y={plot.y} width={plot.width} height={plot.height} fill="none" />
      <g className="y-ticks">
        {model.yTicks.map((t) => (
          <g key={t.value} className="y-tick" data-value={String(t.value)}>
            {t.value !== 0 && (
              <line className="grid" x1={plot.x} x2={right} y1={r1(t.y)} y2={r1(t.y)} stroke={palette.grid} />
            )}
            <text
              x={plot.x - 8}
              y={r1(t.y + 4)}
              textAnchor="end"
              fontSize={FONT.tick}
              fontWeight={t.strong ? 600 : undefined}
              fill={t.strong ? palette.text : palette.muted}
            >
              {t.label}
            </text>
          </g>
        ))}
      </g>
      <g className="x-ticks">
        {model.xTicks.map((t) => (
          <g key={t.t} className="x-tick" data-t={String(t.t)}>
            <line className="grid" x1={r1(t.x)} x2={r1(t.x)} y1={plot.y} y2={bottom} stroke={palette.grid} />
            <line x1={r1(t.x)} x2={r1(t.x)} y1={bottom} y2={bottom + 5} stroke={palette.axis} />
            <text x={r1(t.x)} y={bottom + 19} textAnchor="middle" fontSize={FONT.tick} fill={palette.muted}>
              {t.label}
            </text>
          </g>
        ))}
      </g>
      <line className="x-axis" x1={plot.x} x2={right} y1={bottom} y2={bottom} stroke={palette.axis} />
      <line
        className="zero-line"
        x1={plot.x}
        x2={right}
        y1={r1(model.zeroY)}
        y2={r1(model.zeroY)}
        stroke={palette.zero}
        strokeWidth={1.25}
      />
    </>
  );
});

const SeriesBand = memo(function SeriesBand({ line }: { line: FigureLine }) {
  if (!line.band) return null;
  return (
    <path
      className={`series-band series-band-${line.seriesId}`}
      data-actor={line.seriesId}
      d={line.band}
      fill={line.color}
      fillOpacity={line.bandOpacity}
      stroke="none"
    />
  );
});

const SeriesLine = memo(function SeriesLine({ line }: { line: FigureLine }) {
  return (
    <path
      className={`series-line series-${line.seriesId}`}
      data-actor={line.seriesId}
      d={line.d}
      fill="none"
      stroke={line.color}
      strokeWidth={line.strokeWidth}
      strokeDasharray={line.dash ?? undefined}
      strokeLinejoin="round"
      strokeLinecap="round"
    >
      <title>{line.name}</title>
    </path>
  );
});

interface PointsLayerProps {
  markers: FigureMarkers;
  selectedPointId: string | null;
  onPointHover: FigureChartProps['onPointHover'];
  onPointActivate: FigureChartProps['onPointActivate'];
}

/**
 * Observation markers with a roving tabindex: one tab stop for the whole set, arrow keys move in
 * time order, Enter or Space opens the evidence. Dense views draw one path per actor and style.
 */
const PointsLayer = memo(function PointsLayer({
  markers,
  selectedPointId,
  onPointHover,
  onPointActivate,
}: PointsLayerProps) {
  const groupRef = useRef<SVGGElement>(null);
  const [active, setActive] = useState(0);
  const points = markers.items;
  // The selected point is the tab stop while its evidence is open, so Tab lands back on it.
  const selectedIndex = selectedPointId ? points.findIndex((p) => p.id === selectedPointId) : -1;
  const current = selectedIndex >= 0 ? selectedIndex : Math.min(active, Math.max(points.length - 1, 0));

  if (markers.mode === 'merged') {
    return (
      <g className="observation-points is-merged" aria-hidden="true">
        {markers.merged.map((g) => (
          <path
            key={`${g.seriesId}|${g.fill}|${g.fillOpacity}|${g.strokeOpacity}`}
            className={`series-dots series-dot-${g.seriesId}`}
            d={g.d}
            fill={g.fill}
            fillOpacity={g.fillOpacity}
            stroke={g.stroke}
            strokeOpacity={g.strokeOpacity}
            strokeWidth={g.strokeWidth}
          />
        ))}
      </g>
    );
  }
  if (markers.mode !== 'each') return null;

  const focusIndex = (i: number) => {
    const el = groupRef.current?.querySelector<SVGElement>(`[data-index="${i}"]`);
    setActive(i);
    el?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<SVGCircleElement>, i: number) => {
    const last = points.length - 1;
    const moves: Record<string, number> = {
      ArrowRight: Math.min(i + 1, last),
      ArrowDown: Math.min(i + 1, last),
      ArrowLeft: Math.max(i - 1, 0),
      ArrowUp: Math.max(i - 1, 0),
      Home: 0,
      End: last,
    };
    if (event.key in moves) {
      event.preventDefault();
      focusIndex(moves[event.key]!);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onPointActivate(points[i]!, event.currentTarget);
    }
  };

  return (
    <g
      ref={groupRef}
      className="observation-points"
      role="group"
      aria-label={`Observations: ${points.length} point${points.length === 1 ? '' : 's'}. Arrow keys move between them; Enter opens the evidence.`}
    >
      {points.map((p, i) => (
        <circle
          key={p.id}
          data-index={i}
          data-obs-id={p.id}
          role="button"
          tabIndex={i === current ? 0 : -1}
          aria-label={p.label}
          cx={r1(p.x)}
          cy={r1(p.y)}
          r={p.r}
          fill={p.fill}
          fillOpacity={p.fillOpacity}
          stroke={p.stroke}
          strokeOpacity={p.strokeOpacity}
          strokeWidth={p.strokeWidth}
          className={`series-dot series-dot-${p.seriesId}${p.hollow ? ' is-hollow' : ''}${p.id === selectedPointId ? ' is-selected' : ''}`}
          onClick={(e) => {
            setActive(i);
            onPointActivate(p, e.currentTarget);
          }}
          onKeyDown={(e) => onKeyDown(e, i)}
          onMouseEnter={() => onPointHover({ point: p, x: p.x, y: p.y })}
          onMouseLeave={() => onPointHover(null)}
          onFocus={() => onPointHover({ point: p, x: p.x, y: p.y })}
          onBlur={() => onPointHover(null)}
        />
      ))}
    </g>
  );
});

/** Presentational: the figure model drawn as SVG; no data access, no app state. */
export const FigureChart = memo(function FigureChart({
  model,
  selectedPointId,
  onPointHover,
  onPointActivate,
  activeEventId,
  selectedEventId,
  onEventHover,
  onEventSelect,
}: FigureChartProps) {
  return (
    <svg
      className="figure-chart"
      width={model.width}
      height={model.height}
      viewBox={`0 0 ${model.width} ${model.height}`}
      fontFamily={FIGURE_FONT_FAMILY}
      data-scheme={model.scheme}
    >
      <Frame model={model} />
      <g className="bands">
        {model.lines.map((l) => (
          <SeriesBand key={l.seriesId} line={l} />
        ))}
      </g>
      <g className="lines">
        {model.lines.map((l) => (
          <SeriesLine key={l.seriesId} line={l} />
        ))}
      </g>
      <Pivots model={model} />
      <PointsLayer
        markers={model.markers}
        selectedPointId={selectedPointId}
        onPointHover={onPointHover}
        onPointActivate={onPointActivate}
      />
      <EndLabels model={model} />
      <EventLane
        badges={model.badges}
        palette={model.palette}
        activeEventId={activeEventId}
        selectedEventId={selectedEventId}
        onEventHover={onEventHover}
        onEventSelect={onEventSelect}
      />
      {model.emptyMessage && (
        <text
          className="empty-message"
          x={r1(model.plot.x + model.plot.width / 2)}
          y={r1(model.plot.y + model.plot.height / 2)}
          textAnchor="middle"
          fontSize={FONT.empty}
          fill={model.palette.muted}
        >
          {model.emptyMessage}
        </text>
      )}
    </svg>
  );
});
