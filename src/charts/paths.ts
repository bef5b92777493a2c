// SVG path strings for lines, bands and markers, shared by the screen chart and the exported figure.

import { growBytes } from '../lib/grow-bytes';

/** One decimal: sub-pixel precision without bloating the paths. */
export const r1 = (v: number) => Math.round(v * 10) / 10;

/**
 * Writes path text as bytes: a dense view writes tens of thousands of coordinates per filter change,
 * and one buffer decoded once costs a fraction of joining as many small strings. Every number is
 * written exactly as `String(r1(v))`, from integers (formatting a
 * fraction is V8's slow path).
 */
class PathWriter {
  private bytes: Uint8Array;
  constructor(capacity = 256) {
    this.bytes = new Uint8Array(capacity);
  }
  private length = 0;

  reset() {
    this.length = 0;
  }

  private room(n: number) {
    // The check inline: it runs for every character and number written.
    if (this.length + n > this.bytes.length) this.bytes = growBytes(this.bytes, this.length, n);
  }

  char(c: string) {
    this.room(1);
    this.bytes[this.length++] = c.charCodeAt(0);
  }

  text(t: string) {
    this.room(t.length);
    for (let i = 0; i < t.length; i++) this.bytes[this.length++] = t.charCodeAt(i);
  }

  /** Bytes encoded once and written many times (the arcs of every marker). */
  raw(bytes: Uint8Array) {
    this.room(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** `String(r1(v))`, without making a string. */
  num(v: number) {
    const tenths = Math.round(v * 10);
    if (!(Math.abs(tenths) < 2 ** 31)) return this.text(String(r1(v)));
    this.room(13);
    const b = this.bytes;
    const whole = (tenths / 10) | 0;
    const digit = tenths - whole * 10;
    if (tenths < 0 && (whole < 0 || digit !== 0)) b[this.length++] = 45; // '-'
    const w = whole < 0 ? -whole : whole;
    // Digits written from the last, in place: no scratch string or array.
    let end = this.length + (w < 10 ? 1 : w < 100 ? 2 : w < 1000 ? 3 : w < 10000 ? 4 : String(w).length);
    this.length = end;
    let rest = w;
    do {
      b[--end] = 48 + (rest % 10);
      rest = (rest / 10) | 0;
    } while (rest > 0);
    if (digit !== 0) {
      b[this.length++] = 46; // '.'
      b[this.length++] = 48 + (digit < 0 ? -digit : digit);
    }
  }

  pt(x: number, y: number) {
    this.num(x);
    this.char(',');
    this.num(y);
  }

  toString(): string {
    return latin1.decode(this.bytes.subarray(0, this.length));
  }
}

// Path text is ASCII, so any single-byte decoding reads it back exactly.
const latin1 = new TextDecoder('latin1');
const latin1Bytes = (t: string) => Uint8Array.from(t, (c) => c.charCodeAt(0));

/** Coordinates by index: a typed array, or a plain one. */
type Coords = ArrayLike<number>;

/**
 * Tangents of a monotone cubic (Fritsch–Carlson, as d3's curveMonotoneX) through the points [from, to)
 * of coordinate arrays, tangent k belonging to point from + k: no overshoot between points.
 */
export function monotoneTangents(xs: Coords, ys: Coords, from: number, to: number): Float64Array {
  const n = to - from;
  const slopes = new Float64Array(Math.max(0, n - 1));
  for (let i = 0; i < n - 1; i++) {
    const dx = xs[from + i + 1]! - xs[from + i]!;
    slopes[i] = dx === 0 ? 0 : (ys[from + i + 1]! - ys[from + i]!) / dx;
  }
  const tangents = new Float64Array(n);
  for (let i = 1; i < n - 1; i++) {
    const h0 = xs[from + i]! - xs[from + i - 1]!;
    const h1 = xs[from + i + 1]! - xs[from + i]!;
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

/** The segments after point `from` (no leading M) up to point to − 1: curves through every point, or straight lines. */
function segments(w: PathWriter, xs: Coords, ys: Coords, from: number, to: number, curved: boolean) {
  const n = to - from;
  if (n < 2) return;
  if (!curved || n === 2) {
    for (let i = from + 1; i < to; i++) {
      w.char('L');
      w.pt(xs[i]!, ys[i]!);
    }
    return;
  }
  const tangents = monotoneTangents(xs, ys, from, to);
  for (let i = 0; i < n - 1; i++) {
    const x0 = xs[from + i]!;
    const y0 = ys[from + i]!;
    const x1 = xs[from + i + 1]!;
    const y1 = ys[from + i + 1]!;
    const h = (x1 - x0) / 3;
    w.char('C');
    w.pt(x0 + h, y0 + h * tangents[i]!);
    w.char(',');
    w.pt(x1 - h, y1 - h * tangents[i + 1]!);
    w.char(',');
    w.pt(x1, y1);
  }
}

/**
 * A line through the points [from, to) of coordinate arrays, sorted by x: a monotone cubic (it passes
 * through every point and never overshoots between them) or straight segments. One point: a
 * zero-length segment, drawn as a dot by the round line cap. No object per point.
 */
export function linePathOf(xs: Coords, ys: Coords, from: number, to: number, curved: boolean): string {
  const n = to - from;
  if (n <= 0) return '';
  // About 14 characters a straight point: sized once rather than grown.
  const w = new PathWriter(n * (curved ? 40 : 16));
  w.char('M');
  w.pt(xs[from]!, ys[from]!);
  if (n === 1) w.text('h0');
  else segments(w, xs, ys, from, to, curved);
  return w.toString();
}

/**
 * A closed band over the points [from, to): along the upper edge (xs, upper) left to right, back along
 * the lower edge (xs, lower), with the line's curve.
 */
export function bandPathOf(
  xs: Coords,
  upper: Coords,
  lower: Coords,
  from: number,
  to: number,
  curved: boolean,
): string {
  const m = to - from;
  if (m < 2) return '';
  // The lower edge is walked right to left.
  const backX = new Float64Array(m);
  const backY = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    backX[i] = xs[to - 1 - i]!;
    backY[i] = lower[to - 1 - i]!;
  }
  const w = new PathWriter(2 * m * (curved ? 40 : 16));
  w.char('M');
  w.pt(xs[from]!, upper[from]!);
  segments(w, xs, upper, from, to, curved);
  w.char('L');
  w.pt(backX[0]!, backY[0]!);
  segments(w, backX, backY, 0, m, curved);
  w.char('Z');
  return w.toString();
}

// The two arcs after each circle's start, by radius (a chart uses one or two radii).
const arcsByRadius = new Map<number, Uint8Array>();
function arcsOf(r: number): Uint8Array {
  let arcs = arcsByRadius.get(r);
  if (!arcs) {
    const d = r1(2 * r);
    arcs = latin1Bytes(`a${r},${r} 0 1,0 ${d},0a${r},${r} 0 1,0 ${-d},0`);
    arcsByRadius.set(r, arcs);
  }
  return arcs;
}

// One writer for every circles path: a dense view writes dozens of them per filter change, each
// decoded before the next starts, so they need no buffer of their own.
let circlesWriter: PathWriter | null = null;

/**
 * Circles as one path (two arcs each), centres `(xs[j], ys[j])` for j in [from, to): thousands of
 * markers in one element.
 */
export function circlesPath(r: number, xs: Float64Array, ys: Float64Array, from = 0, to = xs.length): string {
  const arcs = arcsOf(r);
  const w = (circlesWriter ??= new PathWriter(1 << 16));
  w.reset();
  for (let j = from; j < to; j++) {
    w.char('M');
    w.pt(xs[j]! - r, ys[j]!);
    w.raw(arcs);
  }
  return w.toString();
}
