import type { Actor, Dataset, Observation, Theme } from '../../src/domain/schema';
import { ACTOR_COLORS } from '../../src/charts/figure-palette';
import { DAY_MS, dayStart } from '../../src/domain/dates';

// Seeded synthetic datasets with known structure, for the benchmark and for tests that need ground
// truth (e.g. change points). Same options and seed → byte-identical dataset.

export interface SyntheticOptions {
  observations: number;
  actors: number;
  themes: number;
  seed: number;
  /** First and last day of the period (ISO). */
  start?: string;
  end?: string;
  /** Share of actors that get no pivot at all (0..1). */
  flatShare?: number;
}

export interface TruePivot {
  actor: string;
  date: string;
  before: number;
  after: number;
}

export interface SyntheticResult {
  dataset: Dataset;
  pivots: TruePivot[];
}

/** mulberry32: tiny, fast, good enough for test data. */
export function makeRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(rng: () => number): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

export function generateSyntheticDataset(opts: SyntheticOptions): SyntheticResult {
  const rng = makeRng(opts.seed);
  const start = dayStart(opts.start ?? '2024-01-01');
  const end = dayStart(opts.end ?? '2025-12-31');
  const days = Math.max(1, Math.round((end - start) / DAY_MS));
  const flatShare = opts.flatShare ?? 0.25;

  const actors: Actor[] = Array.from({ length: opts.actors }, (_, i) => ({
    id: `actor-${String(i + 1).padStart(3, '0')}`,
    name: `Actor ${i + 1}`,
    group: `Group ${String.fromCharCode(65 + (i % 6))}`,
    description: 'Synthetic actor.',
    color: ACTOR_COLORS[i % ACTOR_COLORS.length]!,
  }));
  const themes: Theme[] = Array.from({ length: opts.themes }, (_, i) => ({
    id: `theme-${String(i + 1).padStart(2, '0')}`,
    label: `Theme ${i + 1}`,
    description: 'Synthetic theme.',
  }));

  // Per actor: a level, a slow drift and 0–2 sharp pivots at known days, at least 90 days apart.
  const pivots: TruePivot[] = [];
  const plans = actors.map((actor) => {
    const level = (rng() - 0.5) * 2.4;
    const drift = (rng() - 0.5) * 0.6;
    const count = rng() < flatShare ? 0 : 1 + Math.floor(rng() * 2);
    const shifts: { day: number; size: number }[] = [];
    for (let k = 0; k < count; k++) {
      const day = Math.floor(days * (0.2 + 0.6 * ((k + rng() * 0.6) / Math.max(count, 1))));
      if (shifts.some((s) => Math.abs(s.day - day) < 90)) continue;
      const size = (rng() < 0.5 ? -1 : 1) * (1.6 + rng() * 1.2);
      shifts.push({ day, size });
    }
    shifts.sort((a, b) => a.day - b.day);
    const mean = (day: number) =>
      level + drift * (day / days) + shifts.filter((s) => day >= s.day).reduce((sum, s) => sum + s.size, 0);
    for (const s of shifts) {
      pivots.push({
        actor: actor.id,
        date: iso(start + s.day * DAY_MS),
        before: mean(s.day - 1),
        after: mean(s.day),
      });
    }
    return { actor, mean };
  });

  // Uneven density: Zipf-like weights across actors, and a few busy periods in time.
  const weights = actors.map((_, i) => 1 / Math.pow(i + 1, 0.6));
  const totalW = weights.reduce((s, w) => s + w, 0);
  let acc = 0;
  const cumulative = weights.map((w) => (acc += w / totalW));
  const bursts = Array.from({ length: 4 }, () => ({ center: rng() * days, width: 10 + rng() * 30 }));
  const pickDay = () => {
    if (rng() < 0.3) {
      const b = bursts[Math.floor(rng() * bursts.length)]!;
      return Math.min(days, Math.max(0, Math.round(b.center + gaussian(rng) * b.width)));
    }
    return Math.floor(rng() * (days + 1));
  };

  const observations: Observation[] = [];
  for (let i = 0; i < opts.observations; i++) {
    const r = rng();
    let a = cumulative.findIndex((c) => r <= c);
    if (a < 0) a = actors.length - 1;
    const plan = plans[a]!;
    const day = pickDay();
    const isAction = rng() < 0.3;
    // Deeds are further from zero than words, as on the codebook's scale.
    const raw = plan.mean(day) * (isAction ? 1.15 : 0.85) + gaussian(rng) * 0.7;
    const score = Math.max(-3, Math.min(3, Math.round(raw)));
    const t = start + day * DAY_MS;
    const monthOnly = rng() < 0.05;
    const date = monthOnly ? iso(t).slice(0, 7) : iso(t);
    const c = rng();
    observations.push({
      id: `syn-${String(i + 1).padStart(7, '0')}`,
      date,
      datePrecision: monthOnly ? 'month' : 'day',
      ...(monthOnly ? { dateNote: 'Synthetic: known only to the month.' } : {}),
      actor: plan.actor.id,
      speaker: `${plan.actor.name} spokesperson`,
      theme: themes[Math.floor(rng() * themes.length)]!.id,
      kind: isAction ? 'action' : 'statement',
      score,
      confidence: c < 0.5 ? 'high' : c < 0.85 ? 'medium' : 'low',
      summary: `Synthetic ${isAction ? 'action' : 'statement'} ${i + 1}.`,
      quote: '',
      sourceId: 'synthetic',
      rationale: 'Generated from a level, drift, known pivots and noise.',
    });
  }

  const dataset: Dataset = {
    schemaVersion: 1,
    id: `synthetic-${opts.observations}-${opts.seed}`,
    title: `Synthetic dataset (${opts.observations.toLocaleString('en-US')} observations)`,
    description: 'Generated by scripts/gen-synthetic.ts for tests and the benchmark. Not real data.',
    version: `seed-${opts.seed}`,
    updated: iso(end),
    scale: {
      min: -3,
      max: 3,
      negativeLabel: 'Conciliatory',
      positiveLabel: 'Hawkish',
      description: 'Synthetic scores on the Stance Tracker axis.',
    },
    actors,
    themes,
    sources: [
      {
        id: 'synthetic',
        title: 'Synthetic generator',
        outlet: null,
        published: null,
        url: null,
        file: 'scripts/gen-synthetic.ts',
      },
    ],
    events: pivots.slice(0, 6).map((p, i) => ({
      id: `evt-${i + 1}`,
      date: p.date,
      datePrecision: 'day',
      label: `Pivot ${i + 1}`,
      description: `Known shift for ${p.actor}.`,
      sourceId: 'synthetic',
    })),
    observations,
  };
  return { dataset, pivots };
}
