/**
 * Vertical offsets that keep markers from covering each other (a small beeswarm): within one
 * score row, a marker too close to an already placed one moves to the nearest free slot above or
 * below, alternating, up to `maxSteps` slots each side. Input must be in x order.
 */
export function dodge(points: { x: number; y: number }[], diameter: number, maxSteps = 3): number[] {
  const offsets = new Array<number>(points.length).fill(0);
  // Per row: placed markers still within reach of the sweep, as [x, offset].
  const rows = new Map<number, [number, number][]>();
  const slots = [0];
  for (let k = 1; k <= maxSteps; k++) slots.push(-k * diameter, k * diameter);
  points.forEach((p, i) => {
    const key = Math.round(p.y);
    const near = (rows.get(key) ?? []).filter(([x]) => p.x - x < diameter);
    const free = slots.find((s) => near.every(([x, o]) => Math.hypot(p.x - x, s - o) >= diameter));
    offsets[i] = free ?? 0;
    near.push([p.x, offsets[i]]);
    rows.set(key, near);
  });
  return offsets;
}
