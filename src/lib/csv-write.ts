import type { CsvDelimiter } from './csv-read';
import { guardFormula } from './csv-formula';

/**
 * RFC 4180 CSV writing: one string, CRLF line ends, fields quoted only when they need it.
 * `parseCsv(toCsv(rows)).rows` gives `rows` back for any rows that each have at least one field.
 */

/** A cell: text, or a number written as a plain number (never guarded, so it stays a number in a spreadsheet). */
export type CsvCell = string | number;

export interface ToCsvOptions {
  /** Field separator; `,` unless given. */
  delimiter?: CsvDelimiter;
  /** Line end; CRLF (RFC 4180) unless given. */
  newline?: '\r\n' | '\n';
  /**
   * Prefixes `'` to text cells that a spreadsheet would run as a formula (see csv-formula.ts);
   * `parseCsv(text, { unguardFormulas: true })` takes it off again. Number cells are never changed.
   */
  guardFormulas?: boolean;
}

// Quoting every field that holds any candidate delimiter keeps the header's delimiter unambiguous when read back.
const NEEDS_QUOTES = /[",;\t\r\n\uFEFF]/;

function writeField(value: CsvCell, guard: boolean): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const v = guard ? guardFormula(value) : value;
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * Writes rows as CSV text. Every row should have at least one field; a row holding one empty
 * field is written as `""` so it is not mistaken for a blank line.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<CsvCell>>, opts: ToCsvOptions = {}): string {
  const delimiter = opts.delimiter ?? ',';
  const newline = opts.newline ?? '\r\n';
  const guard = opts.guardFormulas ?? false;
  return rows
    .map((row) =>
      row.length === 1 && row[0] === '' ? '""' : row.map((f) => writeField(f, guard)).join(delimiter),
    )
    .join(newline)
    .concat(rows.length ? newline : '');
}
