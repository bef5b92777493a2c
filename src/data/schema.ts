import { z } from 'zod';

// No compiled validators: zod's JIT probes `new Function`, which the built app's CSP (no eval) forbids.
z.config({ jitless: true });

// The one description of the dataset's shape (data contract v1, docs/data-contract in README).
// The app, `npm run data:check` and the importers all parse with these schemas.

export const ACTOR_IDS = [
  'trump',
  'us-administration',
  'us-congress',
  'russia',
  'ukraine',
  'nato',
  'europe',
  'china',
] as const;

export const THEME_IDS = [
  'sanctions',
  'military-aid',
  'diplomacy',
  'territory',
  'nato-alliance',
  'energy',
  'arms-control',
  'cyber-intelligence',
  'economic',
  'rhetoric',
] as const;

export const SCORE_MIN = -3;
export const SCORE_MAX = 3;

const id = z
  .string()
  .min(1, 'must not be empty')
  .max(120, 'must be at most 120 characters')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lowercase letters, digits, ".", "_" or "-"');

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a real calendar date written YYYY-MM-DD, YYYY-MM or YYYY. */
export function isRealPartialDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1900 || year > 2200) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= daysInMonth(year, month);
}

export const datePrecisionSchema = z.enum(['day', 'month', 'year']);
export type DatePrecision = z.infer<typeof datePrecisionSchema>;

const PRECISION_PATTERN: Record<DatePrecision, RegExp> = {
  day: /^\d{4}-\d{2}-\d{2}$/,
  month: /^\d{4}-\d{2}$/,
  year: /^\d{4}$/,
};

// Dates are written only as precisely as they are known: 2025-02-28 (day), 2025-03 (month), 2025 (year).
const partialDate = z
  .string()
  .refine(isRealPartialDate, 'is not a real calendar date (expected YYYY-MM-DD, YYYY-MM or YYYY)');

const dayDate = z
  .string()
  .refine(
    (v) => PRECISION_PATTERN.day.test(v) && isRealPartialDate(v),
    'is not a real calendar date (expected YYYY-MM-DD)',
  );

function checkPrecision(
  value: { date: string; datePrecision: DatePrecision },
  ctx: z.RefinementCtx,
): void {
  if (!PRECISION_PATTERN[value.datePrecision].test(value.date)) {
    ctx.addIssue({
      code: 'custom',
      path: ['date'],
      message: `"${value.date}" does not match datePrecision "${value.datePrecision}" (day: YYYY-MM-DD, month: YYYY-MM, year: YYYY)`,
    });
  }
}

export const scaleSchema = z.object({
  min: z.literal(SCORE_MIN),
  max: z.literal(SCORE_MAX),
  negativeLabel: text(60),
  positiveLabel: text(60),
  description: text(2000),
});

export const actorSchema = z.object({
  id,
  name: text(120).min(1, 'must not be empty'),
  group: text(120).min(1, 'must not be empty'),
  description: text(2000),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a hex color like #1f77b4'),
});

export const themeSchema = z.object({
  id,
  label: text(120).min(1, 'must not be empty'),
  description: text(2000),
});

export const sourceSchema = z.object({
  id,
  title: text(400).min(1, 'must not be empty'),
  outlet: text(200).nullable(),
  published: dayDate.or(partialDate).nullable(),
  url: z.url('must be a URL').nullable(),
  file: text(400),
  note: text(2000).optional(),
});

export const eventSchema = z
  .object({
    id,
    date: partialDate,
    datePrecision: datePrecisionSchema.default('day'),
    dateNote: text(1000).optional(),
    label: text(80).min(1, 'must not be empty'),
    description: text(2000),
    sourceId: id,
  })
  .superRefine(checkPrecision);

export const kindSchema = z.enum(['statement', 'action']);
export const confidenceSchema = z.enum(['high', 'medium', 'low']);

export const observationSchema = z
  .object({
    id,
    date: partialDate,
    datePrecision: datePrecisionSchema,
    dateNote: text(1000).optional(),
    actor: id,
    speaker: text(200),
    theme: id,
    kind: kindSchema,
    score: z
      .number('must be a number')
      .min(SCORE_MIN, `must be between ${SCORE_MIN} and ${SCORE_MAX}`)
      .max(SCORE_MAX, `must be between ${SCORE_MIN} and ${SCORE_MAX}`),
    // The value as coded in an imported dataset before rescaling (e.g. a Goldstein score), shown in Evidence.
    originalScore: z.number().optional(),
    confidence: confidenceSchema,
    summary: text(1000),
    quote: text(5000),
    sourceId: id.nullable(),
    eventId: id.optional(),
    rationale: text(2000),
  })
  .superRefine(checkPrecision);

export const datasetSchema = z.object({
  schemaVersion: z.literal(1, 'must be 1 (this app reads data contract v1)'),
  id: id.optional(),
  title: text(200).min(1, 'must not be empty'),
  description: text(4000),
  version: text(40).min(1, 'must not be empty'),
  updated: partialDate,
  scale: scaleSchema,
  // Optional: the range the explorer opens on (e.g. the period the dataset is about); "All" still shows everything.
  defaultView: z
    .object({ from: dayDate.nullable(), to: dayDate.nullable(), note: text(1000).optional() })
    .optional(),
  actors: z.array(actorSchema).min(1, 'must list at least one actor'),
  themes: z.array(themeSchema).min(1, 'must list at least one theme'),
  sources: z.array(sourceSchema),
  events: z.array(eventSchema),
  observations: z.array(observationSchema).min(1, 'must hold at least one observation'),
});

export type Scale = z.infer<typeof scaleSchema>;
export type Actor = z.infer<typeof actorSchema>;
export type Theme = z.infer<typeof themeSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type StanceEvent = z.infer<typeof eventSchema>;
export type Observation = z.infer<typeof observationSchema>;
export type Kind = z.infer<typeof kindSchema>;
export type Confidence = z.infer<typeof confidenceSchema>;
export type Dataset = z.infer<typeof datasetSchema>;
