import type { Dataset } from '../../src/domain/schema';
import { makeRng } from './synthetic';

// The reliability check of the codebook (§11): a seeded random sample coded a second time, blind, and the
// agreement between the two codings. Pure functions; scripts/reliability*.ts do the file work.

export const RELIABILITY_SEED = 20261130;
export const RELIABILITY_SHARE = 0.15;

/** A small seeded PRNG (mulberry32), so the same seed always draws the same sample. */
export const seededRandom = makeRng;

/** A seeded simple random sample of round(share × n) ids (at least one), returned in id order. */
export function drawSample(ids: readonly string[], share: number, seed: number): string[] {
  if (!(share > 0 && share <= 1)) throw new Error(`share must be in (0, 1], got ${share}`);
  const pool = [...ids];
  const k = Math.max(1, Math.round(share * pool.length));
  const random = seededRandom(seed);
  // Partial Fisher–Yates: the first k slots end up a uniform random k-subset.
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j] as string, pool[i] as string];
  }
  return pool.slice(0, k).sort();
}

export interface CoderRow {
  id: string;
  date: string;
  speaker: string;
  quote: string;
  sourceTitle: string | null;
  outlet: string | null;
  url: string | null;
}

/** What the blind coder sees: no actor, kind, score, theme, summary or rationale. */
export function sampleForCoder(
  dataset: Pick<Dataset, 'observations' | 'sources'>,
  ids: readonly string[],
): CoderRow[] {
  const byId = new Map(dataset.observations.map((o) => [o.id, o]));
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  return ids.map((id) => {
    const o = byId.get(id);
    if (!o) throw new Error(`no observation ${id}`);
    const s = o.sourceId ? sources.get(o.sourceId) : undefined;
    return {
      id,
      date: o.date,
      speaker: o.speaker,
      quote: o.quote,
      sourceTitle: s?.title ?? null,
      outlet: s?.outlet ?? null,
      url: s?.url ?? null,
    };
  });
}

export interface Coding {
  id: string;
  actor: string;
  kind: string;
  score: number;
  theme: string;
}

/**
 * Krippendorff's alpha for interval data from a coders × units table (null = missing). Units with fewer
 * than two values are not pairable and drop out, as in Krippendorff (2011).
 */
export function krippendorffAlphaInterval(units: ReadonlyArray<ReadonlyArray<number | null>>): number {
  return krippendorffAlpha(units, (a, b) => (a - b) ** 2);
}

/** The same with the nominal metric (any difference counts 1). */
export function krippendorffAlphaNominal(units: ReadonlyArray<ReadonlyArray<number | null>>): number {
  return krippendorffAlpha(units, (a, b) => (a === b ? 0 : 1));
}

function krippendorffAlpha(
  units: ReadonlyArray<ReadonlyArray<number | null>>,
  delta2: (a: number, b: number) => number,
): number {
  // Coincidence matrix o[c][k]: each ordered pair of values within a unit adds 1/(m_u − 1).
  const o = new Map<number, Map<number, number>>();
  const add = (c: number, k: number, w: number) => {
    const row = o.get(c) ?? new Map<number, number>();
    row.set(k, (row.get(k) ?? 0) + w);
    o.set(c, row);
  };
  for (const unit of units) {
    const values = unit.filter((v): v is number => v !== null && Number.isFinite(v));
    const m = values.length;
    if (m < 2) continue;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) if (i !== j) add(values[i] as number, values[j] as number, 1 / (m - 1));
    }
  }
  const values = [...o.keys()];
  const nc = new Map(values.map((c) => [c, [...(o.get(c)?.values() ?? [])].reduce((s, x) => s + x, 0)]));
  const n = [...nc.values()].reduce((s, x) => s + x, 0);
  if (n < 2) return Number.NaN;
  let observed = 0;
  let expected = 0;
  for (const c of values) {
    for (const k of values) {
      const d = delta2(c, k);
      observed += (o.get(c)?.get(k) ?? 0) * d;
      expected += (nc.get(c) ?? 0) * (nc.get(k) ?? 0) * d;
    }
  }
  const Do = observed / n;
  const De = expected / (n * (n - 1));
  return De === 0 ? 1 : 1 - Do / De;
}

export interface Agreement {
  units: number;
  exactScore: number;
  withinOne: number;
  alphaInterval: number;
  kind: number;
  actor: number;
  theme: number;
  /** Ids where score, kind or actor differ, for reconciliation. */
  disagreements: { id: string; first: Coding; second: Coding }[];
}

/** Agreement between two codings of the same units (ids present in both). */
export function agreement(first: readonly Coding[], second: readonly Coding[]): Agreement {
  const a = new Map(first.map((c) => [c.id, c]));
  const pairs = second.flatMap((s) => {
    const f = a.get(s.id);
    return f ? [[f, s] as const] : [];
  });
  const share = (test: (f: Coding, s: Coding) => boolean) =>
    pairs.length ? pairs.filter(([f, s]) => test(f, s)).length / pairs.length : Number.NaN;
  return {
    units: pairs.length,
    exactScore: share((f, s) => f.score === s.score),
    withinOne: share((f, s) => Math.abs(f.score - s.score) <= 1),
    alphaInterval: krippendorffAlphaInterval(pairs.map(([f, s]) => [f.score, s.score])),
    kind: share((f, s) => f.kind === s.kind),
    actor: share((f, s) => f.actor === s.actor),
    theme: share((f, s) => f.theme === s.theme),
    disagreements: pairs
      .filter(([f, s]) => f.score !== s.score || f.kind !== s.kind || f.actor !== s.actor)
      .map(([f, s]) => ({ id: f.id, first: f, second: s })),
  };
}
