import { SCORE_MAX, SCORE_MIN } from '../../domain/schema';

// A file's score is put on this app's −3…+3 axis only from a declared scale: one of these known scales,
// recognised from the column's name AND its values, or a range and direction the user states. The range
// is never taken from the file's own minimum and maximum (one stray value would stretch every point).

/** Which way the file's score points: "hawkish" keeps the sign, "conciliatory" (e.g. Goldstein) flips it. */
export type HigherMeans = 'hawkish' | 'conciliatory';

export type ScaleId = 'goldstein' | 'avgtone' | 'stance' | 'unit' | 'signed-unit' | 'likert5' | 'likert7';

export interface KnownScale {
  id: ScaleId;
  label: string;
  min: number;
  max: number;
  /** Fixed by the scale's definition, or null when it depends on what the column measures (the user says). */
  higherMeans: HigherMeans | null;
  /** Only whole numbers are on the scale (Likert items). */
  integers: boolean;
  /** Normalised column names (lowercase letters and digits) that may hold this scale. */
  names: readonly string[];
}

/**
 * GDELT's AvgTone is −100…+100 in principle, but almost every value lies within ±10 (99% of the
 * GDELT sample in tests/fixtures; median −2): declared as −10…+10 so lines are not squashed into
 * ±0.3. Values beyond are listed as problems, and "Other" with −100…+100 takes them all.
 */
export const KNOWN_SCALES: readonly KnownScale[] = [
  {
    id: 'goldstein',
    label: 'GDELT Goldstein scale (−10…+10, higher = more cooperative, flipped)',
    min: -10,
    max: 10,
    higherMeans: 'conciliatory',
    integers: false,
    names: ['goldsteinscale', 'goldstein'],
  },
  {
    id: 'avgtone',
    label: 'GDELT AvgTone (read as −10…+10, higher = more positive, flipped)',
    min: -10,
    max: 10,
    higherMeans: 'conciliatory',
    integers: false,
    names: ['avgtone', 'tone', 'averagetone'],
  },
  {
    id: 'stance',
    label: 'This app’s stance scale (−3…+3, higher = more hawkish)',
    min: SCORE_MIN,
    max: SCORE_MAX,
    higherMeans: 'hawkish',
    integers: false,
    names: ['score', 'stance', 'stancescore', 'smoothedscore', 'hawkishness', 'value', 'rating'],
  },
  {
    id: 'unit',
    label: '0…1 (e.g. a probability or share)',
    min: 0,
    max: 1,
    higherMeans: null,
    integers: false,
    names: ['score', 'value', 'rating', 'hawkishness', 'probability', 'prob', 'share', 'proportion'],
  },
  {
    id: 'signed-unit',
    label: '−1…+1 (e.g. a sentiment or polarity)',
    min: -1,
    max: 1,
    higherMeans: null,
    integers: false,
    names: ['score', 'value', 'rating', 'stance', 'sentiment', 'polarity', 'compound'],
  },
  {
    id: 'likert5',
    label: 'Likert 1…5',
    min: 1,
    max: 5,
    higherMeans: null,
    integers: true,
    names: ['score', 'value', 'rating', 'likert', 'likert5', 'agreement', 'response'],
  },
  {
    id: 'likert7',
    label: 'Likert 1…7',
    min: 1,
    max: 7,
    higherMeans: null,
    integers: true,
    names: ['score', 'value', 'rating', 'likert', 'likert7', 'agreement', 'response'],
  },
];

export function knownScale(id: string | null): KnownScale | undefined {
  return KNOWN_SCALES.find((s) => s.id === id);
}

/** Column names compared without case, spaces or punctuation: "Goldstein Scale" = "GoldsteinScale". */
export function normName(h: string): string {
  return h.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Share of read values that must lie on a scale for the values to agree with its name. */
export const FIT_SHARE = 0.9;

export function onScale(scale: Pick<KnownScale, 'min' | 'max' | 'integers'>, v: number): boolean {
  return v >= scale.min && v <= scale.max && (!scale.integers || Number.isInteger(v));
}

export type ScaleRecognition =
  /** `ownExport`: the file is this app's own observations or series CSV, whose score is −3…+3 by definition. */
  | { kind: 'recognised'; scale: KnownScale; checked: number; inside: number; ownExport?: boolean }
  /** The name and values fit several scales (e.g. 1, 2, 3 are on −3…+3 and on Likert 1…5). */
  | { kind: 'ambiguous'; candidates: KnownScale[] }
  /** A known scale's name, but too many values off it. */
  | { kind: 'values-disagree'; scale: KnownScale; checked: number; inside: number }
  | { kind: 'no-values' }
  | { kind: 'unknown-name' };

// Columns only this app's own CSV exports have together (observations CSV; series CSV).
const OWN_EXPORT_COLUMNS = [
  ['actorname', 'themelabel', 'originalscore', 'dateprecision', 'rationale'],
  ['actorname', 'smoothedscore', 'smoothingdays'],
];

/** True for a header of this app's own observations or series CSV. */
export function isOwnExport(header: readonly string[]): boolean {
  const names = new Set(header.map(normName));
  return OWN_EXPORT_COLUMNS.some((cols) => cols.every((c) => names.has(c)));
}

/**
 * Recognises the scale of a score column from its name and (a sample of) its values read by the
 * file's rule. In this app's own export (`header` given) the score column is −3…+3 by definition.
 */
export function recognizeScale(
  columnName: string,
  values: readonly number[],
  header: readonly string[] = [],
): ScaleRecognition {
  const name = normName(columnName);
  const ownExport = (name === 'score' || name === 'smoothedscore') && isOwnExport(header);
  const named = ownExport
    ? KNOWN_SCALES.filter((s) => s.id === 'stance')
    : KNOWN_SCALES.filter((s) => s.names.includes(name));
  if (named.length === 0) return { kind: 'unknown-name' };
  if (values.length === 0) return { kind: 'no-values' };
  const fits = named
    .map((scale) => ({ scale, inside: values.filter((v) => onScale(scale, v)).length }))
    .filter((f) => f.inside >= values.length * FIT_SHARE);
  if (fits.length === 1) return { kind: 'recognised', ...fits[0]!, checked: values.length, ownExport };
  if (fits.length > 1) return { kind: 'ambiguous', candidates: fits.map((f) => f.scale) };
  const best = named
    .map((scale) => ({ scale, inside: values.filter((v) => onScale(scale, v)).length }))
    .sort((a, b) => b.inside - a.inside)[0]!;
  return { kind: 'values-disagree', ...best, checked: values.length };
}

/** "−10…+10" for a scale around zero, "1…5" for one above it. */
export function rangeText(min: number, max: number): string {
  const fmt = (v: number, plus: boolean) => (v < 0 ? `−${-v}` : plus && v > 0 ? `+${v}` : String(v));
  const signed = min < 0;
  return `${fmt(min, signed)}…${fmt(max, signed)}`;
}

/** Linear map of [min, max] onto −3…+3, flipped when higher means conciliatory; −0 becomes 0. */
export function rescale(value: number, min: number, max: number, higherMeans: HigherMeans): number {
  const t = (value - min) / (max - min);
  const raw =
    higherMeans === 'hawkish'
      ? SCORE_MIN + t * (SCORE_MAX - SCORE_MIN)
      : SCORE_MAX - t * (SCORE_MAX - SCORE_MIN);
  // Rounding to 1e-9 removes float noise (e.g. −0.8999999999999999) without changing any real value.
  const rounded = Math.round(raw * 1e9) / 1e9;
  return Math.min(SCORE_MAX, Math.max(SCORE_MIN, rounded)) + 0;
}
