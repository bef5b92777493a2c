import { describe, expect, it } from 'vitest';
import { makeFixtureDataset } from '../../mocks/fixtures/dataset';
import type { Dataset, Observation } from '../../src/domain/schema';
import { buildViewSeries } from '../../src/domain/series';
import { indexDataset } from '../../src/domain/dataset-index';
import { viewOf } from './view-of';
import { toSeriesQuery } from '../../src/domain/series-query';
import { DEFAULT_FILTERS, type ViewFilters } from '../../src/domain/view-filters';
import { buildFigureModel, visibleSeries } from '../../src/charts/figure-model';
import { FOCUSABLE_MARKERS, MAX_LINE_POINTS, type FigureModel } from '../../src/charts/figure-spec';
import { fanOffsets } from '../../src/charts/figure-markers';
import { placeEndLabels } from '../../src/charts/figure-annotations';
import { timeTicks } from '../../src/charts/time-ticks';
import { contrast, labelColor } from '../../src/charts/figure-palette';
import { measureText } from '../../src/charts/svg-text';
import {
  buildFigureDocument,
  exportChartModel,
  FIGURE_CHART_WIDTH,
} from '../../src/features/export/figure-svg';
import { buildExportView } from '../../src/features/export/export-view';
import type { Pivot } from '../../src/domain/analysis/pivots';

const DAY = 86_400_000;
const utc = (d: string) => Date.parse(`${d}T00:00:00Z`);

function obs(id: string, date: string, score: number, patch: Partial<Observation> = {}): Observation {
  return {
    id,
    date,
    datePrecision: date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year',
    actor: 'trump',
    speaker: 'Speaker',
    theme: 'diplomacy',
    kind: 'statement',
    score,
    confidence: 'high',
    summary: `Summary ${id}`,
    quote: 'q',
    sourceId: null,
    rationale: 'r',
    ...patch,
  };
}

function withObservations(observations: Observation[], patch: Partial<Dataset> = {}): Dataset {
  return { ...makeFixtureDataset(), observations, events: [], ...patch };
}

/** The model as the screen builds it (stance-chart-panel.tsx): the view from the engine, hidden actors left out. */
function screenModel(dataset: Dataset, filters: ViewFilters, width: number, pivots: Pivot[] | null = null) {
  const query = toSeriesQuery(filters, dataset);
  const view = buildViewSeries(indexDataset(dataset), query, MAX_LINE_POINTS);
  return buildFigureModel({
    dataset,
    series: visibleSeries(view, filters.hidden),
    range: view.range,
    filters: { ...filters, from: query.from, to: query.to },
    pivots,
    width,
    scheme: 'light',
  });
}

const markerOf = (m: FigureModel, id: string) => m.markers.items.find((p) => p.id === id)!;

describe('figure model: scales', () => {
  const data = withObservations([
    obs('top', '2025-03-10', 3),
    obs('bottom', '2025-03-12', -3),
    obs('two', '2025-03-20', 2),
    obs('first', '2025-03-01', 0),
    obs('last', '2025-03-31', 1),
  ]);
  const m = screenModel(data, DEFAULT_FILTERS, 800);

  it('puts +3 above −3, with the tick labels in that order', () => {
    expect(markerOf(m, 'top').y).toBeLessThan(markerOf(m, 'bottom').y);
    const label = (v: number) => m.yTicks.find((t) => t.value === v)!;
    expect(label(3).y).toBeLessThan(label(-3).y);
    expect(label(3).label).toBe('+3 Hawkish');
    expect(label(-3).label).toBe('−3 Conciliatory');
    expect(markerOf(m, 'two').y).toBeCloseTo(label(2).y, 6);
  });

  it('draws a marker at its day: on the tick of that day, in time order left to right', () => {
    // Day ticks for a one-month span: 20 Mar is a tick or between two.
    const ticks = m.xTicks;
    const before = [...ticks].reverse().find((t) => t.t <= utc('2025-03-20'))!;
    const after = ticks.find((t) => t.t >= utc('2025-03-20'))!;
    const x = markerOf(m, 'two').x;
    if (before.t === after.t) expect(x).toBeCloseTo(before.x, 6);
    else {
      const expected =
        before.x + ((utc('2025-03-20') - before.t) / (after.t - before.t)) * (after.x - before.x);
      expect(x).toBeCloseTo(expected, 6);
    }
    expect(markerOf(m, 'first').x).toBeLessThan(markerOf(m, 'last').x);
  });

  it('keeps every marker inside the plot area, including at ±3 and at the domain edges', () => {
    const edge = screenModel(data, { ...DEFAULT_FILTERS, from: '2025-03-01', to: '2025-03-31' }, 800);
    for (const model of [m, edge]) {
      const { plot } = model;
      for (const p of model.markers.items) {
        expect(p.x - p.r).toBeGreaterThanOrEqual(plot.x);
        expect(p.x + p.r).toBeLessThanOrEqual(plot.x + plot.width);
        expect(p.y - p.r).toBeGreaterThanOrEqual(plot.y);
        expect(p.y + p.r).toBeLessThanOrEqual(plot.y + plot.height);
      }
    }
  });
});

describe('figure model: time axis fitted to the span', () => {
  it('gives a three-day dataset a few days, not two months with every point in one column', () => {
    const data = withObservations([
      obs('a', '2020-11-13', 1),
      obs('b', '2020-11-14', -1),
      obs('c', '2020-11-15', 2),
    ]);
    const m = screenModel(data, DEFAULT_FILTERS, 800);
    expect(m.xUnit).toBe('day');
    expect(m.domain[1] - m.domain[0]).toBeLessThanOrEqual(5 * DAY);
    const labels = m.xTicks.map((t) => t.label).join(' | ');
    for (const day of ['13 Nov', '14 Nov', '15 Nov']) expect(labels).toContain(day);
    const xs = ['a', 'b', 'c'].map((id) => markerOf(m, id).x);
    expect(xs[1]! - xs[0]!).toBeGreaterThan(100);
  });

  it('uses months for a year and years for a decade, each label once, the year on the first', () => {
    expect(timeTicks([utc('2025-01-01'), utc('2026-01-01')], 12).unit).toBe('month');
    const year = timeTicks([utc('2025-01-01'), utc('2025-12-31')], 12);
    expect(year.ticks[0]!.label).toBe('Jan 2025');
    expect(year.ticks[1]!.label).toBe('Feb');
    const decade = timeTicks([utc('2017-01-01'), utc('2026-06-01')], 10);
    expect(decade.unit).toBe('year');
    expect(decade.ticks.map((t) => t.label)).toEqual([
      '2017',
      '2018',
      '2019',
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
      '2026',
    ]);
    const week = timeTicks([utc('2025-07-01'), utc('2025-07-08')], 10);
    expect(week.unit).toBe('day');
    expect(week.ticks[0]!.label).toBe('1 Jul 2025');
    expect(week.ticks[1]!.label).toBe('2 Jul');
  });

  it('spaces tick labels so none overlaps its neighbour', () => {
    const data = withObservations([obs('a', '2017-02-01', 1), obs('b', '2026-03-01', 1)]);
    for (const width of [360, 800, 1200]) {
      const m = screenModel(data, DEFAULT_FILTERS, width);
      for (let i = 1; i < m.xTicks.length; i++) {
        const gap = m.xTicks[i]!.x - m.xTicks[i - 1]!.x;
        const half = (measureText(m.xTicks[i]!.label, 12) + measureText(m.xTicks[i - 1]!.label, 12)) / 2;
        expect(gap).toBeGreaterThan(half);
      }
    }
  });
});

describe('figure model: markers', () => {
  it('fades markers by confidence and draws imprecise dates hollow', () => {
    const data = withObservations([
      obs('h', '2025-03-01', 1, { confidence: 'high' }),
      obs('m', '2025-03-05', 1, { confidence: 'medium' }),
      obs('l', '2025-03-09', 1, { confidence: 'low' }),
      obs('month', '2025-03', 1),
    ]);
    const m = screenModel(data, DEFAULT_FILTERS, 800);
    expect(['h', 'm', 'l'].map((id) => markerOf(m, id).fillOpacity)).toEqual([1, 0.6, 0.3]);
    expect(markerOf(m, 'h').fill).toBe('#0072B2');
    expect(markerOf(m, 'month')).toMatchObject({ hollow: true, fill: '#ffffff', stroke: '#0072B2' });
    expect(markerOf(m, 'h').label).toBe('Donald Trump, 1 Mar 2025, score +1: Summary h');
  });

  it('sets markers that share a day and a score side by side, centred on the day, the score unmoved', () => {
    const data = withObservations([
      obs('a', '2025-03-10', 2),
      obs('b', '2025-03-10', 2, { actor: 'russia' }),
      obs('c', '2025-03-10', 2, { actor: 'us-congress' }),
      obs('alone', '2025-03-10', -1),
      obs('other', '2025-01-10', 0),
    ]);
    const m = screenModel(data, DEFAULT_FILTERS, 800);
    const fan = ['a', 'b', 'c'].map((id) => markerOf(m, id));
    const alone = markerOf(m, 'alone');
    expect(new Set(fan.map((p) => p.y)).size).toBe(1);
    const xs = fan.map((p) => p.x).sort((x, y) => x - y);
    expect(xs[1]! - xs[0]!).toBeGreaterThan(fan[0]!.r);
    expect((xs[0]! + xs[2]!) / 2).toBeCloseTo(alone.x, 6);
    expect(fanOffsets(['k', 'k', 'j'], 4)).toEqual([-3.2, 3.2, 0]);
    // Many in one cell: closer together, never more than MAX_FAN from the day.
    const many = fanOffsets(Array(20).fill('k') as string[], 4.5);
    expect(Math.max(...many.map(Math.abs))).toBeLessThanOrEqual(14);
  });

  it('merges dense markers into one path per actor and style, and draws none beyond the limit', () => {
    const many = Array.from({ length: FOCUSABLE_MARKERS + 10 }, (_, i) =>
      obs(`o${i}`, `2025-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`, (i % 7) - 3),
    );
    const m = screenModel(withObservations(many), DEFAULT_FILTERS, 800);
    expect(m.markers.mode).toBe('merged');
    expect(m.markers.merged.length).toBeGreaterThan(0);
    expect(m.markers.merged.every((g) => g.d.startsWith('M'))).toBe(true);
    const few = screenModel(withObservations(many.slice(0, 10)), DEFAULT_FILTERS, 800);
    expect(few.markers.mode).toBe('each');
  });
});

describe('figure model: lines and bands', () => {
  const data = withObservations([
    obs('1', '2025-03-01', -2),
    obs('2', '2025-03-02', 0),
    obs('3', '2025-03-03', 1),
    obs('4', '2025-03-04', 2),
    obs('5', '2025-03-05', 2),
    obs('6', '2025-03-20', 3),
  ]);

  it('draws one path per actor, through the smoothed values, with a ±1 SE band where n ≥ 3', () => {
    const m = screenModel(data, { ...DEFAULT_FILTERS, smooth: 14 }, 800);
    expect(m.lines).toHaveLength(1);
    const line = m.lines[0]!;
    expect(line.d.startsWith('M')).toBe(true);
    expect(line.band).toMatch(/^M.*Z$/);
    // With no smoothing each day has one observation: no standard error, no band.
    const daily = screenModel(data, { ...DEFAULT_FILTERS, smooth: 0 }, 800);
    expect(daily.lines[0]!.band).toBeNull();
  });

  it('hands back the same line object when only another actor is hidden (memoised layers skip it)', () => {
    const two = withObservations([...data.observations, obs('r', '2025-03-02', 1, { actor: 'russia' })]);
    // As the panel does: one view (memoised per filter), the hidden set applied on top of it.
    const filters = { ...DEFAULT_FILTERS, smooth: 14 as const };
    const view = buildViewSeries(indexDataset(two), toSeriesQuery(filters, two), MAX_LINE_POINTS);
    const model = (hidden: string[]) =>
      buildFigureModel({
        dataset: two,
        series: visibleSeries(view, hidden),
        range: view.range,
        filters,
        width: 800,
      });
    const a = model([]);
    const b = model(['russia']);
    expect(b.lines[0]).toBe(a.lines.find((l) => l.seriesId === 'trump'));
  });
});

describe('figure model: labels, events, pivots', () => {
  it('labels each line at its end, apart from each other; narrow charts use the legend', () => {
    const data = withObservations([
      obs('t', '2025-03-01', 1),
      obs('t2', '2025-03-02', 1),
      obs('r', '2025-03-01', 1, { actor: 'russia' }),
      obs('r2', '2025-03-02', 1, { actor: 'russia' }),
    ]);
    const m = screenModel(data, DEFAULT_FILTERS, 800);
    expect(m.labelMode).toBe('end');
    const [a, b] = m.endLabels;
    expect(Math.abs(a!.y - b!.y)).toBeGreaterThanOrEqual(14);
    expect(a!.x).toBeGreaterThan(m.plot.x + m.plot.width);
    const narrow = screenModel(data, DEFAULT_FILTERS, 360);
    expect(narrow.labelMode).toBe('legend');
    expect(narrow.legend.map((l) => l.name)).toEqual(['Donald Trump', 'Russia']);
  });

  it('falls back to the legend when the labels cannot all fit the height', () => {
    expect(
      placeEndLabels(
        [
          { id: 'a', y: 5, height: 60 },
          { id: 'b', y: 5, height: 60 },
        ],
        0,
        100,
      ),
    ).toBeNull();
    const placed = placeEndLabels(
      [
        { id: 'a', y: 50, height: 20 },
        { id: 'b', y: 52, height: 20 },
        { id: 'c', y: 99, height: 20 },
      ],
      0,
      100,
    )!;
    expect(placed.get('c')! + 20).toBeLessThanOrEqual(100);
    expect(placed.get('b')! - placed.get('a')!).toBeGreaterThanOrEqual(20);
  });

  it('gives label text enough contrast on either background', () => {
    for (const bg of ['#ffffff', '#14171c'])
      expect(
        contrast(labelColor('#999933', bg, bg === '#ffffff' ? '#1a1d21' : '#e8eaed'), bg),
      ).toBeGreaterThanOrEqual(4.5);
  });

  it('numbers key events on a lane above the plot, sharing a badge when too close, with rules only as geometry', () => {
    const data = withObservations([obs('a', '2025-01-01', 0), obs('b', '2025-12-31', 0)], {
      events: [
        {
          id: 'e1',
          date: '2025-03-01',
          datePrecision: 'day',
          label: 'One',
          description: '',
          sourceId: 'src-pivot',
        },
        {
          id: 'e2',
          date: '2025-03-02',
          datePrecision: 'day',
          label: 'Two',
          description: '',
          sourceId: 'src-pivot',
        },
        {
          id: 'e3',
          date: '2025-09-01',
          datePrecision: 'day',
          label: 'Three',
          description: '',
          sourceId: 'src-pivot',
        },
      ],
    });
    const m = screenModel(data, DEFAULT_FILTERS, 800);
    expect(m.events.map((e) => [e.number, e.label])).toEqual([
      [1, 'One'],
      [2, 'Two'],
      [3, 'Three'],
    ]);
    expect(m.badges.map((b) => b.text)).toEqual(['1–2', '3']);
    for (const b of m.badges) expect(b.cy + b.height / 2).toBeLessThanOrEqual(m.plot.y);
    expect(m.badges[1]!.rules).toEqual([{ x: m.events[2]!.x, y1: m.plot.y, y2: m.plot.y + m.plot.height }]);
    expect(m.badges[1]!.name).toBe('Event 3, 1 Sep 2025: Three');
    const off = screenModel(data, { ...DEFAULT_FILTERS, events: false }, 800);
    expect(off.badges).toEqual([]);
  });

  it('formats pivot steps with the one score formatter: "+2", never "+2.0"', () => {
    const data = withObservations([obs('a', '2025-01-01', -1), obs('b', '2025-06-01', 2)]);
    const pivot = {
      actor: 'trump',
      t: utc('2025-06-01'),
      tBefore: utc('2025-01-01'),
      before: -1,
      after: 2,
      delta: 3,
      date: '2025-06-01',
    } as Pivot;
    const m = screenModel(data, DEFAULT_FILTERS, 800, [pivot]);
    expect(m.pivots[0]!.text).toBe('−1 → +2');
    expect(m.pivots[0]!.title).toContain('(−1 → +2)');
    const hidden = screenModel(data, { ...DEFAULT_FILTERS, hidden: ['trump'] }, 800, [pivot]);
    expect(hidden.pivots).toEqual([]);
  });
});

describe('screen and export draw from one model', () => {
  it('finds the same decisions for the same view at the same width', () => {
    const dataset = makeFixtureDataset();
    // A long daily record: more line points than the drawing keeps, so both must thin alike.
    const long = withObservations(
      Array.from({ length: 1300 }, (_, i) =>
        obs(`d${i}`, new Date(Date.UTC(2020, 0, 1) + i * DAY).toISOString().slice(0, 10), (i % 7) - 3),
      ),
    );
    const longFilters = { ...DEFAULT_FILTERS, smooth: 0 as const };
    const longScreen = screenModel(long, longFilters, FIGURE_CHART_WIDTH);
    expect(
      buildFigureDocument({
        dataset: long,
        filters: longFilters,
        view: viewOf(long, longFilters, MAX_LINE_POINTS),
        title: 't',
        subtitle: 's',
        generatedOn: 'x',
      }).chart,
    ).toEqual(longScreen);
    for (const filters of [
      DEFAULT_FILTERS,
      { ...DEFAULT_FILTERS, actors: ['trump', 'russia'], smooth: 14 as const },
      { ...DEFAULT_FILTERS, hidden: ['russia'], from: '2025-02-01', to: '2025-07-31' },
    ]) {
      const screen = screenModel(dataset, filters, FIGURE_CHART_WIDTH);
      const exported = buildFigureDocument({
        dataset,
        filters,
        view: viewOf(dataset, filters, MAX_LINE_POINTS),
        title: 't',
        subtitle: 's',
        generatedOn: '2025-09-01',
      }).chart;
      expect(exported).toEqual(screen);
      expect(
        exportChartModel(buildExportView(dataset, filters, viewOf(dataset, filters, MAX_LINE_POINTS))),
      ).toEqual(screen);
    }
  });
});
