import type { Actor } from '../../domain/schema';
import type { DatasetMeta } from '../../domain/dataset-index';
import { DEFAULT_GAP_OPTIONS, type GapPoint, type SayDoGap } from '../../domain/analysis/say-do-gap';
import { formatAxisDate, monthTicks } from '../../domain/dates';
import { escapeXml, wrapText } from '../../charts/svg-text';
import { GAP_SHADE } from '../../charts/say-do-gap-chart';

// The say–do gap as a self-contained SVG for briefings: words and deeds with the gap shaded, the
// reading as subtitle, and a footnote naming the analysis and its parameters.

export interface GapFigureInput {
  dataset: DatasetMeta;
  actor: Actor;
  gap: SayDoGap;
  domain: [number, number];
  generatedOn: string;
}

// The same font stack as the main export figure, so both read alike in one briefing.
const FIGURE_FONT = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif";
const WIDTH = 760;
const MARGIN = 36;
const PLOT_HEIGHT = 240;
const r1 = (v: number) => Math.round(v * 10) / 10;

/** Runs of consecutive grid points whose gap has one sign: each becomes one shaded polygon. */
export function gapRuns(points: GapPoint[]): { sign: 1 | -1; points: GapPoint[] }[] {
  const runs: { sign: 1 | -1; points: GapPoint[] }[] = [];
  let current: { sign: 1 | -1; points: GapPoint[] } | null = null;
  for (const p of points) {
    if (p.gap === null || p.gap === 0) {
      current = null;
      continue;
    }
    const sign = p.gap > 0 ? 1 : -1;
    if (!current || current.sign !== sign) {
      current = { sign, points: [] };
      runs.push(current);
    }
    current.points.push(p);
  }
  return runs;
}

function polyline(points: Array<[number, number]>): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${r1(x)},${r1(y)}`).join('');
}

export function buildGapFigureSvg(input: GapFigureInput): string {
  const { dataset, actor, gap, domain } = input;
  const contentWidth = WIDTH - 2 * MARGIN;
  const parts: string[] = [];
  let y = 28;
  const title = `Say–do gap: ${actor.name}`;
  parts.push(
    `<text x="${MARGIN}" y="${y + 20}" font-size="22" font-weight="bold" fill="#1a1d21">${escapeXml(title)}</text>`,
  );
  y += 34;
  for (const line of wrapText(gap.reading, contentWidth, 14, { maxLines: 2 })) {
    parts.push(
      `<text class="gap-reading" x="${MARGIN}" y="${y + 14}" font-size="14" fill="#4a5260">${escapeXml(line)}</text>`,
    );
    y += 20;
  }
  y += 10;
  const left = MARGIN + 34;
  const right = WIDTH - MARGIN;
  const top = y;
  const bottom = y + PLOT_HEIGHT;
  const xOf = (t: number) => left + ((t - domain[0]) / (domain[1] - domain[0] || 1)) * (right - left);
  const yOf = (s: number) => top + ((3 - s) / 6) * (bottom - top);
  for (const v of [-3, -2, -1, 0, 1, 2, 3]) {
    parts.push(
      `<line x1="${left}" y1="${r1(yOf(v))}" x2="${right}" y2="${r1(yOf(v))}" stroke="${v === 0 ? '#1a1d21' : '#e3e6ea'}"${v === 0 ? '' : ' stroke-dasharray="3 3"'}/>`,
      `<text x="${left - 6}" y="${r1(yOf(v) + 4)}" text-anchor="end" font-size="11" fill="#4a5260">${v > 0 ? `+${v}` : v < 0 ? `−${-v}` : '0'}</text>`,
    );
  }
  for (const t of monthTicks(domain, Math.floor((right - left) / 90))) {
    parts.push(
      `<text x="${r1(xOf(t))}" y="${bottom + 16}" text-anchor="middle" font-size="11" fill="#4a5260">${escapeXml(formatAxisDate(t))}</text>`,
    );
  }
  parts.push(
    `<rect x="${left}" y="${top}" width="${right - left}" height="${bottom - top}" fill="none" stroke="#6b7380"/>`,
  );
  for (const run of gapRuns(gap.points)) {
    const upper = run.points.map((p): [number, number] => [xOf(p.t), yOf(p.statement!)]);
    const lower = run.points.map((p): [number, number] => [xOf(p.t), yOf(p.action!)]).reverse();
    const fill = run.sign > 0 ? GAP_SHADE.above : GAP_SHADE.below;
    parts.push(
      `<path class="gap-shade" d="${polyline([...upper, ...lower])}Z" fill="${fill}" fill-opacity="0.4" stroke="none"/>`,
    );
  }
  const line = (key: 'statement' | 'action', dash: string) => {
    const segments: Array<Array<[number, number]>> = [[]];
    for (const p of gap.points) {
      const v = p[key];
      if (v === null) segments.push([]);
      else segments[segments.length - 1]!.push([xOf(p.t), yOf(v)]);
    }
    return segments
      .filter((s) => s.length > 0)
      .map(
        (s) =>
          `<path class="gap-line-${key}" d="${polyline(s)}" fill="none" stroke="${actor.color}" stroke-width="2.5"${dash}/>`,
      )
      .join('');
  };
  parts.push(line('statement', ''), line('action', ' stroke-dasharray="7 4"'));
  y = bottom + 34;
  const key = [
    `<line x1="${MARGIN}" y1="${y}" x2="${MARGIN + 24}" y2="${y}" stroke="${actor.color}" stroke-width="2.5"/>`,
    `<text x="${MARGIN + 30}" y="${y + 4}" font-size="12" fill="#1a1d21">words (statements)</text>`,
    `<line x1="${MARGIN + 170}" y1="${y}" x2="${MARGIN + 194}" y2="${y}" stroke="${actor.color}" stroke-width="2.5" stroke-dasharray="7 4"/>`,
    `<text x="${MARGIN + 200}" y="${y + 4}" font-size="12" fill="#1a1d21">deeds (actions)</text>`,
    `<rect x="${MARGIN + 320}" y="${y - 6}" width="16" height="12" fill="${GAP_SHADE.above}" fill-opacity="0.4"/>`,
    `<text x="${MARGIN + 342}" y="${y + 4}" font-size="12" fill="#1a1d21">words more ${escapeXml(dataset.scale.positiveLabel.toLowerCase())}</text>`,
    `<rect x="${MARGIN + 500}" y="${y - 6}" width="16" height="12" fill="${GAP_SHADE.below}" fill-opacity="0.4"/>`,
    `<text x="${MARGIN + 522}" y="${y + 4}" font-size="12" fill="#1a1d21">words more ${escapeXml(dataset.scale.negativeLabel.toLowerCase())}</text>`,
  ];
  parts.push(`<g class="gap-key">${key.join('')}</g>`);
  y += 22;
  const foot = [
    ...wrapText(
      `Say–do gap: ${actor.name}'s statements and actions, each averaged over ${DEFAULT_GAP_OPTIONS.windowDays}-day windows on a weekly grid; ` +
        `shaded where both are on record (${gap.nStatements} statements, ${gap.nActions} actions). See Methodology → Analysis.`,
      contentWidth,
      11.5,
      { maxLines: 3 },
    ),
    `Generated ${input.generatedOn} from ${dataset.title} v${dataset.version}.`,
  ];
  for (const f of foot) {
    parts.push(
      `<text class="figure-footnote" x="${MARGIN}" y="${y + 12}" font-size="11.5" fill="#4a5260">${escapeXml(f)}</text>`,
    );
    y += 16;
  }
  const height = Math.ceil(y + 16);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="gap-title gap-desc" font-family="${FIGURE_FONT}">` +
    `<title id="gap-title">${escapeXml(title)}</title><desc id="gap-desc">${escapeXml(gap.reading)}</desc>` +
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>` +
    parts.join('') +
    `</svg>\n`
  );
}
