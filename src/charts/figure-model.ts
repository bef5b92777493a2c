import type { ActorSeries, ViewSeries } from '../domain/series';
import { formatScore } from '../domain/format-score';
import { timeDomain, timeTicks } from './time-ticks';
import { measureText, wrapText } from './svg-text';
import { actorDash, labelColor, PALETTES } from './figure-palette';
import {
  FONT,
  NARROW_CHART,
  Y_MAX,
  Y_MIN,
  Y_TICKS,
  type EndLabel,
  type EventBadge,
  type FigureModel,
  type FigureModelInput,
  type Rect,
} from './figure-spec';
import { makeScales } from './figure-scales';
import { lineGeometry } from './figure-lines';
import { buildMarkers } from './figure-markers';
import {
  BADGE_HEIGHT,
  BADGE_ROW,
  buildEvents,
  buildPivots,
  eventTip,
  LABEL_LINE,
  layoutBadges,
  placeEndLabels,
} from './figure-annotations';

// The figure model: every decision about what the stance chart shows — plot area, scales, ticks,
// colours, markers and their opacity, lines, bands, labels, key events, pivots — made once, here,
// in plain data. The screen chart (figure-chart.tsx) and the exported SVG (figure-svg.ts) only
// print it, so they cannot disagree. Pure: no React, no DOM.
// The pieces: figure-spec (limits, shapes), figure-scales, figure-lines, figure-markers, figure-annotations.

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

/** The series drawn: the selection minus actors hidden via the legend. */
export function visibleSeries(view: ViewSeries, hidden: string[]): ActorSeries[] {
  if (hidden.length === 0) return view.series;
  const set = new Set(hidden);
  return view.series.filter((s) => !set.has(s.actor.id));
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

  const dashOf = (id: string) => actorDash(dataset.actors, id);
  const lines = series
    .filter((s) => s.line.length > 0)
    .map((s) => lineGeometry(s, scales, filters.smooth, scheme, dashOf(s.actor.id)));
  const markers = buildMarkers(series, scales, plot, r, palette);

  // End labels at the last value of each line (or the last marker when an actor has no line).
  const labelX = plot.x + plot.width + 10;
  const wanted = series.map((s) => {
    const last = s.line[s.line.length - 1];
    const lastPoint = last ? null : s.points[s.points.length - 1]!;
    const anchor = last ? { t: last.t, score: last.score } : { t: lastPoint!.t, score: lastPoint!.obs.score };
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
  const legend = series.map((s) => ({
    seriesId: s.actor.id,
    name: s.actor.name,
    color: s.actor.color,
    dash: dashOf(s.actor.id),
  }));

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
