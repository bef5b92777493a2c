import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { circlesPath, r1 } from '../../src/charts/paths';
import { bandPath, linePath, tangents } from './path-points';

// The paths are written into a byte buffer for speed; these are the plain string versions they must
// equal, character for character, so the screen, the export and the visual baselines are unchanged
// (the curve's tangents are the module's own: what is under test is the writing).
const num = (v: number) => String(r1(v));
const pt = (x: number, y: number) => `${num(x)},${num(y)}`;

function segments(pts: Array<[number, number]>, curved: boolean): string {
  const n = pts.length;
  if (n < 2) return '';
  if (!curved || n === 2)
    return pts
      .slice(1)
      .map(([x, y]) => `L${pt(x, y)}`)
      .join('');
  const t = tangents(pts);
  let d = '';
  for (let i = 0; i < n - 1; i++) {
    const [x0, y0] = pts[i]!;
    const [x1, y1] = pts[i + 1]!;
    const h = (x1 - x0) / 3;
    d += `C${pt(x0 + h, y0 + h * t[i]!)},${pt(x1 - h, y1 - h * t[i + 1]!)},${pt(x1, y1)}`;
  }
  return d;
}

const plainLine = (pts: Array<[number, number]>, curved: boolean) =>
  pts.length === 0
    ? ''
    : pts.length === 1
      ? `M${pt(...pts[0]!)}h0`
      : `M${pt(...pts[0]!)}${segments(pts, curved)}`;

// Where rounding to tenths and the sign are easy to get wrong, and where formatting leaves integers.
const EDGE_VALUES = [
  0,
  -0,
  -0.04,
  -0.05,
  -0.06,
  0.05,
  1.25,
  -1.25,
  -1.26,
  12.96,
  -999.95,
  5e-7,
  -5e-7,
  2 ** 31 / 10,
  3e9,
  -3e9,
  NaN,
  Infinity,
];

const coordinate = fc.oneof(
  fc.double({ min: -5000, max: 5000, noNaN: true }),
  fc.integer({ min: -3000, max: 3000 }).map((v) => v / 20),
  fc.constantFrom(...EDGE_VALUES.filter(Number.isFinite)),
);
const points = fc.array(fc.tuple(coordinate, coordinate), { maxLength: 40 });

describe('paths written as bytes', () => {
  it('equal the plain string paths for any points, curved or straight', () => {
    fc.assert(
      fc.property(points, fc.boolean(), (pts, curved) => {
        expect(linePath(pts, curved)).toBe(plainLine(pts, curved));
      }),
      { numRuns: 3000 },
    );
  });

  it('write every number as String(r1(v)), including the edge cases', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: -1e6, max: 1e6 }), fc.double()), (v) => {
        expect(linePath([[v, 0]], false)).toBe(`M${String(r1(v))},0h0`);
      }),
      { numRuns: 5000 },
    );
    for (const v of EDGE_VALUES)
      expect(linePath([[v, v]], true)).toBe(`M${String(r1(v))},${String(r1(v))}h0`);
  });

  it('close a band along the upper edge and back along the lower one', () => {
    fc.assert(
      fc.property(points, fc.boolean(), (upper, curved) => {
        const lower = upper.map(([x, y]): [number, number] => [x, y - 1]);
        const back = [...lower].reverse();
        const expected =
          upper.length < 2
            ? ''
            : `M${pt(...upper[0]!)}${segments(upper, curved)}L${pt(...back[0]!)}${segments(back, curved)}Z`;
        expect(bandPath(upper, lower, curved)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('draw circles as two arcs each, from the left edge', () => {
    fc.assert(
      fc.property(points, fc.constantFrom(2.5, 3, 3.5), (centres, r) => {
        const d = r1(2 * r);
        const arcs = `a${r},${r} 0 1,0 ${d},0a${r},${r} 0 1,0 ${-d},0`;
        const xs = Float64Array.from(centres, ([x]) => x);
        const ys = Float64Array.from(centres, ([, y]) => y);
        expect(circlesPath(r, xs, ys)).toBe(centres.map(([x, y]) => `M${pt(x - r, y)}${arcs}`).join(''));
        // A slice of them, written by the same (shared) writer right after.
        const mid = centres.length >> 1;
        expect(circlesPath(r, xs, ys, mid)).toBe(
          centres
            .slice(mid)
            .map(([x, y]) => `M${pt(x - r, y)}${arcs}`)
            .join(''),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('grow past their first buffer (a line of 3,000 points)', () => {
    const pts = Array.from({ length: 3000 }, (_, i): [number, number] => [i * 0.37, Math.sin(i) * 200]);
    expect(linePath(pts, false)).toBe(plainLine(pts, false));
    expect(linePath(pts, false).length).toBeGreaterThan(4096);
  });
});
