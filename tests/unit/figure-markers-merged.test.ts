import { describe, expect, it } from 'vitest';
import { makeFixtureDataset } from '../../mocks/fixtures/dataset';
import type { Observation } from '../../src/domain/schema';
import { buildViewSeries } from '../../src/domain/series';
import { indexDataset } from '../../src/domain/dataset-index';
import { buildMarkers } from '../../src/charts/figure-markers';
import { makeScales } from '../../src/charts/figure-scales';
import { PALETTES } from '../../src/charts/figure-palette';
import { r1 } from '../../src/charts/paths';
import { CONFIDENCES } from '../../src/domain/columns';

// Dense views draw markers as one path per actor and style, built by their own fast path. Each circle
// must sit exactly where the marker drawn on its own would: fanned within a shared day and score, kept
// inside the plot, in the same order, with the same style.

const base = makeFixtureDataset();
const actors = base.actors.slice(0, 3).map((a) => a.id);

function observations(year: number): Observation[] {
  const out: Observation[] = [];
  for (let i = 0; i < 90; i++) {
    const day = 1 + (i % 6);
    out.push({
      id: `m-${String(i).padStart(3, '0')}`,
      // Month-precision ones are hollow, drawn mid-month.
      date: i % 11 === 0 ? `${year}-03` : `${year}-03-0${day}`,
      datePrecision: i % 11 === 0 ? 'month' : 'day',
      actor: actors[i % 3]!,
      speaker: 'S',
      theme: base.themes[0]!.id,
      kind: 'statement',
      // Few distinct scores: many markers share a day and a score, across actors too (fans).
      score: (i % 3) - 1,
      confidence: (['high', 'medium', 'low'] as const)[i % 3]!,
      summary: 's',
      quote: 'q',
      sourceId: null,
      rationale: 'r',
    });
  }
  return out;
}

const centres = (d: string) =>
  Array.from(d.matchAll(/M(-?[\d.]+),(-?[\d.]+)a/g), (m) => [Number(m[1]), Number(m[2])]);

describe('merged markers', () => {
  it("read each series' markers as columns equal to its points (time, day, score, confidence, precision)", () => {
    const index = indexDataset({ ...base, observations: observations(2025), events: [] });
    const view = buildViewSeries(
      index,
      { actors, themes: null, kind: 'both', from: null, to: null, smooth: 0, highConfidence: false },
      800,
    );
    let hollow = 0;
    for (const s of view.series) {
      const { t, day, score, look } = s.marks;
      expect(t.length).toBe(s.points.length);
      s.points.forEach((p, j) => {
        expect([t[j], day[j], score[j]]).toEqual([p.t, p.day, p.score]);
        expect(CONFIDENCES[look[j]! % 3]).toBe(p.confidence);
        expect(look[j]! >= 3).toBe(!p.dayPrecise);
        if (!p.dayPrecise) hollow++;
      });
    }
    expect(hollow).toBeGreaterThan(0);
  });

  // 1969: days before the epoch count negative, which the fans' (day, score) cells must still tell apart.
  it.each([2025, 1969])(
    'put every circle where the marker drawn on its own goes, in the same order and style (%i)',
    (year) => {
      const index = indexDataset({ ...base, observations: observations(year), events: [] });
      const view = buildViewSeries(
        index,
        { actors, themes: null, kind: 'both', from: null, to: null, smooth: 0, highConfidence: false },
        800,
      );
      const plot = { x: 40, y: 10, width: 300, height: 200 };
      const r = 4.5;
      const scales = makeScales([Date.UTC(year, 2, 1), Date.UTC(year, 2, 31)], plot, r + 1.5);
      const palette = PALETTES.light;
      const each = buildMarkers(view.series, scales, plot, r, palette, Infinity);
      const merged = buildMarkers(view.series, scales, plot, r, palette, 0);
      expect(each.mode).toBe('each');
      expect(merged.mode).toBe('merged');
      expect(merged.count).toBe(90);
      // Fans happened, and a fan at the left edge was pulled inside the plot.
      expect(new Set(each.items.map((m) => m.x)).size).toBeGreaterThan(12);
      expect(Math.min(...each.items.map((m) => m.x))).toBeGreaterThanOrEqual(plot.x + r + 1);

      let drawn = 0;
      for (const g of merged.merged) {
        const own = each.items.filter(
          (m) =>
            m.seriesId === g.seriesId &&
            m.hollow === g.hollow &&
            m.fill === g.fill &&
            m.fillOpacity === g.fillOpacity &&
            m.strokeOpacity === g.strokeOpacity &&
            m.strokeWidth === g.strokeWidth,
        );
        // The path starts each circle at its left edge (x − r) on its centre line.
        expect(centres(g.d)).toEqual(own.map((m) => [r1(m.x - r), r1(m.y)]));
        drawn += own.length;
      }
      expect(drawn).toBe(90);
      expect(merged.merged.some((g) => g.hollow)).toBe(true);
    },
  );
});
