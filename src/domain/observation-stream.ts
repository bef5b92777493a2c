// Splits a dataset's JSON text, as it arrives in pieces, into the shell (everything before the
// `observations` array) and batches of observations, so they can be parsed and checked while the rest
// is still downloading. It only guesses where to cut (after a `}` followed by a comma); JSON.parse
// judges every piece. A cut anywhere but between two elements leaves a piece that cannot parse (JSON
// is read left to right, so a piece ending inside a string or an object is unfinished), and pieces that
// all parse, put back together, parse to what the whole text would. A file this does not recognise
// (observations not the last key, an escaped key, broken JSON) ends in `failed`, and the caller parses
// the whole text as before.

const QUOTE = 34;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

export interface ObservationSink {
  /** The text before the observations array's `[`, e.g. `{"id": "x", …, "observations": `. */
  shell(prefix: string): void;
  /** Observations as JSON array elements, without the brackets (`{…},{…}`); may be only whitespace. */
  rows(elements: string): void;
}

/** The key that marks the array, quotes included, as it must appear in the text. */
const KEY = '"observations"';

export class ObservationSplitter {
  /** 'shell' before the array, 'rows' inside it, 'failed' when the text is not the expected shape. */
  state: 'shell' | 'rows' | 'failed' = 'shell';
  private readonly sink: ObservationSink;
  private readonly batchChars: number;
  // Shell: nesting (1 inside the top object), string state across chunks, the text so far.
  private depth = 0;
  private inString = false;
  /** The chunk ended on a backslash inside a string: the next chunk's first character is escaped. */
  private skipNext = false;
  private pieces: string[] = [];
  // The last string at depth 1 (kept only while it can still be KEY), and whether a colon follows it.
  private key: string | null = null;
  private afterKey = false;
  private afterColon = false;
  /** Rows: text after the last cut, in the pieces it came in (joined once per batch), and its length. */
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(sink: ObservationSink, batchChars = 1 << 19) {
    this.sink = sink;
    this.batchChars = batchChars;
  }

  push(chunk: string): void {
    if (this.state === 'failed' || chunk === '') return;
    if (this.state === 'shell') {
      const rest = this.scanShell(chunk);
      if (rest === null) return;
      chunk = rest;
    }
    this.pendingLength += chunk.length;
    // Cut at a comma of the newest piece (its `}` may end the piece before).
    const cut =
      this.pendingLength < this.batchChars ? -1 : lastCut(chunk, this.pending[this.pending.length - 1] ?? '');
    if (cut < 0) {
      this.pending.push(chunk);
      return;
    }
    this.pending.push(chunk.slice(0, cut));
    this.sink.rows(this.pending.join(''));
    const rest = chunk.slice(cut + 1);
    this.pending = [rest];
    this.pendingLength = rest.length;
  }

  /**
   * True when the text was the shell, the observations array, then only the closing `}`; the last
   * batch has gone to the sink.
   */
  end(): boolean {
    if (this.state !== 'rows') return this.fail();
    const last = this.pending.join('');
    this.pending = [];
    const m = /\][ \t\n\r]*\}[ \t\n\r]*$/.exec(last);
    if (!m) return this.fail();
    this.sink.rows(last.slice(0, m.index));
    return true;
  }

  private fail(): false {
    this.state = 'failed';
    return false;
  }

  /** Scans shell text; returns what follows the observations array's `[`, or null if not reached yet. */
  private scanShell(chunk: string): string | null {
    const n = chunk.length;
    let i = 0;
    let keyStart = 0;
    let nextBackslash = -2;
    while (i < n) {
      if (this.inString) {
        if (this.skipNext) {
          this.skipNext = false;
          i++;
          continue;
        }
        if (nextBackslash !== -1 && nextBackslash < i) nextBackslash = chunk.indexOf('\\', i);
        const q = chunk.indexOf('"', i);
        if (nextBackslash >= 0 && (q < 0 || nextBackslash < q)) {
          if (nextBackslash + 1 >= n) this.skipNext = true;
          i = nextBackslash + 2;
          continue;
        }
        if (q < 0) break;
        this.inString = false;
        i = q + 1;
        if (this.key !== null) {
          this.key += chunk.slice(keyStart, i);
          this.afterKey = this.key === KEY;
          this.key = null;
        }
        continue;
      }
      const c = chunk.charCodeAt(i++);
      if (isSpace(c)) continue;
      if (c === QUOTE) {
        this.inString = true;
        if (this.depth === 1) {
          this.key = '';
          keyStart = i - 1;
        }
        this.afterKey = false;
        this.afterColon = false;
        continue;
      }
      if (c === COLON && this.depth === 1 && this.afterKey) {
        this.afterColon = true;
        this.afterKey = false;
        continue;
      }
      if (c === OPEN_BRACKET && this.depth === 1 && this.afterColon) {
        this.pieces.push(chunk.slice(0, i - 1));
        this.sink.shell(this.pieces.join(''));
        this.pieces = [];
        this.state = 'rows';
        return chunk.slice(i);
      }
      this.afterKey = false;
      this.afterColon = false;
      if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) this.depth--;
    }
    this.pieces.push(chunk);
    if (this.key !== null) {
      this.key += chunk.slice(keyStart);
      // Longer than the key: it cannot be the key, so stop keeping it.
      if (this.key.length > KEY.length) this.key = '\u0000';
    }
    return null;
  }
}

/** The last comma in `s` right after a `}` (spaces allowed between, and the `}` may end `before`), or -1. */
function lastCut(s: string, before: string): number {
  for (let p = s.lastIndexOf(','); p >= 0; p = p > 0 ? s.lastIndexOf(',', p - 1) : -1) {
    let b = p - 1;
    while (b >= 0 && isSpace(s.charCodeAt(b))) b--;
    if (b >= 0) {
      if (s.charCodeAt(b) === CLOSE_BRACE) return p;
      continue;
    }
    b = before.length - 1;
    while (b >= 0 && isSpace(before.charCodeAt(b))) b--;
    if (b >= 0 && before.charCodeAt(b) === CLOSE_BRACE) return p;
  }
  return -1;
}
