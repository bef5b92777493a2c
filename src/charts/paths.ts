// SVG path strings for lines, bands and markers, shared by the screen chart and the exported figure.

/** One decimal: sub-pixel precision without bloating the paths. */
export const r1 = (v: number) => Math.round(v * 10) / 10;

/**
 * `String(r1(v))`, written from integers: formatting a fraction is V8's slow path, and dense paths
 * format tens of thousands of coordinates per filter change.
 */
export function r1Text(v: number): string {
  const tenths = Math.round(v * 10);
  // Beyond 32-bit integers (or not a number): the plain way.
  if (!(Math.abs(tenths) < 2 ** 31)) return String(r1(v));
  const whole = (tenths / 10) | 0;
  const digit = tenths - whole * 10;
  if (digit === 0) return `${whole}`;
  return `${tenths < 0 && whole === 0 ? '-' : ''}${whole}.${digit < 0 ? -digit : digit}`;
}

const pt = (x: number, y: number) => `${r1Text(x)},${r1Text(y)}`;

/** Tangents of a monotone cubic (Fritsch–Carlson, as d3's curveMonotoneX): no overshoot between points. */
function monotoneTangents(pts: Array<[number, number]>): number[] {
  const n = pts.length;
  const slopes: number[] = [];
  for (let i = 0; i < n - 1; i++) {
    const dx = pts[i + 1]![0] - pts[i]![0];
    slopes.push(dx === 0 ? 0 : (pts[i + 1]![1] - pts[i]![1]) / dx);
  }
  const tangents = new Array<number>(n).fill(0);
  for (let i = 1; i < n - 1; i++) {
    const h0 = pts[i]![0] - pts[i - 1]![0];
    const h1 = pts[i + 1]![0] - pts[i]![0];
    const s0 = slopes[i - 1]!;
    const s1 = slopes[i]!;
    const mid = h0 + h1 === 0 ? 0 : (s0 * h1 + s1 * h0) / (h0 + h1);
    tangents[i] =
      (Math.sign(s0) + Math.sign(s1)) * Math.min(Math.abs(s0), Math.abs(s1), 0.5 * Math.abs(mid)) || 0;
  }
  tangents[0] = (3 * slopes[0]! - tangents[1]!) / 2;
  tangents[n - 1] = (3 * slopes[n - 2]! - tangents[n - 2]!) / 2;
  return tangents;
}

/** The segments after the first point (no leading M): curves through every point, or straight lines. */
function segments(pts: Array<[number, number]>, curved: boolean): string {
  const n = pts.length;
  if (n < 2) return '';
  if (!curved || n === 2)
    return pts
      .slice(1)
      .map(([x, y]) => `L${pt(x, y)}`)
      .join('');
  const tangents = monotoneTangents(pts);
  let d = '';
  for (let i = 0; i < n - 1; i++) {
    const [x0, y0] = pts[i]!;
    const [x1, y1] = pts[i + 1]!;
    const h = (x1 - x0) / 3;
    d += `C${pt(x0 + h, y0 + h * tangents[i]!)},${pt(x1 - h, y1 - h * tangents[i + 1]!)},${pt(x1, y1)}`;
  }
  return d;
}

/**
 * A line through points sorted by x: a monotone cubic (it passes through every point and never
 * overshoots between them) or straight segments. One point: a zero-length segment, drawn as a dot by
 * the round line cap.
 */
export function linePath(pts: Array<[number, number]>, curved: boolean): string {
  if (pts.length === 0) return '';
  const [x, y] = pts[0]!;
  if (pts.length === 1) return `M${pt(x, y)}h0`;
  return `M${pt(x, y)}${segments(pts, curved)}`;
}

/** A closed band: along the upper edge left to right, back along the lower edge, with the line's curve. */
export function bandPath(
  upper: Array<[number, number]>,
  lower: Array<[number, number]>,
  curved: boolean,
): string {
  if (upper.length < 2) return '';
  const back = [...lower].reverse();
  return `M${pt(...upper[0]!)}${segments(upper, curved)}L${pt(...back[0]!)}${segments(back, curved)}Z`;
}

/** Circles as one path (two arcs each): thousands of markers in one element. */
export function circlesPath(centres: Array<[number, number]>, r: number): string {
  const d = r1(2 * r);
  const arcs = `a${r},${r} 0 1,0 ${d},0a${r},${r} 0 1,0 ${-d},0`;
  let out = '';
  for (const [x, y] of centres) out += `M${pt(x - r, y)}${arcs}`;
  return out;
}
