import { DAY_MS, MONTHS } from '../domain/dates';

// Time-axis ticks fitted to the span shown: days for a week, months for a year, years for a decade.

export type TickUnit = 'day' | 'month' | 'year';

export interface TimeTick {
  t: number;
  label: string;
}

export interface TimeTicks {
  unit: TickUnit;
  /** Tick interval in units of `unit` (e.g. 3 months). */
  step: number;
  ticks: TimeTick[];
}

/** Candidate intervals, finest first; the first that fits the width wins. */
const INTERVALS: Array<{ unit: TickUnit; step: number }> = [
  { unit: 'day', step: 1 },
  { unit: 'day', step: 2 },
  { unit: 'day', step: 7 },
  { unit: 'day', step: 14 },
  { unit: 'month', step: 1 },
  { unit: 'month', step: 2 },
  { unit: 'month', step: 3 },
  { unit: 'month', step: 6 },
  { unit: 'year', step: 1 },
  { unit: 'year', step: 2 },
  { unit: 'year', step: 5 },
  { unit: 'year', step: 10 },
  { unit: 'year', step: 20 },
  { unit: 'year', step: 50 },
];

/** The longest a unit can be: ticks of a unit and step are never further apart than this times the step. */
const LONGEST: Record<TickUnit, number> = { day: DAY_MS, month: 31 * DAY_MS, year: 366 * DAY_MS };

function positions([lo, hi]: [number, number], unit: TickUnit, step: number): number[] {
  const out: number[] = [];
  const start = new Date(lo);
  if (unit === 'day') {
    // Weekly and fortnightly ticks fall on Mondays; daily and two-daily ones on every (other) day.
    let t = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
    if (t < lo) t += DAY_MS;
    if (step >= 7) while (new Date(t).getUTCDay() !== 1) t += DAY_MS;
    else if (step === 2) t += (Math.round(t / DAY_MS) % 2) * DAY_MS;
    for (; t <= hi; t += step * DAY_MS) out.push(t);
    return out;
  }
  if (unit === 'month') {
    let y = start.getUTCFullYear();
    // Aligned to the step, so quarters fall on Jan/Apr/Jul/Oct rather than wherever the data starts.
    let m = Math.ceil(start.getUTCMonth() / step) * step;
    for (;;) {
      y += Math.floor(m / 12);
      m %= 12;
      const t = Date.UTC(y, m, 1);
      if (t > hi) break;
      if (t >= lo) out.push(t);
      m += step;
    }
    return out;
  }
  let y = Math.ceil(start.getUTCFullYear() / step) * step;
  for (; Date.UTC(y, 0, 1) <= hi; y += step) if (Date.UTC(y, 0, 1) >= lo) out.push(Date.UTC(y, 0, 1));
  return out;
}

/**
 * Labels: "14 Jul" for days, "Jul" for months, "2025" for years; the first tick and each tick in a
 * new year carry the year ("14 Jul 2025", "Jan 2026"), so the axis never leaves the year to guess.
 */
function label(t: number, unit: TickUnit, withYear: boolean): string {
  const d = new Date(t);
  const year = d.getUTCFullYear();
  if (unit === 'year') return String(year);
  const month = MONTHS[d.getUTCMonth()]!;
  const base = unit === 'day' ? `${d.getUTCDate()} ${month}` : month;
  return withYear ? `${base} ${year}` : base;
}

/** The finest interval with at most `maxTicks` ticks in the domain, and at least two ticks when possible. */
export function timeTicks(domain: [number, number], maxTicks: number): TimeTicks {
  const limit = Math.max(2, Math.floor(maxTicks));
  let chosen = INTERVALS[INTERVALS.length - 1]!;
  let ts = positions(domain, chosen.unit, chosen.step);
  const span = domain[1] - domain[0];
  for (const candidate of INTERVALS) {
    // Ticks at most LONGEST[unit] × step apart: a span that holds more than `limit` such gaps has more
    // than `limit` ticks, known without listing them (days over years would be thousands of dates).
    if (Math.floor(span / (LONGEST[candidate.unit] * candidate.step)) > limit) continue;
    const p = positions(domain, candidate.unit, candidate.step);
    if (p.length <= limit) {
      chosen = candidate;
      ts = p;
      break;
    }
  }
  let prevYear: number | null = null;
  const ticks = ts.map((t) => {
    const year = new Date(t).getUTCFullYear();
    const withYear = prevYear === null || year !== prevYear;
    prevYear = year;
    return { t, label: label(t, chosen.unit, withYear) };
  });
  return { unit: chosen.unit, step: chosen.step, ticks };
}

/**
 * The x domain: the filter bounds where set (to the end of the "to" day), else the data's extent
 * with a margin of 3 % of the span (at least a day), so a three-day dataset gets a three-day axis.
 */
export function timeDomain(
  range: [number, number] | null,
  from: string | null,
  to: string | null,
): [number, number] {
  if (!range) return [0, DAY_MS];
  const [lo, hi] = range;
  const pad = Math.max((hi - lo) * 0.03, DAY_MS);
  const start = from ? Date.parse(`${from}T00:00:00Z`) : lo - pad;
  const end = to ? Date.parse(`${to}T00:00:00Z`) + DAY_MS : hi + pad;
  return end > start ? [start, end] : [start, start + DAY_MS];
}
