import { ACTOR_COLORS } from '../../charts/figure-palette';
import {
  SCORE_MAX,
  SCORE_MIN,
  type Actor,
  type DatePrecision,
  type Dataset,
  type Kind,
  type Observation,
  type Source,
  type Theme,
} from '../../domain/schema';
import { validateDataset, type Problem } from '../../domain/validate';
import { slugify } from '../../lib/slug';
import type { CsvMapping } from './csv-mapping';
import { CAMEO_ROOTS, NO_GROUP, truncate } from './csv-values';
import { knownScale, normName, rangeText } from './score-scales';

// The second half of mapping a CSV: rows already read and checked become a v1 Dataset (actors,
// themes, sources and observations), checked once more against the app's own schema.

/** One row that passed every check, with its values read. */
export interface MappedRow {
  line: number;
  date: string;
  precision: DatePrecision;
  actorKey: string;
  actorName: string;
  /** The "Group actors by" value, or null when the mapping groups nothing. */
  groupValue: string | null;
  score: number;
  original: number;
  themeValue: string | null;
  kind: Kind;
  speaker: string;
  quote: string;
  summary: string;
  source: string;
}

export type BuiltDataset =
  { ok: true; dataset: Dataset } | { ok: false; message: string; problems: Problem[] };

function mostFrequent(counts: Map<string, number>): string {
  let best = '';
  let n = -1;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  return best;
}

function buildActors(rows: readonly MappedRow[], groupHeader: string): Actor[] {
  const stats = new Map<string, { count: number; names: Map<string, number>; group: string | null }>();
  for (const r of rows) {
    const s = stats.get(r.actorKey) ?? { count: 0, names: new Map<string, number>(), group: r.groupValue };
    s.count++;
    s.names.set(r.actorName, (s.names.get(r.actorName) ?? 0) + 1);
    stats.set(r.actorKey, s);
  }
  // Most observations first, so the most distinct colours go to the main series.
  return [...stats.entries()]
    .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
    .map(([id, s], i) => {
      const name = truncate(mostFrequent(s.names), 120);
      const members = `${[...s.names.keys()].slice(0, 12).join(', ')}${s.names.size > 12 ? ', …' : ''}`;
      return {
        id,
        name: s.group === NO_GROUP ? truncate(`(no ${groupHeader})`, 120) : name,
        group: truncate(s.group ?? name, 120),
        description: s.group ? truncate(`${groupHeader} ${s.group}: ${members}`, 2000) : '',
        color: ACTOR_COLORS[i % ACTOR_COLORS.length]!,
      };
    });
}

function themeMaker(themeHeader: string) {
  const cameo = normName(themeHeader) === 'eventrootcode';
  const themes = new Map<string, Theme>();
  const themeOf = (value: string | null): string => {
    const label = value === null ? 'All' : value === '' ? 'Unspecified' : value;
    const id = value === null ? 'all' : value === '' ? 'unspecified' : slugify(value);
    if (!themes.has(id)) {
      const known = cameo && value ? CAMEO_ROOTS[value.padStart(2, '0')] : undefined;
      themes.set(id, {
        id,
        label: truncate(known ? `${value} ${known}` : label, 120),
        description:
          value === null
            ? 'The file has no theme column.'
            : themeHeader
              ? `${themeHeader} = ${truncate(label, 200)}`
              : '',
      });
    }
    return id;
  };
  return { themes, themeOf };
}

function sourceMaker() {
  const sources = new Map<string, Source>();
  const sourceOf = (value: string): string | null => {
    if (!value) return null;
    const existing = sources.get(value);
    if (existing) return existing.id;
    let url: string | null = null;
    let outlet: string | null = null;
    // Only http(s) links are kept as links; anything else (javascript:, data:) stays plain text.
    if (/^https?:\/\//i.test(value)) {
      try {
        const parsed = new URL(value);
        url = parsed.href;
        outlet = parsed.hostname.replace(/^www\./, '');
      } catch {
        url = null;
      }
    }
    const source: Source = {
      id: `src-${sources.size + 1}`,
      title: truncate(value, 400),
      outlet: outlet ? truncate(outlet, 200) : null,
      published: null,
      url: url && url.length <= 2000 ? url : null,
      file: '',
    };
    sources.set(value, source);
    return source.id;
  };
  return { sources, sourceOf };
}

/** Assembles the dataset; `opts.total` is the number of data rows read, `opts.version` a hash of the rows. */
export function buildCsvDataset(
  rows: readonly MappedRow[],
  header: readonly string[],
  mapping: CsvMapping,
  opts: { name: string; today?: string; total: number; version: number },
): BuiltDataset {
  const col = (i: number | null) => (i === null ? '' : (header[i] ?? ''));
  const { themes, themeOf } = themeMaker(col(mapping.theme));
  const { sources, sourceOf } = sourceMaker();
  const scoreHeader = col(mapping.score) || 'score';
  const range = rangeText(mapping.scoreMin, mapping.scoreMax);
  const direction =
    mapping.higherMeans === 'hawkish' ? 'higher = more hawkish' : 'higher = more conciliatory, so flipped';
  const declared = knownScale(mapping.scale)?.label;
  const scaleWords = `${scoreHeader} on ${range} (${direction}${declared ? `; declared as ${declared}` : ''})`;

  const observations: Observation[] = rows.map((r) => {
    const theme = themeOf(r.themeValue);
    return {
      id: `row-${r.line}`,
      date: r.date,
      datePrecision: r.precision,
      actor: r.actorKey,
      speaker: r.speaker,
      theme,
      kind: r.kind,
      score: r.score,
      originalScore: r.original,
      confidence: 'medium',
      summary: r.summary || truncate(`${r.actorName} · ${themes.get(theme)?.label ?? theme}`, 1000),
      quote: r.quote,
      sourceId: sourceOf(r.source),
      rationale: truncate(
        `Imported from ${opts.name}, row ${r.line}: ${scoreHeader} ${r.original} on ${range} (${direction}) → ${r.score}.`,
        2000,
      ),
    };
  });

  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const dataset: Dataset = {
    schemaVersion: 1,
    id: slugify(opts.name.replace(/\.[a-z0-9]+$/i, '') || 'imported'),
    title: truncate(opts.name || 'Imported CSV', 200),
    description: truncate(
      `Imported from ${opts.name} on ${today}: ${rows.length.toLocaleString('en')} of ${opts.total.toLocaleString('en')} rows. Scores are ${scaleWords}, rescaled linearly to −3…+3; the original value is kept.`,
      4000,
    ),
    version: `import-${opts.version.toString(16)}`,
    updated: today,
    scale: {
      min: SCORE_MIN,
      max: SCORE_MAX,
      negativeLabel: 'Conciliatory',
      positiveLabel: 'Hawkish',
      description: truncate(`${scaleWords}, rescaled to −3…+3.`, 2000),
    },
    actors: buildActors(rows, col(mapping.groupBy)),
    themes: [...themes.values()],
    sources: [...sources.values()],
    events: [],
    observations,
  };

  // A safety net: the mapper must only ever produce data the app's own schema accepts.
  const check = validateDataset(dataset);
  if (check.ok) return { ok: true, dataset: check.dataset };
  return {
    ok: false,
    message: `The mapped data does not fit the data format (${check.problems
      .slice(0, 3)
      .map((p) => `${p.path}: ${p.message}`)
      .join('; ')}).`,
    problems: check.problems,
  };
}
