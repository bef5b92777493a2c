import { bandPathOf, linePathOf, monotoneTangents } from '../../src/charts/paths';

// The path writers take coordinate arrays; tests state their points as [x, y] pairs, which is easier
// to read and to generate. These put pairs into arrays and call the writers, nothing more.

const xsOf = (pts: ReadonlyArray<readonly [number, number]>) => Float64Array.from(pts, ([x]) => x);
const ysOf = (pts: ReadonlyArray<readonly [number, number]>) => Float64Array.from(pts, ([, y]) => y);

export const linePath = (pts: Array<[number, number]>, curved: boolean) =>
  linePathOf(xsOf(pts), ysOf(pts), 0, pts.length, curved);

/** A band whose two edges share their x (as every band the chart draws does): the upper edge's x is used. */
export const bandPath = (upper: Array<[number, number]>, lower: Array<[number, number]>, curved: boolean) =>
  bandPathOf(xsOf(upper), ysOf(upper), ysOf(lower), 0, upper.length, curved);

export const tangents = (pts: Array<[number, number]>) =>
  Array.from(monotoneTangents(xsOf(pts), ysOf(pts), 0, pts.length));
