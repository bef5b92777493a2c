import type { Actor, Dataset, Observation } from './schema';
import { toTime } from '../lib/dates';

/** One drawn point of an actor's line: time (ms, UTC) and score. */
export interface LinePoint {
  t: number;
  score: number;
}

export interface ActorSeries {
  actor: Actor;
  /** The line: mean score per day, in time order. */
  line: LinePoint[];
  observations: Observation[];
}

/** Per-actor series in the dataset's actor order; actors with no observations are left out. */
export function buildActorSeries(dataset: Dataset): ActorSeries[] {
  const byActor = new Map<string, Observation[]>();
  for (const o of dataset.observations) {
    const list = byActor.get(o.actor);
    if (list) list.push(o);
    else byActor.set(o.actor, [o]);
  }
  const out: ActorSeries[] = [];
  for (const actor of dataset.actors) {
    const observations = byActor.get(actor.id);
    if (!observations?.length) continue;
    const sums = new Map<number, { sum: number; n: number }>();
    for (const o of observations) {
      const t = toTime(o.date, o.datePrecision);
      const cell = sums.get(t) ?? { sum: 0, n: 0 };
      cell.sum += o.score;
      cell.n += 1;
      sums.set(t, cell);
    }
    const line = [...sums.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([t, { sum, n }]) => ({ t, score: sum / n }));
    out.push({ actor, line, observations });
  }
  return out;
}

export function timeExtent(series: ActorSeries[]): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    for (const p of s.line) {
      if (p.t < lo) lo = p.t;
      if (p.t > hi) hi = p.t;
    }
  }
  return lo <= hi ? [lo, hi] : null;
}
