import type { Dataset, Observation } from '../domain/schema';
import { splitAtGaps, type ActorSeries, type LinePoint, type ViewSeries } from '../domain/series';
import type { ViewFilters } from '../domain/view-filters';
import type { Pivot } from '../domain/analysis/pivots';
import { formatPartialDate, toTime } from '../domain/dates';
import { formatScore } from '../domain/format-score';
import { bandPath, circlesPath, linePath, r1 } from './paths';
import { timeDomain, timeTicks, type TickUnit } from './time-ticks';
import { measureText, wrapText } from './svg-text';
import { pivotSentence } from './pivot-model';
import { labelColor, PALETTES, type ColorScheme, type Palette } from './figure-palette';

// The figure model: every decision about what the stance chart shows — plot area, scales, ticks,
// colours, markers and their opacity, lines, bands, labels, key events, pivots — made once, here,
// in plain data. The screen chart (figure-chart.tsx) and the exported SVG (figure-svg.ts) only
// print it, so they cannot disagree. Pure: no React, no DOM.

/** Lines are downsampled (LTTB) to this many points per actor, on screen and in every export alike. */
export const MAX_LINE_POINTS = 800;
/** Up to this many markers each is its own focusable element; beyond it the table is the way in. */
export const FOCUSABLE_MARKERS = 2000;
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

const Y_MIN = -3;
const Y_MAX = 3;
const Y_TICKS = [3, 2, 1, 0, -1, -2, -3];

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
  dataset: Dataset;
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
  /** e.g. "Donald Trump, 19 Feb 2025, score −1: Trump says …". */
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
  /** Every marker in time order (the keyboard order); empty when mode is none. */
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

/** The chart's height for a width: the same rule on screen and in the export, so equal widths draw alike. */
export function chartHeight(width: number): number {
  return width < NARROW_CHART ? 320 : 440;
}

/** Y tick text: "+3 Hawkish", "+2", "0", "−3 Conciliatory" (numbers only on narrow charts). */
export function scoreTickLabel(
  v: number,
  negativeLabel: string,
  positiveLabel: string,
  narrow = false,
): string {
  const n = formatScore(v);
  if (narrow) return n;
  if (v === Y_MAX) return `${n} ${positiveLabel}`;
  if (v === Y_MIN) return `${n} ${negativeLabel}`;
  return n;
}

export function precisionNote(obs: Observation): string | null {
  if (obs.datePrecision === 'month') return 'Dated only to the month: drawn mid-month, left out of the line.';
  if (obs.datePrecision === 'year') return 'Dated only to the year: drawn at mid-year, left out of the line.';
  return null;
}

export function pointLabel(actorName: string, obs: Observation): string {
  const date = formatPartialDate(obs.date, obs.datePrecision);
  const precision = obs.datePrecision === 'day' ? '' : ` (${obs.datePrecision} only)`;
  return `${actorName}, ${date}${precision}, score ${formatScore(obs.score)}: ${obs.summary}`;
}

/** The series drawn: the selection minus actors hidden via the legend. */
export function visibleSeries(view: ViewSeries, hidden: string[]): ActorSeries[] {
  if (hidden.length === 0) return view.series;
  const set = new Set(hidden);
  return view.series.filter((s) => !set.has(s.actor.id));
}

export function countMarkers(series: ActorSeries[]): number {
  return series.reduce((n, s) => n + s.points.length, 0);
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);

interface Scales {
  x: (t: number) => number;
  y: (score: number) => number;
  /** Identifies the mapping, so cached series geometry is reused only under the same scales. */
  key: string;
}

function makeScales(domain: [number, number], plot: Rect, inset: number): Scales {
  const [d0, d1] = domain;
  const x0 = plot.x + inset;
  const xw = plot.width - 2 * inset;
  const y0 = plot.y + inset;
  const yh = plot.height - 2 * inset;
  return {
    x: (t) => x0 + ((t - d0) / (d1 - d0)) * xw,
    // +3 at the top: larger scores have smaller y.
    y: (score) => y0 + ((Y_MAX - score) / (Y_MAX - Y_MIN)) * yh,
    key: `${d0}|${d1}|${x0}|${xw}|${y0}|${yh}`,
  };
}

/** Maximal runs of consecutive items that pass `keep`. */
function splitWhere<T>(items: T[], keep: (item: T) => boolean): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  for (const item of items) {
    if (keep(item)) current.push(item);
    else if (current.length) {
      out.push(current);
      current = [];
    }
  }
  if (current.length) out.push(current);
  return out;
}

// Line and band paths per series, reused while the series' line and the scales are unchanged, so a
// view that only hides an actor hands the other lines back as the same objects (and React skips them).
const lineCache = new WeakMap<LinePoint[], { key: string; line: FigureLine }>();

function lineGeometry(s: ActorSeries, scales: Scales, smooth: number, scheme: ColorScheme): FigureLine {
  const key = `${scales.key}|${smooth}|${scheme}|${s.actor.color}|${s.actor.name}`;
  const cached = lineCache.get(s.line);
  if (cached && cached.key === key) return cached.line;
  const runs = splitAtGaps(s.line, smooth);
  const curved = s.line.length <= DENSE_LINE_POINTS;
  const d = runs
    .map((run) =>
      linePath(
        run.map((p) => [scales.x(p.t), scales.y(p.score)]),
        curved,
      ),
    )
    .join('');
  // The band covers the stretches where every window holds MIN_BAND_N+ observations; elsewhere the
  // standard error rests on too few to draw.
  const bands = runs
    .flatMap((run) => splitWhere(run, (p) => p.n >= MIN_BAND_N))
    .filter((stretch) => stretch.length >= 2)
    .map((stretch) => {
      const upper = stretch.map((p): [number, number] => [
        scales.x(p.t),
        scales.y(clamp(p.hi, Y_MIN, Y_MAX)),
      ]);
      const lower = stretch.map((p): [number, number] => [
        scales.x(p.t),
        scales.y(clamp(p.lo, Y_MIN, Y_MAX)),
      ]);
      return bandPath(upper, lower, curved);
    });
  const line: FigureLine = {
    seriesId: s.actor.id,
    name: s.actor.name,
    color: s.actor.color,
    d,
    band: bands.length ? bands.join('') : null,
    bandOpacity: scheme === 'dark' ? 0.24 : 0.16,
    strokeWidth: 2.25,
  };
  lineCache.set(s.line, { key, line });
  return line;
}

/**
 * Horizontal offsets for markers that share a day and a score (same x, same y): set side by side,
 * centred on the day, 80 % of a marker apart, closer when that would take them more than MAX_FAN px
 * from the day. The score (y) is never moved. Returns an offset per marker.
 */
export function fanOffsets(cells: string[], r: number): number[] {
  const groups = new Map<string, number[]>();
  cells.forEach((key, i) => {
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  });
  const out = new Array<number>(cells.length).fill(0);
  for (const members of groups.values()) {
    const k = members.length;
    if (k < 2) continue;
    const step = Math.min(1.6 * r, (2 * MAX_FAN) / (k - 1));
    members.forEach((idx, j) => (out[idx] = (j - (k - 1) / 2) * step));
  }
  return out;
}

function buildMarkers(
  series: ActorSeries[],
  scales: Scales,
  plot: Rect,
  r: number,
  palette: Palette,
): FigureMarkers {
  const count = countMarkers(series);
  if (count === 0 || count > MAX_DRAWN_MARKERS) return { mode: 'none', count, items: [], merged: [] };
  const mode = count <= FOCUSABLE_MARKERS ? 'each' : 'merged';
  const items: FigureMarker[] = [];
  for (const s of series) {
    for (const p of s.points) {
      const { obs } = p;
      const opacity = CONFIDENCE_OPACITY[obs.confidence];
      const hollow = !p.dayPrecise;
      items.push({
        id: obs.id,
        seriesId: s.actor.id,
        t: p.t,
        score: obs.score,
        x: scales.x(p.t),
        y: scales.y(obs.score),
        r,
        hollow,
        // Filled markers get a ring of background colour, so touching markers stay apart.
        fill: hollow ? palette.background : s.actor.color,
        fillOpacity: hollow ? 1 : opacity,
        stroke: hollow ? s.actor.color : palette.background,
        strokeOpacity: hollow ? opacity : 1,
        strokeWidth: hollow ? 2 : 1,
        color: s.actor.color,
        opacity,
        label: mode === 'each' ? pointLabel(s.actor.name, obs) : '',
        actorName: s.actor.name,
        dateLabel: formatPartialDate(obs.date, obs.datePrecision),
        speaker: obs.speaker,
        scoreLabel: formatScore(obs.score),
        summary: obs.summary,
        note: precisionNote(obs),
      });
    }
  }
  // Time order, then the dataset's actor order: the order the keyboard walks them.
  const order = new Map(series.map((s, i) => [s.actor.id, i]));
  items.sort(
    (a, b) => a.t - b.t || order.get(a.seriesId)! - order.get(b.seriesId)! || (a.id < b.id ? -1 : 1),
  );
  const offsets = fanOffsets(
    items.map((m) => `${m.t}|${m.score}`),
    r,
  );
  // Inside the plot: a fan near the edge is kept within it rather than spilling over the frame.
  items.forEach((m, i) => (m.x = clamp(m.x + offsets[i]!, plot.x + r + 1, plot.x + plot.width - r - 1)));
  if (mode === 'each') return { mode, count, items, merged: [] };
  const groups = new Map<string, { m: FigureMarker; centres: Array<[number, number]> }>();
  for (const m of items) {
    const key = `${m.seriesId}|${m.hollow}|${m.opacity}`;
    const g = groups.get(key);
    if (g) g.centres.push([m.x, m.y]);
    else groups.set(key, { m, centres: [[m.x, m.y]] });
  }
  const merged = [...groups.values()].map(({ m, centres }) => ({
    seriesId: m.seriesId,
    d: circlesPath(centres, r),
    fill: m.fill,
    fillOpacity: m.fillOpacity,
    stroke: m.stroke,
    strokeOpacity: m.strokeOpacity,
    strokeWidth: m.strokeWidth,
  }));
  return { mode, count, items, merged };
}

const LABEL_LINE = 14;

/**
 * End-of-line labels: each actor's name at the height where its line ends (or its last marker),
 * pushed apart where they would overlap and kept within the plot's height; null when they cannot
 * all fit (the legend names the lines instead).
 */
export function placeEndLabels(
  wanted: Array<{ id: string; y: number; height: number }>,
  top: number,
  bottom: number,
): Map<string, number> | null {
  const total = wanted.reduce((h, w) => h + w.height, 0);
  if (total > bottom - top) return null;
  const sorted = [...wanted].sort((a, b) => a.y - b.y);
  // Each label's top edge; first pass down (no overlap), second pass up (inside the bottom).
  const tops = sorted.map((w) => w.y - w.height / 2);
  for (let i = 0; i < tops.length; i++) {
    const prevBottom = i === 0 ? top : tops[i - 1]! + sorted[i - 1]!.height;
    tops[i] = Math.max(tops[i]!, prevBottom);
  }
  for (let i = tops.length - 1; i >= 0; i--) {
    const limit = i === tops.length - 1 ? bottom : tops[i + 1]!;
    tops[i] = Math.min(tops[i]!, limit - sorted[i]!.height);
  }
  return new Map(sorted.map((w, i) => [w.id, tops[i]!]));
}

const BADGE_HEIGHT = 16;
const BADGE_ROW = 20;
const BADGE_ROWS = 3;

interface LaneEvent extends FigureEvent {
  x: number;
}

/** Groups events into badges and rows: events closer than 6 px share one badge; badges that touch move down a row. */
function layoutBadges(
  events: LaneEvent[],
  laneTop: number,
  plot: Rect,
): { badges: Omit<EventBadge, 'stems' | 'rules' | 'tip'>[]; rows: number; members: LaneEvent[][] } {
  const clusters: LaneEvent[][] = [];
  for (const e of events) {
    const last = clusters[clusters.length - 1];
    if (last && e.x - last[last.length - 1]!.x < 6) last.push(e);
    else clusters.push([e]);
  }
  const rowRight: number[] = [];
  const placed: Array<{ members: LaneEvent[]; cx: number; width: number; row: number }> = [];
  const textOf = (m: LaneEvent[]) =>
    m.length === 1 ? String(m[0]!.number) : `${m[0]!.number}–${m[m.length - 1]!.number}`;
  const widthOf = (text: string) => Math.max(BADGE_HEIGHT, measureText(text, FONT.badge, true) + 9);
  for (const members of clusters) {
    const width = widthOf(textOf(members));
    const mid = members.reduce((s, e) => s + e.x, 0) / members.length;
    const cx = clamp(mid, plot.x + width / 2, plot.x + plot.width - width / 2);
    const row = [0, 1, 2].find((r) => rowRight[r] === undefined || cx - width / 2 >= rowRight[r] + 2);
    if (row === undefined) {
      // Every row is taken here: this cluster joins the badge on its left.
      const prev = placed[placed.length - 1]!;
      prev.members.push(...members);
      prev.width = widthOf(textOf(prev.members));
      rowRight[prev.row] = prev.cx + prev.width / 2;
      continue;
    }
    rowRight[row] = cx + width / 2;
    placed.push({ members, cx, width, row });
  }
  const rows = placed.length ? Math.min(BADGE_ROWS, 1 + Math.max(...placed.map((p) => p.row))) : 0;
  return {
    rows,
    members: placed.map((p) => p.members),
    badges: placed.map((p) => {
      const text = textOf(p.members);
      const name =
        p.members.length === 1
          ? `Event ${text}, ${p.members[0]!.dateLabel}: ${p.members[0]!.label}`
          : `Events ${text}: ${p.members.map((e) => `${e.dateLabel}, ${e.label}`).join('; ')}`;
      return {
        key: p.members.map((e) => e.id).join('+'),
        eventIds: p.members.map((e) => e.id),
        text,
        name,
        cx: p.cx,
        cy: laneTop + BADGE_HEIGHT / 2 + p.row * BADGE_ROW,
        width: p.width,
        height: BADGE_HEIGHT,
      };
    }),
  };
}

function eventTip(members: LaneEvent[], cx: number, top: number, chartWidth: number): EventBadge['tip'] {
  const maxWidth = Math.min(300, chartWidth - 8);
  const lines = members.flatMap((e) =>
    wrapText(`${e.number}. ${e.dateLabel} — ${e.label}`, maxWidth - 16, FONT.tip, { maxLines: 2 }),
  );
  const shown = lines.slice(0, 8);
  const width = Math.min(maxWidth, Math.max(...shown.map((l) => measureText(l, FONT.tip))) + 16);
  const height = shown.length * 16 + 10;
  return { x: clamp(cx - width / 2, 4, chartWidth - width - 4), y: top, width, height, lines: shown };
}

/** Key events inside the domain, numbered in time order: the chart, its key and the alt text list these. */
export function eventsInDomain(dataset: Dataset, domain: [number, number]): Array<Omit<FigureEvent, 'x'>> {
  return dataset.events
    .map((e) => ({ e, t: toTime(e.date, e.datePrecision) }))
    .filter(({ t }) => t >= domain[0] && t <= domain[1])
    .sort((a, b) => a.t - b.t)
    .map(({ e, t }, i) => ({
      id: e.id,
      number: i + 1,
      t,
      dateLabel: formatPartialDate(e.date, e.datePrecision),
      label: e.label,
      description: e.description,
    }));
}

function buildEvents(dataset: Dataset, domain: [number, number], scales: Scales): FigureEvent[] {
  return eventsInDomain(dataset, domain).map((e) => ({ ...e, x: scales.x(e.t) }));
}

function buildPivots(
  pivots: Pivot[],
  series: ActorSeries[],
  scales: Scales,
  dataset: Dataset,
): FigurePivot[] {
  const byId = new Map(series.map((s) => [s.actor.id, s.actor]));
  const TICK = 22;
  return pivots
    .filter((p) => byId.has(p.actor))
    .sort((a, b) => a.t - b.t)
    .map((p) => {
      const actor = byId.get(p.actor)!;
      const x = scales.x(p.t);
      const yBefore = scales.y(p.before);
      const yAfter = scales.y(p.after);
      const head = yAfter < yBefore ? 7 : -7;
      return {
        id: `${p.actor}@${p.t}`,
        seriesId: p.actor,
        date: p.date,
        color: actor.color,
        x,
        yBefore,
        yAfter,
        tick: TICK,
        arrow: `M${r1(x - 5)},${r1(yAfter + head)}L${r1(x)},${r1(yAfter)}L${r1(x + 5)},${r1(yAfter + head)}`,
        text: `${formatScore(p.before)} → ${formatScore(p.after)}`,
        textX: x + TICK + 4,
        textY: yAfter + 4,
        title: `Pivot: ${pivotSentence(p, actor.name, dataset.scale.negativeLabel, dataset.scale.positiveLabel)}`,
      };
    });
}

/** Everything the stance chart draws for a view at a width: see the module comment. */
export function buildFigureModel(input: FigureModelInput): FigureModel {
  const { dataset, series, filters, width } = input;
  const scheme = input.scheme ?? 'light';
  const palette = PALETTES[scheme];
  const narrow = width < NARROW_CHART;
  const height = chartHeight(width);
  const r = narrow ? 4 : 4.5;
  const { negativeLabel, positiveLabel } = dataset.scale;
  const domain = timeDomain(input.range, filters.from, filters.to);

  // Left: room for the longest y label. Right: a column for the end labels, unless narrow.
  const yLabels = Y_TICKS.map((v) => ({
    v,
    label: scoreTickLabel(v, negativeLabel, positiveLabel, narrow),
    strong: Math.abs(v) === Y_MAX,
  }));
  const yLabelWidth = Math.max(...yLabels.map((l) => measureText(l.label, FONT.tick, l.strong)));
  const left = Math.ceil(yLabelWidth) + 10;
  const labelWidth = Math.min(
    Math.max(...dataset.actors.map((a) => measureText(a.name, FONT.label, true)), 40),
    Math.max(100, width * 0.16),
  );
  const wantLabels = !narrow && series.length > 0;
  const right = wantLabels ? width - Math.ceil(labelWidth) - 14 : width - 8;

  // Event lane above the plot: laid out on a provisional plot, since only x matters for it.
  const showEvents = filters.events && input.range !== null;
  const provisional = makeScales(domain, { x: left, y: 0, width: right - left, height: 1 }, r + 1.5);
  const events = showEvents ? buildEvents(dataset, domain, provisional) : [];
  const laneTop = 4;
  const lane = layoutBadges(events, laneTop, { x: left, y: 0, width: right - left, height: 0 });
  const plotTop = lane.rows ? laneTop + lane.rows * BADGE_ROW + 6 : 10;
  const plot: Rect = { x: left, y: plotTop, width: right - left, height: height - 28 - plotTop };
  const scales = makeScales(domain, plot, r + 1.5);

  // X ticks: as many as fit with their widest label and some air between.
  let maxTicks = Math.floor(plot.width / 64);
  let ticks = timeTicks(domain, maxTicks);
  for (let guard = 0; guard < 12; guard++) {
    const widest = Math.max(0, ...ticks.ticks.map((t) => measureText(t.label, FONT.tick)));
    const spacing = ticks.ticks.length > 1 ? plot.width / ticks.ticks.length : Infinity;
    if (spacing >= widest + 12 || maxTicks <= 2) break;
    maxTicks = ticks.ticks.length - 1;
    ticks = timeTicks(domain, maxTicks);
  }
  const xTicks = ticks.ticks.map((t) => ({ t: t.t, x: scales.x(t.t), label: t.label }));
  const yTicks = yLabels.map((l) => ({ value: l.v, y: scales.y(l.v), label: l.label, strong: l.strong }));

  const lines = series
    .filter((s) => s.line.length > 0)
    .map((s) => lineGeometry(s, scales, filters.smooth, scheme));
  const markers = buildMarkers(series, scales, plot, r, palette);

  // End labels at the last value of each line (or the last marker when an actor has no line).
  const labelX = plot.x + plot.width + 10;
  const wanted = series.map((s) => {
    const last = s.line[s.line.length - 1];
    const lastPoint = s.points[s.points.length - 1]!;
    const anchor = last ? { t: last.t, score: last.score } : { t: lastPoint.t, score: lastPoint.obs.score };
    const textLines = wrapText(s.actor.name, labelWidth, FONT.label, { bold: true, maxLines: 2 });
    return {
      s,
      id: s.actor.id,
      lines: textLines,
      anchorX: scales.x(anchor.t),
      y: scales.y(anchor.score),
      height: textLines.length * LABEL_LINE + 2,
    };
  });
  const placed = wantLabels ? placeEndLabels(wanted, plot.y, plot.y + plot.height) : null;
  const labelMode = placed ? 'end' : 'legend';
  const endLabels: EndLabel[] = placed
    ? wanted.map((w) => {
        const top = placed.get(w.id)!;
        const mid = top + w.height / 2;
        return {
          seriesId: w.id,
          lines: w.lines,
          color: labelColor(w.s.actor.color, palette.background, palette.text),
          x: labelX,
          y: top + LABEL_LINE - 3,
          anchorY: w.y,
          // A short elbow from the plot's edge when the label had to move away from its line's height.
          connector:
            Math.abs(mid - w.y) > 3
              ? { x1: plot.x + plot.width + 1, y1: w.y, x2: labelX - 3, y2: mid }
              : null,
        };
      })
    : [];
  const legend = series.map((s) => ({ seriesId: s.actor.id, name: s.actor.name, color: s.actor.color }));

  const figureEvents = events.map((e) => ({ ...e, x: scales.x(e.t) }));
  const badgeBottom = (b: { cy: number }) => b.cy + BADGE_HEIGHT / 2;
  const badges: EventBadge[] = lane.badges.map((b, i) => {
    const members = lane.members[i]!.map((e) => figureEvents.find((f) => f.id === e.id)!);
    return {
      ...b,
      stems: members.map((e) => ({ x1: b.cx, y1: badgeBottom(b), x2: e.x, y2: plot.y })),
      rules: members.map((e) => ({ x: e.x, y1: plot.y, y2: plot.y + plot.height })),
      tip: eventTip(members, b.cx, plot.y + 4, width),
    };
  });

  const pivots = input.pivots ? buildPivots(input.pivots, series, scales, dataset) : [];
  const emptyMessage = series.length === 0 ? 'No observations match these filters' : null;

  return {
    width,
    height,
    scheme,
    palette,
    narrow,
    plot,
    domain,
    xUnit: ticks.unit,
    xTicks,
    yTicks,
    zeroY: scales.y(0),
    lines,
    markers,
    labelMode,
    endLabels,
    legend,
    events: figureEvents,
    badges,
    pivots,
    emptyMessage,
  };
}
