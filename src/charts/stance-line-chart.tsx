import { timeAxisProps } from './time-axis';
import { memo, useRef, useState, type KeyboardEvent } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  XAxis,
  YAxis,
  ZIndexLayer,
  usePlotArea,
  useXAxisScale,
  useYAxisScale,
} from 'recharts';
import type { LinePoint } from '../domain/series';
import { monthTicks } from '../domain/dates';
import { dodge } from './dodge';
import { useUntabbableLayers } from './use-untabbable-layers';

/** Above this many points a line is drawn with straight segments rather than a monotone curve. */
export const DENSE_LINE_POINTS = 150;

export interface ChartSeries {
  id: string;
  name: string;
  color: string;
  /** The smoothed line; a null score breaks it. */
  points: { t: LinePoint['t']; score: number | null }[];
}

/** One observation drawn as a marker; the words are prepared by the caller. */
export interface ChartPoint {
  id: string;
  seriesId: string;
  t: number;
  score: number;
  color: string;
  /** Month/year-precision observations: drawn hollow at the middle of their period. */
  hollow: boolean;
  /** Accessible name, e.g. "Donald Trump, 19 Feb 2025, score −1: Trump says …". */
  label: string;
  actorName: string;
  dateLabel: string;
  speaker: string;
  scoreLabel: string;
  summary: string;
  note: string | null;
  /** Fill opacity from the observation's confidence (1 high; lower for medium and low). */
  opacity?: number;
}

/** A detected pivot: where a series' mean shifted, drawn as a step from the mean before to the mean after. */
export interface ChartPivot {
  id: string;
  seriesId: string;
  /** First observation after the change, and last before it. */
  t: number;
  tBefore: number;
  before: number;
  after: number;
  color: string;
  /** Hover text, e.g. "Pivot: Donald Trump turned 3.3 points hawkish on 4 Jul 2025 (−1.6 → +1.8)". */
  label: string;
}

export interface ChartEvent {
  id: string;
  t: number;
  /** 1-based, matches the list printed under narrow charts. */
  number: number;
  label: string;
  description: string;
}

export interface PointHover {
  point: ChartPoint;
  x: number;
  y: number;
}

export interface StanceLineChartProps {
  series: ChartSeries[];
  /** Observation markers, in time order; null when there are too many to draw. */
  points: ChartPoint[] | null;
  events: ChartEvent[];
  domain: [number, number];
  width: number;
  height: number;
  negativeLabel: string;
  positiveLabel: string;
  selectedPointId: string | null;
  onPointHover: (hover: PointHover | null) => void;
  onPointActivate: (point: ChartPoint, element: Element) => void;
  /** Pivot markers (Analysis section); none when absent. */
  pivots?: ChartPivot[];
}

const Y_TICKS = [-3, -2, -1, 0, 1, 2, 3];
/** Below this width event labels become numbers keyed to a list under the chart. */
export const NARROW_CHART = 520;
const LABEL_ROOM_LEFT = 28;
const LABEL_ROOM_RIGHT = 16;
const MARKER_RADIUS = 4.5;

interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value: unknown };
}

export function formatScoreTick(v: number, negativeLabel: string, positiveLabel: string): string {
  if (v === 3) return `+3 ${positiveLabel}`;
  if (v === -3) return `−3 ${negativeLabel}`;
  if (v > 0) return `+${v}`;
  if (v < 0) return `−${Math.abs(v)}`;
  return '0';
}

/**
 * Which events get a text label rather than a number: on wide charts, those with room around them.
 * A label runs down the left of its line, so it needs more room on the left than on the right.
 */
export function labelledEvents(xs: number[], wide: boolean): boolean[] {
  return xs.map(
    (x, i) =>
      wide &&
      (i === 0 || x - xs[i - 1]! >= LABEL_ROOM_LEFT) &&
      (i === xs.length - 1 || xs[i + 1]! - x >= LABEL_ROOM_RIGHT),
  );
}

const BADGE_ROWS = 3;
const BADGE_GAP = 17;

/**
 * Rows (0, 1, 2) for the number badges of unlabelled events so neighbours do not overlap: each
 * takes the first row whose last badge is far enough left; -1 when labelled or every row is taken.
 */
export function badgeRows(xs: number[], labelled: boolean[]): number[] {
  const lastInRow = new Array<number>(BADGE_ROWS).fill(-Infinity);
  return xs.map((x, i) => {
    if (labelled[i]) return -1;
    const row = lastInRow.findIndex((last) => x - last >= BADGE_GAP);
    if (row >= 0) lastInRow[row] = x;
    return row;
  });
}

function EventMarkers({ events, wide }: { events: ChartEvent[]; wide: boolean }) {
  const xScale = useXAxisScale();
  const area = usePlotArea();
  if (!xScale || !area || events.length === 0) return null;
  const placed = events
    .map((e) => ({ e, x: xScale(e.t) }))
    .filter((p): p is { e: ChartEvent; x: number } => typeof p.x === 'number' && Number.isFinite(p.x));
  const xs = placed.map((p) => p.x);
  const labelled = labelledEvents(xs, wide);
  const rows = badgeRows(xs, labelled);
  const top = area.y;
  const bottom = area.y + area.height;
  return (
    <g className="event-markers">
      {placed.map(({ e, x }, i) => (
        <g key={e.id} className="event-marker">
          <title>{`${e.label}: ${e.description}`}</title>
          <line
            x1={x}
            x2={x}
            y1={top}
            y2={bottom}
            stroke="var(--event)"
            strokeOpacity={0.7}
            strokeDasharray="4 3"
            strokeWidth={1.25}
          />
          {labelled[i] ? (
            <text
              x={x - 4}
              y={top + 4}
              transform={`rotate(-90 ${x - 4} ${top + 4})`}
              textAnchor="end"
              fontSize={11}
              fill="var(--event-text)"
              stroke="var(--bg)"
              strokeWidth={3}
              paintOrder="stroke"
              className="event-label"
            >
              {e.label}
            </text>
          ) : rows[i]! >= 0 ? (
            <g className="event-number">
              <circle
                cx={x}
                cy={top + 9 + rows[i]! * BADGE_GAP}
                r={8}
                fill="var(--bg)"
                stroke="var(--event)"
              />
              <text
                x={x}
                y={top + 9 + rows[i]! * BADGE_GAP}
                dy={3.5}
                textAnchor="middle"
                fontSize={10}
                fill="var(--event-text)"
              >
                {e.number}
              </text>
            </g>
          ) : null}
        </g>
      ))}
    </g>
  );
}

/** Each pivot: the mean before (left tick), the mean after (right tick) and the step between, at the change. */
function PivotMarkers({ pivots }: { pivots: ChartPivot[] }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  if (!xScale || !yScale || pivots.length === 0) return null;
  const TICK = 22;
  return (
    <g className="pivot-markers">
      {pivots.map((p) => {
        const xAt = xScale(p.t);
        const y0 = yScale(p.before);
        const y1 = yScale(p.after);
        if (![xAt, y0, y1].every((v) => typeof v === 'number' && Number.isFinite(v))) return null;
        // Drawn at the pivot's date (its first observation after the change), as the Pivots list dates it.
        const [x, b, a] = [xAt as number, y0 as number, y1 as number];
        return (
          <g key={p.id} className={`pivot-marker pivot-${p.seriesId}`} data-pivot-id={p.id}>
            <title>{p.label}</title>
            <line x1={x - TICK} x2={x} y1={b} y2={b} stroke={p.color} strokeWidth={3} strokeDasharray="4 2" />
            <line x1={x} x2={x} y1={b} y2={a} stroke={p.color} strokeWidth={2} />
            <line x1={x} x2={x + TICK} y1={a} y2={a} stroke={p.color} strokeWidth={3} />
            <path
              d={`M ${x - 5} ${a + (a < b ? 7 : -7)} L ${x} ${a} L ${x + 5} ${a + (a < b ? 7 : -7)}`}
              fill="none"
              stroke={p.color}
              strokeWidth={2}
            />
            <circle cx={x} cy={a} r={3} fill="var(--bg)" stroke={p.color} strokeWidth={2} />
          </g>
        );
      })}
    </g>
  );
}

interface PointsLayerProps {
  points: ChartPoint[];
  selectedPointId: string | null;
  onPointHover: StanceLineChartProps['onPointHover'];
  onPointActivate: StanceLineChartProps['onPointActivate'];
}

/**
 * Observation markers with a roving tabindex: one tab stop for the whole set, arrow keys move in
 * time order, Enter or Space opens the evidence.
 */
function PointsLayer({ points, selectedPointId, onPointHover, onPointActivate }: PointsLayerProps) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const groupRef = useRef<SVGGElement>(null);
  const [active, setActive] = useState(0);
  // The selected point is the tab stop while its evidence is open, so Tab lands back on it.
  const selectedIndex = selectedPointId ? points.findIndex((p) => p.id === selectedPointId) : -1;
  const current = selectedIndex >= 0 ? selectedIndex : Math.min(active, Math.max(points.length - 1, 0));

  if (!xScale || !yScale) return null;

  // Markers that would cover each other are nudged up or down within their score row, so each stays clickable.
  const raw = points.map((p) => ({ x: xScale(p.t) ?? 0, y: yScale(p.score) ?? 0 }));
  // Slots 7 px apart: markers may touch but each keeps most of its face to click.
  const offsets = dodge(raw, 7);
  const placed = points.map((p, i) => ({ p, x: raw[i]!.x, y: raw[i]!.y + offsets[i]! }));

  const focusIndex = (i: number) => {
    const el = groupRef.current?.querySelector<SVGElement>(`[data-index="${i}"]`);
    setActive(i);
    el?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<SVGGElement>, i: number) => {
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
      {placed.map(({ p, x, y }, i) => (
        <circle
          key={p.id}
          data-index={i}
          data-obs-id={p.id}
          role="button"
          tabIndex={i === current ? 0 : -1}
          aria-label={p.label}
          cx={x}
          cy={y}
          r={MARKER_RADIUS}
          fill={p.hollow ? 'var(--bg)' : p.color}
          fillOpacity={p.hollow ? undefined : p.opacity}
          strokeOpacity={p.hollow ? p.opacity : undefined}
          stroke={p.hollow ? p.color : 'var(--bg)'}
          strokeWidth={p.hollow ? 2 : 1}
          className={`series-dot series-dot-${p.seriesId}${p.hollow ? ' is-hollow' : ''}${p.id === selectedPointId ? ' is-selected' : ''}`}
          onClick={(e) => {
            setActive(i);
            onPointActivate(p, e.currentTarget);
          }}
          onKeyDown={(e) => onKeyDown(e, i)}
          onMouseEnter={() => onPointHover({ point: p, x, y })}
          onMouseLeave={() => onPointHover(null)}
          onFocus={() => onPointHover({ point: p, x, y })}
          onBlur={() => onPointHover(null)}
        />
      ))}
    </g>
  );
}

/** Presentational: lines, markers and event markers from props only; no data access, no app state. */
export const StanceLineChart = memo(function StanceLineChart({
  series,
  points,
  events,
  domain,
  width,
  height,
  negativeLabel,
  positiveLabel,
  selectedPointId,
  onPointHover,
  onPointActivate,
  pivots,
}: StanceLineChartProps) {
  const wrapRef = useRef<HTMLDivElement>(null);
  useUntabbableLayers(wrapRef);
  const narrow = width < NARROW_CHART;
  const xTicks = monthTicks(domain, Math.floor(width / 90));
  // A plain <text> per tick: Recharts' default tick wraps "−3 Conciliatory" onto two lines.
  const renderYTick = ({ x = 0, y = 0, payload }: TickProps) => {
    const v = Number(payload?.value ?? 0);
    const label = narrow
      ? formatScoreTick(v, '', '').trim()
      : formatScoreTick(v, negativeLabel, positiveLabel);
    return (
      <text x={x} y={y} dy={4} textAnchor="end" fill="var(--muted)" fontSize={12}>
        {label}
      </text>
    );
  };
  return (
    <div ref={wrapRef} className="stance-chart">
      <LineChart
        width={width}
        height={height}
        margin={{ top: 12, right: narrow ? 10 : 16, bottom: 8, left: narrow ? 0 : 24 }}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
        <XAxis {...timeAxisProps(domain, xTicks, 12)} minTickGap={24} allowDuplicatedCategory={false} />
        <YAxis
          type="number"
          domain={[-3, 3]}
          ticks={Y_TICKS}
          width={narrow ? 30 : 112}
          stroke="var(--axis)"
          tick={renderYTick}
        />
        <ReferenceLine y={0} stroke="var(--zero)" strokeWidth={1.5} />
        <ZIndexLayer zIndex={350}>
          <EventMarkers events={events} wide={!narrow} />
        </ZIndexLayer>
        {series.map((s) => (
          <Line
            key={s.id}
            name={s.name}
            data={s.points}
            dataKey="score"
            // Dense lines are already smooth; straight segments keep Recharts' per-render path measuring cheap.
            type={s.points.length > DENSE_LINE_POINTS ? 'linear' : 'monotone'}
            stroke={s.color}
            strokeWidth={2.25}
            dot={false}
            activeDot={false}
            isAnimationActive={false}
            connectNulls={false}
            className={`series-line series-${s.id}`}
          />
        ))}
        {pivots && pivots.length > 0 && (
          <ZIndexLayer zIndex={500}>
            <PivotMarkers pivots={pivots} />
          </ZIndexLayer>
        )}
        {points && (
          <ZIndexLayer zIndex={600}>
            <PointsLayer
              points={points}
              selectedPointId={selectedPointId}
              onPointHover={onPointHover}
              onPointActivate={onPointActivate}
            />
          </ZIndexLayer>
        )}
      </LineChart>
    </div>
  );
});
