import { unguardFormula } from './csv-formula';

/**
 * RFC 4180 CSV reading (the writer is csv-write.ts).
 *
 * `parseCsv(text)` or, for big files read in chunks, `new CsvStreamReader()` with
 * `push(chunk)` / `finish()`. A leading BOM is dropped; the delimiter (`,` `;` or tab) is detected
 * from the header line; quoted fields may hold delimiters, doubled quotes and line breaks; CRLF, LF
 * and lone CR all end a record; blank lines are skipped. With `unguardFormulas`, the apostrophe that
 * `toCsv(rows, { guardFormulas: true })` put before formula-like text is taken off again.
 */

export type CsvDelimiter = ',' | ';' | '\t';

export const CSV_DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/** Something wrong with the file's structure, located by the line it starts on (1-based). */
export interface CsvProblem {
  line: number;
  message: string;
}

export interface CsvReadOptions {
  /** The field separator; detected from the first record unless given. */
  delimiter?: CsvDelimiter;
  /** Takes off the apostrophe a spreadsheet-safe export put before `=`, `+`, `-`, `@`, tab or CR (see csv-formula.ts). */
  unguardFormulas?: boolean;
}

export interface CsvTable {
  delimiter: CsvDelimiter;
  /** Every record in file order, the header first. */
  rows: string[][];
  /** The 1-based line on which each record starts (the spreadsheet row unless fields hold line breaks). */
  lines: number[];
  problems: CsvProblem[];
}

const QUOTE = 34; // "
const CR = 13;
const LF = 10;
const APOSTROPHE = 39;

/**
 * Picks the delimiter that occurs most often outside quotes in the first record; `,` wins ties
 * and is the answer for a one-column file.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) break;
    else if (!inQuotes && (c === ',' || c === ';' || c === '\t')) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  for (const d of CSV_DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** Index of the first unquoted line break, or -1 when the first record is not complete yet. */
function endOfFirstRecord(text: string): number {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && (c === LF || c === CR)) return i;
  }
  return -1;
}

/**
 * An incremental CSV reader: feed text chunks of any size (a chunk may end mid-field, mid-quote
 * or between CR and LF) and collect records as they complete.
 */
export class CsvStreamReader {
  private delimiterCode = -1;
  private fixedDelimiter: CsvDelimiter | undefined;
  private readonly unguard: boolean;
  private head = '';
  private bomChecked = false;
  private started = false;
  private field = '';
  private record: string[] = [];
  private inQuotes = false;
  /** A quote seen inside a quoted field: either the close or the first half of `""`. */
  private quotePending = false;
  /** The previous chunk ended in CR; a leading LF in the next chunk belongs to it. */
  private crPending = false;
  /** The current field began with a quote (so a record of one empty quoted field is not blank). */
  private fieldQuoted = false;
  private line = 1;
  private recordLine = 1;
  private out: string[][] = [];
  private outLines: number[] = [];
  readonly problems: CsvProblem[] = [];

  constructor(opts: CsvReadOptions = {}) {
    this.fixedDelimiter = opts.delimiter;
    this.unguard = opts.unguardFormulas ?? false;
  }

  get delimiter(): CsvDelimiter {
    return this.fixedDelimiter ?? ',';
  }

  /** Reads a chunk; returns the records completed by it, with the lines they start on. */
  push(chunk: string): { rows: string[][]; lines: number[] } {
    if (!this.started) {
      // The delimiter is decided from the whole first record, so hold text back until it is complete.
      if (!this.bomChecked && chunk.length > 0) {
        this.bomChecked = true;
        this.head += chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
      } else {
        this.head += chunk;
      }
      if (!this.fixedDelimiter && endOfFirstRecord(this.head) < 0) return { rows: [], lines: [] };
      this.begin();
      const text = this.head;
      this.head = '';
      this.consume(text);
    } else {
      this.consume(chunk);
    }
    return this.take();
  }

  /** Ends the input: completes the last record and reports a quote left open. */
  finish(): { rows: string[][]; lines: number[] } {
    if (!this.started) {
      this.begin();
      const text = this.head;
      this.head = '';
      this.consume(text);
    }
    if (this.inQuotes && !this.quotePending) {
      this.problems.push({
        line: this.recordLine,
        message: 'a quoted field is never closed (the file may be truncated, or a quote is missing)',
      });
    }
    this.inQuotes = false;
    this.quotePending = false;
    if (this.field !== '' || this.record.length > 0 || this.fieldQuoted) this.endRecord();
    return this.take();
  }

  private begin(): void {
    this.started = true;
    const d = this.fixedDelimiter ?? detectDelimiter(this.head);
    this.fixedDelimiter = d;
    this.delimiterCode = d.charCodeAt(0);
  }

  private take(): { rows: string[][]; lines: number[] } {
    const rows = this.out;
    const lines = this.outLines;
    this.out = [];
    this.outLines = [];
    return { rows, lines };
  }

  private endField(): void {
    // Only fields that start with an apostrophe can carry a guard; the check keeps big files fast.
    this.record.push(
      this.unguard && this.field.charCodeAt(0) === APOSTROPHE ? unguardFormula(this.field) : this.field,
    );
    this.field = '';
    this.fieldQuoted = false;
  }

  private endRecord(): void {
    const blank = this.record.length === 0 && this.field === '' && !this.fieldQuoted;
    if (!blank) {
      this.endField();
      this.out.push(this.record);
      this.outLines.push(this.recordLine);
    }
    this.record = [];
    this.field = '';
    this.fieldQuoted = false;
  }

  private consume(text: string): void {
    const delim = this.delimiterCode;
    const n = text.length;
    let i = 0;
    if (this.crPending) {
      this.crPending = false;
      if (text.charCodeAt(0) === LF) i = 1;
    }
    while (i < n) {
      if (this.quotePending) {
        this.quotePending = false;
        if (text.charCodeAt(i) === QUOTE) {
          this.field += '"';
          i++;
          continue;
        }
        this.inQuotes = false;
      }
      if (this.inQuotes) {
        // Copy the run up to the next quote in one slice; count line breaks inside for line numbers.
        const q = text.indexOf('"', i);
        const end = q < 0 ? n : q;
        const run = text.slice(i, end);
        this.field += run;
        this.line += countLineBreaks(run);
        if (q < 0) return;
        i = q + 1;
        if (i >= n) {
          this.quotePending = true;
          return;
        }
        if (text.charCodeAt(i) === QUOTE) {
          this.field += '"';
          i++;
        } else {
          this.inQuotes = false;
        }
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === QUOTE && this.field === '' && !this.fieldQuoted) {
        this.inQuotes = true;
        this.fieldQuoted = true;
        if (this.record.length === 0) this.recordLine = this.line;
        i++;
        continue;
      }
      if (c === delim) {
        if (this.record.length === 0 && this.field === '' && !this.fieldQuoted) this.recordLine = this.line;
        this.endField();
        i++;
        continue;
      }
      if (c === LF || c === CR) {
        this.endRecord();
        this.line++;
        this.recordLine = this.line;
        i++;
        if (c === CR) {
          if (i >= n) this.crPending = true;
          else if (text.charCodeAt(i) === LF) i++;
        }
        continue;
      }
      // A plain run: everything up to the next delimiter, line break or quote.
      if (this.record.length === 0 && this.field === '' && !this.fieldQuoted) this.recordLine = this.line;
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === delim || d === LF || d === CR || d === QUOTE) break;
        j++;
      }
      this.field += text.slice(i, j);
      // A stray quote inside an unquoted field is kept as text, as spreadsheets do.
      if (j < n && text.charCodeAt(j) === QUOTE) {
        this.field += '"';
        j++;
      }
      i = j;
    }
  }
}

function countLineBreaks(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === LF) count++;
    else if (c === CR && s.charCodeAt(i + 1) !== LF) count++;
  }
  return count;
}

/** Reads a whole CSV text. Never throws; structural trouble is listed in `problems`. */
export function parseCsv(text: string, opts: CsvReadOptions = {}): CsvTable {
  const reader = new CsvStreamReader(opts);
  const a = reader.push(text);
  const b = reader.finish();
  return {
    delimiter: reader.delimiter,
    rows: [...a.rows, ...b.rows],
    lines: [...a.lines, ...b.lines],
    problems: reader.problems,
  };
}
