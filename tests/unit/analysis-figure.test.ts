// @vitest-environment jsdom
// (DOMParser reads the SVG back, as a browser would.)
import { describe, expect, it } from 'vitest';
import { makeAnalysisDataset } from '../../mocks/fixtures/analysis-dataset';
import { buildFigureSvg } from '../../src/features/export/figure-svg';
import { buildGapFigureSvg, gapRuns } from '../../src/features/analysis/gap-figure';
import { figurePivots } from '../../src/charts/pivot-figure';
import { sayDoGap } from '../../src/domain/analysis/say-do-gap';
import { indexDataset } from '../../src/domain/dataset-index';
import { DEFAULT_FILTERS } from '../../src/domain/view-filters';
import { byActorOf, viewOf } from './view-of';

const parse = (svg: string) => new DOMParser().parseFromString(svg, 'image/svg+xml');
const footnote = (doc: Document) =>
  [...doc.querySelectorAll('.figure-footnote tspan, text.figure-footnote')]
    .map((t) => t.textContent)
    .join(' ');

describe('exported figure with the analysis shown', () => {
  const dataset = makeAnalysisDataset();
  const base = {
    dataset,
    filters: DEFAULT_FILTERS,
    view: viewOf(dataset, DEFAULT_FILTERS),
    byActor: byActorOf(dataset, DEFAULT_FILTERS),
    title: 'T',
    subtitle: 'S',
    generatedOn: '2025-09-01',
  };
  const settings = { sensitivity: 3 as const, minSegment: 1 };

  it('draws one marker per pivot of the view and says so in the footnote', () => {
    const pivots = figurePivots(byActorOf(dataset, DEFAULT_FILTERS), DEFAULT_FILTERS, settings);
    expect(pivots.length).toBeGreaterThan(1);
    const doc = parse(buildFigureSvg({ ...base, pivots: settings }));
    const markers = [...doc.querySelectorAll('.pivot-marker')];
    expect(
      markers.map((m) => `${m.getAttribute('data-actor')} ${m.getAttribute('data-date')}`).sort(),
    ).toEqual(pivots.map((p) => `${p.actor} ${p.date}`).sort());
    const note = footnote(doc);
    expect(note).toContain(`Pivots (${pivots.length} marked)`);
    expect(note).toContain('sensitivity 3 of 5');
  });

  it('draws no pivots and mentions none when the analysis is not shown', () => {
    const doc = parse(buildFigureSvg({ ...base, pivots: null }));
    expect(doc.querySelectorAll('.pivot-marker')).toHaveLength(0);
    expect(footnote(doc)).not.toContain('Pivots');
  });

  it('leaves out the pivots of actors hidden from the chart', () => {
    const doc = parse(
      buildFigureSvg({ ...base, filters: { ...DEFAULT_FILTERS, hidden: ['hawk'] }, pivots: settings }),
    );
    const actors = [...doc.querySelectorAll('.pivot-marker')].map((m) => m.getAttribute('data-actor'));
    expect(actors).not.toContain('hawk');
  });
});

describe('say–do gap figure', () => {
  const dataset = makeAnalysisDataset();
  const hawk = dataset.actors[0]!;
  const gap = sayDoGap('hawk', indexDataset(dataset).byActor.get('hawk')!);

  it('shades each one-signed stretch of the gap and carries the reading and the method in words', () => {
    const doc = parse(
      buildGapFigureSvg({
        dataset,
        actor: hawk,
        gap,
        domain: [Date.UTC(2025, 0, 1), Date.UTC(2025, 8, 1)],
        generatedOn: '2025-09-01',
      }),
    );
    expect(doc.querySelectorAll('.gap-shade')).toHaveLength(gapRuns(gap.points).length);
    expect(doc.querySelectorAll('.gap-shade').length).toBeGreaterThan(0);
    expect(doc.querySelector('desc')?.textContent).toBe(gap.reading);
    expect(footnote(doc)).toContain('60-day windows');
  });

  it('splits runs where the gap changes sign or is undefined', () => {
    const at = (t: number, g: number | null) => ({ t, statement: g, action: g === null ? null : 0, gap: g });
    expect(
      gapRuns([at(0, 1), at(1, 2), at(2, null), at(3, 1), at(4, -1)]).map((r) => [r.sign, r.points.length]),
    ).toEqual([
      [1, 2],
      [1, 1],
      [-1, 1],
    ]);
  });
});
