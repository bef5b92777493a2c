import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineGeometry } from '../../src/charts/figure-lines';
import { bandPath, linePath } from './path-points';
import { makeScales } from '../../src/charts/figure-scales';
import { DENSE_LINE_POINTS, MIN_BAND_N, Y_MAX, Y_MIN } from '../../src/charts/figure-spec';
import { splitAtGaps, type ActorSeries, type LinePoint } from '../../src/domain/series';
import { DAY_MS } from '../../src/domain/dates';

// The chart's line and band paths are written from coordinate arrays, with no [x, y] pair per point;
// they must equal, character for character, the paths built the plain way: cut at gaps, each run a
// line, each stretch of MIN_BAND_N+ observations a band.
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

function plainGeometry(
  line: LinePoint[],
  smooth: number,
  x: (t: number) => number,
  y: (s: number) => number,
) {
  const runs = splitAtGaps(line, smooth);
  const curved = line.length <= DENSE_LINE_POINTS;
  const d = runs
    .map((run) =>
      linePath(
        run.map((p) => [x(p.t), y(p.score)]),
        curved,
      ),
    )
    .join('');
  const bands: string[] = [];
  for (const run of runs) {
    let stretch: LinePoint[] = [];
    for (const p of [...run, null]) {
      if (p && p.n >= MIN_BAND_N) stretch.push(p);
      else {
        if (stretch.length >= 2)
          bands.push(
            bandPath(
              stretch.map((q) => [x(q.t), y(clamp(q.hi, Y_MIN, Y_MAX))]),
              stretch.map((q) => [x(q.t), y(clamp(q.lo, Y_MIN, Y_MAX))]),
              curved,
            ),
          );
        stretch = [];
      }
    }
  }
  return { d, band: bands.length ? bands.join('') : null };
}

const pointArb = fc.record({
  step: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 20, max: 90 })),
  score: fc.double({ min: -3, max: 3, noNaN: true }),
  se: fc.double({ min: 0, max: 4, noNaN: true }),
  n: fc.integer({ min: 0, max: 6 }),
});

describe('line geometry', () => {
  it('equals the plain construction for lines with gaps, thin stretches, curves and dense runs', () => {
    fc.assert(
      fc.property(
        fc.array(pointArb, { minLength: 1, maxLength: 400 }),
        fc.constantFrom(0, 7, 30, 60),
        (raw, smooth) => {
          let day = 19000;
          const line: LinePoint[] = raw.map((p) => {
            day += p.step;
            return { t: day * DAY_MS, score: p.score, lo: p.score - p.se, hi: p.score + p.se, n: p.n };
          });
          const scales = makeScales(
            [line[0]!.t, line.at(-1)!.t + DAY_MS],
            { x: 40, y: 10, width: 700, height: 300 },
            6,
          );
          const series = { actor: { id: 'a', name: 'A', color: '#123456' }, line } as Pick<
            ActorSeries,
            'actor' | 'line'
          >;
          const got = lineGeometry(series as ActorSeries, scales, smooth, 'light');
          expect({ d: got.d, band: got.band }).toEqual(plainGeometry(line, smooth, scales.x, scales.y));
        },
      ),
      { numRuns: 300 },
    );
  });
});
