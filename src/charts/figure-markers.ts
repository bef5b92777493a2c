import type { Observation } from '../domain/schema';
import type { ActorSeries } from '../domain/series';
import { CONFIDENCES } from '../domain/columns';
import { formatPartialDate } from '../domain/dates';
import { formatScore } from '../domain/format-score';
import { circlesPath } from './paths';
import type { Palette } from './figure-palette';
import {
  CONFIDENCE_OPACITY,
  FOCUSABLE_MARKERS,
  MAX_DRAWN_MARKERS,
  MAX_FAN,
  type FigureMarker,
  type FigureMarkers,
  type MergedMarkers,
  type Rect,
} from './figure-spec';
import { clamp, type Scales } from './figure-scales';

// Which observations are drawn, where and how: opacity by confidence, hollow when not day-precise,
// set side by side within a day, one element each while few enough, merged paths beyond.

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

/** How a marker is painted: filled in the actor's colour with a ring of background (so touching
 * markers stay apart), or hollow (dated only to the month or year); paler for lower confidence. */
function markerPaint(hollow: boolean, opacity: number, color: string, palette: Palette) {
  return {
    fill: hollow ? palette.background : color,
    fillOpacity: hollow ? 1 : opacity,
    stroke: hollow ? color : palette.background,
    strokeOpacity: hollow ? opacity : 1,
    strokeWidth: hollow ? 2 : 1,
  };
}

/** From the series' counts: the points themselves are picked out only when they will be drawn. */
export function countMarkers(series: ActorSeries[]): number {
  return series.reduce((n, s) => n + s.count, 0);
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

export function buildMarkers(
  series: ActorSeries[],
  scales: Scales,
  plot: Rect,
  r: number,
  palette: Palette,
  focusable = FOCUSABLE_MARKERS,
): FigureMarkers {
  const count = countMarkers(series);
  if (count === 0 || count > MAX_DRAWN_MARKERS) return { mode: 'none', count, items: [], merged: [] };
  if (count > focusable) return mergedMarkers(series, scales, plot, r, palette, count);
  const mode = 'each';
  const items: FigureMarker[] = [];
  for (const s of series) {
    for (const p of s.points) {
      const opacity = CONFIDENCE_OPACITY[p.confidence];
      const hollow = !p.dayPrecise;
      const { obs } = p;
      items.push({
        id: p.id,
        seriesId: s.actor.id,
        t: p.t,
        score: p.score,
        x: scales.x(p.t),
        y: scales.y(p.score),
        r,
        hollow,
        ...markerPaint(hollow, opacity, s.actor.color, palette),
        color: s.actor.color,
        opacity,
        label: pointLabel(s.actor.name, obs),
        actorName: s.actor.name,
        dateLabel: formatPartialDate(obs.date, obs.datePrecision),
        speaker: obs.speaker,
        scoreLabel: formatScore(p.score),
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
  return { mode, count, items, merged: [] };
}

// Distinct scores a merged view can tell apart per day: every marker in a view, at most.
const SCORE_SLOTS = MAX_DRAWN_MARKERS + 1;

/**
 * Dense views: one path per actor and style, with the same places as markers drawn each (fanned
 * within a day, kept inside the plot) but no per-marker object and no observation text read. Series
 * come in actor order and rows in time-then-id order, so a fan's members are in the keyboard order.
 */
function mergedMarkers(
  series: ActorSeries[],
  scales: Scales,
  plot: Rect,
  r: number,
  palette: Palette,
  count: number,
): FigureMarkers {
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  const style = new Int32Array(count);
  const styles: MergedMarkers[] = [];
  // Markers per (day, score), a fan when more than one: each group's members linked in marker order
  // (`next`), found through its last member, so no array per group.
  const next = new Int32Array(count).fill(-1);
  const lastOf = new Map<number, number>();
  // A (day, score) pair as one number: the day times a slot per distinct score (a handful in practice).
  const slotOf = new Map<number, number>();
  const firsts: number[] = [];
  let i = 0;
  for (const s of series) {
    // This actor's styles by (hollow, opacity): a handful. Looked up by (hollow, confidence) in a
    // small array, the opacity map only the first time each pair is seen.
    const styleOf = new Map<number, number>();
    const styleAt = new Int32Array(6).fill(-1);
    const { t, day, score, look } = s.marks;
    for (let j = 0; j < t.length; j++) {
      const at = look[j]!;
      let k = styleAt[at]!;
      if (k < 0) {
        const hollow = at >= 3;
        const opacity = CONFIDENCE_OPACITY[CONFIDENCES[at % 3]!];
        const key = hollow ? -1 - opacity : opacity;
        let found = styleOf.get(key);
        if (found === undefined) {
          found = styles.length;
          styleOf.set(key, found);
          styles.push({
            seriesId: s.actor.id,
            d: '',
            hollow,
            ...markerPaint(hollow, opacity, s.actor.color, palette),
          });
        }
        styleAt[at] = k = found;
      }
      const sc = score[j]!;
      style[i] = k;
      xs[i] = scales.x(t[j]!);
      ys[i] = scales.y(sc);
      let slot = slotOf.get(sc);
      if (slot === undefined) slotOf.set(sc, (slot = slotOf.size));
      // One number per (day, score): slots stay below SCORE_SLOTS, so no two pairs share one.
      const cell = day[j]! * SCORE_SLOTS + slot;
      const last = lastOf.get(cell);
      if (last === undefined) firsts.push(i);
      else next[last] = i;
      lastOf.set(cell, i);
      i++;
    }
  }
  for (const first of firsts) {
    if (next[first] === -1) continue;
    let n = 0;
    for (let m = first; m !== -1; m = next[m]!) n++;
    const step = Math.min(1.6 * r, (2 * MAX_FAN) / (n - 1));
    let j = 0;
    for (let m = first; m !== -1; m = next[m]!) xs[m]! += (j++ - (n - 1) / 2) * step;
  }
  // Centres grouped by style, in marker order within each (a stable counting sort): each style's
  // path is then written in one go.
  const start = new Int32Array(styles.length + 1);
  for (let m = 0; m < i; m++) start[style[m]! + 1]!++;
  for (let k = 0; k < styles.length; k++) start[k + 1]! += start[k]!;
  const fillAt = start.slice(0, styles.length);
  const cx = new Float64Array(i);
  const cy = new Float64Array(i);
  const left = plot.x + r + 1;
  const right = plot.x + plot.width - r - 1;
  for (let m = 0; m < i; m++) {
    const j = fillAt[style[m]!]!++;
    cx[j] = clamp(xs[m]!, left, right);
    cy[j] = ys[m]!;
  }
  const merged = styles.map((g, k) => ({ ...g, d: circlesPath(r, cx, cy, start[k], start[k + 1]) }));
  return { mode: 'merged', count, items: [], merged };
}
