import { useSyncExternalStore } from 'react';
import type { HoverStore } from './hover-store';
import type { PointHover } from './figure-chart';

const TOOLTIP_WIDTH = 260;

/** Details of the hovered or focused point; the only component that re-renders as the mouse moves. */
export function ChartTooltip({ store, width }: { store: HoverStore<PointHover>; width: number }) {
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
        <span className="swatch" style={{ background: point.color }} />
        {point.actorName}
        <span className="tooltip-score">{point.scoreLabel}</span>
      </div>
      <div className="tooltip-speaker">{point.speaker}</div>
      <div className="tooltip-summary">{point.summary}</div>
      {point.note && <div className="tooltip-note">{point.note}</div>}
    </div>
  );
}
