import type { Dataset } from '../domain/schema';
import { detectViewPivots, type Pivot, type PivotOptions } from '../domain/analysis/pivots';
import { indexDataset } from '../domain/series';
import { toSeriesQuery } from '../domain/series-query';
import type { ViewFilters } from '../domain/view-filters';

// Pivot markers for the exported figure (plain SVG strings, literal colours), so a briefing figure
// carries the analysis the user had on screen, and its footnote says so.

export type FigurePivotSettings = Pick<PivotOptions, 'sensitivity' | 'minSegment'>;

/** The view's pivots as the chart draws them: actors hidden via the legend are left out. */
export function figurePivots(dataset: Dataset, filters: ViewFilters, settings: FigurePivotSettings): Pivot[] {
  const hidden = new Set(filters.hidden);
  return detectViewPivots(indexDataset(dataset), toSeriesQuery(filters, dataset), settings).filter(
    (p) => !hidden.has(p.actor),
  );
}

const r1 = (v: number) => Math.round(v * 10) / 10;
const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fmt = (v: number) => {
  const r = Math.round(v * 10) / 10;
  return r === 0 ? '0' : r > 0 ? `+${r.toFixed(1)}` : `−${Math.abs(r).toFixed(1)}`;
};

/** One step per pivot at its date: the mean before (dashed tick), the mean after (solid tick), the jump between. */
export function pivotMarkersSvg(
  pivots: Pivot[],
  colorOf: (actor: string) => string,
  xOf: (t: number) => number,
  yOf: (score: number) => number,
): string {
  const TICK = 22;
  return pivots
    .map((p) => {
      const color = colorOf(p.actor);
      const x = r1(xOf(p.t));
      const b = r1(yOf(p.before));
      const a = r1(yOf(p.after));
      const head = a < b ? 7 : -7;
      const label = `${fmt(p.before)} → ${fmt(p.after)}`;
      return (
        `<g class="pivot-marker" data-actor="${esc(p.actor)}" data-date="${esc(p.date)}">` +
        `<title>${esc(`Pivot ${p.date}: ${label}`)}</title>` +
        `<line x1="${r1(x - TICK)}" y1="${b}" x2="${x}" y2="${b}" stroke="${color}" stroke-width="3" stroke-dasharray="4 2"/>` +
        `<line x1="${x}" y1="${b}" x2="${x}" y2="${a}" stroke="${color}" stroke-width="2"/>` +
        `<line x1="${x}" y1="${a}" x2="${r1(x + TICK)}" y2="${a}" stroke="${color}" stroke-width="3"/>` +
        `<path d="M${r1(x - 5)},${r1(a + head)}L${x},${a}L${r1(x + 5)},${r1(a + head)}" fill="none" stroke="${color}" stroke-width="2"/>` +
        `<text x="${r1(x + TICK + 4)}" y="${r1(a + 4)}" font-size="11" fill="${color}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${esc(label)}</text>` +
        `</g>`
      );
    })
    .join('');
}

/** The footnote sentence naming the analysis drawn and its parameters. */
export function pivotFootnote(pivots: Pivot[], settings: FigurePivotSettings): string {
  const count = pivots.length === 0 ? 'none found in this view' : `${pivots.length} marked`;
  const side = settings.minSegment === 1 ? '1 observation' : `${settings.minSegment} observations`;
  return (
    `Pivots (${count}): shifts in each actor's mean score found by change-point detection (PELT), ` +
    `sensitivity ${settings.sensitivity} of 5, at least ${side} on each side; each step runs from the mean before to the mean after. ` +
    `See Methodology → Analysis.`
  );
}
