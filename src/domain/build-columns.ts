import type { DatePrecision, Observation } from './schema';
import { toTime, DAY_MS } from './dates';
import {
  CONFIDENCES,
  KINDS,
  PRECISIONS,
  TextColumnBuilder,
  packFlags,
  type ObservationColumns,
} from './columns';

/** The fields of an observation the columns keep (a validated row; extra keys are ignored). */
export type ObservationInput = Pick<
  Observation,
  | 'id'
  | 'date'
  | 'datePrecision'
  | 'dateNote'
  | 'actor'
  | 'speaker'
  | 'theme'
  | 'kind'
  | 'score'
  | 'originalScore'
  | 'confidence'
  | 'summary'
  | 'quote'
  | 'sourceId'
  | 'eventId'
  | 'rationale'
>;

const CODE = {
  kind: new Map(KINDS.map((k, i) => [k, i])),
  confidence: new Map(CONFIDENCES.map((c, i) => [c, i])),
  precision: new Map(PRECISIONS.map((p, i) => [p, i])),
};

/** Epoch day where a partial date is drawn (as toTime does). */
export function dayOfDate(date: string, precision: DatePrecision): number {
  return Math.floor(toTime(date, precision) / DAY_MS);
}

/** dayOfDate, memoized: datasets repeat dates a lot. */
function cachedDay(cache: Map<string, number>, date: string, precision: DatePrecision): number {
  const key = precision === 'day' ? date : `${date}|${precision}`;
  let day = cache.get(key);
  if (day === undefined) {
    day = dayOfDate(date, precision);
    cache.set(key, day);
  }
  return day;
}

/**
 * Row order: by drawn day, then id — the order every list of the app is shown in — so an actor's rows,
 * picked out in row order, are already in time order, and merging actors needs no string comparison.
 * `compareIds(a, b)` orders rows a and b by id (negative when a's comes first; ids are unique);
 * `idsAscending`: every id is greater than the one before it in the file, so the stable counting sort
 * already has each day in id order.
 */
export function timeOrder(
  days: Int32Array,
  compareIds: (a: number, b: number) => number,
  idsAscending = false,
): Int32Array {
  const n = days.length;
  const order = new Int32Array(n);
  if (n === 0) return order;
  let lo = days[0]!;
  let hi = lo;
  for (let i = 1; i < n; i++) {
    const d = days[i]!;
    if (d < lo) lo = d;
    else if (d > hi) hi = d;
  }
  const span = hi - lo + 1;
  if (span <= 4 * n + 1_000_000) {
    // Counting sort by day: linear, and stable, so rows of one day keep the file's order.
    const counts = new Int32Array(span + 1);
    for (let i = 0; i < n; i++) counts[days[i]! - lo + 1]!++;
    for (let k = 1; k <= span; k++) counts[k]! += counts[k - 1]!;
    for (let i = 0; i < n; i++) order[counts[days[i]! - lo]!++] = i;
    if (idsAscending) return order;
  } else {
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => days[a]! - days[b]!);
  }
  // Within a day, by id; files are usually in id order already, so most days need no sorting.
  let start = 0;
  while (start < n) {
    const day = days[order[start]!]!;
    let end = start + 1;
    let sorted = true;
    while (end < n && days[order[end]!] === day) {
      if (sorted && compareIds(order[end]!, order[end - 1]!) < 0) sorted = false;
      end++;
    }
    if (!sorted) {
      const group = Array.from(order.subarray(start, end));
      group.sort(compareIds);
      order.set(group, start);
    }
    start = end;
  }
  return order;
}

/**
 * Observations (already validated) to columns, rows in time order. `actorIds`/`themeIds` give the
 * dataset's order, which the columns' actor and theme indexes point into.
 */
export function buildColumns(
  observations: readonly ObservationInput[],
  actorIds: readonly string[],
  themeIds: readonly string[],
): ObservationColumns {
  const n = observations.length;
  const actorIndex = new Map(actorIds.map((id, i) => [id, i]));
  const themeIndex = new Map(themeIds.map((id, i) => [id, i]));
  const dayCache = new Map<string, number>();
  const placed = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const o = observations[i]!;
    placed[i] = cachedDay(dayCache, o.date, o.datePrecision);
  }
  const order = timeOrder(placed, (a, b) => (observations[a]!.id < observations[b]!.id ? -1 : 1));

  const day = new Int32Array(n);
  const actor = new Uint32Array(n);
  const theme = new Uint32Array(n);
  const flags = new Uint8Array(n);
  const score = new Float64Array(n);
  const originalScore = new Float64Array(n);
  const text = {
    id: new TextColumnBuilder(n),
    date: new TextColumnBuilder(n),
    dateNote: new TextColumnBuilder(n),
    speaker: new TextColumnBuilder(n),
    summary: new TextColumnBuilder(n),
    quote: new TextColumnBuilder(n),
    rationale: new TextColumnBuilder(n),
    sourceId: new TextColumnBuilder(n),
    eventId: new TextColumnBuilder(n),
  };
  for (let r = 0; r < n; r++) {
    const i = order[r]!;
    const o = observations[i]!;
    day[r] = placed[i]!;
    // Validation guarantees known ids and enum values; an unknown one would be a bug upstream.
    actor[r] = actorIndex.get(o.actor) ?? 0;
    theme[r] = themeIndex.get(o.theme) ?? 0;
    flags[r] = packFlags(
      CODE.kind.get(o.kind) ?? 0,
      CODE.confidence.get(o.confidence) ?? 0,
      CODE.precision.get(o.datePrecision) ?? 0,
    );
    score[r] = o.score;
    originalScore[r] = o.originalScore ?? NaN;
    text.id.add(o.id);
    text.date.add(o.date);
    text.dateNote.add(o.dateNote);
    text.speaker.add(o.speaker);
    text.summary.add(o.summary);
    text.quote.add(o.quote);
    text.rationale.add(o.rationale);
    text.sourceId.add(o.sourceId);
    text.eventId.add(o.eventId);
  }
  return {
    count: n,
    fileIndex: order,
    day,
    actor,
    theme,
    flags,
    score,
    originalScore,
    id: text.id.finish(),
    date: text.date.finish(),
    dateNote: text.dateNote.finish(),
    speaker: text.speaker.finish(),
    summary: text.summary.finish(),
    quote: text.quote.finish(),
    rationale: text.rationale.finish(),
    sourceId: text.sourceId.finish(),
    eventId: text.eventId.finish(),
  };
}
