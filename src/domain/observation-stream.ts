// Reads a dataset's JSON bytes as they arrive: the shell (everything before the `observations` array)
// is decoded and handed to a check, then each observation is read straight from the bytes into a
// ColumnStore: keys matched as bytes, strings interned as bytes (escaped or non-ASCII ones decoded as
// JSON.parse would), numbers read from their digits. No object or string per row, and no second pass
// to validate. A row this reader does not take in (an unknown or repeated key, a value of another type,
// anything odd) is cut out, parsed by JSON.parse and checked by the fast validation's row check, so the
// rules stay the same. A file of another shape (observations not the last key, an escaped key), broken
// JSON or a broken rule ends in `null`, and the caller parses the whole text as before, for the
// whole-text path's messages.

import {
  ColumnStore,
  decodeBytes,
  encodeText,
  F,
  HASH_START,
  hashStep,
  KEYS,
  REQUIRED,
} from './column-store';
import type { ObservationInput } from './build-columns';
import type { ObservationColumns } from './columns';
import type { Dataset } from './schema';

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/** The shell's check: its metadata and a check for one parsed observation (fast-validate's shellChecker). */
export interface ShellCheck {
  meta: Pick<Dataset, 'actors' | 'themes' | 'sources' | 'events'>;
  checkRow: (o: unknown) => boolean;
}

const KEY_BYTES = KEYS.map((k) => Uint8Array.from(k, (c) => c.charCodeAt(0)));
/** Key numbers by key length. */
const BY_LENGTH: number[][] = [];
KEYS.forEach((k, i) => (BY_LENGTH[k.length] ??= []).push(i));

/** The key that marks the array, as bytes between its quotes. */
const ARRAY_KEY = Uint8Array.from('observations', (c) => c.charCodeAt(0));

/** Results of reading at a position besides a new position. */
const NEED_MORE = -1;
/** Not read here: the row goes to JSON.parse. */
const ASIDE = -2;
/** The file is not one this reader takes: the whole text decides. */
const FAIL = -3;

const NULL_BYTES = [110, 117, 108, 108];
/** Rows read before the store is sized from the body's length. */
const SIZING_ROWS = 512;

type Phase = 'shell' | 'first' | 'value' | 'next' | 'close' | 'after' | 'failed';

export interface StreamedColumns {
  columns: ObservationColumns;
  lastDay: string | null;
}

export class ObservationReader {
  private phase: Phase = 'shell';
  /** Bytes not read yet are buf[pos, len); buf is the last chunk itself, or `spare` holding a rest and a chunk. */
  private buf: Uint8Array = new Uint8Array(0);
  private spare: Uint8Array = new Uint8Array(0);
  private len = 0;
  private pos = 0;
  private readonly onShell: (prefix: string) => ShellCheck | null;
  private check: ShellCheck | null = null;
  private store: ColumnStore | null = null;
  /** The row being read: a value number per key (-1: absent), the scores, and each position's last key. */
  private readonly draft = new Int32Array(KEYS.length);
  private score = NaN;
  private originalScore = NaN;
  private readonly lastKeys = new Int32Array(KEYS.length + 1).fill(-1);
  // Shell scanning state: nesting, string state, and whether the array's key and its colon came last.
  private depth = 0;
  private inString = false;
  /** How far the shell has been scanned, and where the last depth-1 string began (-1: none). */
  private scanned = 0;
  private keyStart = -1;
  private afterKey = false;
  private afterColon = false;
  /** The last number read. */
  private number = 0;

  /** The body's length when known (Content-Length): after the first rows, the store is sized from it. */
  private readonly expectedBytes: number;
  /** Where buf[0] and the first row stand in the body. */
  private base = 0;
  private rowsStart = 0;
  private sized = false;

  constructor(onShell: (prefix: string) => ShellCheck | null, expectedBytes = 0) {
    this.onShell = onShell;
    this.expectedBytes = expectedBytes;
  }

  get failed(): boolean {
    return this.phase === 'failed';
  }

  push(chunk: Uint8Array): void {
    if (this.phase === 'failed' || chunk.length === 0) return;
    // The shell is kept from its start (it is decoded whole); rows keep only what is not read yet.
    const keep = this.phase === 'shell' ? 0 : this.pos;
    const rest = this.len - keep;
    if (rest <= 0) this.buf = chunk;
    else {
      // One buffer reused for the unread rest plus the new chunk: no allocation per chunk.
      if (this.spare.length < rest + chunk.length) {
        const bigger = new Uint8Array(Math.max(rest + chunk.length, this.spare.length * 2));
        bigger.set(this.buf.subarray(keep, this.len));
        this.spare = bigger;
      } else if (this.buf === this.spare) this.spare.copyWithin(0, keep, this.len);
      else this.spare.set(this.buf.subarray(keep, this.len));
      this.spare.set(chunk, rest);
      this.buf = this.spare;
    }
    this.len = rest > 0 ? rest + chunk.length : chunk.length;
    this.base += keep;
    this.pos = 0;
    if (this.phase === 'shell' && !this.scanShell()) return;
    this.readRows();
  }

  /** The columns when the whole body was the shell, a non-empty observations array and `}`; else null. */
  end(): StreamedColumns | null {
    if (this.phase !== 'after' || !this.store || this.store.count === 0) return null;
    return { columns: this.store.finish(), lastDay: this.store.lastDay };
  }

  private fail() {
    this.phase = 'failed';
    this.buf = new Uint8Array(0);
    this.spare = this.buf;
    this.store = null;
  }

  /** Scans the shell on from `scanned`; true once the observations array has opened (pos then after its `[`). */
  private scanShell(): boolean {
    const b = this.buf;
    const n = this.len;
    let i = this.scanned;
    while (i < n) {
      const c = b[i]!;
      if (this.inString) {
        if (c === BACKSLASH) {
          // An escaped key is left to the whole text; skip the escaped byte (it may be in the next chunk).
          if (i + 1 >= n) break;
          this.keyStart = -1;
          i += 2;
          continue;
        }
        i++;
        if (c !== QUOTE) continue;
        this.inString = false;
        if (this.keyStart >= 0) {
          this.afterKey = sameBytes(b, this.keyStart + 1, i - 1, ARRAY_KEY);
          this.keyStart = -1;
        }
        continue;
      }
      i++;
      if (isSpace(c)) continue;
      if (c === QUOTE) {
        this.inString = true;
        this.keyStart = this.depth === 1 ? i - 1 : -1;
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
        const check = this.onShell(decodeBytes(b, 0, i - 1));
        if (!check) {
          this.fail();
          return false;
        }
        this.check = check;
        this.store = new ColumnStore(check.meta);
        this.phase = 'first';
        this.pos = i;
        this.rowsStart = this.base + i;
        return true;
      }
      this.afterKey = false;
      this.afterColon = false;
      if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) this.depth--;
    }
    this.scanned = i;
    return false;
  }

  private readRows() {
    const b = this.buf;
    const n = this.len;
    let p = this.pos;
    while (p < n) {
      const c = b[p]!;
      if (isSpace(c)) {
        p++;
        continue;
      }
      const phase = this.phase;
      if (phase === 'first' || phase === 'value') {
        if (phase === 'first' && c === CLOSE_BRACKET) {
          this.phase = 'close';
          p++;
          continue;
        }
        let q = this.row(p);
        if (q === ASIDE) q = this.rowAside(p);
        if (q === NEED_MORE) break;
        if (q === FAIL) return this.fail();
        p = q;
        this.phase = 'next';
        if (!this.sized && this.store!.count >= SIZING_ROWS) this.size(p);
      } else if (phase === 'next') {
        if (c === COMMA) this.phase = 'value';
        else if (c === CLOSE_BRACKET) this.phase = 'close';
        else return this.fail();
        p++;
      } else if (phase === 'close') {
        if (c !== CLOSE_BRACE) return this.fail();
        this.phase = 'after';
        p++;
      } else return this.fail();
    }
    this.pos = p;
  }

  /** Sizes the store for the rows the rest of the body should hold, at the rate of those read so far. */
  private size(p: number) {
    this.sized = true;
    const read = this.base + p - this.rowsStart;
    const left = this.expectedBytes - this.rowsStart;
    if (read > 0 && left > read)
      this.store!.reserve(Math.ceil((left / read) * this.store!.count * 1.02) + 16);
  }

  /** Reads one observation object at p into the store: the position after it, NEED_MORE or ASIDE. */
  private row(start: number): number {
    const b = this.buf;
    const n = this.len;
    const values = this.store!.values;
    const d = this.draft;
    const lastKeys = this.lastKeys;
    if (b[start] !== OPEN_BRACE) return ASIDE;
    d[F.dateNote] = -1;
    d[F.eventId] = -1;
    this.originalScore = NaN;
    let seen = 0;
    let p = start + 1;
    for (let j = 0; ; j++) {
      while (p < n && isSpace(b[p]!)) p++;
      if (p >= n) return NEED_MORE;
      if (b[p] !== QUOTE) return ASIDE;
      const ks = p + 1;
      // Rows usually list their keys in one order: try the key the last row had here first.
      let key = j < KEYS.length ? lastKeys[j]! : -1;
      let ke = key < 0 ? -1 : ks + KEY_BYTES[key]!.length;
      if (key < 0 || ke >= n || b[ke] !== QUOTE || !sameBytes(b, ks, ke, KEY_BYTES[key]!)) {
        ke = ks;
        while (ke < n && b[ke] !== QUOTE && b[ke] !== BACKSLASH) ke++;
        if (ke >= n) return NEED_MORE;
        if (b[ke] === BACKSLASH) return ASIDE;
        key = keyAt(b, ks, ke);
        if (key < 0) return ASIDE;
        if (j < KEYS.length) lastKeys[j] = key;
      }
      if (seen & (1 << key)) return ASIDE;
      seen |= 1 << key;
      p = ke + 1;
      while (p < n && isSpace(b[p]!)) p++;
      if (p >= n) return NEED_MORE;
      if (b[p] !== COLON) return ASIDE;
      p++;
      while (p < n && isSpace(b[p]!)) p++;
      if (p >= n) return NEED_MORE;
      const c0 = b[p]!;
      if (key === F.score || key === F.originalScore) {
        p = this.readNumber(p);
        if (p < 0) return p;
        if (key === F.score) this.score = this.number;
        else this.originalScore = this.number;
      } else if (c0 === QUOTE) {
        // The string: its end and hash, whether it needs decoding (an escape, a byte ≥ 128), no raw control.
        let e = p + 1;
        let plain = true;
        let h = HASH_START;
        for (; e < n; e++) {
          const c = b[e]!;
          if (c === QUOTE) break;
          if (c === BACKSLASH) {
            plain = false;
            e++;
          } else if (c < 32) return ASIDE;
          else if (c > 127) plain = false;
          h = hashStep(h, c);
        }
        if (e >= n) return NEED_MORE;
        const into = values[key]!;
        if (plain) d[key] = into.intern(b, p + 1, e, h);
        else {
          let s: string;
          try {
            s = JSON.parse(decodeBytes(b, p, e + 1)) as string;
          } catch {
            return ASIDE;
          }
          const bytes = encodeText(s);
          d[key] = into.intern(bytes, 0, bytes.length);
        }
        p = e + 1;
      } else if (key === F.sourceId && c0 === NULL_BYTES[0]) {
        if (p + 4 > n) return NEED_MORE;
        if (b[p + 1] !== NULL_BYTES[1] || b[p + 2] !== NULL_BYTES[2] || b[p + 3] !== NULL_BYTES[3])
          return ASIDE;
        d[key] = -1;
        p += 4;
      } else return ASIDE;
      while (p < n && isSpace(b[p]!)) p++;
      if (p >= n) return NEED_MORE;
      const c = b[p++]!;
      if (c === COMMA) continue;
      if (c !== CLOSE_BRACE) return ASIDE;
      break;
    }
    if ((seen & REQUIRED) !== REQUIRED) return ASIDE;
    return this.store!.commit(d, this.score, this.originalScore) ? p : ASIDE;
  }

  /** A JSON number at p into `this.number`: the position after it, NEED_MORE or ASIDE. */
  private readNumber(start: number): number {
    const b = this.buf;
    const n = this.len;
    let p = start;
    const negative = b[p] === MINUS;
    if (negative) p++;
    if (p >= n) return NEED_MORE;
    let c = b[p]!;
    if (c < ZERO || c > NINE) return ASIDE;
    let value = 0;
    let digits = 0;
    if (c === ZERO) p++;
    else for (; p < n && (c = b[p]!) >= ZERO && c <= NINE; p++, digits++) value = value * 10 + (c - ZERO);
    if (p >= n) return NEED_MORE;
    c = b[p]!;
    let exact = digits <= 15;
    if (c === DOT) {
      exact = false;
      p++;
      const from = p;
      while (p < n && (c = b[p]!) >= ZERO && c <= NINE) p++;
      if (p >= n) return NEED_MORE;
      if (p === from) return ASIDE;
      c = b[p]!;
    }
    if (c === 101 || c === 69) {
      exact = false;
      p++;
      if (p >= n) return NEED_MORE;
      c = b[p]!;
      if (c === 43 || c === MINUS) p++;
      const from = p;
      while (p < n && (c = b[p]!) >= ZERO && c <= NINE) p++;
      if (p >= n) return NEED_MORE;
      if (p === from) return ASIDE;
    }
    // Up to 15 digits an integer is exact; anything else is read as JSON.parse reads it (Number agrees).
    this.number = exact ? (negative ? -value : value) : Number(decodeBytes(b, start, p));
    return p;
  }

  /** A row the byte reader left: cut out, JSON.parse, the fast validation's row check, then the store. */
  private rowAside(start: number): number {
    const end = valueEnd(this.buf, start, this.len);
    if (end === NEED_MORE) return NEED_MORE;
    let o: unknown;
    try {
      o = JSON.parse(decodeBytes(this.buf, start, end));
    } catch {
      return FAIL;
    }
    if (!this.check!.checkRow(o)) return FAIL;
    return this.store!.addObject(o as ObservationInput, this.draft) ? end : FAIL;
  }
}

/** Where the JSON value at p ends (after its closing bracket, or at a `,`/`]`/`}` at its level), or NEED_MORE. */
function valueEnd(b: Uint8Array, p: number, n: number): number {
  let depth = 0;
  let inString = false;
  for (let q = p; q < n; q++) {
    const c = b[q]!;
    if (inString) {
      if (c === BACKSLASH) q++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (depth === 0) return q;
      if (--depth === 0) return q + 1;
    } else if (c === COMMA && depth === 0) return q;
  }
  return NEED_MORE;
}

function keyAt(b: Uint8Array, s: number, e: number): number {
  const candidates = BY_LENGTH[e - s];
  if (!candidates) return -1;
  for (const k of candidates) if (sameBytes(b, s, e, KEY_BYTES[k]!)) return k;
  return -1;
}

function sameBytes(b: Uint8Array, s: number, e: number, want: Uint8Array): boolean {
  if (e - s !== want.length) return false;
  for (let i = 0; i < want.length; i++) if (b[s + i] !== want[i]) return false;
  return true;
}
