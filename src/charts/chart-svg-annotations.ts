import type { FigureModel } from './figure-spec';
import { FONT } from './figure-spec';
import { escapeXml } from './svg-text';
import { el, textLines } from './svg-markup';

// The export's annotation layers — key-event lane, pivot steps, end-of-line labels — mirroring
// figure-chart-annotations.tsx on screen.

export function eventsSvg(m: FigureModel): string {
  const { palette } = m;
  return el(
    'g',
    { class: 'event-lane' },
    m.badges
      .map((b) =>
        el(
          'g',
          { class: 'event-badge', 'data-events': b.eventIds.join(' ') },
          el('title', {}, escapeXml(b.name)) +
            b.stems.map((s) => el('line', { ...s, stroke: palette.event, 'stroke-width': 1 })).join('') +
            el('rect', {
              x: b.cx - b.width / 2,
              y: b.cy - b.height / 2,
              width: b.width,
              height: b.height,
              rx: b.height / 2,
              fill: palette.event,
            }) +
            el(
              'text',
              {
                x: b.cx,
                y: b.cy + 3.8,
                'text-anchor': 'middle',
                'font-size': FONT.badge,
                'font-weight': 600,
                fill: palette.eventText,
              },
              escapeXml(b.text),
            ),
        ),
      )
      .join(''),
  );
}

export function pivotsSvg(m: FigureModel): string {
  if (m.pivots.length === 0) return '';
  const bg = m.palette.background;
  return el(
    'g',
    { class: 'pivot-markers' },
    m.pivots
      .map((p) =>
        el(
          'g',
          { class: 'pivot-marker', 'data-actor': p.seriesId, 'data-date': p.date, 'data-pivot-id': p.id },
          el('title', {}, escapeXml(p.title)) +
            el('line', {
              x1: p.x - p.tick,
              x2: p.x,
              y1: p.yBefore,
              y2: p.yBefore,
              stroke: p.color,
              'stroke-width': 3,
              'stroke-dasharray': '4 2',
            }) +
            el('line', {
              x1: p.x,
              x2: p.x,
              y1: p.yBefore,
              y2: p.yAfter,
              stroke: p.color,
              'stroke-width': 2,
            }) +
            el('line', {
              x1: p.x,
              x2: p.x + p.tick,
              y1: p.yAfter,
              y2: p.yAfter,
              stroke: p.color,
              'stroke-width': 3,
            }) +
            el('path', { d: p.arrow, fill: 'none', stroke: p.color, 'stroke-width': 2 }) +
            el('circle', { cx: p.x, cy: p.yAfter, r: 3, fill: bg, stroke: p.color, 'stroke-width': 2 }) +
            el(
              'text',
              {
                x: p.textX,
                y: p.textY,
                'font-size': FONT.pivot,
                fill: p.color,
                stroke: bg,
                'stroke-width': 3,
                'paint-order': 'stroke',
              },
              escapeXml(p.text),
            ),
        ),
      )
      .join(''),
  );
}

export function labelsSvg(m: FigureModel): string {
  if (m.labelMode !== 'end') return '';
  return el(
    'g',
    { class: 'end-labels' },
    m.endLabels
      .map((l) =>
        el(
          'g',
          { class: 'end-label', 'data-actor': l.seriesId },
          (l.connector ? el('line', { ...l.connector, stroke: l.color, 'stroke-width': 1 }) : '') +
            el(
              'text',
              { x: l.x, y: l.y, 'font-size': FONT.label, 'font-weight': 600, fill: l.color },
              textLines(l.lines, l.x, l.y, 14),
            ),
        ),
      )
      .join(''),
  );
}
