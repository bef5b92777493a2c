import { SCORE_MAX, SCORE_MIN, type Dataset } from './schema';
import {
  CONFIDENCES,
  KINDS,
  PRECISIONS,
  packFlags,
  type ObservationColumns,
  type TextColumn,
} from './columns';
import { dayOfDate, timeOrder, type ObservationInput } from './build-columns';
import { isDateOf } from './fast-validate';
import { growBytes } from '../lib/grow-bytes';

// Observations gathered in the file's order as UTF-8 bytes and numbers, with no object or string per
// row: every text value is interned (bytes → a number, per field), checked once per distinct value,
// and the columns are written once at the end in time order, with the same values per row as
// buildColumns writes from objects. Each text column is its interner's table as it stands (values in
// order of first appearance in the file) with every row's value number: no byte is copied row by row
// after the last chunk arrives, when the page is waiting. The stream reader
// (observation-stream.ts) fills it from the body's bytes; a row it does not read itself arrives as a
// parsed object (addObject) and lands in the same store.

/** A per-field table of distinct byte strings; each value's number is its order of first appearance. */
class Interner {
  pool: Uint8Array = new Uint8Array(1 << 12);
  used = 0;
  starts = new Uint32Array(64);
  /** Per value: what `classify` said (< 0: the value breaks the field's rule). */
  codes = new Int32Array(64);
  nonAscii: Uint8Array = new Uint8Array(64);
  count = 0;
  private hashes = new Int32Array(64);
  private table = new Int32Array(256);
  private readonly classify: (bytes: Uint8Array, start: number, end: number) => number;

  constructor(classify: (bytes: Uint8Array, start: number, end: number) => number) {
    this.classify = classify;
  }

  /** The number of bytes[start, end), adding it when new; `h` is hashBytes of them. */
  intern(bytes: Uint8Array, start: number, end: number, h = hashBytes(bytes, start, end)): number {
    const mask = this.table.length - 1;
    const len = end - start;
    const pool = this.pool;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot]!;
      if (entry === 0) break;
      const k = entry - 1;
      if (this.hashes[k] !== h) continue;
      const s = this.starts[k]!;
      if (this.starts[k + 1]! - s !== len) continue;
      let i = 0;
      while (i < len && pool[s + i] === bytes[start + i]) i++;
      if (i === len) return k;
    }
    const k = this.count++;
    if (k + 2 > this.starts.length) {
      this.starts = grow32(this.starts, k + 2);
      this.codes = grow32(this.codes, k + 2);
      this.hashes = grow32(this.hashes, k + 2);
      this.nonAscii = growBytes(this.nonAscii, k, 2);
    }
    const at = this.used;
    this.pool = growBytes(this.pool, at, len);
    const p = this.pool;
    let high = 0;
    for (let i = 0; i < len; i++) {
      const b = bytes[start + i]!;
      high |= b;
      p[at + i] = b;
    }
    this.starts[k] = at;
    this.used = at + len;
    this.starts[k + 1] = at + len;
    this.hashes[k] = h;
    this.nonAscii[k] = high > 127 ? 1 : 0;
    if (this.count * 2 > this.table.length) this.rehash();
    else this.place(k, h);
    this.codes[k] = this.classify(p, at, at + len);
    return k;
  }

  /** Room for `values` values of `bytes` bytes in all, so a table that will be large is not regrown step by step. */
  reserve(values: number, bytes: number) {
    if (values + 2 > this.starts.length) {
      this.starts = grow32(this.starts, values + 2);
      this.codes = grow32(this.codes, values + 2);
      this.hashes = grow32(this.hashes, values + 2);
      this.nonAscii = growBytes(this.nonAscii, this.count, values + 2 - this.count);
    }
    this.pool = growBytes(this.pool, this.used, Math.max(0, bytes - this.used));
    if (values * 2 > this.table.length) {
      let size = this.table.length;
      while (size < values * 2) size *= 2;
      this.table = new Int32Array(size / 2);
      this.rehash();
    }
  }

  /** Value a's bytes against value b's: negative, zero or positive, as strings of ASCII compare. */
  compare(a: number, b: number): number {
    const p = this.pool;
    let i = this.starts[a]!;
    const ie = this.starts[a + 1]!;
    let j = this.starts[b]!;
    const je = this.starts[b + 1]!;
    for (; i < ie && j < je; i++, j++) if (p[i] !== p[j]) return p[i]! - p[j]!;
    return ie - i - (je - j);
  }

  text(k: number): string {
    return decodeBytes(this.pool, this.starts[k]!, this.starts[k + 1]!);
  }

  private place(k: number, h: number) {
    const mask = this.table.length - 1;
    let slot = h & mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & mask;
    this.table[slot] = k + 1;
  }

  private rehash() {
    this.table = new Int32Array(this.table.length * 2);
    for (let k = 0; k < this.count; k++) this.place(k, this.hashes[k]!);
  }
}

/** FNV-1a over bytes; the stream reader computes the same while it scans a string (HASH_START, hashStep). */
export const HASH_START = 0x811c9dc5 | 0;
export const hashStep = (h: number, byte: number) => Math.imul(h ^ byte, 0x01000193);
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = HASH_START;
  for (let i = start; i < end; i++) h = hashStep(h, bytes[i]!);
  return h;
}

function grow32<T extends Int32Array | Uint32Array>(a: T, size: number): T {
  let n = a.length * 2;
  while (n < size) n *= 2;
  const next = new (a.constructor as new (n: number) => T)(n);
  next.set(a);
  return next;
}

let decoder: TextDecoder | null = null;
let encoder: TextEncoder | null = null;

/** UTF-8 bytes to a string, as TextDecoder does (bad sequences become U+FFFD). */
export function decodeBytes(bytes: Uint8Array, start: number, end: number): string {
  // Short ASCII (dates, ids, enum values) by hand: a TextDecoder call costs microseconds however few
  // the bytes, and the store decodes each distinct date (a 100k file's 1,500 calls were ~15 ms).
  if (end - start <= 64) {
    let s = '';
    for (let i = start; i < end; i++) {
      const c = bytes[i]!;
      if (c > 127) return utf8(bytes, start, end);
      s += String.fromCharCode(c);
    }
    return s;
  }
  return utf8(bytes, start, end);
}

function utf8(bytes: Uint8Array, start: number, end: number): string {
  decoder ??= new TextDecoder();
  return decoder.decode(bytes.subarray(start, end));
}

/** A string's UTF-8 bytes, as the columns store it. */
export function encodeText(s: string): Uint8Array {
  encoder ??= new TextEncoder();
  return encoder.encode(s);
}

const ID_MAX = 120;

/** The schema's id rule (/^[a-z0-9][a-z0-9._-]*$/, 1–120 characters) on bytes: 1 or -1. */
function idCode(b: Uint8Array, start: number, end: number): number {
  const len = end - start;
  if (len < 1 || len > ID_MAX) return -1;
  for (let i = start; i < end; i++) {
    const c = b[i]!;
    const alnum = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (!alnum && (i === start || (c !== 46 && c !== 95 && c !== 45))) return -1;
  }
  return 1;
}

/** Text of at most `max` UTF-16 units (the schema counts string length): 1 or -1. */
const textCode = (max: number) => (b: Uint8Array, start: number, end: number) =>
  // A UTF-8 string never has fewer bytes than UTF-16 units: decode only when the bytes exceed the limit.
  end - start <= max || decodeBytes(b, start, end).length <= max ? 1 : -1;

/** The position of the value in `list`, or -1. */
const listCode = (list: readonly string[]) => {
  const at = new Map(list.map((v, i) => [v, i]));
  return (b: Uint8Array, start: number, end: number) => at.get(decodeBytes(b, start, end)) ?? -1;
};

/** An observation's keys, numbered: the reader matches them as bytes, the store keeps values by number. */
export const KEYS = [
  'id',
  'date',
  'datePrecision',
  'dateNote',
  'actor',
  'speaker',
  'theme',
  'kind',
  'score',
  'originalScore',
  'confidence',
  'summary',
  'quote',
  'sourceId',
  'eventId',
  'rationale',
] as const;
export const F = {
  id: 0,
  date: 1,
  precision: 2,
  dateNote: 3,
  actor: 4,
  speaker: 5,
  theme: 6,
  kind: 7,
  score: 8,
  originalScore: 9,
  confidence: 10,
  summary: 11,
  quote: 12,
  sourceId: 13,
  eventId: 14,
  rationale: 15,
} as const;
/** Keys every observation has (the others are optional). */
export const REQUIRED = 0xffff & ~((1 << F.dateNote) | (1 << F.originalScore) | (1 << F.eventId));
/** Text with a length limit, and optional references: checked when present. */
const LIMITED = [F.speaker, F.summary, F.quote, F.rationale] as const;
const OPTIONAL = [F.dateNote, F.eventId, F.sourceId] as const;

export class ColumnStore {
  /** Per key number, the table of its values (null for the numbers). */
  readonly values: (Interner | null)[];
  count = 0;
  private capacity = 1024;
  /** Per row, its draft: a value number per key (-1: absent), KEYS.length numbers a row. */
  private drafts = new Int32Array(1024 * KEYS.length);
  private day = new Int32Array(1024);
  private actorOf = new Uint32Array(1024);
  private themeOf = new Uint32Array(1024);
  private flags = new Uint8Array(1024);
  private score = new Float64Array(1024);
  private originalScore = new Float64Array(1024);
  /** Ids already given to a row: a second row with one breaks the file. */
  private idTaken: Uint8Array = new Uint8Array(1024);
  /** Per date value × 3 + precision: the drawn day, NaN when the date breaks the rule, 0 with dayKnown 0 when not yet worked out. */
  private days = new Float64Array(192);
  private dayKnown: Uint8Array = new Uint8Array(192);
  private dateCounted: Uint8Array = new Uint8Array(64);
  lastDay: string | null = null;
  /** Whether each row's id is greater than the row's before it (files are often in id order). */
  private idsAscending = true;
  private lastId = -1;

  constructor(meta: Pick<Dataset, 'actors' | 'themes' | 'sources' | 'events'>) {
    const v: (Interner | null)[] = new Array<Interner | null>(KEYS.length).fill(null);
    v[F.id] = new Interner(idCode);
    v[F.date] = new Interner(() => 1);
    v[F.precision] = new Interner(listCode(PRECISIONS));
    v[F.dateNote] = new Interner(textCode(1000));
    v[F.actor] = new Interner(listCode(meta.actors.map((a) => a.id)));
    v[F.speaker] = new Interner(textCode(200));
    v[F.theme] = new Interner(listCode(meta.themes.map((t) => t.id)));
    v[F.kind] = new Interner(listCode(KINDS));
    v[F.confidence] = new Interner(listCode(CONFIDENCES));
    v[F.summary] = new Interner(textCode(1000));
    v[F.quote] = new Interner(textCode(5000));
    v[F.sourceId] = new Interner(listCode(meta.sources.map((s) => s.id)));
    v[F.eventId] = new Interner(listCode(meta.events.map((e) => e.id)));
    v[F.rationale] = new Interner(textCode(2000));
    this.values = v;
  }

  private code(key: number, value: number): number {
    return this.values[key]!.codes[value]!;
  }

  /**
   * Adds the row (`draft`: a value number per key, -1 where absent) when it meets every rule the fast
   * validation checks (fast-validate.ts's rowChecker); false otherwise, and no row is added (its values
   * may stay interned, unused).
   */
  commit(draft: Int32Array, score: number, originalScore: number): boolean {
    const id = draft[F.id]!;
    if (id < 0 || this.code(F.id, id) < 0 || (id < this.idTaken.length && this.idTaken[id] === 1))
      return false;
    const date = draft[F.date]!;
    const actor = draft[F.actor]! < 0 ? -1 : this.code(F.actor, draft[F.actor]!);
    const theme = draft[F.theme]! < 0 ? -1 : this.code(F.theme, draft[F.theme]!);
    const precision = draft[F.precision]! < 0 ? -1 : this.code(F.precision, draft[F.precision]!);
    const kind = draft[F.kind]! < 0 ? -1 : this.code(F.kind, draft[F.kind]!);
    const confidence = draft[F.confidence]! < 0 ? -1 : this.code(F.confidence, draft[F.confidence]!);
    if (date < 0 || actor < 0 || theme < 0 || precision < 0 || kind < 0 || confidence < 0) return false;
    for (const k of LIMITED) if (draft[k]! < 0 || this.code(k, draft[k]!) < 0) return false;
    for (const k of OPTIONAL) if (draft[k]! >= 0 && this.code(k, draft[k]!) < 0) return false;
    if (!(score >= SCORE_MIN && score <= SCORE_MAX)) return false;
    if (originalScore === Infinity || originalScore === -Infinity) return false;
    const dates = this.values[F.date]!;
    const key = date * 3 + precision;
    if (key >= this.days.length) {
      const days = new Float64Array(Math.max(key + 1, this.days.length * 2));
      days.set(this.days);
      this.days = days;
      this.dayKnown = growBytes(this.dayKnown, this.dayKnown.length, days.length - this.dayKnown.length);
    }
    let day = this.days[key]!;
    if (this.dayKnown[key] === 0) {
      const text = dates.text(date);
      const p = PRECISIONS[precision]!;
      day = isDateOf(text, p) ? dayOfDate(text, p) : NaN;
      this.days[key] = day;
      this.dayKnown[key] = 1;
    }
    if (Number.isNaN(day)) return false;

    const r = this.count++;
    if (r >= this.capacity) this.grow();
    if (id >= this.idTaken.length) this.idTaken = growBytes(this.idTaken, this.idTaken.length, id + 1);
    this.idTaken[id] = 1;
    if (this.idsAscending && r > 0 && this.values[F.id]!.compare(id, this.lastId) < 0)
      this.idsAscending = false;
    this.lastId = id;
    if (date >= this.dateCounted.length)
      this.dateCounted = growBytes(this.dateCounted, this.dateCounted.length, date + 1);
    if (this.dateCounted[date] === 0) {
      this.dateCounted[date] = 1;
      const s = dates.text(date);
      const asDay = s.length === 4 ? `${s}-01-01` : s.length === 7 ? `${s}-01` : s;
      if (this.lastDay === null || asDay > this.lastDay) this.lastDay = asDay;
    }
    this.drafts.set(draft, r * KEYS.length);
    this.day[r] = day;
    this.actorOf[r] = actor;
    this.themeOf[r] = theme;
    this.flags[r] = packFlags(kind, confidence, precision);
    this.score[r] = score;
    this.originalScore[r] = originalScore;
    return true;
  }

  /** A row parsed by JSON.parse and passed by the fast validation's row check. */
  addObject(o: ObservationInput, draft: Int32Array): boolean {
    KEYS.forEach((name, k) => {
      const interner = this.values[k];
      if (!interner) return;
      const s = o[name as Exclude<(typeof KEYS)[number], 'score' | 'originalScore'>];
      if (typeof s !== 'string') draft[k] = -1;
      else {
        const bytes = encodeText(s);
        draft[k] = interner.intern(bytes, 0, bytes.length);
      }
    });
    return this.commit(draft, o.score, o.originalScore ?? NaN);
  }

  /**
   * Room for about `rows` rows (an estimate from the body's length): the row arrays, and the tables of
   * fields whose values are mostly new on each row, sized once instead of doubling.
   */
  reserve(rows: number) {
    const n = this.count;
    if (n === 0 || rows <= this.capacity) return;
    for (const v of this.values)
      if (v && v.count * 2 > n)
        v.reserve(Math.ceil((v.count / n) * rows), Math.ceil((v.used / n) * rows * 1.05));
    this.grow(rows);
  }

  private grow(size = this.capacity * 2) {
    const widen = <T extends Int32Array | Uint32Array | Uint8Array | Float64Array>(a: T): T => {
      const next = new (a.constructor as new (n: number) => T)(size);
      next.set(a);
      return next;
    };
    const drafts = new Int32Array(size * KEYS.length);
    drafts.set(this.drafts);
    this.drafts = drafts;
    this.day = widen(this.day);
    this.actorOf = widen(this.actorOf);
    this.themeOf = widen(this.themeOf);
    this.flags = widen(this.flags);
    this.score = widen(this.score);
    this.originalScore = widen(this.originalScore);
    this.capacity = size;
  }

  /** The columns, rows in time order: what buildColumns gives for the same rows. */
  finish(): ObservationColumns {
    const n = this.count;
    const idPool = this.values[F.id]!;
    const drafts = this.drafts;
    const W = KEYS.length;
    // Ids are ASCII (the id rule), so comparing bytes compares as strings do (ids are unique: never 0).
    const compare = (a: number, b: number) => idPool.compare(drafts[a * W]!, drafts[b * W]!);
    const placed = this.day.subarray(0, n);
    const order = timeOrder(placed, compare, this.idsAscending);
    const day = new Int32Array(n);
    const actor = new Uint32Array(n);
    const theme = new Uint32Array(n);
    const flags = new Uint8Array(n);
    const score = new Float64Array(n);
    const originalScore = new Float64Array(n);
    const ids = new Int32Array(n);
    const dates = new Int32Array(n);
    const notes = new Int32Array(n);
    const speakers = new Int32Array(n);
    const summaries = new Int32Array(n);
    const quotes = new Int32Array(n);
    const rationales = new Int32Array(n);
    const sources = new Int32Array(n);
    const events = new Int32Array(n);
    // One pass over the rows in the file's order writes every column's row in time order (rank: a
    // file row's place in time order), the text keys' value numbers too: each read is sequential (a
    // draft is one cache line), and only the writes scatter. Read in time order, every row would miss
    // the cache in each array (this runs once per load; at 100k shuffled rows, about a tenth of finish).
    const rank = new Int32Array(n);
    for (let r = 0; r < n; r++) rank[order[r]!] = r;
    for (let i = 0; i < n; i++) {
      const r = rank[i]!;
      day[r] = placed[i]!;
      actor[r] = this.actorOf[i]!;
      theme[r] = this.themeOf[i]!;
      flags[r] = this.flags[i]!;
      score[r] = this.score[i]!;
      originalScore[r] = this.originalScore[i]!;
      const at = i * W;
      ids[r] = drafts[at + F.id]!;
      dates[r] = drafts[at + F.date]!;
      notes[r] = drafts[at + F.dateNote]!;
      speakers[r] = drafts[at + F.speaker]!;
      summaries[r] = drafts[at + F.summary]!;
      quotes[r] = drafts[at + F.quote]!;
      rationales[r] = drafts[at + F.rationale]!;
      sources[r] = drafts[at + F.sourceId]!;
      events[r] = drafts[at + F.eventId]!;
    }
    const v = this.values;
    const text = (timed: Int32Array, key: number) => finishText(timed, v[key]!);
    return {
      count: n,
      fileIndex: order,
      day,
      actor,
      theme,
      flags,
      score,
      originalScore,
      id: text(ids, F.id),
      date: text(dates, F.date),
      dateNote: text(notes, F.dateNote),
      speaker: text(speakers, F.speaker),
      summary: text(summaries, F.summary),
      quote: text(quotes, F.quote),
      rationale: text(rationales, F.rationale),
      sourceId: text(sources, F.sourceId),
      eventId: text(events, F.eventId),
    };
  }
}

/**
 * One text column: the interner's distinct values, each row's value number (time order) as its index.
 * A field whose rows are mostly distinct (ids, summaries) is a dictionary as large as the rows; readers
 * treat such a dictionary as per-row text (see isSmallDictionary).
 */
function finishText(ids: Int32Array, values: Interner): TextColumn {
  let ascii = true;
  for (let k = 0; k < values.count && ascii; k++) if (values.nonAscii[k]) ascii = false;
  return {
    bytes: values.pool.slice(0, values.used),
    offsets: values.starts.slice(0, values.count + 1),
    // An absent row's -1, read unsigned, is ABSENT.
    index: new Uint32Array(ids.buffer, ids.byteOffset, ids.length),
    absent: null,
    ascii,
  };
}
