import type { Dataset } from '../domain/schema';
import { splitAtGaps, type ActorSeries, type PlacedObservation, type ViewSeries } from '../domain/series';
import type { ChartEvent, ChartPoint, ChartSeries } from './stance-line-chart';
import { DAY_MS, formatPartialDate, padToMonths, toTime } from '../domain/dates';
import { formatScore } from '../domain/format-score';

// From the view to the chart's props: pure, recomputed only when the view or the hidden set changes.

/** Beyond this many visible observations the markers are not drawn (lines only), to keep drawing fast. */
export const MAX_DRAWN_POINTS = 2000;

/** Markers fade with the coder's confidence, so the eye weighs solid evidence more. */
export const CONFIDENCE_OPACITY: Record<PlacedObservation['obs']['confidence'], number> = {
  high: 1,
  medium: 0.6,
  low: 0.3,
};

export function precisionNote(obs: PlacedObservation['obs']): string | null {
  if (obs.datePrecision === 'month') return 'Dated only to the month: drawn mid-month, left out of the line.';
  if (obs.datePrecision === 'year') return 'Dated only to the year: drawn at mid-year, left out of the line.';
  return null;
}

export function pointLabel(actorName: string, obs: PlacedObservation['obs']): string {
  const date = formatPartialDate(obs.date, obs.datePrecision);
  const precision = obs.datePrecision === 'day' ? '' : ` (${obs.datePrecision} only)`;
  return `${actorName}, ${date}${precision}, score ${formatScore(obs.score)}: ${obs.summary}`;
}

export function visibleSeries(view: ViewSeries, hidden: string[]): ActorSeries[] {
  if (hidden.length === 0) return view.series;
  const set = new Set(hidden);
  return view.series.filter((s) => !set.has(s.actor.id));
}

/** The smoothed lines, with a null point between runs (splitAtGaps) so Recharts breaks the line there. */
export function toChartSeries(series: ActorSeries[], smooth: number): ChartSeries[] {
  return series.map((s) => {
    const points: ChartSeries['points'] = [];
    splitAtGaps(s.line, smooth).forEach((run, i, runs) => {
      const prev = runs[i - 1];
      if (prev) points.push({ t: (prev[prev.length - 1]!.t + run[0]!.t) / 2, score: null });
      points.push(...run);
    });
    return { id: s.actor.id, name: s.actor.name, color: s.actor.color, points };
  });
}

export function countPoints(series: ActorSeries[]): number {
  return series.reduce((n, s) => n + s.points.length, 0);
}

/** Every visible observation as a marker, in time order (the keyboard order); null when too many. */
export function toChartPoints(series: ActorSeries[], max = MAX_DRAWN_POINTS): ChartPoint[] | null {
  if (countPoints(series) > max) return null;
  const out: ChartPoint[] = [];
  for (const s of series) {
    for (const p of s.points) {
      const { obs } = p;
      out.push({
        id: obs.id,
        seriesId: s.actor.id,
        t: p.t,
        score: obs.score,
        color: s.actor.color,
        hollow: !p.dayPrecise,
        label: pointLabel(s.actor.name, obs),
        actorName: s.actor.name,
        dateLabel: formatPartialDate(obs.date, obs.datePrecision),
        speaker: obs.speaker,
        scoreLabel: formatScore(obs.score),
        summary: obs.summary,
        note: precisionNote(obs),
        opacity: CONFIDENCE_OPACITY[obs.confidence],
      });
    }
  }
  return out.sort((a, b) => a.t - b.t || a.seriesId.localeCompare(b.seriesId) || (a.id < b.id ? -1 : 1));
}

/**
 * The x domain: exact filter bounds where set (to the end of the "to" day), else the data's
 * range widened to whole months so the first and last points do not sit on the frame.
 */
export function chartDomain(
  range: [number, number] | null,
  from: string | null,
  to: string | null,
): [number, number] {
  if (!range) return [0, 1];
  const [padLo, padHi] = padToMonths(range);
  const lo = from ? Date.parse(`${from}T00:00:00Z`) : padLo;
  const hi = to ? Date.parse(`${to}T00:00:00Z`) + DAY_MS : padHi;
  return hi > lo ? [lo, hi] : [lo, lo + DAY_MS];
}

/** Key events that fall inside the domain, numbered in time order. */
export function toChartEvents(dataset: Dataset, domain: [number, number]): ChartEvent[] {
  return dataset.events
    .map((e) => ({ e, t: toTime(e.date, e.datePrecision) }))
    .filter(({ t }) => t >= domain[0] && t <= domain[1])
    .sort((a, b) => a.t - b.t)
    .map(({ e, t }, i) => ({ id: e.id, t, number: i + 1, label: e.label, description: e.description }));
}
