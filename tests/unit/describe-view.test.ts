import { describe, expect, it } from 'vitest';
import {
  describeView as describeWith,
  formatDayRange,
  formatMonthRange,
} from '../../src/domain/describe-view';
import type { Dataset } from '../../src/domain/schema';
import type { ViewFilters } from '../../src/domain/view-filters';
import { viewOf } from './view-of';
import { DEFAULT_FILTERS } from '../../src/domain/view-filters';
import { makeFixtureDataset } from '../../mocks/fixtures/dataset';

const utc = (d: string) => Date.parse(`${d}T00:00:00Z`);
// The words for a view, with the view's series as the query layer answers them.
const describeView = (data: Dataset, filters: ViewFilters) =>
  describeWith(data, filters, viewOf(data, filters).series);

describe('describeView', () => {
  const data = makeFixtureDataset();

  it('titles the default view by the range of the data and lists everything in the subtitle', () => {
    expect(describeView(data, DEFAULT_FILTERS)).toEqual({
      title: 'Stance toward Russia, Feb–Jul 2025',
      subtitle:
        'All actors · All themes · Statements and actions · 18 Feb–14 Jul 2025 · Line: 30-day centred rolling mean',
    });
  });

  it('names the chosen actors, themes, kind, range, confidence and smoothing', () => {
    const view = describeView(data, {
      ...DEFAULT_FILTERS,
      actors: ['trump', 'russia'],
      themes: ['sanctions'],
      kind: 'action',
      rangeIsDefault: false,
      from: '2025-02-01',
      to: '2025-08-31',
      smooth: 0,
      highConfidence: true,
    });
    expect(view.title).toBe('Stance toward Russia, Feb–Aug 2025');
    expect(view.subtitle).toBe(
      'Actors: Donald Trump, Russia · Themes: Sanctions · Actions only · High-confidence observations only · 1 Feb–31 Aug 2025 · Line: daily mean, no smoothing',
    );
  });

  it('puts a single shown actor in the title and leaves legend-hidden actors out', () => {
    const view = describeView(data, { ...DEFAULT_FILTERS, actors: ['trump', 'russia'], hidden: ['russia'] });
    expect(view.title).toBe('Donald Trump: stance toward Russia, Feb–Jul 2025');
    expect(view.subtitle.startsWith('Actors: Donald Trump · ')).toBe(true);
  });

  it('reads an open end from the observations the view shows', () => {
    expect(
      describeView(data, { ...DEFAULT_FILTERS, rangeIsDefault: false, from: '2025-03-01' }).subtitle,
    ).toContain('1 Mar–14 Jul 2025');
    expect(
      describeView(data, { ...DEFAULT_FILTERS, rangeIsDefault: false, to: '2025-02-28', kind: 'statement' })
        .title,
    ).toBe('Stance toward Russia, Feb 2025');
  });

  it('says so when nothing matches', () => {
    const view = describeView(data, { ...DEFAULT_FILTERS, actors: [] });
    expect(view.title).toBe('Stance toward Russia');
    expect(view.subtitle).toContain('No actors');
    expect(view.subtitle).toContain('No observations in range');
  });
});

describe('titles for other datasets', () => {
  it('uses the dataset’s own title when it is not about stance toward Russia', () => {
    const gdelt = { ...makeFixtureDataset(), id: 'gdelt-sample', title: 'GDELT events, 13–15 Nov 2020' };
    expect(describeView(gdelt, DEFAULT_FILTERS).title).toMatch(/^GDELT events, 13–15 Nov 2020, /);
    expect(describeView(gdelt, { ...DEFAULT_FILTERS, actors: ['trump'] }).title).toMatch(
      /^Donald Trump: GDELT events, 13–15 Nov 2020/,
    );
  });
});

describe('range words', () => {
  it('formats month ranges for titles', () => {
    expect(formatMonthRange(utc('2025-01-01'), utc('2025-12-31'))).toBe('2025');
    expect(formatMonthRange(utc('2025-03-02'), utc('2025-03-20'))).toBe('Mar 2025');
    expect(formatMonthRange(utc('2024-11-05'), utc('2025-03-03'))).toBe('Nov 2024–Mar 2025');
  });
  it('formats day ranges for subtitles', () => {
    expect(formatDayRange(utc('2025-02-19'), utc('2025-02-19'))).toBe('19 Feb 2025');
    expect(formatDayRange(utc('2024-11-05'), utc('2025-03-03'))).toBe('5 Nov 2024–3 Mar 2025');
  });
});
