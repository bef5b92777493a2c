import { splitAtGaps, type ActorSeries, type LinePoint } from '../domain/series';
import { bandPath, linePath } from './paths';
import type { ColorScheme } from './figure-palette';
import { DENSE_LINE_POINTS, MIN_BAND_N, Y_MAX, Y_MIN, type FigureLine } from './figure-spec';
import { clamp, type Scales } from './figure-scales';

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
    dash,
  };
  lineCache.set(s.line, { key, line });
  return line;
}
