import type { CsvDelimiter } from '../../lib/csv-read';
import type { Problem } from '../../domain/validate';
import { guessMapping, numberedColumns, type CsvRecords } from './csv-guess';
import type { CsvMapping } from './csv-mapping';
import { looksLikeData } from './csv-values';

// What the mapping dialog gets from a read CSV (it never holds the whole file): the first records,
// a sample spread over the file for recognising the score's scale, counts, and a first guess.

export const PREVIEW_ROWS = 5;
/** Records sampled for the scale and number rule: the first ones and some spread over the rest. */
const SAMPLE_HEAD = 300;
const SAMPLE_SPREAD = 200;

export interface CsvPreview {
  name: string;
  /** How the bytes were decoded, in words ("UTF-16 (little-endian), from its byte-order mark"). */
  encoding: string;
  delimiter: CsvDelimiter;
  /** The first records as read, the header candidate first, and the lines they start on. */
  head: string[][];
  headLines: number[];
  /** Records after the first, spread over the file, to recognise the score's scale and number rule. */
  sample: string[][];
  /** Records in the file, the first one included. */
  recordCount: number;
  /** The widest record's number of fields: the column count when the first record is data. */
  maxFields: number;
  /** Records after the first with fewer fields than it, and records with fewer than the widest. */
  shortRows: { belowFirst: number; belowWidest: number };
  /** The first record has numbers or dates where a header would have names (see looksLikeData). */
  firstRowLooksLikeData: boolean;
  guess: CsvMapping;
  /** Structural trouble found while reading (e.g. a quote never closed). */
  problems: Problem[];
  notices: string[];
}

function spreadSample(rows: readonly string[][]): string[][] {
  const rest = rows.slice(1);
  if (rest.length <= SAMPLE_HEAD + SAMPLE_SPREAD) return rest;
  const out = rest.slice(0, SAMPLE_HEAD);
  const step = (rest.length - SAMPLE_HEAD) / SAMPLE_SPREAD;
  for (let i = 0; i < SAMPLE_SPREAD; i++) out.push(rest[SAMPLE_HEAD + Math.floor(i * step)]!);
  return out;
}

export function buildCsvPreview(args: {
  name: string;
  encoding: string;
  delimiter: CsvDelimiter;
  records: CsvRecords;
  problems: Problem[];
}): CsvPreview {
  const { rows, lines } = args.records;
  const first = rows[0] ?? [];
  let maxFields = 0;
  let belowFirst = 0;
  for (let i = 0; i < rows.length; i++) {
    const n = rows[i]!.length;
    if (n > maxFields) maxFields = n;
    if (i > 0 && n < first.length) belowFirst++;
  }
  let belowWidest = 0;
  for (const r of rows) if (r.length < maxFields) belowWidest++;
  const preview: Omit<CsvPreview, 'guess'> = {
    name: args.name,
    encoding: args.encoding,
    delimiter: args.delimiter,
    head: rows.slice(0, PREVIEW_ROWS + 1),
    headLines: lines.slice(0, PREVIEW_ROWS + 1),
    sample: spreadSample(rows),
    recordCount: rows.length,
    maxFields,
    shortRows: { belowFirst, belowWidest },
    firstRowLooksLikeData: looksLikeData(first),
    problems: args.problems,
    notices: [],
  };
  return { ...preview, guess: guessLayout(preview, preview.firstRowLooksLikeData) };
}

/** The table as the dialog shows it for one answer to "is the first row data?". */
export interface PreviewLayout {
  /** Column names: the header's cells, or "Column 1…N". */
  header: string[];
  /** Up to PREVIEW_ROWS data rows and the lines they start on. */
  rows: string[][];
  lines: number[];
  /** Data rows in the file. */
  rowCount: number;
  /** Rows (of the sample) to read values from, the first record among them when it is data. */
  sample: string[][];
  /** Data rows with fewer fields than the header (padded when no required column is missing). */
  shortRows: number;
}

export function previewLayout(preview: Omit<CsvPreview, 'guess'>, firstRowIsData: boolean): PreviewLayout {
  if (firstRowIsData) {
    return {
      header: numberedColumns(preview.maxFields),
      rows: preview.head.slice(0, PREVIEW_ROWS),
      lines: preview.headLines.slice(0, PREVIEW_ROWS),
      rowCount: preview.recordCount,
      sample: preview.head.length ? [preview.head[0]!, ...preview.sample] : preview.sample,
      shortRows: preview.shortRows.belowWidest,
    };
  }
  return {
    header: (preview.head[0] ?? []).map((h) => h.trim()),
    rows: preview.head.slice(1),
    lines: preview.headLines.slice(1),
    rowCount: Math.max(0, preview.recordCount - 1),
    sample: preview.sample,
    shortRows: preview.shortRows.belowFirst,
  };
}

/** The first guess of the mapping for one layout. */
export function guessLayout(preview: Omit<CsvPreview, 'guess'>, firstRowIsData: boolean): CsvMapping {
  const layout = previewLayout(preview, firstRowIsData);
  return guessMapping(layout.header, layout.sample, firstRowIsData);
}
