import { memo } from 'react';
import type { EventBadge, FigureModel } from './figure-spec';
import { FONT } from './figure-spec';
import type { Palette } from './figure-palette';
import { r1 } from './paths';

// The screen chart's annotation layers — pivot steps, end-of-line labels, the key-event lane — each
// memoised, so hovering an event re-renders only the lane.

export const Pivots = memo(function Pivots({ model }: { model: FigureModel }) {
  if (model.pivots.length === 0) return null;
  const bg = model.palette.background;
  return (
    <g className="pivot-markers">
      {model.pivots.map((p) => (
        <g
          key={p.id}
          className="pivot-marker"
          data-actor={p.seriesId}
          data-date={p.date}
          data-pivot-id={p.id}
        >
          <title>{p.title}</title>
          <line
            x1={r1(p.x - p.tick)}
            x2={r1(p.x)}
            y1={r1(p.yBefore)}
            y2={r1(p.yBefore)}
            stroke={p.color}
            strokeWidth={3}
            strokeDasharray="4 2"
          />
          <line
            x1={r1(p.x)}
            x2={r1(p.x)}
            y1={r1(p.yBefore)}
            y2={r1(p.yAfter)}
            stroke={p.color}
            strokeWidth={2}
          />
          <line
            x1={r1(p.x)}
            x2={r1(p.x + p.tick)}
            y1={r1(p.yAfter)}
            y2={r1(p.yAfter)}
            stroke={p.color}
            strokeWidth={3}
          />
          <path d={p.arrow} fill="none" stroke={p.color} strokeWidth={2} />
          <circle cx={r1(p.x)} cy={r1(p.yAfter)} r={3} fill={bg} stroke={p.color} strokeWidth={2} />
          <text
            x={r1(p.textX)}
            y={r1(p.textY)}
            fontSize={FONT.pivot}
            fill={p.color}
            stroke={bg}
            strokeWidth={3}
            paintOrder="stroke"
          >
            {p.text}
          </text>
        </g>
      ))}
    </g>
  );
});

export const EndLabels = memo(function EndLabels({ model }: { model: FigureModel }) {
  if (model.labelMode !== 'end') return null;
  return (
    <g className="end-labels" aria-hidden="true">
      {model.endLabels.map((l) => (
        <g key={l.seriesId} className="end-label" data-actor={l.seriesId}>
          {l.connector && (
            <line
              x1={r1(l.connector.x1)}
              y1={r1(l.connector.y1)}
              x2={r1(l.connector.x2)}
              y2={r1(l.connector.y2)}
              stroke={l.color}
              strokeWidth={1}
            />
          )}
          <text x={r1(l.x)} y={r1(l.y)} fontSize={FONT.label} fontWeight={600} fill={l.color}>
            {l.lines.map((line, i) => (
              <tspan key={i} x={r1(l.x)} y={r1(l.y + i * 14)}>
                {i < l.lines.length - 1 ? `${line} ` : line}
              </tspan>
            ))}
          </text>
        </g>
      ))}
    </g>
  );
});

export interface EventLaneProps {
  badges: EventBadge[];
  palette: Palette;
  activeEventId: string | null;
  selectedEventId: string | null;
  onEventHover: (id: string | null) => void;
  onEventSelect: (id: string | null) => void;
}

/** Numbered key-event badges above the plot: Tab stops with a name; hover or focus shows the label and the rule. */
export const EventLane = memo(function EventLane({
  badges,
  palette,
  activeEventId,
  selectedEventId,
  onEventHover,
  onEventSelect,
}: EventLaneProps) {
  if (badges.length === 0) return null;
  const shown = badges.find((b) => activeEventId !== null && b.eventIds.includes(activeEventId));
  const pinned = badges.find((b) => selectedEventId !== null && b.eventIds.includes(selectedEventId));
  const ruled = [pinned, shown].filter((b, i, all): b is EventBadge => !!b && all.indexOf(b) === i);
  return (
    <>
      <g className="event-rules" aria-hidden="true">
        {ruled.flatMap((b) =>
          b.rules.map((r, i) => (
            <line
              key={`${b.key}-${i}`}
              className="event-rule"
              x1={r1(r.x)}
              x2={r1(r.x)}
              y1={r1(r.y1)}
              y2={r1(r.y2)}
              stroke={palette.event}
              strokeWidth={1.25}
              strokeDasharray="4 3"
            />
          )),
        )}
      </g>
      <g className="event-lane" role="group" aria-label="Key events">
        {badges.map((b) => {
          const first = b.eventIds[0]!;
          const isPinned = b === pinned;
          return (
            <g
              key={b.key}
              className={`event-badge${isPinned ? ' is-selected' : ''}`}
              data-events={b.eventIds.join(' ')}
              role="button"
              tabIndex={0}
              aria-label={b.name}
              aria-pressed={isPinned}
              onMouseEnter={() => onEventHover(first)}
              onMouseLeave={() => onEventHover(null)}
              onFocus={() => onEventHover(first)}
              onBlur={() => onEventHover(null)}
              onClick={() => onEventSelect(isPinned ? null : first)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onEventSelect(isPinned ? null : first);
                } else if (e.key === 'Escape') {
                  onEventSelect(null);
                }
              }}
            >
              {b.stems.map((s, i) => (
                <line
                  key={i}
                  x1={r1(s.x1)}
                  y1={r1(s.y1)}
                  x2={r1(s.x2)}
                  y2={r1(s.y2)}
                  stroke={palette.event}
                  strokeWidth={1}
                />
              ))}
              <rect
                x={r1(b.cx - b.width / 2)}
                y={r1(b.cy - b.height / 2)}
                width={r1(b.width)}
                height={b.height}
                rx={b.height / 2}
                fill={palette.event}
              />
              <text
                x={r1(b.cx)}
                y={r1(b.cy + 3.8)}
                textAnchor="middle"
                fontSize={FONT.badge}
                fontWeight={600}
                fill={palette.eventText}
              >
                {b.text}
              </text>
            </g>
          );
        })}
      </g>
      {shown && (
        <g className="event-tip" aria-hidden="true" pointerEvents="none">
          <rect
            x={r1(shown.tip.x)}
            y={r1(shown.tip.y)}
            width={r1(shown.tip.width)}
            height={r1(shown.tip.height)}
            rx={4}
            fill={palette.tipBackground}
            stroke={palette.tipBorder}
          />
          <text fontSize={FONT.tip} fill={palette.text}>
            {shown.tip.lines.map((line, i) => (
              <tspan key={i} x={r1(shown.tip.x + 8)} y={r1(shown.tip.y + 17 + i * 16)}>
                {line}
              </tspan>
            ))}
          </text>
        </g>
      )}
    </>
  );
});
