import type { Confidence, DatePrecision, Kind } from './schema';
import { growBytes } from '../lib/grow-bytes';

// Observations stored by column: typed arrays and UTF-8 text, built once (in the dataset worker for a
// fetched file) and handed to the page without copying (their buffers are transferred). One object per
// row would cost ~1 KB each and a long structured-clone on arrival; these cost what they hold.

/**
 * A text field of every row: a dictionary of distinct values, or each row's own value when most are
 * distinct (buildColumns). The streamed store keeps every field as a dictionary, even one as large as
 * the rows; isSmallDictionary tells the two kinds of dictionary apart.
 */
export interface TextColumn {
  /** UTF-8 bytes of the values, back to back. */
  bytes: Uint8Array;
  /** Start of value k in `bytes` is offsets[k], its end offsets[k + 1]. */
  offsets: Uint32Array;
  /** Per row, the index of its value, or ABSENT; null when values are stored per row (value k is row k's). */
  index: Uint32Array | null;
  /** Per row, 1 where the field is absent (only for per-row values); null when every row has it. */
  absent: Uint8Array | null;
  /** Every byte is below 128: decoding can skip TextDecoder. */
  ascii: boolean;
}

/** Index of a row without the (optional or nullable) field. */
export const ABSENT = 0xffffffff;

export interface ObservationColumns {
  count: number;
  /** Where each row stood in the file (rows are stored in time order). */
  fileIndex: Int32Array;
  /** Epoch day where the observation is drawn (its day, or the middle of its month or year); t = day × DAY_MS. */
  day: Int32Array;
  /** Index into the dataset's actors and themes. */
  actor: Uint32Array;
  theme: Uint32Array;
  /** kind | confidence << 1 | precision << 3, see the codes below. */
  flags: Uint8Array;
  score: Float64Array;
  /** NaN where the row has none. */
  originalScore: Float64Array;
  id: TextColumn;
  date: TextColumn;
  dateNote: TextColumn;
  speaker: TextColumn;
  summary: TextColumn;
  quote: TextColumn;
  rationale: TextColumn;
  sourceId: TextColumn;
  eventId: TextColumn;
}

/** Cells of one actor, in day order. `key` = group × 2 + (day-precise ? 1 : 0), group = (theme × 2 + kind) × 3 + confidence. */
export interface ActorCells {
  day: Int32Array;
  key: Uint32Array;
  n: Uint32Array;
  sum: Float64Array;
  sumSq: Float64Array;
  /** Distinct groups present, so a filter's effect on this actor can be told apart from its effect on others. */
  groups: Uint32Array;
}

export const KINDS: readonly Kind[] = ['statement', 'action'];
export const CONFIDENCES: readonly Confidence[] = ['high', 'medium', 'low'];
export const PRECISIONS: readonly DatePrecision[] = ['day', 'month', 'year'];

export const kindCode = (flags: number) => flags & 1;
export const confidenceCode = (flags: number) => (flags >> 1) & 3;
export const precisionCode = (flags: number) => (flags >> 3) & 3;
export const packFlags = (kind: number, confidence: number, precision: number) =>
  kind | (confidence << 1) | (precision << 3);

/** Every buffer behind the columns, for a postMessage transfer list (moved, not copied). */
export function columnBuffers(c: ObservationColumns): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const add = (a: ArrayBufferView | null) => {
    if (a && a.buffer instanceof ArrayBuffer) out.add(a.buffer);
  };
  [c.fileIndex, c.day, c.actor, c.theme, c.flags, c.score, c.originalScore].forEach(add);
  for (const t of [
    c.id,
    c.date,
    c.dateNote,
    c.speaker,
    c.summary,
    c.quote,
    c.rationale,
    c.sourceId,
    c.eventId,
  ]) {
    add(t.bytes);
    add(t.offsets);
    add(t.index);
    add(t.absent);
  }
  return [...out];
}

/** The buffers behind aggregate cells, for the same transfer list. */
export function cellBuffers(cells: readonly (ActorCells | null)[]): ArrayBuffer[] {
  return cells.flatMap((x) =>
    x ? [x.day, x.key, x.n, x.sum, x.sumSq, x.groups].map((a) => a.buffer as ArrayBuffer) : [],
  );
}

// ---- building -------------------------------------------------------------------------------------

/** Values kept as a dictionary while they repeat; per row once this many are distinct and most are new. */
const DICTIONARY_LIMIT = 4096;

class ByteBuffer {
  bytes: Uint8Array;
  length = 0;
  ascii = true;
  private encoder: TextEncoder | null = null;
  constructor(capacity: number) {
    this.bytes = new Uint8Array(Math.max(16, capacity));
  }
  private ensure(extra: number) {
    this.bytes = growBytes(this.bytes, this.length, extra);
  }
  push(s: string) {
    const n = s.length;
    this.ensure(n);
    const b = this.bytes;
    let p = this.length;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c > 127) return this.pushUtf8(s);
      b[p++] = c;
    }
    this.length = p;
  }
  private pushUtf8(s: string) {
    this.ascii = false;
    this.encoder ??= new TextEncoder();
    this.ensure(s.length * 3);
    const { written } = this.encoder.encodeInto(s, this.bytes.subarray(this.length));
    this.length += written;
  }
  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** Builds one TextColumn row by row (rows arrive in their final order). */
export class TextColumnBuilder {
  private readonly rows: number;
  private dict: Map<string, number> | null = new Map();
  private values: string[] = [];
  private index: Uint32Array;
  private raw: ByteBuffer | null = null;
  private rawOffsets: Uint32Array | null = null;
  private absent: Uint8Array | null = null;
  private filled = 0;

  constructor(rows: number) {
    this.rows = rows;
    this.index = new Uint32Array(rows);
  }

  add(value: string | null | undefined) {
    const row = this.filled++;
    if (this.dict) {
      if (value === null || value === undefined) {
        this.index[row] = ABSENT;
        return;
      }
      let k = this.dict.get(value);
      if (k === undefined) {
        k = this.values.length;
        this.values.push(value);
        this.dict.set(value, k);
        if (k >= DICTIONARY_LIMIT && k * 2 > row) this.toRaw(row);
      }
      if (this.dict) this.index[row] = k;
      else this.pushRaw(row, value);
      return;
    }
    this.pushRaw(row, value);
  }

  private toRaw(upTo: number) {
    const raw = new ByteBuffer(this.rows * 16);
    const offsets = new Uint32Array(this.rows + 1);
    this.raw = raw;
    this.rawOffsets = offsets;
    for (let r = 0; r < upTo; r++) {
      offsets[r] = raw.length;
      const k = this.index[r]!;
      if (k === ABSENT) this.markAbsent(r);
      else raw.push(this.values[k]!);
    }
    this.dict = null;
    this.values = [];
  }

  private markAbsent(row: number) {
    this.absent ??= new Uint8Array(this.rows);
    this.absent[row] = 1;
  }

  private pushRaw(row: number, value: string | null | undefined) {
    this.rawOffsets![row] = this.raw!.length;
    if (value === null || value === undefined) this.markAbsent(row);
    else this.raw!.push(value);
  }

  finish(): TextColumn {
    if (this.dict) {
      const buf = new ByteBuffer(this.values.reduce((n, v) => n + v.length, 0));
      const offsets = new Uint32Array(this.values.length + 1);
      this.values.forEach((v, k) => {
        offsets[k] = buf.length;
        buf.push(v);
      });
      offsets[this.values.length] = buf.length;
      return { bytes: buf.finish(), offsets, index: this.index, absent: null, ascii: buf.ascii };
    }
    this.rawOffsets![this.rows] = this.raw!.length;
    return {
      bytes: this.raw!.finish(),
      offsets: this.rawOffsets!,
      index: null,
      absent: this.absent,
      ascii: this.raw!.ascii,
    };
  }
}

// ---- reading --------------------------------------------------------------------------------------

let decoder: TextDecoder | null = null;

function decode(bytes: Uint8Array, start: number, end: number, ascii: boolean): string {
  if (end === start) return '';
  if (ascii && end - start < 4096)
    return String.fromCharCode.apply(null, bytes.subarray(start, end) as never);
  decoder ??= new TextDecoder();
  return decoder.decode(bytes.subarray(start, end));
}

/** Decoded dictionary values, kept per column (dictionaries are small; rows repeat them). */
const dictionaries = new WeakMap<TextColumn, (string | undefined)[]>();

/** The value index of a row (its dictionary entry, or the row itself), or ABSENT. */
export function valueIndex(col: TextColumn, row: number): number {
  if (col.index) return col.index[row]!;
  return col.absent && col.absent[row] === 1 ? ABSENT : row;
}

/**
 * A dictionary whose values repeat (at most one per two rows): worth decoding once per value. A column
 * of mostly distinct values, per row or a dictionary as large as the rows, is read row by row.
 */
export function isSmallDictionary(col: TextColumn): boolean {
  return col.index !== null && (col.offsets.length - 1) * 2 <= col.index.length;
}

/** Value k of the column (a dictionary entry, or row k's own value). */
export function valueAt(col: TextColumn, k: number): string {
  if (!isSmallDictionary(col)) return decode(col.bytes, col.offsets[k]!, col.offsets[k + 1]!, col.ascii);
  let cache = dictionaries.get(col);
  if (!cache) {
    cache = new Array<string | undefined>(col.offsets.length - 1);
    dictionaries.set(col, cache);
  }
  let v = cache[k];
  if (v === undefined) {
    v = decode(col.bytes, col.offsets[k]!, col.offsets[k + 1]!, col.ascii);
    cache[k] = v;
  }
  return v;
}

/** Row's text, or undefined where the field is absent. */
export function textAt(col: TextColumn, row: number): string | undefined {
  const k = valueIndex(col, row);
  return k === ABSENT ? undefined : valueAt(col, k);
}

/** Number of distinct values (dictionary) or rows (per row). */
export function valueCount(col: TextColumn): number {
  return col.offsets.length - 1;
}
