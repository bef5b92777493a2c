import type { ReactNode } from 'react';
import { useUiStore } from '../../state/ui-store';

/** Tools above the chart; other features (e.g. Export) add their controls through `children`. */
export function ChartToolbar({ children }: { children?: ReactNode }) {
  const events = useUiStore((s) => s.filters.events);
  const setFilters = useUiStore((s) => s.setFilters);
  return (
    <div className="chart-toolbar" role="toolbar" aria-label="Chart tools">
      <button type="button" aria-pressed={events} onClick={() => setFilters({ events: !events })}>
        Key events
      </button>
      {children}
    </div>
  );
}
