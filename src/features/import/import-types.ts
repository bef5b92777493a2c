import type { Dataset } from '../../domain/schema';
import type { Problem } from '../../domain/validate';

/** How many problems the panel lists before saying "and N more". */
export const PROBLEMS_SHOWN = 50;

/**
 * What reading a file gives: the dataset to open (all of it, or only its valid records), every
 * problem found, and the records left out ready to download as CSV.
 */
export interface ImportResult {
  /** The dataset to open; when problems is not empty it holds only the valid records. Null when nothing can be opened. */
  dataset: Dataset | null;
  /** Every problem found, in file order; `path` names the row or observation and the field. */
  problems: Problem[];
  /** Records read (CSV data rows or JSON observations). */
  total: number;
  /** Records left out because of a problem. */
  skippedCount: number;
  /** The records left out, as a table (a `problem` column first) for "Download skipped rows (CSV)". */
  skipped: { header: string[]; rows: string[][] };
  /** Why nothing can be opened, in one sentence, when dataset is null. */
  fatal: string | null;
  /** Things worth knowing that are not problems (e.g. the file was read as Windows-1252). */
  notices: string[];
}

export function emptySkipped(): ImportResult['skipped'] {
  return { header: [], rows: [] };
}

export function fatalResult(fatal: string, problems: Problem[] = [], total = 0): ImportResult {
  return { dataset: null, problems, total, skippedCount: total, skipped: emptySkipped(), fatal, notices: [] };
}

/** "row 12: date: …" — the line a person reads in the problems list. */
export function problemText(p: Problem): string {
  return `${p.path}: ${p.message}`;
}

/** Short, single-line rendering of a user's value inside a message. */
export function quoteValue(value: string, max = 40): string {
  const flat = value.replace(/\s+/g, ' ');
  return `"${flat.length > max ? `${flat.slice(0, max)}…` : flat}"`;
}
