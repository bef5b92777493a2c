import { useSyncExternalStore } from 'react';
import type { HoverStore } from './hover-store';
import type { PointHover } from './figure-chart';
import { actorDash } from './figure-palette';
import { ActorSwatch } from '../ui/actor-swatch';

const TOOLTIP_WIDTH = 260;

/** Details of the hovered or focused point; the only component that re-renders as the mouse moves. */
export function ChartTooltip({
  store,
  width,
  actors,
}: {
  store: HoverStore<PointHover>;
  width: number;
  /** The dataset's actors, for the dash of the hovered point's line. */
  actors: ReadonlyArray<{ id: string; color: string }>;
}) {
  const hover = useSyncExternalStore(store.subscribe, store.get, store.get);
  if (!hover) return null;
  const { point, x, y } = hover;
  const w = Math.min(TOOLTIP_WIDTH, width - 8);
  // Flip to the left of the point near the right edge, and below it near the top.
  const left = Math.max(4, x + 12 + w > width ? x - 12 - w : x + 12);
  const top = Math.max(4, y - 16);
  return (
    <div className="chart-tooltip" aria-hidden="true" style={{ left, top, width: w }}>
      <div className="tooltip-date">{point.dateLabel}</div>
      <div className="tooltip-actor">
        <ActorSwatch color={point.color} dash={actorDash(actors, point.seriesId)} />
        {point.actorName}
        <span className="tooltip-score">{point.scoreLabel}</span>
      </div>
      <div className="tooltip-speaker">{point.speaker}</div>
      <div className="tooltip-summary">{point.summary}</div>
      {point.note && <div className="tooltip-note">{point.note}</div>}
    </div>
  );
}
