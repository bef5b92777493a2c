import type { Dataset } from './schema';

export interface DefaultRange {
  from: string | null;
  to: string | null;
}

/** The latest observation date as a day (a month or year counts from its first day), or null if none. */
export function lastDataDay(observations: ReadonlyArray<{ date: string }>): string | null {
  let last: string | null = null;
  for (const o of observations) {
    const day = o.date.length === 4 ? `${o.date}-01-01` : o.date.length === 7 ? `${o.date}-01` : o.date;
    if (last === null || day > last) last = day;
  }
  return last;
}

/** `day` moved back by `months` calendar months, clamped to the target month's last day (31 Mar − 1 → 28 Feb). */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const lastOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, lastOfMonth)).padStart(2, '0')}`;
}

/**
 * What the default range depends on: the dataset's defaultView and, for lastMonths, its latest day —
 * given as `lastDay` (the query layer's dataset metadata) or found in `observations`.
 */
export type DefaultRangeSource =
  | { defaultView?: Dataset['defaultView']; lastDay: string | null }
  | { defaultView?: Dataset['defaultView']; observations: ReadonlyArray<{ date: string }> };

// Store selectors ask on every update; the latest date is found once per observations array.
const lastDayCache = new WeakMap<object, string | null>();

/**
 * The range the explorer opens on: `lastMonths` counts back from the data's latest date (open-ended, so
 * everything up to the end shows); otherwise the fixed from/to; otherwise everything.
 */
export function defaultRangeOf(dataset: DefaultRangeSource): DefaultRange {
  const view = dataset.defaultView;
  if (!view) return { from: null, to: null };
  if (view.lastMonths !== undefined) {
    if ('lastDay' in dataset) {
      return { from: dataset.lastDay ? monthsBefore(dataset.lastDay, view.lastMonths) : null, to: null };
    }
    let last = lastDayCache.get(dataset.observations);
    if (last === undefined) {
      last = lastDataDay(dataset.observations);
      lastDayCache.set(dataset.observations, last);
    }
    return { from: last ? monthsBefore(last, view.lastMonths) : null, to: null };
  }
  return { from: view.from ?? null, to: view.to ?? null };
}
