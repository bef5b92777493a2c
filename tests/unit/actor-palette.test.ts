import { describe, expect, it } from 'vitest';
import { ACTOR_COLORS, contrast, lineDashes, PALETTES } from '../../src/charts/figure-palette';
import { buildFigureModel, visibleSeries } from '../../src/charts/figure-model';
import { MAX_LINE_POINTS } from '../../src/charts/figure-spec';
import { buildViewSeries } from '../../src/domain/series';
import { indexDataset } from '../../src/domain/dataset-index';
import { toSeriesQuery } from '../../src/domain/series-query';
import { DEFAULT_FILTERS } from '../../src/domain/view-filters';
import { guessMapping } from '../../src/features/import/csv-guess';
import { mapCsv } from '../../src/features/import/csv-mapping';

// Thirty actors, as a CSV import colours them (the palette cycled in order of observation count).
function thirtyActors() {
  const header = ['date', 'actor', 'score'];
  const rows: string[][] = [];
  for (let a = 0; a < 30; a++)
    for (let d = 0; d < 40 - a; d++)
      rows.push([
        `2025-${String(1 + (d % 12)).padStart(2, '0')}-${String(1 + (d % 28)).padStart(2, '0')}`,
        `Actor ${a + 1}`,
        String(((a + d) % 7) - 3),
      ]);
  const result = mapCsv({ header, rows }, guessMapping(header, rows), {
    name: 'thirty.csv',
    today: '2025-12-31',
  });
  return result.dataset!;
}

function model(hidden: string[] = []) {
  const dataset = thirtyActors();
  const filters = { ...DEFAULT_FILTERS, hidden };
  const query = toSeriesQuery(filters, dataset);
  const view = buildViewSeries(indexDataset(dataset), query, MAX_LINE_POINTS);
  return buildFigureModel({
    dataset,
    series: visibleSeries(view, hidden),
    range: view.range,
    filters: { ...filters, from: query.from, to: query.to },
    width: 1000,
    scheme: 'light',
  });
}

describe('actor colours', () => {
  it.each(ACTOR_COLORS)('%s reads at 3:1 or more on the light and the dark background', (c) => {
    expect(contrast(c, PALETTES.light.background)).toBeGreaterThanOrEqual(3);
    expect(contrast(c, PALETTES.dark.background)).toBeGreaterThanOrEqual(3);
  });

  it('are all different', () => {
    expect(new Set(ACTOR_COLORS.map((c) => c.toLowerCase())).size).toBe(ACTOR_COLORS.length);
  });
});

describe('lineDashes', () => {
  it('keeps a colour’s first actor solid and dashes the next ones with that colour', () => {
    const dashes = lineDashes([
      { id: 'a', color: '#0072B2' },
      { id: 'b', color: '#D55E00' },
      { id: 'c', color: '#0072b2' },
    ]);
    expect(dashes.get('a')).toBeNull();
    expect(dashes.get('b')).toBeNull();
    expect(dashes.get('c')).not.toBeNull();
  });
});

describe('thirty actors in one chart', () => {
  it('draws 30 lines, no two with the same colour and dash', () => {
    const m = model();
    expect(m.lines).toHaveLength(30);
    expect(new Set(m.lines.map((l) => `${l.color}|${l.dash}`)).size).toBe(30);
    expect(new Set(m.legend.map((l) => `${l.color}|${l.dash}`)).size).toBe(30);
  });

  it('hiding an actor restyles no other', () => {
    const all = model();
    const style = (m: typeof all) => new Map(m.lines.map((l) => [l.seriesId, `${l.color}|${l.dash}`]));
    const before = style(all);
    const after = style(model([all.lines[0]!.seriesId]));
    expect(after.size).toBe(29);
    for (const [id, s] of after) expect(s).toBe(before.get(id));
  });
});
