import type { DatePrecision } from './schema';

export const DAY_MS = 86_400_000;

/** Month abbreviations for axis labels, titles and partial dates. */
export const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** UTC midnight of an ISO day (YYYY-MM-DD), in ms: where a day-precise date and a range bound sit. */
export function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/**
 * Where on the time axis a partial date is drawn: a day at UTC midnight, a month at its 15th,
 * a year at 1 July — the middle of what is known, never a pretended exact day.
 */
export function toTime(date: string, precision: DatePrecision): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (precision === 'year' || m === undefined) return Date.UTC(y, 6, 1);
  if (precision === 'month' || d === undefined) return Date.UTC(y, m - 1, 15);
  return Date.UTC(y, m - 1, d);
}

export function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** "28 Feb 2025", "Mar 2025" or "2025" — as precise as the evidence, no more. */
export function formatPartialDate(date: string, precision: DatePrecision): string {
  const [y, m, d] = date.split('-');
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  if (precision === 'year' || !month) return y ?? date;
  if (precision === 'month' || !d) return `${month} ${y}`;
  return `${Number(d)} ${month} ${y}`;
}

export function formatAxisDate(time: number): string {
  const dt = new Date(time);
  return `${MONTHS[dt.getUTCMonth()]} ${dt.getUTCFullYear()}`;
}

/** Tick positions on month starts (every 1, 2, 3, 6 or 12 months) so at most `maxTicks` fit. */
export function monthTicks([lo, hi]: [number, number], maxTicks: number): number[] {
  const start = new Date(lo);
  const months =
    (new Date(hi).getUTCFullYear() - start.getUTCFullYear()) * 12 +
    new Date(hi).getUTCMonth() -
    start.getUTCMonth() +
    1;
  const step = [1, 2, 3, 6, 12, 24, 60].find((s) => months / s <= Math.max(1, maxTicks)) ?? 120;
  const ticks: number[] = [];
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth();
  // Align to the step so ticks land on Jan/Apr/Jul/Oct rather than arbitrary months.
  m = Math.ceil(m / step) * step;
  for (;;) {
    y += Math.floor(m / 12);
    m %= 12;
    const t = Date.UTC(y, m, 1);
    if (t > hi) break;
    if (t >= lo) ticks.push(t);
    m += step;
  }
  return ticks;
}

/** Widens a time range to whole months so first and last points do not sit on the plot's edge. */
export function padToMonths([lo, hi]: [number, number]): [number, number] {
  const a = new Date(lo);
  const b = new Date(hi);
  return [
    Date.UTC(a.getUTCFullYear(), a.getUTCMonth(), 1),
    Date.UTC(b.getUTCFullYear(), b.getUTCMonth() + 1, 1),
  ];
}
