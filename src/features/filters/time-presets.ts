import { DAY_MS, dayStart, isoDay } from '../../domain/dates';
import type { TimePresetSpec } from '../../domain/schema';

export interface TimePreset {
  id: string;
  label: string;
  from: string | null;
  to: string | null;
}

/** Shifts an ISO day by whole days (UTC, so no daylight-saving surprises). */
export function addDays(day: string, days: number): string {
  return isoDay(dayStart(day) + days * DAY_MS);
}

/**
 * The time presets of the explorer: "All", the dataset's own presets (only the dataset that defines
 * "First 100 days of the second term" offers it), and "Last 90 days of the data", which ends at the
 * last observation day and includes it (so it starts 89 days before); left out when there is no data.
 */
export function timePresets(
  lastObservationDay: string | null,
  datasetPresets: readonly TimePresetSpec[] = [],
): TimePreset[] {
  const presets: TimePreset[] = [
    { id: 'all', label: 'All', from: null, to: null },
    // A dataset's "All" would be a second button doing the same: its presets keep their own ids apart.
    ...datasetPresets
      .filter((p) => p.from !== null || p.to !== null)
      .map((p) => ({ id: `dataset-${p.id}`, label: p.label, from: p.from, to: p.to })),
  ];
  if (lastObservationDay) {
    presets.push({
      id: 'last-90-days',
      label: 'Last 90 days of the data',
      from: addDays(lastObservationDay, -89),
      to: lastObservationDay,
    });
  }
  return presets;
}
