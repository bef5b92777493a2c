import { DAY_MS, dayStart, isoDay } from '../../domain/dates';

export type TimePresetId = 'all' | '2025' | 'first-100-days' | 'last-90-days';

export interface TimePreset {
  id: TimePresetId;
  label: string;
  from: string | null;
  to: string | null;
}

/** Shifts an ISO day by whole days (UTC, so no daylight-saving surprises). */
export function addDays(day: string, days: number): string {
  return isoDay(dayStart(day) + days * DAY_MS);
}

/**
 * The time presets of the explorer. "Last 90 days" ends at the dataset's last observation day and
 * includes it (so it starts 89 days before); it is left out when the dataset has no observations.
 */
export function timePresets(lastObservationDay: string | null): TimePreset[] {
  const presets: TimePreset[] = [
    { id: 'all', label: 'All', from: null, to: null },
    { id: '2025', label: '2025', from: '2025-01-01', to: '2025-12-31' },
    // Inauguration on 20 Jan 2025 is day 1, so day 100 is 29 Apr 2025.
    {
      id: 'first-100-days',
      label: 'First 100 days of the second term',
      from: '2025-01-20',
      to: '2025-04-29',
    },
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
