import type { FigureModel } from './figure-spec';
import { escapeXml } from './svg-text';
import { r1 } from './paths';
import { FONT } from './figure-spec';
import { el } from './svg-markup';
import { eventsSvg, labelsSvg, pivotsSvg } from './chart-svg-annotations';

// The stance chart as an SVG fragment string, printed from the figure model and nothing else: the
// exported figure wraps it with its title and footnote. Element classes and attributes mirror the
// screen chart (figure-chart.tsx), so one set of browser tests measures both.

/** Axes, grid and zero line. */
function frameSvg(m: FigureModel): string {
  const { plot, palette } = m;
  const right = plot.x + plot.width;
  const bottom = plot.y + plot.height;
  const y = m.yTicks
    .map((t) =>
      el(
        'g',
        { class: 'y-tick', 'data-value': String(t.value) },
        (t.value === 0
          ? ''
          : el('line', { class: 'grid', x1: plot.x, x2: right, y1: t.y, y2: t.y, stroke: palette.grid })) +
          el(
            'text',
            {
              x: plot.x - 8,
              y: t.y + 4,
              'text-anchor': 'end',
              'font-size': FONT.tick,
              'font-weight': t.strong ? 600 : null,
              fill: t.strong ? palette.text : palette.muted,
            },
            escapeXml(t.label),
          ),
      ),
    )
    .join('');
  const x = m.xTicks
    .map((t) =>
      el(
        'g',
        { class: 'x-tick', 'data-t': String(t.t) },
        el('line', { class: 'grid', x1: t.x, x2: t.x, y1: plot.y, y2: bottom, stroke: palette.grid }) +
          el('line', { x1: t.x, x2: t.x, y1: bottom, y2: bottom + 5, stroke: palette.axis }) +
          el(
            'text',
            { x: t.x, y: bottom + 19, 'text-anchor': 'middle', 'font-size': FONT.tick, fill: palette.muted },
            escapeXml(t.label),
          ),
      ),
    )
    .join('');
  return (
    el('rect', {
      class: 'plot-area',
      x: plot.x,
      y: plot.y,
      width: plot.width,
      height: plot.height,
      fill: 'none',
    }) +
    el('g', { class: 'y-ticks' }, y) +
    el('g', { class: 'x-ticks' }, x) +
    el('line', { class: 'x-axis', x1: plot.x, x2: right, y1: bottom, y2: bottom, stroke: palette.axis }) +
    el('line', {
      class: 'zero-line',
      x1: plot.x,
      x2: right,
      y1: m.zeroY,
      y2: m.zeroY,
      stroke: palette.zero,
      'stroke-width': 1.25,
    })
  );
}

function seriesSvg(m: FigureModel): string {
  const bands = m.lines
    .filter((l) => l.band)
    .map((l) =>
      el('path', {
        class: `series-band series-band-${l.seriesId}`,
        'data-actor': l.seriesId,
        d: l.band,
        fill: l.color,
        'fill-opacity': l.bandOpacity,
        stroke: 'none',
      }),
    )
    .join('');
  const lines = m.lines
    .map((l) =>
      el(
        'path',
        {
          class: `series-line series-${l.seriesId}`,
          'data-actor': l.seriesId,
          d: l.d,
          fill: 'none',
          stroke: l.color,
          'stroke-width': l.strokeWidth,
          'stroke-dasharray': l.dash,
          'stroke-linejoin': 'round',
          'stroke-linecap': 'round',
        },
        el('title', {}, escapeXml(l.name)),
      ),
    )
    .join('');
  return el('g', { class: 'bands' }, bands) + el('g', { class: 'lines' }, lines);
}

function markersSvg(m: FigureModel): string {
  const { markers } = m;
  if (markers.mode === 'each') {
    return el(
      'g',
      { class: 'observation-points' },
      markers.items
        .map((p) =>
          el('circle', {
            class: `series-dot series-dot-${p.seriesId}${p.hollow ? ' is-hollow' : ''}`,
            'data-obs-id': p.id,
            cx: p.x,
            cy: p.y,
            r: p.r,
            fill: p.fill,
            'fill-opacity': p.fillOpacity,
            stroke: p.stroke,
            'stroke-opacity': p.strokeOpacity,
            'stroke-width': p.strokeWidth,
          }),
        )
        .join(''),
    );
  }
  if (markers.mode === 'merged') {
    return el(
      'g',
      { class: 'observation-points is-merged' },
      markers.merged
        .map((g) =>
          el('path', {
            class: `series-dots series-dot-${g.seriesId}`,
            d: g.d,
            fill: g.fill,
            'fill-opacity': g.fillOpacity,
            stroke: g.stroke,
            'stroke-opacity': g.strokeOpacity,
            'stroke-width': g.strokeWidth,
          }),
        )
        .join(''),
    );
  }
  return '';
}

function emptySvg(m: FigureModel): string {
  if (!m.emptyMessage) return '';
  return el(
    'text',
    {
      class: 'empty-message',
      x: m.plot.x + m.plot.width / 2,
      y: m.plot.y + m.plot.height / 2,
      'text-anchor': 'middle',
      'font-size': FONT.empty,
      fill: m.palette.muted,
    },
    escapeXml(m.emptyMessage),
  );
}

/** The chart as a `<g>` at (x, y), in the layer order the screen uses. */
export function chartSvg(m: FigureModel, x = 0, y = 0): string {
  return el(
    'g',
    { class: 'figure-chart', transform: `translate(${r1(x)} ${r1(y)})` },
    frameSvg(m) + seriesSvg(m) + pivotsSvg(m) + markersSvg(m) + labelsSvg(m) + eventsSvg(m) + emptySvg(m),
  );
}
