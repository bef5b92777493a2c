import { memo, useCallback, useMemo } from 'react';
import { useDatasetFacts } from '../../data/stance-queries';
import type { DatasetMeta } from '../../domain/dataset-index';
import { TimeBrush } from '../../charts/time-brush';
import { densityBins, extentDays } from '../../charts/brush-math';
import { DAY_MS, formatAxisDate, isoDay, monthTicks, padToMonths } from '../../domain/dates';
import { formatDayRange } from '../../domain/describe-view';
import { useShallow } from 'zustand/react/shallow';
import { useUiStore } from '../../state/ui-store';
import { effectiveRange } from '../../domain/view-filters';
import { useReadyWhenIdle } from '../../ui/use-idle-value';

const BINS = 120;

function formatDay(t: number): string {
  return formatDayRange(t, t);
}

/** The brush under the chart: spans the whole dataset and writes the same From/To as the date inputs.
 * Memoised: it reads the range from the store, so a theme or actor change does not render it. Under
 * the chart, and after it: it renders (and asks for the dataset's facts) once the browser is idle
 * after the explorer opens. */
export const TimeBrushPanel = memo(function TimeBrushPanel({ dataset }: { dataset: DatasetMeta }) {
  return useReadyWhenIdle() ? <DatasetTimeBrush dataset={dataset} /> : null;
});

function DatasetTimeBrush({ dataset }: { dataset: DatasetMeta }) {
  const { from, to } = useUiStore(useShallow((s) => effectiveRange(s.filters, dataset)));
  const setFilters = useUiStore((s) => s.setFilters);
  const facts = useDatasetFacts().data;
  const extent = useMemo<[number, number] | null>(
    () => (facts?.extent ? padToMonths(facts.extent) : null),
    [facts],
  );
  const bins = useMemo(() => {
    if (!extent || !facts) return [];
    const times = Array.from(facts.days.day, (d) => d * DAY_MS);
    return densityBins(times, extent, BINS, facts.days.n);
  }, [facts, extent]);
  const ticks = useCallback((maxTicks: number) => (extent ? monthTicks(extent, maxTicks) : []), [extent]);

  const onCommit = useCallback(
    ([a, b]: [number, number]) => {
      if (!extent) return;
      const [first, last] = extentDays(extent);
      // A range reaching an edge of the data leaves that end open, so the URL stays short.
      setFilters({ from: a <= first ? null : isoDay(a), to: b >= last ? null : isoDay(b) });
    },
    [extent, setFilters],
  );

  if (!extent) return null;
  const [first, last] = extentDays(extent);
  const clamp = (t: number) => Math.min(Math.max(t, first), last);
  const value: [number, number] = [
    clamp(from ? Date.parse(`${from}T00:00:00Z`) : first),
    clamp(to ? Date.parse(`${to}T00:00:00Z`) : last),
  ];
  return (
    <TimeBrush
      extent={extent}
      value={value}
      bins={bins}
      ticks={ticks}
      onCommit={onCommit}
      formatDay={formatDay}
      formatTick={formatAxisDate}
    />
  );
}
