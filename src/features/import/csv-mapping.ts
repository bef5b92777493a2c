import {
  SCORE_MAX,
  SCORE_MIN,
  isRealPartialDate,
  type Actor,
  type DatePrecision,
  type Dataset,
  type Kind,
  type Observation,
  type Source,
  type Theme,
} from '../../domain/schema';
import { hash32, slugify } from '../../lib/slug';
import { validateDataset, type Problem } from '../../domain/validate';
import { fatalResult, quoteValue, type ImportResult } from './import-types';
import { ACTOR_PALETTE } from '../../domain/actor-palette';

/** Which way the file's score points: "hawkish" keeps the sign, "conciliatory" (e.g. Goldstein) flips it. */
export type HigherMeans = 'hawkish' | 'conciliatory';

/** Column indexes into the header (null = not mapped) plus how to read the score. */
export interface CsvMapping {
  date: number | null;
  actor: number | null;
  score: number | null;
  theme: number | null;
  kind: number | null;
  speaker: number | null;
  quote: number | null;
  summary: number | null;
  source: number | null;
  /** Groups the actor column by another (GDELT: Actor1Name by Actor1CountryCode), one series per group. */
  groupBy: number | null;
  scoreMin: number;
  scoreMax: number;
  higherMeans: HigherMeans;
}

export type MappedColumn = Exclude<keyof CsvMapping, 'scoreMin' | 'scoreMax' | 'higherMeans'>;

/** The column roles in the order the mapping dialog shows them. */
export const MAPPING_FIELDS: ReadonlyArray<{ key: MappedColumn; label: string; required: boolean }> = [
  { key: 'date', label: 'Date', required: true },
  { key: 'actor', label: 'Actor', required: true },
  { key: 'groupBy', label: 'Group actors by', required: false },
  { key: 'score', label: 'Score', required: true },
  { key: 'theme', label: 'Theme', required: false },
  { key: 'kind', label: 'Kind (statement or action)', required: false },
  { key: 'speaker', label: 'Speaker', required: false },
  { key: 'quote', label: 'Quote', required: false },
  { key: 'summary', label: 'Summary', required: false },
  { key: 'source', label: 'Source', required: false },
];

/** CAMEO event root codes (GDELT's EventRootCode), so themes read "04 Consult" rather than "04". */
const CAMEO_ROOTS: Record<string, string> = {
  '01': 'Make public statement',
  '02': 'Appeal',
  '03': 'Express intent to cooperate',
  '04': 'Consult',
  '05': 'Engage in diplomatic cooperation',
  '06': 'Engage in material cooperation',
  '07': 'Provide aid',
  '08': 'Yield',
  '09': 'Investigate',
  '10': 'Demand',
  '11': 'Disapprove',
  '12': 'Reject',
  '13': 'Threaten',
  '14': 'Protest',
  '15': 'Exhibit military posture',
  '16': 'Reduce relations',
  '17': 'Coerce',
  '18': 'Assault',
  '19': 'Fight',
  '20': 'Use unconventional mass violence',
};

const norm = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

function findColumn(header: string[], names: string[]): number | null {
  const normalized = header.map(norm);
  for (const name of names) {
    const i = normalized.indexOf(name);
    if (i >= 0) return i;
  }
  return null;
}

/** A first guess from the header names (GDELT's and common ones); the user confirms it in the dialog. */
export function guessMapping(header: string[], sample: string[][] = []): CsvMapping {
  const col = (...names: string[]) => findColumn(header, names);
  const goldstein = col('goldsteinscale', 'goldstein');
  const score = goldstein ?? col('score', 'stance', 'stancescore', 'value', 'rating', 'tone');
  let groupBy = col('actor1countrycode');
  let actor = col(
    'actor1name',
    // This app's own observations CSV has both: the name reads better than the id.
    'actorname',
    'actor',
    'actorid',
    'name',
    'country',
    'party',
    'organisation',
    'organization',
  );
  if (groupBy !== null && actor === null) [actor, groupBy] = [groupBy, null];
  let scoreMin: number = SCORE_MIN;
  let scoreMax: number = SCORE_MAX;
  let higherMeans: HigherMeans = 'hawkish';
  if (goldstein !== null) {
    scoreMin = -10;
    scoreMax = 10;
    higherMeans = 'conciliatory';
  } else if (score !== null) {
    const values = sample.map((r) => parseNumber(r[score] ?? '')).filter((v): v is number => v !== null);
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    if (values.length && (lo < SCORE_MIN || hi > SCORE_MAX)) {
      const bound = [10, 100].find((b) => lo >= -b && hi <= b);
      if (bound !== undefined && lo < 0) [scoreMin, scoreMax] = [-bound, bound];
      else [scoreMin, scoreMax] = [Math.floor(lo), Math.ceil(hi)];
    }
  }
  return {
    date: col(
      'sqldate',
      'date',
      'day',
      'eventdate',
      'published',
      'publicationdate',
      'when',
      'timestamp',
      'time',
    ),
    actor,
    score,
    theme: col('eventrootcode', 'themelabel', 'theme', 'topic', 'category', 'issue'),
    kind: col('quadclass', 'kind', 'type', 'wordsordeeds'),
    speaker: col('speaker', 'person', 'who'),
    quote: col('quote', 'text', 'statement', 'excerpt'),
    summary: col('summary', 'description', 'headline', 'title'),
    source: col('sourceurl', 'sourcetitle', 'source', 'url', 'link'),
    groupBy,
    scoreMin,
    scoreMax,
    higherMeans,
  };
}

/** What keeps the mapping from being used, in words for the dialog; empty when it can be applied. */
export function checkMapping(mapping: CsvMapping, header: string[]): string[] {
  const out: string[] = [];
  for (const f of MAPPING_FIELDS) {
    const i = mapping[f.key];
    if (i === null) {
      if (f.required) out.push(`Choose the column that holds the ${f.key}.`);
    } else if (!Number.isInteger(i) || i < 0 || i >= header.length) {
      out.push(`The ${f.key} column is not in this file.`);
    }
  }
  if (!Number.isFinite(mapping.scoreMin) || !Number.isFinite(mapping.scoreMax)) {
    out.push('The score range needs two numbers.');
  } else if (mapping.scoreMin >= mapping.scoreMax) {
    out.push('The lowest score must be below the highest.');
  }
  if (mapping.groupBy !== null && mapping.groupBy === mapping.actor) {
    out.push('Group actors by a column other than the actor column.');
  }
  return out;
}

/** Reads "3", "-2.5", "2,5" (decimal comma), "−1" (Unicode minus); null for anything else. */
export function parseNumber(raw: string): number | null {
  const s = raw.trim().replace(/^\u2212/, '-');
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/.test(s)) return null;
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

export type DateParse = { ok: true; date: string; precision: DatePrecision } | { ok: false; message: string };

/** ISO YYYY-MM-DD (a time part is ignored), YYYY-MM, YYYY, or the compact YYYYMMDD / YYYYMM. */
export function parseDateValue(raw: string): DateParse {
  const s = raw.trim();
  if (s === '') return { ok: false, message: 'is empty' };
  let date: string | null = null;
  let precision: DatePrecision = 'day';
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) date = `${m[1]}-${m[2]}-${m[3]}`;
  else if ((m = /^(\d{4})(\d{2})$/.exec(s))) [date, precision] = [`${m[1]}-${m[2]}`, 'month'];
  else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]*(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s)))
    date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  else if ((m = /^(\d{4})-(\d{1,2})$/.exec(s)))
    [date, precision] = [`${m[1]}-${m[2]!.padStart(2, '0')}`, 'month'];
  else if (/^\d{4}$/.test(s)) [date, precision] = [s, 'year'];
  if (date === null) {
    return {
      ok: false,
      message: `${quoteValue(s)} is not a date (expected YYYY-MM-DD, YYYY-MM, YYYY or YYYYMMDD)`,
    };
  }
  if (!isRealPartialDate(date)) return { ok: false, message: `${quoteValue(s)} is not a real calendar date` };
  return { ok: true, date, precision };
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

/** A kind cell as statement or action: words like "verbal"/"deeds", or GDELT's QuadClass (1, 3 verbal; 2, 4 material). */
function parseKind(raw: string, header: string): Kind | null {
  const v = raw.trim().toLowerCase();
  if (norm(header) === 'quadclass') {
    // QuadClass 1–4: verbal cooperation, material cooperation, verbal conflict, material conflict.
    if (v === '1' || v === '3') return 'statement';
    if (v === '2' || v === '4') return 'action';
    return null;
  }
  if (['statement', 'statements', 'verbal', 'word', 'words', 'say', 's'].includes(v)) return 'statement';
  if (['action', 'actions', 'material', 'deed', 'deeds', 'do', 'a'].includes(v)) return 'action';
  return null;
}

function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function mostFrequent(counts: Map<string, number>): string {
  let best = '';
  let n = -1;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  return best;
}

export interface CsvInput {
  header: string[];
  /** Data rows (without the header). */
  rows: string[][];
  /** The line each data row starts on, for messages; defaults to row index + 2 (header is line 1). */
  lines?: number[];
}

export interface MapOptions {
  /** The file name, shown as the dataset's title. */
  name: string;
  /** The day of the import (YYYY-MM-DD); today unless given. */
  today?: string;
}

const TEXT_LIMITS = { speaker: 200, quote: 5000, summary: 1000 } as const;

interface Row {
  line: number;
  date: string;
  precision: DatePrecision;
  actorKey: string;
  actorName: string;
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

/**
 * Turns CSV rows into a v1 Dataset with the mapping: rows with a problem are left out and listed
 * (row number, field, what is wrong); never throws.
 */
export function mapCsv(input: CsvInput, mapping: CsvMapping, opts: MapOptions): ImportResult {
  const { header } = input;
  const mappingProblems = checkMapping(mapping, header);
  if (mappingProblems.length) return fatalResult(mappingProblems.join(' '));
  if (input.rows.length === 0)
    return fatalResult('The file has a header row but no data rows, so there is nothing to open.');

  const name = (k: MappedColumn) => {
    const i = mapping[k];
    const h = i === null ? '' : (header[i] ?? '');
    return h && norm(h) !== norm(k) ? `${k} (${truncate(h, 40)})` : k;
  };
  const cell = (row: string[], k: MappedColumn) => {
    const i = mapping[k];
    return i === null ? '' : (row[i] ?? '').trim();
  };
  const kindHeader = mapping.kind === null ? '' : (header[mapping.kind] ?? '');

  const problems: Problem[] = [];
  const good: Row[] = [];
  const skippedRows: string[][] = [];
  let versionHash = hash32(JSON.stringify(mapping));

  input.rows.forEach((row, index) => {
    const line = input.lines?.[index] ?? index + 2;
    const at = `row ${line}`;
    const rowProblems: Problem[] = [];
    const add = (field: string, message: string) => rowProblems.push({ path: `${at}: ${field}`, message });

    if (row.length !== header.length) {
      rowProblems.push({
        path: at,
        message: `has ${row.length} field${row.length === 1 ? '' : 's'}, but the header has ${header.length} (a missing or extra column, or a stray quote or delimiter)`,
      });
    } else {
      const date = parseDateValue(cell(row, 'date'));
      if (!date.ok) add(name('date'), date.message);
      const actorValue = cell(row, 'actor');
      if (!actorValue) add(name('actor'), 'is empty');
      const groupValue = mapping.groupBy === null ? null : cell(row, 'groupBy');
      if (groupValue === '') add(name('groupBy'), 'is empty, so the row belongs to no actor group');
      const scoreRaw = cell(row, 'score');
      const score = parseNumber(scoreRaw);
      if (scoreRaw === '') add(name('score'), 'is empty');
      else if (score === null) add(name('score'), `${quoteValue(scoreRaw)} is not a number`);
      else if (score < mapping.scoreMin || score > mapping.scoreMax)
        add(name('score'), `${score} is outside the range ${mapping.scoreMin}…${mapping.scoreMax}`);
      let kind: Kind = 'statement';
      if (mapping.kind !== null) {
        const parsed = parseKind(cell(row, 'kind'), kindHeader);
        if (parsed) kind = parsed;
        else add(name('kind'), `${quoteValue(cell(row, 'kind'))} is not a kind (statement or action)`);
      }
      const texts = {
        speaker: cell(row, 'speaker') || actorValue,
        quote: cell(row, 'quote'),
        summary: cell(row, 'summary'),
      };
      for (const k of ['speaker', 'quote', 'summary'] as const) {
        const limit = TEXT_LIMITS[k];
        if (texts[k].length > limit)
          add(
            name(k),
            `must be at most ${limit} characters (it has ${texts[k].length.toLocaleString('en')})`,
          );
      }
      if (rowProblems.length === 0 && date.ok && score !== null) {
        const key = groupValue ?? actorValue;
        good.push({
          line,
          date: date.date,
          precision: date.precision,
          actorKey: slugify(key),
          actorName: actorValue,
          groupValue,
          score: rescale(score, mapping.scoreMin, mapping.scoreMax, mapping.higherMeans),
          original: score,
          themeValue: mapping.theme === null ? null : cell(row, 'theme'),
          kind,
          ...texts,
          source: cell(row, 'source'),
        });
        versionHash = hash32(row.join('\u0001'), versionHash);
        return;
      }
    }
    problems.push(...rowProblems);
    skippedRows.push([
      rowProblems.map((p) => `${p.path.slice(at.length + 2) || 'row'}: ${p.message}`).join('; '),
      ...row,
    ]);
  });

  const total = input.rows.length;
  const skipped = { header: ['problem', ...header], rows: skippedRows };
  if (good.length === 0) {
    return {
      ...fatalResult(
        `None of the ${total.toLocaleString('en')} rows can be opened with this mapping.`,
        problems,
        total,
      ),
      skipped,
    };
  }

  // Actors: one per key, most observations first so the clearest colours go to the main series.
  const actorStats = new Map<string, { count: number; names: Map<string, number>; group: string | null }>();
  for (const r of good) {
    const s = actorStats.get(r.actorKey) ?? {
      count: 0,
      names: new Map<string, number>(),
      group: r.groupValue,
    };
    s.count++;
    s.names.set(r.actorName, (s.names.get(r.actorName) ?? 0) + 1);
    actorStats.set(r.actorKey, s);
  }
  const groupHeader = mapping.groupBy === null ? '' : (header[mapping.groupBy] ?? '');
  const actors: Actor[] = [...actorStats.entries()]
    .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
    .map(([id, s], i) => {
      const actorName = truncate(mostFrequent(s.names), 120);
      return {
        id,
        name: actorName,
        group: truncate(s.group ?? actorName, 120),
        description: s.group
          ? truncate(
              `${groupHeader} ${s.group}: ${[...s.names.keys()].slice(0, 12).join(', ')}${s.names.size > 12 ? ', …' : ''}`,
              2000,
            )
          : '',
        color: ACTOR_PALETTE[i % ACTOR_PALETTE.length]!,
      };
    });

  const themeHeader = mapping.theme === null ? '' : (header[mapping.theme] ?? '');
  const cameo = norm(themeHeader) === 'eventrootcode';
  const themeIds = new Map<string, Theme>();
  const themeOf = (value: string | null): string => {
    const label = value === null ? 'All' : value === '' ? 'Unspecified' : value;
    const id = value === null ? 'all' : value === '' ? 'unspecified' : slugify(value);
    if (!themeIds.has(id)) {
      const known = cameo && value ? CAMEO_ROOTS[value.padStart(2, '0')] : undefined;
      themeIds.set(id, {
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

  const sourceIds = new Map<string, Source>();
  const sourceOf = (value: string): string | null => {
    if (!value) return null;
    const existing = sourceIds.get(value);
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
      id: `src-${sourceIds.size + 1}`,
      title: truncate(value, 400),
      outlet: outlet ? truncate(outlet, 200) : null,
      published: null,
      url: url && url.length <= 2000 ? url : null,
      file: '',
    };
    sourceIds.set(value, source);
    return source.id;
  };

  const scoreHeader = (mapping.score === null ? undefined : header[mapping.score]) || 'score';
  const direction =
    mapping.higherMeans === 'hawkish' ? 'higher = more hawkish' : 'higher = more conciliatory, so flipped';
  const observations: Observation[] = good.map((r) => {
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
      summary: r.summary || `${r.actorName} · ${themeIds.get(theme)?.label ?? theme}`,
      quote: r.quote,
      sourceId: sourceOf(r.source),
      rationale: truncate(
        `Imported from ${opts.name}, row ${r.line}: ${scoreHeader} ${r.original} on ${mapping.scoreMin}…${mapping.scoreMax} (${direction}) → ${r.score}.`,
        2000,
      ),
    };
  });

  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const title = truncate(opts.name || 'Imported CSV', 200);
  const dataset: Dataset = {
    schemaVersion: 1,
    id: slugify(opts.name.replace(/\.[a-z0-9]+$/i, '') || 'imported'),
    title,
    description: truncate(
      `Imported from ${opts.name} on ${today}: ${good.length.toLocaleString('en')} of ${total.toLocaleString('en')} rows. Scores are ${scoreHeader} (${mapping.scoreMin}…${mapping.scoreMax}, ${direction}) rescaled linearly to −3…+3; the original value is kept.`,
      4000,
    ),
    version: `import-${versionHash.toString(16)}`,
    updated: today,
    scale: {
      min: SCORE_MIN,
      max: SCORE_MAX,
      negativeLabel: 'Conciliatory',
      positiveLabel: 'Hawkish',
      description: truncate(
        `${scoreHeader} rescaled from ${mapping.scoreMin}…${mapping.scoreMax} (${direction}).`,
        2000,
      ),
    },
    actors,
    themes: [...themeIds.values()],
    sources: [...sourceIds.values()],
    events: [],
    observations,
  };

  // A safety net: the mapper must only ever produce data the app's own schema accepts.
  const check = validateDataset(dataset);
  if (!check.ok) {
    return fatalResult(
      `The mapped data does not fit the data format (${check.problems
        .slice(0, 3)
        .map((p) => `${p.path}: ${p.message}`)
        .join('; ')}).`,
      [...problems, ...check.problems],
      total,
    );
  }
  return {
    dataset: check.dataset,
    problems,
    total,
    skippedCount: skippedRows.length,
    skipped,
    fatal: null,
    notices: [],
  };
}

/** Splits a parsed table into header and data rows, keeping line numbers. */
export function toCsvInput(table: { rows: string[][]; lines: number[] }): CsvInput {
  return { header: table.rows[0] ?? [], rows: table.rows.slice(1), lines: table.lines.slice(1) };
}
