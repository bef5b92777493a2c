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

// Headless checks behind `npm run data:check`: the app's own schema and cross-checks, plus the
// evidence rules of the codebook (integer scores, short verbatim quotes found in the cited source text).

/** Longest quote the codebook allows; longer passages must be cut to a shorter contiguous span. */
export const MAX_QUOTE_LENGTH = 300;

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

  asList(raw.observations).forEach((o, index) => {
    if (!isRecord(o)) return;
    const at = observationLabel(o, index);
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

/**
 * Validates a dataset with the app's schema and cross-checks, then the codebook's evidence rules.
 * `sourceTexts` maps each source `file` path (as written in the dataset) to its text.
 */
export function checkDataset(raw: unknown, sourceTexts: Record<string, string>): DataCheckResult {
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
  return { problems: unique, coverage };
}
