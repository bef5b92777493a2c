/**
 * Spreadsheet formula injection (CWE-1236): a CSV cell that starts with `=`, `+`, `-`, `@`, a tab or
 * a carriage return may run as a formula when the file is opened in Excel or LibreOffice. OWASP's
 * defence is a leading apostrophe, which makes the cell text. Plain numbers (`-2`, `+1.5`, `1e3`) are
 * left alone: they cannot run and should stay number cells.
 *
 * `unguardFormula(guardFormula(v)) === v` for every string: text that already starts with
 * apostrophes before a formula character gets one more, so reading back takes exactly one off.
 */

const GUARDED = /^'*[=+\-@\t\r]/;
const READ_BACK = /^'+[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** True when a spreadsheet could read the text as a formula, so it needs the apostrophe. */
export function isFormulaLike(text: string): boolean {
  return GUARDED.test(text) && !PLAIN_NUMBER.test(text);
}

/** The text as a spreadsheet-safe cell: `=SUM(A1)` → `'=SUM(A1)`; anything else unchanged. */
export function guardFormula(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/** Undoes `guardFormula`: `'=SUM(A1)` → `=SUM(A1)`; an apostrophe before other text stays. */
export function unguardFormula(cell: string): string {
  return READ_BACK.test(cell) ? cell.slice(1) : cell;
}
