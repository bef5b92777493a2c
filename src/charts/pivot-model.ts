import type { Pivot } from '../domain/analysis/pivots';
import { formatPartialDate } from '../domain/dates';
import { formatScore } from '../domain/format-score';

// From detected pivots to what the chart and the Pivots list print: pure, so it is unit-tested.

export function pivotId(p: Pivot): string {
  return `${p.actor}@${p.t}`;
}

/** "12 Feb 2025" or "Jul 2025": the pivot's date as precise as the observation it rests on. */
export function pivotDateLabel(p: Pivot): string {
  return formatPartialDate(p.date, p.date.length === 10 ? 'day' : p.date.length === 7 ? 'month' : 'year');
}

/** "−1.6 → +1.8" */
export function beforeAfterLabel(p: Pivot): string {
  return `${formatScore(p.before)} → ${formatScore(p.after)}`;
}

/** "Donald Trump turned 3.3 points hawkish on 4 Jul 2025 (−1.6 → +1.8)". */
export function pivotSentence(
  p: Pivot,
  actorName: string,
  negativeLabel: string,
  positiveLabel: string,
): string {
  const direction = (p.delta < 0 ? negativeLabel : positiveLabel).toLowerCase();
  return `${actorName} turned ${Math.abs(p.delta).toFixed(1)} points ${direction} on ${pivotDateLabel(p)} (${beforeAfterLabel(p)})`;
}
