import type { Rect } from './figure-spec';
import { Y_MAX, Y_MIN } from './figure-spec';

// The one mapping from data to pixels, shared by every part of the figure model.

export const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);

export interface Scales {
  x: (t: number) => number;
  y: (score: number) => number;
  /** Identifies the mapping, so cached series geometry is reused only under the same scales. */
  key: string;
}

export function makeScales(domain: [number, number], plot: Rect, inset: number): Scales {
  const [d0, d1] = domain;
  const x0 = plot.x + inset;
  const xw = plot.width - 2 * inset;
  const y0 = plot.y + inset;
  const yh = plot.height - 2 * inset;
  return {
    x: (t) => x0 + ((t - d0) / (d1 - d0)) * xw,
    // +3 at the top: larger scores have smaller y.
    y: (score) => y0 + ((Y_MAX - score) / (Y_MAX - Y_MIN)) * yh,
    key: `${d0}|${d1}|${x0}|${xw}|${y0}|${yh}`,
  };
}
