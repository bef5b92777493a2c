import type { CsvInput, CsvMapping } from './csv-mapping';
import { detectNumberRule, parseNumberWith, type DetectedRule, type NumberRule } from './number-rule';
import { normName, recognizeScale, type ScaleRecognition } from './score-scales';

// First guesses for the mapping dialog, which the user confirms: which record is the header, which
// column is what (from the header's names), and the score's number rule and scale (from its name and
// values). Nothing here decides silently: every guess is shown and can be changed before Open.

/** Records as read: every row of the file (the header candidate first) and the lines they start on. */
export interface CsvRecords {
  rows: string[][];
  lines: number[];
}

/** "Column 1" … "Column N", the names of a file without a header row. */
export function numberedColumns(width: number): string[] {
  return Array.from({ length: width }, (_, i) => `Column ${i + 1}`);
}

/**
 * The table a mapping applies to: the first record as column names, or (when it is data) every
 * record as data under "Column 1…N", N being the widest record's width.
 */
export function toCsvInput(records: CsvRecords, firstRowIsData = false, width?: number): CsvInput {
  if (firstRowIsData) {
    const n = width ?? records.rows.reduce((m, r) => Math.max(m, r.length), 0);
    return { header: numberedColumns(n), rows: records.rows, lines: records.lines };
  }
  return {
    header: (records.rows[0] ?? []).map((h) => h.trim()),
    rows: records.rows.slice(1),
    lines: records.lines.slice(1),
  };
}

function findColumn(header: readonly string[], names: string[]): number | null {
  const normalized = header.map(normName);
  for (const name of names) {
    const i = normalized.indexOf(name);
    if (i >= 0) return i;
  }
  return null;
}

export interface ScaleGuess {
  detected: DetectedRule;
  recognition: ScaleRecognition;
  /** The mapping fields the guess sets: the number rule, and the scale when recognised (else undeclared). */
  fields: Pick<CsvMapping, 'numberRule' | 'scale' | 'scoreMin' | 'scoreMax' | 'higherMeans'>;
}

/**
 * The number rule (detected from the values unless given) and the scale of a score column, recognised
 * from its name and the values read by that rule. An unrecognised scale stays undeclared (NaN range).
 */
export function guessScale(
  columnName: string,
  values: readonly string[],
  rule?: NumberRule,
  header: readonly string[] = [],
): ScaleGuess {
  const detected = detectNumberRule(values);
  const numberRule = rule ?? detected.rule;
  const numbers: number[] = [];
  for (const v of values) {
    const parsed = parseNumberWith(v, numberRule);
    if (parsed.ok) numbers.push(parsed.value);
  }
  const recognition = recognizeScale(columnName, numbers, header);
  const scale = recognition.kind === 'recognised' ? recognition.scale : null;
  return {
    detected,
    recognition,
    fields: {
      numberRule,
      scale: scale?.id ?? null,
      scoreMin: scale?.min ?? Number.NaN,
      scoreMax: scale?.max ?? Number.NaN,
      higherMeans: scale?.higherMeans ?? null,
    },
  };
}

/** A column's values in the sample rows, for guessScale. */
export function columnValues(rows: readonly (readonly string[])[], column: number | null): string[] {
  if (column === null) return [];
  const out: string[] = [];
  for (const r of rows) {
    const v = r[column];
    if (v !== undefined && v.trim() !== '') out.push(v);
  }
  return out;
}

/** A first guess from the header names (GDELT's and common ones) and the sample's score values. */
export function guessMapping(
  header: readonly string[],
  sample: readonly (readonly string[])[] = [],
  firstRowIsData = false,
): CsvMapping {
  const col = (...names: string[]) => findColumn(header, names);
  const score = col(
    'goldsteinscale',
    'goldstein',
    'score',
    'stance',
    'stancescore',
    'value',
    'rating',
    'avgtone',
    'tone',
  );
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
  const scale = guessScale(
    score === null ? '' : (header[score] ?? ''),
    columnValues(sample, score),
    undefined,
    header,
  );
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
    firstRowIsData,
    ...scale.fields,
  };
}
