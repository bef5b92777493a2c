import type { Dataset } from '../domain/schema';
import type { ActorSeries } from '../domain/series';
import type { Pivot } from '../domain/analysis/pivots';
import { formatPartialDate, toTime } from '../domain/dates';
import { formatScore } from '../domain/format-score';
import { r1 } from './paths';
import { measureText, wrapText } from './svg-text';
import { pivotSentence } from './pivot-model';
import { FONT, type EventBadge, type FigureEvent, type FigurePivot, type Rect } from './figure-spec';
import { clamp, type Scales } from './figure-scales';

// What the figure writes around the lines: end-of-line labels, the numbered key-event lane, pivot steps.

export const LABEL_LINE = 14;

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

export const BADGE_HEIGHT = 16;
export const BADGE_ROW = 20;
const BADGE_ROWS = 3;

interface LaneEvent extends FigureEvent {
  x: number;
}

/** Groups events into badges and rows: events closer than 6 px share one badge; badges that touch move down a row. */
export function layoutBadges(
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

export function eventTip(
  members: LaneEvent[],
  cx: number,
  top: number,
  chartWidth: number,
): EventBadge['tip'] {
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
export function eventsInDomain(
  dataset: Pick<Dataset, 'events'>,
  domain: [number, number],
): Array<Omit<FigureEvent, 'x'>> {
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

export function buildEvents(
  dataset: Pick<Dataset, 'events'>,
  domain: [number, number],
  scales: Scales,
): FigureEvent[] {
  return eventsInDomain(dataset, domain).map((e) => ({ ...e, x: scales.x(e.t) }));
}

export function buildPivots(
  pivots: Pivot[],
  series: ActorSeries[],
  scales: Scales,
  dataset: Omit<Dataset, 'observations'>,
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
