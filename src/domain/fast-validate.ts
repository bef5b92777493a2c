import * as z from 'zod/mini';
import { CONFIDENCES, KINDS, PRECISIONS } from './columns';
import {
  datasetSchema,
  isRealPartialDate,
  SCORE_MAX,
  SCORE_MIN,
  type Dataset,
  type DatePrecision,
} from './schema';
import { crossCheck } from './validate';
import type { ObservationInput } from './build-columns';

// Validation of a large dataset without a second object per row. zod stays the one description of
// the shape: it checks everything but the observations here, and any dataset this fast path turns
// down is validated again by zod (validateDataset), whose messages the user sees. The checks below
// mirror observationSchema and crossCheck rule for rule; tests/unit/fast-validate.test.ts proves they
// accept and reject exactly what the schema does.

const shellSchema = z.extend(z.omit(datasetSchema, { observations: true }), {
  observations: z.array(z.unknown()),
});

const ID = /^[a-z0-9][a-z0-9._-]*$/;
const PRECISION_PATTERN: Record<DatePrecision, RegExp> = {
  day: /^\d{4}-\d{2}-\d{2}$/,
  month: /^\d{4}-\d{2}$/,
  year: /^\d{4}$/,
};
const KIND_SET = new Set<unknown>(KINDS);
const CONFIDENCE_SET = new Set<unknown>(CONFIDENCES);
const PRECISION_SET = new Set<unknown>(PRECISIONS);

/** A real calendar date written exactly as precisely as `precision` says. */
export const isDateOf = (date: string, precision: DatePrecision): boolean =>
  isRealPartialDate(date) && PRECISION_PATTERN[precision].test(date);

const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export type FastResult =
  { ok: true; meta: Omit<Dataset, 'observations'>; observations: ObservationInput[] } | { ok: false };

type Meta = Omit<Dataset, 'observations'>;

/**
 * Checks everything but the observations (zod) and returns a check for one observation at a time,
 * which remembers ids and dates across calls; null when the shell breaks a rule.
 */
export function shellChecker(raw: unknown): { meta: Meta; checkRow: (o: unknown) => boolean } | null {
  const shell = shellSchema.safeParse(raw);
  if (!shell.success) return null;
  const { observations: _list, ...meta } = shell.data;
  // Actors, themes, sources and events: their own duplicates and references (small lists).
  if (crossCheck({ ...meta, observations: [] }).length) return null;
  return { meta, checkRow: rowChecker(meta) };
}

function rowChecker(meta: Meta): (o: unknown) => boolean {
  const actors = new Set(meta.actors.map((a) => a.id));
  const themes = new Set(meta.themes.map((t) => t.id));
  const sources = new Set(meta.sources.map((s) => s.id));
  const events = new Set(meta.events.map((e) => e.id));
  // Values that repeat across rows (dates, references) are checked once each; dates per precision,
  // so checking one builds no key string.
  const goodDates: Record<DatePrecision, Set<string>> = { day: new Set(), month: new Set(), year: new Set() };
  const seen = new Set<string>();
  const isId = (v: unknown): v is string =>
    typeof v === 'string' && v.length >= 1 && v.length <= 120 && ID.test(v);

  return (o) => {
    if (typeof o !== 'object' || o === null || Array.isArray(o)) return false;
    const r = o as Record<string, unknown>;
    const { id, date, datePrecision, actor, theme, sourceId, eventId } = r;
    if (!isId(id) || seen.has(id)) return false;
    seen.add(id);
    if (typeof date !== 'string' || !PRECISION_SET.has(datePrecision)) return false;
    const good = goodDates[datePrecision as DatePrecision];
    if (!good.has(date)) {
      if (!isDateOf(date, datePrecision as DatePrecision)) return false;
      good.add(date);
    }
    if (r.dateNote !== undefined && !isText(r.dateNote, 1000)) return false;
    // A known actor, theme, source or event id is a valid id: the lists were checked by zod.
    if (typeof actor !== 'string' || !actors.has(actor)) return false;
    if (typeof theme !== 'string' || !themes.has(theme)) return false;
    if (!(sourceId === null || (typeof sourceId === 'string' && sources.has(sourceId)))) return false;
    if (!(eventId === undefined || (typeof eventId === 'string' && events.has(eventId)))) return false;
    if (!isText(r.speaker, 200)) return false;
    if (!KIND_SET.has(r.kind) || !CONFIDENCE_SET.has(r.confidence)) return false;
    if (!isNumber(r.score) || r.score < SCORE_MIN || r.score > SCORE_MAX) return false;
    if (r.originalScore !== undefined && !isNumber(r.originalScore)) return false;
    return isText(r.summary, 1000) && isText(r.quote, 5000) && isText(r.rationale, 2000);
  };
}

/**
 * Validates parsed JSON as a dataset. ok: the dataset meets every rule (the observations are the
 * input objects themselves, read only through the schema's fields). Not ok: something breaks a
 * rule; validateDataset says what.
 */
export function fastValidate(raw: unknown): FastResult {
  const checker = shellChecker(raw);
  if (!checker) return { ok: false };
  const list = (raw as { observations: unknown[] }).observations;
  if (list.length === 0) return { ok: false };
  for (let i = 0; i < list.length; i++) if (!checker.checkRow(list[i])) return { ok: false };
  return { ok: true, meta: checker.meta, observations: list as ObservationInput[] };
}
