import type { Dataset } from '../../domain/schema';
import type { ViewFilters } from '../../domain/view-filters';
import { formatAxisDate, formatPartialDate, monthTicks } from '../../domain/dates';
import { formatScoreTick } from '../../charts/stance-line-chart';
import { countPoints, MAX_DRAWN_POINTS } from '../../charts/chart-model';
import { buildAltText, buildExportView, sourcesUsed, type ExportView } from './export-view';
import { escapeXml, measureText, wrapText } from '../../charts/svg-text';
import type { Pivot } from '../../domain/analysis/pivots';
import { splitAtGaps } from '../../domain/series';
import {
  figurePivots,
  pivotFootnote,
  pivotMarkersSvg,
  type FigurePivotSettings,
} from '../../charts/pivot-figure';

// The briefing figure as one self-contained SVG string: literal colors, a font stack every system has,
// no CSS variables, no external references, no foreignObject — so it looks the same in any viewer and as a PNG.

export interface FigureInput {
  dataset: Dataset;
  filters: ViewFilters;
  /** Printed as the heading and as the SVG's <title>; the view's default when blank. */
  title: string;
  /** The filters in words (actors, themes, kind, range, smoothing). */
  subtitle: string;
  /** ISO day printed in the footnote, "Generated YYYY-MM-DD from …". */
  generatedOn: string;
  /** Draw the view's pivots with these detector settings (as shown on screen); absent or null for none. */
  pivots?: FigurePivotSettings | null;
}

export const FIGURE_WIDTH = 960;
export const FIGURE_FONT = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif";

const MARGIN = 40;
const PLOT_HEIGHT = 380;
const COLORS = {
  background: '#ffffff',
  text: '#1a1d21',
  muted: '#4a5260',
  grid: '#e3e6ea',
  axis: '#6b7380',
  zero: '#1a1d21',
  event: '#6b7380',
  eventBadge: '#3a414c',
};
const Y_TICKS = [-3, -2, -1, 0, 1, 2, 3];

const r1 = (v: number) => Math.round(v * 10) / 10;

function textLines(lines: string[], x: number, y: number, lineHeight: number, attrs: string): string {
  if (lines.length === 0) return '';
  const spans = lines
    .map(
      (line, i) =>
        `<tspan x="${r1(x)}" ${i === 0 ? `y="${r1(y)}"` : `dy="${lineHeight}"`}>${escapeXml(line)}</tspan>`,
    )
    .join('');
  return `<text ${attrs}>${spans}</text>`;
}

/** Monotone cubic curve through points sorted by x (as Recharts' "monotone" line), so the export matches the screen. */
export function monotonePath(pts: Array<[number, number]>): string {
  const n = pts.length;
  if (n === 0) return '';
  const p = (i: number) => pts[i]!;
  const fmt = ([x, y]: [number, number]) => `${r1(x)},${r1(y)}`;
  // One point: a zero-length segment, drawn as a dot by the round line cap.
  if (n === 1) return `M${fmt(p(0))}h0`;
  if (n === 2) return `M${fmt(p(0))}L${fmt(p(1))}`;
  const slopes: number[] = [];
  for (let i = 0; i < n - 1; i++) {
    const dx = p(i + 1)[0] - p(i)[0];
    slopes.push(dx === 0 ? 0 : (p(i + 1)[1] - p(i)[1]) / dx);
  }
  const tangents: number[] = new Array<number>(n).fill(0);
  for (let i = 1; i < n - 1; i++) {
    const h0 = p(i)[0] - p(i - 1)[0];
    const h1 = p(i + 1)[0] - p(i)[0];
    const s0 = slopes[i - 1]!;
    const s1 = slopes[i]!;
    const mid = h0 + h1 === 0 ? 0 : (s0 * h1 + s1 * h0) / (h0 + h1);
    tangents[i] =
      (Math.sign(s0) + Math.sign(s1)) * Math.min(Math.abs(s0), Math.abs(s1), 0.5 * Math.abs(mid)) || 0;
  }
  tangents[0] = (3 * slopes[0]! - tangents[1]!) / 2;
  tangents[n - 1] = (3 * slopes[n - 2]! - tangents[n - 2]!) / 2;
  let d = `M${fmt(p(0))}`;
  for (let i = 0; i < n - 1; i++) {
    const [x0, y0] = p(i);
    const [x1, y1] = p(i + 1);
    const h = (x1 - x0) / 3;
    d += `C${r1(x0 + h)},${r1(y0 + h * tangents[i]!)},${r1(x1 - h)},${r1(y1 - h * tangents[i + 1]!)},${fmt([x1, y1])}`;
  }
  return d;
}

interface Block {
  svg: string;
  height: number;
}

function legendBlock(ev: ExportView, top: number, width: number): Block {
  const fontSize = 14;
  const rowHeight = 24;
  let x = 0;
  let row = 0;
  const items: string[] = [];
  for (const s of ev.series) {
    const name = s.actor.name;
    const itemWidth = 26 + 8 + Math.min(measureText(name, fontSize), width - 34) + 22;
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      row++;
    }
    const cx = MARGIN + x;
    const cy = top + row * rowHeight + 8;
    const label = wrapText(name, width - 34, fontSize, { maxLines: 1 })[0] ?? '';
    items.push(
      `<g class="legend-item" data-actor="${escapeXml(s.actor.id)}">` +
        `<line x1="${r1(cx)}" y1="${r1(cy)}" x2="${r1(cx + 26)}" y2="${r1(cy)}" stroke="${s.actor.color}" stroke-width="3" stroke-linecap="round"/>` +
        `<circle cx="${r1(cx + 13)}" cy="${r1(cy)}" r="4" fill="${s.actor.color}"/>` +
        `<text x="${r1(cx + 34)}" y="${r1(cy + 5)}" font-size="${fontSize}" fill="${COLORS.text}">${escapeXml(label)}</text>` +
        `</g>`,
    );
    x += itemWidth;
  }
  if (items.length === 0) return { svg: '', height: 0 };
  return { svg: `<g class="legend">${items.join('')}</g>`, height: (row + 1) * rowHeight };
}

function xScale(ev: ExportView, left: number, right: number): (t: number) => number {
  const [d0, d1] = ev.domain ?? [0, 1];
  return (t) => left + ((t - d0) / (d1 - d0 || 1)) * (right - left);
}

interface PlotGeometry {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface EventBadge {
  /** Event numbers in the badge: one, or a run such as 8–13 for events too close to tell apart. */
  first: number;
  last: number;
  label: string;
  x: number;
  width: number;
  row: number;
}

const BADGE_HEIGHT = 17;
const BADGE_ROW = 21;

/**
 * Event badges above the plot: events closer than a badge's width share one badge ("8–13"), and
 * badges that would still touch move to a second row, so no number is drawn over another.
 */
export function eventBadges(
  events: ExportView['events'],
  xOf: (t: number) => number,
  left: number,
  right: number,
): EventBadge[] {
  const groups: Array<{ first: number; last: number; xs: number[] }> = [];
  for (const e of events) {
    const x = xOf(e.t);
    const open = groups[groups.length - 1];
    if (open && x - open.xs[0]! < 22) {
      open.xs.push(x);
      open.last = e.number;
    } else {
      groups.push({ first: e.number, last: e.number, xs: [x] });
    }
  }
  const rowRight: number[] = [];
  return groups.map((grp) => {
    const label = grp.first === grp.last ? String(grp.first) : `${grp.first}–${grp.last}`;
    const width = Math.max(BADGE_HEIGHT, measureText(label, 10, true) + 10);
    const mid = grp.xs.reduce((sum, x) => sum + x, 0) / grp.xs.length;
    const x = Math.min(Math.max(mid, left + width / 2), right - width / 2);
    let row = 0;
    while (row < 2 && rowRight[row] !== undefined && x - width / 2 < rowRight[row]! + 3) row++;
    rowRight[row] = Math.max(rowRight[row] ?? -Infinity, x + width / 2);
    return { first: grp.first, last: grp.last, label, x, width, row };
  });
}

function plotBlock(ev: ExportView, g: PlotGeometry, eventStripTop: number, pivots: Pivot[] = []): string {
  const { dataset } = ev;
  const parts: string[] = [];
  const xOf = xScale(ev, g.left, g.right);
  // 8 units inside the frame so points at ±3 are not cut by it.
  const inner = 8;
  const yOf = (score: number) => g.top + inner + ((3 - score) / 6) * (g.bottom - g.top - 2 * inner);

  // Grid, y ticks and labels.
  for (const v of Y_TICKS) {
    const y = r1(yOf(v));
    if (v !== 0) {
      parts.push(
        `<line x1="${g.left}" y1="${y}" x2="${g.right}" y2="${y}" stroke="${COLORS.grid}" stroke-dasharray="3 3"/>`,
      );
    }
    const label = formatScoreTick(v, dataset.scale.negativeLabel, dataset.scale.positiveLabel);
    parts.push(
      `<text x="${g.left - 8}" y="${r1(y + 4)}" text-anchor="end" font-size="12" fill="${COLORS.muted}"${
        Math.abs(v) === 3 ? ' font-weight="bold"' : ''
      }>${escapeXml(label)}</text>`,
    );
  }
  const ticks = ev.domain ? monthTicks(ev.domain, Math.floor((g.right - g.left) / 90)) : [];
  for (const t of ticks) {
    const x = r1(xOf(t));
    parts.push(
      `<line x1="${x}" y1="${g.top}" x2="${x}" y2="${g.bottom}" stroke="${COLORS.grid}" stroke-dasharray="3 3"/>`,
    );
    parts.push(`<line x1="${x}" y1="${g.bottom}" x2="${x}" y2="${g.bottom + 5}" stroke="${COLORS.axis}"/>`);
    parts.push(
      `<text x="${x}" y="${g.bottom + 20}" text-anchor="middle" font-size="12" fill="${COLORS.muted}">${escapeXml(formatAxisDate(t))}</text>`,
    );
  }
  parts.push(
    `<rect x="${g.left}" y="${g.top}" width="${r1(g.right - g.left)}" height="${r1(g.bottom - g.top)}" fill="none" stroke="${COLORS.axis}" stroke-width="1"/>`,
  );
  parts.push(
    `<line class="zero-line" x1="${g.left}" y1="${r1(yOf(0))}" x2="${g.right}" y2="${r1(yOf(0))}" stroke="${COLORS.zero}" stroke-width="1.5"/>`,
  );

  // Key-event markers: a dashed rule per event through the plot, numbered badges above it (the key is printed below).
  for (const e of ev.events) {
    const x = r1(xOf(e.t));
    parts.push(
      `<g class="event-marker" data-event="${escapeXml(e.id)}">` +
        `<line x1="${x}" y1="${g.top}" x2="${x}" y2="${g.bottom}" stroke="${COLORS.event}" stroke-width="1" stroke-dasharray="4 3"/>` +
        `<title>${escapeXml(`${e.number}. ${e.label}`)}</title>` +
        `</g>`,
    );
  }
  for (const b of eventBadges(ev.events, xOf, g.left, g.right)) {
    const cy = eventStripTop + BADGE_HEIGHT / 2 + 2 + b.row * BADGE_ROW;
    parts.push(
      `<g class="event-badge">` +
        `<line x1="${r1(b.x)}" y1="${r1(cy + BADGE_HEIGHT / 2)}" x2="${r1(b.x)}" y2="${g.top}" stroke="${COLORS.event}" stroke-width="1"/>` +
        `<rect x="${r1(b.x - b.width / 2)}" y="${r1(cy - BADGE_HEIGHT / 2)}" width="${r1(b.width)}" height="${BADGE_HEIGHT}" rx="${BADGE_HEIGHT / 2}" fill="${COLORS.eventBadge}"/>` +
        `<text x="${r1(b.x)}" y="${r1(cy + 3.5)}" text-anchor="middle" font-size="10" font-weight="bold" fill="#ffffff">${b.label}</text>` +
        `</g>`,
    );
  }

  if (ev.series.length === 0) {
    parts.push(
      `<text x="${r1((g.left + g.right) / 2)}" y="${r1((g.top + g.bottom) / 2)}" text-anchor="middle" font-size="16" fill="${COLORS.muted}">No observations match these filters</text>`,
    );
    return parts.join('');
  }

  // Observation points under the lines; hollow where dated only to the month or year, as on screen.
  if (countPoints(ev.series) <= MAX_DRAWN_POINTS) {
    for (const s of ev.series) {
      const dots = s.points
        .map((p) =>
          p.dayPrecise
            ? `<circle cx="${r1(xOf(p.t))}" cy="${r1(yOf(p.obs.score))}" r="3.5" fill="${s.actor.color}" fill-opacity="0.55" stroke="${s.actor.color}" stroke-width="1"/>`
            : `<circle cx="${r1(xOf(p.t))}" cy="${r1(yOf(p.obs.score))}" r="3.5" fill="#ffffff" stroke="${s.actor.color}" stroke-width="1.5"/>`,
        )
        .join('');
      parts.push(`<g class="series-points" data-actor="${escapeXml(s.actor.id)}">${dots}</g>`);
    }
  }
  for (const s of ev.series) {
    // One path per actor; a run per stretch of data, broken at gaps exactly as on screen.
    const d = splitAtGaps(s.line, ev.filters.smooth)
      .map((run) => monotonePath(run.map((p) => [xOf(p.t), yOf(p.score)])))
      .join(' ');
    parts.push(
      `<path class="series-line" data-actor="${escapeXml(s.actor.id)}" d="${d}" fill="none" stroke="${s.actor.color}" stroke-width="2.5" stroke-linejoin="round" stroke-linecap="round"><title>${escapeXml(s.actor.name)}</title></path>`,
    );
  }
  if (pivots.length) {
    const colors = new Map(dataset.actors.map((a) => [a.id, a.color]));
    parts.push(
      `<g class="pivot-markers">${pivotMarkersSvg(pivots, (id) => colors.get(id) ?? COLORS.text, xOf, yOf)}</g>`,
    );
  }
  return parts.join('');
}

function eventKeyBlock(ev: ExportView, top: number, width: number): Block {
  if (ev.events.length === 0) return { svg: '', height: 0 };
  const fontSize = 12;
  const lineHeight = 16;
  const gap = 24;
  const colWidth = (width - gap) / 2;
  const textWidth = colWidth - 24;
  const byId = new Map(ev.dataset.events.map((e) => [e.id, e]));
  const entries = ev.events.map((e) => {
    const src = byId.get(e.id);
    const date = src ? formatPartialDate(src.date, src.datePrecision) : '';
    return {
      number: e.number,
      lines: wrapText(`${date} — ${e.label}`, textWidth, fontSize, { maxLines: 2 }),
    };
  });
  const parts: string[] = [
    `<text x="${MARGIN}" y="${r1(top + 12)}" font-size="12" font-weight="bold" fill="${COLORS.text}">Key events</text>`,
  ];
  // Column-major: the first half down the left column, the rest down the right, so numbers read in order.
  const perColumn = Math.ceil(entries.length / 2);
  let maxBottom = top + 18;
  for (let col = 0; col < 2; col++) {
    let y = top + 22;
    for (const entry of entries.slice(col * perColumn, (col + 1) * perColumn)) {
      const x = MARGIN + col * (colWidth + gap);
      parts.push(
        `<circle cx="${r1(x + 8)}" cy="${r1(y + 8)}" r="8" fill="${COLORS.eventBadge}"/>` +
          `<text x="${r1(x + 8)}" y="${r1(y + 11.5)}" text-anchor="middle" font-size="10" font-weight="bold" fill="#ffffff">${entry.number}</text>`,
      );
      parts.push(
        textLines(entry.lines, x + 24, y + 12, lineHeight, `font-size="${fontSize}" fill="${COLORS.text}"`),
      );
      y += entry.lines.length * lineHeight + 6;
    }
    maxBottom = Math.max(maxBottom, y);
  }
  return { svg: `<g class="event-key">${parts.join('')}</g>`, height: maxBottom - top };
}

function footnoteLines(
  ev: ExportView,
  generatedOn: string,
  width: number,
  analysisNote: string | null = null,
): string[] {
  const fontSize = 11.5;
  const line =
    ev.filters.smooth === 0
      ? 'daily mean of day-dated observations'
      : `${ev.filters.smooth}-day centred rolling mean of day-dated observations`;
  const reading = `Points: single coded observations (hollow: dated only to the month or year). Lines: ${line}.`;
  const sources = sourcesUsed(ev);
  const shown = sources.slice(0, 8).map((s) => (s.outlet ? `${s.title} (${s.outlet})` : s.title));
  const more = sources.length > shown.length ? `; and ${sources.length - shown.length} more` : '';
  const sourceLine = sources.length ? `Sources: ${shown.join('; ')}${more}.` : 'Sources: none in this view.';
  const generated = `Generated ${generatedOn} from ${ev.dataset.title} v${ev.dataset.version}.`;
  return [
    ...wrapText(reading, width, fontSize, { maxLines: 2 }),
    ...wrapText(sourceLine, width, fontSize, { maxLines: 5 }),
    ...(analysisNote ? wrapText(analysisNote, width, fontSize, { maxLines: 3 }) : []),
    ...wrapText(generated, width, fontSize, { maxLines: 2 }),
  ];
}

/** The export figure for a view, as an SVG document string (960 user units wide, as tall as it needs). */
export function buildFigureSvg(input: FigureInput, maxLinePoints = 1000): string {
  const ev = buildExportView(input.dataset, input.filters, maxLinePoints);
  const pivots = input.pivots ? figurePivots(input.dataset, input.filters, input.pivots) : null;
  const contentWidth = FIGURE_WIDTH - 2 * MARGIN;
  const title = input.title.trim() || 'Stance over time';
  const body: string[] = [];
  let y = 30;

  const titleLines = wrapText(title, contentWidth, 26, { bold: true, maxLines: 3 });
  body.push(
    textLines(
      titleLines,
      MARGIN,
      y + 26,
      32,
      `class="figure-title" font-size="26" font-weight="bold" fill="${COLORS.text}"`,
    ),
  );
  y += 26 + (titleLines.length - 1) * 32 + 12;

  const subtitleLines = wrapText(input.subtitle, contentWidth, 14.5, { maxLines: 4 });
  body.push(
    textLines(
      subtitleLines,
      MARGIN,
      y + 14,
      20,
      `class="figure-subtitle" font-size="14.5" fill="${COLORS.muted}"`,
    ),
  );
  y += subtitleLines.length * 20 + 12;

  const legend = legendBlock(ev, y, contentWidth);
  body.push(legend.svg);
  y += legend.height + 8;

  const yLabelWidth = Math.max(
    ...Y_TICKS.map((v) =>
      measureText(
        formatScoreTick(v, input.dataset.scale.negativeLabel, input.dataset.scale.positiveLabel),
        12,
        Math.abs(v) === 3,
      ),
    ),
  );
  const left = r1(MARGIN + Math.min(yLabelWidth, 220) + 10);
  const right = FIGURE_WIDTH - MARGIN;
  // Room above the plot for the event badges (up to three staggered rows).
  const eventStripTop = y;
  const badges = eventBadges(ev.events, xScale(ev, left, right), left, right);
  const rowsUsed = badges.length ? 1 + Math.max(...badges.map((b) => b.row)) : 0;
  y += rowsUsed * BADGE_ROW + (rowsUsed ? 6 : 4);
  const plot: PlotGeometry = { left, right, top: y, bottom: y + PLOT_HEIGHT };
  body.push(`<g class="plot">${plotBlock(ev, plot, eventStripTop, pivots ?? [])}</g>`);
  y = plot.bottom + 34;

  const key = eventKeyBlock(ev, y, contentWidth);
  body.push(key.svg);
  if (key.height) y += key.height + 10;

  const foot = footnoteLines(
    ev,
    input.generatedOn,
    contentWidth,
    pivots && input.pivots ? pivotFootnote(pivots, input.pivots) : null,
  );
  body.push(
    textLines(foot, MARGIN, y + 12, 16, `class="figure-footnote" font-size="11.5" fill="${COLORS.muted}"`),
  );
  y += foot.length * 16 + 18;

  const height = Math.ceil(y);
  const alt = buildAltText(ev, title);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${FIGURE_WIDTH}" height="${height}" viewBox="0 0 ${FIGURE_WIDTH} ${height}" role="img" aria-labelledby="figure-title figure-desc" font-family="${FIGURE_FONT}">` +
    `<title id="figure-title">${escapeXml(title)}</title>` +
    `<desc id="figure-desc">${escapeXml(alt)}</desc>` +
    `<rect width="${FIGURE_WIDTH}" height="${height}" fill="${COLORS.background}"/>` +
    body.join('') +
    `</svg>\n`
  );
}
