// @vitest-environment jsdom
// (DOMParser reads the SVG back, as a browser would.)
import { describe, expect, it } from 'vitest';
import { makeFixtureDataset } from '../../mocks/fixtures/dataset';
import type { Dataset } from '../../src/domain/schema';
import { DEFAULT_FILTERS, type ViewFilters } from '../../src/domain/view-filters';
import { buildFigureSvg, FIGURE_WIDTH, type FigureInput } from '../../src/features/export/figure-svg';
import { linePath } from './path-points';
import { buildAltText, buildExportView } from '../../src/features/export/export-view';
import { escapeXml, wrapText, measureText } from '../../src/charts/svg-text';
import { viewOf } from './view-of';

const SVG_NS = 'http://www.w3.org/2000/svg';

function input(
  patch: Partial<Omit<FigureInput, 'dataset' | 'view'>> & { dataset?: Dataset } = {},
  filters: Partial<ViewFilters> = {},
): FigureInput {
  const dataset = patch.dataset ?? makeFixtureDataset();
  const all = { ...DEFAULT_FILTERS, ...filters };
  return {
    dataset,
    filters: all,
    view: viewOf(dataset, all),
    title: 'Stance toward Russia, Feb–Aug 2025',
    subtitle:
      'All actors · All themes · Statements and actions · 18 Feb–14 Jul 2025 · Line: 30-day centred rolling mean',
    generatedOn: '2025-09-01',
    ...patch,
  };
}

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`SVG does not parse: ${error.textContent}`);
  return doc;
}

const texts = (doc: Document) =>
  Array.from(doc.getElementsByTagNameNS(SVG_NS, 'text')).map((t) => t.textContent ?? '');

describe('buildFigureSvg', () => {
  it('is one SVG document in the SVG namespace, 960 units wide, with the title as heading and <title>', () => {
    const doc = parse(buildFigureSvg(input()));
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe(SVG_NS);
    expect(root.getAttribute('width')).toBe(String(FIGURE_WIDTH));
    expect(Number(root.getAttribute('height'))).toBeGreaterThan(400);
    expect(root.getElementsByTagNameNS(SVG_NS, 'title')[0]?.textContent).toBe(
      'Stance toward Russia, Feb–Aug 2025',
    );
    expect(texts(doc)).toContain('Stance toward Russia, Feb–Aug 2025');
  });

  it('draws one line per actor with day-dated observations and names every plotted actor at its end', () => {
    const doc = parse(buildFigureSvg(input()));
    const lines = Array.from(doc.querySelectorAll('path.series-line')).map((p) =>
      p.getAttribute('data-actor'),
    );
    // Congress has only a month-dated observation, so no line; it is still named, at its marker.
    expect(lines).toEqual(['trump', 'russia']);
    const labels = Array.from(doc.querySelectorAll('.end-label')).map((g) => [
      g.getAttribute('data-actor'),
      g.textContent,
    ]);
    expect(labels).toEqual([
      ['trump', 'Donald Trump'],
      ['us-congress', 'US Congress'],
      ['russia', 'Russia'],
    ]);
    // The labels name the lines, so no legend repeats them.
    expect(doc.querySelectorAll('.legend-item')).toHaveLength(0);
    // Trump's two day-dated observations are five months apart: two separate runs (a gap, not a trend).
    expect(doc.querySelector('path[data-actor="trump"]')?.getAttribute('d')?.match(/M/g)).toHaveLength(2);
  });

  it('leaves out actors hidden via the legend and those not selected', () => {
    const doc = parse(buildFigureSvg(input({}, { actors: ['trump', 'russia'], hidden: ['russia'] })));
    expect(
      Array.from(doc.querySelectorAll('path.series-line')).map((p) => p.getAttribute('data-actor')),
    ).toEqual(['trump']);
    expect(Array.from(doc.querySelectorAll('.end-label')).map((g) => g.textContent)).toEqual([
      'Donald Trump',
    ]);
    expect(doc.querySelector('[data-actor="russia"]')).toBeNull();
  });

  it('has axis labels from the scale, a zero line and month ticks', () => {
    const doc = parse(buildFigureSvg(input()));
    expect(texts(doc)).toEqual(
      expect.arrayContaining(['+3 Hawkish', '−3 Conciliatory', '0', 'Mar 2025', 'Jul']),
    );
    expect(doc.querySelectorAll('line.zero-line')).toHaveLength(1);
  });

  it('draws labelled key-event markers only when events are on', () => {
    const on = parse(buildFigureSvg(input()));
    expect(Array.from(on.querySelectorAll('.event-badge')).map((g) => g.getAttribute('data-events'))).toEqual(
      ['evt-july-14'],
    );
    expect(on.querySelector('.event-badge')?.textContent).toContain('1');
    // No full-height rules in the figure: the badge's stem points at the date on the plot's top edge.
    expect(on.querySelector('.event-rule')).toBeNull();
    expect(on.querySelector('.event-key')?.textContent).toContain('14 Jul 2025 — 50-day deadline');
    const off = parse(buildFigureSvg(input({}, { events: false })));
    expect(off.querySelector('.event-badge')).toBeNull();
    expect(off.querySelector('.event-key')).toBeNull();
  });

  it('states the filters in the subtitle and names the sources and the dataset version in the footnote', () => {
    const doc = parse(buildFigureSvg(input()));
    expect(doc.querySelector('.figure-subtitle')?.textContent).toContain('Statements and actions');
    const foot = doc.querySelector('.figure-footnote')?.textContent ?? '';
    expect(foot).toContain(
      'Sources: What’s really behind Trump’s abrupt pivot to Russia?; The Trump Pivot Against Russia.',
    );
    expect(foot).toContain('Generated 2025-09-01 from Fixture: Stance toward Russia v0.0.1.');
  });

  it('names only the sources of what is plotted', () => {
    const doc = parse(buildFigureSvg(input({}, { actors: ['russia'], events: false })));
    const foot = doc.querySelector('.figure-footnote')?.textContent ?? '';
    expect(foot).toContain('What’s really behind');
    expect(foot).not.toContain('The Trump Pivot Against Russia');
  });

  it('is self-contained: literal colors, no CSS variables, no external references, no foreignObject', () => {
    const svg = buildFigureSvg(input());
    expect(svg).not.toMatch(/foreignObject/i);
    expect(svg).not.toMatch(/var\(--/);
    expect(svg).not.toMatch(/href=|url\(|@import|<style|<script/i);
    expect(svg).toMatch(
      /font-family="Inter, &apos;DejaVu Sans&apos;, &apos;Liberation Sans&apos;, Arial, sans-serif"/,
    );
    // With the font embedded, the only CSS is its @font-face, from a data: URL.
    const embedded = buildFigureSvg(input(), [{ weight: 400, base64: 'd09GMgABAAA=' }]);
    expect(embedded.match(/url\(([^)]*)\)/g)).toEqual(['url(data:font/woff2;base64,d09GMgABAAA=)']);
    expect(embedded).not.toMatch(/href=|@import|<script/i);
    expect(parse(embedded).documentElement.localName).toBe('svg');
    const doc = parse(svg);
    const background = doc.documentElement.querySelector('rect');
    expect(background?.getAttribute('fill')).toBe('#ffffff');
  });

  it('escapes hostile text in titles, actor names, event labels and source titles', () => {
    const data: Dataset = makeFixtureDataset();
    const evil = `</text><foreignObject><script>alert(1)</script></foreignObject> & "quotes" 'apos' ]]> <!-- \u0001\u0008`;
    data.actors[0] = { ...data.actors[0]!, name: `Trump ${evil}` };
    data.events[0] = { ...data.events[0]!, label: `Deadline ${evil}`.slice(0, 80) };
    data.sources[1] = { ...data.sources[1]!, title: `Pivot ${evil}` };
    data.title = `Data ${evil}`;
    const svg = buildFigureSvg(input({ dataset: data, title: `Title ${evil}`, subtitle: `Sub ${evil}` }));
    const doc = parse(svg);
    expect(doc.getElementsByTagName('foreignObject')).toHaveLength(0);
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
    expect(doc.documentElement.getElementsByTagNameNS(SVG_NS, 'title')[0]?.textContent).toBe(
      `Title </text><foreignObject><script>alert(1)</script></foreignObject> & "quotes" 'apos' ]]> <!-- `,
    );
    expect(doc.querySelector('path.series-line[data-actor="trump"] title')?.textContent).toContain(
      'Trump </text><foreignObject>',
    );
    expect(doc.querySelector('.end-label')?.textContent).toMatch(/^Trump <\/text>/);
    expect(doc.querySelector('.figure-footnote')?.textContent).toContain('Pivot </text>');
  });

  it('wraps a long title onto several lines inside the width', () => {
    const long =
      'A very long figure title that an analyst typed for a briefing slide about the stance of many actors '.repeat(
        2,
      );
    const doc = parse(buildFigureSvg(input({ title: long })));
    const spans = doc.querySelectorAll('.figure-title tspan');
    expect(spans.length).toBeGreaterThan(1);
    expect(spans.length).toBeLessThanOrEqual(3);
  });

  it('says so when nothing matches the filters', () => {
    const doc = parse(buildFigureSvg(input({}, { actors: [] })));
    expect(texts(doc)).toContain('No observations match these filters');
    expect(doc.querySelectorAll('path.series-line')).toHaveLength(0);
  });

  it('carries a <desc> text alternative with each plotted actor and its mean score', () => {
    const doc = parse(buildFigureSvg(input()));
    const desc = doc.documentElement.getElementsByTagNameNS(SVG_NS, 'desc')[0]?.textContent ?? '';
    expect(desc).toContain('Donald Trump +0.5 (2 observations');
    expect(desc).toContain('US Congress +2 (1 observation');
    expect(desc).toContain('Russia +1 (1 observation');
    expect(doc.documentElement.getAttribute('role')).toBe('img');
  });
});

describe('buildAltText', () => {
  it('names the title, the scale, the range and each actor with its mean', () => {
    const filters = { ...DEFAULT_FILTERS, actors: ['trump'] };
    const ev = buildExportView(makeFixtureDataset(), filters, viewOf(makeFixtureDataset(), filters));
    const alt = buildAltText(ev, 'Trump on Russia');
    expect(alt).toMatch(
      /^Trump on Russia\. Line chart of stance scores from −3 \(Conciliatory\) to \+3 \(Hawkish\)/,
    );
    expect(alt).toContain('2025-02-19 to 2025-07-14');
    expect(alt).toContain('Donald Trump +0.5 (2 observations; +3 from the first to the last third)');
    expect(alt).toContain('Key events marked: 50-day deadline.');
  });

  it('says when the view is empty', () => {
    const filters = { ...DEFAULT_FILTERS, actors: [] };
    const ev = buildExportView(makeFixtureDataset(), filters, viewOf(makeFixtureDataset(), filters));
    expect(buildAltText(ev, 'Empty')).toContain('No observations match the current filters.');
  });
});

describe('svg text helpers', () => {
  it('escapes the five XML specials and drops characters XML cannot hold', () => {
    expect(escapeXml(`<a & 'b' "c">\u0000\u001f\uD800`)).toBe('&lt;a &amp; &apos;b&apos; &quot;c&quot;&gt;');
    expect(escapeXml('🇺🇦 ok')).toBe('🇺🇦 ok');
  });

  it('wraps at spaces within the width and cuts an over-long word', () => {
    const lines = wrapText('alpha beta gamma delta epsilon', measureText('gamma delta', 14), 14);
    expect(lines).toEqual(['alpha beta', 'gamma delta', 'epsilon']);
    const cut = wrapText('x'.repeat(100), 100, 14);
    expect(cut.length).toBeGreaterThan(1);
    expect(cut.join('')).toBe('x'.repeat(100));
    const width = measureText('one two', 14);
    const capped = wrapText('one two three four five six', width, 14, { maxLines: 2 });
    expect(capped).toEqual(['one two', expect.stringMatching(/^three.*…$/)]);
    expect(capped.every((line) => measureText(line, 14) <= width)).toBe(true);
  });

  it('draws a monotone curve that does not overshoot between points', () => {
    const monotonePath = (pts: Array<[number, number]>) => linePath(pts, true);
    expect(monotonePath([])).toBe('');
    expect(monotonePath([[1, 2]])).toBe('M1,2h0');
    expect(
      monotonePath([
        [0, 0],
        [10, 10],
      ]),
    ).toBe('M0,0L10,10');
    const d = monotonePath([
      [0, 0],
      [10, 10],
      [20, 10],
      [30, 0],
    ]);
    const ys = Array.from(d.matchAll(/C([\d.,-]+)/g)).flatMap((m) =>
      m[1]!
        .split(',')
        .filter((_, i) => i % 2 === 1)
        .map(Number),
    );
    expect(Math.max(...ys)).toBeLessThanOrEqual(10);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
  });
});
