import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { effectiveRange } from '../../domain/view-filters';
import { useUiStore } from '../../state/ui-store';
import { timePresets } from './time-presets';
import type { DefaultRangeSource } from '../../domain/default-range';
import type { Dataset } from '../../domain/schema';

/** Presets and a From/To pair; the brush under the chart writes the same two values. */
export const TimeFilter = memo(function TimeFilter({
  lastDay,
  dataset,
}: {
  lastDay: string | null;
  dataset: DefaultRangeSource & { presets?: Dataset['presets'] };
}) {
  const { from, to } = useUiStore(useShallow((s) => effectiveRange(s.filters, dataset)));
  const rangeIsDefault = useUiStore((s) => s.filters.rangeIsDefault);
  const setFilters = useUiStore((s) => s.setFilters);
  const presets = timePresets(lastDay, dataset.presets);

  const setDay = (key: 'from' | 'to', value: string) => {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
    const next = { from, to, [key]: day };
    // A reversed pair is read as the range between the two days.
    if (next.from && next.to && next.from > next.to) [next.from, next.to] = [next.to, next.from];
    setFilters(next);
  };

  return (
    <fieldset className="filter-group">
      <legend>Time</legend>
      <div className="preset-list">
        {presets.map((p) => (
          <button
            key={p.id}
            type="button"
            className="preset"
            aria-pressed={from === p.from && to === p.to}
            onClick={() => setFilters({ from: p.from, to: p.to })}
          >
            {p.label}
          </button>
        ))}
      </div>
      <div className="date-pair">
        <label>
          <span>From</span>
          <input type="date" value={from ?? ''} onChange={(e) => setDay('from', e.target.value)} />
        </label>
        <label>
          <span>To</span>
          <input type="date" value={to ?? ''} onChange={(e) => setDay('to', e.target.value)} />
        </label>
      </div>
      <p className="hint">
        {rangeIsDefault && (from || to)
          ? 'This is the dataset’s default range; choose All to see every observation.'
          : 'An empty date means the first or last observation.'}
      </p>
    </fieldset>
  );
});
