import { lineGapDays, type ActorSeries, type LinePoint } from '../domain/series';
import { DAY_MS } from '../domain/dates';
import { bandPathOf, linePathOf } from './paths';
import type { ColorScheme } from './figure-palette';
import { DENSE_LINE_POINTS, MIN_BAND_N, Y_MAX, Y_MIN, type FigureLine } from './figure-spec';
import { clamp, type Scales } from './figure-scales';

// Line and band paths per series, reused while the series' line and the scales are unchanged, so a
// view that only hides an actor hands the other lines back as the same objects (and React skips them).
const lineCache = new WeakMap<LinePoint[], { key: string; line: FigureLine }>();

export function lineGeometry(
  s: ActorSeries,
  scales: Scales,
  smooth: number,
  scheme: ColorScheme,
  dash: string | null = null,
): FigureLine {
  const key = `${scales.key}|${smooth}|${scheme}|${s.actor.color}|${s.actor.name}|${dash}`;
  const cached = lineCache.get(s.line);
  if (cached && cached.key === key) return cached.line;
  // Coordinates once per point, in typed arrays: a dense line is hundreds of points an actor, drawn
  // when the data first arrives, while this code is still cold (no [x, y] pair per point).
  const pts = s.line;
  const n = pts.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const his = new Float64Array(n);
  const los = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = pts[i]!;
    xs[i] = scales.x(p.t);
    ys[i] = scales.y(p.score);
    his[i] = scales.y(clamp(p.hi, Y_MIN, Y_MAX));
    los[i] = scales.y(clamp(p.lo, Y_MIN, Y_MAX));
  }
  const curved = n <= DENSE_LINE_POINTS;
  let d = '';
  const bands: string[] = [];
  // Runs as splitAtGaps cuts them; within each, the band covers the stretches where every window
  // holds MIN_BAND_N+ observations (elsewhere the standard error rests on too few to draw).
  const gap = lineGapDays(smooth) * DAY_MS;
  for (let from = 0; from < n;) {
    let to = from + 1;
    while (to < n && pts[to]!.t - pts[to - 1]!.t <= gap) to++;
    d += linePathOf(xs, ys, from, to, curved);
    for (let i = from; i < to;) {
      if (pts[i]!.n < MIN_BAND_N) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < to && pts[j]!.n >= MIN_BAND_N) j++;
      if (j - i >= 2) bands.push(bandPathOf(xs, his, los, i, j, curved));
      i = j;
    }
    from = to;
  }
  const line: FigureLine = {
    seriesId: s.actor.id,
    name: s.actor.name,
    color: s.actor.color,
    d,
    band: bands.length ? bands.join('') : null,
    bandOpacity: scheme === 'dark' ? 0.24 : 0.16,
    strokeWidth: 2.25,
    dash,
  };
  lineCache.set(s.line, { key, line });
  return line;
}
