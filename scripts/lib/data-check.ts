import {
  actorSchema,
  datasetSchema,
  eventSchema,
  observationSchema,
  sourceSchema,
  themeSchema,
  type Dataset,
} from '../../src/domain/schema';
import { crossCheck, validateDataset, type Problem } from '../../src/domain/validate';
import { monthsBefore } from '../../src/domain/default-range';

// Headless checks behind `npm run data:check`: the app's own schema and cross-checks, plus the
// evidence rules of the codebook (integer scores, short verbatim quotes found in the cited source text).

/** Longest quote the codebook allows; longer passages must be cut to a shorter contiguous span. */
export const MAX_QUOTE_LENGTH = 300;

/** A web source may lend at most this many of the speaker's words (the repository stores no article text). */
export const MAX_WEB_QUOTE_WORDS = 40;

/** What the bundled dataset must cover (issue 11); `checkDataset` enforces them when given. */
export interface CoverageTargets {
  minObservations: number;
  /** Every actor listed in the dataset: at least this many observations, with both kinds. */
  minPerActor: number;
  /** The actor whose record must be continuous, and the months and years that must have day-dated entries. */
  monthlyActor: string;
  /** First month (YYYY-MM) that needs a day-dated observation every month through the last covered month. */
  monthlyFrom: string;
  /** Years that need at least `minPerYear` day-dated observations of `monthlyActor`. */
  years: number[];
  minPerYear: number;
  minEvents: number;
  /** Key events any `eventWindowMonths` may hold, so the chart's numbered event lane stays readable. */
  maxEventsPerWindow: number;
  /** The window, in calendar months: the span of the default view (`defaultView.lastMonths`). */
  eventWindowMonths: number;
}

export const BUNDLED_TARGETS: CoverageTargets = {
  minObservations: 400,
  minPerActor: 25,
  monthlyActor: 'trump',
  monthlyFrom: '2025-01',
  years: [2017, 2018, 2019, 2020],
  minPerYear: 2,
  minEvents: 40,
  maxEventsPerWindow: 25,
  eventWindowMonths: 18,
};

export interface TargetRow {
  target: string;
  required: string;
  actual: string;
  ok: boolean;
}

/** The parts of a dataset the coverage table needs. */
export type CoverageInput = Pick<Dataset, 'actors' | 'themes' | 'observations'>;

export interface Coverage {
  actors: string[];
  themes: string[];
  /** counts[actor][theme] = number of observations. */
  counts: Record<string, Record<string, number>>;
  byActor: Record<string, number>;
  byTheme: Record<string, number>;
  byKind: Record<string, number>;
  bySource: Record<string, number>;
  total: number;
}

export interface DataCheckResult {
  problems: Problem[];
  coverage: Coverage;
  /** One row per coverage target, when targets were given. */
  targets: TargetRow[];
}

/** `observation obs-001: score: must be an integer` — the line format the CLI prints. */
export function formatProblem(problem: Problem): string {
  return `${problem.path}: ${problem.message}`;
}

/**
 * Normalizes text for verbatim quote matching: curly quotes become straight ones and every run of
 * whitespace becomes one space, so line breaks and typographic quotes in a source never fail a quote.
 */
export function foldForQuoteMatch(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function observationLabel(raw: unknown, index: number): string {
  return isRecord(raw) && typeof raw.id === 'string' ? `observation ${raw.id}` : `observation #${index + 1}`;
}

// Parses each entry on its own, so one broken record does not hide the faults of the others.
function salvage(raw: unknown): Dataset | null {
  if (!isRecord(raw)) return null;
  const collections = ['actors', 'themes', 'sources', 'events', 'observations'] as const;
  if (!collections.every((key) => Array.isArray(raw[key]))) return null;
  const keep = <T>(list: unknown, parse: (item: unknown) => { success: boolean; data?: T }): T[] =>
    asList(list).flatMap((item) => {
      const r = parse(item);
      return r.success && r.data !== undefined ? [r.data] : [];
    });
  return {
    schemaVersion: 1,
    title: 'salvaged',
    description: '',
    version: '0',
    updated: '2000',
    scale: { min: -3, max: 3, negativeLabel: '', positiveLabel: '', description: '' },
    actors: keep(raw.actors, (x) => actorSchema.safeParse(x)),
    themes: keep(raw.themes, (x) => themeSchema.safeParse(x)),
    sources: keep(raw.sources, (x) => sourceSchema.safeParse(x)),
    events: keep(raw.events, (x) => eventSchema.safeParse(x)),
    observations: keep(raw.observations, (x) => observationSchema.safeParse(x)),
  };
}

/** Checks that the schema cannot express: run on the raw records so they still apply when the shape is broken. */
function evidenceProblems(raw: unknown, sourceTexts: Record<string, string>): Problem[] {
  if (!isRecord(raw)) return [];
  const problems: Problem[] = [];

  // source id -> folded text, or null when its file is missing
  const folded = new Map<string, string | null>();
  for (const s of asList(raw.sources)) {
    if (!isRecord(s) || typeof s.id !== 'string' || typeof s.file !== 'string') continue;
    const text = sourceTexts[s.file];
    if (text === undefined) {
      problems.push({ path: `source ${s.id}: file`, message: `"${s.file}" was not found` });
      folded.set(s.id, null);
    } else {
      folded.set(s.id, foldForQuoteMatch(text));
    }
  }

  // Web sources (no bundled file) carry only a reference: it must let a reader find the report.
  const webSources = new Set<string>();
  for (const s of asList(raw.sources)) {
    if (!isRecord(s) || typeof s.id !== 'string' || s.file !== undefined) continue;
    webSources.add(s.id);
    const missing = (v: unknown) => typeof v !== 'string' || v.trim() === '';
    if (missing(s.url))
      problems.push({ path: `source ${s.id}: url`, message: 'a web source needs the URL of the report' });
    if (missing(s.outlet))
      problems.push({
        path: `source ${s.id}: outlet`,
        message: 'a web source needs the outlet that published it',
      });
    if (missing(s.published))
      problems.push({
        path: `source ${s.id}: published`,
        message: 'a web source needs its publication date (YYYY-MM-DD, or YYYY-MM when the day is not shown)',
      });
  }

  // observation "actor|date|folded quote" -> first id, to catch the same words coded twice
  const firstSeen = new Map<string, string>();

  asList(raw.observations).forEach((o, index) => {
    if (!isRecord(o)) return;
    const at = observationLabel(o, index);
    if (o.confidence === 'high' && typeof o.dateNote === 'string' && /\blooked up\b/i.test(o.dateNote)) {
      problems.push({
        path: `${at}: confidence`,
        message:
          'cannot be "high" when the dateNote says the date was looked up in another report (codebook §5: medium)',
      });
    }
    if (typeof o.quote === 'string' && typeof o.sourceId === 'string' && webSources.has(o.sourceId)) {
      const words = o.quote.trim().split(/\s+/).filter(Boolean).length;
      if (words > MAX_WEB_QUOTE_WORDS) {
        problems.push({
          path: `${at}: quote`,
          message: `is ${words} words; a quote from a web source may have at most ${MAX_WEB_QUOTE_WORDS} (the speaker's words only)`,
        });
      }
    }
    if (typeof o.quote === 'string' && typeof o.actor === 'string' && typeof o.date === 'string') {
      const key = `${o.actor}|${o.date}|${foldForQuoteMatch(o.quote).toLowerCase()}`;
      const first = firstSeen.get(key);
      const id = typeof o.id === 'string' ? o.id : `#${index + 1}`;
      if (first !== undefined) {
        problems.push({
          path: `${at}: quote`,
          message: `repeats observation ${first} (same actor, date and quote): code one statement or act once`,
        });
      } else firstSeen.set(key, id);
    }
    if (typeof o.score === 'number' && Number.isFinite(o.score) && !Number.isInteger(o.score)) {
      problems.push({ path: `${at}: score`, message: `must be an integer (got ${o.score})` });
    }
    if (typeof o.quote !== 'string') return;
    if (o.quote.length > MAX_QUOTE_LENGTH) {
      problems.push({
        path: `${at}: quote`,
        message: `is ${o.quote.length} characters; the limit is ${MAX_QUOTE_LENGTH}`,
      });
    }
    const quote = foldForQuoteMatch(o.quote);
    if (quote === '') {
      problems.push({ path: `${at}: quote`, message: 'must not be empty' });
      return;
    }
    if (typeof o.sourceId !== 'string') return;
    const text = folded.get(o.sourceId);
    // Unknown sources are reported by the reference check; missing files once, on the source.
    if (text === undefined || text === null) return;
    if (!text.includes(quote)) {
      problems.push({
        path: `${at}: quote`,
        message: `not found verbatim in source "${o.sourceId}": "${truncate(o.quote, 80)}"`,
      });
    }
  });
  return problems;
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

export function computeCoverage(data: CoverageInput): Coverage {
  const actors = data.actors.map((a) => a.id);
  const themes = data.themes.map((t) => t.id);
  const counts: Record<string, Record<string, number>> = {};
  for (const a of actors) counts[a] = Object.fromEntries(themes.map((t) => [t, 0]));
  for (const o of data.observations) {
    const row = counts[o.actor];
    if (row && o.theme in row) row[o.theme] = (row[o.theme] ?? 0) + 1;
  }
  return {
    actors,
    themes,
    counts,
    byActor: countBy(data.observations, (o) => o.actor),
    byTheme: countBy(data.observations, (o) => o.theme),
    byKind: countBy(data.observations, (o) => o.kind),
    bySource: countBy(data.observations, (o) => o.sourceId ?? '(none)'),
    total: data.observations.length,
  };
}

/** Observations per actor × theme as a fixed-width plain-text table with row and column totals. */
export function formatCoverageTable(data: CoverageInput): string {
  return formatCoverage(computeCoverage(data));
}

/** The same table from an already computed coverage (e.g. the one `checkDataset` returns). */
export function formatCoverage(c: Coverage): string {
  const header = ['actor \\ theme', ...c.themes, 'total'];
  const rows = c.actors.map((a) => [
    a,
    ...c.themes.map((t) => String(c.counts[a]?.[t] ?? 0)),
    String(c.byActor[a] ?? 0),
  ]);
  const totals = ['total', ...c.themes.map((t) => String(c.byTheme[t] ?? 0)), String(c.total)];
  const table = [header, ...rows, totals];
  const widths = header.map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line), rule, line(totals)].join('\n');
}

const monthIndex = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
const monthOf = (index: number) =>
  `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

/** The first day of a partial date (`2019-07` → `2019-07-01`), as the default view counts it. */
const firstDay = (date: string) =>
  date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;

export interface EventWindow {
  count: number;
  /** First and last day of the densest window (a partial date counts from its first day). */
  from: string;
  to: string;
}

/**
 * The most key events in any window of `months` calendar months, as a view ending on an event's day and
 * starting `months` earlier would show them (both ends inclusive); null when there are no events.
 */
export function densestEventWindow(
  events: ReadonlyArray<{ date: string }>,
  months: number,
): EventWindow | null {
  const days = events.map((e) => firstDay(e.date)).sort();
  let best: EventWindow | null = null;
  let start = 0;
  for (let end = 0; end < days.length; end++) {
    const to = days[end]!;
    const from = monthsBefore(to, months);
    while (days[start]! < from) start++;
    const count = end - start + 1;
    if (best === null || count > best.count) best = { count, from, to };
  }
  return best;
}

/**
 * The coverage targets as rows (target, required, actual, ok). The last covered month is the month of the
 * latest day-dated observation of any actor.
 */
export function evaluateTargets(
  data: Pick<Dataset, 'actors' | 'observations' | 'events'>,
  t: CoverageTargets,
): TargetRow[] {
  const rows: TargetRow[] = [];
  const total = data.observations.length;
  rows.push({
    target: 'observations',
    required: `≥ ${t.minObservations}`,
    actual: String(total),
    ok: total >= t.minObservations,
  });
  for (const a of data.actors) {
    const mine = data.observations.filter((o) => o.actor === a.id);
    const statements = mine.filter((o) => o.kind === 'statement').length;
    const actions = mine.length - statements;
    rows.push({
      target: `${a.id}`,
      required: `≥ ${t.minPerActor}, both kinds`,
      actual: `${mine.length} (${statements} statements, ${actions} actions)`,
      ok: mine.length >= t.minPerActor && statements > 0 && actions > 0,
    });
  }
  const dayDated = data.observations.filter((o) => o.datePrecision === 'day');
  const actorDays = dayDated.filter((o) => o.actor === t.monthlyActor);
  const perMonth = countBy(actorDays, (o) => o.date.slice(0, 7));
  const lastDay = dayDated.reduce<string | null>((m, o) => (m === null || o.date > m ? o.date : m), null);
  if (lastDay !== null && lastDay.slice(0, 7) >= t.monthlyFrom) {
    for (let i = monthIndex(t.monthlyFrom); i <= monthIndex(lastDay.slice(0, 7)); i++) {
      const month = monthOf(i);
      const n = perMonth[month] ?? 0;
      rows.push({
        target: `${t.monthlyActor} ${month}`,
        required: '≥ 1 day-dated',
        actual: String(n),
        ok: n >= 1,
      });
    }
  } else {
    rows.push({
      target: `${t.monthlyActor} from ${t.monthlyFrom}`,
      required: '≥ 1 day-dated a month',
      actual: 'no data',
      ok: false,
    });
  }
  for (const y of t.years) {
    const n = actorDays.filter((o) => o.date.startsWith(`${y}-`)).length;
    rows.push({
      target: `${t.monthlyActor} ${y}`,
      required: `≥ ${t.minPerYear} day-dated`,
      actual: String(n),
      ok: n >= t.minPerYear,
    });
  }
  rows.push({
    target: 'events',
    required: `≥ ${t.minEvents}`,
    actual: String(data.events.length),
    ok: data.events.length >= t.minEvents,
  });
  const densest = densestEventWindow(data.events, t.eventWindowMonths);
  rows.push({
    target: `events in any ${t.eventWindowMonths} months`,
    required: `≤ ${t.maxEventsPerWindow}`,
    actual: densest ? `${densest.count} (${densest.from} to ${densest.to})` : '0',
    ok: (densest?.count ?? 0) <= t.maxEventsPerWindow,
  });
  return rows;
}

/** The target rows as a fixed-width table with a ✓/✗ column. */
export function formatTargets(rows: TargetRow[]): string {
  const table = [
    ['target', 'required', 'actual', ''],
    ...rows.map((r) => [r.target, r.required, r.actual, r.ok ? 'ok' : 'MISSING']),
  ];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...table.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [
    line(table[0] ?? []),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...table.slice(1).map(line),
  ].join('\n');
}

/**
 * Validates a dataset with the app's schema and cross-checks, then the codebook's evidence rules, then
 * (when `targets` is given) the coverage targets. `sourceTexts` maps each bundled source `file` path
 * (as written in the dataset) to its text.
 */
export function checkDataset(
  raw: unknown,
  sourceTexts: Record<string, string>,
  targets?: CoverageTargets,
): DataCheckResult {
  const base = validateDataset(raw);
  const problems: Problem[] = [...base.problems];
  let parsed: Dataset | null = base.ok ? base.dataset : null;
  if (!base.ok && !datasetSchema.safeParse(raw).success) {
    // validateDataset stops at shape errors; cross-check what does parse so other faults still surface.
    parsed = salvage(raw);
    if (parsed) problems.push(...crossCheck(parsed));
  } else if (!base.ok) {
    parsed = salvage(raw);
  }
  problems.push(...evidenceProblems(raw, sourceTexts));

  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = formatProblem(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const coverage = computeCoverage(parsed ?? { actors: [], themes: [], observations: [] });
  const targetRows = targets
    ? evaluateTargets(parsed ?? { actors: [], observations: [], events: [] }, targets)
    : [];
  for (const r of targetRows.filter((row) => !row.ok)) {
    unique.push({ path: `coverage: ${r.target}`, message: `needs ${r.required}, has ${r.actual}` });
  }
  return { problems: unique, coverage, targets: targetRows };
}
