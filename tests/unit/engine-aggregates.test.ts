import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset, Observation } from '../../src/domain/schema';
import { DatasetIndex, indexDataset } from '../../src/domain/dataset-index';
import {
  ALL_POINTS,
  CONFIDENCE_WEIGHT,
  buildViewSeries,
  filteredCount,
  filteredTimeExtent,
  lttb,
  rollingMean,
  summarize,
  type DayBucket,
  type SeriesQuery,
} from '../../src/domain/series';
import { computePage, peekPage, type SortKey } from '../../src/domain/observation-order';
import { toTime } from '../../src/domain/dates';
import { actorCells, cellsInOnePass } from '../../src/domain/aggregates';
import { makeFixtureDataset } from '../../mocks/fixtures/dataset';

// The engine answers from per-actor aggregates (counts, sums, sums of squares per theme × kind ×
// confidence × day) and walks rows only for pages. Here every answer is checked against a plain
// recomputation from the observation objects, on random datasets and random sequences of filters.

const DAY = 86_400_000;
const ACTORS = ['a1', 'a2', 'a3', 'a4'];
const THEMES = ['t1', 't2', 't3'];
const START = Date.UTC(2024, 0, 1);

const observationArb = fc.record({
  actor: fc.constantFrom(...ACTORS),
  theme: fc.constantFrom(...THEMES),
  kind: fc.constantFrom('statement' as const, 'action' as const),
  confidence: fc.constantFrom('high' as const, 'medium' as const, 'low' as const),
  // A short span, so days and windows hold several observations of one actor.
  day: fc.integer({ min: 0, max: 150 }),
  precision: fc.constantFrom(
    'day' as const,
    'day' as const,
    'day' as const,
    'month' as const,
    'year' as const,
  ),
  score: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ min: -3, max: 3, noNaN: true })),
  speaker: fc.constantFrom('Ann', 'bob', 'Émile', 'Zoë', ''),
  summary: fc.string({ maxLength: 12 }),
});

type Spec = typeof observationArb extends fc.Arbitrary<infer T> ? T : never;

function dataset(specs: Spec[], ids: number[]): Dataset {
  const base = makeFixtureDataset();
  const observations: Observation[] = specs.map((s, i) => {
    const iso = new Date(START + s.day * DAY).toISOString().slice(0, 10);
    const date = s.precision === 'day' ? iso : s.precision === 'month' ? iso.slice(0, 7) : iso.slice(0, 4);
    return {
      id: `o-${ids[i]}`,
      date,
      datePrecision: s.precision,
      actor: s.actor,
      speaker: s.speaker,
      theme: s.theme,
      kind: s.kind,
      score: s.score,
      confidence: s.confidence,
      summary: s.summary,
      quote: '',
      sourceId: null,
      rationale: '',
    };
  });
  return {
    ...base,
    actors: ACTORS.map((id) => ({
      id,
      name: id.toUpperCase(),
      group: 'G',
      description: '',
      color: '#000000',
    })),
    themes: THEMES.map((id) => ({ id, label: id, description: '' })),
    events: [],
    observations,
  };
}

const queryArb: fc.Arbitrary<SeriesQuery> = fc.record({
  actors: fc.option(fc.subarray(ACTORS), { nil: null }),
  themes: fc.option(fc.subarray(THEMES), { nil: null }),
  kind: fc.constantFrom('both' as const, 'statement' as const, 'action' as const),
  from: fc.option(fc.integer({ min: -10, max: 150 }), { nil: null }).map((d) => (d === null ? null : iso(d))),
  to: fc.option(fc.integer({ min: 0, max: 170 }), { nil: null }).map((d) => (d === null ? null : iso(d))),
  smooth: fc.constantFrom(0, 14, 30, 90),
  highConfidence: fc.boolean(),
  weightByConfidence: fc.boolean(),
});

function iso(day: number): string {
  return new Date(START + day * DAY).toISOString().slice(0, 10);
}

/** The plain way: filter the objects, sort by time then id, sum per day. */
function naive(data: Dataset, q: SeriesQuery) {
  const lo = q.from ? Date.parse(`${q.from}T00:00:00Z`) : -Infinity;
  const hi = q.to ? Date.parse(`${q.to}T00:00:00Z`) : Infinity;
  const rows = data.observations
    .map((o) => ({ o, t: toTime(o.date, o.datePrecision) }))
    .filter(
      ({ o, t }) =>
        (q.actors === null || q.actors.includes(o.actor)) &&
        (q.themes === null || q.themes.includes(o.theme)) &&
        (q.kind === 'both' || o.kind === q.kind) &&
        (!q.highConfidence || o.confidence === 'high') &&
        t >= lo &&
        t <= hi,
    )
    .sort((a, b) => a.t - b.t || (a.o.id < b.o.id ? -1 : 1));
  const perActor = ACTORS.filter((a) => q.actors === null || q.actors.includes(a))
    .map((actor) => ({ actor, rows: rows.filter((r) => r.o.actor === actor) }))
    .filter((s) => s.rows.length > 0);
  const series = perActor.map(({ actor, rows: list }) => {
    const buckets: DayBucket[] = [];
    for (const { o, t } of list) {
      if (o.datePrecision !== 'day') continue;
      const w = q.weightByConfidence ? CONFIDENCE_WEIGHT[o.confidence] : 1;
      const day = t / DAY;
      const last = buckets[buckets.length - 1];
      if (last?.day === day) {
        last.sum += w * o.score;
        last.weight += w;
        last.sumSq += w * o.score * o.score;
        last.weightSq += w * w;
        last.n++;
      } else
        buckets.push({
          day,
          sum: w * o.score,
          weight: w,
          sumSq: w * o.score * o.score,
          weightSq: w * w,
          n: 1,
        });
    }
    return { actor, rows: list, line: rollingMean(buckets, q.smooth) };
  });
  const range: [number, number] | null = rows.length
    ? [
        Number.isFinite(lo) ? lo : Math.min(...rows.map((r) => r.t)),
        Number.isFinite(hi) ? hi : Math.max(...rows.map((r) => r.t)),
      ]
    : null;
  return { rows, series, range };
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('the engine’s aggregates', () => {
  it('equal a plain recomputation from the observations, for random datasets and filter sequences', () => {
    fc.assert(
      fc.property(
        fc.array(observationArb, { minLength: 5, maxLength: 150, size: 'max' }),
        fc.array(queryArb, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (specs, queries, seed) => {
          // Ids in a shuffled order, so time ties are broken by id and not by position in the file.
          const ids = specs.map((_, i) => (i * 7919 + seed) % 1_000_003);
          const data = dataset(specs, [...new Set(ids)].length === ids.length ? ids : specs.map((_, i) => i));
          const index = indexDataset(data);
          // Several filters in a row on one index: series kept from the previous view must still be right.
          for (const q of queries) {
            const view = buildViewSeries(index, q, ALL_POINTS);
            const want = naive(data, q);
            expect(view.series.map((s) => s.actor.id)).toEqual(want.series.map((s) => s.actor));
            expect(view.count).toBe(want.rows.length);
            expect(filteredCount(index, q)).toBe(want.rows.length);
            expect(view.range).toEqual(want.range);
            const extent = want.rows.length ? [want.rows[0]!.t, want.rows[want.rows.length - 1]!.t] : null;
            expect(filteredTimeExtent(index, q)).toEqual(extent);
            view.series.forEach((s, i) => {
              const w = want.series[i]!;
              expect(s.count).toBe(w.rows.length);
              expect(s.points.map((p) => p.id)).toEqual(w.rows.map((r) => r.o.id));
              expect(s.line.length).toBe(w.line.length);
              s.line.forEach((p, k) => {
                const e = w.line[k]!;
                expect(p.t).toBe(e.t);
                expect(p.n).toBe(e.n);
                expect(close(p.score, e.score) && close(p.lo, e.lo) && close(p.hi, e.hi)).toBe(true);
              });
            });
            // The summary (mean, thirds) from the daily totals, against the plain mean of the points.
            const summaries = summarize(view);
            summaries.forEach((sum, i) => {
              const scores = want.series[i]!.rows.map((r) => r.o.score);
              expect(sum.n).toBe(scores.length);
              expect(close(sum.mean, scores.reduce((a, b) => a + b, 0) / scores.length)).toBe(true);
            });
            // Thinned lines are the plain line thinned.
            const thin = buildViewSeries(index, q, 7);
            thin.series.forEach((s, i) => {
              expect(s.line.map((p) => p.t)).toEqual(lttb(want.series[i]!.line, 7).map((p) => p.t));
            });
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('builds the chosen actors’ cells in one pass exactly as each actor’s own pass does', () => {
    fc.assert(
      fc.property(
        fc.array(observationArb, { minLength: 1, maxLength: 150, size: 'max' }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.option(fc.array(fc.boolean(), { minLength: ACTORS.length, maxLength: ACTORS.length })),
        (specs, seed, picks) => {
          const ids = specs.map((_, i) => (i * 7919 + seed) % 1_000_003);
          const data = dataset(specs, [...new Set(ids)].length === ids.length ? ids : specs.map((_, i) => i));
          const { meta, columns } = indexDataset(data);
          // Fresh indexes: each keeps its own cells, so neither answer is the other's cache.
          const chosen = picks && new Set(picks.flatMap((p, a) => (p ? [a] : [])));
          const onePass = cellsInOnePass(new DatasetIndex(meta, columns), chosen);
          const own = new DatasetIndex(meta, columns);
          expect(onePass).toEqual(
            own.actorIds.map((_, a) => (chosen === null || chosen.has(a) ? actorCells(own, a) : null)),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('pages the filtered observations in every order, searched, as a plain sort would', async () => {
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    await fc.assert(
      fc.asyncProperty(
        fc.array(observationArb, { minLength: 20, maxLength: 80, size: 'max' }),
        queryArb,
        // Time order most often: the table's default, answered without building the merged list.
        fc.constantFrom<SortKey>(
          'date',
          'date',
          'date',
          'actor',
          'speaker',
          'theme',
          'kind',
          'score',
          'summary',
        ),
        fc.constantFrom('ascending' as const, 'descending' as const),
        fc.constantFrom('', '', '', 'a', 'b z', 'É'),
        fc.integer({ min: 0, max: 4 }),
        async (specs, q, sort, dir, search, page) => {
          const data = dataset(
            specs,
            specs.map((_, i) => (i * 31) % 997),
          );
          const index = indexDataset(data);
          const words = search.toLocaleLowerCase('en').split(/\s+/).filter(Boolean);
          const rows = naive(data, q).rows.filter(({ o }) => {
            const h = `${o.speaker}\n${o.summary}\n${o.quote}`.toLocaleLowerCase('en');
            return words.every((w) => h.includes(w));
          });
          const key = (o: Observation): string | number =>
            sort === 'actor'
              ? o.actor.toUpperCase()
              : sort === 'theme'
                ? o.theme
                : sort === 'score'
                  ? o.score
                  : sort === 'date'
                    ? 0
                    : o[sort];
          const sign = dir === 'ascending' ? 1 : -1;
          const sorted =
            sort === 'date'
              ? dir === 'ascending'
                ? rows
                : [...rows].reverse()
              : [...rows].sort((a, b) => {
                  const ka = key(a.o);
                  const kb = key(b.o);
                  const c = typeof ka === 'number' ? ka - (kb as number) : collator.compare(ka, kb as string);
                  return sign * c || 0;
                });
          const request = { query: q, search, sort, dir, offset: page * 5, limit: 5 };
          const got = peekPage(index, request) ?? (await computePage(index, request, async () => {}));
          expect(got.total).toBe(rows.length);
          const offset = Math.min(page * 5, Math.max(0, Math.floor((rows.length - 1) / 5) * 5));
          expect(got.offset).toBe(offset);
          // Ties keep time order in both; Array.prototype.sort is stable, so the plain sort does too.
          expect(got.rows.map((p) => p.id)).toEqual(sorted.slice(offset, offset + 5).map((r) => r.o.id));
        },
      ),
      { numRuns: 300 },
    );
  });
});
