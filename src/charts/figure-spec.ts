import type { Dataset, Observation } from '../domain/schema';
import type { ActorSeries } from '../domain/series';
import type { ViewFilters } from '../domain/view-filters';
import type { Pivot } from '../domain/analysis/pivots';
import type { TickUnit } from './time-ticks';
import type { ColorScheme, Palette } from './figure-palette';

// The figure model's vocabulary: its limits and the plain-data shapes it hands to both renderers
// (figure-model.ts builds them; figure-chart.tsx and chart-svg.ts print them).

/** Lines are downsampled (LTTB) to this many points per actor, on screen and in every export alike. */
export const MAX_LINE_POINTS = 800;
/**
 * Up to this many markers each is its own element, walked with the arrow keys and hovered for its
 * tooltip; beyond it they are one path per actor and style, and the table (searchable, sorted, with
 * every observation's evidence) is the way in. Nobody walks 500 markers by keyboard, and each one
 * drawn as an element costs the whole page's layout on every filter change.
 */
export const FOCUSABLE_MARKERS = 500;
/** Beyond this many markers none are drawn (lines only), to keep drawing fast. */
export const MAX_DRAWN_MARKERS = 6000;
/** Below this chart width: shorter axis labels, no end-of-line labels (the legend names the lines). */
export const NARROW_CHART = 520;
/** Above this many points a line is drawn with straight segments rather than a monotone curve. */
export const DENSE_LINE_POINTS = 150;
/** The band is drawn where each window holds at least this many observations. */
export const MIN_BAND_N = 3;
/** Markers that share a day and a score are set side by side, at most this far (px) either side of the day. */
export const MAX_FAN = 14;

/** Markers fade with the coder's confidence, so the eye weighs solid evidence more. */
export const CONFIDENCE_OPACITY: Record<Observation['confidence'], number> = {
  high: 1,
  medium: 0.6,
  low: 0.3,
};

export const Y_MIN = -3;
export const Y_MAX = 3;
export const Y_TICKS = [3, 2, 1, 0, -1, -2, -3];

export const FONT = {
  tick: 12,
  label: 12.5,
  badge: 10.5,
  tip: 12,
  pivot: 11,
  empty: 15,
} as const;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FigureModelInput {
  // Never the observations: the figure reads the series and the dataset's labels, events and actors.
  dataset: Omit<Dataset, 'observations'>;
  /** The series drawn: the view's selection less the actors hidden via the legend. */
  series: ActorSeries[];
  /** The view's time range (filter bounds, else the filtered data's extent); null when nothing matches. */
  range: [number, number] | null;
  filters: Pick<ViewFilters, 'from' | 'to' | 'smooth' | 'events'>;
  /** Detected pivots to mark (those of undrawn actors are left out); none when absent. */
  pivots?: Pivot[] | null;
  /** Width of the chart in px (user units); the height follows from it. */
  width: number;
  scheme?: ColorScheme;
}

export interface XTick {
  t: number;
  x: number;
  label: string;
}

export interface YTick {
  value: number;
  y: number;
  label: string;
  /** The scale's ends (±3), set in semibold. */
  strong: boolean;
}

export interface FigureLine {
  seriesId: string;
  name: string;
  color: string;
  /** The smoothed line, one path for all its runs (broken at gaps). */
  d: string;
  /** ±1 standard error around it, one closed path per run; null when no point has enough observations. */
  band: string | null;
  bandOpacity: number;
  strokeWidth: number;
  /** SVG stroke-dasharray, or null for solid: tells apart actors that share a colour (see lineDashes). */
  dash: string | null;
}

/** One observation as a marker, positioned and styled; the words serve its accessible name and tooltip. */
export interface FigureMarker {
  id: string;
  seriesId: string;
  t: number;
  score: number;
  x: number;
  y: number;
  r: number;
  /** Month/year-precision observations: hollow, at the middle of their period. */
  hollow: boolean;
  fill: string;
  fillOpacity: number;
  stroke: string;
  strokeOpacity: number;
  strokeWidth: number;
  color: string;
  opacity: number;
  /** e.g. "Donald Trump, 19 Feb 2025, score −1: Trump says …". The text fields are empty for merged markers. */
  label: string;
  actorName: string;
  dateLabel: string;
  speaker: string;
  scoreLabel: string;
  summary: string;
  note: string | null;
}

/** Markers of one actor and one style merged into one path, for dense views. */
export interface MergedMarkers {
  seriesId: string;
  d: string;
  /** Month/year-precision observations (hollow markers). */
  hollow: boolean;
  fill: string;
  fillOpacity: number;
  stroke: string;
  strokeOpacity: number;
  strokeWidth: number;
}

export interface FigureMarkers {
  /** each: one focusable element per marker; merged: one path per actor and style; none: too many to draw. */
  mode: 'each' | 'merged' | 'none';
  count: number;
  /** Every marker in time order (the keyboard order) when mode is each; else empty. */
  items: FigureMarker[];
  merged: MergedMarkers[];
}

export interface EndLabel {
  seriesId: string;
  lines: string[];
  color: string;
  x: number;
  /** Baseline of the first line. */
  y: number;
  /** Where the line ends (the label points there when it had to move away). */
  anchorY: number;
  connector: { x1: number; y1: number; x2: number; y2: number } | null;
}

export interface LegendEntry {
  seriesId: string;
  name: string;
  color: string;
  dash: string | null;
}

export interface FigureEvent {
  id: string;
  number: number;
  t: number;
  x: number;
  dateLabel: string;
  label: string;
  description: string;
}

export interface EventBadge {
  key: string;
  /** Events in this badge: one, or a run such as 8–13 too close together to tell apart. */
  eventIds: string[];
  text: string;
  /** Accessible name: "Event 7, 14 Jul 2025: 50-day deadline". */
  name: string;
  cx: number;
  cy: number;
  width: number;
  height: number;
  /** Badge to each event's place on the plot's top edge. */
  stems: Array<{ x1: number; y1: number; x2: number; y2: number }>;
  /** Vertical rules through the plot, drawn only while the badge is hovered or selected. */
  rules: Array<{ x: number; y1: number; y2: number }>;
  /** The label shown on hover and focus. */
  tip: { x: number; y: number; width: number; height: number; lines: string[] };
}

export interface FigurePivot {
  id: string;
  seriesId: string;
  /** The pivot's date as the data gives it (its first observation after the change). */
  date: string;
  color: string;
  x: number;
  yBefore: number;
  yAfter: number;
  /** Length of the before/after ticks. */
  tick: number;
  arrow: string;
  text: string;
  textX: number;
  textY: number;
  /** "Pivot: Donald Trump turned 3.3 points hawkish on 4 Jul 2025 (−1.6 → +1.8)". */
  title: string;
}

export interface FigureModel {
  width: number;
  height: number;
  scheme: ColorScheme;
  palette: Palette;
  narrow: boolean;
  plot: Rect;
  domain: [number, number];
  xUnit: TickUnit;
  xTicks: XTick[];
  yTicks: YTick[];
  zeroY: number;
  lines: FigureLine[];
  markers: FigureMarkers;
  /** end: each line named at its end; legend: the labels cannot fit, so a legend names the lines. */
  labelMode: 'end' | 'legend';
  endLabels: EndLabel[];
  legend: LegendEntry[];
  events: FigureEvent[];
  badges: EventBadge[];
  pivots: FigurePivot[];
  /** Printed in the plot when nothing is drawn. */
  emptyMessage: string | null;
}
