import { useCallback, useMemo } from 'react';
import type { Dataset } from '../../domain/schema';
import { indexDataset } from '../../domain/series';
import { TimeBrush } from '../../charts/time-brush';
import { densityBins, extentDays } from '../../charts/brush-math';
import { formatAxisDate, isoDay, monthTicks, padToMonths } from '../../domain/dates';
import { formatDayRange } from '../../domain/describe-view';
import { useShallow } from 'zustand/react/shallow';
import { useUiStore } from '../../state/ui-store';
import { effectiveRange } from '../../domain/view-filters';

const BINS = 120;

function formatDay(t: number): string {
  return formatDayRange(t, t);
}

/** The brush under the chart: spans the whole dataset and writes the same From/To as the date inputs. */
export function TimeBrushPanel({ dataset }: { dataset: Dataset }) {
  const { from, to } = useUiStore(useShallow((s) => effectiveRange(s.filters, dataset)));
  const setFilters = useUiStore((s) => s.setFilters);
  const index = indexDataset(dataset);
  const extent = useMemo<[number, number] | null>(
    () => (index.extent ? padToMonths(index.extent) : null),
    [index],
  );
  const bins = useMemo(() => {
    if (!extent) return [];
    const times = (function* () {
      for (const list of index.byActor.values()) for (const p of list) yield p.t;
    })();
    return densityBins(times, extent, BINS);
  }, [index, extent]);
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
