import type { Scale } from './schema';
import { describeChange, type ActorSummary } from './series';
import { formatScore } from './format-score';

/** "leaning hawkish" etc.: the mean score in words, on the dataset's own labels. */
export function describeMean(mean: number, scale: Pick<Scale, 'negativeLabel' | 'positiveLabel'>): string {
  const side = (mean > 0 ? scale.positiveLabel : scale.negativeLabel).toLowerCase();
  const size = Math.abs(mean);
  if (size < 0.5) return 'about neutral';
  if (size < 1.5) return `leaning ${side}`;
  return side;
}

/** One plain-words sentence per actor, e.g. "mean +1.2 (leaning hawkish) over 8 observations; moved …". */
export function summarySentence(
  s: ActorSummary,
  scale: Pick<Scale, 'negativeLabel' | 'positiveLabel'>,
): string {
  const count = `${s.n} observation${s.n === 1 ? '' : 's'}`;
  const change = describeChange(s.change, scale.negativeLabel, scale.positiveLabel);
  return `mean score ${formatScore(s.mean)} (${describeMean(s.mean, scale)}) over ${count}; ${change}.`;
}
