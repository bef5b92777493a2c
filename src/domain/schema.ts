import * as z from 'zod/mini';
import { isRealPartialDate } from '../lib/partial-date';

// zod/mini: the same validation as zod's chained API at about a third of the bundle size, which
// matters because the dataset worker loads it before the first chart can draw.
// No compiled validators: zod's JIT probes `new Function`, which the built app's CSP (no eval) forbids.
z.config({ jitless: true });

// The one description of the dataset's shape (data contract v1; the README's Data section lists it).
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

export const SCORE_MIN = -3;
export const SCORE_MAX = 3;

const id = z
  .string()
  .check(
    z.minLength(1, 'must not be empty'),
    z.maxLength(120, 'must be at most 120 characters'),
    z.regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lowercase letters, digits, ".", "_" or "-"'),
  );

const text = (max: number) => z.string().check(z.maxLength(max, `must be at most ${max} characters`));
const requiredText = (max: number) =>
  z
    .string()
    .check(z.minLength(1, 'must not be empty'), z.maxLength(max, `must be at most ${max} characters`));

// Kept here too so schema users have one import site; the check itself is zod-free (src/lib).
export { isRealPartialDate };

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
  .check(z.refine(isRealPartialDate, 'is not a real calendar date (expected YYYY-MM-DD, YYYY-MM or YYYY)'));

const dayDate = z
  .string()
  .check(
    z.refine(
      (v) => PRECISION_PATTERN.day.test(v) && isRealPartialDate(v),
      'is not a real calendar date (expected YYYY-MM-DD)',
    ),
  );

const checkPrecision = z.superRefine((value: { date: string; datePrecision: DatePrecision }, ctx) => {
  if (!PRECISION_PATTERN[value.datePrecision].test(value.date)) {
    ctx.issues.push({
      code: 'custom',
      input: value.date,
      path: ['date'],
      message: `"${value.date}" does not match datePrecision "${value.datePrecision}" (day: YYYY-MM-DD, month: YYYY-MM, year: YYYY)`,
    });
  }
});

export const scaleSchema = z.object({
  min: z.literal(SCORE_MIN),
  max: z.literal(SCORE_MAX),
  negativeLabel: text(60),
  positiveLabel: text(60),
  description: text(2000),
});

export const actorSchema = z.object({
  id,
  name: requiredText(120),
  group: requiredText(120),
  description: text(2000),
  color: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'must be a hex color like #1f77b4')),
});

export const themeSchema = z.object({
  id,
  label: requiredText(120),
  description: text(2000),
});

export const sourceSchema = z.object({
  id,
  title: requiredText(400),
  outlet: z.nullable(text(200)),
  published: z.nullable(partialDate),
  url: z.nullable(z.url('must be a URL')),
  // A bundled source text in the repository (data/sources/…); web sources have none, only their URL.
  file: z.optional(text(400)),
  note: z.optional(text(2000)),
});

export const eventSchema = z
  .object({
    id,
    date: partialDate,
    datePrecision: z._default(datePrecisionSchema, 'day'),
    dateNote: z.optional(text(1000)),
    label: requiredText(80),
    description: text(2000),
    sourceId: id,
  })
  .check(checkPrecision);

export const kindSchema = z.enum(['statement', 'action']);
export const confidenceSchema = z.enum(['high', 'medium', 'low']);

export const observationSchema = z
  .object({
    id,
    date: partialDate,
    datePrecision: datePrecisionSchema,
    dateNote: z.optional(text(1000)),
    actor: id,
    speaker: text(200),
    theme: id,
    kind: kindSchema,
    score: z
      .number('must be a number')
      .check(
        z.gte(SCORE_MIN, `must be between ${SCORE_MIN} and ${SCORE_MAX}`),
        z.lte(SCORE_MAX, `must be between ${SCORE_MIN} and ${SCORE_MAX}`),
      ),
    // The value as coded in an imported dataset before rescaling (e.g. a Goldstein score), shown in Evidence.
    originalScore: z.optional(z.number()),
    confidence: confidenceSchema,
    summary: text(1000),
    quote: text(5000),
    sourceId: z.nullable(id),
    eventId: z.optional(id),
    rationale: text(2000),
  })
  .check(checkPrecision);

export const changelogEntrySchema = z.object({
  version: requiredText(40),
  date: partialDate,
  added: z.array(requiredText(500)),
  corrected: z.array(requiredText(500)),
});

export const datasetSchema = z.object({
  schemaVersion: z.literal(1, 'must be 1 (this app reads data contract v1)'),
  id: z.optional(id),
  title: requiredText(200),
  description: text(4000),
  version: requiredText(40),
  updated: partialDate,
  scale: scaleSchema,
  // Optional: the range the explorer opens on; "All" still shows everything. Either fixed dates (from/to)
  // or the last N months up to the data's latest date, so a dataset that grows keeps opening on its recent past.
  defaultView: z.optional(
    z.object({
      from: z.optional(z.nullable(dayDate)),
      to: z.optional(z.nullable(dayDate)),
      lastMonths: z.optional(
        z
          .int('must be a whole number of months')
          .check(z.gte(1, 'must be at least 1'), z.lte(600, 'must be at most 600')),
      ),
      note: z.optional(text(1000)),
    }),
  ),
  // Optional: time presets that belong to this dataset (e.g. "First 100 days of the second term"),
  // offered beside the generic "All" and "Last 90 days of the data"; other datasets never show them.
  presets: z.optional(
    z
      .array(
        z.object({
          id,
          label: requiredText(80),
          from: z.nullable(dayDate),
          to: z.nullable(dayDate),
        }),
      )
      .check(z.maxLength(12, 'must list at most 12 presets')),
  ),
  // Optional: what each version added and corrected, newest first (shown in Methodology and "What changed").
  changelog: z.optional(z.array(changelogEntrySchema)),
  actors: z.array(actorSchema).check(z.minLength(1, 'must list at least one actor')),
  themes: z.array(themeSchema).check(z.minLength(1, 'must list at least one theme')),
  sources: z.array(sourceSchema),
  events: z.array(eventSchema),
  observations: z.array(observationSchema).check(z.minLength(1, 'must hold at least one observation')),
});

export type ZodError = z.core.$ZodError;
export type Scale = z.infer<typeof scaleSchema>;
export type Actor = z.infer<typeof actorSchema>;
export type Theme = z.infer<typeof themeSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type TimePresetSpec = NonNullable<z.infer<typeof datasetSchema>['presets']>[number];
export type ChangelogEntry = z.infer<typeof changelogEntrySchema>;
export type Observation = z.infer<typeof observationSchema>;
export type Kind = z.infer<typeof kindSchema>;
export type Confidence = z.infer<typeof confidenceSchema>;
export type Dataset = z.infer<typeof datasetSchema>;
