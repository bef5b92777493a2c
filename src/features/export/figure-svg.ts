import type { DatasetMeta, PlacedObservation } from '../../domain/dataset-index';
import type { ViewSeries } from '../../domain/series';
import type { Pivot } from '../../domain/analysis/pivots';
import { effectiveRange, type ViewFilters } from '../../domain/view-filters';
import { buildFigureModel } from '../../charts/figure-model';
import type { FigureModel } from '../../charts/figure-spec';
import { chartSvg } from '../../charts/chart-svg';
import { escapeXml, FIGURE_FONT_FAMILY, measureText, wrapText } from '../../charts/svg-text';
import { r1 } from '../../charts/paths';
import { PALETTES } from '../../charts/figure-palette';
import { figurePivots, pivotFootnote, type FigurePivotSettings } from '../../charts/pivot-figure';
import { buildAltText, buildExportView, sourcesUsed, type ExportView } from './export-view';

// The briefing figure: title, subtitle, the chart (the same figure model the screen draws, at the
// export's width), the key to the numbered events and a footnote naming the method and the sources,
// as one self-contained SVG string. Pure: callable headlessly (model → SVG string).

export interface FigureInput {
  dataset: DatasetMeta;
  filters: ViewFilters;
  /** The query layer's answer for these filters (src/data/stance-queries.ts). */
  view: ViewSeries;
  /** Printed as the heading and as the SVG's <title>; the view's default when blank. */
  title: string;
  /** The filters in words (actors, themes, kind, range, smoothing). */
  subtitle: string;
  /** ISO day printed in the footnote, "Generated YYYY-MM-DD from …". */
  generatedOn: string;
  /** Draw the view's pivots with these detector settings (as shown on screen); absent or null for none. */
  pivots?: FigurePivotSettings | null;
  /** Leave out the title, subtitle and footnote (a slide sets them as its own editable text). */
  chartOnly?: boolean;
  /** The view's observations per actor, which the pivots are detected in; needed when `pivots` is set. */
  byActor?: Map<string, PlacedObservation[]>;
}

/** A font embedded in the SVG (base64 WOFF2), so it renders in the figure's own typeface anywhere. */
export interface EmbeddedFont {
  weight: number;
  base64: string;
}

export const FIGURE_WIDTH = 960;
const MARGIN = 40;
/** The chart's width inside the figure's margins: the screen chart at this width draws the same. */
export const FIGURE_CHART_WIDTH = FIGURE_WIDTH - 2 * MARGIN;

const TITLE = { size: 24, line: 30 };
const SUBTITLE = { size: 14, line: 19 };
const KEY = { size: 12, line: 16 };
const FOOT = { size: 11, line: 15 };

export interface FigureDocument {
  width: number;
  height: number;
  title: string;
  alt: string;
  titleLines: string[];
  subtitleLines: string[];
  /** Only when the end-of-line labels cannot fit (the chart's labelMode is legend). */
  legend: Array<{ name: string; color: string; dash: string | null; x: number; y: number }>;
  chart: FigureModel;
  chartX: number;
  chartY: number;
  key: Array<{ number: number; lines: string[]; x: number; y: number }>;
  keyTop: number;
  footnote: string[];
  footTop: number;
}

function legendLayout(chart: FigureModel, top: number): { items: FigureDocument['legend']; height: number } {
  if (chart.labelMode === 'end' || chart.legend.length === 0) return { items: [], height: 0 };
  const items: FigureDocument['legend'] = [];
  let x = 0;
  let row = 0;
  for (const entry of chart.legend) {
    const w = 24 + measureText(entry.name, 13) + 20;
    if (x > 0 && x + w > FIGURE_CHART_WIDTH) {
      x = 0;
      row++;
    }
    items.push({
      name: entry.name,
      color: entry.color,
      dash: entry.dash,
      x: MARGIN + x,
      y: top + row * 22 + 9,
    });
    x += w;
  }
  return { items, height: (row + 1) * 22 + 6 };
}

/** The footnote's paragraphs, unwrapped: how to read the chart, its sources, the analysis drawn, where it came from. */
export function footnoteParagraphs(
  ev: ExportView,
  generatedOn: string,
  analysisNote: string | null,
): { reading: string; sources: string; analysis: string | null; generated: string } {
  const line =
    ev.filters.smooth === 0
      ? 'daily mean of day-dated observations'
      : `${ev.filters.smooth}-day centred rolling mean of day-dated observations`;
  const reading =
    `Points: single coded observations, paler for lower confidence (hollow: dated only to the month or year). ` +
    `Lines: ${line}; shading: ±1 standard error of that mean where at least 3 observations are in the window.`;
  const sources = sourcesUsed(ev);
  const shown = sources.slice(0, 8).map((s) => (s.outlet ? `${s.title} (${s.outlet})` : s.title));
  const more = sources.length > shown.length ? `; and ${sources.length - shown.length} more` : '';
  const sourceLine = sources.length ? `Sources: ${shown.join('; ')}${more}.` : 'Sources: none in this view.';
  const generated = `Generated ${generatedOn} from ${ev.dataset.title} v${ev.dataset.version}.`;
  return { reading, sources: sourceLine, analysis: analysisNote, generated };
}

function footnoteLines(ev: ExportView, generatedOn: string, analysisNote: string | null): string[] {
  const width = FIGURE_CHART_WIDTH;
  const f = footnoteParagraphs(ev, generatedOn, analysisNote);
  return [
    ...wrapText(f.reading, width, FOOT.size, { maxLines: 3 }),
    ...wrapText(f.sources, width, FOOT.size, { maxLines: 5 }),
    ...(f.analysis ? wrapText(f.analysis, width, FOOT.size, { maxLines: 3 }) : []),
    ...wrapText(f.generated, width, FOOT.size, { maxLines: 2 }),
  ];
}

/** The chart model of an export view: what the screen would draw for it at the export's width. */
export function exportChartModel(ev: ExportView, pivots: Pivot[] | null = null): FigureModel {
  return buildFigureModel({
    dataset: ev.dataset,
    series: ev.series,
    range: ev.view.range,
    // The range the view shows: the user's From/To, or the dataset's default when none was chosen.
    filters: { ...ev.filters, ...effectiveRange(ev.filters, ev.dataset) },
    pivots,
    width: FIGURE_CHART_WIDTH,
    scheme: 'light',
  });
}

/** Where everything in the exported figure goes (pure). */
export function buildFigureDocument(input: FigureInput): FigureDocument {
  const ev = buildExportView(input.dataset, input.filters, input.view);
  const pivots =
    input.pivots && input.byActor ? figurePivots(input.byActor, input.filters, input.pivots) : null;
  const chart = exportChartModel(ev, pivots);
  const title = input.title.trim() || 'Stance over time';
  const chartOnly = input.chartOnly === true;
  let y = 28;
  const titleLines = chartOnly
    ? []
    : wrapText(title, FIGURE_CHART_WIDTH, TITLE.size, { bold: true, maxLines: 3 });
  const subtitleLines = chartOnly
    ? []
    : wrapText(input.subtitle, FIGURE_CHART_WIDTH, SUBTITLE.size, { maxLines: 4 });
  if (chartOnly) y = 12;
  else y += TITLE.size + (titleLines.length - 1) * TITLE.line + 10 + subtitleLines.length * SUBTITLE.line + 8;
  const legend = legendLayout(chart, y);
  y += legend.height;
  const chartY = y;
  y += chart.height + 14;

  const keyTop = y;
  const key: FigureDocument['key'] = [];
  if (chart.events.length) {
    const gap = 24;
    const colWidth = (FIGURE_CHART_WIDTH - gap) / 2;
    const perColumn = Math.ceil(chart.events.length / 2);
    let bottom = y + 18;
    // Column-major: the first half down the left column, the rest down the right, so numbers read in order.
    for (let col = 0; col < 2; col++) {
      let rowY = y + 20;
      for (const e of chart.events.slice(col * perColumn, (col + 1) * perColumn)) {
        const lines = wrapText(`${e.dateLabel} — ${e.label}`, colWidth - 26, KEY.size, { maxLines: 2 });
        key.push({ number: e.number, lines, x: MARGIN + col * (colWidth + gap), y: rowY });
        rowY += lines.length * KEY.line + 5;
      }
      bottom = Math.max(bottom, rowY);
    }
    y = bottom + 8;
  }
  const footTop = y;
  const footnote = chartOnly
    ? []
    : footnoteLines(
        ev,
        input.generatedOn,
        input.pivots && pivots ? pivotFootnote(pivots, input.pivots) : null,
      );
  y += chartOnly ? 0 : footnote.length * FOOT.line + 16;
  return {
    width: FIGURE_WIDTH,
    height: Math.ceil(y),
    title,
    alt: buildAltText(ev, title),
    titleLines,
    subtitleLines,
    legend: legend.items,
    chart,
    chartX: MARGIN,
    chartY,
    key,
    keyTop,
    footnote,
    footTop,
  };
}

function textBlock(lines: string[], x: number, y: number, lineHeight: number, attrs: string): string {
  if (lines.length === 0) return '';
  const spans = lines
    .map((l, i) => `<tspan x="${r1(x)}" y="${r1(y + i * lineHeight)}">${escapeXml(l)}</tspan>`)
    .join('');
  return `<text ${attrs}>${spans}</text>`;
}

/** An @font-face rule per embedded font (the only CSS in the file; data: URLs, nothing external). */
function fontStyle(fonts: EmbeddedFont[]): string {
  if (fonts.length === 0) return '';
  const faces = fonts
    .map(
      (f) =>
        `@font-face{font-family:Inter;font-weight:${f.weight};font-style:normal;src:url(data:font/woff2;base64,${f.base64}) format("woff2")}`,
    )
    .join('');
  return `<style>${faces}</style>`;
}

/** The figure document as an SVG file's text. */
export function writeFigureSvg(doc: FigureDocument, fonts: EmbeddedFont[] = []): string {
  const p = PALETTES.light;
  const body: string[] = [];
  body.push(
    textBlock(
      doc.titleLines,
      MARGIN,
      28 + TITLE.size - 4,
      TITLE.line,
      `class="figure-title" font-size="${TITLE.size}" font-weight="600" fill="${p.text}"`,
    ),
  );
  const subTop = 28 + TITLE.size + (doc.titleLines.length - 1) * TITLE.line + 10;
  body.push(
    textBlock(
      doc.subtitleLines,
      MARGIN,
      subTop + SUBTITLE.size - 2,
      SUBTITLE.line,
      `class="figure-subtitle" font-size="${SUBTITLE.size}" fill="${p.muted}"`,
    ),
  );
  if (doc.legend.length) {
    body.push(
      `<g class="legend">${doc.legend
        .map(
          (l) =>
            `<g class="legend-item"><line x1="${r1(l.x)}" y1="${r1(l.y)}" x2="${r1(l.x + 18)}" y2="${r1(l.y)}" stroke="${l.color}" stroke-width="3"${l.dash ? ` stroke-dasharray="${l.dash}"` : ''} stroke-linecap="round"/>` +
            `<text x="${r1(l.x + 24)}" y="${r1(l.y + 4.5)}" font-size="13" fill="${p.text}">${escapeXml(l.name)}</text></g>`,
        )
        .join('')}</g>`,
    );
  }
  body.push(chartSvg(doc.chart, doc.chartX, doc.chartY));
  if (doc.key.length) {
    const entries = doc.key
      .map(
        (k) =>
          `<g class="event-key-item"><circle cx="${r1(k.x + 8)}" cy="${r1(k.y - 4)}" r="8" fill="${doc.chart.palette.event}"/>` +
          `<text x="${r1(k.x + 8)}" y="${r1(k.y)}" text-anchor="middle" font-size="10" font-weight="600" fill="${doc.chart.palette.eventText}">${k.number}</text>` +
          textBlock(k.lines, k.x + 24, k.y, KEY.line, `font-size="${KEY.size}" fill="${p.text}"`) +
          `</g>`,
      )
      .join('');
    body.push(
      `<g class="event-key"><text x="${MARGIN}" y="${r1(doc.keyTop + 4)}" font-size="12" font-weight="600" fill="${p.text}">Key events</text>${entries}</g>`,
    );
  }
  body.push(
    textBlock(
      doc.footnote,
      MARGIN,
      doc.footTop + 10,
      FOOT.line,
      `class="figure-footnote" font-size="${FOOT.size}" fill="${p.muted}"`,
    ),
  );
  const { width, height } = doc;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="figure-title figure-desc" font-family="${escapeXml(FIGURE_FONT_FAMILY)}">` +
    `<title id="figure-title">${escapeXml(doc.title)}</title>` +
    `<desc id="figure-desc">${escapeXml(doc.alt)}</desc>` +
    fontStyle(fonts) +
    `<rect width="${width}" height="${height}" fill="${p.background}"/>` +
    body.join('') +
    `</svg>\n`
  );
}

/** The export figure for a view, as an SVG document string (960 units wide, as tall as it needs). */
export function buildFigureSvg(input: FigureInput, fonts: EmbeddedFont[] = []): string {
  return writeFigureSvg(buildFigureDocument(input), fonts);
}
