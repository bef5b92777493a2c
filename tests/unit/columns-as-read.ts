import { textAt, type ObservationColumns } from '../../src/domain/columns';
import type { LoadedDataset } from '../../src/domain/dataset-index';

// Two builders may store the same text differently (a dictionary in first-appearance order, or each
// row's own bytes); what a reader gets for each row must be the same. Tests compare columns this way.

const TEXT_KEYS = [
  'id',
  'date',
  'dateNote',
  'speaker',
  'summary',
  'quote',
  'rationale',
  'sourceId',
  'eventId',
] as const satisfies readonly (keyof ObservationColumns)[];

/** The columns as every reader sees them: numbers as stored, each row's text decoded (an ASCII flag that lied would show here). */
export function columnsAsRead(c: ObservationColumns) {
  const { count, fileIndex, day, actor, theme, flags, score, originalScore } = c;
  const text = Object.fromEntries(
    TEXT_KEYS.map((k) => [k, Array.from({ length: count }, (_, r) => textAt(c[k], r))]),
  );
  return { count, fileIndex, day, actor, theme, flags, score, originalScore, text };
}

/** A loaded dataset as read: metadata, columns as read, and aggregate cells when present. */
export function loadedAsRead(d: LoadedDataset) {
  return { ...d, columns: columnsAsRead(d.columns) };
}
