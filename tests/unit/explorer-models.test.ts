import { describe, expect, it } from 'vitest';
import {
  densityBins,
  extentDays,
  normalizeRange,
  shiftRange,
  timeToX,
  xToDay,
} from '../../src/charts/brush-math';
import { addDays, timePresets } from '../../src/features/filters/time-presets';
import { hasMeaningfulGroups } from '../../src/features/filters/filter-panel';
import { describeMean, summarySentence } from '../../src/domain/summary-text';
import { formatScore } from '../../src/domain/format-score';
import type { ActorSummary } from '../../src/domain/series';
import { makeFixtureDataset } from '../../mocks/fixtures/dataset';

const DAY = 86_400_000;
const utc = (d: string) => Date.parse(`${d}T00:00:00Z`);

describe('time presets', () => {
  const bundled = [
    { id: '2025', label: '2025', from: '2025-01-01', to: '2025-12-31' },
    {
      id: 'first-100-days',
      label: 'First 100 days of the second term',
      from: '2025-01-20',
      to: '2025-04-29',
    },
  ];
  it('has All, the dataset’s own presets and the last 90 days of the data', () => {
    expect(timePresets('2025-07-14', bundled).map((p) => [p.label, p.from, p.to])).toEqual([
      ['All', null, null],
      ['2025', '2025-01-01', '2025-12-31'],
      ['First 100 days of the second term', '2025-01-20', '2025-04-29'],
      ['Last 90 days of the data', '2025-04-16', '2025-07-14'],
    ]);
  });
  it('offers a dataset’s presets only for that dataset: an imported file gets the generic ones', () => {
    expect(timePresets('2020-11-13').map((p) => p.label)).toEqual(['All', 'Last 90 days of the data']);
  });
  it('spans exactly 100 and 90 days, ends included', () => {
    const [, , first100, last90] = timePresets('2025-03-01', bundled);
    expect((utc(first100!.to!) - utc(first100!.from!)) / DAY + 1).toBe(100);
    expect((utc(last90!.to!) - utc(last90!.from!)) / DAY + 1).toBe(90);
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
  it('drops "last 90 days" when there is no data', () => {
    expect(timePresets(null).map((p) => p.id)).not.toContain('last-90-days');
  });
});

describe('brush math', () => {
  const extent: [number, number] = [utc('2025-01-01'), utc('2025-02-01')]; // 31 days, half-open
  it('maps pixels to whole days inside the extent', () => {
    expect(extentDays(extent)).toEqual([utc('2025-01-01'), utc('2025-01-31')]);
    expect(xToDay(0, extent, 310)).toBe(utc('2025-01-01'));
    expect(xToDay(100, extent, 310)).toBe(utc('2025-01-11'));
    expect(xToDay(9999, extent, 310)).toBe(utc('2025-01-31'));
    expect(timeToX(utc('2025-01-11'), extent, 310)).toBe(100);
  });
  it('orders a backwards drag and keeps a moved window inside the extent at the same length', () => {
    expect(normalizeRange(utc('2025-01-20'), utc('2025-01-05'), extent)).toEqual([
      utc('2025-01-05'),
      utc('2025-01-20'),
    ]);
    expect(shiftRange([utc('2025-01-20'), utc('2025-01-25')], 30 * DAY, extent)).toEqual([
      utc('2025-01-26'),
      utc('2025-01-31'),
    ]);
  });
  it('counts observations per bin', () => {
    expect(
      densityBins([utc('2025-01-01'), utc('2025-01-02'), utc('2025-01-30'), utc('2025-03-01')], extent, 2),
    ).toEqual([2, 1]);
  });
});

describe('actor groups', () => {
  const actor = (id: string, group: string) => ({ id, name: id, group, description: '', color: '#000000' });
  it('shows headings only when groups actually group actors', () => {
    expect(hasMeaningfulGroups([actor('a', 'US'), actor('b', 'US'), actor('c', 'RU')])).toBe(true);
    expect(hasMeaningfulGroups([actor('a', 'A'), actor('b', 'B')])).toBe(false);
    expect(hasMeaningfulGroups([actor('a', 'X'), actor('b', 'X')])).toBe(false);
  });
});

describe('summary words', () => {
  const scale = { negativeLabel: 'Conciliatory', positiveLabel: 'Hawkish' };
  it('reads the mean on the scale', () => {
    expect(describeMean(0.2, scale)).toBe('about neutral');
    expect(describeMean(-1, scale)).toBe('leaning conciliatory');
    expect(describeMean(2.4, scale)).toBe('hawkish');
  });
  it('writes one sentence with mean, count and change', () => {
    const data = makeFixtureDataset();
    const s: ActorSummary = {
      actor: data.actors[2]!,
      n: 1,
      mean: -2,
      change: null,
      firstMean: -2,
      lastMean: null,
    };
    expect(summarySentence(s, scale)).toBe(
      'mean score −2 (conciliatory) over 1 observation; not enough observations in both the first and last third to compare.',
    );
    expect(summarySentence({ ...s, n: 6, mean: 0.25, change: -1.26 }, scale)).toBe(
      'mean score +0.3 (about neutral) over 6 observations; moved 1.3 points conciliatory (↓) from the first to the last third.',
    );
  });
});

describe('formatScore', () => {
  it('signs scores with a true minus', () => {
    expect([3, -1, 0, 1.25, -0.04].map(formatScore)).toEqual(['+3', '−1', '0', '+1.3', '0']);
  });
});
