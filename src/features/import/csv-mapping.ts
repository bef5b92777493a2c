import type { Kind } from '../../domain/schema';
import type { Problem } from '../../domain/validate';
import { hash32, slugify } from '../../lib/slug';
import { buildCsvDataset, type MappedRow } from './csv-dataset';
import { NO_GROUP, parseDateValue, parseKind, truncate } from './csv-values';
import { fatalResult, quoteValue, type ImportResult } from './import-types';
import { parseNumberWith, type NumberRule } from './number-rule';
import { normName, rangeText, rescale, type HigherMeans, type ScaleId } from './score-scales';

/** Column indexes into the header (null = not mapped), how the file is laid out, and how to read the score. */
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
  /** The first record is data, not column names; columns are then "Column 1…N". */
  firstRowIsData: boolean;
  /** How every number in the file is read (decimal point or comma; exponents). */
  numberRule: NumberRule;
  /** The score's scale: a known one, "custom" (the user stated the range), or null until declared. */
  scale: ScaleId | 'custom' | null;
  /** The declared range; NaN until stated. Values outside are problems, never a reason to stretch it. */
  scoreMin: number;
  scoreMax: number;
  /** Null until declared (a Likert or 0…1 column does not say which way it points). */
  higherMeans: HigherMeans | null;
}

export type MappedColumn = Exclude<
  keyof CsvMapping,
  'firstRowIsData' | 'numberRule' | 'scale' | 'scoreMin' | 'scoreMax' | 'higherMeans'
>;

/** The column roles in the order the mapping dialog shows them; only date, actor and score can reject a row. */
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

const REQUIRED = MAPPING_FIELDS.filter((f) => f.required).map((f) => f.key);

/** What keeps the mapping from being used, in words for the dialog; empty when it can be applied. */
export function checkMapping(mapping: CsvMapping, header: readonly string[]): string[] {
  const out: string[] = [];
  for (const f of MAPPING_FIELDS) {
    const i = mapping[f.key];
    if (i === null) {
      if (f.required) out.push(`Choose the column that holds the ${f.key}.`);
    } else if (!Number.isInteger(i) || i < 0 || i >= header.length) {
      out.push(`The ${f.key} column is not in this file.`);
    }
  }
  if (mapping.scale === null) {
    out.push(
      'Choose the scale of the score, or "Other" to state its range: it is never guessed from the values.',
    );
  } else if (!Number.isFinite(mapping.scoreMin) || !Number.isFinite(mapping.scoreMax)) {
    out.push('State the lowest and the highest possible score.');
  } else if (mapping.scoreMin >= mapping.scoreMax) {
    out.push('The lowest possible score must be below the highest.');
  }
  if (mapping.higherMeans === null) {
    out.push('Say whether a higher score means more hawkish or more conciliatory.');
  }
  if (mapping.groupBy !== null && mapping.groupBy === mapping.actor) {
    out.push('Group actors by a column other than the actor column.');
  }
  return out;
}

export interface CsvInput {
  /** Column names: the header's cells, or "Column 1…N" when the first record is data. */
  header: string[];
  /** Data rows (the first record among them when it is data). */
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

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * Turns CSV rows into a v1 Dataset with the mapping. Only the required columns (date, actor, score)
 * can leave a row out, each listed with row number, field and reason; optional columns never do
 * (what was done instead is counted in `notices`). Never throws.
 */
export function mapCsv(input: CsvInput, mapping: CsvMapping, opts: MapOptions): ImportResult {
  const { header } = input;
  const mappingProblems = checkMapping(mapping, header);
  if (mappingProblems.length) return fatalResult(mappingProblems.join(' '));
  if (input.rows.length === 0)
    return fatalResult('The file has a header row but no data rows, so there is nothing to open.');
  const { scoreMin, scoreMax, numberRule } = mapping;
  const higherMeans = mapping.higherMeans!;

  const name = (k: MappedColumn) => {
    const i = mapping[k];
    const h = i === null ? '' : (header[i] ?? '');
    return h && normName(h) !== normName(k) ? `${k} (${truncate(h, 40)})` : k;
  };
  const cell = (row: readonly string[], k: MappedColumn) => {
    const i = mapping[k];
    return i === null ? '' : (row[i] ?? '').trim();
  };
  const requiredAt = REQUIRED.map((k) => [k, mapping[k]!] as const);

  const problems: Problem[] = [];
  const good: MappedRow[] = [];
  const skippedRows: string[][] = [];
  const counts = { padded: 0, trailing: 0, noGroup: 0, unknownKind: 0, shortened: 0 };
  const unknownKinds = new Set<string>();
  let versionHash = hash32(JSON.stringify(mapping));

  input.rows.forEach((row, index) => {
    const line = input.lines?.[index] ?? index + 2;
    const at = `row ${line}`;
    const rowProblems: Problem[] = [];
    const add = (field: string, message: string) => rowProblems.push({ path: `${at}: ${field}`, message });
    const fields = `has ${plural(row.length, 'field')}, but the header has ${header.length}`;

    if (row.length < header.length) {
      // A short row (e.g. GDELT's empty trailing source URL) is read with empty cells, unless it lacks a required column.
      const missing = requiredAt.filter(([, i]) => i >= row.length).map(([k]) => name(k));
      if (missing.length) rowProblems.push({ path: at, message: `${fields}: no ${missing.join(', no ')}` });
      else counts.padded++;
    } else if (row.length > header.length) {
      if (row.slice(header.length).every((c) => c.trim() === '')) counts.trailing++;
      else
        rowProblems.push({ path: at, message: `${fields} (an extra column, or a stray quote or delimiter)` });
    }
    if (rowProblems.length === 0) {
      const date = parseDateValue(cell(row, 'date'));
      if (!date.ok) add(name('date'), date.message);
      const actorValue = cell(row, 'actor');
      if (!actorValue) add(name('actor'), 'is empty');
      const scoreRaw = cell(row, 'score');
      const score = parseNumberWith(scoreRaw, numberRule);
      if (!score.ok) add(name('score'), score.message);
      else if (score.value < scoreMin || score.value > scoreMax)
        add(
          name('score'),
          `${quoteValue(scoreRaw)} is outside the declared scale ${rangeText(scoreMin, scoreMax)} (the range is not stretched to fit it)`,
        );
      if (rowProblems.length === 0 && date.ok && score.ok) {
        let groupValue = mapping.groupBy === null ? null : cell(row, 'groupBy');
        if (groupValue === '') {
          counts.noGroup++;
          groupValue = NO_GROUP;
        }
        let kind: Kind = 'statement';
        if (mapping.kind !== null) {
          const parsed = parseKind(cell(row, 'kind'));
          if (parsed) kind = parsed;
          else {
            counts.unknownKind++;
            if (unknownKinds.size < 5) unknownKinds.add(quoteValue(cell(row, 'kind'), 20));
          }
        }
        const texts = {
          speaker: cell(row, 'speaker') || actorValue,
          quote: cell(row, 'quote'),
          summary: cell(row, 'summary'),
        };
        for (const k of ['speaker', 'quote', 'summary'] as const) {
          if (texts[k].length > TEXT_LIMITS[k]) {
            counts.shortened++;
            texts[k] = truncate(texts[k], TEXT_LIMITS[k]);
          }
        }
        good.push({
          line,
          date: date.date,
          precision: date.precision,
          actorKey: slugify(groupValue ?? actorValue),
          actorName: actorValue,
          groupValue,
          score: rescale(score.value, scoreMin, scoreMax, higherMeans),
          original: score.value,
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

  const notices: string[] = [];
  if (counts.padded)
    notices.push(
      `${plural(counts.padded, 'row')} had fewer fields than the header; the missing fields are not needed by the mapping, so they were read as empty.`,
    );
  if (counts.trailing)
    notices.push(`${plural(counts.trailing, 'row')} ended in empty extra fields, which were ignored.`);
  if (counts.noGroup)
    notices.push(
      `${plural(counts.noGroup, 'row')} had no ${truncate(header[mapping.groupBy!] ?? 'group', 40)} value; they form the group "${NO_GROUP}".`,
    );
  if (counts.unknownKind)
    notices.push(
      `${plural(counts.unknownKind, 'row')} had a kind that is neither statement nor action (${[...unknownKinds].join(', ')}); they were read as statements.`,
    );
  if (counts.shortened)
    notices.push(
      `${plural(counts.shortened, 'text')} longer than the data format allows (speaker 200, summary 1,000, quote 5,000 characters) ${counts.shortened === 1 ? 'was' : 'were'} shortened, ending in "…".`,
    );

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
      notices,
    };
  }
  const built = buildCsvDataset(good, header, mapping, { ...opts, total, version: versionHash });
  if (!built.ok) return fatalResult(built.message, [...problems, ...built.problems], total);
  return {
    dataset: built.dataset,
    problems,
    total,
    skippedCount: skippedRows.length,
    skipped,
    fatal: null,
    notices,
  };
}
