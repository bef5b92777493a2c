import type { Actor, Confidence, Dataset, DatePrecision, Kind, Observation } from './schema';
import { lastDataDay, type DefaultRangeSource } from './default-range';
import { DAY_MS } from './dates';
import {
  ABSENT,
  CONFIDENCES,
  KINDS,
  PRECISIONS,
  confidenceCode,
  kindCode,
  precisionCode,
  textAt,
  valueAt,
  valueCount,
  valueIndex,
  type ActorCells,
  type ObservationColumns,
  type TextColumn,
} from './columns';
import { buildColumns } from './build-columns';

// The in-browser engine's store: a dataset's metadata and its observations as columns (rows in time
// order), with indexes built when first asked for. Everything here is pure and runs in Node too.

/**
 * Everything about a dataset but its observations, with what the default range needs: the latest
 * observation's day (`lastDay`, what the index gives), or the observations themselves (a plain dataset).
 */
export type DatasetMeta = Omit<Dataset, 'observations'> & DefaultRangeSource;

/**
 * A dataset as the engine takes it: everything but the observations, the observations as columns and
 * the aggregate cells the loader built, by actor number (null: built when first drawn; aggregates.ts).
 */
export interface LoadedDataset {
  meta: DatasetMeta;
  columns: ObservationColumns;
  cells?: (ActorCells | null)[];
}

/** An observation with its place on the time axis; `obs` (every field) is built only when read. */
export interface PlacedObservation {
  /** Row in the columns. */
  readonly row: number;
  readonly obs: Observation;
  readonly id: string;
  /** Time in ms (UTC) where it is drawn: the day, or the middle of its month/year. */
  readonly t: number;
  /** Epoch day of t. */
  readonly day: number;
  /** Only day-precise observations enter the day-level smoothed line. */
  readonly dayPrecise: boolean;
  /** Position of the observation's theme in the dataset's theme list. */
  readonly themeIndex: number;
  readonly score: number;
  readonly kind: Kind;
  readonly confidence: Confidence;
  readonly precision: DatePrecision;
}

class Placed implements PlacedObservation {
  readonly t: number;
  readonly day: number;
  readonly dayPrecise: boolean;
  readonly themeIndex: number;
  readonly score: number;
  readonly kind: Kind;
  readonly confidence: Confidence;
  readonly precision: DatePrecision;
  constructor(
    private readonly index: DatasetIndex,
    readonly row: number,
  ) {
    const c = index.columns;
    const flags = c.flags[row]!;
    this.day = c.day[row]!;
    this.t = this.day * DAY_MS;
    this.precision = PRECISIONS[precisionCode(flags)]!;
    this.dayPrecise = this.precision === 'day';
    this.themeIndex = c.theme[row]!;
    this.score = c.score[row]!;
    this.kind = KINDS[kindCode(flags)]!;
    this.confidence = CONFIDENCES[confidenceCode(flags)]!;
  }
  get obs(): Observation {
    return this.index.observationAt(this.row);
  }
  get id(): string {
    return textAt(this.index.columns.id, this.row)!;
  }
}

/** Rows grouped by actor: rows of actor a are order[start[a] .. start[a + 1]), in time order. */
interface ActorGroups {
  order: Int32Array;
  start: Int32Array;
}

/** A per-actor list of placed observations, built per actor when first asked for. */
export interface ActorLists {
  get(actorId: string): PlacedObservation[] | undefined;
  has(actorId: string): boolean;
}

export class DatasetIndex {
  readonly meta: DatasetMeta;
  readonly columns: ObservationColumns;
  /** Ids in dataset order (the columns' actor and theme numbers point here). */
  readonly actorIds: string[];
  readonly themeIds: string[];
  readonly actorById: Map<string, Actor>;
  readonly actorNumber: Map<string, number>;
  /** First and last drawn time over the whole dataset. */
  readonly extent: [number, number] | null;
  /** Every observation of an actor, in time order. */
  readonly byActor: ActorLists;

  private groups: ActorGroups | null = null;
  private readonly lists = new Map<number, PlacedObservation[]>();
  private readonly materialized = new Map<number, Observation>();
  private idTable: IdTable | null = null;

  /** The dataset's actors, and any an unvalidated dataset's observations name besides (tests, CLIs). */
  readonly actors: Actor[];

  constructor(
    meta: DatasetMeta,
    columns: ObservationColumns,
    extra: { actors?: Actor[]; themes?: string[] } = {},
  ) {
    this.meta = meta;
    this.columns = columns;
    this.actors = [...meta.actors, ...(extra.actors ?? [])];
    this.actorIds = this.actors.map((a) => a.id);
    this.themeIds = [...meta.themes.map((t) => t.id), ...(extra.themes ?? [])];
    this.actorById = new Map(this.actors.map((a) => [a.id, a]));
    this.actorNumber = new Map(this.actorIds.map((id, i) => [id, i]));
    const n = columns.count;
    // Rows are in time order, so the extent is the first and last row.
    this.extent = n ? [columns.day[0]! * DAY_MS, columns.day[n - 1]! * DAY_MS] : null;
    this.byActor = {
      get: (id) => {
        const a = this.actorNumber.get(id);
        if (a === undefined) return undefined;
        const rows = this.rowsOf(a);
        return rows.length ? this.placedList(a, rows) : undefined;
      },
      has: (id) => {
        const a = this.actorNumber.get(id);
        return a !== undefined && this.rowsOf(a).length > 0;
      },
    };
  }

  get count(): number {
    return this.columns.count;
  }

  /** Row numbers of actor `a`, in time order (one linear pass the first time any actor is asked for). */
  rowsOf(a: number): Int32Array {
    if (!this.groups) {
      const { actor, count } = this.columns;
      const start = new Int32Array(this.actorIds.length + 1);
      for (let r = 0; r < count; r++) start[actor[r]! + 1]!++;
      for (let k = 1; k < start.length; k++) start[k]! += start[k - 1]!;
      const next = start.slice(0, -1);
      const order = new Int32Array(count);
      for (let r = 0; r < count; r++) order[next[actor[r]!]!++] = r;
      this.groups = { order, start };
    }
    return this.groups.order.subarray(this.groups.start[a], this.groups.start[a + 1]);
  }

  placed(row: number): PlacedObservation {
    return new Placed(this, row);
  }

  private placedList(a: number, rows: Int32Array): PlacedObservation[] {
    let list = this.lists.get(a);
    if (!list) {
      list = Array.from(rows, (r) => this.placed(r));
      this.lists.set(a, list);
    }
    return list;
  }

  /** The full observation of a row, as the schema describes it (built once, then kept). */
  observationAt(row: number): Observation {
    let obs = this.materialized.get(row);
    if (obs) return obs;
    const c = this.columns;
    const flags = c.flags[row]!;
    const dateNote = textAt(c.dateNote, row);
    const original = c.originalScore[row]!;
    const eventId = textAt(c.eventId, row);
    // Keys in the schema's order, optional ones only when present: equal to what zod's parse returns.
    obs = {
      id: textAt(c.id, row)!,
      date: textAt(c.date, row)!,
      datePrecision: PRECISIONS[precisionCode(flags)]!,
      ...(dateNote === undefined ? {} : { dateNote }),
      actor: this.actorIds[c.actor[row]!]!,
      speaker: textAt(c.speaker, row)!,
      theme: this.themeIds[c.theme[row]!]!,
      kind: KINDS[kindCode(flags)]!,
      score: c.score[row]!,
      ...(Number.isNaN(original) ? {} : { originalScore: original }),
      confidence: CONFIDENCES[confidenceCode(flags)]!,
      summary: textAt(c.summary, row)!,
      quote: textAt(c.quote, row)!,
      sourceId: textAt(c.sourceId, row) ?? null,
      ...(eventId === undefined ? {} : { eventId }),
      rationale: textAt(c.rationale, row)!,
    };
    this.materialized.set(row, obs);
    return obs;
  }

  /** The row of an observation id, or -1: a hash table over the ids' UTF-8 bytes, so no id is decoded to find one. */
  rowOfId(id: string): number {
    const col = this.columns.id;
    this.idTable ??= buildIdTable(col, this.count);
    const key = new TextEncoder().encode(id);
    const { slots, mask, rowOf } = this.idTable;
    for (let s = hashBytes(key, 0, key.length) & mask; ; s = (s + 1) & mask) {
      const k = slots[s]!;
      if (k < 0) return -1;
      if (bytesEqual(col.bytes, col.offsets[k]!, col.offsets[k + 1]!, key)) return rowOf ? rowOf[k]! : k;
    }
  }

  observationById(id: string): Observation | null {
    const row = this.rowOfId(id);
    return row < 0 ? null : this.observationAt(row);
  }

  /** Observations per source id. */
  sourceCounts(): Map<string, number> {
    const col = this.columns.sourceId;
    const counts = new Map<string, number>();
    if (col.index) {
      const per = new Uint32Array(valueCount(col));
      for (let r = 0; r < this.count; r++) {
        const k = col.index[r]!;
        if (k !== ABSENT) per[k]!++;
      }
      per.forEach((n, k) => n && counts.set(valueAt(col, k), n));
    } else {
      for (let r = 0; r < this.count; r++) {
        const k = valueIndex(col, r);
        if (k === ABSENT) continue;
        const v = valueAt(col, k);
        counts.set(v, (counts.get(v) ?? 0) + 1);
      }
    }
    return counts;
  }
}

function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

function bytesEqual(bytes: Uint8Array, start: number, end: number, key: Uint8Array): boolean {
  if (end - start !== key.length) return false;
  for (let i = 0; i < key.length; i++) if (bytes[start + i] !== key[i]) return false;
  return true;
}

/** Value numbers hashed by their bytes; rowOf maps a dictionary's value to its row (ids are unique). */
interface IdTable {
  slots: Int32Array;
  mask: number;
  rowOf: Int32Array | null;
}

function buildIdTable(col: TextColumn, rows: number): IdTable {
  const n = valueCount(col);
  let size = 1;
  while (size < n * 2) size *= 2;
  const slots = new Int32Array(size).fill(-1);
  const mask = size - 1;
  for (let k = 0; k < n; k++) {
    let s = hashBytes(col.bytes, col.offsets[k]!, col.offsets[k + 1]!) & mask;
    while (slots[s]! >= 0) s = (s + 1) & mask;
    slots[s] = k;
  }
  let rowOf: Int32Array | null = null;
  if (col.index) {
    rowOf = new Int32Array(n).fill(-1);
    for (let r = 0; r < rows; r++) {
      const k = col.index[r]!;
      if (k !== ABSENT) rowOf[k] = r;
    }
  }
  return { slots, mask, rowOf };
}

const indexCache = new WeakMap<Dataset, DatasetIndex>();

/** The engine's store for a dataset held as objects (a file opened in the page, tests, the CLIs); memoized. */
export function indexDataset(dataset: Dataset): DatasetIndex {
  let index = indexCache.get(dataset);
  if (!index) {
    const { observations, ...rest } = dataset;
    const meta: DatasetMeta = { ...rest, lastDay: lastDataDay(observations) };
    // Validation guarantees every actor and theme is defined; an unvalidated dataset (a test, a CLI
    // input) may name others, which are kept apart rather than mixed into the defined ones.
    const actorIds = new Set(dataset.actors.map((a) => a.id));
    const themeIds = new Set(dataset.themes.map((t) => t.id));
    const extraActors = new Map<string, Actor>();
    const extraThemes = new Set<string>();
    for (const o of observations) {
      if (!actorIds.has(o.actor) && !extraActors.has(o.actor))
        extraActors.set(o.actor, {
          id: o.actor,
          name: o.actor,
          group: '',
          description: '',
          color: '#888888',
        });
      if (!themeIds.has(o.theme)) extraThemes.add(o.theme);
    }
    const extra = { actors: [...extraActors.values()], themes: [...extraThemes] };
    const columns = buildColumns(
      observations,
      [...actorIds, ...extraActors.keys()],
      [...themeIds, ...extraThemes],
    );
    index = new DatasetIndex(meta, columns, extra);
    indexCache.set(dataset, index);
  }
  return index;
}
